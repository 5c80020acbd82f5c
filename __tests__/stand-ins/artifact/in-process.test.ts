/**
 * Shows that `DefaultArtifactClient` also runs inside the vitest process: 6.2.1 reads
 * ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL, GITHUB_WORKSPACE and GITHUB_SERVER_URL at call time, so
 * switching the environment between calls switches job (only ACTIONS_ARTIFACT_MAX_ARTIFACT_COUNT is read
 * at import). `@actions/core` still writes its log lines to this process's stdout.
 */
import { DefaultArtifactClient } from "@actions/artifact";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { startArtifactStandIn, type ArtifactStandIn } from "./server.js";

let standIn: ArtifactStandIn;
let dir: string;

afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await standIn.close();
  await rm(dir, { recursive: true, force: true });
});

function actAsJob(run: string, job: string) {
  vi.stubEnv("ACTIONS_RUNTIME_TOKEN", standIn.runtimeToken(run, job));
  vi.stubEnv("ACTIONS_RESULTS_URL", standIn.url);
  vi.stubEnv("GITHUB_WORKSPACE", dir);
  vi.stubEnv("GITHUB_SERVER_URL", "https://github.com");
}

beforeEach(() => {
  // @actions/core logs by writing workflow commands (::debug::, ::add-mask::) straight to stdout.
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
});

it("runs in-process: one job uploads, another job of the run downloads", async () => {
  standIn = await startArtifactStandIn();
  dir = await mkdtemp(join(tmpdir(), "artifact-in-process-"));
  const file = join(dir, "result.json");
  await writeFile(file, '{"version":1}\n');
  const client = new DefaultArtifactClient();

  actAsJob("run-1", "job-1");
  const upload = await client.uploadArtifact("ignored", [file], dir, { skipArchive: true });

  actAsJob("run-1", "job-2");
  const { artifacts } = await client.listArtifacts();
  expect(artifacts.map((a) => [a.name, a.id])).toEqual([["result.json", upload.id]]);
  const path = join(dir, "downloaded");
  const download = await client.downloadArtifact(upload.id ?? 0, { path });
  expect(download.digestMismatch).toBe(false);
  expect(await readFile(join(path, "result.json"), "utf8")).toBe('{"version":1}\n');

  actAsJob("run-2", "job-1");
  expect((await client.listArtifacts()).artifacts).toEqual([]);
});
