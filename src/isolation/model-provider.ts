/**
 * What the model proxy decides per provider, as pure functions over plain data: which requests it
 * forwards, which headers go upstream (the real credential in, the agent's out), where a request goes,
 * and the provider-shaped error bodies it answers with itself.
 */
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";

/** The model APIs the proxy speaks. */
export type ModelProvider = "anthropic" | "openai";

/** The real credential the proxy adds; it never leaves the action's process except toward the upstream. */
export interface ModelCredential {
  /** `api-key`: Anthropic `x-api-key` / OpenAI bearer key; `oauth-token`: a Claude subscription token. */
  kind: "api-key" | "oauth-token";
  value: string;
}

/** What to do with one request, decided from its method and raw request-target alone. */
export type ModelRoute =
  | { kind: "forward" }
  /** A reachability check the proxy answers itself with an empty 200: it needs no credential. */
  | { kind: "probe" }
  | { kind: "refuse"; reason: string };

/**
 * The provider API calls the proxy forwards: exact paths, so `..`, `%2e`, doubled slashes or a prefix
 * trick never match. Anthropic: the Messages API and its token counter (Claude Code 2.1.331 sends
 * `POST /v1/messages?beta=true`). OpenAI: what `codex exec` calls through a custom provider whose
 * `base_url` ends in `/v1` — `POST /v1/responses` (observed), `POST /v1/responses/compact` (remote
 * history compaction, codex-rs `CompactClient`) — and the read-only model list.
 */
const FORWARDED: Readonly<Record<ModelProvider, readonly string[]>> = {
  anthropic: ["POST /v1/messages", "POST /v1/messages/count_tokens"],
  openai: ["POST /v1/responses", "POST /v1/responses/compact", "GET /v1/models"],
};

/** Claude Code's reachability check (`HEAD /api/hello`, 2.1.331); answered locally, never forwarded. */
const PROBES: Readonly<Record<ModelProvider, readonly string[]>> = {
  anthropic: ["HEAD /", "HEAD /api/hello", "GET /api/hello"],
  openai: [],
};

/**
 * Decides a request from its method and raw request-target (`req.url`). Absolute-form targets
 * (`http://host/…`, a forward-proxy request) and `*` do not start with `/` and are refused.
 */
export function routeModelRequest(provider: ModelProvider, method: string, target: string): ModelRoute {
  const path = target.split("?", 1)[0] ?? "";
  const call = `${method} ${path}`;
  if (!target.startsWith("/"))
    return { kind: "refuse", reason: `${method} ${shortText(target)} is not a path` };
  if (FORWARDED[provider].includes(call)) return { kind: "forward" };
  if (PROBES[provider].includes(call)) return { kind: "probe" };
  const name = provider === "anthropic" ? "an Anthropic" : "an OpenAI";
  return {
    kind: "refuse",
    reason: `${method} ${shortText(path)} is not ${name} API call this proxy forwards`,
  };
}

/** Text from the agent, quoted and shortened for an error message or a log line. */
export function shortText(text: string, max = 200): string {
  const quoted = JSON.stringify(text);
  return quoted.length <= max ? quoted : `${quoted.slice(0, max)}…"`;
}

/**
 * Where a forwarded request goes: the upstream's path prefix (a gateway's `/anthropic`) followed by the
 * request's path and query. The forwarded paths carry `/v1` themselves, so an OpenAI upstream written
 * as `OPENAI_BASE_URL` usually is (`https://api.openai.com/v1`) loses that trailing `/v1`.
 */
export function upstreamTarget(provider: ModelProvider, upstream: URL, target: string): URL {
  let prefix = upstream.pathname.replace(/\/+$/, "");
  if (provider === "openai") prefix = prefix.replace(/\/v1$/, "");
  return new URL(`${upstream.origin}${prefix}${target}`);
}

/** Connection-scoped headers (RFC 9110 §7.6.1) that a proxy must not forward. */
const HOP_BY_HOP = [
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
];

/** Whatever credential the agent sent (its placeholder, or anything else) never reaches the upstream. */
const CLIENT_CREDENTIALS = ["x-api-key", "authorization", "proxy-authorization", "cookie"];

/**
 * The beta flag a Claude subscription token needs. Source: Claude Code 2.1.331 run with
 * `CLAUDE_CODE_OAUTH_TOKEN` against a logging server sent `Authorization: Bearer <token>`, no
 * `x-api-key`, and `oauth-2025-04-20` among its `anthropic-beta` values on every Messages request.
 */
export const ANTHROPIC_OAUTH_BETA = "oauth-2025-04-20";

/** Headers without the hop-by-hop ones, including any the `Connection` header names. */
function withoutHopByHop(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const listed = String(headers.connection ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== "");
  const drop = new Set([...HOP_BY_HOP, ...listed]);
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !drop.has(name)) kept[name] = value;
  }
  return kept;
}

/** A comma-separated header value, whether sent once or repeated. */
function listHeader(value: string | string[] | undefined): string[] {
  return [value ?? []]
    .flat()
    .flatMap((part) => part.split(","))
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** The credential headers the upstream expects for this provider and credential kind. */
function credentialHeaders(
  provider: ModelProvider,
  credential: ModelCredential,
  clientBeta: string | string[] | undefined,
): OutgoingHttpHeaders {
  if (provider === "openai") return { authorization: `Bearer ${credential.value}` };
  if (credential.kind === "api-key") return { "x-api-key": credential.value };
  // Claude subscription tokens are bearer tokens that need the OAuth beta next to the client's betas.
  const betas = listHeader(clientBeta);
  if (!betas.includes(ANTHROPIC_OAUTH_BETA)) betas.push(ANTHROPIC_OAUTH_BETA);
  return { authorization: `Bearer ${credential.value}`, "anthropic-beta": betas.join(",") };
}

/**
 * The headers sent upstream: the client's, minus hop-by-hop and credential headers, plus the real
 * credential and the upstream's Host. `accept-encoding: identity` because the proxy reads usage from
 * the response body to enforce the budget.
 */
export function upstreamHeaders(
  provider: ModelProvider,
  credential: ModelCredential,
  client: IncomingHttpHeaders,
  upstreamHost: string,
): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = withoutHopByHop(client);
  for (const name of [...CLIENT_CREDENTIALS, "host", "accept-encoding"]) delete headers[name];
  Object.assign(headers, credentialHeaders(provider, credential, client["anthropic-beta"]));
  headers.host = upstreamHost;
  headers["accept-encoding"] = "identity";
  return headers;
}

/** The upstream's response headers for the client: no hop-by-hop headers, no cookies. */
export function clientResponseHeaders(upstream: IncomingHttpHeaders): Record<string, string | string[]> {
  const headers = withoutHopByHop(upstream);
  delete headers["set-cookie"];
  return headers;
}

/** The key the agent presented: Anthropic `x-api-key` or a bearer token (OAuth and OpenAI). */
export function presentedKey(headers: IncomingHttpHeaders): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? "")?.[1];
  const apiKey = headers["x-api-key"];
  return bearer ?? (typeof apiKey === "string" ? apiKey : undefined);
}

/** Why the proxy answers a request itself. */
export type ProxyErrorKind = "forbidden" | "unauthenticated" | "budget" | "upstream";

/** Status and error type per provider, chosen so the CLI ends with an error rather than retrying. */
const ERROR_SHAPES: Readonly<Record<ModelProvider, Record<ProxyErrorKind, [number, string]>>> = {
  anthropic: {
    forbidden: [403, "permission_error"],
    unauthenticated: [401, "authentication_error"],
    // Claude Code 2.1.331 gives up after one 402 (a 429 is retried for minutes, a 400 six times).
    budget: [402, "billing_error"],
    upstream: [502, "api_error"],
  },
  openai: {
    forbidden: [403, "invalid_request_error"],
    unauthenticated: [401, "invalid_request_error"],
    // What OpenAI answers when credit runs out; codex treats insufficient_quota as final.
    budget: [429, "insufficient_quota"],
    upstream: [502, "server_error"],
  },
};

/** An error response in the provider's own shape, so the CLI reports its message. */
export function proxyError(
  provider: ModelProvider,
  kind: ProxyErrorKind,
  message: string,
): { status: number; body: string } {
  const [status, type] = ERROR_SHAPES[provider][kind];
  const body =
    provider === "anthropic"
      ? { type: "error", error: { type, message } }
      : { error: { message, type, param: null, code: kind === "budget" ? type : null } };
  return { status, body: JSON.stringify(body) };
}
