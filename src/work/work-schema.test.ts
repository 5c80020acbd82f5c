import { describe, expect, it } from "vitest";
import {
  parseWorkDocument,
  serializeWorkDocument,
  sha256Hex,
  workArtifactName,
  type WorkDocument,
  type WorkFile,
} from "./work-schema.js";

const b64 = (text: string) => Buffer.from(text).toString("base64");

function document(files: WorkFile[], stats: Partial<WorkDocument["stats"]> = {}): WorkDocument {
  const bytes = files.reduce(
    (sum, f) =>
      sum +
      ("content_base64" in f
        ? Buffer.from(f.content_base64, "base64").length
        : "target" in f
          ? f.target.length
          : 0),
    0,
  );
  return {
    schema_version: "1.0",
    master_issue: 12,
    task_id: "3",
    run_attempt: 1,
    start_sha: "0123456789abcdef0123456789abcdef01234567",
    files,
    stats: { files: files.length, bytes, lines_added: 1, lines_removed: 0, ...stats },
  };
}

describe("work document", () => {
  it("accepts files, executables, in-tree symlinks and deletions", () => {
    const doc = document([
      { path: "src/a.ts", mode: "100644", content_base64: b64("export {};\n") },
      { path: "bin/run", mode: "100755", content_base64: b64("#!/bin/sh\n") },
      { path: "docs/readme", mode: "120000", target: "../README.md" },
      { path: "old.txt", deleted: true },
      { path: "empty", mode: "100644", content_base64: "" },
    ]);
    expect(parseWorkDocument(JSON.parse(serializeWorkDocument(doc)))).toEqual(doc);
  });

  it.each<[string, WorkFile[], string]>([
    ["a mode beyond 644/755", [{ path: "a", mode: "100777", content_base64: "" } as never], "files.0"],
    ["a gitlink", [{ path: "sub", mode: "160000", target: "abc" } as never], "files.0"],
    ["a path into .git", [{ path: ".git/config", mode: "100644", content_base64: "" }], "files.0.path"],
    ["a .GIT look-alike", [{ path: "x/.GIT/hooks/pre-push", deleted: true }], "files.0.path"],
    ["git~1", [{ path: "git~1/config", mode: "100644", content_base64: "" }], "files.0.path"],
    ["a parent segment", [{ path: "a/../b", mode: "100644", content_base64: "" }], "files.0.path"],
    ["an absolute path", [{ path: "/etc/passwd", mode: "100644", content_base64: "" }], "files.0.path"],
    ["a newline in a path", [{ path: "a\nb", mode: "100644", content_base64: "" }], "files.0.path"],
    ["an escaping symlink", [{ path: "l", mode: "120000", target: "../../etc/passwd" }], "files.0.target"],
    ["a symlink into .git", [{ path: "l", mode: "120000", target: ".git/config" }], "files.0.target"],
    ["unpadded base64", [{ path: "a", mode: "100644", content_base64: "aGk" }], "files.0"],
    ["content and deletion at once", [{ path: "a", deleted: true, content_base64: "" } as never], "files.0"],
    [
      "a path listed twice",
      [
        { path: "a", deleted: true },
        { path: "a", mode: "100644", content_base64: "" },
      ],
      "listed twice",
    ],
    [
      "a file that is also a directory",
      [
        { path: "a", mode: "100644", content_base64: "" },
        { path: "a/b", mode: "100644", content_base64: "" },
      ],
      "also the directory",
    ],
    [
      "paths differing only in case",
      [
        { path: "README.md", mode: "100644", content_base64: "" },
        { path: "readme.md", mode: "100644", content_base64: "" },
      ],
      "differ only in case",
    ],
  ])("refuses %s", (_name, files, where) => {
    expect(() => parseWorkDocument(document(files))).toThrow(where);
  });

  it("allows a deleted file whose path becomes a directory, and a case-only rename", () => {
    const files: WorkFile[] = [
      { path: "a", deleted: true },
      { path: "a/b", mode: "100644", content_base64: "" },
      { path: "Readme.md", deleted: true },
      { path: "README.md", mode: "100644", content_base64: "" },
    ];
    expect(parseWorkDocument(document(files)).files).toHaveLength(4);
  });

  it("refuses stats that do not match the entries", () => {
    const files: WorkFile[] = [{ path: "a", mode: "100644", content_base64: b64("hello") }];
    expect(() => parseWorkDocument(document(files, { files: 2 }))).toThrow("stats.files: is 2");
    expect(() => parseWorkDocument(document(files, { bytes: 1 }))).toThrow(
      "stats.bytes: is 1 but the entries hold 5",
    );
  });

  it("refuses another schema version, a short start sha and unknown fields", () => {
    expect(() => parseWorkDocument({ ...document([]), schema_version: "2.0" })).toThrow("schema_version");
    expect(() => parseWorkDocument({ ...document([]), start_sha: "abc" })).toThrow("start_sha");
    expect(() => parseWorkDocument({ ...document([]), branch: "main" })).toThrow("(root)");
  });

  it("names the artifact per master, task and attempt, and digests the serialized bytes", () => {
    expect(workArtifactName(12, "3", 2)).toBe("work-12-3-2");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const doc = document([]);
    expect(sha256Hex(serializeWorkDocument(doc))).toBe(sha256Hex(Buffer.from(serializeWorkDocument(doc))));
  });
});
