/**
 * The real `claude` CLI (2.1.331) against the Messages API stand-in: a scripted `Write` really lands in
 * the repository, and API failures come back as the result shapes the agent stage has to read.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { git } from "../../harness/git-fixture.js";
import { runClaude } from "./run-claude.js";
import { startAnthropicStandIn, userText, type AnthropicStandIn, type MessagesRequest } from "./server.js";

const GITHUB_TOKEN = "ghs_stand_in_token_that_must_not_reach_the_api";
const PROMPT = "Create hello.txt saying hello.";

let standIn: AnthropicStandIn;
let root: string;
let repo: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "claude-cli-"));
  repo = join(root, "repo");
  git(root, "init", "--quiet", "--initial-branch=main", repo);
  git(repo, "commit", "--quiet", "--allow-empty", "-m", "Initial commit");
});

afterEach(async () => {
  await standIn.close();
  await rm(root, { recursive: true, force: true });
});

/** Scripts a Write of hello.txt, then a final text. */
async function startWriteScript(): Promise<{ file: string; content: string }> {
  const file = join(repo, "hello.txt");
  const content = "hello from the stand-in\n";
  standIn = await startAnthropicStandIn([
    { toolUse: { name: "Write", input: { file_path: file, content }, id: "toolu_01WriteHello" } },
    { text: "Done." },
  ]);
  return { file, content };
}

const agentBodies = (s: AnthropicStandIn) =>
  s.requests.filter((r) => r.kind === "agent").map((r) => r.body as MessagesRequest);

describe("claude CLI against the Messages API stand-in", () => {
  it("makes a real Write tool call and reports success (--output-format json)", async () => {
    const { file, content } = await startWriteScript();
    const run = await runClaude({
      baseUrl: standIn.url,
      prompt: PROMPT,
      cwd: repo,
      home: root,
      env: { GITHUB_TOKEN },
    });

    expect(run.exitCode, run.stderr).toBe(0);
    expect(await readFile(file, "utf8")).toBe(content);
    expect(run.result).toMatchObject({
      type: "result",
      subtype: "success",
      is_error: false,
      result: "Done.",
      num_turns: 2,
      terminal_reason: "completed",
      permission_denials: [],
      usage: { input_tokens: expect.any(Number), output_tokens: expect.any(Number) },
    });
    expect(run.result?.total_cost_usd).toBeGreaterThan(0);

    // Two streaming agent turns, the second carrying the tool's result; no side requests in -p mode.
    const [first, second] = agentBodies(standIn);
    expect(standIn.requests.map((r) => `${r.method} ${r.path}${r.search} ${r.kind}`)).toEqual([
      "POST /v1/messages?beta=true agent",
      "POST /v1/messages?beta=true agent",
    ]);
    expect(first?.stream).toBe(true);
    expect(userText(first as MessagesRequest)).toContain(PROMPT);
    expect(JSON.stringify(second?.messages.at(-1))).toMatch(
      /"tool_use_id":"toolu_01WriteHello".*File created/,
    );
    expect(standIn.requests[0]?.headers["x-api-key"]).toBe("sk-ant-dummy");
    expect(JSON.stringify(standIn.requests)).not.toContain(GITHUB_TOKEN);
  });

  it("streams init, assistant, user and result events (--output-format stream-json --verbose)", async () => {
    const { file, content } = await startWriteScript();
    const run = await runClaude({
      baseUrl: standIn.url,
      prompt: PROMPT,
      cwd: repo,
      home: root,
      outputFormat: "stream-json",
    });

    expect(run.exitCode, run.stderr).toBe(0);
    expect(await readFile(file, "utf8")).toBe(content);
    expect(run.events.map((e) => (e.subtype ? `${e.type}/${e.subtype}` : e.type))).toEqual([
      "system/init",
      "assistant",
      "user",
      "assistant",
      "result/success",
    ]);
    expect(run.events[0]).toMatchObject({ cwd: repo, permissionMode: "acceptEdits" });
    expect(run.result).toMatchObject({ subtype: "success", is_error: false, num_turns: 2 });
  });

  it("exits 1 with is_error (but subtype success) when the API answers 400", async () => {
    standIn = await startAnthropicStandIn([
      { error: { status: 400, type: "invalid_request_error", message: "scripted bad request" } },
    ]);
    const run = await runClaude({ baseUrl: standIn.url, prompt: PROMPT, cwd: repo, home: root });

    expect(run.exitCode).toBe(1);
    expect(run.result).toMatchObject({
      type: "result",
      subtype: "success",
      is_error: true,
      result: "API Error: 400 scripted bad request",
      terminal_reason: "api_error",
      api_error_status: 400,
      api_error_type: "invalid_request_error",
      num_turns: 1,
      total_cost_usd: 0,
    });
    // Even with CLAUDE_CODE_MAX_RETRIES=0 a 400 is re-sent several times (2.1.331: six), each time with
    // fewer beta features, before the CLI gives up.
    const agent = standIn.requests.filter((r) => r.kind === "agent");
    expect(agent.length).toBeGreaterThanOrEqual(1);
    expect(agent.every((r) => r.status === 400)).toBe(true);
  });

  it("gives up on an API that never answers after API_TIMEOUT_MS", async () => {
    standIn = await startAnthropicStandIn([{ hangMs: 60_000 }]);
    const run = await runClaude({
      baseUrl: standIn.url,
      prompt: PROMPT,
      cwd: repo,
      home: root,
      env: { API_TIMEOUT_MS: "2000" },
    });

    expect(run.exitCode).toBe(1);
    expect(run.result).toMatchObject({
      subtype: "success",
      is_error: true,
      terminal_reason: "api_error",
      api_error_status: null,
      result: expect.stringContaining("Request timed out"),
    });
  });
});
