import { renderMarker } from "../github/markers.js";
import { neutralizeMentions, neutralizeMentionsInline } from "../security/neutralize-mentions.js";
import { neutralizeTitle } from "../security/neutralize-title.js";
import { escapeMarkdownInline, sanitizeUntrustedText } from "../security/sanitize-untrusted-text.js";
import type { Task } from "./task.js";

/** Marker attributes identifying the sub-issue of one task of one master issue. */
export function subIssueMarker(master: number, taskId: string): { master: number; task: string } {
  return { master, task: taskId };
}

const MAX_CONTEXT = 2_000;

/**
 * Untrusted markdown made safe to re-post: hidden content dropped, cut to `max` characters, mentions and
 * references inert. Neutralised last, since trimming or cutting afterwards can turn code into prose.
 */
export function safeMarkdown(text: string, max = Number.POSITIVE_INFINITY): string {
  const clean = sanitizeUntrustedText(text).text.trim();
  return neutralizeMentions(clean.length > max ? `${clean.slice(0, max)}…` : clean);
}

/** Untrusted text for one line of markdown (a list item, a sentence): lines joined, then made inert. */
export function safeLine(text: string): string {
  return neutralizeMentionsInline(sanitizeUntrustedText(text).text.trim());
}

/**
 * Untrusted single-line text, cleaned: hidden characters dropped, whitespace collapsed. Not yet inert:
 * pass it to `escapeMarkdownInline` for markdown, or `neutralizeTitle` for a title.
 */
export function safeTitle(text: string, max = 200): string {
  const clean = sanitizeUntrustedText(text).text.replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** Fills the sub-issue title template (`{master}`, `{id}`, `{title}`); the task's title is made inert. */
export function renderSubIssueTitle(template: string, master: number, task: Task): string {
  const title = template
    .replaceAll("{master}", String(master))
    .replaceAll("{id}", task.id)
    .replaceAll("{title}", neutralizeTitle(safeTitle(task.title)));
  // GitHub caps issue titles at 256 characters.
  return title.length > 256 ? `${title.slice(0, 255)}…` : title;
}

function quote(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) => (line === "" ? ">" : `> ${line}`))
    .join("\n");
}

/**
 * The body of a task's sub-issue: the task, its acceptance criteria and file hints, the master issue's
 * context, and the hidden marker that makes creation idempotent.
 */
export function renderSubIssueBody(args: {
  master: number;
  task: Task;
  taskCount: number;
  context: string;
  branch: string;
}): string {
  const { master, task, taskCount, context, branch } = args;
  const lines = [
    renderMarker("sub-issue", subIssueMarker(master, task.id)),
    `**Master issue**: #${master} · **Task** ${task.id} of ${taskCount}${task.group ? ` · **Group**: ${escapeMarkdownInline(safeTitle(task.group, 100))}` : ""}`,
    "",
    "## Task",
    "",
    `**${escapeMarkdownInline(safeTitle(task.title))}**`,
    "",
  ];
  const description = safeMarkdown(task.description);
  if (description) lines.push(description, "");
  lines.push("## Acceptance criteria", "");
  if (task.acceptanceCriteria.length > 0) {
    lines.push(...task.acceptanceCriteria.map((c) => `- [ ] ${safeLine(c)}`));
  } else {
    lines.push("- [ ] The task as described is implemented", "- [ ] Tests cover the change and pass");
  }
  lines.push("");
  if (task.files.length > 0) {
    lines.push("## Files", "", ...task.files.map((f) => `- \`${f.replace(/`/g, "")}\``), "");
  }
  const cleanContext = safeMarkdown(context, MAX_CONTEXT);
  if (cleanContext) lines.push("## Context from the master issue", "", quote(cleanContext), "");
  lines.push(
    "## Implementation notes",
    "",
    `- **Branch**: \`${branch}\``,
    "- One coding agent works on this task alone, in parallel with the other tasks of the master issue: it stays within this task's scope and files.",
    `- The pull request for this task closes this issue. See master issue #${master} for the whole picture.`,
    "",
    "---",
    "*Created by Parallel Task Orchestrator.*",
  );
  return lines.join("\n");
}
