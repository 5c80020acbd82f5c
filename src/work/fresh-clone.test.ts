import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scratchGit, git } from "../../__tests__/harness/git-fixture.js";
import { buildCommit } from "./build-commit.js";
import { createPublishRepo, remoteProtocol } from "./fresh-clone.js";

const { temp, createOrigin } = scratchGit("pto-fresh-clone-");

const emptyWork = (startSha: string) => ({
  schema_version: "1.0" as const,
  master_issue: 1,
  task_id: "1",
  run_attempt: 1,
  start_sha: startSha,
  files: [
    { path: "new.txt", mode: "100644" as const, content_base64: Buffer.from("new\n").toString("base64") },
  ],
  stats: { files: 1, bytes: 4, lines_added: 1, lines_removed: 0 },
});

describe("createPublishRepo", () => {
  it("fetches the branches that exist into refs/heads and leaves out the ones that do not", async () => {
    const { origin, originUrl } = createOrigin();
    const main = git(origin, "rev-parse", "main");
    git(origin, "update-ref", "refs/heads/task/1", main);
    const repo = await createPublishRepo({ remoteUrl: originUrl, tempDir: temp });
    expect(await repo.fetchRefs(["main", "task/1", "task/2"])).toEqual(
      new Map([
        ["main", main],
        ["task/1", main],
      ]),
    );
    expect((await repo.git(["rev-parse", "refs/heads/task/1"])).stdout.trim()).toBe(main);
    expect((await repo.git(["config", "remote.origin.url"])).stdout.trim()).toBe(originUrl);
    expect(await repo.fetchRefs(["nothing"])).toEqual(new Map());
    await repo.remove();
    expect(existsSync(repo.gitDir)).toBe(false);
  });

  it("pushes a new branch only while it does not exist, and moves it only from the expected commit", async () => {
    const { origin, originUrl } = createOrigin();
    const repo = await createPublishRepo({ remoteUrl: originUrl, tempDir: temp });
    const startSha = (await repo.fetchRefs(["main"])).get("main") ?? "";
    const { commitSha } = await buildCommit(repo.git, {
      startSha,
      document: emptyWork(startSha),
      message: "m",
    });
    expect((await repo.push(commitSha, "task/1", "")).exitCode).toBe(0);
    expect(git(origin, "rev-parse", "task/1")).toBe(commitSha);
    const again = await repo.push(startSha, "task/1", "");
    expect(again.exitCode).not.toBe(0);
    expect(again.stdout + again.stderr).toContain("stale info");
    expect((await repo.push(startSha, "task/1", startSha)).exitCode).not.toBe(0);
    expect((await repo.push(startSha, "task/1", commitSha)).exitCode).toBe(0);
    expect(git(origin, "rev-parse", "task/1")).toBe(startSha);
    expect(await repo.isAncestor(startSha, commitSha)).toBe(true);
    expect(await repo.isAncestor(commitSha, startSha)).toBe(false);
  });

  it("pushes to its own URL: a pushurl and hooks planted in its config do nothing", async () => {
    const { origin, originUrl } = createOrigin();
    const evil = join(temp, `evil-${Date.now()}.git`);
    git(temp, "init", "--quiet", "--bare", evil);
    const canary = mkdtempSync(join(temp, "canary-"));
    const repo = await createPublishRepo({ remoteUrl: originUrl, tempDir: temp });
    const hooks = join(repo.gitDir, "planted-hooks");
    mkdirSync(hooks);
    for (const hook of ["pre-push", "reference-transaction", "post-update"]) {
      writeFileSync(join(hooks, hook), `#!/bin/sh\ntouch '${canary}/${hook}'\n`);
      chmodSync(join(hooks, hook), 0o755);
    }
    await repo.git(["config", "core.hooksPath", hooks]);
    await repo.git(["config", "remote.origin.pushurl", `file://${evil}`]);
    const startSha = (await repo.fetchRefs(["main"])).get("main") ?? "";
    const { commitSha } = await buildCommit(repo.git, {
      startSha,
      document: emptyWork(startSha),
      message: "m",
    });
    expect((await repo.push(commitSha, "task/9", "")).exitCode).toBe(0);
    expect(git(origin, "rev-parse", "task/9")).toBe(commitSha);
    expect(git(evil, "for-each-ref")).toBe("");
    expect(["pre-push", "reference-transaction"].filter((h) => existsSync(join(canary, h)))).toEqual([]);
    // Plain git in the same repository follows both: the test can fail.
    git(temp, `--git-dir=${repo.gitDir}`, "push", "--quiet", "origin", `${commitSha}:refs/heads/control`);
    expect(git(evil, "rev-parse", "control")).toBe(commitSha);
    expect(existsSync(join(canary, "pre-push"))).toBe(true);
  });

  it("refuses invalid branch names and commits", async () => {
    const { originUrl } = createOrigin();
    const repo = await createPublishRepo({ remoteUrl: originUrl, tempDir: temp });
    await expect(repo.fetchRefs(["a..b"])).rejects.toThrow("Invalid branch name 'a..b'");
    await expect(repo.push("f".repeat(40), "-x", "")).rejects.toThrow("Invalid branch name '-x'");
    await expect(repo.push("HEAD", "ok", "")).rejects.toThrow("Invalid commit to push 'HEAD'");
  });
});

describe("remoteProtocol", () => {
  it("allows https (http and file in tests) and refuses credentials in the URL", () => {
    expect(remoteProtocol("https://github.com/o/r.git")).toBe("https");
    expect(remoteProtocol("file:///tmp/origin.git")).toBe("file");
    expect(() => remoteProtocol("https://x-access-token:ghs_abc@github.com/o/r.git")).toThrow(
      "credentials go in the token",
    );
    const message = (() => {
      try {
        return remoteProtocol("https://x-access-token:ghs_abc@github.com/o/r.git");
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).not.toContain("ghs_abc");
    expect(() => remoteProtocol("ext::sh -c touch% /tmp/pwned")).toThrow("Invalid remote URL");
    expect(() => remoteProtocol("ssh://git@github.com/o/r.git")).toThrow(
      "with scheme 'ssh:': it must be https",
    );
    expect(() => remoteProtocol("not a url")).toThrow("Invalid remote URL");
  });
});
