/**
 * Renders scripted turns as the Responses API does for `stream: true`: server-sent events, each an
 * `event: <type>` line and a `data:` JSON object carrying the same `type` and a `sequence_number`.
 *
 * Shapes follow OpenAI's documented Responses streaming events (`response.created`,
 * `response.in_progress`, `response.output_item.added` / `.done`, `response.content_part.added` /
 * `.done`, `response.output_text.delta` / `.done`, `response.function_call_arguments.delta` / `.done`,
 * `response.custom_tool_call_input.delta` / `.done`, `response.completed` with `usage`,
 * `response.failed` with `error`) and its error body `{"error":{message, type, param, code}}`; they
 * were checked against what `codex exec` 0.169.0 accepts.
 */
import { randomBytes } from "node:crypto";
import type {
  CustomToolCallTurn,
  FunctionCallTurn,
  InputItem,
  ResponsesRequest,
  TextTurn,
  TurnUsage,
} from "./types.js";

const ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** An id like the API's: `resp_`, `msg_`, `fc_`, `ctc_` + 48 hex digits; `call_` + 24 letters and digits; `req_` + 32 hex. */
export function apiId(prefix: "resp" | "msg" | "fc" | "ctc" | "call" | "req"): string {
  if (prefix === "call") return `call_${Array.from(randomBytes(24), (b) => ALNUM[b % 62]).join("")}`;
  return `${prefix}_${randomBytes(prefix === "req" ? 16 : 24).toString("hex")}`;
}

/** An output item of a response. */
export type OutputItem =
  | {
      id: string;
      type: "message";
      status: "completed";
      role: "assistant";
      content: Array<{ type: "output_text"; text: string; annotations: [] }>;
    }
  | {
      id: string;
      type: "function_call";
      status: "completed";
      call_id: string;
      name: string;
      arguments: string;
    }
  | {
      id: string;
      type: "custom_tool_call";
      status: "completed";
      call_id: string;
      name: string;
      input: string;
    };

/** The `usage` of a completed response. */
export interface ResponseUsage {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

/** A response object as `response.created` / `response.completed` carry it. */
export interface ResponseObject {
  id: string;
  object: "response";
  created_at: number;
  status: "in_progress" | "completed" | "failed";
  error: { code: string; message: string } | null;
  incomplete_details: null;
  model: string;
  output: OutputItem[];
  parallel_tool_calls: boolean;
  tool_choice: unknown;
  store: boolean;
  usage: ResponseUsage | null;
  metadata: Record<string, string>;
}

/** Rough token count: about four characters per token, never zero. */
const estimateTokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

function usageOf(
  request: ResponsesRequest,
  output: OutputItem[],
  usage: TurnUsage | undefined,
): ResponseUsage {
  const input = usage?.input_tokens ?? estimateTokens(JSON.stringify(request.input));
  const out = usage?.output_tokens ?? estimateTokens(JSON.stringify(output));
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: usage?.cached_tokens ?? 0 },
    output_tokens: out,
    output_tokens_details: { reasoning_tokens: usage?.reasoning_tokens ?? 0 },
    total_tokens: input + out,
  };
}

/** The response object at its start: in progress, no output, no usage. */
export function startedResponse(request: ResponsesRequest): ResponseObject {
  return {
    id: apiId("resp"),
    object: "response",
    created_at: Math.floor(Date.now() / 1000),
    status: "in_progress",
    error: null,
    incomplete_details: null,
    model: request.model,
    output: [],
    parallel_tool_calls: request.parallel_tool_calls === true,
    tool_choice: request.tool_choice ?? "auto",
    store: request.store === true,
    usage: null,
    metadata: {},
  };
}

/** The output items a text or tool-call turn stands for: optional message text, then the call. */
export function outputItems(turn: TextTurn | FunctionCallTurn | CustomToolCallTurn): OutputItem[] {
  const items: OutputItem[] = [];
  if (turn.text) {
    items.push({
      id: apiId("msg"),
      type: "message",
      status: "completed",
      role: "assistant",
      content: [{ type: "output_text", text: turn.text, annotations: [] }],
    });
  }
  if ("functionCall" in turn) {
    const call = turn.functionCall;
    items.push({
      id: apiId("fc"),
      type: "function_call",
      status: "completed",
      call_id: call.callId ?? apiId("call"),
      name: call.name,
      arguments: JSON.stringify(call.arguments),
    });
  }
  if ("customToolCall" in turn) {
    const call = turn.customToolCall;
    items.push({
      id: apiId("ctc"),
      type: "custom_tool_call",
      status: "completed",
      call_id: call.callId ?? apiId("call"),
      name: call.name,
      input: call.input,
    });
  }
  return items;
}

/** Splits a string into a few pieces, as the API streams text and arguments in fragments. */
function fragments(text: string, size = 16): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += size) pieces.push(text.slice(at, at + size));
  return pieces;
}

/** Numbers events in order, as the API's `sequence_number` does. */
class EventWriter {
  readonly events: string[] = [];
  private sequence = 0;
  add(type: string, data: Record<string, unknown>): void {
    const payload = { type, sequence_number: this.sequence++, ...data };
    this.events.push(`event: ${type}\ndata: ${JSON.stringify(payload)}\n\n`);
  }
}

/** The in-progress form of an item, as `response.output_item.added` carries it. */
function addedItem(item: OutputItem): Record<string, unknown> {
  if (item.type === "message") return { ...item, status: "in_progress", content: [] };
  if (item.type === "function_call") return { ...item, status: "in_progress", arguments: "" };
  return { ...item, status: "in_progress", input: "" };
}

function itemEvents(writer: EventWriter, item: OutputItem, output_index: number): void {
  writer.add("response.output_item.added", { output_index, item: addedItem(item) });
  const item_id = item.id;
  if (item.type === "message") {
    item.content.forEach((part, content_index) => {
      const at = { item_id, output_index, content_index };
      writer.add("response.content_part.added", { ...at, part: { ...part, text: "" } });
      for (const delta of fragments(part.text)) writer.add("response.output_text.delta", { ...at, delta });
      writer.add("response.output_text.done", { ...at, text: part.text });
      writer.add("response.content_part.done", { ...at, part });
    });
  } else if (item.type === "function_call") {
    for (const delta of fragments(item.arguments)) {
      writer.add("response.function_call_arguments.delta", { item_id, output_index, delta });
    }
    writer.add("response.function_call_arguments.done", { item_id, output_index, arguments: item.arguments });
  } else {
    for (const delta of fragments(item.input)) {
      writer.add("response.custom_tool_call_input.delta", { item_id, output_index, delta });
    }
    writer.add("response.custom_tool_call_input.done", { item_id, output_index, input: item.input });
  }
  writer.add("response.output_item.done", { output_index, item });
}

/** The event stream of a successful turn, one string per event, ending with `response.completed`. */
export function streamEvents(
  request: ResponsesRequest,
  turn: TextTurn | FunctionCallTurn | CustomToolCallTurn,
): string[] {
  const writer = new EventWriter();
  const response = startedResponse(request);
  writer.add("response.created", { response });
  writer.add("response.in_progress", { response });
  const output = outputItems(turn);
  output.forEach((item, index) => itemEvents(writer, item, index));
  const usage = usageOf(request, output, turn.usage);
  writer.add("response.completed", { response: { ...response, status: "completed", output, usage } });
  return writer.events;
}

/** A stream that starts and then fails in-band, as the API reports errors after the 200. */
export function failedStreamEvents(
  request: ResponsesRequest,
  error: { code: string; message: string },
): string[] {
  const writer = new EventWriter();
  const response = startedResponse(request);
  writer.add("response.created", { response });
  writer.add("response.in_progress", { response });
  writer.add("response.failed", { response: { ...response, status: "failed", error } });
  return writer.events;
}

/** The API's error body. */
export function errorBody(error: {
  type: string;
  message: string;
  code?: string | null;
  param?: string | null;
}): string {
  return JSON.stringify({
    error: { message: error.message, type: error.type, param: error.param ?? null, code: error.code ?? null },
  });
}

const inputItems = (request: ResponsesRequest): InputItem[] =>
  typeof request.input === "string"
    ? [{ type: "message", role: "user", content: request.input }]
    : request.input;

const itemText = (item: InputItem): string[] =>
  typeof item.content === "string" ? [item.content] : (item.content ?? []).map((part) => part.text ?? "");

/** All text the user role said in a request (environment context and prompt), for assertions. */
export function userText(request: ResponsesRequest): string {
  return inputItems(request)
    .filter((item) => (item.type ?? "message") === "message" && item.role === "user")
    .flatMap(itemText)
    .join("\n");
}

/** The outputs of tool calls the client sends back (`function_call_output`, `custom_tool_call_output`). */
export function toolOutputs(
  request: ResponsesRequest,
): Array<{ type: string; call_id: string; output: unknown }> {
  return inputItems(request)
    .filter((item) => item.type === "function_call_output" || item.type === "custom_tool_call_output")
    .map((item) => ({ type: item.type as string, call_id: String(item.call_id), output: item.output }));
}
