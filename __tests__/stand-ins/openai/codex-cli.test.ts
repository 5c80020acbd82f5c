/**
 * The real `codex exec` (0.169.0), invoked exactly as the action's codex adapter builds it, against the
 * Responses API stand-in: a scripted `exec_command` really writes a file in the checkout inside Codex's
 * workspace-write sandbox, and API failures end the run with the events the adapter has to read.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { git } from "../../harness/git-fixture.js";
import { runCodex } from "./run-codex.js";
import {
  startOpenAIStandIn,
  toolOutputs,
  userText,
  type OpenAIStandIn,
  type ResponsesRequest,
} from "./server.js";

const GITHUB_TOKEN = "ghs_stand_in_token_that_must_not_reach_codex";
const PROMPT = "Create hello.txt saying hello.";

let standIn: OpenAIStandIn | undefined;
let root: string;
let repo: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "codex-cli-"));
  repo = join(root, "repo");
  git(root, "init", "--quiet", "--initial-branch=main", repo);
  git(repo, "commit", "--quiet", "--allow-empty", "-m", "Initial commit");
});

afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
  await rm(root, { recursive: true, force: true });
});

const agentBodies = (s: OpenAIStandIn) =>
  s.requests.filter((r) => r.kind === "agent").map((r) => r.body as ResponsesRequest);

const eventTypes = (events: Array<{ type: string; item?: unknown }>) =>
  events.map((e) => {
    const item = e.item as { type?: string } | undefined;
    return item?.type ? `${e.type}/${item.type}` : e.type;
  });

describe("codex exec against the Responses API stand-in", () => {
  it("runs a scripted exec_command that writes a file, then reports the final message and usage", async () => {
    standIn = await startOpenAIStandIn({
      apiKey: "sk-test-codex-key",
      script: [
        {
          functionCall: {
            name: "exec_command",
            arguments: { cmd: "printf 'hello from codex\\n' > hello.txt && echo wrote" },
            callId: "call_WriteHello",
          },
          usage: { input_tokens: 1200, cached_tokens: 200, output_tokens: 30 },
        },
        { text: "Created hello.txt.", usage: { input_tokens: 1500, cached_tokens: 1000, output_tokens: 10 } },
      ],
    });
    const run = await runCodex({
      baseUrl: standIn.baseUrl,
      prompt: PROMPT,
      cwd: repo,
      home: root,
      env: { GITHUB_TOKEN, GH_TOKEN: GITHUB_TOKEN },
    });

    expect(run.exitCode, run.stderr).toBe(0);
    expect(await readFile(join(repo, "hello.txt"), "utf8")).toBe("hello from codex\n");
    expect(eventTypes(run.events)).toEqual([
      "thread.started",
      "turn.started",
      "item.started/command_execution",
      "item.completed/command_execution",
      "item.completed/agent_message",
      "turn.completed",
    ]);
    expect(run.events[3]).toMatchObject({
      item: { type: "command_execution", aggregated_output: "wrote\n", exit_code: 0, status: "completed" },
    });
    // One turn of Codex spans both API requests; its usage is their sum.
    expect(run.events.at(-1)).toEqual({
      type: "turn.completed",
      usage: {
        input_tokens: 2700,
        cached_input_tokens: 1200,
        cache_write_input_tokens: 0,
        output_tokens: 40,
        reasoning_output_tokens: 0,
      },
    });
    expect(run.outcome).toMatchObject({
      outcome: "success",
      error_type: null,
      reason: "Codex finished after 1 turn(s).",
      num_turns: 1,
      tokens: { input: 1500, output: 40, cache_read: 1200, cache_write: 0 },
      final_message: "Created hello.txt.",
    });

    // Plain HTTPS Responses requests only (no WebSocket upgrade, no model list), with our key.
    expect(standIn.requests.map((r) => `${r.method} ${r.path} ${r.kind} ${r.status} ${r.auth}`)).toEqual([
      "POST /v1/responses agent 200 accepted",
      "POST /v1/responses agent 200 accepted",
    ]);
    const [first, second] = agentBodies(standIn);
    expect(first?.stream).toBe(true);
    expect(userText(first as ResponsesRequest)).toContain(PROMPT);
    expect(toolOutputs(second as ResponsesRequest)).toEqual([
      { type: "function_call_output", call_id: "call_WriteHello", output: expect.stringContaining("wrote") },
    ]);
    expect(standIn.requests[0]?.headers["user-agent"]).toMatch(/^codex_exec\/0\.169\.0/);
    // Neither the API nor the process saw the GitHub token.
    expect(JSON.stringify(standIn.requests)).not.toContain(GITHUB_TOKEN);
    expect(Object.values(run.env)).not.toContain(GITHUB_TOKEN);
    expect(run.env).not.toHaveProperty("OPENAI_BASE_URL");
  });

  it("applies a scripted apply_patch (a freeform tool call) as a file_change", async () => {
    standIn = await startOpenAIStandIn({
      script: [
        {
          customToolCall: {
            name: "apply_patch",
            input: "*** Begin Patch\n*** Add File: notes.md\n+# Notes\n+patched\n*** End Patch\n",
            callId: "call_Patch",
          },
        },
        { text: "Patched." },
      ],
    });
    const run = await runCodex({ baseUrl: standIn.baseUrl, prompt: PROMPT, cwd: repo, home: root });

    expect(run.exitCode, run.stderr).toBe(0);
    expect(await readFile(join(repo, "notes.md"), "utf8")).toBe("# Notes\npatched\n");
    expect(run.events).toContainEqual({
      type: "item.completed",
      item: {
        id: expect.any(String),
        type: "file_change",
        changes: [{ path: join(repo, "notes.md"), kind: "add" }],
        status: "completed",
      },
    });
    expect(toolOutputs(agentBodies(standIn)[1] as ResponsesRequest)).toEqual([
      {
        type: "custom_tool_call_output",
        call_id: "call_Patch",
        output: expect.stringContaining("A notes.md"),
      },
    ]);
    expect(run.outcome).toMatchObject({ outcome: "success", final_message: "Patched." });
  });

  it("keeps commands inside the workspace-write sandbox: writes outside the checkout fail", async () => {
    const outside = join("/var/tmp", `codex-sandbox-probe-${process.pid}.txt`);
    standIn = await startOpenAIStandIn({
      script: [
        {
          functionCall: {
            name: "exec_command",
            arguments: { cmd: `echo inside > inside.txt; echo x > ${outside}; echo "outside=$?"` },
          },
        },
        { text: "Tried both." },
      ],
    });
    const run = await runCodex({ baseUrl: standIn.baseUrl, prompt: PROMPT, cwd: repo, home: root });

    expect(run.exitCode, run.stderr).toBe(0);
    expect(await readFile(join(repo, "inside.txt"), "utf8")).toBe("inside\n");
    expect(existsSync(outside)).toBe(false);
    const command = run.events.find(
      (e) => e.type === "item.completed" && (e.item as { type: string }).type === "command_execution",
    );
    const output = (command?.item as { aggregated_output: string }).aggregated_output;
    expect(output).toContain("outside=1");
    expect(output).toContain(`${outside}: Read-only file system`);
  });

  it("keeps the API key and the GitHub token from the commands codex runs", async () => {
    standIn = await startOpenAIStandIn({
      script: [
        { functionCall: { name: "exec_command", arguments: { cmd: "env | cut -d= -f1 | sort" } } },
        { text: "Listed." },
      ],
    });
    const run = await runCodex({
      baseUrl: standIn.baseUrl,
      prompt: PROMPT,
      cwd: repo,
      home: root,
      apiKey: "sk-secret-value-of-the-key",
      env: { GITHUB_TOKEN, GH_TOKEN: GITHUB_TOKEN },
    });

    expect(run.exitCode, run.stderr).toBe(0);
    // Codex itself has the key (and nothing of GitHub's) ...
    expect(run.env).toMatchObject({ CODEX_API_KEY: "sk-secret-value-of-the-key" });
    expect(Object.keys(run.env)).not.toContain("GITHUB_TOKEN");
    // ... its commands have neither.
    const [output] = toolOutputs(agentBodies(standIn)[1] as ResponsesRequest);
    const names = String(output?.output).split("\n");
    expect(names).toContain("CODEX_HOME");
    expect(names).toContain("CODEX_SANDBOX_NETWORK_DISABLED");
    for (const name of ["CODEX_API_KEY", "OPENAI_API_KEY", "GITHUB_TOKEN", "GH_TOKEN"]) {
      expect(names).not.toContain(name);
    }
  });

  it("ignores OPENAI_BASE_URL in its own environment (0.169.0): hence the adapter's provider config", async () => {
    standIn = await startOpenAIStandIn({ script: [{ text: "never sent" }] });
    const run = await runCodex({
      baseUrl: standIn.baseUrl,
      prompt: PROMPT,
      cwd: repo,
      home: root,
      baseUrlVia: "environment",
      // No retry settings: they would name a provider that is not defined here.
      extraArgs: [],
      timeoutMs: 4_000,
    });

    expect(run.env.OPENAI_BASE_URL).toBe(standIn.baseUrl);
    expect(run.stderr).not.toContain("Error loading config");
    expect(run.signal).toBe("SIGKILL");
    expect(standIn.requests).toEqual([]);
    // It went for api.openai.com instead (which this machine cannot reach) and kept retrying.
  });

  it("fails the turn at once on a 401 and exits 1; the adapter reports an API error", async () => {
    standIn = await startOpenAIStandIn({ apiKey: "sk-the-right-key", script: [{ text: "never sent" }] });
    const run = await runCodex({
      baseUrl: standIn.baseUrl,
      prompt: PROMPT,
      cwd: repo,
      home: root,
      apiKey: "sk-a-wrong-key",
    });

    expect(run.exitCode).toBe(1);
    expect(eventTypes(run.events)).toEqual(["thread.started", "turn.started", "error", "turn.failed"]);
    expect(run.events.at(-1)).toEqual({
      type: "turn.failed",
      error: {
        message: expect.stringMatching(
          /^unexpected status 401 Unauthorized: Incorrect API key provided\..*, url: http:\/\/127\.0\.0\.1:\d+\/v1\/responses, request id: req_[0-9a-f]{32}$/,
        ),
      },
    });
    expect(run.outcome).toMatchObject({
      outcome: "api_error",
      error_type: "API_ERROR",
      reason: expect.stringMatching(/^A Codex turn failed: unexpected status 401 Unauthorized/),
      num_turns: 0,
      tokens: null,
    });
    expect(standIn.requests.map((r) => `${r.kind} ${r.status} ${r.auth}`)).toEqual(["agent 401 rejected"]);
  });

  it("gives up on a 500 at once with request_max_retries=0 (the default retries take about 30 s)", async () => {
    standIn = await startOpenAIStandIn({
      script: [{ error: { status: 500, type: "server_error", message: "scripted outage" } }],
    });
    const run = await runCodex({ baseUrl: standIn.baseUrl, prompt: PROMPT, cwd: repo, home: root });

    expect(run.exitCode).toBe(1);
    // Codex shows its own text for 5xx answers, not the API's message.
    expect(run.events.at(-1)).toEqual({
      type: "turn.failed",
      error: { message: "We’re currently experiencing high demand, which may cause temporary errors." },
    });
    expect(run.outcome).toMatchObject({ outcome: "api_error", error_type: "API_ERROR" });
    expect(standIn.requests.filter((r) => r.kind === "agent")).toHaveLength(1);
    expect(run.durationMs).toBeLessThan(10_000);
  });

  it("reports a stream that fails in-band (response.failed) as a failed turn", async () => {
    standIn = await startOpenAIStandIn({
      script: [{ failed: { code: "server_error", message: "scripted in-band failure" } }],
    });
    const run = await runCodex({ baseUrl: standIn.baseUrl, prompt: PROMPT, cwd: repo, home: root });

    expect(run.exitCode).toBe(1);
    expect(run.events.at(-1)).toEqual({
      type: "turn.failed",
      error: { message: "stream disconnected before completion: scripted in-band failure" },
    });
    expect(run.outcome.reason).toBe(
      "A Codex turn failed: stream disconnected before completion: scripted in-band failure",
    );
  });
});
