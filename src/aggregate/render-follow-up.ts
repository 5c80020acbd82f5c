import { renderMarker } from "../github/markers.js";
import { safeLine, safeMarkdown, safeTitle } from "../plan/render-sub-issue.js";
import { neutralizeTitle } from "../security/neutralize-title.js";
import type { TaskResult } from "./task-result.js";

/** What usually causes each kind of failure, and what to do about it. */
const LIKELY_CAUSE: Record<string, string> = {
  TIMEOUT:
    "The agent did not finish in time. The task may be too large for one agent: split it, or raise `timeout-minutes`.",
  HUNG: "The agent stopped producing output, often while waiting on a network call or an interactive prompt.",
  AGENT_ERROR: "The agent reported a failure: read its final message and log below.",
  API_ERROR:
    "The model API refused or failed (credentials, rate limits, or an outage). Check the API key secret and the provider's status.",
  LIMIT_EXCEEDED:
    "The agent hit its turn or budget limit before finishing. Raise `max-turns` / `max-budget-usd`, or narrow the task.",
  NO_CHANGES:
    "The agent finished without changing any file: the task may be unclear, already done, or outside what its tools allow.",
  PUSH_FAILED:
    "The task branch could not be pushed, usually because someone else pushed to it meanwhile. Check the branch, then retry.",
  SECRET_IN_CHANGES:
    "The agent wrote a credential of the job (an API key, a token) into the files it committed, so nothing was pushed. Find out why from its log (a prompt injection in the task text?), then retry; rotate the key if you doubt the runner.",
  PR_FAILED:
    "The branch was pushed but the pull request could not be opened (permissions: allow GitHub Actions to create pull requests, or pass a PR token).",
  CANCELLED: "The job was cancelled before the agent finished.",
  CRASHED: "The agent or the action crashed: see the log excerpt and the job log.",
  INSTALL_FAILED: "The agent CLI could not be installed or started.",
  MISSING_STATUS:
    "No status arrived: the job was cancelled, its runner was lost, or it hit the job's time limit before uploading. Check the job log.",
  INVALID_STATUS:
    "The status document could not be trusted (invalid, about another task, or claiming a pull request that does not match).",
};

/** Marker attributes of a task's follow-up issue. */
export function followUpMarker(master: number, taskId: string) {
  return { master, task: taskId };
}

export function followUpTitle(master: number, result: TaskResult): string {
  return `[Master #${master}] Task ${result.task.id} failed (${result.outcome}): ${neutralizeTitle(safeTitle(result.task.title, 120))}`;
}

/** The diagnostic issue for one failed task: what failed, why it likely did, the log, how to retry. */
export function renderFollowUp(master: number, result: TaskResult, runUrl: string): string {
  const s = result.status;
  const log = s?.log_excerpt ?? "";
  const fence = "`".repeat(Math.max(3, ...[...log.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return [
    renderMarker("follow-up", followUpMarker(master, result.task.id)),
    `**Master issue**: #${master} · **Task** ${result.task.id}${result.task.subIssue ? ` · **Sub-issue**: #${result.task.subIssue}` : ""}`,
    "",
    "## What failed",
    "",
    `- **Outcome**: ${result.outcome}`,
    `- **Error type**: ${result.errorType ?? "UNKNOWN"}`,
    `- **Message**: ${safeLine(result.reason)}`,
    // Absent items are left out, not left blank: a blank line would split the list in two.
    ...(s
      ? [
          `- **Agent**: ${s.agent.kind}, exit code ${s.exit_code ?? "none"}${s.signal ? `, signal ${s.signal}` : ""}${s.num_turns !== null ? `, ${s.num_turns} turns` : ""}, branch \`${s.branch_name}\``,
        ]
      : []),
    ...(s && s.denied_tools.length > 0
      ? [
          `- **Refused tool uses**: ${s.denied_tools.map((t) => `\`${t.replace(/`/g, "'")}\``).join(", ")} — grant what the task needs with \`allowed-tools\``,
        ]
      : []),
    `- **Run**: ${runUrl}`,
    "",
    "## Likely cause",
    "",
    LIKELY_CAUSE[result.errorType ?? ""] ?? "Unknown: read the log excerpt and the job log.",
    "",
    ...(log ? ["## Agent log excerpt (secrets redacted)", "", `${fence}text`, log, fence, ""] : []),
    ...(s?.final_message ? ["## The agent's final message", "", safeMarkdown(s.final_message), ""] : []),
    "## How to retry",
    "",
    "Fix the cause if it is outside the agent (credentials, permissions, a task that is too large), then run the orchestration workflow again with `retry: true`: only the tasks that did not succeed run again, on the same branches and sub-issues.",
    "",
    "---",
    "*Opened by Parallel Task Orchestrator.*",
  ]
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
}
