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
}

/** The artifact name pattern of status documents (see statusArtifactName). */
export function parseStatusArtifactName(
  name: string,
): { master: number; task: string; attempt: number } | undefined {
  const match = /^status-(\d+)-([A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)-(\d+)\.json$/.exec(name);
  if (!match) return undefined;
  return { master: Number(match[1]), task: match[2] as string, attempt: Number(match[3]) };
}
