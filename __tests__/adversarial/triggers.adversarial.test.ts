import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { World } from "../harness/world.js";
import { runWorkflow } from "../local-runner/run-workflow.js";
import { attack } from "./catalog.js";
import { createAdversarialWorld, labelEvent, SCRIPTED_AGENT, writesOf } from "./helpers.js";

const BODY = `## Sub-Tasks
- [ ] **Cart**: Create \`cart/\`.
- [ ] **Docs**: Write \`docs/\`.
`;

let world: World;
let master: { number: number; title: string; body: string | null };
beforeAll(async () => {
  world = await createAdversarialWorld();
  world.github.setRole("triager-1", "triage");
  world.github.setRole("reader-1", "read");
  master = world.github.seedIssue({ title: "Shop", body: BODY, user: "maintainer-1" });
});
afterAll(async () => {
  expect(world.github.violations).toEqual([]);
  await world.close();
});

const planOnLabel = (sender: { login: string; type: "User" | "Bot" }, inputs: Record<string, string> = {}) =>
  world.step(
    "plan",
    { mode: "plan", ...inputs },
    { eventName: "issues", event: labelEvent(master, sender), env: { GITHUB_ACTOR: sender.login } },
  );

describe("who may start work", () => {
  it.each([
    ["label-by-triage", "triager-1", "User", /"triager-1" has the triage role; starting agents needs write/],
    ["label-by-read", "reader-1", "User", /"reader-1" has the read role/],
    ["label-by-unlisted-bot", "renovate[bot]", "Bot", /"renovate\[bot\]" is a bot and is not listed/],
    ["label-by-ghost", "ghost", "User", /"ghost" is a deleted or unknown account/],
  ] as const)("%s", async (id, login, type, reason) => {
    expect(attack(id)).toBeTruthy();
    world.github.reset();
    const run = await planOnLabel({ login, type }, { "allowed-bots": "dependabot[bot]" });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(reason);
    expect(run.stdout).toMatch(/::error::Refused/);
    expect(writesOf(world)).toEqual([]);
    expect(run.outputs.count ?? "0").toBe("0");
  });

  it(attack("label-by-listed-bot"), async () => {
    world.github.reset();
    const run = await planOnLabel(
      { login: "dependabot[bot]", type: "Bot" },
      { "allowed-bots": "dependabot[bot]" },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain('the bot "dependabot[bot]" is listed in allowed-bots');
    expect(run.outputs.count).toBe("2");
  });

  it(
    attack("workflow-label-by-triage"),
    async () => {
      const other = world.github.seedIssue({ title: "Other", body: BODY, user: "triager-1" });
      world.github.reset();
      const report = await runWorkflow({
        workflow: resolve(import.meta.dirname, "../../.github/workflows/parallel-orchestrate.yml"),
        eventName: "issues",
        event: labelEvent(other, { login: "triager-1", type: "User" }),
        actor: "triager-1",
        inputs: {},
        secrets: { ANTHROPIC_API_KEY: "sk-ant-unused" },
        githubApiUrl: world.github.url,
        artifacts: world.artifacts,
        originUrl: world.origin.originUrl,
        runId: "7001",
        actionInputDefaults: {
          "api-write-interval-ms": "5",
          agent: "command",
          "agent-command": `node ${SCRIPTED_AGENT} write`,
        },
        progress: false,
      });
      const called = report.jobs.orchestrate?.instances[0]?.workflow;
      expect(called?.jobs.plan?.result).toBe("failure");
      const planLog = called?.jobs.plan?.instances[0]?.steps.map((s) => s.stdout).join("\n") ?? "";
      expect(planLog).toMatch(/Refused: "triager-1" has the triage role/);
      expect(called?.jobs.agent?.result).toBe("skipped");
      expect(called?.jobs.aggregate?.result).toBe("skipped");
      expect(writesOf(world)).toEqual([]);
    },
    120_000,
  );
});
