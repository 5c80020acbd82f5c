import { resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createWorld, SCRIPTED_AGENT, type World } from "../harness/world.js";
import { runWorkflow, type RunWorkflowOptions, type WorkflowEvent } from "./run-workflow.js";

const FIXTURES = resolve(import.meta.dirname, "fixtures");

/** Fixture workflows only run `run:` steps: no GitHub, artifact service or origin is needed. */
function runFixture(name: string, options: Partial<RunWorkflowOptions> = {}) {
  return runWorkflow({
    workflow: resolve(FIXTURES, name),
    githubApiUrl: "http://127.0.0.1:9",
    originUrl: "file:///nonexistent/origin.git",
    sha: "0123456789abcdef0123456789abcdef01234567",
    repoRoot: resolve(import.meta.dirname),
    progress: false,
    ...options,
  });
}

/** The largest number of instances of `job` running at once, from the runner's own start/end events. */
function peakConcurrency(events: WorkflowEvent[], job: string): number {
  let running = 0;
  let peak = 0;
  for (const event of events) {
    if (event.type === "job-start" && event.job.id === job) peak = Math.max(peak, ++running);
    if (event.type === "job-end" && event.job.id === job) running--;
  }
  return peak;
}

describe("runWorkflow on fixture workflows", () => {
  it("runs jobs in needs order, caps a matrix at max-parallel, keeps going past a failing entry and applies if:", async () => {
    const events: WorkflowEvent[] = [];
    const lines: string[] = [];
    const report = await runFixture("basic.yml", {
      onEvent: (e) => events.push(e),
      progress: { write: (text: string) => lines.push(text) },
    });
    const { setup, work, never, report: final } = report.jobs;
    expect(setup?.result).toBe("success");
    expect(setup?.outputs).toMatchObject({ count: "5", none: "0" });

    expect(work?.instances.map((i) => [i.name, i.result])).toEqual([
      ["Work 1 · Item 1", "success"],
      ["Work 2 · Item 2", "success"],
      ["Work 3 · Item 3", "failure"],
      ["Work 4 · Item 4", "success"],
      ["Work 5 · Item 5", "success"],
    ]);
    expect(work?.instances[2]?.matrix).toEqual({ item: "3", title: "Item 3" });
    expect(work?.instances[2]?.steps[0]?.stderr).toContain("item 3 failed");
    expect(work?.result).toBe("failure");
    expect(peakConcurrency(events, "work")).toBe(2);
    // Every instance is its own runner: job id as GITHUB_JOB, its own workspace.
    const workspaces = new Set(work?.instances.map((i) => i.workspace));
    expect(workspaces.size).toBe(5);
    expect(work?.instances[0]?.steps[0]?.stdout).toContain(
      `job work item 1 in ${work?.instances[0]?.workspace}`,
    );
    // The last instance to finish wrote the job output.
    expect(work?.outputs.last).toBe("5");

    expect(never).toMatchObject({ result: "skipped", skippedBy: "condition", instances: [] });
    expect(report.jobs["after-work"]).toMatchObject({ result: "skipped", skippedBy: "condition" });
    expect(report.jobs["on-failure"]?.result).toBe("success");
    expect(final?.result).toBe("success");
    expect(final?.outputs.summary).toBe("work failure, last 5");
    expect(report.outputs).toEqual({ summary: "work failure, last 5" });
    expect(report.result).toBe("failure");

    const log = lines.join("");
    expect(log).toMatch(/\[\d\d:\d\d:\d\d\] ▶ Work 1 · Item 1 {2}running/);
    expect(log).toMatch(/✖ Work 3 · Item 3 {2}failure \(\d+\.\ds\) — step "Run sleep 0.4" failed/);
    expect(log).toMatch(/✔ Set up {2}success/);
    expect(log).toContain("⊘ After work  skipped");
    expect(log).toMatch(/Job +Result +Duration/);
    expect(log).toContain("Workflow Fixture basic: failure");
  });

  it("passes step outputs, GITHUB_ENV and GITHUB_PATH on; skips after a failure but runs always() and failure() steps", async () => {
    const report = await runFixture("steps.yml", {
      inputs: { word: "hi" },
      secrets: { "my-secret": "s3cr3t-value" },
    });
    const job = report.jobs.steps;
    const byId = Object.fromEntries((job?.instances[0]?.steps ?? []).map((s) => [s.id, s]));
    expect(byId.first).toMatchObject({ name: "Write outputs (hi)", result: "success" });
    expect(byId.first?.outputs).toMatchObject({ word: "wf-hi/job", multi: "line 1\nline 2" });
    expect(byId.first?.summary).toBe("## Summary of step 1\n");
    expect(byId.path?.outputs.tool).toBe("tool-ran set-by-step-1");
    expect(byId.path?.stdout).toContain("inline wf-hi/job");
    expect(byId.soft).toMatchObject({ outcome: "failure", result: "success", exitCode: 7 });
    expect(byId.hard).toMatchObject({ result: "failure", exitCode: 1 });
    expect(byId.hard?.stdout).not.toContain("not reached");
    expect(byId.skipped?.result).toBe("skipped");
    expect(byId.cleanup?.stdout).toContain("outcome of soft=failure/success, hard=failure");
    expect(byId.failed?.result).toBe("success");
    expect(job?.result).toBe("failure");
    // GitHub drops a job output holding a secret, with a warning.
    expect(job?.outputs).toEqual({
      word: "wf-hi/job",
      multi: "line 1\nline 2",
      tools: "tool-ran set-by-step-1",
    });
    expect(job?.instances[0]?.warnings).toContain("Skip output 'leaked' since it may contain secret.");
  });

  it("fails a job whose matrix is empty, like GitHub, and skips its dependants", async () => {
    const report = await runFixture("empty-matrix.yml");
    expect(report.jobs.empty?.result).toBe("failure");
    expect(report.jobs.empty?.error).toContain("Matrix must define at least one vector");
    expect(report.jobs.next?.result).toBe("skipped");
  });

  it("cancels a job at its timeout-minutes: SIGINT to the step, always() steps still run", async () => {
    const started = Date.now();
    const report = await runFixture("cancellation.yml", { timeScale: 1 / 60 });
    expect(Date.now() - started).toBeLessThan(10_000);
    for (const instance of report.jobs.slow?.instances ?? []) {
      expect(instance).toMatchObject({ result: "cancelled", cancelReason: "timeout" });
      const [wait, always, after] = instance.steps;
      expect(wait).toMatchObject({ result: "cancelled", exitCode: 130 });
      expect(wait?.stdout).toContain(`item ${String(instance.matrix?.item)} got SIGINT`);
      expect(always?.stdout).toContain("always step ran");
      expect(after?.result).toBe("skipped");
    }
    expect(report.jobs.slow?.result).toBe("cancelled");
    expect(report.result).toBe("cancelled");
  });

  it("cancels the other matrix entries when one fails and fail-fast is on", async () => {
    const report = await runFixture("cancellation.yml", {
      inputs: { timeout: 5 },
      timeScale: 1 / 60,
      env: { FAIL_FIRST: "1" },
    });
    expect(report.jobs.slow?.instances.map((i) => [i.matrix?.item, i.result, i.cancelReason])).toEqual([
      ["a", "failure", undefined],
      ["b", "cancelled", "fail-fast"],
      ["c", "cancelled", "fail-fast"],
    ]);
    expect(report.jobs.slow?.result).toBe("failure");
  });

  it("loses a runner or cancels a job on the onJobStart hook's word", async () => {
    const report = await runFixture("cancellation.yml", {
      inputs: { timeout: 2, "fail-fast": false },
      timeScale: 1 / 60,
      onJobStart: (job) =>
        job.matrix?.item === "a" ? "cancel-after-ms:300" : job.matrix?.item === "b" ? "lose" : "run",
    });
    const [a, b, c] = report.jobs.slow?.instances ?? [];
    expect(a).toMatchObject({ result: "cancelled", cancelReason: "hook" });
    expect(a?.steps[0]?.stdout).toContain("item a got SIGINT");
    expect(b).toMatchObject({ result: "failure", lost: true, steps: [] });
    expect(c).toMatchObject({ result: "cancelled", cancelReason: "timeout" });
    expect(report.jobs.slow?.result).toBe("failure");
  });

  it("runs a job that calls a reusable workflow, with typed inputs and its outputs", async () => {
    const report = await runFixture("caller.yml", { inputs: { count: 2 } });
    const call = report.jobs.call;
    expect(call?.result).toBe("success");
    expect(call?.outputs).toEqual({ summary: "work success, last 2" });
    const nested = call?.instances[0]?.workflow;
    expect(nested?.jobs.work?.instances.map((i) => i.key)).toEqual(["call/work-0", "call/work-1"]);
    expect(nested?.jobs.work?.instances[0]?.name).toBe("call / Work 1 · Item 1");
    expect(report.jobs["use-output"]?.instances[0]?.steps[0]?.stdout).toBe("got work success, last 2\n");
  });

  it("refuses to start with undeclared or mistyped inputs", async () => {
    await expect(runFixture("basic.yml", { inputs: { nope: 1 } })).rejects.toThrow(/nope is not defined/);
    await expect(runFixture("basic.yml", { inputs: { count: "many" } })).rejects.toThrow(/must be a number/);
  });
});

const SHOP = `The shop, split in three.

## Sub-Tasks
- [ ] **Cart model**: Create \`tasks/\` notes for the cart. It must be documented.
- [ ] **Checkout API**: Add \`src/api/checkout.ts\`.
- [ ] **Docs**: Write \`docs/shop.md\`.
`;

describe("runWorkflow on the real orchestrate.yml", () => {
  let world: World;
  let master: number;
  beforeEach(async () => {
    world = await createWorld();
    master = world.github.seedIssue({ title: "Shop", body: SHOP, user: "maintainer-1" }).number;
  });
  afterEach(async () => {
    expect(world.github.violations).toEqual([]);
    await world.close();
  });

  const orchestrate = (inputs: RunWorkflowOptions["inputs"], extra: Partial<RunWorkflowOptions> = {}) =>
    runWorkflow({
      inputs,
      githubApiUrl: world.github.url,
      artifacts: world.artifacts,
      originUrl: world.origin.originUrl,
      runId: world.runId,
      actionInputDefaults: { "api-write-interval-ms": "5" },
      progress: false,
      ...extra,
    });

  it("plans a dry run, skips the agent matrix and the aggregate job cleanly", async () => {
    const report = await orchestrate({ "master-issue": master, "dry-run": true });
    const { plan, agent, aggregate } = report.jobs;
    expect(plan?.result).toBe("success");
    expect(plan?.outputs).toMatchObject({
      count: "0",
      matrix: '{"include":[]}',
      "master-issue": String(master),
    });
    expect(plan?.outputs).toMatchObject({ "agent-timeout-seconds": "1800", "job-timeout-minutes": "45" });
    // count 0: the job's if: keeps GitHub from evaluating the empty matrix, which would be an error.
    expect(agent).toMatchObject({ result: "skipped", skippedBy: "condition", instances: [] });
    expect(world.github.state.subIssues.get(master) ?? []).toEqual([]);
    expect([...world.github.state.comments.values()].filter((c) => c.issueNumber === master)).toHaveLength(1);
    expect(report.concurrencyGroup).toBe(`parallel-task-orchestrator-${master}`);
    // A dry run ran no agent: the plan comment is the whole report, so aggregate does not run.
    expect(aggregate).toMatchObject({ result: "skipped", skippedBy: "condition" });
    expect(report.result).toBe("success");
  });

  it("fans three agents out two at a time, each opening its pull request, and aggregates them", async () => {
    const events: WorkflowEvent[] = [];
    const report = await orchestrate(
      {
        "master-issue": master,
        agent: "command",
        "agent-command": `node ${SCRIPTED_AGENT} write`,
        "max-workers": 2,
      },
      { onEvent: (e) => events.push(e) },
    );
    const { plan, agent, aggregate } = report.jobs;
    expect(plan?.outputs.count).toBe("3");
    expect(agent?.instances.map((i) => [i.name, i.result])).toEqual([
      ["Task 1 · Cart model", "success"],
      ["Task 2 · Checkout API", "success"],
      ["Task 3 · Docs", "success"],
    ]);
    expect(peakConcurrency(events, "agent")).toBe(2);
    const heads = [...world.github.state.pulls.values()].map((p) => p.head).sort();
    expect(heads).toEqual([
      `orchestrator/${master}/1-cart-model`,
      `orchestrator/${master}/2-checkout-api`,
      `orchestrator/${master}/3-docs`,
    ]);
    expect(world.artifacts.artifacts.map((a) => a.name).sort()).toEqual([
      `plan-${master}-1.json`,
      `status-${master}-1-1.json`,
      `status-${master}-2-1.json`,
      `status-${master}-3-1.json`,
    ]);
    expect(aggregate?.result).toBe("success");
    expect(report.outputs["success-rate"]).toBe("100");
    expect(JSON.parse(report.outputs["pull-requests"] ?? "[]")).toHaveLength(3);
    expect(report.result).toBe("success");
  }, 120_000);
});
