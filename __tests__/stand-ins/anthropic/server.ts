/**
 * A loopback stand-in for the Anthropic Messages API, enough for the real `claude` CLI (via
 * `ANTHROPIC_BASE_URL`) to run an agent conversation offline: scripted turns answer the agent's requests
 * — streaming (SSE) or not, as each request asks — so it makes real tool calls such as `Write`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { apiId, buildMessage, errorBody, streamEvents } from "./messages.js";
import type { AnthropicRequestLogEntry, AnthropicStandIn, MessagesRequest, Script, Turn } from "./types.js";
import { parseBody, readBody } from "../request-body.js";

/** The request and turn types, re-exported so tests import everything from here. */
export type * from "./types.js";
export { userText } from "./messages.js";

/** What side requests (no tools: titles, quota checks…) get: a short plain answer. */
const SIDE_ANSWER: Turn = { text: "OK" };

function isMessagesRequest(body: unknown): body is MessagesRequest {
  const b = body as Partial<MessagesRequest> | null;
  return (
    typeof b === "object" &&
    b !== null &&
    typeof b.model === "string" &&
    Array.isArray(b.messages) &&
    typeof b.max_tokens === "number"
  );
}

/**
 * Starts a stand-in on 127.0.0.1 with a free port. The script answers only the agent conversation —
 * requests carrying `tools`; side requests get a short text so they never consume scripted turns.
 */
export async function startAnthropicStandIn(script: Script): Promise<AnthropicStandIn> {
  if (Array.isArray(script) && script.length === 0) throw new Error("the script needs at least one turn");
  const requests: AnthropicRequestLogEntry[] = [];
  const pendingTimers = new Set<NodeJS.Timeout>();
  let agentRequests = 0;
  const server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function turnFor(request: MessagesRequest, index: number): Turn {
    if (typeof script === "function") return script(request, index);
    return script[Math.min(index, script.length - 1)] as Turn;
  }

  function answerTurn(
    entry: AnthropicRequestLogEntry,
    res: ServerResponse,
    req: MessagesRequest,
    turn: Turn,
  ) {
    const requestId = apiId("req");
    if ("hangMs" in turn) {
      // Never answer; drop the connection later so nothing lingers if the client keeps waiting.
      const timer = setTimeout(() => {
        pendingTimers.delete(timer);
        res.socket?.destroy();
      }, turn.hangMs);
      pendingTimers.add(timer);
      return;
    }
    if ("error" in turn) {
      const { status, type, message, retryAfterSeconds } = turn.error;
      const headers: Record<string, string> = { "content-type": "application/json", "request-id": requestId };
      if (retryAfterSeconds !== undefined) headers["retry-after"] = String(retryAfterSeconds);
      entry.status = status;
      res.writeHead(status, headers).end(errorBody(type, message, requestId));
      return;
    }
    if (turn.delayMs) {
      const timer = setTimeout(() => {
        pendingTimers.delete(timer);
        answerTurn(entry, res, req, { ...turn, delayMs: 0 });
      }, turn.delayMs);
      pendingTimers.add(timer);
      return;
    }
    const message = buildMessage(req, turn);
    entry.status = 200;
    if (!req.stream) {
      res.writeHead(200, { "content-type": "application/json", "request-id": requestId });
      res.end(JSON.stringify(message));
      return;
    }
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      "request-id": requestId,
    });
    for (const event of streamEvents(message)) res.write(event);
    res.end();
  }

  function fail(
    entry: AnthropicRequestLogEntry,
    res: ServerResponse,
    status: number,
    type: string,
    msg: string,
  ) {
    const requestId = apiId("req");
    entry.status = status;
    res.writeHead(status, { "content-type": "application/json", "request-id": requestId });
    res.end(errorBody(type, msg, requestId));
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", origin);
    const method = req.method ?? "";
    const body = parseBody(await readBody(req));
    const entry: AnthropicRequestLogEntry = {
      method,
      path: url.pathname,
      search: url.search,
      headers: req.headers,
      body,
      kind: "unknown",
    };
    requests.push(entry);
    // The CLI checks reachability with HEAD /api/hello (2.1.331, unless nonessential traffic is off).
    if (method === "HEAD" || (method === "GET" && ["/", "/api/hello"].includes(url.pathname))) {
      entry.kind = "probe";
      entry.status = 200;
      res.writeHead(200).end();
      return;
    }
    const isMessages = url.pathname === "/v1/messages";
    if (method !== "POST" || (!isMessages && url.pathname !== "/v1/messages/count_tokens")) {
      fail(entry, res, 404, "not_found_error", `${method} ${url.pathname} is not a known endpoint`);
      return;
    }
    if (!req.headers["x-api-key"] && !req.headers.authorization) {
      fail(entry, res, 401, "authentication_error", "x-api-key header is required");
      return;
    }
    if (!req.headers["anthropic-version"]) {
      fail(entry, res, 400, "invalid_request_error", "anthropic-version: header is required");
      return;
    }
    if (!isMessages) {
      entry.kind = "count_tokens";
      entry.status = 200;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ input_tokens: Math.ceil(JSON.stringify(body ?? "").length / 4) }));
      return;
    }
    if (!isMessagesRequest(body)) {
      fail(entry, res, 400, "invalid_request_error", "model, messages and max_tokens are required");
      return;
    }
    const isAgent = Array.isArray(body.tools) && body.tools.length > 0;
    entry.kind = isAgent ? "agent" : "side";
    let turn = SIDE_ANSWER;
    if (isAgent) {
      entry.turnIndex = agentRequests++;
      try {
        turn = turnFor(body, entry.turnIndex);
      } catch (error) {
        fail(entry, res, 500, "api_error", `script failed: ${String(error)}`);
        return;
      }
    }
    answerTurn(entry, res, body, turn);
  }

  return {
    url: origin,
    requests,
    close() {
      for (const timer of pendingTimers) clearTimeout(timer);
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
