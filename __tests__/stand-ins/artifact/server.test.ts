/**
 * The artifact stand-in against the real `DefaultArtifactClient` of `@actions/artifact` 6.2.1, run in a
 * child process per job step. Two tests wait for the client's fixed ~3 s retry back-off.
 */
import type { Artifact, UploadArtifactResponse } from "@actions/artifact";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  runArtifactClient,
  runArtifactSteps,
  type ArtifactClientCommand,
  type ArtifactClientJob,
  type ArtifactClientOutcome,
} from "./artifact-client.js";
import { startArtifactStandIn, type ArtifactRecord, type ArtifactStandIn } from "./server.js";

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
const RESULT = Buffer.from(`${JSON.stringify({ version: 1, task: "t-1", status: "success" }, null, 2)}\n`);

let standIn: ArtifactStandIn;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "artifact-stand-in-"));
});

afterEach(async () => {
  await standIn.close();
  await rm(dir, { recursive: true, force: true });
});

/** A job of a run with its own workspace, holding `result.json`. */
async function jobOf(run: string, job: string): Promise<ArtifactClientJob & { file: string }> {
  const workspace = join(dir, `${run}-${job}`);
  await mkdir(workspace, { recursive: true });
  const file = join(workspace, "result.json");
  await writeFile(file, RESULT);
  return { run, job, workspace, file };
}

/** Uploads the job's result.json under a name (ignored by the client when `skipArchive` is set). */
function uploadOf(job: { file: string; workspace: string }, name: string, skipArchive = false) {
  const command: ArtifactClientCommand = {
    op: "upload",
    name,
    files: [job.file],
    rootDirectory: job.workspace,
    options: { skipArchive },
  };
  return command;
}

const operations = (s: ArtifactStandIn) => s.requests.map((r) => `${r.operation} ${r.status}`);

describe("artifact stand-in with the real DefaultArtifactClient", () => {
  it("uploads zipped and raw; another job of the run lists and downloads both byte-identical", async () => {
    standIn = await startArtifactStandIn();
    const uploader = await jobOf("run-1", "job-1");
    const uploads = await runArtifactSteps(standIn, uploader, [
      uploadOf(uploader, "t-1"),
      uploadOf(uploader, "x", true),
    ]);
    const [zipped, raw] = uploads.outcomes as Array<ArtifactClientOutcome<UploadArtifactResponse>>;
    expect(zipped?.error).toBeUndefined();
    expect(operations(standIn).slice(0, 4)).toEqual([
      "CreateArtifact 200",
      "UploadBlock 201",
      "CommitBlockList 201",
      "FinalizeArtifact 200",
    ]);
    expect(raw?.ok).toBe(true);

    // skipArchive names the artifact after its file and stores the bytes as they are.
    const [zipRecord, rawRecord] = standIn.artifacts;
    expect(zipRecord).toMatchObject({ name: "t-1", mimeType: "application/zip", finalized: true });
    expect(rawRecord).toMatchObject({ name: "result.json", mimeType: "application/json", content: RESULT });
    expect(rawRecord?.digest).toBe(`sha256:${sha256(RESULT)}`);
    expect(raw?.result?.digest).toBe(sha256(RESULT));

    const reader = await jobOf("run-1", "job-2");
    const download = (record: ArtifactRecord | undefined, into: string): ArtifactClientCommand => ({
      op: "download",
      id: record?.id ?? 0,
      options: { path: join(reader.workspace, into), expectedHash: record?.digest },
    });
    const reads = await runArtifactSteps(standIn, reader, [
      { op: "list" },
      download(zipRecord, "unzipped"),
      download(rawRecord, "raw"),
    ]);
    const [listed, ...downloads] = reads.outcomes;
    expect((listed?.result as { artifacts: Artifact[] }).artifacts).toEqual([
      expect.objectContaining({ name: "t-1", id: zipped?.result?.id, size: zipRecord?.content.length }),
      expect.objectContaining({
        name: "result.json",
        id: raw?.result?.id,
        size: RESULT.length,
        digest: `sha256:${sha256(RESULT)}`,
      }),
    ]);
    expect(downloads.map((d) => d.result)).toEqual([
      expect.objectContaining({ digestMismatch: false }),
      expect.objectContaining({ digestMismatch: false }),
    ]);
    // The zip is unpacked; the raw blob is saved under its Content-Disposition name.
    expect(await readFile(join(reader.workspace, "unzipped", "result.json"))).toEqual(RESULT);
    expect(await readFile(join(reader.workspace, "raw", "result.json"))).toEqual(RESULT);
  });

  it("refuses a duplicate name within a run, from any job, with 409 and no retry", async () => {
    standIn = await startArtifactStandIn();
    const first = await jobOf("run-1", "job-1");
    expect((await runArtifactClient(standIn, first, uploadOf(first, "t-1"))).ok).toBe(true);
    const second = await jobOf("run-1", "job-2");
    const duplicate = await runArtifactClient(standIn, second, uploadOf(second, "t-1"));
    expect(duplicate.ok).toBe(false);
    expect(duplicate.error?.message).toBe(
      "Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: " +
        "an artifact with this name already exists on the workflow run",
    );
    expect(operations(standIn).filter((o) => o.startsWith("CreateArtifact"))).toEqual([
      "CreateArtifact 200",
      "CreateArtifact 409",
    ]);
  });

  it("keeps runs apart: another run neither sees nor downloads them, and may reuse the name", async () => {
    standIn = await startArtifactStandIn();
    const runOne = await jobOf("run-1", "job-1");
    const upload = await runArtifactClient<UploadArtifactResponse>(standIn, runOne, uploadOf(runOne, "t-1"));
    const runTwo = await jobOf("run-2", "job-1");
    const { outcomes } = await runArtifactSteps(standIn, runTwo, [
      { op: "list" },
      { op: "download", id: upload.result?.id ?? 0 },
      uploadOf(runTwo, "t-1"),
    ]);
    expect(outcomes[0]?.result).toEqual({ artifacts: [] });
    expect(outcomes[1]?.error).toMatchObject({ name: "ArtifactNotFoundError" });
    expect(outcomes[2]?.ok).toBe(true);
  });

  it("assembles a multi-block upload in block-list order although blocks arrive out of order", async () => {
    // Holding the first block back lets blocks 2 and 3 land first, as concurrent uploads do in the wild.
    standIn = await startArtifactStandIn({ blockDelayMs: (arrival) => (arrival === 0 ? 500 : 0) });
    const uploader = await jobOf("run-1", "job-1");
    const big = randomBytes(17 * 1024 * 1024 + 123);
    const file = join(uploader.workspace, "big.bin");
    await writeFile(file, big);
    const upload = await runArtifactClient<UploadArtifactResponse>(standIn, uploader, {
      op: "upload",
      name: "big",
      files: [file],
      rootDirectory: uploader.workspace,
      options: { skipArchive: true },
    });
    expect(upload.error).toBeUndefined();
    const [record] = standIn.artifacts;
    expect(record?.committedBlockIds).toHaveLength(3);
    expect(record?.blocksInStoreOrder).not.toEqual(record?.committedBlockIds);
    expect(record?.content.equals(big)).toBe(true);

    const reader = await jobOf("run-1", "job-2");
    const path = join(reader.workspace, "out");
    await runArtifactClient(standIn, reader, { op: "download", id: record?.id ?? 0, options: { path } });
    expect(sha256(await readFile(join(path, "big.bin")))).toBe(sha256(big));
  });

  it("lets the client retry a transient 503 on CreateArtifact", async () => {
    standIn = await startArtifactStandIn();
    standIn.injectFault({ method: "CreateArtifact", times: 1, status: 503 });
    const uploader = await jobOf("run-1", "job-1");
    const upload = await runArtifactClient(standIn, uploader, uploadOf(uploader, "t-1"));
    expect(upload.ok).toBe(true);
    expect(upload.stdout).toContain("Attempt 1 of 5 failed with error: Failed request: (503)");
    expect(operations(standIn).slice(0, 2)).toEqual(["CreateArtifact 503", "CreateArtifact 200"]);
  });

  it("turns a lost CreateArtifact response into a 409 on the client's own retry", async () => {
    standIn = await startArtifactStandIn();
    standIn.injectFault({ method: "CreateArtifact", times: 1, status: 503, afterApply: true });
    const uploader = await jobOf("run-1", "job-1");
    const upload = await runArtifactClient(standIn, uploader, uploadOf(uploader, "t-1"));
    expect(upload.error?.message).toContain("(409) Conflict");
    expect(operations(standIn)).toEqual(["CreateArtifact 503", "CreateArtifact 409"]);
  });

  it("surfaces permanent failures: a non-retryable Finalize error and a usage (quota) error", async () => {
    standIn = await startArtifactStandIn();
    standIn.injectFault({ method: "FinalizeArtifact", times: Infinity, status: 400, message: "bad size" });
    standIn.injectFault({ method: "CreateArtifact", times: 1, status: 403, message: "insufficient usage" });
    const uploader = await jobOf("run-1", "job-1");
    const step = await runArtifactSteps(standIn, uploader, [
      uploadOf(uploader, "t-1"),
      uploadOf(uploader, "t-2"),
    ]);
    expect(step.exitCode).toBe(1);
    // The 403 hits the first upload's CreateArtifact, the 400 the second upload's FinalizeArtifact.
    const [quota, failed] = step.outcomes;
    // The Twirp wrapper rethrows UsageError as a plain Error, so only the message tells it apart.
    expect(quota?.error).toEqual({
      name: "Error",
      message: expect.stringMatching(/^Failed to CreateArtifact: Artifact storage quota has been hit/),
    });
    expect(failed?.error?.message).toBe(
      "Failed to FinalizeArtifact: Received non-retryable error: Failed request: (400) Bad Request: bad size",
    );
    expect(standIn.artifacts.map((a) => [a.name, a.finalized])).toEqual([["t-2", false]]);
  });

  it("deletes an artifact so the name can be used again under a new id", async () => {
    standIn = await startArtifactStandIn();
    const uploader = await jobOf("run-1", "job-1");
    const first = await runArtifactClient<UploadArtifactResponse>(
      standIn,
      uploader,
      uploadOf(uploader, "t-1"),
    );
    const other = await jobOf("run-1", "job-2");
    const { outcomes } = await runArtifactSteps(standIn, other, [
      { op: "delete", name: "t-1" },
      uploadOf(other, "t-1"),
    ]);
    expect(outcomes.map((o) => (o.result as { id: number }).id)).toEqual([
      first.result?.id,
      (first.result?.id ?? 0) + 1,
    ]);
    expect(standIn.artifacts.map((a) => [a.name, a.jobBackendId])).toEqual([["t-1", "job-2"]]);
  });
});
