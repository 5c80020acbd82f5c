import { describe, expect, it } from "vitest";
import { decideOutcome } from "./decide-outcome.js";
import { findOverlaps, renderSummary, SUMMARY_BUDGET } from "./render-summary.js";
import { readSummaryData, renderSummaryData, type SummaryData } from "./summary-data.js";
import type { TaskResult } from "./task-result.js";

function result(id: string, succeeded: boolean): TaskResult {
  return {
    task: { id, title: `Task | ${id} @everyone <b>x</b>`, subIssue: 100 + Number(id), branch: `o/1/${id}` },
    succeeded,
    outcome: succeeded ? "success" : "agent_error",
    errorType: succeeded ? null : "AGENT_ERROR",
    reason: succeeded ? "ok" : "It failed, ping @alice about #12",
    status: null,
    prNumber: succeeded ? 500 + Number(id) : null,
    prUrl: null,
    attempt: 1,
    carriedOver: false,
  };
}

function data(results: TaskResult[]): SummaryData {
  return {
    version: 1,
    master: 1,
    attempts: [
      {
        run_id: "9",
        run_attempt: 1,
        finished_at: "2026-01-01T00:00:00Z",
        ran: results.map((r) => r.task.id),
        succeeded: [],
      },
    ],
    tasks: Object.fromEntries(
      results.map((r) => [
        r.task.id,
        {
          title: r.task.title,
          succeeded: r.succeeded,
          outcome: r.outcome,
          sub_issue: r.task.subIssue,
          pr: r.prNumber,
          follow_up: null,
          duration_seconds: 60,
          cost_usd: 0.5,
          lines_added: 10,
          lines_removed: 2,
        },
      ]),
    ),
  };
}

describe("decideOutcome", () => {
  it("applies the threshold and never calls zero successes a success", () => {
    expect(
      decideOutcome(
        [result("1", true), result("2", true), result("3", true), result("4", true), result("5", false)],
        80,
      ),
    ).toMatchObject({ rate: 80, verdict: "partial-success", passed: true });
    expect(decideOutcome([result("1", true), result("2", false)], 80)).toMatchObject({
      rate: 50,
      verdict: "failure",
      passed: false,
    });
    expect(decideOutcome([result("1", false)], 0)).toMatchObject({ passed: false, verdict: "failure" });
    expect(decideOutcome([], 0)).toMatchObject({ total: 0, passed: false });
    expect(decideOutcome([result("1", true)], 100)).toMatchObject({ verdict: "all-succeeded", passed: true });
  });
});

describe("renderSummary", () => {
  it("escapes untrusted titles and reasons so nothing breaks the table or pings anyone", () => {
    const results = [result("1", true), result("2", false)];
    const body = renderSummary({
      master: 1,
      results,
      decision: decideOutcome(results, 80),
      threshold: 80,
      data: data(results),
      followUps: new Map([["2", 77]]),
      runUrl: "https://x/run",
    });
    expect(body).toContain("Task \\| 1 &#64;everyone &lt;b&gt;x&lt;/b&gt;");
    expect(body).not.toMatch(/[^;]@everyone|[^;]@alice/);
    expect(body).toContain("- [ ] Investigate #77 (task 2, agent_error)");
    expect(readSummaryData(body, 1)).toEqual(data(results));
  });

  it("stays under GitHub's comment limit with 256 tasks, pointing to the job summary, and keeps its data", () => {
    const long = "x".repeat(400);
    const results = Array.from({ length: 256 }, (_, i) => ({
      ...result(String(i + 1), i % 3 !== 0),
      reason: `It failed: ${long}`,
      task: { id: String(i + 1), title: `A long title ${long}`, subIssue: 1000 + i, branch: "b" },
    }));
    const body = renderSummary({
      master: 1,
      results,
      decision: decideOutcome(results, 80),
      threshold: 80,
      data: data(results),
      followUps: new Map(),
      runUrl: "https://x/run",
    });
    expect(body.length).toBeLessThanOrEqual(SUMMARY_BUDGET);
    expect(body).toMatch(/more tasks: see the \[job summary\]\(https:\/\/x\/run\)/);
    expect(readSummaryData(body, 1)).toEqual(data(results));
    const full = renderSummary(
      {
        master: 1,
        results,
        decision: decideOutcome(results, 80),
        threshold: 80,
        data: data(results),
        followUps: new Map(),
        runUrl: "https://x/run",
      },
      900_000,
    );
    expect(full.split("\n").filter((l) => /^\| \d+ \|/.test(l))).toHaveLength(256);
  });

  it("rejects summary data for another master issue or tampered data", () => {
    const line = renderSummaryData(data([result("1", true)]));
    expect(readSummaryData(line, 2)).toBeUndefined();
    expect(readSummaryData(line.replace(/data (.)/, "data A$1"), 1)).toBeUndefined();
  });
});

describe("findOverlaps", () => {
  it("lists files changed by more than one pull request", () => {
    const a = {
      ...result("1", true),
      status: { files_changed: ["src/x.ts", "a.ts"] },
    } as unknown as TaskResult;
    const b = {
      ...result("2", true),
      status: { files_changed: ["src/x.ts", "b.ts"] },
    } as unknown as TaskResult;
    expect(findOverlaps([a, b])).toEqual([{ file: "src/x.ts", tasks: ["1", "2"] }]);
  });
});
