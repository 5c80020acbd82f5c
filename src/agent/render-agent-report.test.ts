import { describe, expect, it } from "vitest";
import type { PlannedTask } from "../plan/plan-schema.js";
import { findLiveReferences } from "../security/live-references.js";
import { sampleStatus } from "../status/sample-status.js";
import { pullRequestBody, pullRequestTitle, subIssueComment } from "./render-agent-report.js";

const HOSTILE = "@everyone &#64;octocat #12 owner/repo#14 GH-15 https://github.com/o/r/issues/16";

const task: PlannedTask = {
  id: "2",
  title: `Fix ${HOSTILE}`,
  description: "",
  acceptanceCriteria: [],
  files: [],
  dependsOn: [],
  dependsOnIssues: [],
  subIssue: 102,
  branch: "o/1/2",
};

describe("what an agent's result writes", () => {
  it("a pull request title with the task's references broken by zero-width spaces", () => {
    const title = pullRequestTitle(1, task);
    expect(title).toMatch(
      /^\[Master #1\] Fix @\u200Beveryone &#\u200B64;octocat #\u200B12 owner\/\u200Brepo#\u200B14 /,
    );
    expect(findLiveReferences(title)).toEqual(["#1"]);
  });

  it("a pull request body whose only live references are ours, even with a hostile final message", () => {
    const status = sampleStatus("2", "2026-01-01T00:00:00Z", 60, {
      final_message: `Done. Fixes #12, cc ${HOSTILE}\n\n    ${HOSTILE}\n\nUnmatched \` ${HOSTILE}`,
    });
    expect(findLiveReferences(pullRequestBody(status, task))).toEqual(["#102", "#1"]);
  });

  it("a sub-issue comment that joins the failure reason into one inert line", () => {
    const status = sampleStatus("2", "2026-01-01T00:00:00Z", 60, {
      succeeded: false,
      outcome_reason: `Failed:\n\n    ${HOSTILE}\n\`\`\`\n${HOSTILE}`,
    });
    const comment = subIssueComment(status);
    expect(findLiveReferences(comment)).toEqual([]);
    expect(comment).toContain("@&#x200B;everyone");
  });
});
