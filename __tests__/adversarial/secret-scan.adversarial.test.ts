import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { git } from "../harness/git-fixture.js";
import type { World } from "../harness/world.js";
import { attack } from "./catalog.js";
import { createAdversarialWorld, SCRIPTED_AGENT } from "./helpers.js";

const KEY = "sk-ant-canary-5e1f0a9b7c3d2e4f";

let world: World;
let master: number;

beforeAll(async () => {
  world = await createAdversarialWorld();
  master = world.github.seedIssue({
    title: "Keys",
    body: "## Sub-Tasks\n- [ ] **Configure the client**: Create `config/`.\n",
    user: "maintainer-1",
  }).number;
  const plan = await world.step("plan", { mode: "plan", "master-issue": String(master) });
  expect(plan.exitCode, plan.stdout).toBe(0);
});

afterAll(async () => {
  await world.close();
});

describe("the secret scan before publishing", () => {
  it(attack("agent-writes-key-unisolated"), async () => {
    const cwd = world.origin.clone();
    const run = await world.step(
      "agent-1",
      {
        mode: "agent",
        "master-issue": String(master),
        task: "1",
        agent: "command",
        "agent-command": `node ${SCRIPTED_AGENT} write-key`,
        "anthropic-api-key": KEY,
        isolation: "none",
      },
      { cwd, env: { GITHUB_WORKSPACE: cwd } },
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("isolation: none");
    const record = world.artifacts.artifacts.find((a) => a.name === `status-${master}-1-1.json`);
    const status = JSON.parse(record?.content.toString() ?? "{}") as Record<string, unknown>;
    expect(status).toMatchObject({ outcome: "refused", error_type: "SECRET_IN_CHANGES", pr_number: null });
    expect(status.outcome_reason).toContain("`config/client.json`");
    const branches = git(world.origin.origin, "for-each-ref", "--format=%(refname)", "refs/heads/");
    expect(branches).not.toContain(`/${master}/1-`);
    expect(JSON.stringify(world.artifacts.artifacts.map((a) => a.content.toString()))).not.toContain(
      Buffer.from(KEY).toString("base64"),
    );
  });
});
