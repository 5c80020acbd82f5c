import { spawn } from "node:child_process";
import { chown, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The bundled action, run exactly as the runner runs a `node24` action's `main`. */
export const DIST_ENTRY = resolve(import.meta.dirname, "../../dist/index.js");

export interface ActionRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Parsed from the GITHUB_OUTPUT file the action wrote. */
  outputs: Record<string, string>;
  /** The GITHUB_STEP_SUMMARY file's content. */
  summary: string;
  /** The runner-side working directory of this step (GITHUB_OUTPUT, summary, event live here). */
  dir: string;
}

export interface ActionRunOptions {
  inputs: Record<string, string>;
  /** Extra environment: GITHUB_API_URL, ACTIONS_RESULTS_URL, … */
  env?: Record<string, string>;
  eventName?: string;
  event?: unknown;
  cwd?: string;
  timeoutMs?: number;
  /** Sends `signal` (as the runner does on cancellation: SIGINT) once stdout matches `stdout`. */
  signalWhen?: { stdout: RegExp; signal: NodeJS.Signals };
  /**
   * Runs the action as another OS user (a runner's unprivileged user; needs root): the step's files are
   * given to it, and `entry` (default DIST_ENTRY) lets it run a copy of dist/ it can read.
   */
  runAs?: RunActionAs;
}

/** The OS user a step runs as, and the bundled action it runs. */
export interface RunActionAs {
  uid: number;
  gid: number;
  /** @default DIST_ENTRY */
  entry?: string;
}

/** Parses the `name<<delimiter` / `name=value` format of GITHUB_OUTPUT files. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? "");
      outputs[name as string] = value.join("\n");
    } else if (line.includes("=")) {
      const at = line.indexOf("=");
      outputs[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return outputs;
}

/**
 * Runs `node dist/index.js` as a child process with the environment a GitHub runner gives a JavaScript
 * action: INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_EVENT_PATH and friends.
 */
export async function runAction(options: ActionRunOptions): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), "pto-step-"));
  const outputFile = join(dir, "output.txt");
  const summaryFile = join(dir, "summary.md");
  const eventFile = join(dir, "event.json");
  await writeFile(outputFile, "");
  await writeFile(summaryFile, "");
  await writeFile(eventFile, JSON.stringify(options.event ?? {}));
  const user = options.runAs;
  if (user) {
    for (const path of [dir, outputFile, summaryFile, eventFile]) await chown(path, user.uid, user.gid);
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? dir,
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_EVENT_NAME: options.eventName ?? "workflow_dispatch",
    GITHUB_REPOSITORY: "octo-org/octo-repo",
    GITHUB_ACTOR: "maintainer-1",
    GITHUB_RUN_ID: "1001",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_SERVER_URL: "https://github.com",
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: options.cwd ?? dir,
    NO_PROXY: "127.0.0.1,localhost",
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs)) {
    env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
  }
  const child = spawn(process.execPath, [user?.entry ?? DIST_ENTRY], {
    cwd: options.cwd ?? dir,
    env,
    stdio: "pipe",
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
  });
  let stdout = "";
  let stderr = "";
  let signalled = false;
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
    if (options.signalWhen && !signalled && options.signalWhen.stdout.test(stdout)) {
      signalled = true;
      child.kill(options.signalWhen.signal);
    }
  });
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
  const exitCode = await new Promise<number | null>((done) => child.on("close", (code) => done(code)));
  clearTimeout(timer);
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(outputFile, "utf8")),
    summary: await readFile(summaryFile, "utf8"),
    dir,
  };
}
