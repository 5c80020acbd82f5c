import { describe, expect, it } from "vitest";
import { createUsageMeter } from "./model-usage.js";

const sse = (type: string, data: Record<string, unknown>) =>
  `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;

/** Feeds `text` to a meter in pieces of `size` bytes, splitting events and UTF-8 characters. */
function meter(provider: "anthropic" | "openai", contentType: string, text: string, size = 7) {
  const usageMeter = createUsageMeter(provider, contentType);
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += size) usageMeter.push(bytes.subarray(at, at + size));
  return usageMeter.finish();
}

describe("usage of Anthropic answers", () => {
  const stream = [
    sse("message_start", {
      message: {
        model: "claude-sonnet-4-5-20250929",
        usage: {
          input_tokens: 12,
          cache_read_input_tokens: 300,
          cache_creation_input_tokens: 50,
          cache_creation: { ephemeral_5m_input_tokens: 30, ephemeral_1h_input_tokens: 20 },
          output_tokens: 1,
        },
      },
    }),
    sse("content_block_delta", { index: 0, delta: { type: "text_delta", text: "héllo — ünïcode" } }),
    sse("message_delta", { delta: { stop_reason: "end_turn" }, usage: { output_tokens: 42 } }),
    sse("message_stop", {}),
  ].join("");

  it("reads message_start and the cumulative message_delta of a stream cut at any byte", () => {
    expect(meter("anthropic", "text/event-stream; charset=utf-8", stream)).toEqual({
      model: "claude-sonnet-4-5-20250929",
      input: 12,
      output: 42,
      cacheRead: 300,
      cacheWrite5m: 30,
      cacheWrite1h: 20,
    });
    expect(meter("anthropic", "text/event-stream", stream.replaceAll("\n", "\r\n"), 1).output).toBe(42);
  });

  it("keeps what message_start announced when the stream is cut before message_delta", () => {
    const cut = stream.slice(0, stream.indexOf("event: message_delta") + 25);
    expect(meter("anthropic", "text/event-stream", cut)).toMatchObject({ input: 12, output: 1 });
  });

  it("reads a JSON message, and nothing from a token count or an error", () => {
    const message = {
      type: "message",
      model: "claude-haiku-4-5",
      usage: { input_tokens: 5, output_tokens: 6 },
    };
    expect(meter("anthropic", "application/json", JSON.stringify(message))).toMatchObject({
      model: "claude-haiku-4-5",
      input: 5,
      output: 6,
      cacheWrite5m: 0,
    });
    expect(meter("anthropic", "application/json", '{"input_tokens":999}')).toMatchObject({
      model: null,
      input: 0,
    });
    expect(meter("anthropic", "application/json", "not json")).toMatchObject({ input: 0, output: 0 });
  });
});

describe("usage of OpenAI answers", () => {
  const response = (usage: unknown) => ({ id: "resp_1", model: "gpt-5", usage });
  const usage = { input_tokens: 1000, input_tokens_details: { cached_tokens: 400 }, output_tokens: 70 };

  it("reads response.completed, counting cached input apart", () => {
    const stream = [
      sse("response.created", { response: response(null) }),
      sse("response.output_text.delta", { delta: "hi" }),
      sse("response.completed", { response: response(usage) }),
    ].join("");
    expect(meter("openai", "text/event-stream", stream)).toEqual({
      model: "gpt-5",
      input: 600,
      output: 70,
      cacheRead: 400,
      cacheWrite5m: 0,
      cacheWrite1h: 0,
    });
  });

  it("reads the usage a failed or incomplete response still reports, and a JSON response", () => {
    const failed = sse("response.incomplete", { response: response({ input_tokens: 10, output_tokens: 3 }) });
    expect(meter("openai", "text/event-stream", failed)).toMatchObject({
      input: 10,
      output: 3,
      cacheRead: 0,
    });
    expect(meter("openai", "application/json", JSON.stringify(response(usage)))).toMatchObject({
      input: 600,
      cacheRead: 400,
    });
  });

  it("joins an event's data: lines with newlines, and reads a last event without a trailing blank line", () => {
    const payload = JSON.stringify({ type: "response.completed", response: response(usage) });
    const atComma = payload.indexOf(",") + 1;
    const multiLine = `event: response.completed\ndata: ${payload.slice(0, atComma)}\ndata: ${payload.slice(atComma)}`;
    expect(meter("openai", "text/event-stream", multiLine)).toMatchObject({ input: 600, output: 70 });
  });
});
