import { renderMarker } from "../github/markers.js";
import { safeLine, safeMarkdown, safeTitle } from "../plan/render-sub-issue.js";
import { neutralizeTitle } from "../security/neutralize-title.js";
import { escapeMarkdownInline } from "../security/sanitize-untrusted-text.js";
import type { PlannedTask } from "../plan/plan-schema.js";
import type { TaskStatus } from "../status/status-schema.js";

/** `1h 2m 3s`, `4m 5s`, `6s`. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (h > 0) return `${h}h ${m}m ${rest}s`;
  return m > 0 ? `${m}m ${rest}s` : `${rest}s`;
}

/** `$0.1234` or `—`. */
export function formatCost(cost: number | null): string {
  return cost === null ? "—" : `$${cost.toFixed(cost < 1 ? 4 : 2)}`;
}

export function pullRequestTitle(master: number, task: PlannedTask): string {
  const title = `[Master #${master}] ${neutralizeTitle(safeTitle(task.title))}`;
  return title.length > 256 ? `${title.slice(0, 255)}…` : title;
}

function metricsTable(status: TaskStatus): string[] {
  return [
    "| Outcome | Turns | Cost | Duration | Commits | Files | Lines |",
    "|---|---|---|---|---|---|---|",
    `| ${status.outcome} | ${status.num_turns ?? "—"} | ${formatCost(status.cost_usd)} | ${formatDuration(status.duration_seconds)} | ${status.commits} | ${status.files_changed.length}${status.files_changed_truncated ? "+" : ""} | +${status.lines_added} −${status.lines_removed} |`,
  ];
}

/**
 * The pull request body: closes the sub-issue, links the master issue, and reports what the agent did.
 * The agent's final message is model output shaped by untrusted issue text, so it is made inert too.
 */
export function pullRequestBody(status: TaskStatus, task: PlannedTask): string {
  const lines = [
    renderMarker("pull-request", { master: status.master_issue, task: status.task_id }),
    status.sub_issue !== null ? `Closes #${status.sub_issue}` : "",
    "",
    `Task ${status.task_id} of master issue #${status.master_issue}: **${escapeMarkdownInline(safeTitle(task.title))}**`,
    "",
    `Agent: \`${status.agent.kind}\`${status.agent.model ? ` (\`${status.agent.model}\`)` : ""} on \`${status.branch_name}\``,
    "",
    ...metricsTable(status),
    "",
  ];
  if (status.final_message) {
    lines.push(
      "<details><summary>The agent's final message</summary>",
      "",
      safeMarkdown(status.final_message),
      "",
      "</details>",
      "",
    );
  }
  lines.push(
    "---",
    "*Opened by Parallel Task Orchestrator. A coding agent wrote this change: review it before merging.*",
  );
  return lines.filter((line, i) => i !== 1 || line !== "").join("\n");
}

/** The short note on the sub-issue: the outcome and the pull request, upserted per task. */
export function subIssueComment(status: TaskStatus): string {
  const icon = status.status === "completed" ? "✅" : "❌";
  const pr = status.pr_number !== null ? ` Pull request: #${status.pr_number}.` : "";
  const why = status.status === "completed" ? "" : ` ${safeLine(status.outcome_reason)}`;
  return [
    renderMarker("agent-result", { master: status.master_issue, task: status.task_id }),
    `${icon} **Agent ${status.outcome === "success" ? "finished" : `ended: ${status.outcome}`}** (attempt ${status.run.run_attempt}, ${formatDuration(status.duration_seconds)}).${pr}${why}`,
    "",
    ...metricsTable(status),
  ].join("\n");
}
