/**
 * Drives the real `DefaultArtifactClient` in a child process (`run-artifact-client.mjs`) with the
 * environment the runner gives a Node action, so each process is one job step of one run — and nothing in
 * this test process's environment (a GHES `GITHUB_SERVER_URL`, a proxy) leaks in.
 */
import type { DownloadArtifactOptions, ListArtifactsOptions, UploadArtifactOptions } from "@actions/artifact";
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import type { ArtifactStandIn } from "./server.js";

const SCRIPT = resolve(import.meta.dirname, "run-artifact-client.mjs");
const RESULT_MARKER = "::artifact-client-result::";

/** One client call; `files` and `rootDirectory` are absolute paths. */
export type ArtifactClientCommand =
  | { op: "upload"; name: string; files: string[]; rootDirectory: string; options?: UploadArtifactOptions }
  | { op: "list"; options?: ListArtifactsOptions }
  | { op: "get"; name: string }
  | { op: "download"; id: number; options?: Omit<DownloadArtifactOptions, "findBy"> }
  | { op: "delete"; name: string };

/** Which job of which run the step belongs to, and where `GITHUB_WORKSPACE` points. */
export interface ArtifactClientJob {
  run: string;
  job: string;
  workspace: string;
  /** Extra environment, e.g. `ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY`. */
  env?: Record<string, string>;
}

/** One call's outcome as the script reported it. */
export interface ArtifactClientOutcome<T = unknown> {
  ok: boolean;
  result?: T;
  error?: { name: string; message: string };
}

/** The outcomes of one process, plus its raw output for diagnosis. */
export interface ArtifactClientStep {
  outcomes: ArtifactClientOutcome[];
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs commands in order in one fresh `node` process — one job step — and parses their result lines.
 * Loading `@actions/artifact` costs about a second, so batching a job's calls keeps tests quick.
 */
export function runArtifactSteps(
  standIn: ArtifactStandIn,
  job: ArtifactClientJob,
  commands: ArtifactClientCommand[],
): Promise<ArtifactClientStep> {
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: job.workspace,
    ACTIONS_RUNTIME_TOKEN: standIn.runtimeToken(job.run, job.job),
    ACTIONS_RESULTS_URL: `${standIn.url}/`,
    GITHUB_WORKSPACE: job.workspace,
    // GITHUB_SERVER_URL stays unset: that means github.com, anything else but *.ghe.com is "GHES".
    NO_PROXY: "127.0.0.1,localhost",
    ...job.env,
  };
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [SCRIPT, JSON.stringify(commands)], { env, cwd: job.workspace });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (exitCode) => {
      const outcomes = stdout
        .split("\n")
        .filter((line) => line.startsWith(RESULT_MARKER))
        .map((line) => JSON.parse(line.slice(RESULT_MARKER.length)) as ArtifactClientOutcome);
      if (outcomes.length !== commands.length) {
        reject(
          new Error(
            `artifact client reported ${outcomes.length} results (exit ${exitCode}):\n${stdout}\n${stderr}`,
          ),
        );
        return;
      }
      resolvePromise({ outcomes, exitCode, stdout, stderr });
    });
  });
}

/** Runs a single command in its own process; the outcome carries that process's output. */
export async function runArtifactClient<T = unknown>(
  standIn: ArtifactStandIn,
  job: ArtifactClientJob,
  command: ArtifactClientCommand,
): Promise<ArtifactClientOutcome<T> & Omit<ArtifactClientStep, "outcomes">> {
  const { outcomes, ...output } = await runArtifactSteps(standIn, job, [command]);
  return { ...(outcomes[0] as ArtifactClientOutcome<T>), ...output };
}
