import { randomBytes } from "node:crypto";
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
  return agentCommand(task, { "agent-command": `node ${SCRIPTED_AGENT} ${behaviour}` }, runId);
}

/** An agent job of `task` running the command agent with these inputs (its command among them). */
function agentCommand(task: string, inputs: Record<string, string>, runId?: string) {
  const cwd = world.origin.clone();
  return world.step(
    `agent-${task}`,
    { mode: "agent", "master-issue": String(master), task, agent: "command", ...inputs },
    { runId, cwd, env: { GITHUB_WORKSPACE: cwd } },
  );
}

/** The model key the workflow gives the agent; a careless agent prints it before failing. */
const MODEL_KEY = `sk-ant-api03-canary${randomBytes(8).toString("hex")}`;
const CARELESS_FAILING_AGENT = JSON.stringify([
  "node",
  "-e",
  "console.log('calling the model with ' + process.env.ANTHROPIC_API_KEY); console.log('could not make the tests pass'); process.exit(3)",
]);

/** The most requests the service held at one moment: at each arrival, how many were not yet answered. */
function maxInFlight(requests: ReadonlyArray<{ receivedAt: number; answeredAt: number }>): number {
  return Math.max(
    0,
    ...requests.map(
      (r) => requests.filter((o) => o.receivedAt <= r.receivedAt && o.answeredAt > r.receivedAt).length,
    ),
  );
}

/** The text of one `## heading` section of an issue body, up to the next heading. */
function section(body: string, heading: string): string {
  const start = body.indexOf(`## ${heading}\n`);
  if (start === -1) return "";
  const rest = body.slice(start + heading.length + 4);
  const end = rest.search(/^## /m);
  return (end === -1 ? rest : rest.slice(0, end)).trim();
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
    const failing = await agentCommand("2", {
      "agent-command": CARELESS_FAILING_AGENT,
      "anthropic-api-key": MODEL_KEY,
    });
    expect(failing.exitCode, failing.stdout).toBe(1);
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
    expect(body).toContain("@&#x200B;everyone");
    expect(body).not.toContain("<b>");
    expect(body).toContain("```mermaid\ngantt");
    expect(body).toContain(`- [ ] Review and merge #${pr?.number} (task 1)`);
    expect(body).toContain("No status was uploaded");
    // The job summary holds the whole report, as commented (nothing was cut at this size).
    expect(first.summary.trimEnd()).toBe(body);
    const rows = first.summary.split("\n").filter((line) => /^\| \d \| /.test(line));
    expect(rows.map((line) => line.split(" | ")[0])).toEqual(["| 1", "| 2", "| 3"]);
    expect(first.summary).toMatch(/^\*\*Totals\*\*: cost — · tokens — · lines \+3 −0 {2}$/m);
    expect(first.summary).toMatch(
      /^\*\*Time\*\* \(this run's 2 agents\): \d+s wall clock vs \d+s of agent time summed/m,
    );
    expect(first.summary).toContain("```mermaid\ngantt");
    expect(first.summary).toContain("### Overlap check");
    expect(first.summary).toContain(
      "- [ ] Retry the failed tasks: run the workflow again with `retry: true`",
    );

    // Two follow-ups, each a sub-issue of its task's sub-issue.
    const followUps = JSON.parse(first.outputs["follow-up-issues"] ?? "{}") as Record<string, number>;
    expect(Object.keys(followUps)).toEqual(["2", "3"]);
    const subIssues = world.github.state.subIssues.get(master) ?? [];
    expect(subIssues).toHaveLength(3);
    expect(world.github.state.subIssues.get(subIssues[0] as number) ?? []).toEqual([]);
    expect(world.github.state.subIssues.get(subIssues[1] as number)).toEqual([followUps["2"]]);
    expect(world.github.state.subIssues.get(subIssues[2] as number)).toEqual([followUps["3"]]);
    const failedBody = world.github.state.issues.get(followUps["2"] as number)?.body ?? "";
    const missingBody = world.github.state.issues.get(followUps["3"] as number)?.body ?? "";
    expect(failedBody).toContain("- **Error type**: AGENT_ERROR");
    expect(section(failedBody, "Likely cause")).toBe(
      "The agent reported a failure: read its final message and log below.",
    );
    expect(section(missingBody, "Likely cause")).toMatch(/^No status arrived: the job was cancelled/);
    for (const followUp of [failedBody, missingBody]) {
      expect(section(followUp, "How to retry")).toContain(
        "run the orchestration workflow again with `retry: true`",
      );
    }
    // The agent printed its model key: the excerpt shows where, redacted, and the key is nowhere.
    const excerpt = section(failedBody, "Agent log excerpt (secrets redacted)");
    expect(excerpt).toContain("calling the model with ***");
    expect(excerpt).toContain("could not make the tests pass");
    expect(failedBody).not.toContain(MODEL_KEY);
    expect(missingBody).not.toContain("## Agent log excerpt");

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
    // The totals combine both runs (task 1's three lines come from the first); the time is the retry's.
    expect(retried.summary).toContain(
      "**Totals** (this run and 1 task from earlier runs): cost — · tokens — · lines +9 −0",
    );
    expect(retried.summary).toMatch(/^\*\*Time\*\* \(this run's 2 agents\): /m);
    expect(retried.summary).toMatch(
      /^\| 1 \| Cart \\\| model \| #\d+ \| ✅ success \(earlier run\) \| #\d+ \| \*\d+s\* \| — \| — \| \*\+3 −0\* \|$/m,
    );
    expect(world.github.state.pulls.size).toBe(3);
  }, 180_000);

  it("downloads the statuses concurrently: a slow artifact service holds them all in flight at once", async () => {
    expect((await step("plan", { mode: "plan" })).exitCode).toBe(0);
    for (const task of ["1", "2", "3"]) expect((await agent(task, "nothing")).exitCode).toBe(1);
    // Every blob download is held 800 ms: one after another, three would never overlap.
    const before = world.artifacts.requests.length;
    world.artifacts.injectFault({ method: "Download", times: Infinity, status: 200, delayMs: 800 });
    const result = await step("aggregate", { mode: "aggregate" });
    expect(
      JSON.parse(result.outputs.result ?? "{}").tasks.map((t: { outcome: string }) => t.outcome),
    ).toEqual(["no_changes", "no_changes", "no_changes"]);
    const downloads = world.artifacts.requests
      .slice(before)
      .filter((r) => r.operation === "Download" && r.artifactName?.startsWith(`status-${master}-`));
    expect(downloads.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(maxInFlight(downloads)).toBe(3);
  }, 120_000);

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
