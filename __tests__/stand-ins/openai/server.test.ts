/**
 * The Responses API stand-in's wire shapes, checked with plain `fetch`: streamed text and tool calls,
 * scripted errors and in-band failures, authentication, routing and the request log.
 */
import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import {
  startOpenAIStandIn,
  toolOutputs,
  userText,
  type OpenAIStandIn,
  type ResponsesRequest,
} from "./server.js";

let standIn: OpenAIStandIn;

afterEach(async () => {
  await standIn.close();
});

const KEY = "sk-test-key";

function post(body: Partial<ResponsesRequest> | string, headers: Record<string, string> = {}) {
  return fetch(`${standIn.baseUrl}/responses`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${KEY}`, ...headers },
    body:
      typeof body === "string"
        ? body
        : JSON.stringify({
            model: "gpt-test",
            stream: true,
            input: [{ type: "message", role: "user", content: [{ type: "input_text", text: "Hi" }] }],
            ...body,
          }),
  });
}

type Event = Record<string, unknown> & { type: string; sequence_number: number };

/** Parses an SSE body into its `data` objects, checking each `event:` line names the data's type. */
async function events(response: Response): Promise<Event[]> {
  const text = await response.text();
  expect(text.endsWith("\n\n")).toBe(true);
  return text
    .split("\n\n")
    .filter((chunk) => chunk.trim() !== "")
    .map((chunk) => {
      const [eventLine, dataLine, extra] = chunk.split("\n");
      expect(extra).toBeUndefined();
      const data = JSON.parse(dataLine?.replace(/^data: /, "") ?? "{}") as Event;
      expect(eventLine).toBe(`event: ${data.type}`);
      return data;
    });
}

const joined = (data: Event[], type: string) =>
  data
    .filter((d) => d.type === type)
    .map((d) => d.delta)
    .join("");

describe("OpenAI Responses API stand-in", () => {
  it("streams a text turn as response.created … output_text deltas … response.completed with usage", async () => {
    const text = "Hello there, this answer is long enough to come in several deltas.";
    standIn = await startOpenAIStandIn({ script: [{ text }] });
    const response = await post({});
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("x-request-id")).toMatch(/^req_[0-9a-f]{32}$/);
    const data = await events(response);
    expect(data.map((d) => d.sequence_number)).toEqual(data.map((_, i) => i));
    const types = [...new Set(data.map((d) => d.type))];
    expect(types).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.content_part.added",
      "response.output_text.delta",
      "response.output_text.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.completed",
    ]);
    expect(joined(data, "response.output_text.delta")).toBe(text);
    expect(data.filter((d) => d.type === "response.output_text.delta").length).toBeGreaterThan(1);
    const created = data[0]?.response as Record<string, unknown>;
    expect(created).toMatchObject({
      id: expect.stringMatching(/^resp_[0-9a-f]{48}$/),
      object: "response",
      status: "in_progress",
      model: "gpt-test",
      output: [],
      usage: null,
    });
    const completed = data.at(-1)?.response as Record<string, unknown>;
    expect(completed).toMatchObject({
      id: created.id,
      status: "completed",
      output: [
        {
          id: expect.stringMatching(/^msg_/),
          type: "message",
          status: "completed",
          role: "assistant",
          content: [{ type: "output_text", text, annotations: [] }],
        },
      ],
      usage: {
        input_tokens: expect.any(Number),
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: expect.any(Number),
        output_tokens_details: { reasoning_tokens: 0 },
      },
    });
    const usage = completed.usage as { input_tokens: number; output_tokens: number; total_tokens: number };
    expect(usage.total_tokens).toBe(usage.input_tokens + usage.output_tokens);
  });

  it("streams function and custom tool calls whose deltas reassemble to the scripted input", async () => {
    const args = { cmd: "printf 'a fairly long command line' > out.txt", workdir: "/repo" };
    standIn = await startOpenAIStandIn({
      script: [
        {
          text: "Running it.",
          functionCall: { name: "exec_command", arguments: args, callId: "call_1" },
          usage: { input_tokens: 100, cached_tokens: 40, output_tokens: 7, reasoning_tokens: 3 },
        },
        { customToolCall: { name: "apply_patch", input: "*** Begin Patch\n*** End Patch\n" } },
      ],
    });
    const first = await events(await post({}));
    expect(first.filter((d) => d.type === "response.output_item.added").map((d) => d.item)).toEqual([
      expect.objectContaining({ type: "message", status: "in_progress", content: [] }),
      expect.objectContaining({
        type: "function_call",
        status: "in_progress",
        arguments: "",
        call_id: "call_1",
      }),
    ]);
    expect(JSON.parse(joined(first, "response.function_call_arguments.delta"))).toEqual(args);
    const done = first.find((d) => d.type === "response.function_call_arguments.done");
    expect(done).toMatchObject({ output_index: 1, arguments: JSON.stringify(args) });
    const completed = first.at(-1)?.response as { output: unknown[]; usage: unknown };
    expect(completed.output[1]).toEqual({
      id: expect.stringMatching(/^fc_[0-9a-f]{48}$/),
      type: "function_call",
      status: "completed",
      call_id: "call_1",
      name: "exec_command",
      arguments: JSON.stringify(args),
    });
    expect(completed.usage).toEqual({
      input_tokens: 100,
      input_tokens_details: { cached_tokens: 40 },
      output_tokens: 7,
      output_tokens_details: { reasoning_tokens: 3 },
      total_tokens: 107,
    });

    const second = await events(await post({}));
    expect(joined(second, "response.custom_tool_call_input.delta")).toBe("*** Begin Patch\n*** End Patch\n");
    expect((second.at(-1)?.response as { output: unknown[] }).output).toEqual([
      {
        id: expect.stringMatching(/^ctc_/),
        type: "custom_tool_call",
        status: "completed",
        call_id: expect.stringMatching(/^call_[0-9A-Za-z]{24}$/),
        name: "apply_patch",
        input: "*** Begin Patch\n*** End Patch\n",
      },
    ]);
  });

  it("answers scripted API errors with the API's error body, and in-band failures with response.failed", async () => {
    standIn = await startOpenAIStandIn({
      script: [
        {
          error: {
            status: 429,
            type: "rate_limit_error",
            message: "Slow down.",
            code: "rate_limit_exceeded",
          },
        },
        { failed: { code: "server_error", message: "The model crashed." } },
      ],
    });
    const refused = await post({});
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toBe("application/json");
    expect(await refused.json()).toEqual({
      error: { message: "Slow down.", type: "rate_limit_error", param: null, code: "rate_limit_exceeded" },
    });
    const failed = await post({});
    expect(failed.status).toBe(200);
    const data = await events(failed);
    expect(data.map((d) => d.type)).toEqual(["response.created", "response.in_progress", "response.failed"]);
    expect(data[2]?.response).toMatchObject({
      status: "failed",
      error: { code: "server_error", message: "The model crashed." },
    });
    // Past the end of the script the last turn repeats.
    expect((await post({})).status).toBe(200);
    expect(standIn.requests.map((r) => [r.turnIndex, r.status])).toEqual([
      [0, 429],
      [1, 200],
      [2, 200],
    ]);
  });

  it("lets a script function choose turns from the request, and reports its exceptions as 500", async () => {
    standIn = await startOpenAIStandIn({
      script: (req, index) => {
        if (index > 0) throw new Error("no more turns");
        return { text: `You said: ${userText(req)}` };
      },
    });
    const data = await events(await post({}));
    expect(
      (data.at(-1)?.response as { output: Array<{ content: Array<{ text: string }> }> }).output[0]?.content[0]
        ?.text,
    ).toBe("You said: Hi");
    const broken = await post({});
    expect(broken.status).toBe(500);
    expect(await broken.json()).toMatchObject({
      error: { type: "server_error", message: "script failed: Error: no more turns" },
    });
  });

  it("checks the bearer key as the API does: missing or wrong keys get 401 and consume no turn", async () => {
    standIn = await startOpenAIStandIn({ apiKey: KEY, script: [{ text: "ok" }] });
    const missing = await post({}, { authorization: "" });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({
      error: {
        type: "invalid_request_error",
        code: null,
        message: expect.stringContaining("didn't provide"),
      },
    });
    const wrong = await post({}, { authorization: "Bearer sk-wrong" });
    expect(await wrong.json()).toMatchObject({ error: { code: "invalid_api_key" } });
    expect((await post({})).status).toBe(200);
    expect(standIn.requests.map((r) => `${r.kind} ${r.auth} ${r.status} ${r.turnIndex}`)).toEqual([
      "agent missing 401 undefined",
      "agent rejected 401 undefined",
      "agent accepted 200 0",
    ]);
    // The log never holds the key itself.
    expect(JSON.stringify(standIn.requests)).not.toContain(KEY);
    expect(standIn.requests[2]?.headers.authorization).toBe("<redacted>");
  });

  it("refuses non-streaming and malformed requests, unknown routes and WebSocket upgrades", async () => {
    standIn = await startOpenAIStandIn({ script: [{ text: "ok" }] });
    const unstreamed = await post({ stream: false });
    expect(unstreamed.status).toBe(400);
    expect(await unstreamed.json()).toMatchObject({ error: { param: "stream" } });
    expect((await post("not json")).status).toBe(400);
    const unknown = await fetch(`${standIn.baseUrl}/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}` },
      body: "{}",
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      error: { message: "Invalid URL (POST /v1/chat/completions)" },
    });

    const upgrade = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(`${standIn.baseUrl}/responses`, {
        headers: { connection: "Upgrade", upgrade: "websocket", "sec-websocket-version": "13" },
      });
      req.on("response", (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on("upgrade", () => reject(new Error("upgraded")));
      req.on("error", reject);
      req.end();
    });
    expect(upgrade).toBe(404);
    expect(standIn.requests.map((r) => `${r.method} ${r.path} ${r.kind} ${r.status}`)).toEqual([
      "POST /v1/responses agent 400",
      "POST /v1/responses agent 400",
      "POST /v1/chat/completions unknown 404",
      "GET /v1/responses websocket 404",
    ]);
    // A refused request consumes no turn; the one non-streamed request that reached the script did.
    expect(standIn.requests.map((r) => r.turnIndex)).toEqual([0, undefined, undefined, undefined]);
  });

  it("lists the models it was asked for and logs bodies and tool outputs", async () => {
    standIn = await startOpenAIStandIn({ script: [{ text: "ok" }] });
    const input = [
      { type: "message", role: "user", content: "Do it." },
      { type: "function_call_output", call_id: "call_9", output: "done" },
    ];
    await (await post({ model: "gpt-5-codex", input })).text();
    const models = await fetch(`${standIn.baseUrl}/models`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(await models.json()).toEqual({
      object: "list",
      data: [{ id: "gpt-5-codex", object: "model", created: 1_700_000_000, owned_by: "system" }],
    });
    const body = standIn.requests[0]?.body as ResponsesRequest;
    expect(body.model).toBe("gpt-5-codex");
    expect(userText(body)).toBe("Do it.");
    expect(toolOutputs(body)).toEqual([{ type: "function_call_output", call_id: "call_9", output: "done" }]);
    expect(standIn.requests[1]).toMatchObject({
      method: "GET",
      path: "/v1/models",
      kind: "models",
      status: 200,
    });
  });

  it("holds a hang turn's connection without answering, then drops it", async () => {
    standIn = await startOpenAIStandIn({ script: [{ hangMs: 300 }] });
    const started = Date.now();
    await expect(post({})).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(standIn.requests[0]?.status).toBeUndefined();
  });
});
