import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manyTasksIssue, plannedTasks, seedStatuses } from "../../bench/scale-fixture.js";
import { runAction } from "../harness/run-action.js";
import { startArtifactStandIn, type ArtifactStandIn } from "../stand-ins/artifact/server.js";
import { startGitHubStandIn, type GitHubStandIn } from "../stand-ins/github/server.js";

/**
 * 256 tasks — the matrix cap — through the bundled plan and aggregate steps. GitHub allows 100
 * sub-issues per parent, so the planner links task sub-issues through group sub-issues; a plan that
 * fails half-way is completed by the next run without duplicates. The full 256-job fan-out through the
 * local runner is too slow for CI on 2 cores: it is part of the benchmarks (`BENCH_FANOUT=256 npm run bench`).
 */
let github: GitHubStandIn;
let artifacts: ArtifactStandIn;
const RUN_ID = "9256";
beforeEach(async () => {
  github = await startGitHubStandIn();
  artifacts = await startArtifactStandIn();
});
afterEach(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
  await artifacts.close();
});

/** The plan job's outputs the later jobs of a run are given (`plan-artifact-id`, `plan-sha256`). */
const planPins = new Map<string, Record<string, string>>();

async function step(master: number, mode: string, runId = RUN_ID) {
  const run = await runAction({
    inputs: {
      mode,
      "master-issue": String(master),
      "github-token": "ghs_standin_token",
      "api-write-interval-ms": "1",
      ...(mode === "plan" ? {} : planPins.get(`${runId}/${master}`)),
    },
    env: {
      GITHUB_API_URL: github.url,
      ACTIONS_RESULTS_URL: artifacts.url,
      ACTIONS_RUNTIME_TOKEN: artifacts.runtimeToken(runId, mode),
      GITHUB_RUN_ID: runId,
      GITHUB_RUN_ATTEMPT: "1",
      GITHUB_JOB: mode,
    },
    event: { sender: { login: "maintainer-1", type: "User" } },
    timeoutMs: 120_000,
  });
  if (mode === "plan" && run.outputs["plan-artifact-id"]) {
    planPins.set(`${runId}/${master}`, {
      "plan-artifact-id": run.outputs["plan-artifact-id"],
      "plan-sha256": run.outputs["plan-sha256"] ?? "",
    });
  }
  return run;
}

const children = (n: number) => github.state.subIssues.get(n) ?? [];
const issue = (n: number) => github.state.issues.get(n);

describe("256 tasks", () => {
  it("plans through group sub-issues, survives a half-created plan, and aggregates every status", async () => {
    const master = github.seedIssue({
      title: "256 modules",
      body: manyTasksIssue(256),
      user: "maintainer-1",
    });
    // Numbers follow creation order: group 1, tasks 1–100, then group 2. Creating task 101 under group 2
    // fails (GraphQL answers errors with HTTP 200).
    const group2 = master.number + 102;
    github.injectFault({
      method: "POST",
      path: /^\/graphql$/,
      requestBody: /Module 101"/,
      times: 1,
      status: 200,
      body: { data: null, errors: [{ type: "UNPROCESSABLE", message: "Something went wrong" }] },
    });
    const first = await step(master.number, "plan");
    expect(first.exitCode).toBe(1);
    expect(first.stdout).toContain("failed after 100 of 256 were ready; run the plan again to finish");

    const second = await step(master.number, "plan");
    expect(second.exitCode, second.stdout + second.stderr).toBe(0);
    expect(second.outputs.count).toBe("256");
    // The report says why group issues appear under the master; a note, so the verdict is unchanged.
    expect(second.outputs.outcome).toBe("proceed");
    expect(second.summary).toContain(
      "- ℹ️ 256 tasks exceed GitHub's limit of 100 sub-issues per issue, so their sub-issues are grouped",
    );
    expect(second.summary).toContain(": 3 group issues, for tasks 1–100, 101–200 and 201–256.");

    // The master holds three group sub-issues; each group at most 100 task sub-issues, in id order.
    const groups = children(master.number).map((n) => issue(n));
    expect(groups.map((g) => g?.title)).toEqual([
      `[Master #${master.number}] Tasks 1–100`,
      `[Master #${master.number}] Tasks 101–200`,
      `[Master #${master.number}] Tasks 201–300`,
    ]);
    expect(groups.map((g) => children(g?.number ?? 0).length)).toEqual([100, 100, 56]);
    // No duplicates: exactly one issue per task and one per group, besides the master.
    const taskIssues = [...github.state.issues.values()].filter((i) => /\] Module \d+$/.test(i.title));
    expect(taskIssues).toHaveLength(256);
    expect(github.state.issues.size).toBe(1 + 3 + 256);
    const tasks = plannedTasks(second.outputs.plan);
    expect(tasks.map((t) => t.subIssue).sort()).toEqual(taskIssues.map((i) => i.number).sort());
    expect(github.state.parentOf.get(tasks[100]?.subIssue ?? 0)).toBe(group2);

    // A third run (another workflow run: plan documents are named per run) reuses everything: reads only.
    github.reset();
    const third = await step(master.number, "plan", "9257");
    expect(third.exitCode, third.stdout).toBe(0);
    expect(github.countRequests({ contentCreating: true })).toBe(0);
    expect(github.countRequests()).toBeLessThanOrEqual(12);

    // Every agent reported: 250 successes with a pull request, 6 failures.
    const failed = new Set(["7", "99", "100", "101", "200", "256"]);
    await seedStatuses({ github, artifacts, master: master.number, tasks, runId: RUN_ID, failed });
    const aggregate = await step(master.number, "aggregate");
    expect(aggregate.exitCode, aggregate.stdout + aggregate.stderr).toBe(0);
    expect(aggregate.outputs).toMatchObject({ succeeded: "250", failed: "6", verdict: "partial-success" });
    expect(JSON.parse(aggregate.outputs["pull-requests"] ?? "[]")).toHaveLength(250);
    const followUps = JSON.parse(aggregate.outputs["follow-up-issues"] ?? "{}") as Record<string, number>;
    expect(Object.keys(followUps).sort()).toEqual([...failed].sort());
    // Follow-ups hang under their task's sub-issue: master → group → task → follow-up.
    const task101 = tasks.find((t) => t.id === "101")?.subIssue ?? 0;
    expect(github.state.parentOf.get(followUps["101"] ?? 0)).toBe(task101);
    const summaries = [...github.state.comments.values()].filter(
      (c) => c.issueNumber === master.number && c.body.includes("parallel-task-orchestrator:summary"),
    );
    expect(summaries).toHaveLength(1);
    expect(summaries[0]?.body.length).toBeLessThanOrEqual(65_536);
  }, 240_000);

  it("aborts past 256 tasks, saying how to split, before writing anything but the plan comment", async () => {
    const master = github.seedIssue({
      title: "257 modules",
      body: manyTasksIssue(257),
      user: "maintainer-1",
    });
    const run = await step(master.number, "plan");
    expect(run.exitCode).toBe(1);
    expect(run.outputs.count).toBe("0");
    expect(run.stdout).toMatch(/Split the master issue into issues of at most 256 tasks/);
    expect(github.state.issues.size).toBe(1);
    expect(github.countRequests({ contentCreating: true })).toBe(1);
  }, 60_000);
});
