import * as core from "@actions/core";
import { readFile } from "node:fs/promises";
import type { Inputs } from "../inputs.js";
import { SECRET_INPUTS } from "../inputs.js";
import type { Logger } from "../logger.js";
import { parseTriggerEvent, type TriggerEvent } from "../trigger-event.js";

/**
 * The runner shell's shared pieces: the environment the runner gives a JavaScript action, read in one
 * place. Only `run.ts` and the files of this folder talk to the runner (@actions/core, process.env).
 */

export const logger: Logger = {
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  debug: (m) => core.debug(m),
  group: (name, fn) => core.group(name, fn),
};

export function repository(): { owner: string; repo: string } {
  const value = process.env.GITHUB_REPOSITORY ?? "";
  const [owner, repo, extra] = value.split("/");
  if (!owner || !repo || extra !== undefined) {
    throw new Error(`GITHUB_REPOSITORY must be "owner/repo"; got ${JSON.stringify(value)}`);
  }
  return { owner, repo };
}

export async function readEvent(): Promise<TriggerEvent> {
  const path = process.env.GITHUB_EVENT_PATH;
  const payload: unknown = path ? JSON.parse(await readFile(path, "utf8")) : {};
  return parseTriggerEvent(process.env.GITHUB_EVENT_NAME ?? "", payload);
}

export function runContext(): { runId: string; runAttempt: number } {
  return {
    runId: process.env.GITHUB_RUN_ID ?? "0",
    runAttempt: Number(process.env.GITHUB_RUN_ATTEMPT ?? "1") || 1,
  };
}

export function hasArtifactService(): boolean {
  return Boolean(process.env.ACTIONS_RUNTIME_TOKEN && process.env.ACTIONS_RESULTS_URL);
}

/** Agent and aggregate exchange documents through the artifact service: without it they cannot work. */
export function requireArtifactService(mode: string): void {
  if (!hasArtifactService()) {
    throw new Error(
      `${mode} mode needs the Actions artifact service (ACTIONS_RUNTIME_TOKEN): run it as a step of a workflow job.`,
    );
  }
}

/** Names of environment variables whose values are credentials of the runner or the workflow. */
const SECRET_ENV =
  /^(GITHUB_TOKEN|GH_TOKEN|ACTIONS_RUNTIME_TOKEN|ACTIONS_ID_TOKEN_REQUEST_TOKEN)$|(_TOKEN|_SECRET|_KEY|PASSWORD)$/i;

/** Every credential value this step can see: the secret inputs and secret-looking environment variables. */
export function knownSecrets(inputs: Inputs): string[] {
  const values = SECRET_INPUTS.map((name) => (inputs as Record<string, unknown>)[name]).filter(
    (v): v is string => typeof v === "string",
  );
  for (const [name, value] of Object.entries(process.env)) {
    if (value && SECRET_ENV.test(name)) values.push(value);
  }
  return values.filter((v) => v.length >= 4);
}
