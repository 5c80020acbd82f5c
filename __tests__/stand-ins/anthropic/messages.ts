/**
 * Renders scripted turns as the Messages API does: a `message` object for non-streaming requests, or the
 * server-sent event sequence for streaming ones (`message_start`, `ping`, per-block start / deltas / stop,
 * `message_delta` with `stop_reason` and usage, `message_stop`).
 */
import { randomBytes } from "node:crypto";
import type { MessagesRequest, TextTurn, ToolUseTurn } from "./types.js";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** An id like the API's: `msg_01…`, `toolu_01…`, `req_01…` followed by 22 base62 characters. */
export function apiId(prefix: "msg" | "toolu" | "req"): string {
  const tail = Array.from(randomBytes(22), (byte) => BASE62[byte % 62]).join("");
  return `${prefix}_01${tail}`;
}

/** A response content block. */
export type ContentBlock =
  | { type: "text"; text: string }
  | { type: "tool_use"; id: string; name: string; input: Record<string, unknown> };

/** A complete assistant message, the non-streaming response body. */
export interface AssistantMessage {
  id: string;
  type: "message";
  role: "assistant";
  model: string;
  content: ContentBlock[];
  stop_reason: "end_turn" | "tool_use" | "max_tokens" | "stop_sequence";
  stop_sequence: null;
  usage: {
    input_tokens: number;
    cache_creation_input_tokens: number;
    cache_read_input_tokens: number;
    output_tokens: number;
    service_tier: "standard";
  };
}

/** Rough token count: about four characters per token, never zero. */
const estimateTokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

/**
 * The working directory Claude Code states in its system prompt (`Working directory: /…`), which a
 * scripted tool input can name as `{cwd}`: the agent works in a copy whose path the test cannot know.
 */
function workingDirectoryOf(request: MessagesRequest): string | undefined {
  const text = JSON.stringify([request.system ?? "", request.messages]);
  return /working directory: ([^\s"\\]+)/i.exec(text)?.[1];
}

/** `input` with `{cwd}` in its string values replaced by the agent's working directory. */
function withCwd(input: Record<string, unknown>, cwd: string | undefined): Record<string, unknown> {
  if (cwd === undefined) return input;
  return JSON.parse(JSON.stringify(input).replaceAll("{cwd}", cwd)) as Record<string, unknown>;
}

/** Builds the assistant message a text or tool-use turn stands for. */
export function buildMessage(request: MessagesRequest, turn: TextTurn | ToolUseTurn): AssistantMessage {
  const content: ContentBlock[] = [];
  if (turn.text) content.push({ type: "text", text: turn.text });
  const toolUses = "toolUse" in turn ? [turn.toolUse].flat() : [];
  const cwd = toolUses.length > 0 ? workingDirectoryOf(request) : undefined;
  for (const use of toolUses) {
    const input = withCwd(use.input, cwd);
    content.push({ type: "tool_use", id: use.id ?? apiId("toolu"), name: use.name, input });
  }
  const stopReason = toolUses.length > 0 ? "tool_use" : ((turn as TextTurn).stopReason ?? "end_turn");
  return {
    id: apiId("msg"),
    type: "message",
    role: "assistant",
    model: request.model,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: {
      input_tokens: turn.usage?.input_tokens ?? estimateTokens(JSON.stringify(request.messages)),
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      output_tokens: turn.usage?.output_tokens ?? estimateTokens(JSON.stringify(content)),
      service_tier: "standard",
    },
  };
}

/** Splits a string into a few pieces, as the API streams text and partial JSON in fragments. */
function fragments(text: string, size = 16): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += size) pieces.push(text.slice(at, at + size));
  return pieces;
}

function sse(type: string, data: Record<string, unknown>): string {
  return `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
}

/** The event stream for a message, one string per event. */
export function streamEvents(message: AssistantMessage): string[] {
  const { content, stop_reason, usage } = message;
  const events = [
    // The start carries the input tokens; the output count arrives with message_delta.
    sse("message_start", {
      message: { ...message, content: [], stop_reason: null, usage: { ...usage, output_tokens: 1 } },
    }),
    sse("ping", {}),
  ];
  content.forEach((block, index) => {
    if (block.type === "text") {
      events.push(sse("content_block_start", { index, content_block: { type: "text", text: "" } }));
      for (const text of fragments(block.text)) {
        events.push(sse("content_block_delta", { index, delta: { type: "text_delta", text } }));
      }
    } else {
      const start = { type: "tool_use", id: block.id, name: block.name, input: {} };
      events.push(sse("content_block_start", { index, content_block: start }));
      // The API opens tool input with an empty fragment before the JSON pieces.
      for (const partial_json of ["", ...fragments(JSON.stringify(block.input))]) {
        events.push(sse("content_block_delta", { index, delta: { type: "input_json_delta", partial_json } }));
      }
    }
    events.push(sse("content_block_stop", { index }));
  });
  events.push(
    sse("message_delta", {
      delta: { stop_reason, stop_sequence: null },
      usage: { output_tokens: usage.output_tokens },
    }),
    sse("message_stop", {}),
  );
  return events;
}

/** The API's error body. */
export function errorBody(type: string, message: string, requestId: string): string {
  return JSON.stringify({ type: "error", error: { type, message }, request_id: requestId });
}

/** All text the user said in a request (prompt, reminders, tool results' text), for assertions. */
export function userText(request: MessagesRequest): string {
  return request.messages
    .filter((m) => m.role === "user")
    .flatMap((m) => (typeof m.content === "string" ? [m.content] : m.content.map((b) => b.text ?? "")))
    .join("\n");
}
