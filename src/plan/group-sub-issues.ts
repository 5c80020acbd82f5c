import { renderMarker } from "../github/markers.js";

/**
 * GitHub allows at most 100 sub-issues per parent (and 8 levels of nesting). A master issue with more
 * than 100 tasks gets one group sub-issue per hundred task ids — `[Master #N] Tasks 101–200` — linked
 * under the master, and each task's sub-issue is linked under its group: master → group → task (→ the
 * task's follow-up issue), four levels.
 *
 * Groups are keyed by task id, not by position in this run's selection, so a task belongs to the same
 * group in every run (a retry or a `tasks` selection finds and reuses it), and a group never holds more
 * than 100 task sub-issues.
 */
export const SUB_ISSUES_PER_PARENT = 100;

/** Whether a master issue with `taskCount` tasks links its task sub-issues through group sub-issues. */
export function usesGroups(taskCount: number): boolean {
  return taskCount > SUB_ISSUES_PER_PARENT;
}

/** The 1-based group of a task id: ids 1–100 are group 1, 101–200 group 2, … */
export function groupOfTask(taskId: string): number {
  const id = Number.parseInt(taskId, 10);
  if (!Number.isSafeInteger(id) || id < 1) throw new Error(`Task id ${taskId} is not a positive integer`);
  return Math.floor((id - 1) / SUB_ISSUES_PER_PARENT) + 1;
}

/** The task ids a group covers, e.g. group 2 → [101, 200]. */
export function groupRange(group: number): [number, number] {
  return [(group - 1) * SUB_ISSUES_PER_PARENT + 1, group * SUB_ISSUES_PER_PARENT];
}

/** Marker attributes of a group sub-issue. */
export function groupMarker(master: number, group: number): { master: number; group: number } {
  return { master, group };
}

export const GROUP_MARKER_KIND = "sub-issue-group";

export function renderGroupTitle(master: number, group: number): string {
  const [from, to] = groupRange(group);
  return `[Master #${master}] Tasks ${from}–${to}`;
}

export function renderGroupBody(master: number, group: number): string {
  const [from, to] = groupRange(group);
  return [
    renderMarker(GROUP_MARKER_KIND, groupMarker(master, group)),
    `Groups the sub-issues of tasks ${from}–${to} of #${master}.`,
    "",
    `GitHub allows at most ${SUB_ISSUES_PER_PARENT} sub-issues per issue, so the orchestrator links the sub-issues of a master issue with more than ${SUB_ISSUES_PER_PARENT} tasks through one group issue per hundred tasks. Close it when its tasks are done.`,
  ].join("\n");
}
