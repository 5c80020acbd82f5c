/**
 * The Messages API stand-in's wire shapes, checked with plain `fetch`: JSON and SSE answers, routing of
 * agent and side requests, scripted errors, probes and the request log.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startAnthropicStandIn, type AnthropicStandIn, type MessagesRequest } from "./server.js";

let standIn: AnthropicStandIn;

afterEach(async () => {
  await standIn.close();
});

const TOOLS = [{ name: "Write", input_schema: { type: "object" } }];

function post(body: Partial<MessagesRequest>, headers: Record<string, string> = {}) {
  return fetch(`${standIn.url}/v1/messages?beta=true`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-api-key": "sk-ant-dummy",
      "anthropic-version": "2023-06-01",
      ...headers,
    },
    body: JSON.stringify({ model: "claude-test", max_tokens: 1024, messages: [], ...body }),
  });
}

/** Parses an SSE body into its `data` objects. */
async function events(response: Response): Promise<Array<Record<string, unknown>>> {
  const text = await response.text();
  return text
    .split("\n\n")
    .filter((chunk) => chunk.trim() !== "")
    .map((chunk) => {
      const [eventLine, dataLine] = chunk.split("\n");
      const data = JSON.parse(dataLine?.replace(/^data: /, "") ?? "{}") as Record<string, unknown>;
      expect(eventLine).toBe(`event: ${String(data.type)}`);
      return data;
    });
}

describe("Anthropic Messages API stand-in", () => {
  it("answers a non-streaming agent request with a tool_use message", async () => {
    standIn = await startAnthropicStandIn([{ toolUse: { name: "Write", input: { file_path: "/x" } } }]);
    const response = await post({ tools: TOOLS });
    expect(response.headers.get("request-id")).toMatch(/^req_01/);
    expect(await response.json()).toEqual({
      id: expect.stringMatching(/^msg_01[0-9A-Za-z]{22}$/),
      type: "message",
      role: "assistant",
      model: "claude-test",
      content: [
        {
          type: "tool_use",
          id: expect.stringMatching(/^toolu_01/),
          name: "Write",
          input: { file_path: "/x" },
        },
      ],
      stop_reason: "tool_use",
      stop_sequence: null,
      usage: expect.objectContaining({ input_tokens: expect.any(Number), output_tokens: expect.any(Number) }),
    });
  });

  it("streams text and tool input as SSE deltas that reassemble to the scripted turn", async () => {
    const input = { file_path: "/tmp/a.txt", content: "a fairly long piece of content to split" };
    standIn = await startAnthropicStandIn([
      { text: "Writing the file now.", toolUse: { name: "Write", input } },
    ]);
    const response = await post({ tools: TOOLS, stream: true });
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const data = await events(response);
    const types = data.map((d) => d.type);
    expect(types.slice(0, 3)).toEqual(["message_start", "ping", "content_block_start"]);
    expect(types.slice(-2)).toEqual(["message_delta", "message_stop"]);
    const deltas = data.filter((d) => d.type === "content_block_delta") as Array<{
      index: number;
      delta: { type: string; text?: string; partial_json?: string };
    }>;
    expect(
      deltas
        .filter((d) => d.index === 0)
        .map((d) => d.delta.text)
        .join(""),
    ).toBe("Writing the file now.");
    const json = deltas
      .filter((d) => d.index === 1)
      .map((d) => d.delta.partial_json)
      .join("");
    expect(JSON.parse(json)).toEqual(input);
    expect(data.at(-2)).toMatchObject({
      delta: { stop_reason: "tool_use" },
      usage: { output_tokens: expect.any(Number) },
    });
  });

  it("answers side requests without consuming turns, and repeats the last turn past the end", async () => {
    standIn = await startAnthropicStandIn([{ text: "first" }, { text: "last" }]);
    const side = (await (await post({ max_tokens: 1 })).json()) as { content: unknown };
    expect(side.content).toEqual([{ type: "text", text: "OK" }]);
    const texts = [];
    for (let i = 0; i < 3; i++) {
      const answer = (await (await post({ tools: TOOLS })).json()) as { content: Array<{ text: string }> };
      texts.push(answer.content[0]?.text);
    }
    expect(texts).toEqual(["first", "last", "last"]);
    expect(standIn.requests.map((r) => [r.kind, r.turnIndex])).toEqual([
      ["side", undefined],
      ["agent", 0],
      ["agent", 1],
      ["agent", 2],
    ]);
  });

  it("answers scripted errors with the API's error body and retry-after", async () => {
    standIn = await startAnthropicStandIn(() => ({
      error: { status: 429, type: "rate_limit_error", message: "slow down", retryAfterSeconds: 7 },
    }));
    const response = await post({ tools: TOOLS, stream: true });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(await response.json()).toEqual({
      type: "error",
      error: { type: "rate_limit_error", message: "slow down" },
      request_id: expect.stringMatching(/^req_01/),
    });
  });

  it("answers probes with 200, refuses unauthenticated calls and logs unknown paths", async () => {
    standIn = await startAnthropicStandIn([{ text: "unused" }]);
    expect((await fetch(`${standIn.url}/api/hello`, { method: "HEAD" })).status).toBe(200);
    expect((await fetch(`${standIn.url}/`, { method: "HEAD" })).status).toBe(200);
    expect((await post({ tools: TOOLS }, { "x-api-key": "" })).status).toBe(401);
    expect((await fetch(`${standIn.url}/v1/nope`)).status).toBe(404);
    expect(standIn.requests.map((r) => `${r.method} ${r.path} ${r.kind} ${r.status}`)).toEqual([
      "HEAD /api/hello probe 200",
      "HEAD / probe 200",
      "POST /v1/messages unknown 401",
      "GET /v1/nope unknown 404",
    ]);
  });
});
