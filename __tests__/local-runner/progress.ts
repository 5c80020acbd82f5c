/**
 * Plain-line progress for a local workflow run, readable in CI logs: one line per event, timestamped,
 * no cursor movement or colours, then a table of every job instance.
 */
import type { JobInstanceReport, RunResult, WorkflowEvent, WorkflowRunReport } from "./report.js";

const SYMBOL: Record<RunResult, string> = { success: "✔", failure: "✖", cancelled: "◼", skipped: "⊘" };

/** Anything with `write(text)`: process.stderr, a PassThrough, a collecting stub. */
export interface TextSink {
  write(text: string): unknown;
}

export interface ProgressOptions {
  /** Also print a line per step start and end. */
  steps?: boolean;
  /** The clock shown in each line; UTC by default so logs from different machines line up. */
  clock?: (at: Date) => string;
}

const utcClock = (at: Date) => at.toISOString().slice(11, 19);

/** 12.3s, 2m05s. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, "0")}s`;
}

interface Row {
  name: string;
  result: RunResult;
  durationMs: number;
  detail: string;
}

/** Rows of every job instance, called workflows' jobs in place of the job calling them (their names carry its name). */
function rowsOf(report: WorkflowRunReport): Row[] {
  const rows: Row[] = [];
  for (const job of Object.values(report.jobs)) {
    if (job.instances.length === 0) {
      rows.push({
        name: job.name,
        result: job.result,
        durationMs: job.durationMs,
        detail: job.error ?? job.skippedBy ?? "",
      });
    }
    for (const instance of job.instances) {
      if (instance.workflow) rows.push(...rowsOf(instance.workflow));
      else rows.push({ ...instance, detail: instanceDetail(instance) });
    }
  }
  return rows;
}

function instanceDetail(instance: JobInstanceReport): string {
  return instance.error ?? (instance.cancelReason ? `cancelled by ${instance.cancelReason}` : "");
}

/** The final table: one row per job instance (and per job that never ran), with result and duration. */
export function formatJobTable(report: WorkflowRunReport): string {
  const rows = rowsOf(report);
  const width = Math.min(60, Math.max(4, ...rows.map((r) => r.name.length)));
  const cut = (text: string) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
  const lines = [`${"Job".padEnd(width)}  ${"Result".padEnd(11)}  ${"Duration".padStart(8)}`];
  for (const row of rows) {
    const detail = row.detail ? `  ${row.detail.split("\n")[0]?.slice(0, 100)}` : "";
    lines.push(
      `${cut(row.name)}  ${SYMBOL[row.result]} ${row.result.padEnd(9)}  ${formatDuration(row.durationMs).padStart(8)}${detail}`,
    );
  }
  lines.push(`Workflow ${report.name}: ${report.result} in ${formatDuration(report.durationMs)}`);
  return lines.join("\n") + "\n";
}

/** Formats one event as a log line, or undefined for events not shown at this verbosity. */
export function formatEvent(event: WorkflowEvent, options: ProgressOptions = {}): string | undefined {
  const time = `[${(options.clock ?? utcClock)(event.at)}]`;
  switch (event.type) {
    case "workflow-start":
      return `${time} ● ${event.name}  started (${event.path})`;
    case "job-start":
      return `${time} ▶ ${event.job.name}  running`;
    case "step-start":
      return options.steps ? `${time}   · ${event.job.name} › ${event.step}` : undefined;
    case "step-end":
      return options.steps
        ? `${time}   ${SYMBOL[event.result]} ${event.job.name} › ${event.step}  ${event.result} (${formatDuration(event.durationMs)})`
        : undefined;
    case "job-cancel":
      return `${time} ⚠ ${event.job.name}  cancelling (${event.reason})`;
    case "job-end": {
      const timing = event.result === "skipped" ? "" : ` (${formatDuration(event.durationMs)})`;
      const detail = event.detail ? ` — ${event.detail.split("\n")[0]}` : "";
      return `${time} ${SYMBOL[event.result]} ${event.job.name}  ${event.result}${timing}${detail}`;
    }
    case "warning":
      return `${time} ⚠ ${event.job ? `${event.job.name}: ` : ""}${event.message}`;
    case "workflow-end":
      return `${time} ● ${event.report.name}  ${event.report.result} (${formatDuration(event.report.durationMs)})\n${formatJobTable(event.report)}`;
  }
}

/** An onEvent callback printing every event as a line to `sink` (stderr by default). */
export function createProgressPrinter(
  sink: TextSink = process.stderr,
  options: ProgressOptions = {},
): (event: WorkflowEvent) => void {
  return (event) => {
    const line = formatEvent(event, options);
    if (line !== undefined) sink.write(line.endsWith("\n") ? line : `${line}\n`);
  };
}
