import type { TaskResult } from "./task-result.js";

export type AggregateVerdict = "all-succeeded" | "partial-success" | "failure";

export interface AggregateDecision {
  total: number;
  succeeded: number;
  failed: number;
  /** Percentage of tasks that succeeded, one decimal. */
  rate: number;
  verdict: AggregateVerdict;
  /** Whether the run meets the threshold; the aggregate step fails when it does not. */
  passed: boolean;
}

/**
 * Partial success as the original system defined it (>= threshold, 80% by default), except that a run
 * with no successful task is never a success, even with a threshold of 0.
 */
export function decideOutcome(results: TaskResult[], threshold: number): AggregateDecision {
  const total = results.length;
  const succeeded = results.filter((r) => r.succeeded).length;
  const rate = total === 0 ? 0 : Math.round((succeeded / total) * 1000) / 10;
  const passed = succeeded > 0 && rate >= threshold;
  const verdict: AggregateVerdict =
    total > 0 && succeeded === total ? "all-succeeded" : passed ? "partial-success" : "failure";
  return { total, succeeded, failed: total - succeeded, rate, verdict, passed };
}
