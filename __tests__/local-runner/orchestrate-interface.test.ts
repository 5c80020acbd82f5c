import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { git } from "../harness/git-fixture.js";
import { createWorld, SCRIPTED_AGENT, type World } from "../harness/world.js";
import { runWorkflow } from "./run-workflow.js";
import { loadWorkflow, type JobSpec } from "./workflow-model.js";

/**
 * The reusable workflow's interface against the action's: an input or output added to action.yml but
 * not carried through orchestrate.yml is invisible to every caller of the workflow, and nothing else
 * would notice. Checked statically (every forwarded input, every exposed output, the README's list),
 * then by running the workflow in the local runner with the agent inputs set.
 */
const ROOT = resolve(import.meta.dirname, "../..");
const ACTION_STEP = "./.pto-action";

interface ActionYml {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
}
const action = parse(readFileSync(resolve(ROOT, "action.yml"), "utf8")) as ActionYml;
const workflow = await loadWorkflow(resolve(ROOT, ".github/workflows/orchestrate.yml"));

/** The `with:` of the action's step in `job`. */
function actionWith(job: string): Record<string, unknown> {
  const spec: JobSpec | undefined = workflow.spec.jobs[job];
  const step = spec?.steps?.find((s) => s.uses === ACTION_STEP);
  expect(step, `the ${job} job runs the action`).toBeDefined();
  return step?.with ?? {};
}

/** The agent inputs a caller must be able to set; the brief of issue 3 found the last six missing. */
const AGENT_INPUTS = [
  "agent",
  "agent-command",
  "model",
  "max-turns",
  "max-budget-usd",
  "allowed-tools",
  "agent-args",
  "agent-version",
  "draft-pr",
];
/** The aggregate's outputs a caller acts on: the rate, the pull requests, the counts and the whole result. */
const WORKFLOW_OUTPUTS = ["success-rate", "pull-requests", "succeeded", "failed", "result"];

describe("orchestrate.yml's interface", () => {
  it("passes every agent input of the same name to the agent step, with action.yml's default", () => {
    const agent = actionWith("agent");
    for (const name of AGENT_INPUTS) {
      expect(Object.keys(action.inputs), `${name} is an action input`).toContain(name);
      expect(workflow.callInputs[name], `workflow_call declares ${name}`).toBeDefined();
      expect(agent[name], `the agent step's ${name}`).toBe(`\${{ inputs.${name} }}`);
    }
  });

  it("forwards each input it shares with action.yml to the action, with the same default", () => {
    const steps = ["plan", "agent", "aggregate"].map(actionWith);
    const shared = Object.keys(workflow.callInputs).filter((name) => name in action.inputs);
    expect(shared).toEqual(expect.arrayContaining([...AGENT_INPUTS, "dry-run", "success-threshold"]));
    for (const name of shared) {
      const forwarded = steps.some((w) => w[name] === `\${{ inputs.${name} }}`);
      expect(forwarded, `${name} reaches the action`).toBe(true);
      // A number or boolean default is written as a string in action.yml: compare as text, "" for none.
      const ours = String(workflow.callInputs[name]?.default ?? "");
      expect(ours, `default of ${name}`).toBe(action.inputs[name]?.default ?? "");
    }
  });

  it("exposes the aggregate step's outputs through the aggregate job", () => {
    const aggregateOutputs = workflow.spec.jobs.aggregate?.outputs ?? {};
    expect(Object.keys(workflow.outputs)).toEqual(expect.arrayContaining(WORKFLOW_OUTPUTS));
    for (const [name, output] of Object.entries(workflow.outputs)) {
      expect(Object.keys(action.outputs), `${name} is an action output`).toContain(name);
      expect(output.value).toBe(`\${{ jobs.aggregate.outputs.${name} }}`);
      expect(aggregateOutputs[name]).toBe(`\${{ steps.aggregate.outputs.${name} }}`);
    }
  });

  it("is listed in full in the README (inputs, secrets, outputs)", () => {
    const readme = readFileSync(resolve(ROOT, "README.md"), "utf8");
    const paragraph = /^The reusable workflow's inputs:[\s\S]*?\n\n/m.exec(readme)?.[0] ?? "";
    expect(paragraph).not.toBe("");
    const names = [
      ...Object.keys(workflow.callInputs),
      ...Object.keys(workflow.secrets),
      ...Object.keys(workflow.outputs),
    ];
    expect(names.filter((name) => !paragraph.includes(`\`${name}\``))).toEqual([]);
  });
});

describe("orchestrate.yml's agent inputs and outputs, run in the local runner", () => {
  let world: World;
  let master: number;
  beforeEach(async () => {
    world = await createWorld();
    // The scripted agent takes its behaviour from its first argument; "scenario" reads it from the title.
    const body = `Two tasks.

## Sub-Tasks
- [ ] **Notes scenario:env**: Write \`notes/\`.
- [ ] **Broken scenario:fail**: Fail on purpose.
`;
    master = world.github.seedIssue({ title: "Interface", body, user: "maintainer-1" }).number;
  });
  afterEach(async () => {
    expect(world.github.violations).toEqual([]);
    await world.close();
  });

  it("opens draft pull requests, gives the agent its extra arguments and limits, and reports the counts", async () => {
    const report = await runWorkflow({
      inputs: {
        "master-issue": master,
        agent: "command",
        // Without agent-args the scripted agent would just write a file and both tasks would succeed:
        // "scenario" arriving as its argument is what makes task 2 fail and task 1 record its environment.
        "agent-command": `node ${SCRIPTED_AGENT}`,
        "agent-args": "scenario",
        "draft-pr": true,
        "max-turns": "7",
        // Not used by the command agent, but validated by the action: a value the workflow mangled fails the step.
        "max-budget-usd": "2.50",
        "allowed-tools": "Read,Write",
        "agent-version": "2.1.331",
        "success-threshold": 50,
      },
      githubApiUrl: world.github.url,
      artifacts: world.artifacts,
      originUrl: world.origin.originUrl,
      runId: world.runId,
      actionInputDefaults: { "api-write-interval-ms": "5" },
      progress: false,
    });
    const { agent, aggregate } = report.jobs;
    expect(agent?.instances.map((i) => i.result)).toEqual(["success", "failure"]);
    expect(aggregate?.result).toBe("success");

    const pulls = [...world.github.state.pulls.values()];
    expect(pulls).toHaveLength(1);
    expect(pulls[0]?.draft).toBe(true);
    expect(git(world.origin.origin, "show", `${pulls[0]?.head}:agent-env.txt`)).toContain("TASK_ID");

    const status = (task: string) =>
      JSON.parse(
        world.artifacts.artifacts
          .find((a) => a.name === `status-${master}-${task}-1.json`)
          ?.content.toString("utf8") ?? "{}",
      ) as Record<string, unknown>;
    expect(status("1")).toMatchObject({ outcome: "success", max_turns: 7, pr_number: pulls[0]?.number });
    expect(status("2")).toMatchObject({ outcome: "agent_error", max_turns: 7 });

    expect(report.outputs).toMatchObject({ "success-rate": "50", succeeded: "1", failed: "1" });
    expect(JSON.parse(report.outputs["pull-requests"] ?? "[]")).toEqual([
      expect.objectContaining({ task: "1", number: pulls[0]?.number }),
    ]);
    const result = JSON.parse(report.outputs.result ?? "{}") as {
      tasks?: Array<{ id: string; outcome: string }>;
    };
    expect(result.tasks?.map((t) => [t.id, t.outcome])).toEqual([
      ["1", "success"],
      ["2", "agent_error"],
    ]);
  }, 120_000);
});
