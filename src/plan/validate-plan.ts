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

function sizeFindings(selected: Task[], options: ValidationOptions): Finding[] {
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
  if (n < options.minUsefulTasks) {
    return [
      {
        level: "warning",
        code: "few-tasks",
        message: `Only ${n} task${n === 1 ? "" : "s"}: below ${options.minUsefulTasks}, the orchestration overhead (sub-issues, one runner per task) usually outweighs running them in parallel.`,
        tasks: selected.map((t) => t.id),
      },
    ];
  }
  return [];
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
 * selected tasks abort; shared files warn (or abort with on-overlap: fail); limits of GitHub abort with
 * a message that says what to do.
 */
export function validatePlan(
  all: Task[],
  selected: Task[],
  options: ValidationOptions = DEFAULT_VALIDATION_OPTIONS,
): ValidationReport {
  const findings = [
    ...sizeFindings(selected, options),
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
