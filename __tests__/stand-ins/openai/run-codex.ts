/**
 * Runs the real `codex exec` (node_modules/.bin/codex, 0.169.0) against a Responses API stand-in, with
 * the arguments and environment the action's codex adapter builds, so the test proves the adapter's
 * invocation, not a hand-written one. The environment starts clean: nothing from this process (real
 * API keys, GitHub tokens) reaches codex unless a test passes it on purpose.
 */
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { ProcessResult } from "../../../src/exec/run-process.js";
import type { AgentOutcome, AgentRunOptions } from "../../../src/agent/adapters/agent-adapter.js";
import { CODEX_BASE_URL_PROVIDER, codexAdapter } from "../../../src/agent/adapters/codex.js";

export const CODEX_BIN = resolve(import.meta.dirname, "../../../node_modules/.bin/codex");

/**
 * Agent arguments that keep failures fast: the adapter's provider retries neither requests nor broken
 * streams (by default 4 and 5 times with backoff: a scripted 500 then takes about 30 s).
 */
export const NO_RETRIES = [
  "-c",
  `model_providers.${CODEX_BASE_URL_PROVIDER}.request_max_retries=0`,
  "-c",
  `model_providers.${CODEX_BASE_URL_PROVIDER}.stream_max_retries=0`,
];

/** One JSONL event of `codex exec --json`. */
export interface CodexEvent {
  type: string;
  [key: string]: unknown;
}

export interface CodexRunOptions {
  /** The stand-in's base URL (`…/v1`), given as `OPENAI_BASE_URL` as a workflow would. */
  baseUrl: string;
  prompt: string;
  /** The checkout codex works in (`--cd`). */
  cwd: string;
  /** A throw-away directory for `HOME` and `CODEX_HOME` (which codex requires to exist). */
  home: string;
  /** @default "sk-test-codex-key" */
  apiKey?: string;
  /** The workflow's `agent-args`. @default NO_RETRIES */
  extraArgs?: string[];
  /** Variables of the job's environment, before the adapter's allow-list filters them. */
  env?: Record<string, string>;
  /**
   * How codex learns the base URL: through the adapter (`OPENAI_BASE_URL` in the job, turned into
   * provider config), or only as the `OPENAI_BASE_URL` variable in codex's own environment.
   * @default "adapter"
   */
  baseUrlVia?: "adapter" | "environment";
  /** Killed (the whole process group) after this long. @default 30_000 */
  timeoutMs?: number;
}

export interface CodexRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Every JSONL event on stdout. */
  events: CodexEvent[];
  /** What the action's adapter makes of the run. */
  outcome: AgentOutcome;
  durationMs: number;
  /** The exact argument list and environment codex got. */
  args: string[];
  env: Record<string, string>;
}

function parseEvents(stdout: string): CodexEvent[] {
  return stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as CodexEvent);
}

/** Runs `codex exec` once, as the adapter invokes it, and collects its output and the adapter's verdict. */
export function runCodex(options: CodexRunOptions): Promise<CodexRun> {
  const codexHome = join(options.home, ".codex");
  mkdirSync(codexHome, { recursive: true });
  const runOptions: AgentRunOptions = {
    prompt: options.prompt,
    workingDir: options.cwd,
    baseEnv: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: options.home,
      CODEX_HOME: codexHome,
      ...(options.baseUrlVia === "environment" ? {} : { OPENAI_BASE_URL: options.baseUrl }),
      NO_PROXY: "127.0.0.1,localhost",
      ...options.env,
    },
    credentials: { openaiApiKey: options.apiKey ?? "sk-test-codex-key" },
    extraArgs: options.extraArgs ?? NO_RETRIES,
    timeoutSeconds: Math.ceil((options.timeoutMs ?? 30_000) / 1000),
    taskId: "1",
    masterIssue: 1,
    subIssue: null,
    branch: "orchestrator/1/1-test",
    statusFile: join(options.home, "status.json"),
    promptFile: join(options.home, "prompt.md"),
  };
  const invocation = codexAdapter.buildInvocation(runOptions);
  if (options.baseUrlVia === "environment") invocation.env.OPENAI_BASE_URL = options.baseUrl;
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    // Its own process group: on Node 20 the npm launcher spawns the native binary as a child, which a
    // kill of the launcher alone would leave running.
    const child = spawn(CODEX_BIN, invocation.args, {
      cwd: options.cwd,
      env: invocation.env,
      detached: true,
      stdio: ["pipe", "pipe", "pipe"],
    });
    child.stdin.end(invocation.stdin);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    }, options.timeoutMs ?? 30_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (exitCode, signal) => {
      clearTimeout(timer);
      const durationMs = Date.now() - started;
      const result: ProcessResult = {
        exitCode,
        signal,
        timedOut,
        stalled: false,
        cancelled: false,
        durationMs,
        excerpt: stderr.slice(-2000),
      };
      resolvePromise({
        exitCode,
        signal,
        stdout,
        stderr,
        events: parseEvents(stdout),
        outcome: codexAdapter.interpretResult(result, stdout, runOptions),
        durationMs,
        args: invocation.args,
        env: invocation.env,
      });
    });
  });
}
