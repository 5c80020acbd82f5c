import { mkdtemp, readFile, readdir, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A stored JSON document of this workflow run. */
export interface StoredArtifact {
  id: number;
  name: string;
  size: number;
}

/**
 * The artifact port: JSON documents shared between the jobs of one workflow run (the plan, each
 * agent's status). Backed by @actions/artifact in production and by the artifact stand-in in tests.
 */
export interface ArtifactStore {
  /** Uploads `value` as `<name>.json`, unarchived. Names must be unique within the workflow run. */
  uploadJson(name: string, value: unknown): Promise<StoredArtifact>;
  /** Every artifact of this workflow run, from every job. */
  list(): Promise<StoredArtifact[]>;
  /**
   * Downloads one artifact and parses it as JSON (validation is the caller's). A file over `maxBytes`
   * once downloaded (a zipped artifact's listed size is its compressed size) is refused unread.
   */
  downloadJson(artifact: StoredArtifact, maxBytes?: number): Promise<unknown>;
}

/** How long statuses and plans are kept; long enough to retry a run a week later. */
const RETENTION_DAYS = 30;

/**
 * The production store over @actions/artifact. The client is imported lazily: it pulls in the Azure
 * SDK, and a mode that never touches artifacts should not pay for loading it.
 */
export async function createArtifactStore(
  tempRoot: string = process.env.RUNNER_TEMP || tmpdir(),
): Promise<ArtifactStore> {
  const { DefaultArtifactClient } = await import("@actions/artifact");
  const client = new DefaultArtifactClient();
  return {
    async uploadJson(name, value) {
      const dir = await mkdtemp(join(tempRoot, "pto-upload-"));
      const file = join(dir, `${name}.json`);
      await writeFile(file, `${JSON.stringify(value, null, 2)}\n`, "utf8");
      const response = await client.uploadArtifact(`${name}.json`, [file], dir, {
        retentionDays: RETENTION_DAYS,
        skipArchive: true,
      });
      if (response.id === undefined) throw new Error(`Uploading artifact ${name}.json returned no id`);
      return { id: response.id, name: `${name}.json`, size: response.size ?? 0 };
    },
    async list() {
      const { artifacts } = await client.listArtifacts();
      return artifacts.map((a) => ({ id: a.id, name: a.name, size: a.size }));
    },
    async downloadJson(artifact, maxBytes) {
      const dir = await mkdtemp(join(tempRoot, "pto-download-"));
      const { downloadPath } = await client.downloadArtifact(artifact.id, { path: dir });
      const target = downloadPath ?? dir;
      const files = await readdir(target);
      const file = files.find((f) => f.endsWith(".json")) ?? files[0];
      if (file === undefined) throw new Error(`Artifact ${artifact.name} (id ${artifact.id}) is empty`);
      const path = join(target, file);
      const { size } = await stat(path);
      if (maxBytes !== undefined && size > maxBytes) {
        throw new Error(
          `Artifact ${artifact.name} (id ${artifact.id}) is ${size} bytes once downloaded, over ${maxBytes}`,
        );
      }
      const text = await readFile(path, "utf8");
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        throw new Error(`Artifact ${artifact.name} (id ${artifact.id}) is not valid JSON`, { cause: error });
      }
    },
  };
}
