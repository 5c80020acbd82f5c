import { describe, expect, it } from "vitest";
import { findLiveReferences } from "../security/live-references.js";
import { sampleStatus } from "../status/sample-status.js";
import type { TaskStatus } from "../status/status-schema.js";
import { decideOutcome } from "./decide-outcome.js";
import { findOverlaps, renderSummary, SUMMARY_BUDGET } from "./render-summary.js";
import { readSummaryData, renderSummaryData, type SummaryData } from "./summary-data.js";
import type { TaskFigures, TaskResult } from "./task-result.js";

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
    expect(body).toContain("Task \\| 1 @&#x200B;everyone &lt;b&gt;x&lt;/b&gt;");
    // Only the references we write ourselves (master, sub-issues, pull requests, follow-up) are live.
    expect(findLiveReferences(body).filter((ref) => !/^#\d+$/.test(ref))).toEqual([]);
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

/** The result of a task whose status `s` was read in this run. */
function ran(s: TaskStatus): TaskResult {
  return {
    ...result(s.task_id, s.status === "completed"),
    status: s,
    prNumber: s.pr_number,
    prUrl: s.pr_url,
  };
}

/** A task a retry did not run again, with the figures the earlier run recorded (none for a lost job). */
function carried(id: string, earlier: TaskFigures | undefined, succeeded = true): TaskResult {
  return {
    ...result(id, succeeded),
    outcome: succeeded ? "success" : "missing",
    status: null,
    attempt: null,
    carriedOver: true,
    ...(earlier ? { earlier } : {}),
  };
}

function render(results: TaskResult[], followUps = new Map<string, number>()): string {
  return renderSummary({
    master: 1,
    results,
    decision: decideOutcome(results, 80),
    threshold: 80,
    data: data(results),
    followUps,
    runUrl: "https://x/run",
  });
}

const tokens = (input: number, cacheRead: number, output: number) => ({
  input,
  output,
  cache_read: cacheRead,
  cache_write: 0,
});

/** Three agents, two at a time: 1 and 2 start together, 3 starts when 1 ends; 3 fails. */
function threeAgents(): TaskResult[] {
  return [
    sampleStatus("1", "2026-01-01T10:00:00Z", 60, {
      cost_usd: 0.25,
      num_turns: 7,
      tokens: tokens(1000, 500, 200),
      lines_added: 10,
      lines_removed: 2,
      files_changed: ["src/shared.ts", "src/a.ts"],
    }),
    sampleStatus("2", "2026-01-01T10:00:00Z", 120, {
      cost_usd: 0.5,
      num_turns: 12,
      tokens: tokens(2000, 0, 300),
      lines_added: 5,
      lines_removed: 1,
      files_changed: ["src/b.ts", "src/shared.ts"],
    }),
    sampleStatus("3", "2026-01-01T10:01:00Z", 120, {
      succeeded: false,
      cost_usd: 1,
      num_turns: 30,
      tokens: tokens(4000, 1000, 500),
      files_changed: ["src/shared.ts"],
    }),
  ].map(ran);
}

describe("the summary's figures", () => {
  it("totals cost, tokens (cache reads counted as input) and lines over every agent", () => {
    const body = render(threeAgents());
    expect(body).toContain("**Totals**: cost $1.75 · tokens 8,500 in / 1,000 out · lines +15 −3");
    expect(body).toMatch(/^\| 1 \| .* \| ✅ success \| #501 \| 1m 0s \| 7 \| \$0\.2500 \| \+10 −2 \|$/m);
  });

  it("sets this run's wall clock against the sum of its agent times: the real speedup", () => {
    // Wall clock 10:00:00 → 10:03:00 = 3 min, agent time 60 + 120 + 120 s = 5 min: 5/3 = 1.7× faster.
    expect(render(threeAgents())).toContain(
      "**Time** (this run's 3 agents): 3m 0s wall clock vs 5m 0s of agent time summed (1.7× faster than one after another)",
    );
  });

  it("says so when no agent ran in this run, instead of a zero speedup", () => {
    const body = render([carried("1", undefined, false)]);
    expect(body).toContain("**Time** (this run): no agent ran");
    expect(body).toContain("**Totals**: cost — · tokens — · lines +0 −0");
  });
});

describe("the combined result after a retry", () => {
  const earlier: TaskFigures = {
    duration_seconds: 90,
    num_turns: 9,
    cost_usd: 2,
    tokens: { input: 10_000, output: 1_000 },
    lines_added: 40,
    lines_removed: 4,
  };

  it("shows a carried-over task's earlier figures in italics and counts them in the totals", () => {
    const [, second] = threeAgents();
    const body = render([carried("1", earlier), second as TaskResult, carried("3", undefined, false)]);
    expect(body).toMatch(
      /^\| 1 \| .* \| ✅ success \(earlier run\) \| #501 \| \*1m 30s\* \| \*9\* \| \*\$2\.00\* \| \*\+40 −4\* \|$/m,
    );
    // A job lost in the earlier run has no figures to show.
    expect(body).toMatch(/^\| 3 \| .* \| ❌ missing \(earlier run\) \| — \| — \| — \| — \| — \|$/m);
    expect(body).toContain("their figures, in italics, are those of the run that last ran them");
    expect(body).toContain(
      "**Totals** (this run and 1 task from earlier runs): cost $2.50 · tokens 12,000 in / 1,300 out · lines +45 −5",
    );
    // The speedup is this run's alone: task 2's two minutes, not the earlier run's ninety seconds.
    expect(body).toContain(
      "**Time** (this run's 1 agent): 2m 0s wall clock vs 2m 0s of agent time summed (1.0× faster than one after another)",
    );
  });

  it("shows turns and tokens as unknown for a task an older summary recorded without them", () => {
    const older = { ...earlier, num_turns: null, tokens: null };
    const body = render([carried("1", older)]);
    expect(body).toMatch(/^\| 1 \| .* \| \*1m 30s\* \| — \| \*\$2\.00\* \| \*\+40 −4\* \|$/m);
    expect(body).toContain(
      "**Totals** (this run and 1 task from earlier runs): cost $2.00 · tokens — · lines +40 −4",
    );
  });
});

describe("the overlap check and next steps", () => {
  it("lists files changed by more than one pull request, not files of a task that opened none", () => {
    const body = render(threeAgents());
    expect(body).toContain(
      [
        "### Overlap check",
        "",
        "These files are changed by more than one pull request; merge those one at a time and expect conflicts:",
        "",
        "- `src/shared.ts`: tasks 1, 2",
        "",
      ].join("\n"),
    );
    expect(body).not.toContain("No file is changed by more than one pull request");
  });

  it("reports no overlap when the pull requests touch different files", () => {
    const [first, second] = threeAgents();
    const apart = { ...second, status: { ...second?.status, files_changed: ["src/b.ts"] } } as TaskResult;
    const body = render([first as TaskResult, apart]);
    expect(body).toContain("### Overlap check\n\n✅ No file is changed by more than one pull request.");
  });

  it("asks for a retry only when a task failed", () => {
    const retry = "- [ ] Retry the failed tasks: run the workflow again with `retry: true`";
    const failing = render(threeAgents(), new Map([["3", 77]]));
    expect(failing).toContain(`- [ ] Investigate #77 (task 3, agent_error)\n${retry}`);
    expect(render(threeAgents().slice(0, 2))).not.toContain("Retry the failed tasks");
  });
});

describe("summary data", () => {
  it("reads data written before turns and tokens were recorded, and round-trips them now", () => {
    const results = [result("1", true)];
    const older = data(results);
    expect(older.tasks["1"]).not.toHaveProperty("num_turns");
    expect(readSummaryData(renderSummaryData(older), 1)).toEqual(older);
    const now: SummaryData = {
      ...older,
      tasks: {
        "1": {
          ...(older.tasks["1"] as SummaryData["tasks"][string]),
          num_turns: 4,
          tokens: { input: 9, output: 3 },
        },
      },
    };
    expect(readSummaryData(renderSummaryData(now), 1)?.tasks["1"]).toMatchObject({
      num_turns: 4,
      tokens: { input: 9, output: 3 },
    });
  });
});
