/**
 * Public types of the Anthropic Messages API stand-in: the requests it receives, the scripted turns it
 * answers the agent conversation with, and its request log.
 */
import type { IncomingHttpHeaders } from "node:http";

/** A content block of a request message; only the fields the stand-in and tests look at are typed. */
export interface RequestContentBlock {
  type: string;
  text?: string;
  id?: string;
  name?: string;
  input?: unknown;
  tool_use_id?: string;
  content?: unknown;
  is_error?: boolean;
  [key: string]: unknown;
}

/** A `POST /v1/messages` body, as the CLI sends it. */
export interface MessagesRequest {
  model: string;
  max_tokens: number;
  /** Claude Code 2.1.331 also sends a `system` role message inside `messages`. */
  messages: Array<{ role: "user" | "assistant" | "system"; content: string | RequestContentBlock[] }>;
  system?: string | RequestContentBlock[];
  /** Present and non-empty on the agent conversation's requests: how the stand-in tells them apart. */
  tools?: Array<{ name: string; description?: string; input_schema?: unknown; [key: string]: unknown }>;
  stream?: boolean;
  [key: string]: unknown;
}

/** A tool call the scripted assistant makes. */
export interface ScriptedToolUse {
  name: string;
  input: Record<string, unknown>;
  /** @default a fresh `toolu_01…` id */
  id?: string;
}

/** Token counts to report; by default estimated as characters / 4 of the request and the answer. */
export interface TurnUsage {
  input_tokens?: number;
  output_tokens?: number;
}

/** The assistant answers with text and stops. */
export interface TextTurn {
  text: string;
  usage?: TurnUsage;
  /** @default "end_turn" */
  stopReason?: "end_turn" | "max_tokens" | "stop_sequence";
  /** The model "thinks" this long before the answer starts, as a slow real turn does. @default 0 */
  delayMs?: number;
}

/** The assistant calls one or more tools (after optional text); `stop_reason` is `tool_use`. */
export interface ToolUseTurn {
  toolUse: ScriptedToolUse | ScriptedToolUse[];
  text?: string;
  usage?: TurnUsage;
  /** The model "thinks" this long before the answer starts, as a slow real turn does. @default 0 */
  delayMs?: number;
}

/** The API fails with an error body `{"type":"error","error":{type, message}}`. */
export interface ErrorTurn {
  error: {
    /** e.g. 400 invalid_request_error, 429 rate_limit_error, 500 api_error, 529 overloaded_error. */
    status: number;
    type: string;
    message: string;
    /** Sent as `retry-after`. */
    retryAfterSeconds?: number;
  };
}

/** The API never answers: the connection is held for `hangMs`, then dropped without a response. */
export interface HangTurn {
  hangMs: number;
}

/** One scripted answer of the agent conversation. */
export type Turn = TextTurn | ToolUseTurn | ErrorTurn | HangTurn;

/**
 * The agent conversation's script: turns in order (past the end the last one repeats, so a lone error
 * turn answers every retry), or a function of the request and its index among agent requests (retries
 * and non-streaming fallbacks included).
 */
export type Script = Turn[] | ((request: MessagesRequest, index: number) => Turn);

/**
 * What a request was: a turn of the agent conversation (`tools` present), a side request (no tools:
 * titles, quota probes…), a token count, a reachability probe (`HEAD`), or anything else.
 */
export type RequestKind = "agent" | "side" | "count_tokens" | "probe" | "unknown";

/** One request the stand-in received. */
export interface AnthropicRequestLogEntry {
  method: string;
  path: string;
  /** The query string including `?`, e.g. `?beta=true`; empty when there is none. */
  search: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body; the raw text when it was not JSON; undefined when empty. */
  body: unknown;
  kind: RequestKind;
  /** Index among agent requests, for `kind: "agent"`. */
  turnIndex?: number;
  /** Status answered; undefined while a hang turn holds the request. */
  status?: number;
}

/** A running stand-in. */
export interface AnthropicStandIn {
  /** For `ANTHROPIC_BASE_URL`. */
  url: string;
  /** Every request in arrival order. */
  readonly requests: readonly AnthropicRequestLogEntry[];
  close(): Promise<void>;
}
