/** What a local workflow run reports: per job, per matrix instance and per step; and its live events. */
import type { MatrixValues } from "./matrix.js";

/** A job's or step's conclusion, GitHub's four values. */
export type RunResult = "success" | "failure" | "cancelled" | "skipped";

/** Why a job instance was cancelled: its timeout-minutes, the onJobStart hook, or a fail-fast sibling. */
export type CancelReason = "timeout" | "hook" | "fail-fast";

export interface StepReport {
  index: number;
  id?: string;
  name: string;
  kind: "checkout" | "action" | "run";
  /** `conclusion` in GitHub's terms: a failure under continue-on-error concludes `success`. */
  result: RunResult;
  outcome: RunResult;
  exitCode: number | null;
  /** The signal that ended the process, when one did. */
  signal: string | null;
  stdout: string;
  stderr: string;
  /** The step's GITHUB_STEP_SUMMARY content. */
  summary: string;
  outputs: Record<string, string>;
  /** What GitHub would show as warnings: unexpected action inputs, ignored refs, … */
  warnings: string[];
  /** Why the step could not run or failed before starting a process. */
  error?: string;
  durationMs: number;
}

/** One run of a job: the job itself, or one matrix instance of it. */
export interface JobInstanceReport {
  id: string;
  /** Unique per run: the job id, `<id>-<index>` for matrix instances, prefixed for called workflows. */
  key: string;
  name: string;
  /** The matrix values; undefined for a job without a matrix. */
  matrix?: MatrixValues;
  index: number;
  result: RunResult;
  outputs: Record<string, string>;
  steps: StepReport[];
  cancelReason?: CancelReason;
  /** Set when the onJobStart hook lost the runner: nothing ran. */
  lost?: boolean;
  error?: string;
  warnings: string[];
  workspace?: string;
  startedAt?: Date;
  durationMs: number;
  /** The report of the called workflow, for a job that `uses:` one. */
  workflow?: WorkflowRunReport;
}

export interface JobReport {
  id: string;
  name: string;
  /** Combined over instances like `needs.<id>.result`: any failure, else any cancelled, else success. */
  result: RunResult;
  /** The job's outputs; for a matrix, the last non-empty value written by any instance. */
  outputs: Record<string, string>;
  instances: JobInstanceReport[];
  /** Why the job failed before any instance ran (an `if:` or strategy error). */
  error?: string;
  /** Why it was skipped: its condition, or the jobFilter option. */
  skippedBy?: "condition" | "filter";
  durationMs: number;
}

export interface WorkflowRunReport {
  name: string;
  path: string;
  result: RunResult;
  jobs: Record<string, JobReport>;
  /** The workflow's `on.workflow_call.outputs`, evaluated. */
  outputs: Record<string, string>;
  /** The evaluated `concurrency.group`, when the workflow sets one. */
  concurrencyGroup?: string;
  /** How long the run waited for its concurrency group (another run of the group was in progress). */
  queuedMs?: number;
  /** When the run got its concurrency group's slot and its jobs could start. */
  runningSince?: Date;
  /** The run's working directory (workspaces of every job instance live under it). */
  workDir: string;
  startedAt: Date;
  durationMs: number;
}

/** A job instance as events name it. */
export interface JobRef {
  id: string;
  key: string;
  name: string;
  matrix?: MatrixValues;
}

/** Live progress, in order of occurrence. */
export type WorkflowEvent =
  | { type: "workflow-start"; at: Date; name: string; path: string }
  | { type: "job-start"; at: Date; job: JobRef }
  | { type: "step-start"; at: Date; job: JobRef; step: string }
  | { type: "step-end"; at: Date; job: JobRef; step: string; result: RunResult; durationMs: number }
  | { type: "job-cancel"; at: Date; job: JobRef; reason: CancelReason }
  | { type: "job-end"; at: Date; job: JobRef; result: RunResult; durationMs: number; detail?: string }
  | { type: "warning"; at: Date; job?: JobRef; message: string }
  | { type: "workflow-end"; at: Date; report: WorkflowRunReport };
