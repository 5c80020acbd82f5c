import { type Stats, lstatSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { type Privilege, runPrivileged } from "./privilege.js";

/** Raised when a path handed to the sandbox is outside its root or reaches out of it through a symlink. */
export class SandboxPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SandboxPathError";
  }
}

/** Whether `path` is `root` itself or below it (both absolute and normalised). */
export function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/**
 * The path to hand to chown, after checking it lies strictly below `root` with no symlink on the way:
 * its directory's real location must be inside root's, and it must not be a symlink itself.
 */
export function assertInside(root: string, path: string): string {
  const absolute = resolve(root, path);
  if (absolute === resolve(root) || !isWithin(resolve(root), absolute)) {
    throw new SandboxPathError(`${path} is not inside the agent's directory ${root}`);
  }
  let parent: string;
  let link: Stats;
  try {
    parent = realpathSync(dirname(absolute));
    link = lstatSync(absolute);
  } catch (error) {
    throw new SandboxPathError(`${path} cannot be handed over: ${(error as Error).message}`);
  }
  if (!isWithin(realpathSync(root), parent) || link.isSymbolicLink()) {
    throw new SandboxPathError(`${path} leads out of the agent's directory ${root} through a symlink`);
  }
  return absolute;
}

/**
 * The first directory from / down to `path` (inclusive) that other users cannot enter (no o+x), or
 * undefined when every one can — the agent's directories under it would be unreachable for the agent.
 */
export function unreachableAncestor(
  path: string,
  stat: (p: string) => { mode: number } = statSync,
): string | undefined {
  const parts = resolve(path).split(sep).filter(Boolean);
  for (let i = 0; i <= parts.length; i++) {
    const dir = `${sep}${parts.slice(0, i).join(sep)}`;
    if ((stat(dir).mode & 0o001) === 0) return dir;
  }
  return undefined;
}

/**
 * Where an agent can leave files outside its own directory: the shared temporary directories, and every
 * directory on PATH or among `extra` (the runner's tool caches, which GitHub's images make writable by
 * all) that anyone may write (on GitHub-hosted images /usr/local/bin is one) — a program planted there
 * would run in a later step, with that step's credentials.
 */
export function defaultSweepDirs(
  pathEnv: string,
  stat: (p: string) => { mode: number; isDirectory(): boolean } = statSync,
  extra: readonly string[] = [],
): string[] {
  const dirs = ["/tmp", "/var/tmp", "/dev/shm"];
  for (const dir of [...pathEnv.split(":"), ...extra, "/run/lock", "/var/crash"]) {
    if (!isAbsolute(dir) || dirs.includes(dir)) continue;
    try {
      const info = stat(dir);
      if (info.isDirectory() && (info.mode & 0o002) !== 0) dirs.push(dir);
    } catch {
      // a PATH entry that does not exist
    }
  }
  return dirs;
}

/** find's complaints that only mean another process removed something while find walked the tree. */
function isVanishedEntry(line: string): boolean {
  return line.trim() === "" || /No such file or directory/.test(line);
}

/**
 * Removes what user `uid` owns under each directory: each top-most entry it owns goes whole
 * (`find DIR -xdev -mindepth 1 ( -uid U -prune -exec rm -rf --one-file-system -- {} + ) -o ( -type d !
 * -perm -0002 -prune )`). The user could create entries only in directories it owns (removed whole) or
 * that anyone may write, so other directories are not descended: a busy /tmp is not walked file by
 * file. find follows no symlink and stays on the directory's filesystem; run only once the user's
 * processes are dead, so nothing can swap a directory for a symlink underneath.
 */
export async function sweepFilesOfUid(
  privilege: Privilege,
  tools: { find: string; rm: string },
  dirs: readonly string[],
  uid: number,
): Promise<void> {
  const problems: string[] = [];
  for (const dir of dirs) {
    const remove = [
      "-uid",
      String(uid),
      "-prune",
      "-exec",
      tools.rm,
      "-rf",
      "--one-file-system",
      "--",
      "{}",
      "+",
    ];
    const skip = ["-type", "d", "!", "-perm", "-0002", "-prune"];
    const argv = [tools.find, dir, "-xdev", "-mindepth", "1", "(", ...remove, ")", "-o", "(", ...skip, ")"];
    const result = await runPrivileged(privilege, argv, { allowFailure: true });
    const lines = result.stderr.split("\n").filter((line) => !isVanishedEntry(line));
    if (result.exitCode !== 0 && lines.length > 0) problems.push(`${dir}: ${lines.join(" ").slice(0, 300)}`);
  }
  if (problems.length > 0) throw new Error(`removing files of uid ${uid} failed in ${problems.join("; ")}`);
}
