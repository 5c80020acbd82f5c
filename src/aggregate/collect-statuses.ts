import type { ArtifactStore, StoredArtifact } from "../artifacts/artifact-store.js";
import type { GitHubClient, PullRequest } from "../github/github-client.js";
import { errorMessage } from "../logger.js";
import type { PlannedTask } from "../plan/plan-schema.js";
import { parseTaskStatus, type TaskStatus } from "../status/status-schema.js";
import { parseStatusArtifactName, type TaskResult } from "./task-result.js";

/** Status documents over this size are not downloaded: a status is a few KB, a huge one is not ours. */
export const MAX_STATUS_BYTES = 256 * 1024;

/** Downloads run this many at a time: fast for 256 tasks without flooding the artifact service. */
const DOWNLOAD_CONCURRENCY = 8;

/** Runs `fn` over `items` with at most `limit` in flight, keeping order. */
export async function mapConcurrent<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function failed(
  task: PlannedTask,
  outcome: string,
  errorType: string,
  reason: string,
  attempt: number | null = null,
): TaskResult {
  return {
    task: { id: task.id, title: task.title, subIssue: task.subIssue, branch: task.branch },
    succeeded: false,
    outcome,
    errorType,
    reason,
    status: null,
    prNumber: null,
    prUrl: null,
    attempt,
    carriedOver: false,
  };
}

/** The newest status artifact of each task of this master issue, up to the current run attempt. */
export function pickStatusArtifacts(
  artifacts: StoredArtifact[],
  master: number,
  runAttempt: number,
): Map<string, { artifact: StoredArtifact; attempt: number }> {
  const newest = new Map<string, { artifact: StoredArtifact; attempt: number }>();
  for (const artifact of artifacts) {
    const parsed = parseStatusArtifactName(artifact.name);
    if (!parsed || parsed.master !== master || parsed.attempt > runAttempt) continue;
    const current = newest.get(parsed.task);
    if (!current || parsed.attempt > current.attempt)
      newest.set(parsed.task, { artifact, attempt: parsed.attempt });
  }
  return newest;
}

/** A status document that passed the schema and names its own task, before its PR claim is checked. */
interface Read {
  kind: "read";
  task: PlannedTask;
  status: TaskStatus;
  attempt: number;
}

/**
 * Accounts for every planned task: its newest status, validated against the schema and against what
 * it claims (its own task, its master issue, a PR that exists on the task's branch). A missing,
 * invalid or forged status is a failure with a reason that says so — never dropped, never a success.
 */
export async function collectStatuses(args: {
  store: ArtifactStore;
  github: GitHubClient;
  master: number;
  runAttempt: number;
  tasks: PlannedTask[];
}): Promise<TaskResult[]> {
  const { store, github, master, tasks } = args;
  const picked = pickStatusArtifacts(await store.list(), master, args.runAttempt);
  const read = await mapConcurrent(tasks, DOWNLOAD_CONCURRENCY, async (task): Promise<TaskResult | Read> => {
    const found = picked.get(task.id);
    if (!found) {
      return failed(
        task,
        "missing",
        "MISSING_STATUS",
        "No status was uploaded: the job was cancelled, its runner was lost, or it timed out before the upload.",
      );
    }
    if (found.artifact.size > MAX_STATUS_BYTES) {
      return failed(
        task,
        "invalid",
        "INVALID_STATUS",
        `The status document is ${found.artifact.size} bytes, far over any real status: not trusted.`,
        found.attempt,
      );
    }
    let status: TaskStatus;
    try {
      status = parseTaskStatus(await store.downloadJson(found.artifact, MAX_STATUS_BYTES));
    } catch (error) {
      return failed(
        task,
        "invalid",
        "INVALID_STATUS",
        `The status document is unusable: ${errorMessage(error)}`,
        found.attempt,
      );
    }
    if (status.task_id !== task.id || status.master_issue !== master) {
      return failed(
        task,
        "forged",
        "INVALID_STATUS",
        `The status document claims task ${status.task_id} of #${status.master_issue}, not task ${task.id} of #${master}.`,
        found.attempt,
      );
    }
    return { kind: "read", task, status, attempt: found.attempt };
  });
  // Every claimed pull request is checked in one batch (100 per GraphQL query), not one request each.
  const claimed = read.flatMap((r) =>
    "kind" in r && r.status.pr_number !== null ? [r.status.pr_number] : [],
  );
  let pulls: Map<number, PullRequest> | Error = new Map();
  if (claimed.length > 0) {
    try {
      pulls = await github.getPullRequests(claimed);
    } catch (error) {
      pulls = error instanceof Error ? error : new Error(String(error));
    }
  }
  return read.map((r) => {
    if (!("kind" in r)) return r;
    const { task, status, attempt } = r;
    const prProblem = checkPullRequestClaim(github.owner, pulls, status, task);
    if (prProblem) return failed(task, "forged", "INVALID_STATUS", prProblem, attempt);
    return {
      task: { id: task.id, title: task.title, subIssue: task.subIssue, branch: task.branch },
      succeeded: status.status === "completed",
      outcome: status.outcome,
      errorType: status.error_type,
      reason: status.outcome_reason,
      status,
      prNumber: status.pr_number,
      prUrl: status.pr_url,
      attempt,
      carriedOver: false,
    };
  });
}

/** A status that names a pull request must name one that exists, from this repository, on the task's branch. */
function checkPullRequestClaim(
  owner: string,
  pulls: Map<number, PullRequest> | Error,
  status: TaskStatus,
  task: PlannedTask,
): string | undefined {
  if (status.pr_number === null) {
    return status.status === "completed" ? "The status claims success but names no pull request." : undefined;
  }
  if (pulls instanceof Error) {
    return `The status claims pull request #${status.pr_number}, which could not be checked: ${errorMessage(pulls)}`;
  }
  const pr = pulls.get(status.pr_number);
  if (!pr)
    return `The status claims pull request #${status.pr_number}, which does not exist in this repository.`;
  if (pr.headRef !== task.branch || pr.headOwner.toLowerCase() !== owner.toLowerCase()) {
    return `The status claims pull request #${status.pr_number}, but its head is ${pr.headOwner}:${pr.headRef}, not ${task.branch}.`;
  }
  return undefined;
}
