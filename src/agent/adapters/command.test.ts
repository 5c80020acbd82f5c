import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runProcess, type ProcessResult } from "../../exec/run-process.js";
import type { AgentRunOptions } from "./agent-adapter.js";
import { commandAdapter } from "./command.js";
import { parseCommandArgv } from "./parse-command-argv.js";

const dir = mkdtempSync(join(tmpdir(), "command-agent-"));
const SCRIPT = `
const fs = require("fs");
const names = ["AGENT_ID","TASK_ID","MASTER_ISSUE","SUB_ISSUE","BRANCH_NAME","STATUS_FILE","WORKING_DIR","TIMEOUT","PROMPT_FILE","GITHUB_TOKEN","ANTHROPIC_API_KEY"];
const seen = Object.fromEntries(names.map((n) => [n, process.env[n] ?? null]));
console.log(JSON.stringify({ seen, prompt: fs.readFileSync(process.env.PROMPT_FILE, "utf8"), args: process.argv.slice(1) }));
process.exit(Number(process.argv[1] ?? 0));`;

const options: AgentRunOptions = {
  prompt: "# Task 4\nDo it.",
  workingDir: dir,
  baseEnv: {
    PATH: process.env.PATH ?? "/usr/bin",
    GITHUB_TOKEN: "ghs_secret",
    INPUT_GITHUB_TOKEN: "ghs_secret",
  },
  credentials: { anthropicApiKey: "sk-ant-key" },
  command: [process.execPath, "-e", SCRIPT],
  extraArgs: ["0"],
  timeoutSeconds: 600,
  taskId: "4",
  masterIssue: 12,
  subIssue: null,
  branch: "orchestrator/12/4-x",
  statusFile: join(dir, "status.json"),
  promptFile: join(dir, "prompt.md"),
};

const proc = (fields: Partial<ProcessResult> = {}): ProcessResult => ({
  exitCode: 0,
  signal: null,
  timedOut: false,
  stalled: false,
  cancelled: false,
  durationMs: 1_000,
  excerpt: "",
  ...fields,
});

async function runAgent(opts: AgentRunOptions) {
  const inv = commandAdapter.buildInvocation(opts);
  for (const file of inv.files) writeFileSync(file.path, file.content);
  const result = await runProcess({ ...inv, cwd: opts.workingDir, timeoutMs: 30_000 });
  return { result, outcome: commandAdapter.interpretResult(result, result.stdoutTail ?? "", opts) };
}

describe("commandAdapter", () => {
  it("runs the command with the task in env vars and the prompt in a file, stdin closed", async () => {
    const inv = commandAdapter.buildInvocation(options);
    expect(inv).toMatchObject({ command: process.execPath, args: ["-e", SCRIPT, "0"], stdin: undefined });
    const { result, outcome } = await runAgent(options);
    const report = JSON.parse(result.stdoutTail ?? "") as {
      seen: Record<string, string | null>;
      prompt: string;
    };
    expect(report.prompt).toBe("# Task 4\nDo it.");
    expect(report.seen).toEqual({
      AGENT_ID: "agent-4",
      TASK_ID: "4",
      MASTER_ISSUE: "12",
      SUB_ISSUE: "",
      BRANCH_NAME: "orchestrator/12/4-x",
      STATUS_FILE: join(dir, "status.json"),
      WORKING_DIR: dir,
      TIMEOUT: "600",
      PROMPT_FILE: join(dir, "prompt.md"),
      GITHUB_TOKEN: null,
      ANTHROPIC_API_KEY: "sk-ant-key",
    });
    expect(outcome).toMatchObject({ outcome: "success", error_type: null });
    expect(outcome.final_message).toContain('"TASK_ID":"4"');
  });

  it("reports a non-zero exit as the agent's error", async () => {
    const { outcome } = await runAgent({ ...options, extraArgs: ["3"] });
    expect(outcome).toMatchObject({ outcome: "agent_error", error_type: "AGENT_ERROR" });
    expect(outcome.reason).toMatch(/exited with code 3\.$/);
  });

  it("works with a command line split by parseCommandArgv", () => {
    const inv = commandAdapter.buildInvocation({
      ...options,
      command: parseCommandArgv("./agent.sh --mode 'full run'"),
      extraArgs: [],
    });
    expect([inv.command, ...inv.args]).toEqual(["./agent.sh", "--mode", "full run"]);
  });

  it("interprets kills, crashes and missing commands", () => {
    const i = (r: Partial<ProcessResult>) => commandAdapter.interpretResult(proc(r), "", options);
    expect(i({ exitCode: null, signal: "SIGKILL" })).toMatchObject({
      outcome: "crashed",
      error_type: "CRASHED",
    });
    expect(i({ timedOut: true, exitCode: null })).toMatchObject({ outcome: "timeout" });
    expect(i({ exitCode: null, spawnError: "command not found: my-agent" })).toMatchObject({
      error_type: "INSTALL_FAILED",
    });
  });

  it("refuses to build without a command", () => {
    expect(() => commandAdapter.buildInvocation({ ...options, command: undefined })).toThrow(
      /needs a command/,
    );
  });
});
