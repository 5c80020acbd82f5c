/**
 * The real CLIs through the model proxy: `claude` (2.1.331) with `ANTHROPIC_BASE_URL` set to the proxy
 * and only the placeholder as its key, and `codex exec` (0.169.0) invoked by the action's codex adapter
 * with the proxy as its provider's base URL. The stand-ins behind the proxy see the real credential;
 * the CLIs never do, and a spent budget ends each run with an error result.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { git } from "../../__tests__/harness/git-fixture.js";
import { runClaude } from "../../__tests__/stand-ins/anthropic/run-claude.js";
import { startAnthropicStandIn, type AnthropicStandIn } from "../../__tests__/stand-ins/anthropic/server.js";
import { runCodex } from "../../__tests__/stand-ins/openai/run-codex.js";
import { startOpenAIStandIn, type OpenAIStandIn } from "../../__tests__/stand-ins/openai/server.js";
import { startModelProxy, type ModelProxy, type ModelProxyOptions } from "./model-proxy.js";

const API_KEY = "sk-ant-api03-REAL-KEY-that-only-the-action-holds";
const OAUTH_TOKEN = "sk-ant-oat01-REAL-OAUTH-token-that-only-the-action-holds";
const OPENAI_KEY = "sk-proj-REAL-openai-key-that-only-the-action-holds";
const PROMPT = "Create hello.txt saying hello.";

let root: string;
let repo: string;
let logLines: string[];
const cleanups: Array<() => Promise<void>> = [];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "model-proxy-cli-"));
  repo = join(root, "repo");
  git(root, "init", "--quiet", "--initial-branch=main", repo);
  git(repo, "commit", "--quiet", "--allow-empty", "-m", "Initial commit");
  logLines = [];
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await rm(root, { recursive: true, force: true });
});

async function proxyFor(options: Omit<ModelProxyOptions, "log">): Promise<ModelProxy> {
  const proxy = await startModelProxy({ ...options, log: (line) => logLines.push(line) });
  cleanups.push(() => proxy.close());
  return proxy;
}

/** An Anthropic stand-in scripted to Write hello.txt, then finish; each turn reports `usage`. */
async function claudeWriteScript(usage?: {
  input_tokens: number;
  output_tokens: number;
}): Promise<AnthropicStandIn> {
  const input = { file_path: join(repo, "hello.txt"), content: "hello through the proxy\n" };
  const standIn = await startAnthropicStandIn([
    { toolUse: { name: "Write", input, id: "toolu_01WriteHello" }, usage },
    { text: "Done.", usage },
  ]);
  cleanups.push(() => standIn.close());
  return standIn;
}

/** An OpenAI stand-in that accepts only the real key, scripted to write hello.txt through a command. */
async function codexWriteScript(usage?: {
  input_tokens: number;
  output_tokens: number;
}): Promise<OpenAIStandIn> {
  const standIn = await startOpenAIStandIn({
    apiKey: OPENAI_KEY,
    script: [
      {
        functionCall: {
          name: "exec_command",
          arguments: { cmd: "printf 'hello from codex\\n' > hello.txt" },
        },
        usage,
      },
      { text: "Created hello.txt.", usage },
    ],
  });
  cleanups.push(() => standIn.close());
  return standIn;
}

describe("claude CLI through the model proxy", () => {
  it("runs a Write turn with only the placeholder key; the API sees the real key", async () => {
    const standIn = await claudeWriteScript();
    const proxy = await proxyFor({
      provider: "anthropic",
      upstream: standIn.url,
      credential: { kind: "api-key", value: API_KEY },
    });

    const run = await runClaude({
      baseUrl: proxy.url,
      prompt: PROMPT,
      cwd: repo,
      home: root,
      env: { ANTHROPIC_API_KEY: proxy.placeholder },
    });

    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.result).toMatchObject({ subtype: "success", is_error: false, result: "Done.", num_turns: 2 });
    expect(await readFile(join(repo, "hello.txt"), "utf8")).toBe("hello through the proxy\n");
    expect(
      standIn.requests.map((r) => `${r.method} ${r.path}${r.search} ${String(r.headers["x-api-key"])}`),
    ).toEqual([`POST /v1/messages?beta=true ${API_KEY}`, `POST /v1/messages?beta=true ${API_KEY}`]);
    expect(proxy.requests()).toBe(2);
    expect(run.stdout + run.stderr + logLines.join("\n")).not.toContain(API_KEY);
  });

  it("runs with an OAuth placeholder while the proxy holds the subscription token", async () => {
    const standIn = await claudeWriteScript();
    const proxy = await proxyFor({
      provider: "anthropic",
      upstream: standIn.url,
      credential: { kind: "oauth-token", value: OAUTH_TOKEN },
    });

    const run = await runClaude({
      baseUrl: proxy.url,
      prompt: PROMPT,
      cwd: repo,
      home: root,
      // An empty ANTHROPIC_API_KEY counts as unset, so the CLI authenticates with the OAuth variable.
      env: { ANTHROPIC_API_KEY: "", CLAUDE_CODE_OAUTH_TOKEN: proxy.placeholder },
    });

    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.result).toMatchObject({ subtype: "success", is_error: false, num_turns: 2 });
    for (const seen of standIn.requests) {
      expect(seen.headers.authorization).toBe(`Bearer ${OAUTH_TOKEN}`);
      expect(String(seen.headers["anthropic-beta"]).split(",")).toContain("oauth-2025-04-20");
      expect(seen.headers["x-api-key"]).toBeUndefined();
    }
  });

  it("ends the run with a 402 error result once the budget is spent", async () => {
    // The CLI asks for claude-opus-5-5, which the table lacks: priced as the dearest Opus ($15 / $75),
    // 1000 input and 100 output tokens cost $0.0225, past the $0.02 budget after the first turn.
    const standIn = await claudeWriteScript({ input_tokens: 1000, output_tokens: 100 });
    const proxy = await proxyFor({
      provider: "anthropic",
      upstream: standIn.url,
      credential: { kind: "api-key", value: API_KEY },
      maxBudgetUsd: 0.02,
    });

    const run = await runClaude({
      baseUrl: proxy.url,
      prompt: PROMPT,
      cwd: repo,
      home: root,
      env: { ANTHROPIC_API_KEY: proxy.placeholder },
    });

    expect(run.exitCode).toBe(1);
    expect(run.result).toMatchObject({
      is_error: true,
      terminal_reason: "api_error",
      api_error_status: 402,
      api_error_type: "billing_error",
      result: "API Error: 402 The run's model budget of $0.02 is spent ($0.0225).",
    });
    expect(await readFile(join(repo, "hello.txt"), "utf8")).toBe("hello through the proxy\n");
    expect(standIn.requests).toHaveLength(1);
    expect(logLines).toContain(
      'model proxy: no list price for "claude-opus-5-5"; priced at the dearest matching price',
    );
  });
});

describe("codex exec through the model proxy", () => {
  it("runs a command turn with the placeholder as its key; the API sees only the real key", async () => {
    const standIn = await codexWriteScript();
    const proxy = await proxyFor({
      provider: "openai",
      upstream: standIn.url,
      credential: { kind: "api-key", value: OPENAI_KEY },
    });

    const run = await runCodex({
      baseUrl: `${proxy.url}/v1`,
      prompt: PROMPT,
      cwd: repo,
      home: root,
      apiKey: proxy.placeholder,
    });

    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.outcome).toMatchObject({ outcome: "success", final_message: "Created hello.txt." });
    expect(await readFile(join(repo, "hello.txt"), "utf8")).toBe("hello from codex\n");
    expect(standIn.requests.map((r) => `${r.method} ${r.path} ${r.auth} ${r.status}`)).toEqual([
      "POST /v1/responses accepted 200",
      "POST /v1/responses accepted 200",
    ]);
    expect(run.env.CODEX_API_KEY).toBe(proxy.placeholder);
    expect(JSON.stringify(run.env) + run.stdout + run.stderr).not.toContain(OPENAI_KEY);
  });

  it("fails the turn without retrying once the budget is spent (429 insufficient_quota)", async () => {
    // Codex's default model is not in the table: priced at the dearest input price, $2 per million.
    const standIn = await codexWriteScript({ input_tokens: 1_000_000, output_tokens: 10 });
    const proxy = await proxyFor({
      provider: "openai",
      upstream: standIn.url,
      credential: { kind: "api-key", value: OPENAI_KEY },
      maxBudgetUsd: 1,
    });

    // Codex's own retry settings stay at their defaults here: the refusal must end the run by itself.
    const run = await runCodex({
      baseUrl: `${proxy.url}/v1`,
      prompt: PROMPT,
      cwd: repo,
      home: root,
      apiKey: proxy.placeholder,
      extraArgs: [],
    });

    expect(run.exitCode).toBe(1);
    expect(run.outcome).toMatchObject({ outcome: "api_error", error_type: "API_ERROR" });
    // Codex shows its own text for insufficient_quota; the proxy's log line says which budget was spent.
    expect(run.events.at(-1)).toEqual({
      type: "turn.failed",
      error: { message: "Quota exceeded. Check your plan and billing details." },
    });
    expect(logLines.at(-1)).toMatch(
      /^model proxy: refused POST "\/v1\/responses": The run's model budget of \$1 is spent/,
    );
    expect(standIn.requests).toHaveLength(1);
    expect(proxy.requests()).toBe(1);
  });
});
