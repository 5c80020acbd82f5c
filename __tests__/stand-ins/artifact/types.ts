/**
 * Public types of the Actions artifact service stand-in: its options, the artifacts it holds, its request
 * log and the faults tests can inject. The state is plain data so tests read it directly.
 */

/** The five Twirp methods of `github.actions.results.api.v1.ArtifactService`. */
export type TwirpMethod =
  "CreateArtifact" | "FinalizeArtifact" | "ListArtifacts" | "GetSignedArtifactURL" | "DeleteArtifact";

/** The Azure block-blob operations behind the signed URLs: stage a block, commit the list, read the blob. */
export type BlobOperation = "UploadBlock" | "CommitBlockList" | "Download";

/** Every operation the stand-in recognises; "Unknown" marks a request no route matched. */
export type ArtifactOperation = TwirpMethod | BlobOperation | "Unknown";

/** Options of `startArtifactStandIn`; every field has a default. */
export interface ArtifactStandInOptions {
  /**
   * How long signed upload and download URLs stay valid. The real service signs for hours; a tiny value
   * lets a test see the 403 an expired URL gets.
   * @default 3_600_000
   */
  signedUrlTtlMs?: number;
  /**
   * Delay before a staged block is stored and acknowledged, by the block's arrival index within its
   * blob (0 = first block to arrive). Delaying block 0 makes later blocks land first, so a test can prove
   * blocks are assembled in `<Latest>` order rather than arrival order.
   * @default no delay
   */
  blockDelayMs?: (arrivalIndex: number) => number;
}

/** An artifact as the stand-in holds it; created by CreateArtifact, listed only once finalized. */
export interface ArtifactRecord {
  /** The `database_id`, from one sequence for the whole service like GitHub's. */
  id: number;
  name: string;
  /** `workflow_run_backend_id` of the run the artifact belongs to (names are unique per run). */
  runBackendId: string;
  /** `workflow_job_run_backend_id` of the job that created it. */
  jobBackendId: string;
  /** `mime_type` from CreateArtifact: `application/zip`, or the raw file's type for `skipArchive`. */
  mimeType: string | undefined;
  /** Blob content type from the commit's `x-ms-blob-content-type`, served on download. */
  contentType: string | undefined;
  createdAt: Date;
  expiresAt: Date | undefined;
  finalized: boolean;
  /** Size the client reported in FinalizeArtifact (checked against the committed blob). */
  size: number;
  /** `sha256:<hex>` from FinalizeArtifact's `hash`, when the client sent one. */
  digest: string | undefined;
  /** The committed blob: the zip, or the raw file for `skipArchive` uploads. Empty before the commit. */
  content: Buffer;
  /** Block ids in the order their bytes were stored (arrival order, possibly shuffled by concurrency). */
  blocksInStoreOrder: string[];
  /** Block ids of the committed block list: the order the content was assembled in. */
  committedBlockIds: string[];
  /** Path of the blob behind the signed URLs. */
  blobPath: string;
}

/** One request the stand-in answered. */
export interface ArtifactRequestLogEntry {
  method: string;
  /** Path without the query string (signatures stay out of the log). */
  path: string;
  operation: ArtifactOperation;
  status: number;
  /** Artifact name from the Twirp body or the blob's artifact, when there is one. */
  artifactName?: string;
  /** `blockid` of an UploadBlock. */
  blockId?: string;
  /** True when an injected fault produced this answer. */
  injected: boolean;
  /**
   * When the request arrived and when it was answered (`performance.now()` ms): requests whose spans
   * overlap were in flight together, which is how a test sees a client's concurrency.
   */
  receivedAt: number;
  answeredAt: number;
}

/** Operations a fault can target. */
export type FaultTarget = TwirpMethod | BlobOperation;

/** A failure answer for the next matching requests, e.g. one 503 (transient) or endless 500s (permanent). */
export interface ArtifactFault {
  method: FaultTarget;
  /** How many matching requests fail; `Infinity` for a permanent failure. */
  times: number;
  status: number;
  /**
   * Error text: Twirp `msg` or Azure `<Message>`. The client appends `msg` to its error, and a `msg`
   * containing "insufficient usage" makes it throw `UsageError`.
   * @default a generic text for the status
   */
  message?: string;
  /**
   * Apply the call first, then answer with the error, as when a response is lost after the service
   * committed — a retried CreateArtifact then meets its own artifact and gets 409.
   * @default false
   */
  afterApply?: boolean;
  /**
   * Hold the request this long first, as a slow or stalled service would; with `status: 200` it is then
   * answered normally (a delay and no error).
   */
  delayMs?: number;
}

/** A running stand-in. */
export interface ArtifactStandIn {
  /** Origin for `ACTIONS_RESULTS_URL`; the client uses only `new URL(x).origin`. */
  url: string;
  /** A JWT the client accepts as `ACTIONS_RUNTIME_TOKEN` for one job of one run (unsigned: nobody checks). */
  runtimeToken(runBackendId: string, jobBackendId: string): string;
  /** Artifacts held now, finalized or not, in creation order; deleted ones are gone. */
  readonly artifacts: readonly ArtifactRecord[];
  /** Every request in arrival order. */
  readonly requests: readonly ArtifactRequestLogEntry[];
  /** Queues a fault; faults for the same target are used up in the order they were injected. */
  injectFault(fault: ArtifactFault): void;
  close(): Promise<void>;
}
