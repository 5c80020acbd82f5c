import { spawn } from "node:child_process";
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GitError, type GitResult } from "../git/git.js";
import { findSystemTool } from "../isolation/privilege.js";

/** Where and how a hardened git runs; see `createHardenedGit`. */
export interface HardenedGitOptions {
  /**
   * The repository, passed as `--git-dir`. Always set it for a repository near agent output: git then
   * discovers nothing, so no `.git` found by walking up from `cwd` or `workTree` is ever read. Without it
   * git discovers a repository from `cwd`, which is only for commands that make one (`init`, `clone`).
   */
  gitDir?: string;
  /** The work tree, passed as `--work-tree`; may be owned by another user (see `safeDirectories`). */
  workTree?: string;
  /** The working directory of the git process. */
  cwd: string;
  /** Authenticates fetch and push over http(s), through environment config (never argv, never a file). */
  token?: string;
  /** A temporary index (`GIT_INDEX_FILE`), so building a tree never touches the repository's own index. */
  indexFile?: string;
  /**
   * URL schemes git may use (`protocol.allow=never` for every other one). Tests that use `file://`
   * remotes or local paths pass `["file"]`. @default ["https"]
   */
  protocols?: readonly string[];
  /**
   * Exact directories owned by another user that git may open by discovery (`-c safe.directory=<dir>`).
   * Not needed with `gitDir`: git checks ownership only of repositories it discovers, so an explicit
   * `--git-dir` with a work tree the agent's user owns works without it. Never `*`, which would also
   * trust a repository the agent made. @default []
   */
  safeDirectories?: readonly string[];
  /**
   * The git executable. @default git from a root-owned system directory (`trustedGit`): PATH may hold a
   * directory any user can write (`/usr/local/bin` on GitHub's images), where the agent could plant one.
   */
  gitExecutable?: string;
}

/** Per-command options: like `RunGit`'s, but stdin may be bytes (file content for `hash-object`). */
export interface HardenedGitCallOptions {
  allowFailure?: boolean;
  /** Only identity, date and index variables (`PER_CALL_ENV`); anything else is refused. */
  env?: Record<string, string>;
  input?: string | Uint8Array;
}

/**
 * A `RunGit` (src/git/git.ts) whose stdin may also be bytes: it accepts every call a `RunGit` accepts,
 * so it is assignable wherever one is expected.
 */
export type HardenedGit = (args: string[], options?: HardenedGitCallOptions) => Promise<GitResult>;

/** Variables a single command may set: who and when a commit is by, and which index it uses. */
const PER_CALL_ENV = new Set([
  "GIT_AUTHOR_NAME",
  "GIT_AUTHOR_EMAIL",
  "GIT_AUTHOR_DATE",
  "GIT_COMMITTER_NAME",
  "GIT_COMMITTER_EMAIL",
  "GIT_COMMITTER_DATE",
  "GIT_INDEX_FILE",
]);

/**
 * Configuration given on every command line. Command-line config wins over the repository's own, so
 * these hold even in a repository whose config someone else wrote; settings that can only be added to
 * (`url.*.insteadOf`, `remote.*.pushurl`) cannot be undone this way, which is why only repositories we
 * created ourselves get a `gitDir`, and fetch and push name the URL explicitly.
 */
const HARDENING_CONFIG = [
  "core.hooksPath=/dev/null", // no hook of any kind (pre-push, reference-transaction, post-checkout…)
  "core.fsmonitor=false", // no fsmonitor command
  "core.untrackedCache=false",
  "core.symlinks=true",
  "core.protectNTFS=true", // refuse `.git` look-alikes (`git~1`, `.git.`, `.GIT`) in paths
  "core.protectHFS=true", // … and HFS+ ones (`.g\u200cit`)
  "submodule.recurse=false",
  "fetch.recurseSubmodules=false",
  "credential.helper=", // an empty value clears the helper list: no stored credential is consulted
  "http.followRedirects=false", // the token header must not follow a redirect to another host
  "gc.auto=0", // no detached background gc left running after us
  "maintenance.auto=false",
  "commit.gpgSign=false",
];

let emptyHome: string | undefined;

/** Whether `dir` is a real directory only we own and can list, with nothing in it. */
function isOwnEmptyDir(dir: string, uid: number): boolean {
  const stats = lstatSync(dir);
  return (
    stats.isDirectory() &&
    stats.uid === uid &&
    (stats.mode & 0o777) === 0o500 &&
    readdirSync(dir).length === 0
  );
}

/**
 * An empty, read-only directory for HOME: git's defaults for files we did not disable by variable
 * (`~/.config/git/ignore`, `attributes`, `~/.git-credentials`) then find nothing. One fixed directory
 * per user is reused, so nothing accumulates on a long-lived runner; if someone else made it first or
 * put something in it, a fresh one is made instead.
 */
function emptyHomeDir(): string {
  if (emptyHome !== undefined) return emptyHome;
  const uid = process.getuid?.() ?? 0;
  const shared = join(tmpdir(), `pto-git-empty-home-${uid}`);
  try {
    mkdirSync(shared, { mode: 0o500 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  if (isOwnEmptyDir(shared, uid)) return (emptyHome = shared);
  const fresh = mkdtempSync(join(tmpdir(), "pto-git-home-"));
  chmodSync(fresh, 0o500);
  return (emptyHome = fresh);
}

/** `git -c` arguments allowing only `protocols` (git's own rule for `ext::` and others is then moot). */
function protocolArgs(protocols: readonly string[]): string[] {
  const args = ["-c", "protocol.allow=never"];
  for (const protocol of protocols) {
    if (!/^[a-z][a-z0-9+.-]*$/.test(protocol)) throw new Error(`Invalid protocol name '${protocol}'`);
    args.push("-c", `protocol.${protocol}.allow=always`);
  }
  return args;
}

/** Root-owned directories only: no user, and so no agent, can put a program there. */
const SYSTEM_PATH = "/usr/bin:/bin:/usr/sbin:/sbin";

/**
 * The system's git: root-owned, writable by nobody else, in a root-owned directory. Never a `git` found
 * through the action's PATH, which an agent's user may have written to.
 */
export function trustedGit(): string {
  const path = findSystemTool("git", SYSTEM_PATH.split(":"));
  if (!path) throw new Error(`git was not found in ${SYSTEM_PATH.replaceAll(":", ", ")} (owned by root)`);
  return path;
}

/** The whole environment of a hardened git: nothing inherited but PATH, so no `GIT_*` leaks in. */
function hardenedEnv(options: HardenedGitOptions): Record<string, string> {
  const env: Record<string, string> = {
    // Git finds its helpers in its own exec path; anything else it starts comes from system directories.
    PATH: SYSTEM_PATH,
    HOME: emptyHomeDir(),
    LC_ALL: "C",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_TERMINAL_PROMPT: "0",
    GCM_INTERACTIVE: "Never",
    // A fetched `refs/replace/*` must not swap the objects we build on.
    GIT_NO_REPLACE_OBJECTS: "1",
  };
  if (options.indexFile !== undefined) env.GIT_INDEX_FILE = options.indexFile;
  if (options.token) {
    // Environment config (git ≥ 2.31) keeps the header out of argv, which any user can read in /proc.
    const basic = Buffer.from(`x-access-token:${options.token}`).toString("base64");
    Object.assign(env, {
      GIT_CONFIG_COUNT: "1",
      GIT_CONFIG_KEY_0: "http.extraheader",
      GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}`,
    });
  }
  return env;
}

/**
 * A git runner that trusts no configuration but its own: no system or global config, an empty HOME,
 * no inherited `GIT_*` variable, no askpass or prompt, hooks and fsmonitor off, only the given URL
 * schemes, and the token (if any) in environment config rather than in argv or a config file. Use it
 * with `gitDir` for every repository near agent output; it never reads a `.git` it was not named.
 */
export function createHardenedGit(options: HardenedGitOptions): HardenedGit {
  const baseEnv = hardenedEnv(options);
  const prefix = [
    ...HARDENING_CONFIG.flatMap((c) => ["-c", c]),
    ...protocolArgs(options.protocols ?? ["https"]),
    ...(options.safeDirectories ?? []).flatMap((dir) => {
      if (dir === "*" || !dir.startsWith("/"))
        throw new Error(`safe.directory must be an absolute path, got '${dir}'`);
      return ["-c", `safe.directory=${dir}`];
    }),
    ...(options.gitDir !== undefined ? [`--git-dir=${options.gitDir}`] : []),
    ...(options.workTree !== undefined ? [`--work-tree=${options.workTree}`] : []),
  ];
  const executable = options.gitExecutable ?? trustedGit();
  return async (args, call = {}) => {
    const env = { ...baseEnv };
    for (const [key, value] of Object.entries(call.env ?? {})) {
      if (!PER_CALL_ENV.has(key))
        throw new Error(`git ${args[0] ?? ""}: variable '${key}' may not be set per command`);
      env[key] = value;
    }
    const result = await spawnGit(executable, [...prefix, ...args], options.cwd, env, call.input);
    if (result.exitCode !== 0 && !call.allowFailure) throw new GitError(args, result);
    return result;
  };
}

/** Runs git once, never through a shell; stdin is closed after `input` (or at once). */
function spawnGit(
  executable: string,
  argv: string[],
  cwd: string,
  env: Record<string, string>,
  input: string | Uint8Array | undefined,
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, argv, { cwd, env, stdio: ["pipe", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    // git may exit before reading all of stdin (a failed command): that EPIPE is not our failure.
    child.stdin.on("error", () => undefined);
    child.on("error", (error) =>
      reject(new Error(`Could not run ${executable} in ${cwd}: ${error.message}`)),
    );
    child.on("close", (code, signal) =>
      resolve({
        exitCode: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      }),
    );
    child.stdin.end(input);
  });
}
