/**
 * The model proxy's streaming and accounting over real loopback sockets: an event reaches the client
 * while the upstream still holds the rest of the response, usage read from SSE and JSON answers adds up
 * to a budget that then refuses further calls, the OpenAI Responses stream passes with the real key,
 * and neither the key nor the placeholder ever appears in a log line or an answer.
 */
import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startAnthropicStandIn } from "../../__tests__/stand-ins/anthropic/server.js";
import { startOpenAIStandIn } from "../../__tests__/stand-ins/openai/server.js";
import { startModelProxy, type ModelProxy, type ModelProxyOptions } from "./model-proxy.js";

const API_KEY = "sk-ant-api03-REAL-KEY-that-only-the-action-holds";
const OPENAI_KEY = "sk-proj-REAL-openai-key-that-only-the-action-holds";

const cleanups: Array<() => Promise<void>> = [];
let logLines: string[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  logLines = [];
});

async function proxyFor(options: Omit<ModelProxyOptions, "log">): Promise<ModelProxy> {
  const proxy = await startModelProxy({ ...options, log: (line) => logLines.push(line) });
  cleanups.push(() => proxy.close());
  return proxy;
}

/** Fails with `message` if `promise` has not settled within a generous bound (never a pacing device). */
function within<T>(promise: Promise<T>, message: string, ms = 20_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, bound]).finally(() => clearTimeout(timer));
}

/** One POST; `onChunk` sees the response body as it arrives. */
function post(
  url: string,
  path: string,
  headers: Record<string, string>,
  body: unknown,
  onChunk: (textSoFar: string) => void = () => undefined,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: "POST",
      path,
      headers: { "content-type": "application/json", ...headers },
    });
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
        onChunk(text);
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

const anthropicHeaders = (key: string) => ({ "x-api-key": key, "anthropic-version": "2023-06-01" });
const TOOLS = [{ name: "Write", input_schema: { type: "object" } }];
const message = (stream: boolean) => ({
  model: "claude-sonnet-4-5",
  max_tokens: 64,
  stream,
  tools: TOOLS,
  messages: [{ role: "user", content: "hi" }],
});

describe("model proxy streaming and budget", () => {
  it("delivers an event to the client while the upstream is still holding back the rest", async () => {
    const first =
      'event: message_start\ndata: {"type":"message_start","message":{"model":"claude-sonnet-4-5"}}\n\n';
    const rest = 'event: message_stop\ndata: {"type":"message_stop"}\n\n';
    let clientSawFirst!: () => void;
    const firstArrived = new Promise<void>((resolve) => (clientSawFirst = resolve));
    let sawHeaders: IncomingHttpHeaders = {};
    const upstream: Server = createServer((req, res) => {
      sawHeaders = req.headers;
      req.resume();
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(first);
      // The rest is written only once the client has the first event: a buffering proxy never gets here.
      void firstArrived.then(() => res.end(rest));
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => upstream.close(() => resolve())));
    const origin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const proxy = await proxyFor({
      provider: "anthropic",
      upstream: origin,
      credential: { kind: "api-key", value: API_KEY },
    });

    let bodyWhenFirstArrived: string | undefined;
    const answer = post(
      proxy.url,
      "/v1/messages?beta=true",
      anthropicHeaders(proxy.placeholder),
      message(true),
      (text) => {
        if (bodyWhenFirstArrived === undefined && text.includes("message_start")) {
          bodyWhenFirstArrived = text;
          clientSawFirst();
        }
      },
    );

    await within(firstArrived, "the first event never reached the client: the proxy buffers");
    const { status, body } = await within(answer, "the response never finished");
    expect(status).toBe(200);
    expect(bodyWhenFirstArrived).toBe(first);
    expect(body).toBe(first + rest);
    expect(sawHeaders["x-api-key"]).toBe(API_KEY);
  });

  it("adds up usage from streamed and JSON answers, then refuses with a 402 billing_error naming the budget", async () => {
    // claude-sonnet-4-5 at $3 / $15 per million: 1M input + 100k output is $4.50 per answer.
    const usage = { input_tokens: 1_000_000, output_tokens: 100_000 };
    const standIn = await startAnthropicStandIn([{ text: "one", usage }]);
    cleanups.push(() => standIn.close());
    const proxy = await proxyFor({
      provider: "anthropic",
      upstream: standIn.url,
      credential: { kind: "api-key", value: API_KEY },
      maxBudgetUsd: 5,
    });
    const headers = anthropicHeaders(proxy.placeholder);

    const streamed = await post(proxy.url, "/v1/messages?beta=true", headers, message(true));
    expect(streamed.status).toBe(200);
    expect(proxy.spentUsd()).toBeCloseTo(4.5, 6);
    const json = await post(proxy.url, "/v1/messages?beta=true", headers, message(false));
    expect(json.status).toBe(200);
    expect(proxy.spentUsd()).toBeCloseTo(9, 6);
    const refused = await post(proxy.url, "/v1/messages?beta=true", headers, message(true));

    expect(refused.status).toBe(402);
    expect(JSON.parse(refused.body)).toEqual({
      type: "error",
      error: { type: "billing_error", message: "The run's model budget of $5 is spent ($9.0000)." },
    });
    expect(standIn.requests.filter((r) => r.kind === "agent")).toHaveLength(2);
    expect(proxy.requests()).toBe(2);
  });

  it("streams an OpenAI Responses answer with the real bearer key and refuses with insufficient_quota past the budget", async () => {
    const standIn = await startOpenAIStandIn({
      apiKey: OPENAI_KEY,
      script: [
        { text: "done", usage: { input_tokens: 1_000_000, cached_tokens: 200_000, output_tokens: 10_000 } },
      ],
    });
    cleanups.push(() => standIn.close());
    // gpt-5 at $1.25 input, $0.125 cached, $10 output per million: 0.8M + 0.2M cached + 10k = $1.125.
    const proxy = await proxyFor({
      provider: "openai",
      upstream: standIn.baseUrl,
      credential: { kind: "api-key", value: OPENAI_KEY },
      maxBudgetUsd: 1,
    });
    const headers = { authorization: `Bearer ${proxy.placeholder}` };
    const body = { model: "gpt-5", stream: true, input: "hi" };

    const answer = await post(proxy.url, "/v1/responses", headers, body);

    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    expect(answer.body).toMatch(/^event: response\.created\n/);
    expect(answer.body).toContain("event: response.completed");
    expect(standIn.requests.map((r) => `${r.method} ${r.path} ${r.auth} ${r.status}`)).toEqual([
      "POST /v1/responses accepted 200",
    ]);
    expect(proxy.spentUsd()).toBeCloseTo(1.125, 6);

    const refused = await post(proxy.url, "/v1/responses", headers, body);
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toEqual({
      error: {
        message: "The run's model budget of $1 is spent ($1.1250).",
        type: "insufficient_quota",
        param: null,
        code: "insufficient_quota",
      },
    });
    expect(standIn.requests).toHaveLength(1);
  });

  it("never writes the key or the placeholder into a log line or an answer", async () => {
    const standIn = await startAnthropicStandIn([
      { text: "one", usage: { input_tokens: 2_000_000, output_tokens: 1 } },
    ]);
    cleanups.push(() => standIn.close());
    const proxy = await proxyFor({
      provider: "anthropic",
      upstream: standIn.url,
      credential: { kind: "api-key", value: API_KEY },
      maxBudgetUsd: 1,
    });
    const headers = anthropicHeaders(proxy.placeholder);

    const answers = [
      await post(proxy.url, "/v1/messages", headers, message(true)),
      await post(proxy.url, "/v1/messages", headers, message(false)),
      await post(proxy.url, "/v1/files", headers, {}),
      await post(proxy.url, "/v1/messages", anthropicHeaders(API_KEY), message(false)),
    ];

    expect(answers.map((answer) => answer.status)).toEqual([200, 402, 403, 401]);
    expect(logLines.length).toBeGreaterThanOrEqual(4);
    const everything = JSON.stringify({ logLines, answers });
    expect(everything).not.toContain(API_KEY);
    expect(everything).not.toContain(proxy.placeholder);
  });
});
