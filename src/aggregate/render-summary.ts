import { formatCost, formatDuration } from "../agent/render-agent-report.js";
import { fitRows } from "../github/fit-rows.js";
import { renderMarker } from "../github/markers.js";
import { escapeMarkdownInline } from "../security/sanitize-untrusted-text.js";
import type { AggregateDecision } from "./decide-outcome.js";
import { renderSummaryData, type SummaryData } from "./summary-data.js";
import { figuresOfStatus, type TaskFigures, type TaskResult } from "./task-result.js";

/** GitHub refuses comments over 65,536 characters; leave room for the marker and data lines. */
export const SUMMARY_BUDGET = 60_000;

export interface SummaryInput {
  master: number;
  results: TaskResult[];
  decision: AggregateDecision;
  threshold: number;
  data: SummaryData;
  /** Follow-up issue per failed task id. */
  followUps: Map<string, number>;
  /** Link to this workflow run, where the full job summary is. */
  runUrl: string;
}

const ICON: Record<string, string> = { success: "✅" };

function cell(text: string, max = 70): string {
  const short = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return escapeMarkdownInline(short);
}

/** A task's figures: from this run's status, or as an earlier run recorded them for a carried-over task. */
function figuresOf(r: TaskResult): TaskFigures | null {
  if (r.status) return figuresOfStatus(r.status);
  return r.earlier ?? null;
}

/** Duration, turns, cost and lines; an earlier run's figures in italics, explained under the table. */
function figureCells(r: TaskResult): string[] {
  const f = figuresOf(r);
  if (!f) return ["—", "—", "—", "—"];
  const mark = (text: string) => (r.carriedOver && text !== "—" ? `*${text}*` : text);
  return [
    formatDuration(f.duration_seconds),
    f.num_turns === null ? "—" : String(f.num_turns),
    formatCost(f.cost_usd),
    `+${f.lines_added} −${f.lines_removed}`,
  ].map(mark);
}

function row(r: TaskResult): string {
  const icon = r.succeeded ? "✅" : (ICON[r.outcome] ?? "❌");
  const outcome = `${icon} ${r.outcome}${r.carriedOver ? " (earlier run)" : ""}`;
  return [
    r.task.id,
    cell(r.task.title),
    r.task.subIssue ? `#${r.task.subIssue}` : "—",
    outcome,
    r.prNumber ? `#${r.prNumber}` : "—",
    ...figureCells(r),
  ].join(" | ");
}

/** Seconds between the first agent's start and the last one's end: what the user actually waited. */
export function wallSeconds(results: TaskResult[]): number {
  const statuses = results.flatMap((r) => (r.status && !r.carriedOver ? [r.status] : []));
  if (statuses.length === 0) return 0;
  const start = Math.min(...statuses.map((s) => Date.parse(s.start_time)));
  const end = Math.max(...statuses.map((s) => Date.parse(s.completion_time)));
  return Math.max(0, (end - start) / 1000);
}

/** A mermaid gantt chart of this run's agents; names are ours (task ids), never issue text. */
export function renderGantt(results: TaskResult[]): string[] {
  const ran = results.filter((r) => r.status && !r.carriedOver);
  if (ran.length === 0) return [];
  const lines = [
    "```mermaid",
    "gantt",
    "  title Agents of this run over time",
    "  dateFormat X",
    "  axisFormat %H:%M:%S",
  ];
  lines.push("  section Tasks");
  for (const r of ran) {
    const s = r.status!;
    const start = Math.floor(Date.parse(s.start_time) / 1000);
    const end = Math.max(start + 1, Math.ceil(Date.parse(s.completion_time) / 1000));
    const tag = r.succeeded ? "done" : "crit";
    lines.push(
      `  Task ${r.task.id} ${r.succeeded ? "ok" : r.outcome.replace(/[^a-z_]/g, "")} :${tag}, t${r.task.id}, ${start}, ${end}`,
    );
  }
  lines.push("```");
  return lines;
}

/** Files changed by more than one task's pull request: they will conflict, or at least need a careful merge. */
export function findOverlaps(results: TaskResult[]): Array<{ file: string; tasks: string[] }> {
  const byFile = new Map<string, string[]>();
  for (const r of results) {
    if (!r.status || r.prNumber === null) continue;
    for (const file of r.status.files_changed) byFile.set(file, [...(byFile.get(file) ?? []), r.task.id]);
  }
  return [...byFile.entries()]
    .filter(([, tasks]) => tasks.length > 1)
    .map(([file, tasks]) => ({ file, tasks }));
}

/** Cost, tokens and lines of every task with figures: after a retry, the combined result of all runs. */
function totalsLine(results: TaskResult[]): string {
  const figures = results.flatMap((r) => {
    const f = figuresOf(r);
    return f ? [f] : [];
  });
  const sum = (pick: (f: TaskFigures) => number) => figures.reduce((total, f) => total + pick(f), 0);
  const costKnown = figures.some((f) => f.cost_usd !== null);
  const tokens = figures.some((f) => f.tokens !== null)
    ? `${sum((f) => f.tokens?.input ?? 0).toLocaleString("en-US")} in / ${sum((f) => f.tokens?.output ?? 0).toLocaleString("en-US")} out`
    : "—";
  const earlier = results.filter((r) => r.carriedOver && r.earlier).length;
  const scope = earlier > 0 ? ` (this run and ${plural(earlier, "task")} from earlier runs)` : "";
  return `**Totals**${scope}: cost ${costKnown ? formatCost(sum((f) => f.cost_usd ?? 0)) : "—"} · tokens ${tokens} · lines +${sum((f) => f.lines_added)} −${sum((f) => f.lines_removed)}`;
}

/**
 * Wall clock against summed agent time, of this run's agents only: an earlier run's agents ran at another
 * time, so adding their durations would inflate the speedup.
 */
function timeLine(results: TaskResult[]): string {
  const statuses = results.flatMap((r) => (r.status && !r.carriedOver ? [r.status] : []));
  if (statuses.length === 0) return "**Time** (this run): no agent ran";
  const agentSeconds = statuses.reduce((total, s) => total + s.duration_seconds, 0);
  const wall = wallSeconds(results);
  const speedup = wall > 0 ? ` (${(agentSeconds / wall).toFixed(1)}× faster than one after another)` : "";
  return `**Time** (this run's ${plural(statuses.length, "agent")}): ${formatDuration(wall)} wall clock vs ${formatDuration(agentSeconds)} of agent time summed${speedup}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function attemptsLine(data: SummaryData): string {
  if (data.attempts.length <= 1) return "";
  const parts = data.attempts.map(
    (a, i) => `${i === 0 ? "first run" : `retry ${i}`} ${a.succeeded.length}/${a.ran.length}`,
  );
  const total = Object.keys(data.tasks).length;
  const ok = Object.values(data.tasks).filter((t) => t.succeeded).length;
  return `**Attempts**: ${parts.join(", ")}, combined ${ok}/${total}`;
}

const VERDICT = {
  "all-succeeded": "✅ All tasks succeeded",
  "partial-success": "⚠️ Partial success",
  failure: "❌ Below the success threshold",
} as const;

/**
 * The summary comment (and job summary): verdict, one row per task, totals and real speedup, a timeline,
 * merge-conflict risks and next steps, plus the hidden data a retry reads. Untrusted text is escaped.
 * Rows are dropped to fit GitHub's comment limit, with a pointer to the job summary.
 */
export function renderSummary(input: SummaryInput, budget = SUMMARY_BUDGET): string {
  const { master, results, decision, threshold, followUps } = input;
  const attempts = attemptsLine(input.data);
  const head = [
    renderMarker("summary", { master }),
    `## 🤖 Parallel orchestration of #${master}: ${VERDICT[decision.verdict]}`,
    "",
    `**Success rate**: ${decision.succeeded}/${decision.total} (${decision.rate}%, threshold ${threshold}%)`,
    ...(attempts ? [attempts] : []),
    [totalsLine(results), timeLine(results)].join("  \n"),
    "",
  ];
  const tableHead = [
    "| Task | Title | Sub-issue | Status | PR | Duration | Turns | Cost | Lines |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  const rows = results.map((r) => `| ${row(r)} |`);
  const legend = results.some((r) => r.earlier)
    ? [
        "",
        "*Tasks marked (earlier run) were not run again: their figures, in italics, are those of the run that last ran them.*",
      ]
    : [];

  const failures = results.filter((r) => !r.succeeded);
  const failureLines = failures.length
    ? [
        "### Failures",
        "",
        ...failures.map(
          (r) =>
            `- **Task ${r.task.id}** (${r.outcome}): ${cell(r.reason, 300)}${followUps.has(r.task.id) ? ` → #${followUps.get(r.task.id)}` : ""}`,
        ),
        "",
      ]
    : [];
  const overlaps = findOverlaps(results);
  const overlapLines = [
    "### Overlap check",
    "",
    ...(overlaps.length
      ? [
          "These files are changed by more than one pull request; merge those one at a time and expect conflicts:",
          "",
          ...overlaps
            .slice(0, 50)
            .map((o) => `- \`${o.file.replace(/`/g, "")}\`: tasks ${o.tasks.join(", ")}`),
        ]
      : ["✅ No file is changed by more than one pull request."]),
    "",
  ];
  const next = [
    "### Next steps",
    "",
    ...results
      .filter((r) => r.succeeded && r.prNumber)
      .map((r) => `- [ ] Review and merge #${r.prNumber} (task ${r.task.id})`),
    ...failures.map((r) =>
      followUps.has(r.task.id)
        ? `- [ ] Investigate #${followUps.get(r.task.id)} (task ${r.task.id}, ${r.outcome})`
        : `- [ ] Investigate task ${r.task.id} (${r.outcome})`,
    ),
    ...(failures.length ? ["- [ ] Retry the failed tasks: run the workflow again with `retry: true`"] : []),
    "",
  ];
  const footer = [
    `---`,
    `*[Workflow run and full job summary](${input.runUrl}) · Parallel Task Orchestrator*`,
    renderSummaryData(input.data),
  ];
  const sections = [...failureLines, ...overlapLines, ...renderGantt(results), "", ...next, ...footer];

  const fixed = [...head, ...tableHead, ...legend, "", ...sections].join("\n").length + 200;
  const { kept, omitted } = fitRows(rows, budget, fixed);
  const table = [...tableHead, ...kept, ...legend];
  if (omitted > 0) table.push("", `*…${omitted} more tasks: see the [job summary](${input.runUrl}).*`);
  let body = [...head, ...table, "", ...sections].join("\n");
  if (body.length > budget) {
    // Even the fixed sections are too long (thousands of overlaps or failures): keep head, table and data.
    body = [
      ...head,
      ...table,
      "",
      `*The rest of this report is in the [job summary](${input.runUrl}).*`,
      renderSummaryData(input.data),
    ].join("\n");
  }
  return body;
}
