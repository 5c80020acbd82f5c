import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A stored JSON document of this workflow run. */
export interface StoredArtifact {
  id: number;
  name: string;
  size: number;
  /** SHA-256 (hex) of the document's bytes as uploaded; set on what `uploadJson` returns. */
  sha256?: string;
}

/** A downloaded artifact whose bytes are not the ones its producer reported uploading. */
export class ArtifactDigestError extends Error {
  constructor(artifact: StoredArtifact, expected: string, actual: string) {
    super(
      `Artifact ${artifact.name} (id ${artifact.id}) has SHA-256 ${actual}, not the ${expected} its producer uploaded`,
    );
    this.name = "ArtifactDigestError";
  }
}

/** SHA-256 (hex) of a document's bytes: what producers pass on and consumers check. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * The artifact port: JSON documents shared between the jobs of one workflow run (the plan, each
 * agent's status). Backed by @actions/artifact in production and by the artifact stand-in in tests.
 */
export interface ArtifactStore {
  /**
   * Uploads `value` as `<name>.json`, unarchived. Names must be unique within the workflow run. The result
   * carries the SHA-256 of the uploaded bytes, which a consumer can be given to check its download.
   */
  uploadJson(name: string, value: unknown): Promise<StoredArtifact>;
  /** Every artifact of this workflow run, from every job. */
  list(): Promise<StoredArtifact[]>;
  /**
   * Downloads one artifact and parses it as JSON (validation is the caller's). A file over `maxBytes`
   * once downloaded (a zipped artifact's listed size is its compressed size) is refused unread; with
   * `sha256`, bytes that hash otherwise are refused (ArtifactDigestError).
   */
  downloadJson(artifact: StoredArtifact, maxBytes?: number, sha256?: string): Promise<unknown>;
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
      const text = `${JSON.stringify(value, null, 2)}\n`;
      await writeFile(file, text, "utf8");
      const response = await client.uploadArtifact(`${name}.json`, [file], dir, {
        retentionDays: RETENTION_DAYS,
        skipArchive: true,
      });
      if (response.id === undefined) throw new Error(`Uploading artifact ${name}.json returned no id`);
      return { id: response.id, name: `${name}.json`, size: response.size ?? 0, sha256: sha256Hex(text) };
    },
    async list() {
      const { artifacts } = await client.listArtifacts();
      return artifacts.map((a) => ({ id: a.id, name: a.name, size: a.size }));
    },
    async downloadJson(artifact, maxBytes, sha256) {
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
      const bytes = await readFile(path);
      if (sha256 !== undefined) {
        const actual = sha256Hex(bytes);
        if (actual !== sha256.toLowerCase()) throw new ArtifactDigestError(artifact, sha256, actual);
      }
      const text = bytes.toString("utf8");
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        throw new Error(`Artifact ${artifact.name} (id ${artifact.id}) is not valid JSON`, { cause: error });
      }
    },
  };
}
