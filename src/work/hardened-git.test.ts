import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scratchGit, git } from "../../__tests__/harness/git-fixture.js";
import type { RunGit } from "../git/git.js";
import { createHardenedGit } from "./hardened-git.js";

const { temp: root, createOrigin } = scratchGit("pto-hardened-");
let dirs = 0;
const freshDir = (name: string) => {
  const dir = join(root, `${name}-${++dirs}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};
const isRoot = process.getuid?.() === 0;
const TOKEN = "ghs_CanaryToken0123456789abcdefghijABCD";

/** A repository of ours with one commit, whose config and hooks we then poison. */
function poisonedRepo(): { repo: string; canary: string } {
  const repo = freshDir("repo");
  git(repo, "init", "--quiet", "--initial-branch=main");
  writeFileSync(join(repo, "a.txt"), "a\n");
  git(repo, "add", "a.txt");
  git(repo, "commit", "--quiet", "-m", "start");
  const canary = freshDir("canary");
  const hooks = join(repo, "planted-hooks");
  mkdirSync(hooks);
  for (const hook of [
    "pre-commit",
    "commit-msg",
    "post-commit",
    "reference-transaction",
    "post-index-change",
  ]) {
    for (const dir of [hooks, join(repo, ".git", "hooks")]) {
      writeFileSync(join(dir, hook), `#!/bin/sh\ntouch '${canary}/hook-${hook}'\n`);
      chmodSync(join(dir, hook), 0o755);
    }
  }
  git(repo, "config", "core.fsmonitor", `touch '${canary}/fsmonitor'; echo`);
  git(repo, "config", "core.hooksPath", hooks);
  return { repo, canary };
}

/** A fake git earlier than the real one that records its argv and environment, then runs git. */
function recordingGit(): { executable: string; log: string } {
  const dir = freshDir("fake-git");
  const log = join(dir, "log");
  const executable = join(dir, "git");
  writeFileSync(
    executable,
    `#!/bin/sh\n{ echo ARGV; for a in "$@"; do printf '%s\\n' "$a"; done; echo ENV; env; } >> '${log}'\nexec git "$@"\n`,
  );
  chmodSync(executable, 0o755);
  return { executable, log };
}

describe("createHardenedGit", () => {
  it("is a RunGit and passes bytes on stdin unchanged", async () => {
    const repo = freshDir("bytes");
    git(repo, "init", "--quiet", "--bare");
    const run: RunGit = createHardenedGit({ gitDir: repo, cwd: repo });
    const hardened = createHardenedGit({ gitDir: repo, cwd: repo });
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const expected = createHash("sha1").update(`blob 256\0`).update(bytes).digest("hex");
    expect((await hardened(["hash-object", "-w", "--stdin"], { input: bytes })).stdout.trim()).toBe(expected);
    expect((await run(["cat-file", "-s", expected])).stdout.trim()).toBe("256");
  });

  it("runs no hook and no fsmonitor planted in the repository's config or hooks directory", async () => {
    const { repo, canary } = poisonedRepo();
    const hardened = createHardenedGit({ gitDir: join(repo, ".git"), workTree: repo, cwd: repo });
    const env = {
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@t",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@t",
    };
    writeFileSync(join(repo, "a.txt"), "changed\n");
    await hardened(["status", "--porcelain"]);
    await hardened(["add", "a.txt"]);
    await hardened(["commit", "--quiet", "-m", "hardened"], { env });
    await hardened(["update-ref", "refs/heads/other", "HEAD"]);
    expect(listDir(canary)).toEqual([]);
    // The same commands without hardening run what was planted: the test can fail.
    writeFileSync(join(repo, "a.txt"), "again\n");
    git(repo, "status", "--porcelain");
    git(repo, "commit", "--quiet", "-am", "plain");
    expect(listDir(canary)).toEqual(
      expect.arrayContaining(["fsmonitor", "hook-pre-commit", "hook-reference-transaction"]),
    );
  });

  it("reads no global, XDG or system config and inherits no GIT_* variable", async () => {
    const { repo } = poisonedRepo();
    git(repo, "config", "--unset", "core.fsmonitor");
    git(repo, "config", "--unset", "core.hooksPath");
    const canary = freshDir("env-canary");
    const fsmonitor = (name: string) => `[core]\n\tfsmonitor = touch '${canary}/${name}'; echo\n`;
    const home = freshDir("home");
    writeFileSync(join(home, ".gitconfig"), fsmonitor("global"));
    mkdirSync(join(home, "xdg", "git"), { recursive: true });
    writeFileSync(join(home, "xdg", "git", "config"), fsmonitor("xdg"));
    writeFileSync(join(home, "system"), fsmonitor("system"));
    const sources: Record<string, Record<string, string>> = {
      global: { HOME: home },
      xdg: { HOME: freshDir("empty-home"), XDG_CONFIG_HOME: join(home, "xdg") },
      system: { GIT_CONFIG_SYSTEM: join(home, "system") },
      parameters: { GIT_CONFIG_PARAMETERS: `'core.fsmonitor'='touch ${canary}/parameters; echo'` },
    };
    const planted: Record<string, string> = {
      ...Object.assign({}, ...Object.values(sources)),
      HOME: home,
      GIT_DIR: "/nonexistent",
      GIT_ASKPASS: "/bin/false",
      SSH_ASKPASS: "/bin/false",
      GIT_SSH_COMMAND: "/bin/false",
    };
    const saved = Object.fromEntries(Object.keys(planted).map((k) => [k, process.env[k]]));
    const { executable, log } = recordingGit();
    try {
      Object.assign(process.env, planted);
      const hardened = createHardenedGit({
        gitDir: join(repo, ".git"),
        workTree: repo,
        cwd: repo,
        gitExecutable: executable,
      });
      writeFileSync(join(repo, "a.txt"), "changed\n");
      await hardened(["status", "--porcelain"]);
      expect(listDir(canary)).toEqual([]);
      const env = readFileSync(log, "utf8").split("\nENV\n")[1] ?? "";
      const names = env.split("\n").map((line) => line.split("=")[0]);
      expect(names.filter((n) => n?.startsWith("GIT_")).sort()).toEqual([
        "GIT_CONFIG_GLOBAL",
        "GIT_CONFIG_NOSYSTEM",
        "GIT_NO_REPLACE_OBJECTS",
        "GIT_TERMINAL_PROMPT",
      ]);
      expect(env).not.toContain(home);
      expect(names).not.toContain("SSH_ASKPASS");
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
    // Each source alone makes git itself run the planted command: the test can fail.
    for (const [name, vars] of Object.entries(sources)) {
      spawnSync("git", ["status", "--porcelain"], { cwd: repo, env: { PATH: process.env.PATH, ...vars } });
      expect(listDir(canary)).toContain(name);
    }
  });

  it("sends the token as an http header from environment config, never in argv", async () => {
    const seen: IncomingHttpHeaders[] = [];
    const server = createServer((request, response) => {
      seen.push(request.headers);
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { executable, log } = recordingGit();
    try {
      const port = (server.address() as AddressInfo).port;
      const hardened = createHardenedGit({
        cwd: freshDir("http"),
        token: TOKEN,
        protocols: ["http"],
        gitExecutable: executable,
      });
      const result = await hardened(["ls-remote", `http://127.0.0.1:${port}/owner/repo.git`], {
        allowFailure: true,
      });
      expect(result.exitCode).not.toBe(0);
      const basic = Buffer.from(`x-access-token:${TOKEN}`).toString("base64");
      expect(seen[0]?.authorization).toBe(`basic ${basic}`);
      const [argv = "", env = ""] = readFileSync(log, "utf8").split("\nENV\n");
      expect(argv).toContain("ls-remote");
      expect(argv).not.toContain(TOKEN);
      expect(argv).not.toContain(basic);
      expect(env).toContain("GIT_CONFIG_KEY_0=http.extraheader");
    } finally {
      server.close();
    }
  });

  it("allows only the configured protocols", async () => {
    const { originUrl } = createOrigin();
    const cwd = freshDir("protocols");
    const https = await createHardenedGit({ cwd })(["ls-remote", originUrl], { allowFailure: true });
    expect(https.exitCode).not.toBe(0);
    expect(https.stderr).toContain("transport 'file' not allowed");
    const file = await createHardenedGit({ cwd, protocols: ["file"] })(["ls-remote", originUrl]);
    expect(file.stdout).toContain("refs/heads/main");
  });

  it("refuses per-command variables other than identity, dates and index, and wildcard safe directories", async () => {
    const hardened = createHardenedGit({ cwd: root });
    await expect(hardened(["status"], { env: { GIT_DIR: "/tmp" } })).rejects.toThrow(
      "'GIT_DIR' may not be set",
    );
    expect(() => createHardenedGit({ cwd: root, safeDirectories: ["*"] })).toThrow("safe.directory");
  });

  it.runIf(isRoot)(
    "works in a work tree another user owns by naming the repository, without safe.directory",
    async () => {
      const { repo } = poisonedRepo();
      writeFileSync(join(repo, ".gitignore"), "*.log\n");
      chownR(repo, 65534);
      const discovered = await createHardenedGit({ cwd: repo })(["status"], { allowFailure: true });
      expect(discovered.stderr).toContain("dubious ownership");
      const trusted = await createHardenedGit({ cwd: repo, safeDirectories: [repo] })(["rev-parse", "HEAD"]);
      expect(trusted.stdout.trim()).toMatch(/^[0-9a-f]{40}$/);
      const scratch = freshDir("scratch");
      git(scratch, "init", "--quiet", "--bare", "s.git");
      const named = createHardenedGit({ gitDir: join(scratch, "s.git"), workTree: repo, cwd: repo });
      const ignored = await named(["check-ignore", "--stdin", "-z"], { input: "./x.log\0./a.txt\0" });
      expect(ignored.stdout).toBe("./x.log\0");
    },
  );

  it("never reads the work tree's own .git, even one git could not parse", async () => {
    const work = freshDir("work");
    mkdirSync(join(work, ".git"));
    writeFileSync(join(work, ".git", "config"), "[core\n\tthis is not config\n");
    writeFileSync(join(work, ".git", "HEAD"), "ref: refs/heads/main\n");
    mkdirSync(join(work, ".git", "objects"));
    mkdirSync(join(work, ".git", "refs"));
    writeFileSync(join(work, "x.log"), "x");
    writeFileSync(join(work, ".gitignore"), "*.log\n");
    const scratch = freshDir("scratch");
    git(scratch, "init", "--quiet", "--bare", "s.git");
    const named = createHardenedGit({ gitDir: join(scratch, "s.git"), workTree: work, cwd: work });
    expect((await named(["check-ignore", "-z", "--stdin"], { input: "./x.log\0" })).stdout).toBe("./x.log\0");
    // Git finding the repository itself fails on that config: the test can fail.
    expect(spawnSync("git", ["status"], { cwd: work, encoding: "utf8" }).stderr).toContain("bad config");
  });
});

function listDir(dir: string): string[] {
  return existsSync(dir)
    ? execFileSync("ls", ["-A", dir], { encoding: "utf8" }).split("\n").filter(Boolean)
    : [];
}

function chownR(path: string, uid: number): void {
  execFileSync("chown", ["-R", `${uid}:${uid}`, path]);
}
