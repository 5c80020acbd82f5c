/**
 * A loopback stand-in for the GitHub Actions artifact service (v4 backend): the Twirp
 * `ArtifactService` plus the Azure block-blob endpoints behind its signed URLs, enough for the real
 * `DefaultArtifactClient` of `@actions/artifact` 6.2.1 — in-process or in a child process via
 * `ACTIONS_RESULTS_URL` / `ACTIONS_RUNTIME_TOKEN` — to upload, list, download and delete unchanged.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { azureError, blobOperation, handleBlob } from "./blob.js";
import { createRuntimeToken, readTokenScope } from "./runtime-token.js";
import { BLOB_PREFIX, type ServiceReply, type ServiceState } from "./service-state.js";
import { UrlSigner } from "./signed-url.js";
import { codeForStatus, handleTwirp, TWIRP_METHODS, TWIRP_PREFIX, twirpError } from "./twirp.js";
import type {
  ArtifactFault,
  ArtifactOperation,
  ArtifactRequestLogEntry,
  ArtifactStandIn,
  ArtifactStandInOptions,
  BlobOperation,
  TwirpMethod,
} from "./types.js";
import { readBodyBytes } from "../request-body.js";

/** The option, record and log types, re-exported so tests import everything from here. */
export type * from "./types.js";

const BLOB_OPERATIONS: readonly string[] = ["UploadBlock", "CommitBlockList", "Download"];

/** Azure error codes for injected blob faults, so the SDK's retry policy sees familiar answers. */
const AZURE_FAULT_CODES: Record<number, string> = {
  403: "AuthenticationFailed",
  404: "BlobNotFound",
  500: "InternalError",
  503: "ServerBusy",
};

function faultReply(fault: ArtifactFault): ServiceReply {
  const message = fault.message ?? `injected fault: ${fault.status}`;
  if (BLOB_OPERATIONS.includes(fault.method)) {
    return azureError(fault.status, AZURE_FAULT_CODES[fault.status] ?? "InjectedFault", message);
  }
  return twirpError(codeForStatus(fault.status), message, fault.status);
}

/** Starts a stand-in on 127.0.0.1 with a free port. */
export async function startArtifactStandIn(options: ArtifactStandInOptions = {}): Promise<ArtifactStandIn> {
  const faults: Array<{ fault: ArtifactFault; remaining: number }> = [];
  const requests: ArtifactRequestLogEntry[] = [];
  const server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const state: ServiceState = {
    artifacts: [],
    nextId: 1,
    signer: new UrlSigner(origin, options.signedUrlTtlMs ?? 3_600_000),
    stagedBlocks: new Map(),
    committed: new Set(),
    blockArrivals: new Map(),
    options,
  };

  /** Uses up one matching fault, if any. */
  function takeFault(operation: ArtifactOperation): ArtifactFault | undefined {
    const entry = faults.find((f) => f.fault.method === operation && f.remaining > 0);
    if (entry) entry.remaining--;
    return entry?.fault;
  }

  function classify(method: string, path: string, query: URLSearchParams): ArtifactOperation {
    if (path.startsWith(TWIRP_PREFIX)) {
      const name = path.slice(TWIRP_PREFIX.length) as TwirpMethod;
      return method === "POST" && TWIRP_METHODS.includes(name) ? name : "Unknown";
    }
    if (path.startsWith(BLOB_PREFIX)) return blobOperation(method, query) ?? "Unknown";
    return "Unknown";
  }

  async function answer(
    req: IncomingMessage,
    operation: ArtifactOperation,
    path: string,
    query: URLSearchParams,
    body: Buffer,
  ): Promise<ServiceReply> {
    if (operation === "Unknown") {
      return path.startsWith(BLOB_PREFIX)
        ? azureError(400, "UnsupportedHttpVerb", `${req.method} is not supported here.`)
        : twirpError("bad_route", `no handler for ${req.method} ${path}`);
    }
    if (BLOB_OPERATIONS.includes(operation)) {
      const blobOp = operation as BlobOperation;
      return handleBlob(state, blobOp, { method: req.method ?? "", path, query, headers: req.headers, body });
    }
    // Twirp answers a wrong content type with bad_route, before looking at the caller.
    if (!req.headers["content-type"]?.startsWith("application/json")) {
      return twirpError("bad_route", `unexpected Content-Type: ${req.headers["content-type"] ?? ""}`);
    }
    const scope = readTokenScope(req.headers.authorization);
    if (!scope) return twirpError("unauthenticated", "missing or invalid bearer token");
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      return twirpError("malformed", "the request body is not valid JSON");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      return twirpError("malformed", "the request body must be a JSON object");
    }
    const reply = handleTwirp(state, operation as TwirpMethod, scope, parsed as Record<string, unknown>);
    const name = (parsed as { name?: unknown }).name;
    return { ...reply, artifactName: reply.artifactName ?? (typeof name === "string" ? name : undefined) };
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = performance.now();
    const url = new URL(req.url ?? "/", origin);
    const method = req.method ?? "";
    const operation = classify(method, url.pathname, url.searchParams);
    let reply: ServiceReply;
    let injected = false;
    try {
      const body = await readBodyBytes(req);
      let fault = operation === "Unknown" ? undefined : takeFault(operation);
      if (fault?.delayMs) {
        await new Promise((resume) => setTimeout(resume, fault?.delayMs).unref());
        if (fault.status === 200) fault = undefined;
      }
      if (fault && !fault.afterApply) {
        reply = faultReply(fault);
      } else {
        reply = await answer(req, operation, url.pathname, url.searchParams, body);
        if (fault) reply = { ...faultReply(fault), artifactName: reply.artifactName };
      }
      injected = fault !== undefined;
    } catch (error) {
      reply = twirpError("internal", error instanceof Error ? error.message : String(error));
    }
    requests.push({
      method,
      path: url.pathname,
      operation,
      status: reply.status,
      ...(reply.artifactName === undefined ? {} : { artifactName: reply.artifactName }),
      ...(operation === "UploadBlock" ? { blockId: url.searchParams.get("blockid") ?? "" } : {}),
      injected,
      receivedAt,
      answeredAt: performance.now(),
    });
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body);
  }

  return {
    url: origin,
    runtimeToken: createRuntimeToken,
    get artifacts() {
      return state.artifacts;
    },
    requests,
    injectFault(fault) {
      faults.push({ fault, remaining: fault.times });
    },
    close() {
      // Keep-alive sockets of the client would hold close() open for seconds.
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
