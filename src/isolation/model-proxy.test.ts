/**
 * The model proxy over real loopback sockets, in front of the Anthropic and OpenAI stand-ins (and, for
 * streaming, a server the test paces): credentials swapped, paths refused, bytes streamed unbuffered,
 * budgets enforced, and the key never in a log line or an answer.
 */
import { createServer, request, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startAnthropicStandIn, type AnthropicStandIn } from "../../__tests__/stand-ins/anthropic/server.js";
import { startModelProxy, type ModelProxy, type ModelProxyOptions } from "./model-proxy.js";

const API_KEY = "sk-ant-api03-REAL-KEY-that-only-the-action-holds";
const OAUTH_TOKEN = "sk-ant-oat01-REAL-OAUTH-token-that-only-the-action-holds";

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

async function anthropicStandIn(
  ...args: Parameters<typeof startAnthropicStandIn>
): Promise<AnthropicStandIn> {
  const standIn = await startAnthropicStandIn(...args);
  cleanups.push(() => standIn.close());
  return standIn;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One HTTP/1.1 request with exactly these headers (no client adds or drops any). */
function send(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: unknown },
): Promise<Answer> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: options.method ?? "POST",
      path: options.path,
      headers: options.headers,
    });
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const MESSAGE = { model: "claude-sonnet-4-5", max_tokens: 64, messages: [{ role: "user", content: "hi" }] };
const TOOLS = [{ name: "Write", input_schema: { type: "object" } }];
const anthropicHeaders = (key: string) => ({
  "content-type": "application/json",
  "x-api-key": key,
  "anthropic-version": "2023-06-01",
});

describe("model proxy in front of the Anthropic API", () => {
  it("sends the real key as x-api-key while the agent sent only the placeholder, and strips its other credentials", async () => {
    const standIn = await anthropicStandIn([{ text: "hello" }]);
    const proxy = await proxyFor({
      provider: "anthropic",
      upstream: standIn.url,
      credential: { kind: "api-key", value: API_KEY },
    });

    const answer = await send(proxy.url, {
      path: "/v1/messages?beta=true",
      headers: {
        ...anthropicHeaders(proxy.placeholder),
        cookie: "session=agent",
        "proxy-authorization": "Basic YWdlbnQ6c2VjcmV0",
        connection: "keep-alive, x-agent-hop",
        "x-agent-hop": "dropped",
        "anthropic-beta": "claude-code-20250219",
      },
      body: { ...MESSAGE, tools: TOOLS },
    });

    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({
      type: "message",
      content: [{ type: "text", text: "hello" }],
    });
    const [seen] = standIn.requests;
    expect(`${seen?.method} ${seen?.path}${seen?.search}`).toBe("POST /v1/messages?beta=true");
    expect(seen?.headers).toMatchObject({
      "x-api-key": API_KEY,
      "anthropic-version": "2023-06-01",
      "anthropic-beta": "claude-code-20250219",
      host: new URL(standIn.url).host,
      "accept-encoding": "identity",
    });
    for (const name of ["authorization", "cookie", "proxy-authorization", "x-agent-hop"]) {
      expect(seen?.headers[name], name).toBeUndefined();
    }
    expect(proxy.requests()).toBe(1);
  });

  it("sends an OAuth token as a bearer with the oauth beta merged into the agent's betas", async () => {
    const standIn = await anthropicStandIn([{ text: "hello" }]);
    const proxy = await proxyFor({
      provider: "anthropic",
      upstream: standIn.url,
      credential: { kind: "oauth-token", value: OAUTH_TOKEN },
    });

    const answer = await send(proxy.url, {
      path: "/v1/messages?beta=true",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${proxy.placeholder}`,
        "anthropic-version": "2023-06-01",
        "anthropic-beta": "claude-code-20250219,interleaved-thinking-2025-05-14",
      },
      body: MESSAGE,
    });

    expect(answer.status).toBe(200);
    expect(standIn.requests[0]?.headers).toMatchObject({
      authorization: `Bearer ${OAUTH_TOKEN}`,
      "anthropic-beta": "claude-code-20250219,interleaved-thinking-2025-05-14,oauth-2025-04-20",
    });
    expect(standIn.requests[0]?.headers["x-api-key"]).toBeUndefined();
  });

  it("refuses paths, tunnels and forward-proxy requests outside the API with 403 naming them; the upstream sees nothing", async () => {
    const standIn = await anthropicStandIn([{ text: "hello" }]);
    const proxy = await proxyFor({
      provider: "anthropic",
      upstream: standIn.url,
      credential: { kind: "api-key", value: API_KEY },
    });
    const headers = anthropicHeaders(proxy.placeholder);

    const refused = await Promise.all([
      send(proxy.url, { path: "/v1/files", headers, body: {} }),
      send(proxy.url, { path: "/v1/messages/../files", headers, body: {} }),
      send(proxy.url, { method: "GET", path: "/v1/messages", headers }),
      send(proxy.url, { path: "http://example.com/v1/messages", headers, body: MESSAGE }),
    ]);

    expect(refused.map((answer) => answer.status)).toEqual([403, 403, 403, 403]);
    expect(JSON.parse(refused[0]?.body ?? "")).toEqual({
      type: "error",
      error: {
        type: "permission_error",
        message:
          'The model proxy refuses this request: POST "/v1/files" is not an Anthropic API call this proxy forwards.',
      },
    });
    const messages = refused.map(
      (answer) => (JSON.parse(answer.body) as { error: { message: string } }).error.message,
    );
    expect(messages[1]).toContain('POST "/v1/messages/../files" is not');
    expect(messages[2]).toContain('GET "/v1/messages" is not');
    expect(messages[3]).toContain('POST "http://example.com/v1/messages" is not a path');
    const tunnel = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(proxy.url, { method: "CONNECT", path: "example.com:443" });
      req.on("connect", (res, socket) => {
        socket.destroy();
        resolve(res.statusCode);
      });
      req.on("error", reject);
      req.end();
    });
    expect(tunnel).toBe(403);
    expect(standIn.requests).toEqual([]);
    expect(proxy.requests()).toBe(0);
  });

  it("answers Claude Code's reachability probe itself, and refuses a request without its placeholder", async () => {
    const standIn = await anthropicStandIn([{ text: "hello" }]);
    const proxy = await proxyFor({
      provider: "anthropic",
      upstream: standIn.url,
      credential: { kind: "api-key", value: API_KEY },
    });

    const probe = await send(proxy.url, { method: "HEAD", path: "/api/hello" });
    const wrongKey = await send(proxy.url, {
      path: "/v1/messages",
      headers: anthropicHeaders("sk-ant-guess"),
      body: MESSAGE,
    });
    const noKey = await send(proxy.url, {
      path: "/v1/messages",
      headers: { "content-type": "application/json", "anthropic-version": "2023-06-01" },
      body: MESSAGE,
    });

    expect(probe.status).toBe(200);
    expect([wrongKey.status, noKey.status]).toEqual([401, 401]);
    expect(JSON.parse(noKey.body)).toMatchObject({ type: "error", error: { type: "authentication_error" } });
    expect(standIn.requests).toEqual([]);
  });

  it("passes an upstream error through unchanged: status, body and request id", async () => {
    const standIn = await anthropicStandIn([
      { error: { status: 529, type: "overloaded_error", message: "Overloaded", retryAfterSeconds: 7 } },
    ]);
    const proxy = await proxyFor({
      provider: "anthropic",
      upstream: standIn.url,
      credential: { kind: "api-key", value: API_KEY },
    });

    const answer = await send(proxy.url, {
      path: "/v1/messages",
      headers: anthropicHeaders(proxy.placeholder),
      body: { ...MESSAGE, tools: TOOLS },
    });

    expect(answer.status).toBe(529);
    expect(answer.headers["retry-after"]).toBe("7");
    expect(JSON.parse(answer.body)).toEqual({
      type: "error",
      error: { type: "overloaded_error", message: "Overloaded" },
      request_id: answer.headers["request-id"],
    });
  });

  it("answers 502 in the provider's shape when the upstream cannot be reached", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const proxy = await proxyFor({
      provider: "anthropic",
      upstream: `http://127.0.0.1:${port}`,
      credential: { kind: "api-key", value: API_KEY },
    });

    const answer = await send(proxy.url, {
      path: "/v1/messages",
      headers: anthropicHeaders(proxy.placeholder),
      body: MESSAGE,
    });

    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.body)).toEqual({
      type: "error",
      error: {
        type: "api_error",
        message: `The model proxy could not reach 127.0.0.1:${port}: ECONNREFUSED`,
      },
    });
  });

  it("refuses to start on options it cannot honour, naming the value unless it is the secret", async () => {
    const credential = { kind: "api-key", value: API_KEY } as const;
    const start = (options: Partial<Parameters<typeof startModelProxy>[0]>) =>
      startModelProxy({
        provider: "anthropic",
        upstream: "https://api.anthropic.com",
        credential,
        ...options,
      });

    await expect(start({ upstream: "ftp://files.example" })).rejects.toThrow(
      'Model proxy upstream "ftp://files.example" must be an http or https URL',
    );
    await expect(start({ upstream: "api.anthropic.com" })).rejects.toThrow(
      '"api.anthropic.com" is not a URL',
    );
    await expect(start({ upstream: "https://user:pw@gw.example" })).rejects.toThrow(
      "must carry no credentials",
    );
    await expect(start({ maxBudgetUsd: 0 })).rejects.toThrow(
      "maxBudgetUsd must be a positive number of USD, got 0",
    );
    await expect(start({ placeholder: API_KEY })).rejects.toThrow("placeholder must not be the credential");
    const broken = start({ credential: { kind: "api-key", value: `${API_KEY}\r\nx-evil: 1` } });
    await expect(broken).rejects.toThrow("The anthropic api-key credential is empty or has whitespace");
    await expect(broken).rejects.not.toThrow(API_KEY);
  });
});
