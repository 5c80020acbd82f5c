import { describe, expect, it } from "vitest";
import { GitError, parseNumstat } from "./git.js";

describe("parseNumstat", () => {
  it("sums lines, lists files, handles renames and binaries", () => {
    const out = ["3\t1\tsrc/a.ts", "-\t-\timg.png", "0\t0\t", "old.ts", "new.ts", ""].join("\0");
    expect(parseNumstat(out)).toEqual({
      files: ["src/a.ts", "img.png", "new.ts"],
      linesAdded: 3,
      linesRemoved: 1,
    });
  });
});

describe("GitError", () => {
  it("names the failed command and its stderr, never a credential passed as http config", () => {
    const error = new GitError(["-c", "http.extraheader=AUTHORIZATION: basic c2VjcmV0", "push", "origin"], {
      exitCode: 128,
      stdout: "",
      stderr: "fatal: could not read from remote\n",
    });
    expect(error.message).toBe("git -c push origin failed (128): fatal: could not read from remote");
    expect(error.message).not.toContain("c2VjcmV0");
  });
});
