/**
 * Reads token usage out of a model response while it streams past the proxy: server-sent events are
 * parsed incrementally (the bytes themselves are forwarded untouched elsewhere), a JSON body is read
 * whole at its end. Anthropic reports usage in `message_start` and `message_delta` (cumulative counts)
 * or in the JSON message; OpenAI in `response.completed` (also `.incomplete` / `.failed`) or the JSON
 * response's `usage`.
 */
import { StringDecoder } from "node:string_decoder";
import type { ModelProvider } from "./model-provider.js";

/** Tokens of one response, in the billing classes the price tables distinguish. */
export interface ModelUsage {
  /** The model the response names; null when it names none. */
  model: string | null;
  /** Input tokens billed at the full input price (cache reads and writes not included). */
  input: number;
  output: number;
  cacheRead: number;
  /** Anthropic cache writes with the 5-minute lifetime (the default). */
  cacheWrite5m: number;
  /** Anthropic cache writes with the 1-hour lifetime. */
  cacheWrite1h: number;
}

type Json = Record<string, unknown>;

const obj = (value: unknown): Json | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
const count = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;

/** A buffered event or JSON body past this size is not read for usage (usage objects are small). */
const MAX_EVENT_CHARS = 1 << 20;
const MAX_JSON_CHARS = 16 << 20;

/** Anthropic `usage`: cumulative counts, so later fields replace earlier ones. */
function mergeAnthropicUsage(state: ModelUsage, usage: Json | undefined): void {
  if (!usage) return;
  const cacheCreation = obj(usage.cache_creation);
  const total = count(usage.cache_creation_input_tokens);
  const oneHour = count(cacheCreation?.ephemeral_1h_input_tokens);
  state.input = count(usage.input_tokens) ?? state.input;
  state.output = count(usage.output_tokens) ?? state.output;
  state.cacheRead = count(usage.cache_read_input_tokens) ?? state.cacheRead;
  if (oneHour !== undefined) state.cacheWrite1h = oneHour;
  if (total !== undefined) state.cacheWrite5m = Math.max(0, total - state.cacheWrite1h);
}

/** OpenAI `usage`: its input_tokens include the cached ones, which are billed apart. */
function setOpenAIUsage(state: ModelUsage, usage: Json | undefined): void {
  if (!usage) return;
  const cached = count(obj(usage.input_tokens_details)?.cached_tokens) ?? 0;
  state.input = Math.max(0, (count(usage.input_tokens) ?? 0) - cached);
  state.cacheRead = cached;
  state.output = count(usage.output_tokens) ?? 0;
}

/** Folds one parsed event (or a whole JSON body) into the usage so far. */
export function foldUsage(provider: ModelProvider, state: ModelUsage, event: Json): void {
  if (provider === "anthropic") {
    const message = event.type === "message_start" ? obj(event.message) : event;
    if (event.type === "message_start" || event.type === "message") {
      if (typeof message?.model === "string") state.model = message.model;
      mergeAnthropicUsage(state, obj(message?.usage));
    } else if (event.type === "message_delta") {
      mergeAnthropicUsage(state, obj(event.usage));
    }
    return;
  }
  const response =
    typeof event.type === "string" && event.type.startsWith("response.") ? obj(event.response) : event;
  if (typeof response?.model === "string") state.model = response.model;
  setOpenAIUsage(state, obj(response?.usage));
}

/** Collects usage from a response body fed chunk by chunk. */
export interface UsageMeter {
  push(chunk: Buffer): void;
  /** The usage seen so far (a stream cut short still reports what it had announced). */
  finish(): ModelUsage;
}

/** A meter for a response of this content type; other bodies (errors, token counts) carry no usage. */
export function createUsageMeter(provider: ModelProvider, contentType: string | undefined): UsageMeter {
  const state: ModelUsage = {
    model: null,
    input: 0,
    output: 0,
    cacheRead: 0,
    cacheWrite5m: 0,
    cacheWrite1h: 0,
  };
  const decoder = new StringDecoder("utf8");
  const sse = /^text\/event-stream\b/i.test(contentType ?? "");
  let pending = "";
  let skipping = false;

  const readEvent = (block: string) => {
    const data = block
      .split(/\r?\n/)
      .filter((line) => line.startsWith("data:"))
      .map((line) => line.slice(5).replace(/^ /, ""))
      .join("\n");
    const event = parseJson(data);
    if (event) foldUsage(provider, state, event);
  };

  const pushSse = (text: string) => {
    pending += text;
    const blocks = pending.split(/\r?\n\r?\n/);
    pending = blocks.pop() ?? "";
    for (const block of blocks) {
      if (!skipping) readEvent(block);
      skipping = false;
    }
    // An event too large to hold is dropped up to its end rather than kept in memory.
    if (pending.length > MAX_EVENT_CHARS) [pending, skipping] = ["", true];
  };

  return {
    push(chunk) {
      const text = decoder.write(chunk);
      if (sse) pushSse(text);
      else if (!skipping) {
        pending += text;
        if (pending.length > MAX_JSON_CHARS) [pending, skipping] = ["", true];
      }
    },
    finish() {
      const rest = pending + decoder.end();
      pending = "";
      if (skipping) return state;
      if (sse) {
        if (rest.trim() !== "") readEvent(rest);
      } else {
        const body = parseJson(rest);
        if (body) foldUsage(provider, state, body);
      }
      return state;
    },
  };
}

function parseJson(text: string): Json | undefined {
  if (text.trim() === "") return undefined;
  try {
    return obj(JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}
