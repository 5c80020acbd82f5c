import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentStateDir } from "../harness/agent-state.js";
import { raceNextPush } from "../harness/git-fixture.js";
import type { World } from "../harness/world.js";
import type { WorkflowRunReport } from "../local-runner/run-workflow.js";
import { readSummaryData } from "../../src/aggregate/summary-data.js";
import { isProcessAlive } from "../../src/exec/process-group.js";
import { attack } from "./catalog.js";
import { createdIssue } from "../stand-ins/github/server.js";
import { createAdversarialWorld, orchestrate, SCRIPTED_AGENT, summariesOf, writesOf } from "./helpers.js";

const body = (titles: string[]) =>
  `## Sub-Tasks\n${titles.map((t, i) => `- [ ] **${t}**: Create \`m${i + 1}/\`.`).join("\n")}\n`;

// A zombie counts as ended: in containers whose PID 1 does not reap orphans, a killed child whose
// parent died first stays a zombie for ever, and `kill(pid, 0)` still succeeds on it.
const alive = (pid: number) => isProcessAlive(pid);

const results = (report: WorkflowRunReport) =>
  JSON.parse(report.jobs.aggregate?.instances[0]?.steps.at(-1)?.outputs.result ?? "{}") as {
    tasks: Array<{ id: string; outcome: string; reason: string }>;
  };

describe("GitHub API faults across a whole run", () => {
  let world: World;
  beforeAll(async () => {
    world = await createAdversarialWorld({ secondaryLimits: { perMinute: 30, perHour: 500, timeScale: 30 } });
  });
  afterAll(async () => {
    expect(world.github.violations).toEqual([]);
    await world.close();
  });

  it(
    attack("github-fault-bursts"),
    async () => {
      const master = world.github.seedIssue({
        title: "Faulty API",
        body: body(["One", "Two", "Three", "Four"]),
        user: "maintainer-1",
      }).number;
      const secondary = {
        message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
      };
      // Bursts of two: the retry plugin backs off 1 s, then 4 s, on the same request.
      // Sub-issues are created under the master by GraphQL `createIssue` (one request each).
      const createIssue = { method: "POST", path: /^\/graphql$/, requestBody: /createIssue/ };
      world.github.injectFault({ ...createIssue, times: 2, status: 502 });
      world.github.injectFault({ method: "GET", times: 2, status: 503 });
      world.github.injectFault({ ...createIssue, times: 2, status: 429, headers: { "retry-after": "1" } });
      world.github.injectFault({
        method: "POST",
        path: /\/pulls$/,
        times: 2,
        status: 403,
        headers: { "retry-after": "1" },
        body: secondary,
      });
      world.github.injectFault({ method: "POST", path: /\/comments$/, times: 1, status: 500 });
      const report = await orchestrate(world, master);
      expect(report.jobs.agent?.instances.map((i) => i.result)).toEqual(Array(4).fill("success"));
      expect(report.jobs.aggregate?.result).toBe("success");
      // Every burst was met and waited out: 2 × 502 and 2 × 429 on creating sub-issues, 2 × 503 on reads,
      // 2 × secondary-limit 403 on opening PRs, 1 × 500 on a comment.
      expect(world.github.countRequests((r) => r.fault)).toBe(9);
      expect(world.github.requests.filter(createdIssue)).toHaveLength(4);
      expect(world.github.state.subIssues.get(master)).toHaveLength(4);
      expect(world.github.state.pulls.size).toBe(4);
      expect(summariesOf(world, master)).toHaveLength(1);
      const agentComments = [...world.github.state.comments.values()].filter((c) =>
        c.body.includes("parallel-task-orchestrator:agent-result"),
      );
      expect(agentComments).toHaveLength(4);
    },
    180_000,
  );
});

describe("runner and git faults in one run", () => {
  let world: World;
  let master: number;
  let report: WorkflowRunReport;
  const home = agentStateDir("pto-adv-home-");
  beforeAll(async () => {
    world = await createAdversarialWorld();
    master = world.github.seedIssue({
      title: "Faults",
      body: body([
        "Plain work",
        "Raced scenario:move-branch",
        "Slow scenario:pid-hang",
        "Lost runner",
        "More work",
      ]),
      user: "maintainer-1",
    }).number;
    raceNextPush(world.origin.origin, "*/2-raced*");
    report = await orchestrate(world, master, {
      behaviour: "scenario",
      env: { PTO_DEMO_HOME: home },
      // GitHub's runner waits 7.5 s from SIGINT to SIGTERM (and SIGKILLs 2.5 s later); this test runs on
      // loaded CI machines where the same work can take three times longer, so it stretches the grace.
      cancelGraceMs: 15_000,
      onJobStart: (job) =>
        job.matrix?.task === "3" ? "cancel-after-ms:12000" : job.matrix?.task === "4" ? "lose" : "run",
    });
  }, 180_000);
  afterAll(async () => {
    rmSync(home, { recursive: true, force: true });
    expect(world.github.violations).toEqual([]);
    await world.close();
  });

  it(attack("push-rejected"), () => {
    const task = results(report).tasks.find((t) => t.id === "2");
    expect(task?.outcome).toBe("push_failed");
    const summary = summariesOf(world, master)[0]?.body ?? "";
    expect(summary).toMatch(/\*\*Task 2\*\* \(push_failed\): .*(moved|rejected|lease)/i);
    expect(report.jobs.agent?.instances[1]?.result).toBe("failure");
  });

  it(attack("runner-cancellation"), () => {
    const instance = report.jobs.agent?.instances[2];
    expect(instance?.result).toBe("cancelled");
    const pids = join(home, "pids-3");
    if (existsSync(pids)) {
      // The agent and the child it started in its process group are both gone.
      const [agentPid, childPid] = readFileSync(pids, "utf8").trim().split("\n").map(Number);
      expect(alive(agentPid as number)).toBe(false);
      expect(alive(childPid as number)).toBe(false);
    } else {
      // On a machine so loaded that the job was cancelled before its agent started.
      console.warn("runner-cancellation: the agent had not started when the job was cancelled");
    }
    const status = world.artifacts.artifacts.find((a) => a.name === `status-${master}-3-1.json`);
    expect(status, "the cancelled agent's status").toBeDefined();
    expect(JSON.parse(status?.content.toString() ?? "{}")).toMatchObject({ outcome: "cancelled" });
    expect(results(report).tasks.find((t) => t.id === "3")?.outcome).toBe("cancelled");
  });

  it(attack("runner-lost"), () => {
    expect(report.jobs.agent?.instances[3]?.lost).toBe(true);
    const tasks = results(report).tasks;
    expect(tasks.map((t) => [t.id, t.outcome])).toEqual([
      ["1", "success"],
      ["2", "push_failed"],
      ["3", "cancelled"],
      ["4", "missing"],
      ["5", "success"],
    ]);
    const followUps = [...world.github.state.issues.values()].filter((i) => i.title.includes(" failed ("));
    expect(followUps.map((i) => i.title.replace(/^\[Master #\d+\] /, ""))).toEqual([
      "Task 2 failed (push_failed): Raced scenario:move-branch",
      "Task 3 failed (cancelled): Slow scenario:pid-hang",
      "Task 4 failed (missing): Lost runner",
    ]);
  });

  it(attack("aggregate-repeated"), async () => {
    world.github.reset();
    const again = await world.step("aggregate", { mode: "aggregate", "master-issue": String(master) });
    expect(again.exitCode).toBe(1);
    expect(writesOf(world)).toEqual([]);
    expect(summariesOf(world, master)).toHaveLength(1);
  });
});

describe("artifact upload faults", () => {
  let world: World;
  let master: number;
  beforeAll(async () => {
    world = await createAdversarialWorld();
    master = world.github.seedIssue({
      title: "Uploads",
      body: body(["One", "Two"]),
      user: "maintainer-1",
    }).number;
    expect((await world.step("plan", { mode: "plan", "master-issue": String(master) })).exitCode).toBe(0);
  });
  afterAll(async () => {
    expect(world.github.violations).toEqual([]);
    await world.close();
  });

  const agent = (task: string) => {
    const cwd = world.origin.clone();
    return world.step(
      `agent-${task}`,
      {
        mode: "agent",
        "master-issue": String(master),
        task,
        agent: "command",
        "agent-command": `node ${SCRIPTED_AGENT} write`,
      },
      { cwd, env: { GITHUB_WORKSPACE: cwd }, timeoutMs: 120_000 },
    );
  };

  it(
    attack("artifact-transient"),
    async () => {
      world.artifacts.injectFault({ method: "CreateArtifact", times: 1, status: 503 });
      const run = await agent("1");
      expect(run.exitCode, run.stdout).toBe(0);
      expect(world.artifacts.artifacts.filter((a) => a.name === `status-${master}-1-1.json`)).toHaveLength(1);
    },
    120_000,
  );

  it(
    attack("artifact-permanent"),
    async () => {
      world.artifacts.injectFault({ method: "CreateArtifact", times: Infinity, status: 400 });
      const run = await agent("2");
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toMatch(/::error::.*status/i);
      // The status the upload could not deliver is printed in the log, so it is not lost.
      expect(run.stdout).toMatch(/Status document \(not uploaded\):[\s\S]*"outcome": "success"/);
      const aggregate = await world.step("aggregate", { mode: "aggregate", "master-issue": String(master) });
      const tasks = JSON.parse(aggregate.outputs.result ?? "{}").tasks as Array<{
        id: string;
        outcome: string;
      }>;
      expect(tasks.map((t) => [t.id, t.outcome])).toEqual([
        ["1", "success"],
        ["2", "missing"],
      ]);
      expect(aggregate.outputs.succeeded).toBe("1");
      expect(aggregate.outputs.failed).toBe("1");
    },
    180_000,
  );
});

describe("two orchestrations of the same master issue at once", () => {
  let world: World;
  beforeAll(async () => {
    world = await createAdversarialWorld();
  });
  afterAll(async () => {
    expect(world.github.violations).toEqual([]);
    await world.close();
  });

  it(
    attack("concurrent-orchestrations"),
    async () => {
      const master = world.github.seedIssue({
        title: "Twice",
        body: body(["A", "B", "C"]),
        user: "maintainer-1",
      }).number;
      // Both started at once; the workflow's concurrency group makes the second wait for the first.
      const [first, second] = await Promise.all([
        orchestrate(world, master, { runId: "8001" }),
        orchestrate(world, master, { runId: "8002" }),
      ]);
      expect(first.concurrencyGroup).toBe(`parallel-task-orchestrator-${master}`);
      expect(second.concurrencyGroup).toBe(first.concurrencyGroup);
      expect([first.result, second.result]).toEqual(["success", "success"]);
      // Which run gets the slot first is up to the scheduler, not the order they were started in: the
      // earlier is the one that ran first.
      const ranSince = (run: typeof first) => run.runningSince?.getTime() ?? Number.POSITIVE_INFINITY;
      const [earlier, later] = ranSince(first) <= ranSince(second) ? [first, second] : [second, first];
      // The later run's jobs began only once the earlier run had ended (its duration is taken before it
      // releases the slot). Measured from the slot itself: the run's set-up before queueing varies with load.
      expect(later.runningSince?.getTime()).toBeGreaterThanOrEqual(
        earlier.startedAt.getTime() + earlier.durationMs,
      );
      // It waited for that slot unless the earlier run had ended before it even asked for it.
      if (later.startedAt.getTime() < earlier.startedAt.getTime() + earlier.durationMs) {
        expect(later.queuedMs ?? 0).toBeGreaterThan(0);
      }
      // The second run re-plans onto the first one's sub-issues, branches and PRs: nothing twice.
      const taskIssues = [...world.github.state.issues.values()].filter((i) =>
        (i.body ?? "").includes("parallel-task-orchestrator:sub-issue"),
      );
      expect(taskIssues).toHaveLength(3);
      expect(world.github.state.subIssues.get(master)).toHaveLength(3);
      expect(world.github.state.pulls.size).toBe(3);
      const summaries = summariesOf(world, master);
      expect(summaries).toHaveLength(1);
      // One summary that records both runs, every task counted once.
      expect(summaries[0]?.body).toMatch(/\b3\/3\b/);
      const outputs = later.jobs.aggregate?.instances[0]?.steps.at(-1)?.outputs ?? {};
      expect([outputs.succeeded, outputs.failed]).toEqual(["3", "0"]);
    },
    240_000,
  );

  it(
    attack("concurrent-orchestrations-unguarded"),
    async () => {
      const master = world.github.seedIssue({
        title: "Twice at once",
        body: body(["A", "B", "C scenario:fail"]),
        user: "maintainer-1",
      }).number;
      // Both plans' first sub-issue creations are held until both have arrived: they interleave.
      world.github.injectBarrier({ method: "POST", path: /^\/graphql$/, requestBody: /\] A"/, count: 2 });
      const runs = await Promise.all(
        ["8101", "8102"].map((runId) =>
          orchestrate(world, master, { runId, concurrency: "ignore", behaviour: "scenario" }),
        ),
      );
      expect(runs.map((r) => r.queuedMs ?? 0)).toEqual([0, 0]);
      const mine = (i: { body: string | null }, kind: string) =>
        (i.body ?? "").includes(`parallel-task-orchestrator:${kind} master=${master} `);
      const issues = [...world.github.state.issues.values()];
      const taskIssues = issues.filter((i) => mine(i, "sub-issue"));
      // Both created every sub-issue; the later copies are closed as duplicates and unlinked.
      expect(taskIssues).toHaveLength(6);
      const open = taskIssues.filter((i) => i.state === "open");
      expect(open).toHaveLength(3);
      expect(taskIssues.filter((i) => i.stateReason === "duplicate")).toHaveLength(3);
      expect(world.github.state.subIssues.get(master)).toEqual(open.map((i) => i.number));
      // Both runs' agents worked on the same sub-issues and branches: one PR per task.
      const planned = runs.map((r) =>
        (r.jobs.plan?.instances[0]?.steps.at(-1)?.outputs.matrix ?? "").replace(/\s/g, ""),
      );
      expect(planned[0]).toBe(planned[1]);
      const pulls = [...world.github.state.pulls.values()].filter((p) => p.head.includes(`/${master}/`));
      expect(pulls).toHaveLength(2);
      // At most one open follow-up per task: task 3 failed in both runs. (A run whose push met the other
      // run's branch records that failure truthfully and may open a follow-up for it.)
      const followUps = issues.filter((i) => mine(i, "follow-up") && i.state === "open");
      const taskOf = (i: { body: string | null }) =>
        /follow-up master=\d+ task=(\d+)/.exec(i.body ?? "")?.[1];
      const followUpTasks = followUps.map(taskOf);
      expect(new Set(followUpTasks).size).toBe(followUpTasks.length);
      expect(followUpTasks).toContain("3");
      // One summary, with both runs and every task once.
      const summaries = summariesOf(world, master);
      expect(summaries).toHaveLength(1);
      expect(summaries[0]?.body).toMatch(/\b2\/3\b/);
      const data = readSummaryData(summaries[0]?.body ?? "", master);
      expect(data?.attempts.map((a) => a.run_id).sort()).toEqual(["8101", "8102"]);
      expect(Object.keys(data?.tasks ?? {})).toEqual(["1", "2", "3"]);
    },
    240_000,
  );
});
