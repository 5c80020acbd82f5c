import type { ProcessResult } from "../../exec/run-process.js";
import { capText, STATUS_LIMITS, type Tokens } from "../../status/status-schema.js";
import { buildAgentEnv } from "../build-agent-env.js";
import {
  describeExit,
  emptyOutcome,
  interpretTermination,
  type AgentAdapter,
  type AgentOutcome,
  type AgentRunOptions,
} from "./agent-adapter.js";
import { countOf, obj, parseJsonObjectLines, str, type JsonObject } from "./json-lines.js";
import { estimateCostUsd } from "./model-prices.js";

/** The model provider the adapter defines when the job sets `OPENAI_BASE_URL` (see providerArgs). */
export const CODEX_BASE_URL_PROVIDER = "pto-openai";

/**
 * `-c` overrides that point Codex at `OPENAI_BASE_URL`, or nothing when it is unset (then Codex talks to
 * the OpenAI API with its built-in provider, as on any runner). Codex 0.169.0 ignores the
 * `OPENAI_BASE_URL` variable itself (it went to api.openai.com), so the URL goes into config: a custom
 * provider speaking the Responses API over HTTPS only. The built-in provider with `openai_base_url`
 * would first try the Responses WebSocket transport, which OpenAI-compatible gateways rarely serve:
 * five failed upgrades and about 6 s per run before it falls back. The key is read from CODEX_API_KEY
 * (`env_key`); without it the provider would send no Authorization header. The workflow's `agent-args`
 * come later and can change any of it, e.g. `-c model_providers.pto-openai.request_max_retries=0`.
 */
function providerArgs(baseUrl: string | undefined, hasKey: boolean): string[] {
  if (!baseUrl) return [];
  const provider = `model_providers.${CODEX_BASE_URL_PROVIDER}`;
  // A JSON string is a valid TOML basic string, which is how `-c` parses values.
  const settings = [
    `model_provider=${JSON.stringify(CODEX_BASE_URL_PROVIDER)}`,
    `${provider}.name="OpenAI-compatible API (OPENAI_BASE_URL)"`,
    `${provider}.base_url=${JSON.stringify(baseUrl)}`,
    `${provider}.wire_api="responses"`,
    `${provider}.supports_websockets=false`,
    ...(hasKey ? [`${provider}.env_key="CODEX_API_KEY"`] : []),
  ];
  return settings.flatMap((setting) => ["-c", setting]);
}

/** Where the adapter puts the API key; kept from the commands Codex runs. */
const KEY_VARIABLES = ["CODEX_API_KEY", "OPENAI_API_KEY"];

function buildInvocation(options: AgentRunOptions) {
  const key = options.credentials.codexApiKey ?? options.credentials.openaiApiKey;
  const env = buildAgentEnv(options.baseEnv, {
    pass: options.passEnv,
    set: {
      // `codex exec` reads CODEX_API_KEY; older builds read OPENAI_API_KEY. Same key, same process.
      CODEX_API_KEY: key,
      OPENAI_API_KEY: key,
    },
  });
  const args = [
    "exec",
    "--json",
    "--skip-git-repo-check",
    "--cd",
    options.workingDir,
    // exec defaults to read-only; workspace-write lets it edit the checkout while its sandbox keeps
    // writes elsewhere and the network closed to the commands it runs.
    "--sandbox",
    "workspace-write",
    ...(options.model ? ["--model", options.model] : []),
    // The commands the model runs inherit Codex's environment, API key included (0.169.0 excludes no
    // *KEY* variables by default): one `env > notes.txt` would put it in the commit we push.
    "-c",
    `shell_environment_policy.exclude=${JSON.stringify(KEY_VARIABLES)}`,
    ...providerArgs(options.baseEnv.OPENAI_BASE_URL || undefined, key !== undefined && key !== ""),
    ...(options.extraArgs ?? []),
    // Prompt on stdin, which then closes: an open stdin makes codex wait for "additional input" forever.
    "-",
  ];
  return { command: "codex", args, env, stdin: options.prompt, files: [] };
}

function addUsage(total: Tokens, usage: JsonObject | null): Tokens {
  if (!usage) return total;
  // OpenAI's input_tokens include the cached ones; the status document counts them apart. Codex
  // 0.169.0 also reports `cache_write_input_tokens` (from the API's input_tokens_details, like the cached
  // ones, so presumably also a part of input_tokens); they stay counted and priced in `input`.
  const cached = countOf(usage.cached_input_tokens);
  return {
    input: total.input + Math.max(0, countOf(usage.input_tokens) - cached),
    output: total.output + countOf(usage.output_tokens),
    cache_read: total.cache_read + cached,
    cache_write: total.cache_write,
  };
}

/**
 * An API error body that Codex passed on verbatim as its message (0.169.0 does so for a 400, e.g.
 * `{"error":{"message":"…","type":"invalid_request_error",…}}`): its message, with the code or type.
 * Any other text (Codex's own, as for a 401, a 5xx or a 429) is returned as it is.
 */
function readableApiError(message: string): string {
  if (!message.startsWith("{")) return message;
  try {
    const error = obj(obj(JSON.parse(message) as unknown)?.error);
    const text = str(error?.message);
    if (!text) return message;
    const kind = str(error?.code) ?? str(error?.type);
    return kind ? `${text} (${kind})` : text;
  } catch {
    return message;
  }
}

function errorMessage(event: JsonObject): string {
  return readableApiError(str(obj(event.error)?.message) ?? str(event.message) ?? "no details");
}

/**
 * Codex's verdict from its JSONL events (`codex exec --json`) and exit code. Turns are `turn.completed`
 * events; tokens are summed from their usage; the final message is the last `agent_message` item. A
 * `turn.failed` is an API error; top-level `error` events are too unless a turn completed after them
 * (Codex reports transient reconnects as errors and then recovers). Only the events within the stdout
 * tail (the last 1 MB) are seen.
 */
function interpretResult(result: ProcessResult, stdoutTail: string, options: AgentRunOptions): AgentOutcome {
  const events = parseJsonObjectLines(stdoutTail);
  let turns = 0;
  let tokens: Tokens = { input: 0, output: 0, cache_read: 0, cache_write: 0 };
  let finalMessage: string | null = null;
  let lastTurnAt = -1;
  let lastError: { at: number; message: string } | undefined;
  let turnFailed: string | undefined;
  for (const [at, event] of events.entries()) {
    if (event.type === "turn.completed") {
      turns++;
      lastTurnAt = at;
      tokens = addUsage(tokens, obj(event.usage));
    } else if (event.type === "turn.failed") {
      turnFailed = errorMessage(event);
    } else if (event.type === "error") {
      lastError = { at, message: errorMessage(event) };
    } else if (event.type === "item.completed") {
      const item = obj(event.item);
      if (item?.type === "agent_message") finalMessage = str(item.text) ?? finalMessage;
    }
  }
  const reported = turns > 0 ? tokens : null;
  const facts: Partial<AgentOutcome> = {
    num_turns: events.length > 0 ? turns : null,
    tokens: reported,
    cost_usd: estimateCostUsd(options.model, reported),
    final_message: finalMessage !== null ? capText(finalMessage, STATUS_LIMITS.finalMessageChars) : null,
    model: options.model ?? null,
  };
  const outcome = (fields: Pick<AgentOutcome, "outcome" | "error_type" | "reason">) =>
    emptyOutcome({ ...facts, ...fields });

  const killed = interpretTermination(result, options, "Codex");
  if (killed) return { ...killed, ...facts };
  if (turnFailed !== undefined) {
    return outcome({
      outcome: "api_error",
      error_type: "API_ERROR",
      reason: `A Codex turn failed: ${capText(turnFailed, 300)}`,
    });
  }
  if (lastError && lastError.at > lastTurnAt) {
    return outcome({
      outcome: "api_error",
      error_type: "API_ERROR",
      reason: `Codex ${describeExit(result)} after an error: ${capText(lastError.message, 300)}`,
    });
  }
  if (turns === 0) {
    return outcome({
      outcome: "crashed",
      error_type: "CRASHED",
      reason: `Codex ${describeExit(result)} without completing a turn.`,
    });
  }
  if (result.exitCode !== 0) {
    return outcome({
      outcome: "agent_error",
      error_type: "AGENT_ERROR",
      reason: `Codex completed ${turns} turn(s) but ${describeExit(result)}.`,
    });
  }
  return outcome({ outcome: "success", error_type: null, reason: `Codex finished after ${turns} turn(s).` });
}

/** OpenAI Codex (`codex exec --json`), prompt on stdin. */
export const codexAdapter: AgentAdapter = { kind: "codex", buildInvocation, interpretResult };
