import { taskBranchName } from "../agent/branch-name.js";
import { parseMasterIssue } from "./parse-master-issue.js";
import { plannedTaskOf, PLAN_SCHEMA_VERSION, type PlanDocument } from "./plan-schema.js";
import { renderPlanReport } from "./render-plan-report.js";
import { parseTaskSelection } from "./select-tasks.js";
import { DEFAULT_VALIDATION_OPTIONS, validatePlan } from "./validate-plan.js";

/**
 * The plan a master issue would get, computed offline (no GitHub): the same parser, selection and
 * validation as plan mode, rendered as the same report, plus each task's details for the terminal.
 */
export function previewPlan(
  body: string,
  options: { tasks: string; onOverlap: "warn" | "fail"; master?: number },
): { plan: PlanDocument; text: string } {
  const master = options.master ?? 1;
  const parsed = parseMasterIssue(body);
  const ids = parseTaskSelection(
    options.tasks,
    parsed.tasks.map((t) => t.id),
  );
  const selected = parsed.tasks.filter((t) => ids.includes(t.id));
  const validation = validatePlan(parsed.tasks, selected, {
    ...DEFAULT_VALIDATION_OPTIONS,
    onOverlap: options.onOverlap,
  });
  const plan: PlanDocument = {
    schema_version: PLAN_SCHEMA_VERSION,
    master_issue: { number: master, title: "(preview)", url: "" },
    context: parsed.context,
    created_at: new Date(0).toISOString(),
    dry_run: true,
    validation,
    task_count: parsed.tasks.length,
    tasks: selected.map((t) =>
      plannedTaskOf(t, taskBranchName({ prefix: "orchestrator", master, taskId: t.id, title: t.title })),
    ),
    run: { run_id: "preview", run_attempt: 1 },
  };
  const details = plan.tasks.map((t) =>
    [
      `### Task ${t.id}: ${t.title}`,
      t.group ? `Group: ${t.group}` : "",
      t.files.length ? `Files: ${t.files.join(", ")}` : "Files: (none mentioned)",
      t.dependsOn.length ? `Depends on tasks: ${t.dependsOn.join(", ")}` : "",
      t.acceptanceCriteria.length
        ? `Acceptance criteria:\n${t.acceptanceCriteria.map((c) => `  - ${c}`).join("\n")}`
        : "Acceptance criteria: (none found)",
      `Branch: ${t.branch}`,
    ]
      .filter(Boolean)
      .join("\n"),
  );
  const text = [
    renderPlanReport(plan, { budget: Number.MAX_SAFE_INTEGER }),
    "## Task details",
    "",
    ...details,
  ].join("\n\n");
  return { plan, text };
}
