/**
 * A loopback stand-in for the OpenAI Responses API, enough for the real `codex exec` (0.169.0) to run
 * an agent conversation offline: scripted turns answer its `POST /v1/responses` requests with the
 * server-sent events of a streamed response, so it makes real tool calls (`exec_command`, which writes
 * files in the checkout) and sees real API errors.
 *
 * Where the shapes come from: the requests are what `codex exec` 0.169.0 was observed to send (path,
 * headers, body: `stream: true`, `tools`, `input` items) when pointed at a logging server; the answers
 * follow OpenAI's documented Responses streaming events and error bodies (see responses.ts). The
 * stand-in does not speak the Responses WebSocket transport: an upgrade is answered `404`, so clients
 * must be configured without WebSockets (a custom provider with `supports_websockets = false`), or they
 * fall back to HTTPS after their retries.
 *
 * How codex 0.169.0 reaches it (see run-codex.ts and the codex adapter): not through `OPENAI_BASE_URL`
 * in its environment, which it ignores, but through config: a custom provider (`-c model_provider=…`,
 * `model_providers.<id>.{name,base_url,wire_api="responses",supports_websockets=false,env_key}`; the
 * name is required and without `env_key` no Authorization header is sent). With the built-in provider
 * and `-c openai_base_url=…` it first tries five WebSocket upgrades (about 6 s) and then uses HTTPS.
 * It also needs an existing `CODEX_HOME` and asks for no model list.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { apiId, errorBody, failedStreamEvents, streamEvents } from "./responses.js";
import type {
  OpenAIRequestLogEntry,
  OpenAIStandIn,
  OpenAIStandInOptions,
  ResponsesRequest,
  Turn,
} from "./types.js";
import { parseBody, readBody } from "../request-body.js";

/** The request and turn types, re-exported so tests import everything from here. */
export type * from "./types.js";
export { toolOutputs, userText } from "./responses.js";

function isResponsesRequest(body: unknown): body is ResponsesRequest {
  const b = body as Partial<ResponsesRequest> | null;
  return (
    typeof b === "object" &&
    b !== null &&
    typeof b.model === "string" &&
    (typeof b.input === "string" || Array.isArray(b.input))
  );
}

/** The request's headers for the log, without the key itself. */
function loggedHeaders(req: IncomingMessage): IncomingMessage["headers"] {
  const headers = { ...req.headers };
  if (headers.authorization !== undefined) headers.authorization = "<redacted>";
  return headers;
}

/** What the standard headers of every API answer look like. */
function apiHeaders(contentType: string): Record<string, string> {
  return {
    "content-type": contentType,
    "x-request-id": apiId("req"),
    "openai-version": "2020-10-01",
    "openai-processing-ms": "12",
  };
}

/**
 * Starts a stand-in on 127.0.0.1 with a free port. Every `POST /v1/responses` is a turn of the agent
 * conversation and consumes the next scripted turn; `GET /v1/models` lists the models the script has
 * been asked for.
 */
export async function startOpenAIStandIn(options: OpenAIStandInOptions): Promise<OpenAIStandIn> {
  const { script, apiKey } = options;
  if (Array.isArray(script) && script.length === 0) throw new Error("the script needs at least one turn");
  const requests: OpenAIRequestLogEntry[] = [];
  const hangs = new Set<NodeJS.Timeout>();
  const models = new Set<string>();
  let agentRequests = 0;
  const server = createServer((req, res) => void serve(req, res));
  server.on("upgrade", refuseUpgrade);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function turnFor(request: ResponsesRequest, index: number): Turn {
    if (typeof script === "function") return script(request, index);
    return script[Math.min(index, script.length - 1)] as Turn;
  }

  function authOf(req: IncomingMessage): OpenAIRequestLogEntry["auth"] {
    const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? "");
    if (!match) return "missing";
    return apiKey === undefined || match[1] === apiKey ? "accepted" : "rejected";
  }

  function logEntry(req: IncomingMessage, body: unknown): OpenAIRequestLogEntry {
    const url = new URL(req.url ?? "/", origin);
    const entry: OpenAIRequestLogEntry = {
      method: req.method ?? "",
      path: url.pathname,
      search: url.search,
      headers: loggedHeaders(req),
      auth: authOf(req),
      body,
      kind: "unknown",
    };
    requests.push(entry);
    return entry;
  }

  /** The Responses WebSocket transport is not implemented: the upgrade is refused as an unknown route. */
  function refuseUpgrade(req: IncomingMessage, socket: Duplex): void {
    const entry = logEntry(req, undefined);
    entry.kind = "websocket";
    entry.status = 404;
    const body = errorBody({
      type: "invalid_request_error",
      message: "WebSocket transport is not supported by this stand-in",
    });
    socket.end(
      `HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  }

  function fail(
    entry: OpenAIRequestLogEntry,
    res: ServerResponse,
    status: number,
    error: Parameters<typeof errorBody>[0],
  ) {
    entry.status = status;
    res.writeHead(status, apiHeaders("application/json")).end(errorBody(error));
  }

  function answerTurn(entry: OpenAIRequestLogEntry, res: ServerResponse, req: ResponsesRequest, turn: Turn) {
    if ("hangMs" in turn) {
      // Never answer; drop the connection later so nothing lingers if the client keeps waiting.
      const timer = setTimeout(() => {
        hangs.delete(timer);
        res.socket?.destroy();
      }, turn.hangMs);
      hangs.add(timer);
      return;
    }
    if ("error" in turn) {
      const { status, ...error } = turn.error;
      fail(entry, res, status, error);
      return;
    }
    entry.status = 200;
    if (req.stream !== true) {
      // Codex always streams; a non-streaming caller gets an honest refusal rather than a made-up shape.
      fail(entry, res, 400, {
        type: "invalid_request_error",
        message: "This stand-in only answers streaming requests (stream: true).",
        param: "stream",
      });
      return;
    }
    res.writeHead(200, { ...apiHeaders("text/event-stream; charset=utf-8"), "cache-control": "no-cache" });
    const events = "failed" in turn ? failedStreamEvents(req, turn.failed) : streamEvents(req, turn);
    for (const event of events) res.write(event);
    res.end();
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = parseBody(await readBody(req));
    const entry = logEntry(req, body);
    const route = `${entry.method} ${entry.path}`;
    const known = route === "POST /v1/responses" || route === "GET /v1/models";
    if (!known) {
      fail(entry, res, 404, {
        type: "invalid_request_error",
        message: `Invalid URL (${route})`,
      });
      return;
    }
    entry.kind = route === "GET /v1/models" ? "models" : "agent";
    if (entry.auth !== "accepted") {
      const message =
        entry.auth === "missing"
          ? "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."
          : "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.";
      fail(entry, res, 401, {
        type: "invalid_request_error",
        message,
        code: entry.auth === "missing" ? null : "invalid_api_key",
      });
      return;
    }
    if (entry.kind === "models") {
      entry.status = 200;
      const data = [...models].map((id) => ({
        id,
        object: "model",
        created: 1_700_000_000,
        owned_by: "system",
      }));
      res.writeHead(200, apiHeaders("application/json")).end(JSON.stringify({ object: "list", data }));
      return;
    }
    if (!isResponsesRequest(body)) {
      fail(entry, res, 400, {
        type: "invalid_request_error",
        message: "Missing required parameter: 'model' or 'input'.",
      });
      return;
    }
    models.add(body.model);
    entry.turnIndex = agentRequests++;
    let turn: Turn;
    try {
      turn = turnFor(body, entry.turnIndex);
    } catch (error) {
      fail(entry, res, 500, { type: "server_error", message: `script failed: ${String(error)}` });
      return;
    }
    answerTurn(entry, res, body, turn);
  }

  return {
    url: origin,
    baseUrl: `${origin}/v1`,
    requests,
    close() {
      for (const timer of hangs) clearTimeout(timer);
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
