import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { createArtifactStore, sha256Hex } from "./artifact-store.js";

// A zipped artifact is listed with its compressed size; what lands on disk can be far bigger.
let content = "";
vi.mock("@actions/artifact", () => ({
  DefaultArtifactClient: class {
    downloadArtifact(_id: number, options: { path: string }) {
      writeFileSync(join(options.path, "status.json"), content);
      return Promise.resolve({ downloadPath: options.path });
    }
  },
}));

describe("the artifact store", () => {
  const artifact = { id: 7, name: "status-1-1-1.json", size: 300 };

  it("refuses, unread, a download bigger than maxBytes even when its listed size was small", async () => {
    content = JSON.stringify({ log_excerpt: "y".repeat(300 * 1024) });
    const store = await createArtifactStore(mkdtempSync(join(tmpdir(), "pto-store-")));
    await expect(store.downloadJson(artifact, 256 * 1024)).rejects.toThrow(
      /status-1-1-1\.json \(id 7\) is 30\d{4} bytes once downloaded, over 262144/,
    );
  });

  it("parses a download within the limit, and any size without one", async () => {
    content = '{"ok": true}';
    const store = await createArtifactStore(mkdtempSync(join(tmpdir(), "pto-store-")));
    await expect(store.downloadJson(artifact, 256 * 1024)).resolves.toEqual({ ok: true });
    content = JSON.stringify({ big: "z".repeat(300 * 1024) });
    await expect(store.downloadJson(artifact)).resolves.toMatchObject({ big: expect.any(String) });
  });

  it("checks a download against the digest its producer reported, refusing other bytes", async () => {
    content = '{"plan": 1}';
    const store = await createArtifactStore(mkdtempSync(join(tmpdir(), "pto-store-")));
    await expect(store.downloadJson(artifact, undefined, sha256Hex(content))).resolves.toEqual({ plan: 1 });
    await expect(store.downloadJson(artifact, undefined, sha256Hex('{"plan": 2}'))).rejects.toThrow(
      `status-1-1-1.json (id 7) has SHA-256 ${sha256Hex(content)}, not the ${sha256Hex('{"plan": 2}')} its producer uploaded`,
    );
  });
});
