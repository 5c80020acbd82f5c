/**
 * Public types of the OpenAI Responses API stand-in: the requests it receives, the scripted turns it
 * answers the agent conversation with, and its request log.
 */
import type { IncomingHttpHeaders } from "node:http";

/**
 * An input item of a request (`message`, `function_call`, `function_call_output`,
 * `custom_tool_call_output`, …). Codex 0.169.0 also sends its tools as a first `additional_tools` item
 * (role `developer`, `tools: ToolDeclaration[]`) rather than in the request's `tools`; it runs calls of
 * `exec_command` and `apply_patch` whether or not they were declared.
 */
export interface InputItem {
  type?: string;
  role?: string;
  /** A string, or parts such as `{ type: "input_text", text }`. */
  content?: string | Array<{ type: string; text?: string; [key: string]: unknown }>;
  call_id?: string;
  output?: unknown;
  [key: string]: unknown;
}

/** A tool the client declares: `function`, `custom` (freeform), `namespace`, `web_search`, … */
export interface ToolDeclaration {
  type: string;
  name?: string;
  description?: string;
  parameters?: unknown;
  tools?: ToolDeclaration[];
  [key: string]: unknown;
}

/** A `POST /v1/responses` body, as `codex exec` sends it (only the fields looked at are typed). */
export interface ResponsesRequest {
  model: string;
  /** Codex always sends a list of items; the API also accepts a plain string. */
  input: string | InputItem[];
  instructions?: string;
  tools?: ToolDeclaration[];
  stream?: boolean;
  [key: string]: unknown;
}

/** Token counts to report; by default estimated as characters / 4 of the request and the answer. */
export interface TurnUsage {
  input_tokens?: number;
  /** Part of input_tokens served from the prompt cache (`input_tokens_details.cached_tokens`). */
  cached_tokens?: number;
  output_tokens?: number;
  /** Part of output_tokens spent on reasoning (`output_tokens_details.reasoning_tokens`). */
  reasoning_tokens?: number;
}

/** The model answers with an assistant message and the response completes. */
export interface TextTurn {
  text: string;
  usage?: TurnUsage;
}

/** A call of a `function` tool; `arguments` is sent as the JSON string the API streams. */
export interface ScriptedFunctionCall {
  name: string;
  arguments: Record<string, unknown>;
  /** @default a fresh `call_…` id */
  callId?: string;
}

/** A call of a freeform (`custom`) tool: its raw text input, e.g. a patch for `apply_patch`. */
export interface ScriptedCustomToolCall {
  name: string;
  input: string;
  /** @default a fresh `call_…` id */
  callId?: string;
}

/** The model calls a function tool (after optional text); the client runs it and sends the output back. */
export interface FunctionCallTurn {
  functionCall: ScriptedFunctionCall;
  text?: string;
  usage?: TurnUsage;
}

/** The model calls a freeform tool (after optional text). */
export interface CustomToolCallTurn {
  customToolCall: ScriptedCustomToolCall;
  text?: string;
  usage?: TurnUsage;
}

/** The API refuses the request with `{"error":{message, type, param, code}}` and an HTTP status. */
export interface ErrorTurn {
  error: {
    /** e.g. 400 invalid_request_error, 401 invalid_request_error/invalid_api_key, 429, 500 server_error. */
    status: number;
    type: string;
    message: string;
    /** @default null */
    code?: string | null;
    /** @default null */
    param?: string | null;
  };
}

/** The stream starts (200, `response.created`) and then ends with `response.failed`. */
export interface FailedTurn {
  failed: { code: string; message: string };
}

/** The API never answers: the connection is held for `hangMs`, then dropped without a response. */
export interface HangTurn {
  hangMs: number;
}

/** One scripted answer of the agent conversation. */
export type Turn = TextTurn | FunctionCallTurn | CustomToolCallTurn | ErrorTurn | FailedTurn | HangTurn;

/**
 * The agent conversation's script: turns in order (past the end the last one repeats, so a lone error
 * turn answers every retry), or a function of the request and its index among agent requests (retries
 * included).
 */
export type Script = Turn[] | ((request: ResponsesRequest, index: number) => Turn);

/**
 * What a request was: a turn of the agent conversation (`POST /v1/responses`), the model list
 * (`GET /v1/models`), a refused WebSocket upgrade, or anything else (answered 404).
 */
export type RequestKind = "agent" | "models" | "websocket" | "unknown";

/** One request the stand-in received. */
export interface OpenAIRequestLogEntry {
  method: string;
  path: string;
  /** The query string including `?`; empty when there is none. */
  search: string;
  /** The request headers, with the `authorization` value replaced by `<redacted>` when present. */
  headers: IncomingHttpHeaders;
  /** What the `authorization: Bearer <key>` header held, judged against the stand-in's `apiKey`. */
  auth: "missing" | "accepted" | "rejected";
  /** Parsed JSON body; the raw text when it was not JSON; undefined when empty. */
  body: unknown;
  kind: RequestKind;
  /**
   * Index among the agent requests that reached the script (retries included), for `kind: "agent"`;
   * absent when the request was refused before (bad key, malformed body).
   */
  turnIndex?: number;
  /** Status answered; undefined while a hang turn holds the request. */
  status?: number;
}

/** How to start a stand-in. */
export interface OpenAIStandInOptions {
  script: Script;
  /**
   * The only API key accepted; other bearer tokens get 401 `invalid_api_key` as the real API answers.
   * @default any non-empty key is accepted
   */
  apiKey?: string;
}

/** A running stand-in. */
export interface OpenAIStandIn {
  /** The origin, `http://127.0.0.1:<port>`. */
  url: string;
  /** The base URL clients take (`openai_base_url`, a provider's `base_url`): `<url>/v1`. */
  baseUrl: string;
  /** Every request in arrival order. */
  readonly requests: readonly OpenAIRequestLogEntry[];
  close(): Promise<void>;
}
