import * as core from "@actions/core";
import { readFile } from "node:fs/promises";
import { createGitHubClient } from "./github/create-github-client.js";
import { readInputs, type Inputs } from "./inputs.js";
import { errorMessage, type Logger } from "./logger.js";
import { runPlan } from "./plan/plan.js";
import { parseTriggerEvent } from "./trigger-event.js";

/**
 * The only file that talks to the runner: reads inputs and the environment, builds the adapters,
 * dispatches on mode, writes outputs and the job summary, and turns failures into setFailed.
 */
export async function run(): Promise<void> {
  process.on("unhandledRejection", (reason) => core.setFailed(`Unhandled rejection: ${errorMessage(reason)}`));
  try {
    const inputs = readInputs((name) => core.getInput(name));
    core.setSecret(inputs["github-token"]);
    await dispatch(inputs);
  } catch (error) {
    core.setFailed(errorMessage(error));
  }
}

const logger: Logger = {
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  debug: (m) => core.debug(m),
  group: (name, fn) => core.group(name, fn),
};

function repository(): { owner: string; repo: string } {
  const value = process.env.GITHUB_REPOSITORY ?? "";
  const [owner, repo, extra] = value.split("/");
  if (!owner || !repo || extra !== undefined) {
    throw new Error(`GITHUB_REPOSITORY must be "owner/repo"; got ${JSON.stringify(value)}`);
  }
  return { owner, repo };
}

async function readEvent() {
  const path = process.env.GITHUB_EVENT_PATH;
  const payload: unknown = path ? JSON.parse(await readFile(path, "utf8")) : {};
  return parseTriggerEvent(process.env.GITHUB_EVENT_NAME ?? "", payload);
}

function runContext() {
  return {
    runId: process.env.GITHUB_RUN_ID ?? "0",
    runAttempt: Number(process.env.GITHUB_RUN_ATTEMPT ?? "1") || 1,
  };
}

async function dispatch(inputs: Inputs): Promise<void> {
  const github = createGitHubClient({
    token: inputs["github-token"],
    ...repository(),
    writeIntervalMs: inputs["api-write-interval-ms"],
    warn: logger.warning,
    debug: logger.debug,
  });
  const event = await readEvent();
  switch (inputs.mode) {
    case "plan": {
      const hasArtifactService = Boolean(process.env.ACTIONS_RUNTIME_TOKEN && process.env.ACTIONS_RESULTS_URL);
      const store = hasArtifactService && !inputs["dry-run"] ? await loadArtifactStore() : undefined;
      const result = await runPlan(
        {
          github,
          log: logger,
          event,
          actor: process.env.GITHUB_ACTOR ?? "",
          run: runContext(),
          now: () => new Date(),
          uploadPlan: store ? async (name, plan) => void (await store.uploadJson(name, plan)) : undefined,
        },
        inputs,
      );
      core.setOutput("matrix", JSON.stringify(result.matrix));
      core.setOutput("count", String(result.matrix.include.length));
      core.setOutput("task-count", String(result.plan.tasks.length));
      core.setOutput("outcome", result.plan.validation.outcome);
      core.setOutput("plan", JSON.stringify(result.plan));
      await core.summary.addRaw(result.report, true).write();
      if (result.aborted) {
        throw new Error(
          `Plan aborted: ${result.plan.validation.findings.find((f) => f.level === "error")?.message ?? "validation failed"}`,
        );
      }
      return;
    }
    default: {
      const unreachable: never = inputs.mode;
      throw new Error(`Unknown mode ${String(unreachable)}`);
    }
  }
}

async function loadArtifactStore() {
  const { createArtifactStore } = await import("./artifacts/artifact-store.js");
  return createArtifactStore();
}
