import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createWorld, SCRIPTED_AGENT, type World } from "../harness/world.js";

const MASTER_BODY = `## Sub-Tasks
- [ ] **Cart | model**: Create \`cart/\`. It must work.
- [ ] **Checkout @everyone**: Add \`checkout/\`.
- [ ] **Docs <b>bold</b>**: Write \`docs/\`.
`;

let world: World;
let master: number;
beforeEach(async () => {
  world = await createWorld();
  master = world.github.seedIssue({ title: "Shop", body: MASTER_BODY, user: "maintainer-1" }).number;
});
afterEach(async () => {
  expect(world.github.violations).toEqual([]);
  await world.close();
});

const step = (job: string, inputs: Record<string, string>, runId?: string) =>
  world.step(
    job,
    { "master-issue": String(master), ...inputs },
    { runId, cwd: inputs.mode === "agent" ? world.origin.clone() : undefined },
  );

function agent(task: string, behaviour: string, runId?: string) {
  const cwd = world.origin.clone();
  return world.step(
    `agent-${task}`,
    {
      mode: "agent",
      "master-issue": String(master),
      task,
      agent: "command",
      "agent-command": `node ${SCRIPTED_AGENT} ${behaviour}`,
    },
    { runId, cwd, env: { GITHUB_WORKSPACE: cwd } },
  );
}

const summaries = () =>
  [...world.github.state.comments.values()].filter((c) =>
    c.body.includes("parallel-task-orchestrator:summary"),
  );
const writes = () => world.github.requests.filter((r) => r.contentCreating);

describe("aggregate mode through dist/index.js", () => {
  it("accounts for every task, opens follow-ups, upserts one summary, and a retry runs only what failed", async () => {
    expect((await step("plan", { mode: "plan" })).exitCode).toBe(0);
    expect((await agent("1", "write")).exitCode).toBe(0);
    expect((await agent("2", "fail")).exitCode).toBe(1);
    // Task 3's runner is lost: no status is ever uploaded.

    const first = await step("aggregate", { mode: "aggregate" });
    expect(first.exitCode, first.stdout).toBe(1);
    // Workflow commands escape "%" as "%25".
    expect(first.stdout).toContain(
      "::error::1 of 3 tasks succeeded (33.3%25), below the success threshold of 80%25",
    );
    expect(first.outputs).toMatchObject({
      "success-rate": "33.3",
      succeeded: "1",
      failed: "2",
      verdict: "failure",
    });
    const [pr] = [...world.github.state.pulls.values()];
    expect(JSON.parse(first.outputs["pull-requests"] ?? "[]")).toEqual([
      { task: "1", number: pr?.number, url: expect.stringContaining(`/pull/${pr?.number}`) },
    ]);

    const [summary] = summaries();
    expect(summaries()).toHaveLength(1);
    expect(summary?.issueNumber).toBe(master);
    const body = summary?.body ?? "";
    expect(body).toContain("**Success rate**: 1/3 (33.3%, threshold 80%)");
    expect(body).toContain("Cart \\| model");
    expect(body).not.toContain("@everyone");
    expect(body).toContain("&#64;everyone");
    expect(body).not.toContain("<b>");
    expect(body).toContain("```mermaid\ngantt");
    expect(body).toContain(`- [ ] Review and merge #${pr?.number} (task 1)`);
    expect(body).toContain("No status was uploaded");
    expect(first.summary).toContain("Parallel orchestration of #");

    // Two follow-ups, each a sub-issue of its task's sub-issue.
    const followUps = JSON.parse(first.outputs["follow-up-issues"] ?? "{}") as Record<string, number>;
    expect(Object.keys(followUps)).toEqual(["2", "3"]);
    const subIssues = world.github.state.subIssues.get(master) ?? [];
    expect(world.github.state.subIssues.get(subIssues[1] as number)).toEqual([followUps["2"]]);
    expect(world.github.state.issues.get(followUps["2"] as number)?.body).toContain("AGENT_ERROR");
    expect(world.github.state.issues.get(followUps["3"] as number)?.body).toContain("MISSING_STATUS");

    // A repeated aggregate run changes nothing.
    world.github.reset();
    const again = await step("aggregate", { mode: "aggregate" });
    expect(again.exitCode).toBe(1);
    expect(writes()).toEqual([]);

    // A retry is a new workflow run: it plans only tasks 2 and 3, and the summary combines both runs.
    world.github.reset();
    const plan = await step("plan", { mode: "plan", retry: "true" }, "5000");
    expect(plan.exitCode, plan.stdout).toBe(0);
    expect(JSON.parse(plan.outputs.matrix ?? "{}").include.map((e: { task: string }) => e.task)).toEqual([
      "2",
      "3",
    ]);
    expect(world.github.countRequests({ operationId: "issues/create" })).toBe(0);
    expect((await agent("2", "write", "5000")).exitCode).toBe(0);
    expect((await agent("3", "write", "5000")).exitCode).toBe(0);
    const retried = await step("aggregate", { mode: "aggregate" }, "5000");
    expect(retried.exitCode, retried.stdout).toBe(0);
    expect(retried.outputs).toMatchObject({
      "success-rate": "100",
      succeeded: "3",
      verdict: "all-succeeded",
    });
    expect(summaries()).toHaveLength(1);
    expect(summaries()[0]?.body).toContain("**Attempts**: first run 1/3, retry 1 2/2, combined 3/3");
    expect(world.github.state.pulls.size).toBe(3);
  }, 180_000);

  it("treats an invalid or forged status as a failure, never a success", async () => {
    expect((await step("plan", { mode: "plan" })).exitCode).toBe(0);
    expect((await agent("1", "write")).exitCode).toBe(0);
    // Task 2's job uploads a status that claims task 1's pull request.
    const good = world.artifacts.artifacts.find((a) => a.name === `status-${master}-1-1.json`);
    const forged = { ...JSON.parse(good?.content.toString() ?? "{}"), task_id: "2", agent_id: "agent-2" };
    const { writeFileSync, mkdtempSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "forged-"));
    writeFileSync(join(dir, "f.json"), JSON.stringify(forged));
    const { runArtifactClient } = await import("../stand-ins/artifact/artifact-client.js");
    await runArtifactClient(
      world.artifacts,
      { run: world.runId, job: "agent-2", workspace: dir },
      {
        op: "upload",
        name: `status-${master}-2-1.json`,
        files: [join(dir, "f.json")],
        rootDirectory: dir,
      },
    );
    const result = await step("aggregate", { mode: "aggregate", "success-threshold": "30" });
    const tasks = JSON.parse(result.outputs.result ?? "{}").tasks as Array<{
      id: string;
      outcome: string;
      reason: string;
    }>;
    expect(tasks.map((t) => [t.id, t.outcome])).toEqual([
      ["1", "success"],
      ["2", "forged"],
      ["3", "missing"],
    ]);
    expect(tasks[1]?.reason).toMatch(/claims pull request #\d+, but its head is/);
    expect(result.exitCode).toBe(0);
  }, 120_000);
});
