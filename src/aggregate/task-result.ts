import type { PlannedTask } from "../plan/plan-schema.js";
import type { TaskStatus } from "../status/status-schema.js";

/**
 * What the aggregator concluded about one planned task. Every planned task gets exactly one, whether
 * its status arrived, arrived broken, or never arrived.
 */
export interface TaskResult {
  task: Pick<PlannedTask, "id" | "title" | "subIssue" | "branch">;
  succeeded: boolean;
  /** The status outcome, or `missing` / `invalid` / `forged` when the document cannot be used. */
  outcome: string;
  errorType: string | null;
  /** One sentence for people. */
  reason: string;
  /** The validated status document, when one was usable. */
  status: TaskStatus | null;
  prNumber: number | null;
  prUrl: string | null;
  /** The run attempt whose status this is; null when none arrived. */
  attempt: number | null;
  /** In a retry run: this task was not re-run, its result comes from an earlier run. */
  carriedOver: boolean;
  /**
   * For a carried-over task, what its agent cost and changed as the earlier run recorded it, so the
   * combined report can count it; absent when that run had no usable status for it (or ran no agent).
   */
  earlier?: TaskFigures;
}

/** What one agent run took, cost and changed: the figures of a summary row and of the totals. */
export interface TaskFigures {
  duration_seconds: number;
  /** Null when the agent does not report turns (or an older summary did not record them). */
  num_turns: number | null;
  cost_usd: number | null;
  /** Input tokens (cache reads included) and output tokens; null when not reported or not recorded. */
  tokens: { input: number; output: number } | null;
  lines_added: number;
  lines_removed: number;
}

/**
 * Outcomes given when a task's status could not be used (see collectStatuses): such a task has no
 * figures, and the zeros an earlier run stored for it must not be shown as a real run's.
 */
export const UNUSABLE_STATUS_OUTCOMES: ReadonlySet<string> = new Set(["missing", "invalid", "forged"]);

/** The figures of a validated status document. */
export function figuresOfStatus(status: TaskStatus): TaskFigures {
  return {
    duration_seconds: status.duration_seconds,
    num_turns: status.num_turns,
    cost_usd: status.cost_usd,
    tokens: status.tokens
      ? { input: status.tokens.input + status.tokens.cache_read, output: status.tokens.output }
      : null,
    lines_added: status.lines_added,
    lines_removed: status.lines_removed,
  };
}

/** The artifact name pattern of status documents (see statusArtifactName). */
export function parseStatusArtifactName(
  name: string,
): { master: number; task: string; attempt: number } | undefined {
  const match = /^status-(\d+)-([A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)-(\d+)\.json$/.exec(name);
  if (!match) return undefined;
  return { master: Number(match[1]), task: match[2] as string, attempt: Number(match[3]) };
}
