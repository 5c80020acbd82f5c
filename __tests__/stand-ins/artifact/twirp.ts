/**
 * The Twirp half of the stand-in: `github.actions.results.api.v1.ArtifactService` over protobuf JSON
 * (snake_case fields, int64 as strings, Timestamps as RFC 3339), with Twirp's error bodies and statuses.
 */
import { createHash } from "node:crypto";
import type { TokenScope } from "./runtime-token.js";
import { blobPathFor, findByName, type ServiceReply, type ServiceState } from "./service-state.js";
import type { ArtifactRecord, TwirpMethod } from "./types.js";

/** Path prefix of every Twirp call; only the origin of `ACTIONS_RESULTS_URL` is used, so it sits at root. */
export const TWIRP_PREFIX = "/twirp/github.actions.results.api.v1.ArtifactService/";

export const TWIRP_METHODS: readonly TwirpMethod[] = [
  "CreateArtifact",
  "FinalizeArtifact",
  "ListArtifacts",
  "GetSignedArtifactURL",
  "DeleteArtifact",
];

/** HTTP status of each Twirp error code, from the Twirp v7 specification. */
const CODE_STATUS: Record<string, number> = {
  invalid_argument: 400,
  malformed: 400,
  unauthenticated: 401,
  permission_denied: 403,
  bad_route: 404,
  not_found: 404,
  already_exists: 409,
  aborted: 409,
  failed_precondition: 412,
  resource_exhausted: 429,
  internal: 500,
  unimplemented: 501,
  unavailable: 503,
  deadline_exceeded: 504,
};

/** A Twirp error reply: `{"code", "msg"}` with the code's status. */
export function twirpError(code: string, msg: string, status = CODE_STATUS[code] ?? 500): ServiceReply {
  return { status, headers: { "content-type": "application/json" }, body: JSON.stringify({ code, msg }) };
}

/** The Twirp code an injected status stands for (409 is "aborted": "already_exists" has its own test). */
export function codeForStatus(status: number): string {
  const byStatus: Record<number, string> = { 409: "aborted", 502: "unavailable", 504: "deadline_exceeded" };
  const code = byStatus[status] ?? Object.entries(CODE_STATUS).find(([, s]) => s === status)?.[0];
  return code ?? (status >= 500 ? "internal" : "unknown");
}

const ok = (body: unknown, artifactName?: string): ServiceReply => ({
  status: 200,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
  artifactName,
});

/** A proto3 JSON field: parsers accept the proto name (snake_case) and the lowerCamelCase JSON name. */
function field(body: Record<string, unknown>, name: string): unknown {
  return body[name] ?? body[name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())];
}

function text(body: Record<string, unknown>, name: string): string | undefined {
  const value = field(body, name);
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** int64 arrives as a decimal string (or, leniently, a number). */
function int64(body: Record<string, unknown>, name: string): number | undefined {
  const value = field(body, name);
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  return typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : undefined;
}

function toListEntry(a: ArtifactRecord) {
  return {
    workflow_run_backend_id: a.runBackendId,
    workflow_job_run_backend_id: a.jobBackendId,
    database_id: String(a.id),
    name: a.name,
    size: String(a.size),
    created_at: a.createdAt.toISOString(),
    ...(a.digest ? { digest: a.digest } : {}),
  };
}

/** What a browser-style download would save the blob as; the client names raw downloads after it. */
function contentDispositionFor(a: ArtifactRecord): string {
  const fileName = a.mimeType === "application/zip" || !a.mimeType ? `${a.name}.zip` : a.name;
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Runs one Twirp method for an authenticated caller. */
export function handleTwirp(
  state: ServiceState,
  method: TwirpMethod,
  scope: TokenScope,
  body: Record<string, unknown>,
): ServiceReply {
  const run = text(body, "workflow_run_backend_id");
  const job = text(body, "workflow_job_run_backend_id");
  const name = text(body, "name");
  if (!run || !job) return twirpError("invalid_argument", "workflow run and job backend ids are required");
  // The token decides which run a caller may touch; downloads name the uploading job, so only the run
  // must match there, while creating and finalizing act for the token's own job.
  if (run !== scope.runBackendId) return twirpError("permission_denied", "token is not valid for this run");
  const ownJob = job === scope.jobBackendId;
  switch (method) {
    case "CreateArtifact": {
      if (!ownJob) return twirpError("permission_denied", "token is not valid for this job");
      if (!name) return twirpError("invalid_argument", "name is required");
      if (findByName(state, run, name)) {
        return twirpError("already_exists", "an artifact with this name already exists on the workflow run");
      }
      const mimeType = text(body, "mime_type");
      const expiresAt = text(body, "expires_at");
      const id = state.nextId++;
      const artifact: ArtifactRecord = {
        id,
        name,
        runBackendId: run,
        jobBackendId: job,
        mimeType,
        contentType: undefined,
        createdAt: new Date(),
        expiresAt: expiresAt ? new Date(expiresAt) : undefined,
        finalized: false,
        size: 0,
        digest: undefined,
        content: Buffer.alloc(0),
        blocksInStoreOrder: [],
        committedBlockIds: [],
        // Clients before mime_type existed always uploaded zips.
        blobPath: blobPathFor(run, job, id, !mimeType || mimeType === "application/zip"),
      };
      state.artifacts.push(artifact);
      return ok({ ok: true, signed_upload_url: state.signer.sign(artifact.blobPath, "cw") }, name);
    }
    case "FinalizeArtifact": {
      if (!ownJob) return twirpError("permission_denied", "token is not valid for this job");
      const artifact = name ? findByName(state, run, name) : undefined;
      if (!artifact || artifact.jobBackendId !== job) return twirpError("not_found", "artifact not found");
      if (artifact.finalized) return twirpError("failed_precondition", "artifact is already finalized");
      if (!state.committed.has(artifact.id)) {
        return twirpError("failed_precondition", "artifact blob has not been uploaded");
      }
      const size = int64(body, "size");
      if (size !== artifact.content.length) {
        return twirpError(
          "invalid_argument",
          `size ${size} does not match uploaded ${artifact.content.length}`,
        );
      }
      const hash = text(body, "hash");
      const actual = `sha256:${createHash("sha256").update(artifact.content).digest("hex")}`;
      if (hash !== undefined && hash !== actual) return twirpError("invalid_argument", "hash mismatch");
      Object.assign(artifact, { finalized: true, size, digest: hash });
      return ok({ ok: true, artifact_id: String(artifact.id) }, artifact.name);
    }
    case "ListArtifacts": {
      const nameFilter = text(body, "name_filter");
      const idFilter = int64(body, "id_filter");
      const listed = state.artifacts.filter(
        (a) =>
          a.finalized &&
          a.runBackendId === run &&
          (nameFilter === undefined || a.name === nameFilter) &&
          (idFilter === undefined || a.id === idFilter),
      );
      return ok({ artifacts: listed.map(toListEntry) }, nameFilter);
    }
    case "GetSignedArtifactURL": {
      const artifact = name ? findByName(state, run, name) : undefined;
      if (!artifact?.finalized) return twirpError("not_found", "artifact not found");
      const signedUrl = state.signer.sign(artifact.blobPath, "r", contentDispositionFor(artifact));
      return ok({ signed_url: signedUrl }, artifact.name);
    }
    case "DeleteArtifact": {
      const artifact = name ? findByName(state, run, name) : undefined;
      if (!artifact) return twirpError("not_found", "artifact not found");
      state.artifacts.splice(state.artifacts.indexOf(artifact), 1);
      state.stagedBlocks.delete(artifact.id);
      return ok({ ok: true, artifact_id: String(artifact.id) }, artifact.name);
    }
  }
}
