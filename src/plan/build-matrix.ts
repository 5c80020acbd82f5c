import type { PlannedTask } from "./plan-schema.js";
import { safeTitle } from "./render-sub-issue.js";

/**
 * One matrix entry per agent job. Small on purpose: job outputs are capped at 1 MB per job, and the
 * agent reads the task itself from the plan document.
 */
export interface MatrixEntry {
  task: string;
  sub_issue: number | null;
  branch: string;
  /** A short, cleaned title for the job's name in the Actions UI. */
  title: string;
}

/** The `strategy.matrix` value: `matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}`. */
export interface Matrix {
  include: MatrixEntry[];
}

export function buildMatrix(tasks: PlannedTask[]): Matrix {
  return {
    include: tasks.map((t) => ({
      task: t.id,
      sub_issue: t.subIssue,
      branch: t.branch,
      title: safeTitle(t.title, 60),
    })),
  };
}
