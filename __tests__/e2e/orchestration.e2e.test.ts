import { rmSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { agentStateDir } from "../harness/agent-state.js";
import { createWorld, SCRIPTED_AGENT, type World } from "../harness/world.js";
import { runWorkflow, type RunWorkflowOptions } from "../local-runner/run-workflow.js";

/**
 * The whole orchestration as GitHub would run it: the real orchestrate.yml in the local runner, the
 * bundled action in every step, the stand-ins, a bare git origin and the scripted agent.
 */
const TEN_TASKS = `Ten independent modules.

## Sub-Tasks
${Array.from({ length: 10 }, (_, i) => {
  const n = i + 1;
  const note = n === 4 ? " (simulate a failure)" : n === 6 ? " (simulate no change)" : "";
  return `- [ ] **Module ${n}**: Create \`mod${n}/\`${note}.`;
}).join("\n")}
`;

let world: World;
let state: string;
beforeEach(async () => {
  world = await createWorld();
  state = agentStateDir();
});
afterEach(async () => {
  rmSync(state, { recursive: true, force: true });
  expect(world.github.violations).toEqual([]);
  await world.close();
});

function orchestrate(
  master: number,
  extra: Partial<RunWorkflowOptions> & { inputs?: RunWorkflowOptions["inputs"] } = {},
) {
  const { inputs, ...rest } = extra;
  return runWorkflow({
    inputs: {
      "master-issue": master,
      "max-workers": 3,
      agent: "command",
      "agent-command": `node ${SCRIPTED_AGENT} flaky`,
      ...inputs,
    },
    githubApiUrl: world.github.url,
    artifacts: world.artifacts,
    originUrl: world.origin.originUrl,
    runId: world.runId,
    actionInputDefaults: { "api-write-interval-ms": "5" },
    env: { PTO_DEMO_HOME: state },
    progress: false,
    ...rest,
  });
}

const summaries = (master: number) =>
  [...world.github.state.comments.values()].filter(
    (c) => c.issueNumber === master && c.body.includes("parallel-task-orchestrator:summary"),
  );
const followUpIssues = () =>
  [...world.github.state.issues.values()].filter((i) => i.title.includes(" failed ("));

describe("the orchestrate.yml workflow end to end", () => {
  it("runs 10 tasks on 3 workers, reports two failures and a lost job, and a retry finishes the job", async () => {
    const master = world.github.seedIssue({
      title: "Ten modules",
      body: TEN_TASKS,
      user: "maintainer-1",
    }).number;
    const first = await orchestrate(master, {
      // Task 7's runner is lost before it can upload anything.
      onJobStart: (job) => (job.matrix?.task === "7" ? "lose" : "run"),
    });
    expect(first.jobs.plan?.result).toBe("success");
    const agents = first.jobs.agent?.instances ?? [];
    expect(agents.map((a) => [a.matrix?.task, a.result])).toEqual([
      ["1", "success"],
      ["2", "success"],
      ["3", "success"],
      ["4", "failure"],
      ["5", "success"],
      ["6", "failure"],
      ["7", "failure"],
      ["8", "success"],
      ["9", "success"],
      ["10", "success"],
    ]);
    // 7 of 10 is below the 80% threshold: the aggregate job fails, after reporting.
    expect(first.jobs.aggregate?.result).toBe("failure");
    expect(summaries(master)).toHaveLength(1);
    const body = summaries(master)[0]?.body ?? "";
    expect(body).toContain("**Success rate**: 7/10 (70%, threshold 80%)");
    expect(body).toMatch(/\| 4 \| Module 4 \| #\d+ \| ❌ agent_error \|/);
    expect(body).toMatch(/\| 6 \| Module 6 \| #\d+ \| ❌ no_changes \|/);
    expect(body).toMatch(/\| 7 \| Module 7 \| #\d+ \| ❌ missing \|/);
    expect(followUpIssues().map((i) => i.title.replace(/^\[Master #\d+\] /, ""))).toEqual([
      "Task 4 failed (agent_error): Module 4",
      "Task 6 failed (no_changes): Module 6",
      "Task 7 failed (missing): Module 7",
    ]);
    expect(world.github.state.pulls.size).toBe(7);

    // Re-running the aggregate job of the same run changes nothing.
    world.github.reset();
    const again = await world.step("aggregate", { mode: "aggregate", "master-issue": String(master) });
    expect(again.exitCode).toBe(1);
    expect(world.github.requests.filter((r) => r.contentCreating)).toEqual([]);

    // The retry is a new run: only the three failed tasks run, on their sub-issues and branches.
    world.github.reset();
    const retry = await orchestrate(master, { runId: "5151", inputs: { retry: true } });
    expect(retry.jobs.agent?.instances.map((a) => [a.matrix?.task, a.result])).toEqual([
      ["4", "success"],
      ["6", "success"],
      ["7", "success"],
    ]);
    expect(retry.jobs.aggregate?.result).toBe("success");
    expect(retry.outputs["success-rate"]).toBe("100");
    expect(world.github.countRequests({ operationId: "issues/create" })).toBe(0);
    expect(summaries(master)).toHaveLength(1);
    expect(summaries(master)[0]?.body).toContain("**Attempts**: first run 7/10, retry 1 3/3, combined 10/10");
    expect(world.github.state.pulls.size).toBe(10);
    // The combined result counts the first run's seven successes (one line each) with the retry's three,
    // showing their earlier figures in italics; the speedup stays the retry's own.
    const combined = summaries(master)[0]?.body ?? "";
    expect(combined).toContain(
      "**Totals** (this run and 7 tasks from earlier runs): cost — · tokens — · lines +10 −0",
    );
    expect(combined).toMatch(
      /^\*\*Time\*\* \(this run's 3 agents\): \d+s wall clock vs \d+s of agent time summed/m,
    );
    expect(combined).toMatch(
      /^\| 1 \| Module 1 \| #\d+ \| ✅ success \(earlier run\) \| #\d+ \| \*\d+s\* \| — \| — \| \*\+1 −0\* \|$/m,
    );
    expect(combined).toMatch(
      /^\| 4 \| Module 4 \| #\d+ \| ✅ success \| #\d+ \| \d+s \| — \| — \| \+1 −0 \|$/m,
    );

    // Nothing left to retry: the plan is empty, the agents are skipped cleanly, and aggregate still reports.
    const empty = await orchestrate(master, { runId: "6161", inputs: { retry: true } });
    expect(empty.jobs.plan?.outputs.count).toBe("0");
    expect(empty.jobs.agent).toMatchObject({ result: "skipped" });
    expect(empty.jobs.aggregate?.result).toBe("success");
    expect(empty.result).toBe("success");
    expect(summaries(master)).toHaveLength(1);
    expect(summaries(master)[0]?.body).toContain("**Success rate**: 10/10 (100%");
    expect(summaries(master)[0]?.body).toContain(
      "**Totals** (this run and 10 tasks from earlier runs): cost — · tokens — · lines +10 −0  \n**Time** (this run): no agent ran",
    );
  }, 300_000);

  it("renders hostile task titles as plain text everywhere", async () => {
    const body = `## Sub-Tasks
- [ ] **Pipes | and \`ticks\`**: Create \`a/\`.
- [ ] **Ping @everyone and @org/team**: Create \`b/\`.
- [ ] **<img src=x onerror=alert(1)> bold**: Create \`c/\`.
`;
    const master = world.github.seedIssue({ title: "Hostile", body, user: "maintainer-1" }).number;
    const report = await orchestrate(master);
    expect(report.jobs.aggregate?.result).toBe("success");
    const summary = summaries(master)[0]?.body ?? "";
    const rows = summary.split("\n").filter((line) => /^\| \d+ \|/.test(line));
    expect(rows).toHaveLength(3);
    // Every row still has exactly the table's 9 cells: no title broke out of its cell.
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2).toBe(9);
    // Bodies and comments are markdown, where mentions notify and HTML renders; titles are plain text.
    const everything = [
      summary,
      ...[...world.github.state.issues.values()].filter((i) => i.number !== master).map((i) => i.body ?? ""),
      ...[...world.github.state.comments.values()].map((c) => c.body),
    ].join("\n");
    expect(everything).not.toMatch(/(^|[^&#\w])@everyone/);
    expect(everything).not.toMatch(/(^|[^&#\w])@org\/team/);
    expect(everything).not.toContain("<img");
  }, 180_000);
});
