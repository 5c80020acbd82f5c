import { resolve } from "node:path";
import { startArtifactStandIn, type ArtifactStandIn } from "../stand-ins/artifact/server.js";
import { startGitHubStandIn, type GitHubStandIn, type StandInOptions } from "../stand-ins/github/server.js";
import { createOrigin } from "./git-fixture.js";
import { runAction, type ActionRun, type ActionRunOptions } from "./run-action.js";

/** The scripted coding agent used through the `command` adapter. */
export const SCRIPTED_AGENT = resolve(import.meta.dirname, "../fixtures/agents/scripted-agent.mjs");

/**
 * Everything one workflow run talks to, on loopback: the GitHub stand-in (checking pull requests
 * against the bare `origin`), the artifact service, and the origin itself. Steps run the bundled action.
 */
export interface World {
  github: GitHubStandIn;
  artifacts: ArtifactStandIn;
  origin: ReturnType<typeof createOrigin>;
  runId: string;
  /** Runs one step of the action as the job `job` of this run. */
  step(job: string, inputs: Record<string, string>, options?: StepOptions): Promise<ActionRun>;
  close(): Promise<void>;
}

export interface StepOptions {
  attempt?: number;
  /** Another workflow run of the same repository (a retry is a new run). */
  runId?: string;
  cwd?: string;
  env?: Record<string, string>;
  eventName?: string;
  event?: unknown;
  timeoutMs?: number;
  signalWhen?: ActionRunOptions["signalWhen"];
  /** Runs the step as another OS user (see ActionRunOptions.runAs). */
  runAs?: ActionRunOptions["runAs"];
}

export async function createWorld(
  files?: Record<string, string>,
  standIn: Omit<StandInOptions, "gitDir"> = {},
): Promise<World> {
  const origin = createOrigin(files);
  const github = await startGitHubStandIn({ ...standIn, gitDir: origin.origin });
  const artifacts = await startArtifactStandIn();
  const runId = "4242";
  // The plan job's outputs that later jobs of the same run must pass on, as the workflow does.
  const planPins = new Map<string, Record<string, string>>();
  return {
    github,
    artifacts,
    origin,
    runId,
    async step(job, inputs, options = {}) {
      const run = options.runId ?? runId;
      const pinKey = `${run}/${inputs["master-issue"] ?? ""}`;
      const pin = inputs.mode === "agent" || inputs.mode === "aggregate" ? planPins.get(pinKey) : undefined;
      const result = await runAction({
        inputs: { "github-token": "ghs_standin_token", "api-write-interval-ms": "5", ...pin, ...inputs },
        cwd: options.cwd,
        eventName: options.eventName,
        event: options.event ?? { sender: { login: "maintainer-1", type: "User" } },
        timeoutMs: options.timeoutMs,
        signalWhen: options.signalWhen,
        runAs: options.runAs,
        env: {
          GITHUB_API_URL: github.url,
          ACTIONS_RESULTS_URL: artifacts.url,
          ACTIONS_RUNTIME_TOKEN: artifacts.runtimeToken(run, job),
          GITHUB_RUN_ID: run,
          GITHUB_RUN_ATTEMPT: String(options.attempt ?? 1),
          GITHUB_JOB: job,
          ...options.env,
        },
      });
      if (inputs.mode === "plan" && result.outputs["plan-artifact-id"]) {
        const pinned = {
          "plan-artifact-id": result.outputs["plan-artifact-id"],
          "plan-sha256": result.outputs["plan-sha256"] ?? "",
        };
        planPins.set(`${run}/${result.outputs["master-issue"] ?? ""}`, pinned);
        // Steps that name no master issue (label events) find it by run.
        planPins.set(`${run}/`, pinned);
      }
      return result;
    },
    async close() {
      await github.close();
      await artifacts.close();
    },
  };
}
