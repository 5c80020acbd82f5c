import { describe, expect, it } from "vitest";
import { sampleStatus } from "../status/sample-status.js";
import { followUpTitle, renderFollowUp } from "./render-follow-up.js";
import type { TaskResult } from "./task-result.js";

const LOG = ["working on it", "```js", "throw new Error('boom')", "```", "error: tests failed"].join("\n");

/** Task 4 of master issue 12, failed by its agent with a log that itself holds a code fence. */
function failedTask(): TaskResult {
  const status = sampleStatus("4", "2026-01-01T10:00:00Z", 60, {
    succeeded: false,
    master_issue: 12,
    branch_name: "orchestrator/12/4-docs",
    commits: 0,
    agent: { kind: "command", model: null },
    final_message: "error: tests failed, ask @alice",
    log_excerpt: LOG,
  });
  return {
    task: { id: "4", title: "Docs @everyone", subIssue: 104, branch: status.branch_name },
    succeeded: false,
    outcome: status.outcome,
    errorType: status.error_type,
    reason: status.outcome_reason,
    status,
    prNumber: null,
    prUrl: null,
    attempt: 1,
    carriedOver: false,
  };
}

/** The lines of one `## heading` section, up to the next heading. */
function section(body: string, heading: string): string {
  const start = body.indexOf(`## ${heading}\n`);
  expect(start, `no "${heading}" section`).toBeGreaterThanOrEqual(0);
  const rest = body.slice(start + heading.length + 4);
  const end = rest.search(/^## /m);
  return (end === -1 ? rest : rest.slice(0, end)).trim();
}

describe("renderFollowUp", () => {
  const body = renderFollowUp(12, failedTask(), "https://x/run");

  it("says what failed in one unbroken list", () => {
    expect(section(body, "What failed")).toBe(
      [
        "- **Outcome**: agent_error",
        "- **Error type**: AGENT_ERROR",
        "- **Message**: The command exited with code 3.",
        "- **Agent**: command, exit code 3, branch `orchestrator/12/4-docs`",
        "- **Run**: https://x/run",
      ].join("\n"),
    );
  });

  it("names the likely cause of the error type and how to retry", () => {
    expect(section(body, "Likely cause")).toBe(
      "The agent reported a failure: read its final message and log below.",
    );
    expect(section(body, "How to retry")).toMatch(
      /^Fix the cause if it is outside the agent .* run the orchestration workflow again with `retry: true`: only the tasks that did not succeed run again/,
    );
    const unknown = renderFollowUp(12, { ...failedTask(), errorType: null }, "https://x/run");
    expect(section(unknown, "Likely cause")).toBe("Unknown: read the log excerpt and the job log.");
  });

  it("fences the log excerpt longer than any fence inside it, and neutralises mentions", () => {
    expect(section(body, "Agent log excerpt (secrets redacted)")).toBe(`\`\`\`\`text\n${LOG}\n\`\`\`\``);
    expect(section(body, "The agent's final message")).toBe("error: tests failed, ask @&#x200B;alice");
    // A mention in a title notifies nobody, but a title is shown in lists too: broken there as well.
    expect(followUpTitle(12, failedTask())).toBe(
      "[Master #12] Task 4 failed (agent_error): Docs @\u200Beveryone",
    );
  });

  it("leaves out the agent line and the log when no status arrived", () => {
    const missing = renderFollowUp(
      12,
      { ...failedTask(), status: null, outcome: "missing", errorType: "MISSING_STATUS" },
      "https://x/run",
    );
    expect(missing).not.toContain("**Agent**");
    expect(missing).not.toContain("## Agent log excerpt");
    expect(section(missing, "Likely cause")).toMatch(/^No status arrived/);
  });
});
