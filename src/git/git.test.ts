import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createOrigin, git } from "../../__tests__/harness/git-fixture.js";
import { authArgs, createGitRunner, createWorkspace, GitError, parseNumstat } from "./git.js";

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

describe("workspace against a real git origin", () => {
  it("creates a branch from base, commits leftovers, measures changes and pushes", async () => {
    const { origin, clone } = createOrigin();
    const dir = clone();
    const ws = createWorkspace(createGitRunner(dir));
    expect(await ws.prepareBranch("orchestrator/1/1-demo", "main")).toEqual({ reused: false, startSha: "" });
    expect(await ws.commitAll("nothing")).toBe(false);
    writeFileSync(join(dir, "hello.txt"), "one\ntwo\n");
    expect(await ws.commitAll("Add hello")).toBe(true);
    expect(await ws.changesSince("main")).toMatchObject({
      commits: 1,
      files: ["hello.txt"],
      linesAdded: 2,
      linesRemoved: 0,
    });
    const pushed = await ws.push("orchestrator/1/1-demo", "");
    expect(pushed.exitCode).toBe(0);
    expect(git(origin, "rev-parse", "refs/heads/orchestrator/1/1-demo")).toBe(await ws.headSha());
  });

  it("reuses the pushed branch on a re-run and refuses to overwrite a branch that moved", async () => {
    const { origin, clone } = createOrigin();
    const first = clone();
    const ws1 = createWorkspace(createGitRunner(first));
    await ws1.prepareBranch("t/1", "main");
    writeFileSync(join(first, "a.txt"), "a\n");
    await ws1.commitAll("a");
    expect((await ws1.push("t/1", "")).exitCode).toBe(0);

    const second = clone();
    const ws2 = createWorkspace(createGitRunner(second));
    const prepared = await ws2.prepareBranch("t/1", "main");
    expect(prepared.reused).toBe(true);
    expect(prepared.startSha).toBe(git(origin, "rev-parse", "refs/heads/t/1"));

    // Someone else pushes to the branch meanwhile.
    writeFileSync(join(first, "b.txt"), "b\n");
    await ws1.commitAll("b");
    expect((await ws1.push("t/1", prepared.startSha)).exitCode).toBe(0);

    writeFileSync(join(second, "c.txt"), "c\n");
    await ws2.commitAll("c");
    const rejected = await ws2.push("t/1", prepared.startSha);
    expect(rejected.exitCode).not.toBe(0);
    expect(rejected.stderr).toMatch(/stale info|rejected/);
  });

  it("finds a secret in any new commit, even one a later commit deleted, but not one already on the base", async () => {
    const { clone } = createOrigin({ "old.md": "an old leak: s3cr3t-value-01\n" });
    const dir = clone();
    const ws = createWorkspace(createGitRunner(dir));
    await ws.prepareBranch("t/2", "main");
    expect(await ws.filesContaining("main", [], ["s3cr3t-value-01", "s3cr3t-value-02"])).toEqual([]);
    writeFileSync(join(dir, "key.bin"), Buffer.from([0, 1, ...Buffer.from("x s3cr3t-value-02 y"), 0]));
    await ws.commitAll("add");
    git(dir, "rm", "-q", "key.bin");
    await ws.commitAll("remove");
    writeFileSync(join(dir, "clean.txt"), "nothing here\n");
    await ws.commitAll("clean");
    const { shas } = await ws.changesSince("main");
    expect(shas).toHaveLength(3);
    const found = await ws.filesContaining("main", shas, ["s3cr3t-value-01", "s3cr3t-value-02"]);
    expect(found.map((f) => f.path)).toEqual(["key.bin"]);
    expect(found[0]?.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(await ws.filesContaining("main", shas, [])).toEqual([]);
  });

  it("names the failed command without credentials", async () => {
    const { clone } = createOrigin();
    const run = createGitRunner(clone());
    await expect(
      run(["-c", "http.extraheader=AUTHORIZATION: basic c2VjcmV0", "checkout", "nope"]),
    ).rejects.toThrow(GitError);
    await expect(
      run(["-c", "http.extraheader=AUTHORIZATION: basic c2VjcmV0", "checkout", "nope"]),
    ).rejects.not.toThrow(/c2VjcmV0/);
  });

  it("authenticates fetch and push per command, writing no credential to the repository's config", async () => {
    const { origin, clone } = createOrigin();
    const dir = clone();
    // A checkout that persisted credentials, as actions/checkout does by default.
    git(dir, "config", "http.https://github.com/.extraheader", "AUTHORIZATION: basic c3RvcmVk");
    const ws = createWorkspace(createGitRunner(dir), "ghs_secret_token");
    await ws.prepareBranch("t/auth", "main");
    expect(await ws.removeStoredCredentials()).toEqual(["http.https://github.com/.extraheader"]);
    writeFileSync(join(dir, "x.txt"), "x\n");
    await ws.commitAll("x");
    expect((await ws.push("t/auth", "")).exitCode).toBe(0);
    expect(git(origin, "rev-parse", "refs/heads/t/auth")).toBe(await ws.headSha());
    const config = git(dir, "config", "--local", "--list");
    expect(config).not.toMatch(/extraheader|ghs_secret_token/);
    expect(authArgs(undefined)).toEqual([]);
    expect(authArgs("t")[1]).toBe(
      `http.extraheader=AUTHORIZATION: basic ${Buffer.from("x-access-token:t").toString("base64")}`,
    );
  });
});
