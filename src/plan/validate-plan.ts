import { groupOfTask, groupRange, SUB_ISSUES_PER_PARENT, usesGroups } from "./group-sub-issues.js";
import type { Task } from "./task.js";

/** The three verdicts of the original system: run, run but look first, or do not run. */
export type ValidationOutcome = "proceed" | "warn" | "abort";

export interface Finding {
  level: "error" | "warning" | "info";
  /** Stable machine-readable code, e.g. `dependency`, `file-overlap`. */
  code: string;
  message: string;
  /** Task ids the finding is about. */
  tasks: string[];
}

export interface ValidationReport {
  outcome: ValidationOutcome;
  findings: Finding[];
}

export interface ValidationOptions {
  /** Whether two tasks claiming the same file warn (default) or abort. */
  onOverlap: "warn" | "fail";
  /** A matrix can hold at most 256 jobs per workflow run. */
  maxTasks: number;
  /** Below this many tasks the orchestration overhead outweighs the parallelism. */
  minUsefulTasks: number;
}

export const DEFAULT_VALIDATION_OPTIONS: ValidationOptions = {
  onOverlap: "warn",
  maxTasks: 256,
  minUsefulTasks: 3,
};

/** The part of a path or glob before its first wildcard: what it certainly names. */
function staticPrefix(path: string): string {
  const wildcard = path.search(/[*?[{]/);
  return wildcard === -1 ? path : path.slice(0, wildcard);
}

/**
 * Whether two file claims can touch the same file: equal paths, a directory containing the other path,
 * or globs whose fixed prefixes nest. Conservative on purpose: a false warning costs a glance, a missed
 * overlap costs a merge conflict.
 */
export function pathsOverlap(a: string, b: string): boolean {
  if (a === b) return true;
  return covers(a, b) || covers(b, a);
}

/** Whether claim `a` (a directory ending in `/` or a glob) includes what claim `b` names. */
function covers(a: string, b: string): boolean {
  const prefix = staticPrefix(a);
  const isDirectoryOrGlob = a.endsWith("/") || prefix !== a;
  if (!isDirectoryOrGlob) return false;
  const bPrefix = staticPrefix(b);
  return bPrefix.startsWith(prefix) || b === prefix.replace(/\/$/, "");
}

/** "a", "a and b", "a, b and c". */
function joinList(items: string[]): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1) ?? ""}`;
}

/** "task 9", "tasks 9 and 12", …: how the author would write the numbers; long lists are cut at 10. */
function taskNumbers(numbers: number[]): string {
  const shown = numbers.slice(0, 10).map(String);
  if (numbers.length > 10) shown.push(`${numbers.length - 10} more`);
  return `task${numbers.length === 1 ? "" : "s"} ${joinList(shown)}`;
}

function dependencyFindings(all: Task[], selected: Task[]): Finding[] {
  const selectedIds = new Set(selected.map((t) => t.id));
  const known = new Set(all.map((t) => t.id));
  const findings: Finding[] = [];
  for (const task of selected) {
    for (const dep of task.dependsOn) {
      if (selectedIds.has(dep)) {
        findings.push({
          level: "error",
          code: "dependency",
          message: `Task ${task.id} depends on task ${dep}; both are selected, so they cannot run in parallel. Run task ${dep} first (select it alone with the tasks input), merge it, then run task ${task.id}.`,
          tasks: [task.id, dep],
        });
      } else if (known.has(dep)) {
        findings.push({
          level: "warning",
          code: "dependency-not-selected",
          message: `Task ${task.id} depends on task ${dep}, which is not selected in this run: make sure its work is merged first.`,
          tasks: [task.id, dep],
        });
      }
    }
    const unknown = task.unknownDependencies ?? [];
    if (unknown.length > 0) {
      // A typo or a task since removed: the reference is all we have, so say which one it is.
      findings.push({
        level: "warning",
        code: "unknown-dependency",
        message: `Task ${task.id} depends on ${taskNumbers(unknown)}, but the master issue has no such task: the dependency is ignored. Correct the number or remove the reference.`,
        tasks: [task.id],
      });
    }
    for (const issue of task.dependsOnIssues) {
      findings.push({
        level: "warning",
        code: "external-dependency",
        message: `Task ${task.id} depends on issue #${issue}, outside this plan: make sure it is done first.`,
        tasks: [task.id],
      });
    }
  }
  return findings;
}

function overlapFindings(selected: Task[], onOverlap: "warn" | "fail"): Finding[] {
  const findings: Finding[] = [];
  for (let i = 0; i < selected.length; i++) {
    for (let j = i + 1; j < selected.length; j++) {
      const a = selected[i] as Task;
      const b = selected[j] as Task;
      const shared = a.files.flatMap((fa) =>
        b.files.filter((fb) => pathsOverlap(fa, fb)).map((fb) => [fa, fb]),
      );
      if (shared.length === 0) continue;
      const names = [...new Set(shared.flat())].map((p) => `\`${p}\``).join(", ");
      findings.push({
        level: onOverlap === "fail" ? "error" : "warning",
        code: "file-overlap",
        message: `Tasks ${a.id} and ${b.id} both touch ${names}: their pull requests may conflict at merge.`,
        tasks: [a.id, b.id],
      });
    }
  }
  return findings;
}

/**
 * Past 100 tasks the plan links sub-issues through group issues (group-sub-issues.ts). Nothing is wrong
 * with that, but the user sees extra issues appear under the master, so the report says why. Grouping
 * depends on the master issue's task count, not the selection: groups are keyed by task id.
 */
function groupingFinding(all: Task[], selected: Task[]): Finding | undefined {
  if (!usesGroups(all.length)) return undefined;
  const groups = [...new Set(selected.map((t) => groupOfTask(t.id)))].sort((a, b) => a - b);
  const ranges = groups.map((g) => {
    const [from, to] = groupRange(g);
    const last = Math.min(to, all.length);
    return last === from ? String(from) : `${from}–${last}`;
  });
  const k = `${groups.length} group issue${groups.length === 1 ? "" : "s"}`;
  const n = selected.length;
  const these = n === all.length ? k : `this run's ${n} task${n === 1 ? "" : "s"} go under ${k}`;
  return {
    level: "info",
    code: "grouped-sub-issues",
    message: `${all.length} tasks exceed GitHub's limit of ${SUB_ISSUES_PER_PARENT} sub-issues per issue, so their sub-issues are grouped under group issues of at most ${SUB_ISSUES_PER_PARENT} tasks each, linked under the master issue: ${these}, for tasks ${joinList(ranges)}.`,
    tasks: [],
  };
}

function sizeFindings(all: Task[], selected: Task[], options: ValidationOptions): Finding[] {
  const n = selected.length;
  if (n === 0) {
    return [
      {
        level: "error",
        code: "no-tasks",
        message:
          "No sub-tasks found. Write them as a checklist (`- [ ] Title: description`), a numbered list, or `## Task 1: Title` headings.",
        tasks: [],
      },
    ];
  }
  if (n > options.maxTasks) {
    return [
      {
        level: "error",
        code: "too-many-tasks",
        message: `${n} tasks selected, but a workflow matrix holds at most ${options.maxTasks} jobs. Split the master issue into issues of at most ${options.maxTasks} tasks, or run a part at a time with the tasks input (e.g. tasks: 1-${options.maxTasks}).`,
        tasks: [],
      },
    ];
  }
  const findings: Finding[] = [];
  if (n < options.minUsefulTasks) {
    findings.push({
      level: "warning",
      code: "few-tasks",
      message: `Only ${n} task${n === 1 ? "" : "s"}: below ${options.minUsefulTasks}, the orchestration overhead (sub-issues, one runner per task) usually outweighs running them in parallel.`,
      tasks: selected.map((t) => t.id),
    });
  }
  const grouping = groupingFinding(all, selected);
  if (grouping) findings.push(grouping);
  return findings;
}

function qualityFindings(selected: Task[]): Finding[] {
  const findings: Finding[] = [];
  const byTitle = new Map<string, string[]>();
  for (const task of selected) {
    const key = task.title.toLowerCase();
    byTitle.set(key, [...(byTitle.get(key) ?? []), task.id]);
    if (task.acceptanceCriteria.length === 0) {
      findings.push({
        level: "info",
        code: "no-acceptance-criteria",
        message: `Task ${task.id} states no acceptance criteria (sentences with must/should/will or an "Acceptance" list).`,
        tasks: [task.id],
      });
    }
  }
  for (const ids of byTitle.values()) {
    if (ids.length > 1) {
      findings.push({
        level: "warning",
        code: "duplicate-title",
        message: `Tasks ${ids.join(", ")} have the same title: agents may do the same work twice.`,
        tasks: ids,
      });
    }
  }
  return findings;
}

/**
 * Checks that the selected tasks can run as independent parallel jobs. Declared dependencies between
 * selected tasks abort; dependencies on unselected or unknown tasks and shared files warn (shared files
 * abort with on-overlap: fail); limits of GitHub abort with a message that says what to do, or, for the
 * 100 sub-issues per issue, are worked around and noted.
 */
export function validatePlan(
  all: Task[],
  selected: Task[],
  options: ValidationOptions = DEFAULT_VALIDATION_OPTIONS,
): ValidationReport {
  const findings = [
    ...sizeFindings(all, selected, options),
    ...dependencyFindings(all, selected),
    ...overlapFindings(selected, options.onOverlap),
    ...qualityFindings(selected),
  ];
  const outcome: ValidationOutcome = findings.some((f) => f.level === "error")
    ? "abort"
    : findings.some((f) => f.level === "warning")
      ? "warn"
      : "proceed";
  return { outcome, findings };
}
