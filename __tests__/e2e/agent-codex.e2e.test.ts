/**
 * Agent mode with `agent: codex`: the bundled action runs the real `codex exec` (0.169.0) against the
 * Responses API stand-in, the GitHub and artifact stand-ins and a file:// origin. The workflow points
 * Codex at the stand-in with `OPENAI_BASE_URL`, as it would at a gateway.
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { git } from "../harness/git-fixture.js";
import { createWorld, type World } from "../harness/world.js";
import { NO_RETRIES } from "../stand-ins/openai/run-codex.js";
import {
  startOpenAIStandIn,
  toolOutputs,
  userText,
  type OpenAIStandIn,
  type ResponsesRequest,
  type Script,
} from "../stand-ins/openai/server.js";

const CODEX_BIN_DIR = resolve(import.meta.dirname, "../../node_modules/.bin");
const API_KEY = "sk-test-key-for-the-stand-in";
const MASTER_BODY = `Greetings for everyone.

## Sub-Tasks
- [ ] **Hello file**: Create \`hello.md\` saying hello. It must greet the world.
- [ ] **Goodbye file**: Create \`goodbye.md\`.
`;

let world: World | undefined;
let openai: OpenAIStandIn | undefined;
afterEach(async () => {
  await world?.close();
  await openai?.close();
  world = undefined;
  openai = undefined;
});

/** Plans the master issue, starts the OpenAI stand-in and runs task 1 with codex. */
async function runTask(script: Script, inputs: Record<string, string> = {}) {
  world = await createWorld();
  const master = world.github.seedIssue({
    title: "Greetings",
    body: MASTER_BODY,
    user: "maintainer-1",
  }).number;
  expect((await world.step("plan", { mode: "plan", "master-issue": String(master) })).exitCode).toBe(0);
  const checkout = world.origin.clone();
  openai = await startOpenAIStandIn({ apiKey: API_KEY, script });
  const home = mkdtempSync(join(tmpdir(), "pto-codex-home-"));
  mkdirSync(join(home, ".codex"));
  const run = await world.step(
    "agent-1",
    {
      mode: "agent",
      "master-issue": String(master),
      task: "1",
      agent: "codex",
      model: "gpt-5-codex",
      "openai-api-key": API_KEY,
      "agent-args": NO_RETRIES.join(" "),
      "timeout-seconds": "60",
      ...inputs,
    },
    {
      cwd: checkout,
      env: {
        GITHUB_WORKSPACE: checkout,
        PATH: `${CODEX_BIN_DIR}:${dirname(process.execPath)}:${process.env.PATH ?? ""}`,
        HOME: home,
        CODEX_HOME: join(home, ".codex"),
        OPENAI_BASE_URL: openai.baseUrl,
        // What a workflow's `env:` often holds; none of it may reach the agent.
        GITHUB_TOKEN: "ghs_standin_token",
        GH_TOKEN: "ghs_standin_token",
      },
    },
  );
  const status = () => {
    const record = world?.artifacts.artifacts.find((a) => a.name === `status-${master}-1-1.json`);
    return JSON.parse(record?.content.toString() ?? "{}") as Record<string, unknown>;
  };
  return { run, master, status, agentRequests: openai.requests.filter((r) => r.kind === "agent") };
}

describe("agent mode with the real Codex CLI", () => {
  it("lets codex write a file through a real exec_command, then commits, pushes, opens the PR and reports turns and tokens", async () => {
    const { run, master, status, agentRequests } = await runTask([
      {
        functionCall: {
          name: "exec_command",
          arguments: { cmd: "printf '# Hello, world\\n' > hello.md && env | cut -d= -f1 | sort" },
        },
        usage: { input_tokens: 20_000, cached_tokens: 5_000, output_tokens: 300 },
      },
      {
        text: "Created hello.md greeting the world.",
        usage: { input_tokens: 21_000, cached_tokens: 19_000, output_tokens: 100 },
      },
    ]);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);

    const branch = `orchestrator/${master}/1-hello-file`;
    expect(git(world!.origin.origin, "show", `${branch}:hello.md`)).toBe("# Hello, world");
    expect(world!.github.state.pulls.size).toBe(1);
    const [pr] = [...world!.github.state.pulls.values()];
    expect(pr?.head).toBe(branch);
    const subIssue = world!.github.state.subIssues.get(master)?.[0];
    expect(world!.github.state.issues.get(pr?.number as number)?.body).toContain(`Closes #${subIssue}`);

    // One Codex turn (two API requests); tokens summed from its turn.completed usage, cost from the price list.
    expect(status()).toMatchObject({
      status: "completed",
      outcome: "success",
      error_type: null,
      num_turns: 1,
      agent: { kind: "codex", model: "gpt-5-codex" },
      exit_code: 0,
      tokens: { input: 17_000, output: 400, cache_read: 24_000, cache_write: 0 },
      cost_usd: 0.02825,
      pr_number: pr?.number,
      final_message: "Created hello.md greeting the world.",
    });

    // Codex got the task's prompt, with our key, over plain HTTPS Responses requests.
    expect(openai!.requests.map((r) => `${r.method} ${r.path} ${r.kind} ${r.status} ${r.auth}`)).toEqual([
      "POST /v1/responses agent 200 accepted",
      "POST /v1/responses agent 200 accepted",
    ]);
    const [first, second] = agentRequests.map((r) => r.body as ResponsesRequest);
    expect(first?.model).toBe("gpt-5-codex");
    expect(userText(first as ResponsesRequest)).toContain("Hello file");
    // The environment codex and its commands had: no GitHub token, no runner internals, no API key.
    const names = String(toolOutputs(second as ResponsesRequest)[0]?.output).split("\n");
    expect(names).toEqual(expect.arrayContaining(["CODEX_HOME", "GITHUB_REPOSITORY", "PATH"]));
    for (const name of [
      "GITHUB_TOKEN",
      "GH_TOKEN",
      "ACTIONS_RUNTIME_TOKEN",
      "CODEX_API_KEY",
      "OPENAI_API_KEY",
    ]) {
      expect(names).not.toContain(name);
    }
    expect(names.some((name) => name.startsWith("INPUT_"))).toBe(false);
    expect(JSON.stringify(openai!.requests)).not.toContain("ghs_standin_token");
  });

  it("records an API failure of codex as api_error with the API's reason, and opens no PR", async () => {
    const { run, status, agentRequests } = await runTask(
      [
        {
          error: {
            status: 400,
            type: "invalid_request_error",
            message: "The model `gpt-5-codex` is not allowed.",
          },
        },
      ],
      {},
    );
    expect(run.exitCode).toBe(1);
    expect(status()).toMatchObject({
      status: "failed",
      outcome: "api_error",
      error_type: "API_ERROR",
      num_turns: 0,
      tokens: null,
      cost_usd: null,
      pr_number: null,
      exit_code: 1,
      // Codex passes a 400's error body on verbatim; the adapter reads its message.
      outcome_reason: "A Codex turn failed: The model `gpt-5-codex` is not allowed. (invalid_request_error)",
      error:
        "API_ERROR: A Codex turn failed: The model `gpt-5-codex` is not allowed. (invalid_request_error)",
    });
    expect(agentRequests).toHaveLength(1);
    expect(world!.github.state.pulls.size).toBe(0);
  });
});
