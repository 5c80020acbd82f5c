import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { git } from "../harness/git-fixture.js";
import type { World } from "../harness/world.js";
import type { WorkflowRunReport } from "../local-runner/run-workflow.js";
import { attack } from "./catalog.js";
import { createAdversarialWorld, githubText, orchestrate, runnerText, summariesOf } from "./helpers.js";

const tag = randomBytes(8).toString("hex");
const CANARIES = {
  "anthropic-api-key": `sk-ant-api03-canary${tag}A`,
  "claude-code-oauth-token": `sk-ant-oat01-canary${tag}B`,
  "openai-api-key": `sk-proj-canary${tag}C`,
};
const ENV_CANARY = `envcanary${tag}D`;
const ALL = [...Object.values(CANARIES), ENV_CANARY];
/** Every form a careless log could carry a secret in. */
const forms = (secret: string) => [
  secret,
  Buffer.from(secret).toString("base64"),
  encodeURIComponent(`k=${secret}&`).slice(6, -3),
  tag,
];

let world: World;
let master: number;
let report: WorkflowRunReport;
beforeAll(async () => {
  world = await createAdversarialWorld();
  master = world.github.seedIssue({
    title: "Secrets",
    body: `## Sub-Tasks
- [ ] **Normal work**: Create \`a/\`.
- [ ] **Careless scenario:leak**: Create \`b/\`.
- [ ] **Curious scenario:env**: Create \`c/\`.
- [ ] **Talked into it scenario:commit-key**: Create \`d/\`.
`,
    user: "maintainer-1",
  }).number;
  report = await orchestrate(world, master, {
    behaviour: "scenario",
    inputs: { "success-threshold": 75 },
    secrets: CANARIES,
    env: { DEPLOY_TOKEN: ENV_CANARY, DATABASE_PASSWORD: ENV_CANARY },
  });
}, 240_000);
afterAll(async () => {
  expect(world.github.violations).toEqual([]);
  await world.close();
});

const branches = () => git(world.origin.origin, "for-each-ref", "--format=%(refname)", "refs/");

describe("secrets", () => {
  it(attack("canary-secrets"), () => {
    expect(report.jobs.aggregate?.result).toBe("success");
    // Every agent held placeholders only (the keys stay in the action's model proxy), so even the one
    // talked into committing its key had nothing to give away.
    expect(report.jobs.agent?.instances.map((i) => i.result)).toEqual([
      "success",
      "success",
      "success",
      "success",
    ]);
    const places: Record<string, string> = {
      "GitHub requests, responses and state": githubText(world),
      artifacts: world.artifacts.artifacts.map((a) => `${a.name}\n${a.content.toString("utf8")}`).join("\n"),
      "job logs, summaries and outputs": runnerText(report),
      "branch names": branches(),
      "git history": git(world.origin.origin, "log", "--all", "-p", "--format=%an %ae %s %b"),
    };
    for (const [place, text] of Object.entries(places)) {
      for (const secret of ALL) {
        for (const form of forms(secret)) expect(text.includes(form), `${form} in ${place}`).toBe(false);
      }
    }
    // The agent could not see the token it would need to write to GitHub or the artifact service.
    const names = git(
      world.origin.origin,
      "show",
      `${branches()
        .split("\n")
        .find((b) => b.includes("/3-"))
        ?.replace("refs/heads/", "")}:agent-env.txt`,
    ).split("\n");
    for (const name of ["GITHUB_TOKEN", "ACTIONS_RUNTIME_TOKEN", "DEPLOY_TOKEN", "DATABASE_PASSWORD"]) {
      expect(names).not.toContain(name);
    }
    expect(names.filter((n) => n.startsWith("INPUT_"))).toEqual([]);
  });

  it(attack("agent-commits-secret"), () => {
    const status = JSON.parse(
      world.artifacts.artifacts.find((a) => a.name === `status-${master}-4-1.json`)?.content.toString() ??
        "{}",
    ) as { outcome: string; error_type: string; outcome_reason: string; pr_number: number | null };
    // Only the final file contents are published, never the agent's own commits: the file it committed
    // and deleted is not on the branch, in no commit of its history; and it held a placeholder anyway.
    expect(status.outcome).toBe("success");
    const branch = branches()
      .split("\n")
      .find((b) => b.includes("/4-"))
      ?.replace("refs/heads/", "") as string;
    expect(git(world.origin.origin, "ls-tree", "-r", "--name-only", branch)).not.toContain(
      "config/client.json",
    );
    const history = git(world.origin.origin, "log", "-p", `main..${branch}`);
    expect(history).not.toContain("client.json");
    for (const form of forms(CANARIES["anthropic-api-key"])) expect(history).not.toContain(form);
  });

  it(attack("agent-prints-secrets"), () => {
    const status = JSON.parse(
      world.artifacts.artifacts.find((a) => a.name === `status-${master}-2-1.json`)?.content.toString() ??
        "{}",
    ) as { log_excerpt: string };
    // What it could print was the proxy's placeholder, never the key; redacted all the same.
    expect(status.log_excerpt).toContain("key: ***");
    expect(status.log_excerpt).not.toContain("pto-placeholder-");
    const comments = [...world.github.state.comments.values()].map((c) => c.body).join("\n");
    for (const form of forms(CANARIES["anthropic-api-key"])) expect(comments).not.toContain(form);
    expect(summariesOf(world, master)).toHaveLength(1);
  });
});
