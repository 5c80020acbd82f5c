import { fitRows } from "../github/fit-rows.js";
import { neutralizeMentionsInline } from "../security/neutralize-mentions.js";
import { escapeMarkdownInline } from "../security/sanitize-untrusted-text.js";
import type { PlanDocument } from "./plan-schema.js";
import type { ValidationOutcome } from "./validate-plan.js";

/** GitHub rejects comment bodies over 65,536 characters; stay well clear of it. */
export const COMMENT_BUDGET = 60_000;

const VERDICT: Record<ValidationOutcome, string> = {
  proceed: "✅ **Proceed**: the selected tasks are independent.",
  warn: "⚠️ **Warning**: potential conflicts found; read the findings before merging.",
  abort: "❌ **Abort**: the tasks cannot run in parallel as written. Nothing was started.",
};

const LEVEL_ICON = { error: "❌", warning: "⚠️", info: "ℹ️" } as const;
const LEVEL_RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * Findings as report lines, most severe first: what stops or endangers the run is read before notes
 * (which can number one per task). Stable, so findings of a level keep validation's order.
 */
export function renderFindings(findings: PlanDocument["validation"]["findings"]): string[] {
  if (findings.length === 0) return ["✅ No dependencies between tasks, no shared files."];
  return (
    [...findings]
      .sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level])
      // Messages quote issue text (paths, `#N` of other issues): inert, so our comment pings and links nobody.
      .map((f) => `- ${LEVEL_ICON[f.level]} ${neutralizeMentionsInline(f.message)}`)
  );
}

function cell(text: string, max = 80): string {
  const short = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return escapeMarkdownInline(short);
}

function filesCell(files: string[]): string {
  if (files.length === 0) return "";
  const shown = files.slice(0, 4).map((f) => `\`${f.replace(/[`|]/g, "")}\``);
  return shown.join(", ") + (files.length > 4 ? ` +${files.length - 4}` : "");
}

/**
 * The plan as markdown, for the dry-run comment on the master issue and for the job summary: the
 * verdict, one row per selected task, and every finding. Untrusted titles are escaped so they cannot
 * break the table or mention anyone. Rows are dropped, with a note, to fit `budget` characters.
 */
export function renderPlanReport(
  plan: PlanDocument,
  options: { budget?: number; header?: string } = {},
): string {
  const budget = options.budget ?? COMMENT_BUDGET;
  const { validation, tasks } = plan;
  const head = [
    options.header ?? "",
    `## 🗂️ Orchestration plan for #${plan.master_issue.number}`,
    "",
    VERDICT[validation.outcome],
    "",
    `**Tasks**: ${tasks.length} selected of ${plan.task_count} found${plan.dry_run ? " · **Dry run**: nothing was created" : ""}`,
    "",
  ].filter((line, i) => i > 0 || line !== "");

  const findings = ["### Findings", "", ...renderFindings(validation.findings), ""];
  const footer = plan.dry_run
    ? [
        "---",
        validation.outcome === "abort"
          ? "*Fix the findings above, then run the plan again.*"
          : "*To run it: start the workflow without dry run, or add the trigger label to this issue.*",
      ]
    : [];

  const tableHead = ["| # | Task | Group | Files | Depends on | Sub-issue |", "|---|---|---|---|---|---|"];
  const rows = tasks.map(
    (t) =>
      `| ${t.id} | ${cell(t.title)} | ${cell(t.group ?? "", 30)} | ${filesCell(t.files)} | ${t.dependsOn.join(", ")} | ${t.subIssue ? `#${t.subIssue}` : "—"} |`,
  );

  const fixed = [...head, ...tableHead, "", ...findings, ...footer].join("\n").length + 200;
  const { kept, omitted } = fitRows(rows, budget, fixed);
  const table = tasks.length === 0 ? [] : [...tableHead, ...kept, ""];
  if (omitted > 0)
    table.push(`*…and ${omitted} more tasks, listed in the plan output of the workflow run.*`, "");
  return [...head, ...table, ...findings, ...footer].join("\n");
}
