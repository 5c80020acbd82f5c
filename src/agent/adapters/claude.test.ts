import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runProcess, type ProcessResult } from "../../exec/run-process.js";
import type { AgentRunOptions } from "./agent-adapter.js";
import { claudeAdapter, DEFAULT_CLAUDE_ALLOWED_TOOLS, deniedTools } from "./claude.js";

const options: AgentRunOptions = {
  prompt: "Implement task 3.",
  workingDir: "/work/repo",
  baseEnv: {
    PATH: "/usr/bin",
    HOME: "/home/runner",
    GITHUB_TOKEN: "ghs_secret",
    INPUT_ANTHROPIC_API_KEY: "sk-ant-input",
    ANTHROPIC_BASE_URL: "http://127.0.0.1:8080",
  },
  credentials: { anthropicApiKey: "sk-ant-key", claudeCodeOauthToken: "oauth-token" },
  model: "claude-sonnet-4-5",
  maxTurns: 60,
  maxBudgetUsd: 5,
  extraArgs: ["--append-system-prompt", "Be brief."],
  timeoutSeconds: 1800,
  taskId: "3",
  masterIssue: 12,
  subIssue: 105,
  branch: "orchestrator/12/3-add-auth",
  statusFile: "/tmp/status.json",
  promptFile: "/tmp/prompt.md",
};

const proc = (fields: Partial<ProcessResult> = {}): ProcessResult => ({
  exitCode: 0,
  signal: null,
  timedOut: false,
  stalled: false,
  cancelled: false,
  durationMs: 90_000,
  excerpt: "",
  ...fields,
});

const resultLine = (fields: Record<string, unknown>) =>
  JSON.stringify({
    type: "result",
    subtype: "success",
    is_error: false,
    num_turns: 14,
    result: "Added the login module and its tests.",
    total_cost_usd: 0.8123,
    usage: {
      input_tokens: 120,
      output_tokens: 4500,
      cache_read_input_tokens: 90000,
      cache_creation_input_tokens: 8000,
    },
    modelUsage: {
      "claude-haiku-4-5": { costUSD: 0.01 },
      "claude-sonnet-4-5-20250929": { costUSD: 0.8 },
    },
    ...fields,
  });

/** The result Claude Code 2.1.331 printed when its API endpoint refused connections (exit 1). */
const CONNECTION_REFUSED =
  '{"type":"result","subtype":"success","is_error":true,"num_turns":1,"total_cost_usd":0,"terminal_reason":"api_error","api_error_status":null,"api_error":"connection_failed","result":"API Error: Connection refused — a firewall or proxy may be blocking it (ECONNREFUSED)","duration_ms":370,"usage":{"input_tokens":0,"output_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0},"modelUsage":{}}';

describe("claudeAdapter.buildInvocation", () => {
  it("runs claude -p with streamed JSON output, acceptEdits and an allow-list; the workflow's args come first", () => {
    const inv = claudeAdapter.buildInvocation(options);
    expect(inv.command).toBe("claude");
    expect(inv.args).toEqual([
      "--append-system-prompt",
      "Be brief.",
      "-p",
      "--output-format",
      "stream-json",
      "--verbose",
      "--permission-mode",
      "acceptEdits",
      "--setting-sources",
      "user",
      "--allowedTools",
      DEFAULT_CLAUDE_ALLOWED_TOOLS.join(","),
      "--max-turns",
      "60",
      "--max-budget-usd",
      "5",
      "--model",
      "claude-sonnet-4-5",
    ]);
    expect(inv.args).not.toContain("--dangerously-skip-permissions");
    // No default tool writes a file its options name (`git log --output=…` planted git config).
    expect(DEFAULT_CLAUDE_ALLOWED_TOOLS.filter((t) => /git (log|diff|show)/.test(t))).toEqual([]);
    expect(inv.stdin).toBe("Implement task 3.");
    expect(inv.files).toEqual([]);
  });

  it("gives the agent its own credential and CI settings, never the GitHub token or inputs", () => {
    const { env } = claudeAdapter.buildInvocation(options);
    expect(env).toEqual({
      PATH: "/usr/bin",
      HOME: "/home/runner",
      ANTHROPIC_BASE_URL: "http://127.0.0.1:8080",
      ANTHROPIC_API_KEY: "sk-ant-key",
      DISABLE_AUTOUPDATER: "1",
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
      CLAUDE_CODE_MAX_RETRIES: "3",
    });
    const oauth = claudeAdapter.buildInvocation({
      ...options,
      credentials: { claudeCodeOauthToken: "oauth-token" },
    }).env;
    expect(oauth.CLAUDE_CODE_OAUTH_TOKEN).toBe("oauth-token");
    expect(oauth.ANTHROPIC_API_KEY).toBeUndefined();
  });

  it("uses a custom tool list and leaves out unset limits", () => {
    const inv = claudeAdapter.buildInvocation({
      ...options,
      allowedTools: ["Read", "Bash(npm test:*)"],
      maxTurns: undefined,
      maxBudgetUsd: undefined,
      model: undefined,
      extraArgs: undefined,
    });
    expect(inv.args).toEqual([
      "-p",
      "--output-format",
      "stream-json",
      "--verbose",
      "--permission-mode",
      "acceptEdits",
      "--setting-sources",
      "user",
      "--allowedTools",
      "Read,Bash(npm test:*)",
    ]);
  });
});

describe("claudeAdapter.interpretResult", () => {
  const interpret = (result: ProcessResult, stdout: string, opts: Partial<AgentRunOptions> = {}) =>
    claudeAdapter.interpretResult(result, stdout, { ...options, ...opts });

  it("succeeds on exit 0, subtype success, no error, turns within the limit", () => {
    expect(interpret(proc(), `warming up\n${resultLine({})}\n`)).toEqual({
      outcome: "success",
      error_type: null,
      reason: "Claude Code finished in 14 turns.",
      result_subtype: "success",
      is_error: false,
      num_turns: 14,
      cost_usd: 0.8123,
      tokens: { input: 120, output: 4500, cache_read: 90000, cache_write: 8000 },
      final_message: "Added the login module and its tests.",
      model: "claude-sonnet-4-5-20250929",
      denied_tools: [],
    });
  });

  it("reports an API failure hidden behind subtype success as api_error", () => {
    const out = interpret(proc({ exitCode: 1 }), CONNECTION_REFUSED);
    expect(out).toMatchObject({
      outcome: "api_error",
      error_type: "API_ERROR",
      is_error: true,
      result_subtype: "success",
      cost_usd: 0,
    });
    expect(out.reason).toMatch(
      /^The model API call failed \(connection_failed\): API Error: Connection refused/,
    );
    const http = interpret(
      proc({ exitCode: 1 }),
      resultLine({ is_error: true, api_error_status: 400, result: "API Error: 400 bad" }),
    );
    expect(http.reason).toBe("The model API call failed (400): API Error: 400 bad");
    expect(interpret(proc({ exitCode: 0 }), CONNECTION_REFUSED).outcome).toBe("api_error");
  });

  it("reports turn and budget limits", () => {
    expect(
      interpret(proc({ exitCode: 1 }), resultLine({ subtype: "error_max_turns", num_turns: 61 })),
    ).toMatchObject({
      outcome: "limit",
      error_type: "LIMIT_EXCEEDED",
      reason: "Claude Code stopped at its turn limit (60 turns).",
    });
    expect(
      interpret(proc({ exitCode: 1 }), resultLine({ subtype: "error_max_budget_usd", is_error: true }))
        .reason,
    ).toBe("Claude Code stopped at its budget of $5.");
  });

  it("counts the prompt as a turn but catches an overshoot reported as success", () => {
    expect(interpret(proc(), resultLine({ num_turns: 61 })).outcome).toBe("success");
    const over = interpret(proc(), resultLine({ num_turns: 73 }));
    expect(over).toMatchObject({ outcome: "limit", error_type: "LIMIT_EXCEEDED", num_turns: 73 });
    expect(interpret(proc(), resultLine({ num_turns: 500 }), { maxTurns: undefined }).outcome).toBe(
      "success",
    );
  });

  it("treats other error subtypes and a non-zero exit after success as agent errors", () => {
    const during = interpret(
      proc({ exitCode: 1 }),
      resultLine({ subtype: "error_during_execution", is_error: true, errors: ["tool crashed"] }),
    );
    expect(during).toMatchObject({
      outcome: "agent_error",
      reason: 'Claude Code ended with "error_during_execution": tool crashed',
    });
    expect(interpret(proc({ exitCode: 2 }), resultLine({}))).toMatchObject({
      outcome: "agent_error",
      reason: "Claude Code reported success but exited with code 2.",
    });
  });

  it("reports crashes when no result was printed", () => {
    expect(interpret(proc({ exitCode: 1 }), "Error: something\n")).toMatchObject({
      outcome: "crashed",
      error_type: "CRASHED",
      reason: "Claude Code exited with code 1 without printing a result.",
      model: "claude-sonnet-4-5",
    });
    expect(
      interpret(proc({ exitCode: null, signal: "SIGSEGV" }), '{"type":"result","subtype":"succ').reason,
    ).toBe("Claude Code was killed by SIGSEGV without printing a result.");
    expect(interpret(proc(), "").outcome).toBe("crashed");
  });

  it("lets our own kills win over anything printed", () => {
    const line = resultLine({});
    expect(interpret(proc({ timedOut: true, exitCode: null, signal: "SIGTERM" }), line)).toMatchObject({
      outcome: "timeout",
      error_type: "TIMEOUT",
      reason: "Claude Code did not finish within the 1800 s time limit and was stopped.",
      num_turns: 14,
    });
    expect(interpret(proc({ stalled: true, exitCode: null }), "").outcome).toBe("hung");
    expect(interpret(proc({ cancelled: true, exitCode: null }), "").outcome).toBe("cancelled");
    expect(interpret(proc({ exitCode: null, spawnError: "command not found: claude" }), "")).toMatchObject({
      outcome: "crashed",
      error_type: "INSTALL_FAILED",
    });
  });
});

const CLAUDE_BIN = resolve("node_modules/.bin/claude");

describe.skipIf(!existsSync(CLAUDE_BIN))("claudeAdapter with the real Claude Code CLI", () => {
  it("accepts our flags and reports an unreachable API as api_error", async () => {
    const home = mkdtempSync(join(tmpdir(), "claude-home-"));
    const opts: AgentRunOptions = {
      ...options,
      workingDir: home,
      baseEnv: {
        PATH: `${resolve("node_modules/.bin")}:${process.env.PATH ?? ""}`,
        HOME: home,
        ANTHROPIC_BASE_URL: "http://127.0.0.1:9",
        CLAUDE_CODE_MAX_RETRIES: "0",
        API_TIMEOUT_MS: "3000",
      },
      credentials: { anthropicApiKey: "sk-ant-dummy-key-for-tests" },
    };
    const inv = claudeAdapter.buildInvocation(opts);
    const result = await runProcess({ ...inv, cwd: home, timeoutMs: 50_000, killGraceMs: 1_000 });
    const outcome = claudeAdapter.interpretResult(result, result.stdoutTail ?? "", opts);
    expect(outcome).toMatchObject({
      outcome: "api_error",
      error_type: "API_ERROR",
      is_error: true,
      result_subtype: "success",
    });
    expect(result.exitCode).toBe(1);
  });
});

describe("deniedTools", () => {
  it("names each refused tool use once, with its command, path or URL on one line", () => {
    const denials = [
      { tool_name: "Bash", tool_use_id: "a", tool_input: { command: "npm  test\n  --watch=false" } },
      { tool_name: "Bash", tool_use_id: "b", tool_input: { command: "npm  test\n  --watch=false" } },
      { tool_name: "WebFetch", tool_use_id: "c", tool_input: { url: "https://example.com" } },
      { tool_name: "Task", tool_use_id: "d", tool_input: { prompt: "x" } },
      { tool_use_id: "e" },
      "nonsense",
    ];
    expect(deniedTools(denials)).toEqual([
      "Bash(npm test --watch=false)",
      "WebFetch(https://example.com)",
      "Task",
    ]);
    expect(deniedTools(undefined)).toEqual([]);
  });

  it("keeps at most 10, each at most 120 characters", () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      tool_name: "Bash",
      tool_input: { command: `${i} ${"x".repeat(200)}` },
    }));
    const names = deniedTools(many);
    expect(names).toHaveLength(10);
    expect(Math.max(...names.map((n) => n.length))).toBeLessThanOrEqual(120);
  });
});
