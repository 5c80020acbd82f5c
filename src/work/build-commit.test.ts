import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scratchGit } from "../../__tests__/harness/git-fixture.js";
import { BOT_IDENTITY, buildCommit, WorkRejectedError } from "./build-commit.js";
import { createPublishRepo, type PublishRepo } from "./fresh-clone.js";
import { contentBytes, type WorkDocument, type WorkFile } from "./work-schema.js";
import { writeWorkTree } from "./work-tree.js";

const { temp, createOrigin } = scratchGit("pto-build-commit-");

async function publishRepo(): Promise<{ repo: PublishRepo; startSha: string }> {
  const { originUrl } = createOrigin({ "README.md": "# Demo\n", "src.ts": "one\ntwo\n" });
  const repo = await createPublishRepo({ remoteUrl: originUrl, tempDir: temp });
  const startSha = (await repo.fetchRefs(["main"])).get("main") ?? "";
  return { repo, startSha };
}

function workDocument(startSha: string, files: WorkFile[]): WorkDocument {
  return {
    schema_version: "1.0",
    master_issue: 7,
    task_id: "1",
    run_attempt: 1,
    start_sha: startSha,
    files,
    stats: { files: files.length, bytes: contentBytes(files), lines_added: 0, lines_removed: 0 },
  };
}

const b64 = (text: string) => Buffer.from(text).toString("base64");

describe("buildCommit", () => {
  it("builds the commit on the start commit with the document's contents, modes and links, as the bot", async () => {
    const { repo, startSha } = await publishRepo();
    const files: WorkFile[] = [
      { path: "README.md", deleted: true },
      { path: "src.ts", mode: "100644", content_base64: b64("one\n2\nthree\n") },
      { path: "bin/run", mode: "100755", content_base64: b64("#!/bin/sh\n") },
      { path: "docs/link", mode: "120000", target: "../src.ts" },
      { path: "data.bin", mode: "100644", content_base64: Buffer.from([0, 1, 2, 255]).toString("base64") },
    ];
    const built = await buildCommit(repo.git, {
      startSha,
      document: workDocument(startSha, files),
      message: "Task 1: change things\n",
    });
    const show = async (...args: string[]) => (await repo.git(args)).stdout;
    expect((await show("rev-parse", `${built.commitSha}^`)).trim()).toBe(startSha);
    expect(await show("ls-tree", "-r", built.commitSha)).toMatch(
      /^100755 blob \w+\tbin\/run\n100644 blob \w+\tdata.bin\n120000 blob \w+\tdocs\/link\n100644 blob \w+\tsrc.ts\n$/,
    );
    expect(await show("cat-file", "blob", `${built.commitSha}:src.ts`)).toBe("one\n2\nthree\n");
    expect(await show("cat-file", "blob", `${built.commitSha}:docs/link`)).toBe("../src.ts");
    expect(await show("log", "-1", "--format=%an <%ae>|%cn <%ce>|%B", built.commitSha)).toBe(
      `${BOT_IDENTITY.name} <${BOT_IDENTITY.email}>|${BOT_IDENTITY.name} <${BOT_IDENTITY.email}>|Task 1: change things\n\n`,
    );
    expect(built.changes).toEqual({
      files: ["README.md", "bin/run", "data.bin", "docs/link", "src.ts"],
      linesAdded: 1 + 1 + 2,
      linesRemoved: 1 + 1,
    });
    expect(readdirSync(repo.gitDir).filter((name) => name.startsWith("pto-index"))).toEqual([]);
  });

  it.each<[string, WorkFile]>([
    ["a path into .git", { path: ".git/hooks/pre-push", mode: "100755", content_base64: b64("x") }],
    ["a .git look-alike", { path: "x/git~1/config", mode: "100644", content_base64: b64("x") }],
    ["a mode beyond 755", { path: "a", mode: "100777", content_base64: b64("x") } as never],
    ["a gitlink", { path: "sub", mode: "160000", content_base64: b64("x") } as never],
    ["a symlink leaving the tree", { path: "l", mode: "120000", target: "../outside" }],
    ["a parent segment", { path: "a/../../b", mode: "100644", content_base64: b64("x") }],
  ])("refuses %s even when the caller did not parse the document", async (_name, entry) => {
    const { repo, startSha } = await publishRepo();
    const document = workDocument(startSha, [entry]);
    await expect(buildCommit(repo.git, { startSha, document, message: "m" })).rejects.toThrow(
      WorkRejectedError,
    );
  });

  it("has git itself refuse .git look-alikes below the schema (core.protectNTFS/HFS)", async () => {
    const { repo, startSha } = await publishRepo();
    for (const path of [".GIT/config", "git~1/hooks/x", ".git./config", ".g\u200cit/config"]) {
      const entry: WorkFile = { path, mode: "100644", content_base64: b64("x") };
      const index = join(repo.gitDir, "test-index");
      await expect(writeWorkTree(repo.git, startSha, [entry], index)).rejects.toThrow("cannot add");
    }
  });

  it("refuses a file where the start tree keeps a directory, and the other way round", async () => {
    const { repo, startSha } = await publishRepo();
    const under = workDocument(startSha, [{ path: "src.ts/x", mode: "100644", content_base64: b64("x") }]);
    await expect(buildCommit(repo.git, { startSha, document: under, message: "m" })).rejects.toThrow(
      'leaves "src.ts" a file while "src.ts/x" needs it to be a directory',
    );
    const replaced = workDocument(startSha, [
      { path: "src.ts", deleted: true },
      { path: "src.ts/x", mode: "100644", content_base64: b64("x") },
    ]);
    const built = await buildCommit(repo.git, { startSha, document: replaced, message: "m" });
    expect(built.changes.files).toEqual(["src.ts", "src.ts/x"]);
  });

  it("refuses work for another start commit and work past the limits", async () => {
    const { repo, startSha } = await publishRepo();
    const other = "f".repeat(40);
    const document = workDocument(other, []);
    await expect(buildCommit(repo.git, { startSha, document, message: "m" })).rejects.toThrow(
      `The work starts from ${other}, not from ${startSha}`,
    );
    const big = workDocument(startSha, [
      { path: "a", mode: "100644", content_base64: b64("12345") },
      { path: "b", mode: "100644", content_base64: b64("67890") },
    ]);
    await expect(
      buildCommit(repo.git, {
        startSha,
        document: big,
        message: "m",
        limits: { maxFiles: 1, maxBytes: 100 },
      }),
    ).rejects.toThrow("The work changes 2 files; at most 1 may be published");
    await expect(
      buildCommit(repo.git, { startSha, document: big, message: "m", limits: { maxFiles: 5, maxBytes: 9 } }),
    ).rejects.toThrow("10 bytes; at most 9");
  });
});
