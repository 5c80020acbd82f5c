import * as core from "@actions/core";
import { createGitHubClient } from "./github/create-github-client.js";
import { readInputs, SECRET_INPUTS, type Inputs } from "./inputs.js";
import { errorMessage } from "./logger.js";
import { logger, repository } from "./runner/runner-context.js";

/**
 * The runner shell: reads and validates the inputs, masks secrets, builds the GitHub client, dispatches
 * on mode (each mode's runner-facing step lives in `runner/`), and turns any failure into setFailed.
 */
export async function run(): Promise<void> {
  process.on("unhandledRejection", (reason) =>
    core.setFailed(`Unhandled rejection: ${errorMessage(reason)}`),
  );
  try {
    const inputs = readInputs((name) => core.getInput(name));
    for (const name of SECRET_INPUTS) {
      const value = (inputs as Record<string, unknown>)[name];
      if (typeof value === "string" && value !== "") core.setSecret(value);
    }
    await dispatch(inputs);
  } catch (error) {
    core.setFailed(errorMessage(error));
  }
}

async function dispatch(inputs: Inputs): Promise<void> {
  const github = createGitHubClient({
    token: inputs["github-token"],
    ...repository(),
    writeIntervalMs: inputs["api-write-interval-ms"],
    warn: logger.warning,
    debug: logger.debug,
  });
  switch (inputs.mode) {
    case "plan":
      return (await import("./runner/plan-step.js")).runPlanStep(inputs, github);
    case "agent":
      return (await import("./runner/agent-step.js")).runAgentStep(inputs, github);
    case "aggregate":
      return (await import("./runner/aggregate-step.js")).runAggregateStep(inputs, github);
    default: {
      const unreachable: never = inputs;
      throw new Error(`Unknown mode ${JSON.stringify((unreachable as { mode: string }).mode)}`);
    }
  }
}
