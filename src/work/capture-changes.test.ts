import { execFileSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { git } from "../../__tests__/harness/git-fixture.js";
import { captureChanges, type CaptureResult } from "./capture-changes.js";
import type { WorkFile } from "./work-schema.js";

const root = mkdtempSync(join(tmpdir(), "pto-capture-test-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let count = 0;
const isRoot = process.getuid?.() === 0;

/**
 * A start commit with a file, an executable, an in-tree symlink, an ignored directory holding a tracked
 * file, and ignore rules; P is a bare clone of it and W a clone of P, as the action makes them.
 */
function setup(): { pristine: string; work: string; startSha: string; temp: string } {
  const dir = join(root, `case-${++count}`);
  const seed = join(dir, "seed");
  mkdirSync(join(seed, "src"), { recursive: true });
  mkdirSync(join(seed, "bin"));
  mkdirSync(join(seed, "docs"));
  mkdirSync(join(seed, "build"));
  writeFileSync(join(seed, "README.md"), "# Demo\n");
  writeFileSync(join(seed, "src", "a.ts"), "export const a = 1;\nexport const b = 2;\n");
  writeFileSync(join(seed, "bin", "tool"), "#!/bin/sh\necho tool\n");
  chmodSync(join(seed, "bin", "tool"), 0o755);
  symlinkSync("../README.md", join(seed, "docs", "readme"));
  writeFileSync(join(seed, "build", "keep.txt"), "kept\n");
  writeFileSync(join(seed, ".gitignore"), "build/\n*.log\nnode_modules/\n");
  git(dir, "init", "--quiet", "--initial-branch=main", seed);
  git(seed, "add", "--all");
  git(seed, "add", "--force", "build/keep.txt");
  git(seed, "commit", "--quiet", "-m", "start");
  const pristine = join(dir, "pristine.git");
  git(dir, "clone", "--quiet", "--bare", seed, pristine);
  const work = join(dir, "work");
  git(dir, "clone", "--quiet", "--no-hardlinks", pristine, work);
  const temp = join(dir, "temp");
  mkdirSync(temp);
  return { pristine, work, startSha: git(work, "rev-parse", "HEAD"), temp };
}

type Setup = ReturnType<typeof setup>;
const capture = (s: Setup, limits?: { maxFiles: number; maxBytes: number }): Promise<CaptureResult> =>
  captureChanges({
    pristineGitDir: s.pristine,
    workTree: s.work,
    startSha: s.startSha,
    tempDir: s.temp,
    limits,
  });

function write(work: string, path: string, content: string, mode = 0o644): void {
  mkdirSync(dirname(join(work, path)), { recursive: true });
  writeFileSync(join(work, path), content);
  chmodSync(join(work, path), mode);
}

const file = (path: string, content: string, mode: "100644" | "100755" = "100644"): WorkFile => ({
  path,
  mode,
  content_base64: Buffer.from(content).toString("base64"),
});

function ok(result: CaptureResult) {
  if (!result.ok) throw new Error(`capture failed: ${result.error.message}`);
  return result;
}

describe("captureChanges", () => {
  it("captures added, modified, deleted, executable and symlink changes, as git's ignore rules see them", async () => {
    const s = setup();
    write(s.work, "src/a.ts", "export const a = 10;\nexport const b = 2;\nexport const c = 3;\n");
    write(s.work, "src/new.ts", "new\n");
    write(s.work, "scripts/run.sh", "#!/bin/sh\n", 0o777);
    chmodSync(join(s.work, "bin", "tool"), 0o644);
    unlinkSync(join(s.work, "README.md"));
    symlinkSync("../src/new.ts", join(s.work, "docs", "new"));
    write(s.work, "build/keep.txt", "kept, changed\n");
    write(s.work, "build/output.js", "ignored\n");
    write(s.work, "debug.log", "ignored\n");
    write(s.work, "node_modules/pkg/index.js", "ignored\n");
    mkdirSync(join(s.work, "node_modules", "pkg", ".git"));
    write(s.work, ":(exclude)odd name", "still a file\n");
    const result = ok(await capture(s));
    expect(result.findings).toEqual([]);
    expect(result.files).toEqual([
      file(":(exclude)odd name", "still a file\n"),
      { path: "README.md", deleted: true },
      file("bin/tool", "#!/bin/sh\necho tool\n"),
      file("build/keep.txt", "kept, changed\n"),
      { path: "docs/new", mode: "120000", target: "../src/new.ts" },
      file("scripts/run.sh", "#!/bin/sh\n", "100755"),
      file("src/a.ts", "export const a = 10;\nexport const b = 2;\nexport const c = 3;\n"),
      file("src/new.ts", "new\n"),
    ]);
    expect(result.stats).toEqual({ files: 8, bytes: 135, lines_added: 7, lines_removed: 3 });
  });

  it("captures nothing when nothing changed", async () => {
    const s = setup();
    write(s.work, "debug.log", "ignored\n");
    expect(ok(await capture(s))).toEqual({
      ok: true,
      files: [],
      stats: { files: 0, bytes: 0, lines_added: 0, lines_removed: 0 },
      findings: [],
    });
  });

  it("captures a file that replaced a directory and a directory that replaced a file", async () => {
    const s = setup();
    rmSync(join(s.work, "src"), { recursive: true });
    write(s.work, "src", "now a file\n");
    unlinkSync(join(s.work, "bin", "tool"));
    write(s.work, "bin/tool/main.sh", "echo\n");
    const result = ok(await capture(s));
    expect(result.files.map((f) => ("deleted" in f ? `-${f.path}` : f.path))).toEqual([
      "-bin/tool",
      "bin/tool/main.sh",
      "src",
      "-src/a.ts",
    ]);
  });

  it("refuses pipes, sockets, hard links, nested repositories, unsafe symlinks and invalid names as findings", async () => {
    const s = setup();
    execFileSync("mkfifo", [join(s.work, "pipe")]);
    unlinkSync(join(s.work, "src", "a.ts"));
    execFileSync("mkfifo", [join(s.work, "src", "a.ts")]);
    const socketPath = join(s.work, "sock");
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    try {
      write(s.work, "outside.txt", "x");
      linkSync(join(s.work, "outside.txt"), join(s.work, "linked.txt"));
      write(s.work, "vendor/lib/file.c", "int x;\n");
      git(join(s.work, "vendor", "lib"), "init", "--quiet");
      write(s.work, "sub/.git", "gitdir: ../elsewhere\n");
      write(s.work, "sub/x.txt", "x\n");
      write(s.work, "docs/api/.GIT/config", "x\n");
      symlinkSync("../../etc/passwd", join(s.work, "escape"));
      symlinkSync("/etc/passwd", join(s.work, "absolute"));
      symlinkSync(".git/config", join(s.work, "git-config"));
      symlinkSync("docs/readme/..", join(s.work, "through-link"));
      write(s.work, "bad\nname.txt", "x\n");
      writeFileSync(join(s.work, Buffer.from([0x6e, 0xff, 0x2e, 0x74]).toString("latin1")), "x");
      writeFileSync(Buffer.concat([Buffer.from(`${s.work}/`), Buffer.from([0x6e, 0xff])]), "x");
      write(s.work, "fine.txt", "fine\n");
      const result = ok(await capture(s));
      const findings = Object.fromEntries(result.findings.map((f) => [f.path, f.kind]));
      expect(findings).toEqual({
        pipe: "special-file",
        "src/a.ts": "special-file",
        sock: "special-file",
        "outside.txt": "hard-link",
        "linked.txt": "hard-link",
        "vendor/lib": "nested-repository",
        sub: "nested-repository",
        "docs/api": "nested-repository",
        escape: "unsafe-symlink",
        absolute: "unsafe-symlink",
        "git-config": "unsafe-symlink",
        "through-link": "unsafe-symlink",
        "bad\nname.txt": "invalid-path",
        "n\ufffd": "invalid-path",
      });
      // Only clean files are captured; the tracked file behind the pipe is kept, not deleted.
      expect(result.files.map((f) => f.path)).toEqual(["fine.txt", "n\u00ff.t"]);
    } finally {
      server.close();
    }
  });

  it("does not block on a pipe named .gitignore: its directory is refused", async () => {
    const s = setup();
    write(s.work, "gen/code.ts", "x\n");
    execFileSync("mkfifo", [join(s.work, "gen", ".gitignore")]);
    write(s.work, "other.ts", "y\n");
    const result = ok(await capture(s));
    expect(result.findings).toEqual([
      { path: "gen/.gitignore", kind: "unreadable-ignore-rules", detail: ".gitignore is a named pipe" },
    ]);
    expect(result.files.map((f) => f.path)).toEqual(["other.ts"]);
  });

  it("never reads W's .git: planted fsmonitor, hooks and filters do not run, and broken config is not parsed", async () => {
    const s = setup();
    const canary = join(root, `canary-${count}`);
    mkdirSync(canary);
    git(s.work, "config", "core.fsmonitor", `touch '${canary}/fsmonitor'; echo`);
    git(s.work, "config", "filter.evil.clean", `touch '${canary}/filter'; cat`);
    git(s.work, "config", "core.hooksPath", join(s.work, ".git", "hooks"));
    for (const hook of ["post-index-change", "reference-transaction", "pre-commit"]) {
      write(s.work, `.git/hooks/${hook}`, `#!/bin/sh\ntouch '${canary}/${hook}'\n`, 0o755);
    }
    write(s.work, ".gitattributes", "* filter=evil\n");
    write(s.work, "src/a.ts", "changed\n");
    expect(ok(await capture(s)).files.map((f) => f.path)).toEqual([".gitattributes", "src/a.ts"]);
    expect(existsSync(canary) && execFileSync("ls", ["-A", canary], { encoding: "utf8" })).toBe("");
    write(s.work, ".git/config", "[core\n\tnot config at all\n");
    expect(ok(await capture(s)).files).toHaveLength(2);
  });

  it("names the limit and the value when the work goes past one", async () => {
    const s = setup();
    write(s.work, "a.txt", "12345");
    write(s.work, "b.txt", "67890");
    write(s.work, "c.txt", "x");
    expect(await capture(s, { maxFiles: 2, maxBytes: 100 })).toMatchObject({
      ok: false,
      error: { code: "TOO_MANY_FILES", limit: 2, value: 3 },
    });
    const over = await capture(s, { maxFiles: 10, maxBytes: 10 });
    expect(over).toMatchObject({ ok: false, error: { code: "TOO_MANY_BYTES", limit: 10, value: 11 } });
    expect(!over.ok && over.error.message).toBe(
      "The work's changed files hold 11 bytes; at most 10 may be published",
    );
  });

  it.runIf(isRoot)("captures a work tree another user owns", async () => {
    const s = setup();
    write(s.work, "src/new.ts", "new\n");
    execFileSync("chown", ["-R", "65534:65534", s.work]);
    expect(ok(await capture(s)).files).toEqual([file("src/new.ts", "new\n")]);
  });
});
