import { describe, expect, it } from "vitest";
import {
  clientResponseHeaders,
  presentedKey,
  proxyError,
  routeModelRequest,
  upstreamHeaders,
  upstreamTarget,
} from "./model-provider.js";

describe("routeModelRequest", () => {
  it.each([
    ["anthropic", "POST", "/v1/messages?beta=true", "forward"],
    ["anthropic", "POST", "/v1/messages/count_tokens?beta=true", "forward"],
    ["anthropic", "HEAD", "/api/hello", "probe"],
    ["anthropic", "HEAD", "/", "probe"],
    ["anthropic", "GET", "/v1/models", "refuse"],
    ["anthropic", "POST", "/v1/responses", "refuse"],
    ["anthropic", "POST", "/v1/messages/", "refuse"],
    ["anthropic", "POST", "//v1/messages", "refuse"],
    ["anthropic", "POST", "/v1/%6dessages", "refuse"],
    ["anthropic", "POST", "/v1/messages/batches", "refuse"],
    ["anthropic", "POST", "http://api.anthropic.com/v1/messages", "refuse"],
    ["anthropic", "OPTIONS", "*", "refuse"],
    ["openai", "POST", "/v1/responses", "forward"],
    ["openai", "POST", "/v1/responses/compact", "forward"],
    ["openai", "GET", "/v1/models?client_version=0.169.0", "forward"],
    ["openai", "GET", "/v1/responses", "refuse"],
    ["openai", "POST", "/v1/files", "refuse"],
    ["openai", "POST", "/v1/messages", "refuse"],
    ["openai", "HEAD", "/api/hello", "refuse"],
  ] as const)("%s %s %s → %s", (provider, method, target, kind) => {
    expect(routeModelRequest(provider, method, target).kind).toBe(kind);
  });

  it("names the refused call in its reason, quoted and shortened", () => {
    expect(routeModelRequest("openai", "DELETE", "/v1/files/x?y=1")).toEqual({
      kind: "refuse",
      reason: 'DELETE "/v1/files/x" is not an OpenAI API call this proxy forwards',
    });
    const long = routeModelRequest("anthropic", "GET", `/${"a".repeat(500)}`);
    expect(long.kind === "refuse" && long.reason.length).toBeLessThan(260);
  });
});

describe("upstreamTarget", () => {
  it("appends the path and query to the upstream's own path prefix", () => {
    expect(
      upstreamTarget("anthropic", new URL("https://api.anthropic.com"), "/v1/messages?beta=true").href,
    ).toBe("https://api.anthropic.com/v1/messages?beta=true");
    expect(upstreamTarget("anthropic", new URL("https://gw.example/anthropic/"), "/v1/messages").href).toBe(
      "https://gw.example/anthropic/v1/messages",
    );
  });

  it("drops the /v1 an OpenAI base URL is usually written with, since the forwarded paths carry it", () => {
    expect(upstreamTarget("openai", new URL("https://api.openai.com/v1"), "/v1/responses").href).toBe(
      "https://api.openai.com/v1/responses",
    );
    expect(upstreamTarget("openai", new URL("http://127.0.0.1:9/proxy/v1/"), "/v1/responses").href).toBe(
      "http://127.0.0.1:9/proxy/v1/responses",
    );
  });
});

describe("upstreamHeaders", () => {
  const client = {
    "x-api-key": "placeholder",
    authorization: "Bearer placeholder",
    "proxy-authorization": "Basic eA==",
    cookie: "a=b",
    connection: "keep-alive, x-hop",
    "x-hop": "1",
    "keep-alive": "timeout=5",
    "transfer-encoding": "chunked",
    te: "trailers",
    host: "127.0.0.1:1234",
    "accept-encoding": "gzip, br",
    "anthropic-version": "2023-06-01",
    "content-type": "application/json",
    "content-length": "12",
  };

  it("replaces the agent's credentials with the API key and drops hop-by-hop headers", () => {
    expect(
      upstreamHeaders("anthropic", { kind: "api-key", value: "REAL" }, client, "api.anthropic.com"),
    ).toEqual({
      "x-api-key": "REAL",
      host: "api.anthropic.com",
      "accept-encoding": "identity",
      "anthropic-version": "2023-06-01",
      "content-type": "application/json",
      "content-length": "12",
    });
  });

  it("sends an OAuth token as a bearer and adds the oauth beta once, keeping the agent's betas", () => {
    const oauth = { kind: "oauth-token", value: "REAL" } as const;
    const merged = upstreamHeaders("anthropic", oauth, { ...client, "anthropic-beta": "a-1, b-2" }, "h");
    expect(merged).toMatchObject({
      authorization: "Bearer REAL",
      "anthropic-beta": "a-1,b-2,oauth-2025-04-20",
    });
    expect(merged["x-api-key"]).toBeUndefined();
    const already = upstreamHeaders("anthropic", oauth, { "anthropic-beta": "oauth-2025-04-20,x" }, "h");
    expect(already["anthropic-beta"]).toBe("oauth-2025-04-20,x");
    expect(upstreamHeaders("anthropic", oauth, {}, "h")["anthropic-beta"]).toBe("oauth-2025-04-20");
  });

  it("sends an OpenAI key as a bearer and nothing else of the agent's credentials", () => {
    const headers = upstreamHeaders("openai", { kind: "api-key", value: "REAL" }, client, "api.openai.com");
    expect(headers.authorization).toBe("Bearer REAL");
    expect(headers["x-api-key"]).toBeUndefined();
    expect(headers.cookie).toBeUndefined();
  });
});

describe("clientResponseHeaders", () => {
  it("drops hop-by-hop headers and cookies from the upstream's answer", () => {
    expect(
      clientResponseHeaders({
        "content-type": "text/event-stream",
        "request-id": "req_1",
        "set-cookie": ["__cf_bm=x"],
        connection: "keep-alive",
        "transfer-encoding": "chunked",
      }),
    ).toEqual({ "content-type": "text/event-stream", "request-id": "req_1" });
  });
});

describe("presentedKey", () => {
  it("reads a bearer token or an x-api-key", () => {
    expect(presentedKey({ authorization: "Bearer abc" })).toBe("abc");
    expect(presentedKey({ authorization: "bearer  abc " })).toBe("abc");
    expect(presentedKey({ "x-api-key": "def" })).toBe("def");
    expect(presentedKey({ authorization: "Basic abc" })).toBeUndefined();
    expect(presentedKey({})).toBeUndefined();
  });
});

describe("proxyError", () => {
  it("shapes errors as each provider does", () => {
    expect(proxyError("anthropic", "budget", "spent")).toEqual({
      status: 402,
      body: '{"type":"error","error":{"type":"billing_error","message":"spent"}}',
    });
    expect(proxyError("openai", "budget", "spent")).toEqual({
      status: 429,
      body: '{"error":{"message":"spent","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}',
    });
    expect(proxyError("openai", "forbidden", "no").status).toBe(403);
    expect(proxyError("anthropic", "unauthenticated", "no").status).toBe(401);
  });
});
