/**
 * A sub-task found in a master issue. Everything here comes from untrusted issue text:
 * it is data to show and to hand to an agent (after sanitising), never something to execute.
 */
export interface Task {
  /** Stable id: the task's 1-based position among all tasks parsed from the master issue ("1", "2", …). */
  id: string;
  /** One-line title, markdown emphasis removed, whitespace collapsed. */
  title: string;
  /** Markdown of the task's own text after the title: rest of the item line, nested bullets, paragraphs. */
  description: string;
  /** The heading the task was grouped under (e.g. "Data Layer"), when the master issue groups tasks. */
  group?: string;
  /** Acceptance criteria: a nested "Acceptance" list, else sentences with must / should / will. */
  acceptanceCriteria: string[];
  /** Files, directories and globs the task mentions (backticked paths, `dir/`, `src/**`), de-duplicated, in order. */
  files: string[];
  /** Ids of other tasks in this master issue that this task declares it depends on, ascending, no self. */
  dependsOn: string[];
  /** Issue numbers (`#N` that are not task ids) the task declares it depends on. */
  dependsOnIssues: number[];
  /**
   * Task numbers, as the author wrote them (`depends on task 99`), that no task of the master issue has:
   * kept so validation can report them instead of the dependency vanishing. Present only when non-empty.
   */
  unknownDependencies?: number[];
}

/** How the tasks were written in the master issue. */
export type TaskFormat = "checklist" | "numbered" | "headings" | "mixed" | "none";

export interface ParsedMasterIssue {
  /** Markdown before the first task (or outside any task section): the master issue's context for agents. */
  context: string;
  tasks: Task[];
  format: TaskFormat;
  /** How many checked (`[x]`) items were skipped as already done. */
  skippedCompleted: number;
}
