import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll } from "vitest";

const IDENTITY = {
  GIT_AUTHOR_NAME: "Fixture",
  GIT_AUTHOR_EMAIL: "fixture@localhost",
  GIT_COMMITTER_NAME: "Fixture",
  GIT_COMMITTER_EMAIL: "fixture@localhost",
};

/** Runs git with a fixed identity; test setup only. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, env: { ...process.env, ...IDENTITY }, encoding: "utf8" }).trim();
}

/**
 * A bare repository as `origin` (reached through a file:// URL, as a runner reaches github.com) with
 * one commit on `main`, and a fresh clone of it as the job's checkout.
 */
export function createOrigin(files: Record<string, string> = { "README.md": "# Demo\n" }): {
  origin: string;
  originUrl: string;
  clone: (name?: string) => string;
} {
  const root = mkdtempSync(join(tmpdir(), "pto-git-"));
  const origin = join(root, "origin.git");
  git(root, "init", "--quiet", "--bare", "--initial-branch=main", origin);
  const seed = join(root, "seed");
  git(root, "init", "--quiet", "--initial-branch=main", seed);
  for (const [path, content] of Object.entries(files)) writeFileSync(join(seed, path), content);
  git(seed, "add", "--all");
  git(seed, "commit", "--quiet", "-m", "Initial commit");
  git(seed, "push", "--quiet", `file://${origin}`, "main");
  let clones = 0;
  return {
    origin,
    originUrl: `file://${origin}`,
    clone: (name = `clone-${++clones}`) => {
      const dir = join(root, name);
      git(root, "clone", "--quiet", `file://${origin}`, dir);
      return dir;
    },
  };
}

/**
 * Makes the next push to a branch matching `branchGlob` (a shell pattern, e.g. `*\/2-raced*`) lose a race: origin's pre-receive hook first
 * commits `intruder.txt` to that branch itself (as someone pushing a moment earlier would), so the
 * push's lease no longer holds. Deterministic: the move happens inside the push, whatever the timing.
 */
export function raceNextPush(origin: string, branchGlob: string): void {
  const hook = join(origin, "hooks", "pre-receive");
  writeFileSync(
    hook,
    `#!/bin/sh
# Objects go to the real store: the quarantine of this push is dropped when the push fails.
unset GIT_QUARANTINE_PATH GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES
while read old new ref; do
  case "$ref" in
    refs/heads/${branchGlob})
      [ -e "$GIT_DIR/raced" ] && continue
      : > "$GIT_DIR/raced"
      blob=$(echo "pushed by someone else" | git hash-object -w --stdin)
      tree=$(printf '100644 blob %s\\tintruder.txt\\n' "$blob" | git mktree)
      commit=$(echo intruder | GIT_AUTHOR_NAME=x GIT_AUTHOR_EMAIL=x@x GIT_COMMITTER_NAME=x GIT_COMMITTER_EMAIL=x@x git commit-tree "$tree")
      git update-ref "$ref" "$commit"
      ;;
  esac
done
exit 0
`,
    { mode: 0o755 },
  );
}

/**
 * For a test file: a scratch directory and `createOrigin`, both removed when the file's tests end.
 * Call at the top level of the file (it registers an `afterAll`).
 */
export function scratchGit(prefix: string): { temp: string; createOrigin: typeof createOrigin } {
  const temp = mkdtempSync(join(tmpdir(), prefix));
  const made = [temp];
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  return {
    temp,
    createOrigin: (files) => {
      const origin = createOrigin(files);
      made.push(dirname(origin.origin));
      return origin;
    },
  };
}
