import type { BranchChanges } from "../git/git.js";
import {
  capFilesChanged,
  capText,
  parseTaskStatus,
  STATUS_LIMITS,
  TASK_STATUS_SCHEMA_VERSION,
  type ErrorType,
  type Outcome,
  type TaskStatus,
} from "../status/status-schema.js";
import type { AgentKind, AgentOutcome } from "./adapters/agent-adapter.js";

/** An outcome decided outside the adapter: by git, GitHub, or an error of the action itself. */
export interface OutcomeOverride {
  outcome: Outcome;
  errorType: ErrorType;
  reason: string;
}

/** Everything the agent job learned about one task's run; gathered as it goes, turned into a status at the end. */
export interface StatusFacts {
  master: number;
  taskId: string;
  subIssue: number | null;
  branch: string;
  baseBranch: string;
  agentKind: AgentKind;
  model: string | null;
  maxTurns: number | null;
  startedAt: Date;
  /** How long the agent process ran; 0 when it never started. */
  agentDurationMs: number;
  agent?: AgentOutcome;
  process?: { exitCode: number | null; signal: string | null; excerpt: string };
  changes?: BranchChanges;
  pr?: { number: number; url: string };
  /** Wins over the adapter's verdict: the run failed after (or before) the agent. */
  override?: OutcomeOverride;
  run: { runId: number; runAttempt: number; job: string };
  metadata: Record<string, unknown>;
  /** The sub-issue was created by this run's plan and this is the first attempt: no comment of ours yet. */
  freshSubIssue?: boolean;
  /**
   * Whether this attempt added commits. On a reused branch `changes` counts every attempt's commits, so
   * an agent that found its earlier work complete and changed nothing still has a branch to review.
   */
  attemptChanged?: boolean;
}

/**
 * The verdict: an override if one was recorded, else the agent's, except that an agent which
 * "succeeded" without committing anything made no change — never a success.
 */
export function decideOutcome(
  facts: StatusFacts,
): OutcomeOverride | { outcome: "success"; errorType: null; reason: string } {
  if (facts.override) return facts.override;
  const agent = facts.agent;
  if (!agent) {
    return {
      outcome: "crashed",
      errorType: "CRASHED",
      reason: "The agent job ended before the agent could run.",
    };
  }
  if (agent.outcome !== "success") {
    return { outcome: agent.outcome, errorType: agent.error_type ?? "UNKNOWN", reason: agent.reason };
  }
  if ((facts.changes?.commits ?? 0) === 0) {
    const denied = agent.denied_tools;
    return {
      outcome: "no_changes",
      errorType: "NO_CHANGES",
      reason:
        "The agent finished without changing any file, so there is nothing to review." +
        (denied.length > 0
          ? ` It was refused: ${denied.join(", ")} — grant what the task needs with \`allowed-tools\`.`
          : ""),
    };
  }
  if (facts.attemptChanged === false) {
    const commits = facts.changes?.commits ?? 0;
    return {
      outcome: "success",
      errorType: null,
      reason: `${agent.reason} It added no commit in this attempt: the branch already held ${commits} commit${commits === 1 ? "" : "s"} from an earlier attempt, which the agent left as they were.`,
    };
  }
  return { outcome: "success", errorType: null, reason: agent.reason };
}

/** Builds and validates the status document; every free text passes through `redact` first. */
export function buildStatus(facts: StatusFacts, now: Date, redact: (text: string) => string): TaskStatus {
  const verdict = decideOutcome(facts);
  const agent = facts.agent;
  const files = capFilesChanged(facts.changes?.files ?? []);
  const reason = capText(redact(verdict.reason), STATUS_LIMITS.reasonChars);
  const status: TaskStatus = {
    schema_version: TASK_STATUS_SCHEMA_VERSION,
    agent_id: `agent-${facts.taskId}`,
    task_id: facts.taskId,
    master_issue: facts.master,
    sub_issue: facts.subIssue,
    status: verdict.outcome === "success" ? "completed" : "failed",
    outcome: verdict.outcome,
    outcome_reason: reason,
    error:
      verdict.errorType === null
        ? null
        : capText(`${verdict.errorType}: ${redact(verdict.reason)}`, STATUS_LIMITS.errorChars),
    error_type: verdict.errorType,
    start_time: isoSeconds(facts.startedAt),
    last_update: isoSeconds(now),
    completion_time: isoSeconds(now),
    duration_seconds: Math.round(facts.agentDurationMs / 100) / 10,
    branch_name: facts.branch,
    base_branch: facts.baseBranch,
    pr_number: facts.pr?.number ?? null,
    pr_url: facts.pr?.url ?? null,
    commits: facts.changes?.commits ?? 0,
    files_changed: files.files_changed,
    files_changed_truncated: files.files_changed_truncated,
    lines_added: facts.changes?.linesAdded ?? 0,
    lines_removed: facts.changes?.linesRemoved ?? 0,
    agent: { kind: facts.agentKind, model: agent?.model ?? facts.model },
    exit_code: facts.process?.exitCode ?? null,
    signal: facts.process?.signal ?? null,
    result_subtype: agent?.result_subtype ?? null,
    is_error: agent?.is_error ?? null,
    num_turns: agent?.num_turns ?? null,
    max_turns: facts.maxTurns,
    cost_usd: agent?.cost_usd ?? null,
    tokens: agent?.tokens ?? null,
    denied_tools: (agent?.denied_tools ?? []).map((t) => capText(redact(t), STATUS_LIMITS.deniedToolChars)),
    final_message:
      agent?.final_message != null
        ? capText(redact(agent.final_message), STATUS_LIMITS.finalMessageChars)
        : null,
    log_excerpt: capText(redact(facts.process?.excerpt ?? ""), STATUS_LIMITS.logExcerptChars),
    run: { run_id: facts.run.runId, run_attempt: facts.run.runAttempt, job: facts.run.job },
    metadata: facts.metadata,
  };
  return parseTaskStatus(status);
}

/**
 * The status document, whatever the facts hold: when they fail the schema (an adapter read something no
 * test foresaw), a plain `crashed` status that names the problem is built from the task's identity
 * alone, so the aggregator still hears from this task and the pull request, if one was opened, is not
 * lost from view.
 */
export function buildStatusOrFallback(
  facts: StatusFacts,
  now: Date,
  redact: (text: string) => string,
): TaskStatus {
  try {
    return buildStatus(facts, now, redact);
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    const pr = facts.pr ? ` Pull request: ${facts.pr.url}` : "";
    return buildStatus(
      {
        master: facts.master,
        taskId: facts.taskId,
        subIssue: facts.subIssue,
        branch: facts.branch,
        baseBranch: facts.baseBranch,
        agentKind: facts.agentKind,
        model: null,
        maxTurns: facts.maxTurns,
        startedAt: facts.startedAt,
        agentDurationMs: facts.agentDurationMs,
        run: facts.run,
        metadata: {},
        override: {
          outcome: "crashed",
          errorType: "CRASHED",
          reason: `The status document could not be built (${capText(problem, 500)}); the task's outcome is unknown.${pr}`,
        },
      },
      now,
      redact,
    );
  }
}

/** ISO-8601 UTC without milliseconds, as the v1 schema's examples write it. */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
