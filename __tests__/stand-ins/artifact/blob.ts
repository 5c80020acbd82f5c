/**
 * The Azure block-blob half of the stand-in: what `BlockBlobClient.uploadStream` and the client's plain
 * download `GET` do against the signed URLs. Blocks are stored by id and assembled in block-list order —
 * nektos/act appends them in arrival order, which breaks concurrent multi-block uploads (platform.md §11).
 */
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { findByBlobPath, type ServiceReply, type ServiceState } from "./service-state.js";
import type { SasRefusal } from "./signed-url.js";
import type { ArtifactRecord, BlobOperation } from "./types.js";

/** A blob request as the server hands it over. */
export interface BlobRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Which operation a request to a blob path is; undefined for anything the client never sends. */
export function blobOperation(method: string, query: URLSearchParams): BlobOperation | undefined {
  const comp = query.get("comp");
  if (method === "PUT" && comp === "block") return "UploadBlock";
  if (method === "PUT" && comp === "blocklist") return "CommitBlockList";
  if ((method === "GET" || method === "HEAD") && comp === null) return "Download";
  return undefined;
}

/** An Azure Storage error: XML body plus `x-ms-error-code`, as `@azure/storage-blob` parses them. */
export function azureError(status: number, code: string, message: string): ServiceReply {
  const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  return { status, headers: { "content-type": "application/xml", "x-ms-error-code": code }, body: xml };
}

const REFUSALS: Record<SasRefusal, ServiceReply> = {
  missing: azureError(403, "AuthenticationFailed", "Signature or expiry missing from the SAS."),
  forged: azureError(403, "AuthenticationFailed", "Signature did not match."),
  expired: azureError(403, "AuthenticationFailed", "Signed expiry time has passed."),
  permission: azureError(403, "AuthorizationPermissionMismatch", "SAS lacks the needed permission."),
};

/** Headers Azure puts on every successful write, which the SDK's deserialisers read when present. */
function writeHeaders(artifact: ArtifactRecord): Record<string, string> {
  const etag = createHash("md5").update(artifact.content).update(String(artifact.id)).digest("hex");
  return {
    etag: `"0x${etag.slice(0, 15).toUpperCase()}"`,
    "last-modified": new Date().toUTCString(),
    "x-ms-request-server-encrypted": "true",
    "x-ms-version": "2025-01-05",
  };
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Block ids of a `<BlockList>` in document order; `<Committed>`/`<Uncommitted>` are treated like `<Latest>`. */
function parseBlockList(xml: string): string[] {
  const ids: string[] = [];
  for (const match of xml.matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g)) {
    ids.push((match[2] ?? "").replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => XML_ENTITIES[e] ?? ""));
  }
  return ids;
}

/** Checks the signed URL, then runs one blob operation on the artifact behind its path. */
export async function handleBlob(
  state: ServiceState,
  operation: BlobOperation,
  request: BlobRequest,
): Promise<ServiceReply> {
  const refusal = state.signer.verify(request.path, request.query, operation === "Download" ? "r" : "w");
  if (refusal) return REFUSALS[refusal];
  const artifact = findByBlobPath(state, request.path);
  if (!artifact) return azureError(404, "BlobNotFound", "The specified blob does not exist.");
  const artifactName = artifact.name;
  if (operation !== "Download" && artifact.finalized) {
    // Artifacts are immutable once finalized; the upload URL would normally have expired by then too.
    return { ...azureError(409, "BlobImmutableDueToPolicy", "The artifact is finalized."), artifactName };
  }
  const blocks = state.stagedBlocks.get(artifact.id) ?? new Map<string, Buffer>();
  state.stagedBlocks.set(artifact.id, blocks);
  switch (operation) {
    case "UploadBlock": {
      const blockId = request.query.get("blockid");
      if (!blockId) return azureError(400, "InvalidQueryParameterValue", "blockid is required.");
      const arrival = state.blockArrivals.get(artifact.id) ?? 0;
      state.blockArrivals.set(artifact.id, arrival + 1);
      const delay = state.options.blockDelayMs?.(arrival) ?? 0;
      if (delay > 0) await sleep(delay);
      blocks.set(blockId, request.body);
      artifact.blocksInStoreOrder.push(blockId);
      return { status: 201, headers: writeHeaders(artifact), artifactName };
    }
    case "CommitBlockList": {
      const ids = parseBlockList(request.body.toString("utf8"));
      const missing = ids.find((id) => !blocks.has(id));
      if (missing !== undefined) {
        return { ...azureError(400, "InvalidBlockList", `Block ${missing} is not staged.`), artifactName };
      }
      artifact.content = Buffer.concat(ids.map((id) => blocks.get(id) as Buffer));
      artifact.committedBlockIds = ids;
      const contentType = request.headers["x-ms-blob-content-type"];
      if (typeof contentType === "string") artifact.contentType = contentType;
      // Azure drops staged blocks the list leaves out; the listed ones stay as committed blocks.
      state.stagedBlocks.set(artifact.id, new Map(ids.map((id) => [id, blocks.get(id) as Buffer])));
      state.committed.add(artifact.id);
      return { status: 201, headers: writeHeaders(artifact), artifactName };
    }
    case "Download": {
      if (!state.committed.has(artifact.id))
        return azureError(404, "BlobNotFound", "The blob has no content.");
      const disposition = request.query.get("rscd");
      return {
        status: 200,
        headers: {
          "content-type": artifact.contentType ?? artifact.mimeType ?? "application/octet-stream",
          "content-length": String(artifact.content.length),
          ...(disposition ? { "content-disposition": disposition } : {}),
          "x-ms-blob-type": "BlockBlob",
          "accept-ranges": "bytes",
          ...writeHeaders(artifact),
        },
        body: artifact.content,
        artifactName,
      };
    }
  }
}
