/**
 * The loopback proxy that keeps the model credential with the action: the agent is given the proxy's
 * URL and a placeholder key; the proxy forwards only the provider's API calls, replaces whatever
 * credential the agent sent with the real one, streams every response back as it arrives, and refuses
 * further calls once the run's budget is spent.
 */
import { randomBytes, createHash, timingSafeEqual } from "node:crypto";
import { createServer, request as httpRequest, Agent as HttpAgent } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import { request as httpsRequest, Agent as HttpsAgent } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { pipeline, Transform } from "node:stream";
import { priceUsage } from "./model-cost.js";
import {
  clientResponseHeaders,
  presentedKey,
  proxyError,
  routeModelRequest,
  shortText,
  upstreamHeaders,
  upstreamTarget,
  type ModelCredential,
  type ModelProvider,
  type ProxyErrorKind,
} from "./model-provider.js";
import { createUsageMeter, type ModelUsage } from "./model-usage.js";

export type { ModelCredential, ModelProvider } from "./model-provider.js";

/** How to start a model proxy. */
export interface ModelProxyOptions {
  provider: ModelProvider;
  /**
   * The provider's base URL, http or https: `https://api.anthropic.com`, `https://api.openai.com` (a
   * trailing `/v1` is accepted for OpenAI), a gateway with a path prefix, or a stand-in's URL.
   */
  upstream: string;
  credential: ModelCredential;
  /** What the agent is given as its key and must present. @default a random `pto-placeholder-…` */
  placeholder?: string;
  /** Refuse further calls once this many USD are spent, priced from the responses' usage. */
  maxBudgetUsd?: number;
  /** @default "127.0.0.1" */
  host?: "127.0.0.1";
  /** One line per request and refusal; never a header or the credential. */
  log?: (line: string) => void;
}

/** A running model proxy. */
export interface ModelProxy {
  /**
   * `http://127.0.0.1:<port>`: the agent's `ANTHROPIC_BASE_URL`; Codex's provider `base_url` is this
   * URL followed by `/v1`.
   */
  url: string;
  /** What the agent is given as its key (`ANTHROPIC_API_KEY`, `CLAUDE_CODE_OAUTH_TOKEN`, `CODEX_API_KEY`). */
  placeholder: string;
  /** USD spent so far by the responses that have finished. */
  spentUsd(): number;
  /** Requests forwarded to the upstream so far. */
  requests(): number;
  close(): Promise<void>;
}

/** Checks the options, naming the bad value except where the value is a secret. */
function checkOptions(options: ModelProxyOptions): URL {
  let upstream: URL;
  try {
    upstream = new URL(options.upstream);
  } catch {
    throw new Error(`Model proxy upstream ${shortText(options.upstream)} is not a URL`);
  }
  if (!["http:", "https:"].includes(upstream.protocol)) {
    throw new Error(
      `Model proxy upstream ${shortText(`${upstream.protocol}//${upstream.host}`)} must be an http or https URL`,
    );
  }
  if (upstream.username || upstream.password || upstream.search || upstream.hash) {
    throw new Error(`Model proxy upstream for ${upstream.host} must carry no credentials, query or fragment`);
  }
  const { value } = options.credential;
  if (value === "" || /[\s\0]/.test(value)) {
    throw new Error(
      `The ${options.provider} ${options.credential.kind} credential is empty or has whitespace`,
    );
  }
  if (options.placeholder !== undefined && !/^[\x21-\x7e]{8,}$/.test(options.placeholder)) {
    throw new Error("The model proxy placeholder must be at least 8 printable characters without spaces");
  }
  if (options.placeholder === value)
    throw new Error("The model proxy placeholder must not be the credential");
  const budget = options.maxBudgetUsd;
  if (budget !== undefined && !(Number.isFinite(budget) && budget > 0)) {
    throw new Error(`maxBudgetUsd must be a positive number of USD, got ${String(budget)}`);
  }
  return upstream;
}

/** Compares the presented key with the placeholder in constant time. */
function sameKey(presented: string | undefined, placeholder: string): boolean {
  if (presented === undefined) return false;
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(presented), digest(placeholder));
}

/** Starts the proxy on a free loopback port. */
export async function startModelProxy(options: ModelProxyOptions): Promise<ModelProxy> {
  const upstream = checkOptions(options);
  const { provider, credential, maxBudgetUsd } = options;
  const placeholder = options.placeholder ?? `pto-placeholder-${randomBytes(24).toString("hex")}`;
  const log = options.log ?? (() => undefined);
  const secure = upstream.protocol === "https:";
  const agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const sendUpstream = secure ? httpsRequest : httpRequest;
  const fallbackModels = new Set<string>();
  let spent = 0;
  let forwarded = 0;

  const answer = (res: ServerResponse, kind: ProxyErrorKind, message: string) => {
    const { status, body } = proxyError(provider, kind, message);
    res.writeHead(status, { "content-type": "application/json" }).end(body);
  };

  const charge = (usage: ModelUsage) => {
    const priced = priceUsage(provider, usage);
    spent += priced.usd;
    const model = usage.model ?? "an unnamed model";
    if (priced.source === "fallback" && !fallbackModels.has(model)) {
      fallbackModels.add(model);
      log(`model proxy: no list price for ${shortText(model)}; priced at the dearest matching price`);
    }
  };

  function forward(req: IncomingMessage, res: ServerResponse, call: string): void {
    forwarded++;
    const target = upstreamTarget(provider, upstream, req.url ?? "/");
    const headers = upstreamHeaders(provider, credential, req.headers, target.host);
    const outgoing = sendUpstream(target, { method: req.method, headers, agent });
    outgoing.on("response", (incoming) => {
      const status = incoming.statusCode ?? 502;
      log(`model proxy: ${call} → ${status}`);
      res.writeHead(status, incoming.statusMessage, clientResponseHeaders(incoming.headers));
      // Usage is read from successful answers only; the bytes pass through as they arrive.
      const meter = status < 300 ? createUsageMeter(provider, incoming.headers["content-type"]) : undefined;
      let charged = false;
      const chargeOnce = () => {
        if (meter && !charged) charge(meter.finish());
        charged = true;
      };
      const tee = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          meter?.push(chunk);
          done(null, chunk);
        },
        // Charged before the response's end reaches the client, so its next request sees the new total.
        flush(done) {
          chargeOnce();
          done();
        },
      });
      pipeline(incoming, tee, res, (error) => {
        chargeOnce();
        if (error) log(`model proxy: ${call} ended early (${error.message})`);
      });
    });
    outgoing.on("error", (error: NodeJS.ErrnoException) => {
      log(`model proxy: ${call} → upstream ${upstream.host} failed (${error.code ?? error.message})`);
      if (res.headersSent || res.destroyed) res.destroy(error);
      else
        answer(
          res,
          "upstream",
          `The model proxy could not reach ${upstream.host}: ${error.code ?? error.message}`,
        );
    });
    // The request body streams up as it arrives; a client that goes away takes the upstream call with it.
    pipeline(req, outgoing, () => undefined);
    res.on("close", () => {
      if (!res.writableFinished) outgoing.destroy();
    });
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const method = req.method ?? "";
    const target = req.url ?? "";
    const route = routeModelRequest(provider, method, target);
    const call = `${method} ${shortText(target.split("?", 1)[0] ?? "")}`;
    if (route.kind === "refuse") {
      log(`model proxy: refused ${call}: not forwarded`);
      answer(res, "forbidden", `The model proxy refuses this request: ${route.reason}.`);
      return;
    }
    if (route.kind === "probe") {
      res.writeHead(200).end();
      return;
    }
    if (!sameKey(presentedKey(req.headers), placeholder)) {
      log(`model proxy: refused ${call}: the request does not carry the proxy's key`);
      answer(res, "unauthenticated", "The request does not carry the key this model proxy gave out.");
      return;
    }
    if (maxBudgetUsd !== undefined && spent >= maxBudgetUsd) {
      const message = `The run's model budget of $${maxBudgetUsd} is spent ($${spent.toFixed(4)}).`;
      log(`model proxy: refused ${call}: ${message}`);
      answer(res, "budget", message);
      return;
    }
    forward(req, res, call);
  }

  const server = createServer(handle);
  // Neither tunnels nor protocol upgrades (the Responses WebSocket transport) pass this proxy.
  const refuseSocket = (req: IncomingMessage, socket: Socket) => {
    log(`model proxy: refused ${req.method ?? ""} ${shortText(req.url ?? "")}: no tunnels or upgrades`);
    socket.end("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  };
  server.on("connect", refuseSocket);
  server.on("upgrade", refuseSocket);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, options.host ?? "127.0.0.1", resolve);
  });
  const { address, port } = server.address() as AddressInfo;

  return {
    url: `http://${address}:${port}`,
    placeholder,
    spentUsd: () => spent,
    requests: () => forwarded,
    close() {
      server.closeAllConnections();
      agent.destroy();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
