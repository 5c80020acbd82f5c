import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { git } from "../harness/git-fixture.js";
import type { ActionRun } from "../harness/run-action.js";
import type { World } from "../harness/world.js";
import { attack } from "./catalog.js";
import { createAdversarialWorld, SCRIPTED_AGENT, uploadStatus } from "./helpers.js";

const BODY = "## Sub-Tasks\n- [ ] **First**: Create `a/`.\n- [ ] **Second**: Create `b/`.\n";

let world: World;
let master: number;
let pin: { "plan-artifact-id": string; "plan-sha256": string };
let agent: ActionRun;
let aggregate: ActionRun;
let mainBefore: string;

const agentInputs = (task: string) => ({
  mode: "agent",
  "master-issue": String(master),
  task,
  agent: "command",
  "agent-command": `node ${SCRIPTED_AGENT} write`,
});

beforeAll(async () => {
  world = await createAdversarialWorld();
  master = world.github.seedIssue({ title: "Pinned", body: BODY, user: "maintainer-1" }).number;
  const plan = await world.step("plan", { mode: "plan", "master-issue": String(master) });
  expect(plan.exitCode, plan.stdout).toBe(0);
  pin = {
    "plan-artifact-id": plan.outputs["plan-artifact-id"] ?? "",
    "plan-sha256": plan.outputs["plan-sha256"] ?? "",
  };
  mainBefore = git(world.origin.origin, "rev-parse", "refs/heads/main");
  // With a stolen runtime token, an agent uploads a later "attempt" of the plan: task 1 now pushes to
  // main, and task 2 is gone, so the aggregate would never account for it.
  const real = JSON.parse(JSON.stringify(JSON.parse(plan.outputs.plan ?? "{}"))) as {
    tasks: Array<{ id: string; branch: string; title: string }>;
    run: { run_attempt: number };
  };
  const forged = { ...real, tasks: [{ ...real.tasks[0], branch: "main", title: "Pwned" }] };
  forged.run = { ...real.run, run_attempt: 99 };
  await uploadStatus(world, `plan-${master}-99.json`, JSON.stringify(forged), "agent-2");

  const cwd = world.origin.clone();
  agent = await world.step("agent-1", agentInputs("1"), { cwd, env: { GITHUB_WORKSPACE: cwd } });
  aggregate = await world.step("aggregate", { mode: "aggregate", "master-issue": String(master) });
});

afterAll(async () => {
  await world.close();
});

describe("the plan document is pinned by artifact id and digest", () => {
  it(attack("forged-plan-artifact"), () => {
    expect(agent.exitCode, agent.stdout + agent.stderr).toBe(0);
    expect(git(world.origin.origin, "rev-parse", "refs/heads/main")).toBe(mainBefore);
    const branches = git(world.origin.origin, "for-each-ref", "--format=%(refname:short)", "refs/heads/");
    expect(branches).toContain(`orchestrator/${master}/1-first`);
    // The aggregate accounts for both planned tasks: the task the forgery dropped is reported missing.
    const result = JSON.parse(aggregate.outputs.result ?? "{}") as {
      tasks: Array<{ id: string; outcome: string }>;
    };
    expect(result.tasks.map((t) => [t.id, t.outcome])).toEqual([
      ["1", "success"],
      ["2", "missing"],
    ]);
    expect(aggregate.stdout).not.toContain("Pwned");
  });

  it(attack("plan-digest-mismatch"), async () => {
    const forgedId = world.artifacts.artifacts.find((a) => a.name === `plan-${master}-99.json`)?.id;
    expect(forgedId).toBeDefined();
    const cwd = world.origin.clone();
    const run = await world.step(
      "agent-2",
      { ...agentInputs("2"), "plan-artifact-id": String(forgedId), "plan-sha256": pin["plan-sha256"] },
      { cwd, env: { GITHUB_WORKSPACE: cwd } },
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/plan document \(artifact id \d+\) could not be used: .*SHA-256/);
    expect(git(world.origin.origin, "rev-parse", "refs/heads/main")).toBe(mainBefore);
    const branches = git(world.origin.origin, "for-each-ref", "--format=%(refname:short)", "refs/heads/");
    expect(branches).not.toContain(`orchestrator/${master}/2-second`);
  });
});
