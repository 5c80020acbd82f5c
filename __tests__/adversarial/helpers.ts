/** Shared pieces of the adversarial suite: a world with stand-in options, the orchestration, scans. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runArtifactClient } from "../stand-ins/artifact/artifact-client.js";
import type { StandInOptions } from "../stand-ins/github/server.js";
import { agentStateDir } from "../harness/agent-state.js";
import { createWorld, SCRIPTED_AGENT, type World } from "../harness/world.js";
import {
  runWorkflow,
  type RunWorkflowOptions,
  type WorkflowRunReport,
} from "../local-runner/run-workflow.js";

export { SCRIPTED_AGENT };

/** Like the harness's createWorld, with options for the GitHub stand-in (secondary limits, tokens). */
export function createAdversarialWorld(standIn: Omit<StandInOptions, "gitDir"> = {}): Promise<World> {
  return createWorld(undefined, standIn);
}

/** The reusable orchestrate.yml in the local runner with the scripted agent. */
export function orchestrate(
  world: World,
  master: number,
  extra: Partial<RunWorkflowOptions> & { behaviour?: string } = {},
): Promise<WorkflowRunReport> {
  const { inputs, behaviour, env, ...rest } = extra;
  const state = env?.PTO_DEMO_HOME === undefined ? agentStateDir("pto-adv-state-") : undefined;
  return runWorkflow({
    inputs: {
      "master-issue": master,
      "max-workers": 4,
      agent: "command",
      "agent-command": `node ${SCRIPTED_AGENT} ${behaviour ?? "write"}`,
      ...inputs,
    },
    githubApiUrl: world.github.url,
    artifacts: world.artifacts,
    originUrl: world.origin.originUrl,
    runId: world.runId,
    actionInputDefaults: { "api-write-interval-ms": "5" },
    env: { ...(state !== undefined ? { PTO_DEMO_HOME: state } : {}), ...env },
    progress: false,
    ...rest,
  }).finally(() => state !== undefined && rmSync(state, { recursive: true, force: true }));
}

/** Requests that create or change content on GitHub. */
export const writesOf = (world: World) => world.github.requests.filter((r) => r.contentCreating);

export const summariesOf = (world: World, master: number) =>
  [...world.github.state.comments.values()].filter(
    (c) => c.issueNumber === master && c.body.includes("parallel-task-orchestrator:summary"),
  );

/** An `issues` event as GitHub sends it when `sender` adds the orchestration label. */
export function labelEvent(
  issue: { number: number; title: string; body: string | null },
  sender: { login: string; type: "User" | "Bot" },
) {
  return {
    action: "labeled",
    label: { name: "parallel-orchestrate" },
    issue: { ...issue, html_url: `https://github.com/octo-org/octo-repo/issues/${issue.number}` },
    sender,
  };
}

/** True when git accepts `refs/heads/<branch>` as a ref name. */
export function isValidBranch(branch: string): boolean {
  try {
    execFileSync("git", ["check-ref-format", `refs/heads/${branch}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Every step's stdout/stderr/summary/outputs of a local run, nested workflows included. */
export function runnerText(report: WorkflowRunReport): string {
  const parts: string[] = [];
  const visit = (r: WorkflowRunReport) => {
    for (const job of Object.values(r.jobs)) {
      for (const instance of job.instances) {
        parts.push(JSON.stringify(instance.outputs), instance.name);
        for (const step of instance.steps) {
          parts.push(
            step.stdout
              .split("\n")
              .filter((line) => !line.startsWith("::add-mask::"))
              .join("\n"),
            step.stderr,
            step.summary,
            JSON.stringify(step.outputs),
          );
        }
        if (instance.workflow) visit(instance.workflow);
      }
    }
    parts.push(JSON.stringify(r.outputs));
  };
  visit(report);
  return parts.join("\n");
}

/** Everything GitHub stored or was sent: issues, comments, PRs, request and response bodies. */
export function githubText(world: World): string {
  const s = world.github.state;
  return [
    ...[...s.issues.values()].map((i) => `${i.title}\n${i.body ?? ""}`),
    ...[...s.comments.values()].map((c) => c.body),
    ...[...s.pulls.values()].map((p) => p.head),
    ...world.github.requests.map(
      (r) => `${JSON.stringify(r.requestBody ?? "")}${JSON.stringify(r.responseBody ?? "")}`,
    ),
  ].join("\n");
}

/** Uploads a hand-made status artifact as the job `job` of the world's run would. */
export async function uploadStatus(
  world: World,
  name: string,
  content: string,
  job: string,
  options: { zipped?: boolean } = {},
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "pto-forged-"));
  // Unarchived, the artifact takes its file's name.
  writeFileSync(join(dir, name), content);
  await runArtifactClient(
    world.artifacts,
    { run: world.runId, job, workspace: dir },
    {
      op: "upload",
      name,
      files: [join(dir, name)],
      rootDirectory: dir,
      // Our action uploads statuses unarchived; a zip is listed with its (small) compressed size.
      options: { skipArchive: !options.zipped },
    },
  );
}
