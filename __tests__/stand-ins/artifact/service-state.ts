/**
 * The in-memory state shared by the Twirp and blob handlers, and the reply shape both produce.
 */
import type { UrlSigner } from "./signed-url.js";
import type { ArtifactRecord, ArtifactStandInOptions } from "./types.js";

/** Everything the handlers read and change. */
export interface ServiceState {
  artifacts: ArtifactRecord[];
  /** Next `database_id`; one sequence across runs, as on GitHub. */
  nextId: number;
  signer: UrlSigner;
  /** Uncommitted blocks per artifact id, by block id: Azure keeps them until a commit or expiry. */
  stagedBlocks: Map<number, Map<string, Buffer>>;
  /** Ids of artifacts whose block list was committed (an empty blob is a valid commit). */
  committed: Set<number>;
  /** Blocks received per artifact id, to number arrivals for `blockDelayMs`. */
  blockArrivals: Map<number, number>;
  options: ArtifactStandInOptions;
}

/** A handler's answer; the server writes it and logs the status. */
export interface ServiceReply {
  status: number;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** For the request log. */
  artifactName?: string;
}

/** The artifact of a run with this name, if any (names are unique per run across its jobs). */
export function findByName(
  state: ServiceState,
  runBackendId: string,
  name: string,
): ArtifactRecord | undefined {
  return state.artifacts.find((a) => a.runBackendId === runBackendId && a.name === name);
}

/** The artifact whose blob lives at this path. */
export function findByBlobPath(state: ServiceState, blobPath: string): ArtifactRecord | undefined {
  return state.artifacts.find((a) => a.blobPath === blobPath);
}

/** Prefix of every blob path: an IP-style Azure URL puts the account first, then the container. */
export const BLOB_PREFIX = "/devstoreaccount1/actions-results/";

/**
 * Where an artifact's blob lives. Like the real service's URLs it sits under the run and job, and zip
 * artifacts end in `.zip` (the client unzips any download whose path ends so).
 */
export function blobPathFor(runBackendId: string, jobBackendId: string, id: number, zip: boolean): string {
  const segment = (value: string) => encodeURIComponent(value);
  return `${BLOB_PREFIX}${segment(runBackendId)}/workflow-job-run-${segment(jobBackendId)}/artifacts/${id}${zip ? ".zip" : ""}`;
}
