import { describe, expect, it } from "vitest";
import type { PlanDocument } from "./plan-schema.js";
import { renderFindings, renderPlanReport } from "./render-plan-report.js";

type Finding = PlanDocument["validation"]["findings"][number];

const finding = (level: Finding["level"], code: string, message: string): Finding => ({
  level,
  code,
  message,
  tasks: [],
});

function plan(findings: Finding[], outcome: PlanDocument["validation"]["outcome"]): PlanDocument {
  return {
    schema_version: "1",
    master_issue: { number: 7, title: "Master", url: "https://github.com/o/r/issues/7" },
    context: "",
    created_at: "2026-01-01T00:00:00.000Z",
    dry_run: true,
    validation: { outcome, findings },
    task_count: 1,
    tasks: [
      {
        id: "1",
        title: "Only task",
        description: "",
        acceptanceCriteria: [],
        files: [],
        dependsOn: [],
        dependsOnIssues: [],
        subIssue: null,
        branch: "orchestrator/7/1-only-task",
      },
    ],
    run: { run_id: "1", run_attempt: 1 },
  };
}

describe("renderFindings", () => {
  it("lists errors, then warnings, then notes, each with its icon, keeping the order within a level", () => {
    const lines = renderFindings([
      finding("info", "grouped-sub-issues", "grouped"),
      finding("warning", "unknown-dependency", "unknown 1"),
      finding("info", "no-acceptance-criteria", "no criteria"),
      finding("error", "dependency", "depends"),
      finding("warning", "unknown-dependency", "unknown 2"),
    ]);
    expect(lines).toEqual([
      "- ❌ depends",
      "- ⚠️ unknown 1",
      "- ⚠️ unknown 2",
      "- ℹ️ grouped",
      "- ℹ️ no criteria",
    ]);
  });

  it("says so when there is nothing to report", () => {
    expect(renderFindings([])).toEqual(["✅ No dependencies between tasks, no shared files."]);
  });
});

describe("renderPlanReport", () => {
  it("shows a note under a proceed verdict without turning it into a warning", () => {
    const report = renderPlanReport(
      plan([finding("info", "grouped-sub-issues", "101 tasks exceed GitHub's limit")], "proceed"),
    );
    expect(report).toContain("✅ **Proceed**");
    expect(report).toContain("### Findings\n\n- ℹ️ 101 tasks exceed GitHub's limit\n");
    expect(report).not.toContain("No dependencies between tasks");
  });
});
