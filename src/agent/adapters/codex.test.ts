import { describe, expect, it } from "vitest";
import type { ProcessResult } from "../../exec/run-process.js";
import type { AgentRunOptions } from "./agent-adapter.js";
import { codexAdapter } from "./codex.js";
import { estimateCostUsd } from "./model-prices.js";

const options: AgentRunOptions = {
  prompt: "Implement task 2.",
  workingDir: "/work/repo",
  baseEnv: {
    PATH: "/usr/bin",
    HOME: "/home/runner",
    GH_TOKEN: "ghp_x",
    OPENAI_API_KEY: "sk-from-env",
    CODEX_HOME: "/tmp/codex",
  },
  credentials: { openaiApiKey: "sk-openai" },
  model: "gpt-5-codex",
  extraArgs: ["-c", 'model_reasoning_effort="high"'],
  timeoutSeconds: 900,
  taskId: "2",
  masterIssue: 12,
  subIssue: null,
  branch: "orchestrator/12/2-export",
  statusFile: "/tmp/status.json",
  promptFile: "/tmp/prompt.md",
};

const proc = (fields: Partial<ProcessResult> = {}): ProcessResult => ({
  exitCode: 0,
  signal: null,
  timedOut: false,
  stalled: false,
  cancelled: false,
  durationMs: 60_000,
  excerpt: "",
  ...fields,
});

const jsonl = (...events: object[]) => events.map((e) => JSON.stringify(e)).join("\n") + "\n";
const turn = (input: number, cached: number, output: number) => ({
  type: "turn.completed",
  usage: { input_tokens: input, cached_input_tokens: cached, output_tokens: output },
});
const message = (text: string) => ({
  type: "item.completed",
  item: { id: "i1", type: "agent_message", text },
});

describe("codexAdapter.buildInvocation", () => {
  it("runs codex exec --json in a workspace-write sandbox, the key kept from its commands, the prompt on stdin", () => {
    const inv = codexAdapter.buildInvocation(options);
    expect(inv.command).toBe("codex");
    expect(inv.args).toEqual([
      "exec",
      "--json",
      "--skip-git-repo-check",
      "--cd",
      "/work/repo",
      "--sandbox",
      "workspace-write",
      "--model",
      "gpt-5-codex",
      "-c",
      'shell_environment_policy.exclude=["CODEX_API_KEY","OPENAI_API_KEY"]',
      "-c",
      'model_reasoning_effort="high"',
      "-",
    ]);
    expect(inv.stdin).toBe("Implement task 2.");
  });

  it("points codex at OPENAI_BASE_URL through an HTTPS-only provider, and only when it is set", () => {
    const inv = codexAdapter.buildInvocation({
      ...options,
      baseEnv: { ...options.baseEnv, OPENAI_BASE_URL: "http://127.0.0.1:8080/v1" },
      extraArgs: [],
    });
    expect(inv.args.slice(11)).toEqual([
      "-c",
      'model_provider="pto-openai"',
      "-c",
      'model_providers.pto-openai.name="OpenAI-compatible API (OPENAI_BASE_URL)"',
      "-c",
      'model_providers.pto-openai.base_url="http://127.0.0.1:8080/v1"',
      "-c",
      'model_providers.pto-openai.wire_api="responses"',
      "-c",
      "model_providers.pto-openai.supports_websockets=false",
      "-c",
      'model_providers.pto-openai.env_key="CODEX_API_KEY"',
      "-",
    ]);
    // Codex ignores the variable itself; it is not passed on.
    expect(inv.env.OPENAI_BASE_URL).toBeUndefined();
    // Without a key the provider sends no Authorization header rather than failing on a missing variable.
    const keyless = codexAdapter.buildInvocation({
      ...options,
      credentials: {},
      baseEnv: { OPENAI_BASE_URL: "https://gateway.example/v1" },
    });
    expect(keyless.args.join(" ")).not.toContain("env_key");
    expect(keyless.args).toContain('model_providers.pto-openai.base_url="https://gateway.example/v1"');
    // The workflow's own arguments come after ours and can override them.
    expect(keyless.args.slice(-3)).toEqual(["-c", 'model_reasoning_effort="high"', "-"]);
    // An empty variable is the same as none.
    const empty = codexAdapter.buildInvocation({ ...options, baseEnv: { OPENAI_BASE_URL: "" } });
    expect(empty.args).not.toContain('model_provider="pto-openai"');
  });

  it("passes only the configured key, not the GitHub token or keys from the environment", () => {
    const { env } = codexAdapter.buildInvocation(options);
    expect(env).toEqual({
      PATH: "/usr/bin",
      HOME: "/home/runner",
      CODEX_HOME: "/tmp/codex",
      CODEX_API_KEY: "sk-openai",
      OPENAI_API_KEY: "sk-openai",
    });
    expect(
      codexAdapter.buildInvocation({ ...options, credentials: { codexApiKey: "ck" } }).env.CODEX_API_KEY,
    ).toBe("ck");
  });
});

describe("codexAdapter.interpretResult", () => {
  const interpret = (result: ProcessResult, stdout: string, opts: Partial<AgentRunOptions> = {}) =>
    codexAdapter.interpretResult(result, stdout, { ...options, ...opts });

  it("succeeds on exit 0 with completed turns; sums usage, prices it and keeps the last message", () => {
    const stdout = jsonl(
      { type: "thread.started", thread_id: "t1" },
      { type: "turn.started" },
      message("Working on it."),
      {
        type: "item.completed",
        item: { id: "c1", type: "command_execution", command: "npm test", exit_code: 0 },
      },
      turn(100_000, 60_000, 2_000),
      message("Done: export streams rows."),
      turn(50_000, 40_000, 1_000),
    );
    expect(interpret(proc(), stdout)).toEqual({
      outcome: "success",
      error_type: null,
      reason: "Codex finished after 2 turn(s).",
      result_subtype: null,
      is_error: null,
      num_turns: 2,
      cost_usd: 0.105,
      tokens: { input: 50_000, output: 3_000, cache_read: 100_000, cache_write: 0 },
      final_message: "Done: export streams rows.",
      model: "gpt-5-codex",
      denied_tools: [],
    });
  });

  it("reports failed turns and unrecovered errors as api_error", () => {
    const failed = interpret(
      proc({ exitCode: 1 }),
      jsonl({ type: "turn.started" }, { type: "turn.failed", error: { message: "401 Unauthorized" } }),
    );
    expect(failed).toMatchObject({
      outcome: "api_error",
      error_type: "API_ERROR",
      reason: "A Codex turn failed: 401 Unauthorized",
    });
    const error = interpret(proc({ exitCode: 1 }), jsonl({ type: "error", message: "Reconnecting... 5/5" }));
    expect(error.reason).toBe("Codex exited with code 1 after an error: Reconnecting... 5/5");
  });

  it("reads the events codex 0.169.0 printed for API failures (from runs against the stand-in)", () => {
    const failedWith = (message: string) =>
      interpret(
        proc({ exitCode: 1 }),
        jsonl(
          { type: "thread.started", thread_id: "01a2120d-e185-7672-b480-925d915a35e7" },
          { type: "turn.started" },
          { type: "error", message },
          { type: "turn.failed", error: { message } },
        ),
      ).reason;
    // A 400 comes through as the API's error body.
    expect(
      failedWith(
        '{"error":{"message":"scripted bad request","type":"invalid_request_error","param":null,"code":null}}',
      ),
    ).toBe("A Codex turn failed: scripted bad request (invalid_request_error)");
    expect(
      failedWith('{"error":{"message":"Bad key","type":"invalid_request_error","code":"invalid_api_key"}}'),
    ).toBe("A Codex turn failed: Bad key (invalid_api_key)");
    // A 401, a 429 after retries, and a stream that failed in-band come as Codex's own text.
    expect(
      failedWith(
        "unexpected status 401 Unauthorized: Incorrect API key provided., url: http://127.0.0.1:39251/v1/responses, request id: req_29624015c51cb4d7c25b08de41b5f151",
      ),
    ).toMatch(/^A Codex turn failed: unexpected status 401 Unauthorized: Incorrect API key provided\./);
    expect(failedWith("exceeded retry limit, last status: 429 Too Many Requests, request id: req_6fe2")).toBe(
      "A Codex turn failed: exceeded retry limit, last status: 429 Too Many Requests, request id: req_6fe2",
    );
    // Not an error body after all: kept as it is.
    expect(failedWith("{not json")).toBe("A Codex turn failed: {not json");
  });

  it("succeeds after the WebSocket fallback errors of the built-in provider, and reads the full usage", () => {
    const stdout = jsonl(
      { type: "thread.started", thread_id: "t" },
      { type: "turn.started" },
      { type: "error", message: "Reconnecting... 2/5 (unexpected status 404 Not Found: …)" },
      {
        type: "item.completed",
        item: { id: "item_0", type: "error", message: "Falling back from WebSockets to HTTPS transport. …" },
      },
      { type: "item.completed", item: { id: "item_1", type: "agent_message", text: "Hello done." } },
      {
        type: "turn.completed",
        usage: {
          input_tokens: 16736,
          cached_input_tokens: 736,
          cache_write_input_tokens: 0,
          output_tokens: 49,
          reasoning_output_tokens: 0,
        },
      },
    );
    expect(interpret(proc(), stdout)).toMatchObject({
      outcome: "success",
      num_turns: 1,
      tokens: { input: 16_000, output: 49, cache_read: 736, cache_write: 0 },
      final_message: "Hello done.",
    });
  });

  it("ignores transient errors the run recovered from", () => {
    const stdout = jsonl({ type: "error", message: "Reconnecting... 1/5" }, message("ok"), turn(10, 0, 5));
    expect(interpret(proc(), stdout).outcome).toBe("success");
  });

  it("reports crashes and non-zero exits", () => {
    expect(interpret(proc({ exitCode: 2 }), "error: unexpected argument '--foo'\n")).toMatchObject({
      outcome: "crashed",
      error_type: "CRASHED",
      reason: "Codex exited with code 2 without completing a turn.",
      num_turns: null,
      tokens: null,
    });
    expect(interpret(proc({ exitCode: 1 }), jsonl(turn(1, 0, 1)))).toMatchObject({
      outcome: "agent_error",
      reason: "Codex completed 1 turn(s) but exited with code 1.",
    });
  });

  it("lets our own kills win and keeps what the stream told so far", () => {
    const out = interpret(
      proc({ timedOut: true, exitCode: null, signal: "SIGKILL" }),
      jsonl(message("half way"), turn(10, 0, 5)),
    );
    expect(out).toMatchObject({
      outcome: "timeout",
      error_type: "TIMEOUT",
      final_message: "half way",
      num_turns: 1,
    });
    expect(interpret(proc({ stalled: true }), "").outcome).toBe("hung");
    expect(interpret(proc({ cancelled: true }), "").outcome).toBe("cancelled");
  });

  it("has no cost for an unknown or default model", () => {
    expect(interpret(proc(), jsonl(turn(10, 0, 5)), { model: undefined }).cost_usd).toBeNull();
    expect(interpret(proc(), jsonl(turn(10, 0, 5)), { model: "my-finetune" }).cost_usd).toBeNull();
  });
});

describe("estimateCostUsd", () => {
  it("prices known models and dated snapshots, and nothing else", () => {
    const tokens = { input: 1_000_000, output: 1_000_000, cache_read: 1_000_000, cache_write: 0 };
    expect(estimateCostUsd("gpt-5", tokens)).toBe(11.375);
    expect(estimateCostUsd("gpt-5-2025-08-07", tokens)).toBe(11.375);
    expect(estimateCostUsd("gpt-5-mini", tokens)).toBe(2.275);
    expect(estimateCostUsd("unknown", tokens)).toBeNull();
    expect(estimateCostUsd("gpt-5", null)).toBeNull();
  });
});
