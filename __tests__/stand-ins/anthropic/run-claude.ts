/**
 * Runs the real `claude` CLI (node_modules/.bin/claude, 2.1.331) headless against a Messages API
 * stand-in, with a clean environment: nothing from this process (real API keys, GitHub tokens) leaks in
 * unless a test passes it on purpose.
 */
import { spawn } from "node:child_process";
import { resolve } from "node:path";

export const CLAUDE_BIN = resolve(import.meta.dirname, "../../../node_modules/.bin/claude");

/** The final `{"type":"result"}` object of `--output-format json` / `stream-json` (fields seen in 2.1.331). */
export interface ClaudeResult {
  type: "result";
  subtype: string;
  is_error: boolean;
  result?: string;
  num_turns: number;
  total_cost_usd: number;
  duration_ms: number;
  duration_api_ms: number;
  usage: { input_tokens: number; output_tokens: number; [key: string]: unknown };
  stop_reason?: string | null;
  terminal_reason?: string;
  api_error_status?: number | null;
  api_error_type?: string;
  permission_denials: unknown[];
  session_id: string;
  [key: string]: unknown;
}

export interface ClaudeRunOptions {
  /** The stand-in's URL, for `ANTHROPIC_BASE_URL`. */
  baseUrl: string;
  prompt: string;
  /** The working directory: the repository the agent works in. */
  cwd: string;
  /** A throw-away `HOME`: the CLI writes `~/.claude.json` and session files there. */
  home: string;
  /** @default "json" */
  outputFormat?: "json" | "stream-json";
  /** Extra environment on top of the offline defaults. */
  env?: Record<string, string>;
  /** Killed after this long; the CLI has no wall-clock limit of its own. @default 20_000 */
  timeoutMs?: number;
}

export interface ClaudeRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** The result object: the whole stdout for `json`, the last line for `stream-json`. */
  result: ClaudeResult | undefined;
  /** Every NDJSON event of `stream-json` (the result included); empty for `json`. */
  events: Array<{ type: string; subtype?: string; [key: string]: unknown }>;
  /** The exact argument list, for reports. */
  args: string[];
}

/**
 * Root may not use `--dangerously-skip-permissions`, so file edits are allowed with `acceptEdits` plus an
 * allow-list; without them a `Write` is denied (listed in `permission_denials`) and the run still
 * "succeeds".
 */
export function claudeArgs(prompt: string, outputFormat: "json" | "stream-json"): string[] {
  const format = outputFormat === "stream-json" ? ["stream-json", "--verbose"] : ["json"];
  const permissions = ["--permission-mode", "acceptEdits", "--allowedTools", "Write,Read,Edit"];
  return ["-p", prompt, "--output-format", ...format, ...permissions];
}

/** The offline environment: dummy key, no updater or telemetry, no retries, bounded API timeout. */
export function claudeEnv(
  options: Pick<ClaudeRunOptions, "baseUrl" | "home" | "env">,
): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: options.home,
    ANTHROPIC_BASE_URL: options.baseUrl,
    ANTHROPIC_API_KEY: "sk-ant-dummy",
    DISABLE_AUTOUPDATER: "1",
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
    CLAUDE_CODE_MAX_RETRIES: "0",
    API_TIMEOUT_MS: "10000",
    NO_PROXY: "127.0.0.1,localhost",
    ...options.env,
  };
}

function parseResult(
  stdout: string,
  outputFormat: "json" | "stream-json",
): Pick<ClaudeRun, "result" | "events"> {
  const lines = stdout.split("\n").filter((line) => line.trim() !== "");
  try {
    if (outputFormat === "json") return { result: JSON.parse(stdout) as ClaudeResult, events: [] };
    const events = lines.map((line) => JSON.parse(line) as ClaudeRun["events"][number]);
    const last = events.at(-1);
    return { result: last?.type === "result" ? (last as unknown as ClaudeResult) : undefined, events };
  } catch {
    return { result: undefined, events: [] };
  }
}

/** Runs `claude -p` once and collects its output. */
export function runClaude(options: ClaudeRunOptions): Promise<ClaudeRun> {
  const outputFormat = options.outputFormat ?? "json";
  const args = claudeArgs(options.prompt, outputFormat);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(CLAUDE_BIN, args, {
      cwd: options.cwd,
      env: claudeEnv(options),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 20_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (exitCode) => {
      clearTimeout(timer);
      resolvePromise({ exitCode, stdout, stderr, args, ...parseResult(stdout, outputFormat) });
    });
  });
}
