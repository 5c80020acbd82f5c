import type { Stats } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";
import { isGitName, pathProblem } from "./work-path.js";

/** Why an entry of the work tree is not captured. */
export type CaptureFindingKind =
  | "special-file"
  | "hard-link"
  | "nested-repository"
  | "unsafe-symlink"
  | "invalid-path"
  | "unreadable"
  | "unreadable-ignore-rules"
  | "changed-during-capture";

/** An entry left out of the work, and why; the path may be lossy for names that are not UTF-8. */
export interface CaptureFinding {
  path: string;
  kind: CaptureFindingKind;
  detail: string;
}

/** A regular file or symlink the walk found, with the `lstat` facts the capture checks again on open. */
export interface WalkedEntry {
  path: string;
  kind: "file" | "symlink";
  size: number;
  executable: boolean;
  ino: number;
}

/** What the walk needs to know of the start commit. */
export interface TrackedPaths {
  /** Blob, symlink and gitlink paths of the start commit. */
  files: ReadonlySet<string>;
  /** Gitlinks (submodules) of the start commit: kept as they are, never entered. */
  gitlinks: ReadonlySet<string>;
  /** Every directory that holds a tracked path. */
  directories: ReadonlySet<string>;
}

/** Answers which of `paths` (relative to the work tree) git's ignore rules exclude. */
export type IgnoreOracle = (paths: string[]) => Promise<Set<string>>;

export interface WalkResult {
  entries: WalkedEntry[];
  findings: CaptureFinding[];
  /** Paths (files or whole directories) left out by a finding: tracked paths at or under them are kept. */
  refused: Set<string>;
}

interface Listed {
  path: string;
  stats: Stats;
  /** Below a directory git ignores: only tracked paths count there. */
  ignoredAncestor: boolean;
}

/** The paths in `tracked` and every directory above them. */
export function trackedPaths(files: Iterable<string>, gitlinks: Iterable<string>): TrackedPaths {
  const fileSet = new Set(files);
  const directories = new Set<string>();
  for (const path of fileSet) {
    const segments = path.split("/");
    for (let i = 1; i < segments.length; i++) directories.add(segments.slice(0, i).join("/"));
  }
  return { files: fileSet, gitlinks: new Set(gitlinks), directories };
}

function special(stats: Stats): string | undefined {
  if (stats.isFIFO()) return "a named pipe";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  return undefined;
}

/**
 * Lists one directory with `lstat` (never following a link, never opening a file). A directory holding
 * an entry a file system could open as `.git` is a nested repository and is refused whole; so is one
 * whose `.gitignore` is a pipe or device, because git would block opening it.
 */
async function listDirectory(
  root: string,
  dir: Listed,
  findings: CaptureFinding[],
  refused: Set<string>,
): Promise<Listed[]> {
  let names: Buffer[];
  try {
    names = await readdir(join(root, dir.path), { encoding: "buffer" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EACCES" && code !== "EPERM") throw error;
    // A directory the agent made unreadable to us: its tracked files are kept as they were.
    findings.push({ path: dir.path, kind: "unreadable", detail: `it could not be listed (${code})` });
    refused.add(dir.path);
    return [];
  }
  const listed: Listed[] = [];
  for (const raw of names) {
    const name = raw.toString("utf8");
    const path = dir.path === "" ? name : `${dir.path}/${name}`;
    if (!Buffer.from(name, "utf8").equals(raw)) {
      findings.push({ path, kind: "invalid-path", detail: "the name is not valid UTF-8" });
      continue;
    }
    // The agent's own repository: never read.
    if (dir.path === "" && name === ".git") continue;
    if (dir.path !== "" && isGitName(name)) {
      findings.push({ path: dir.path, kind: "nested-repository", detail: `it holds '${name}'` });
      refused.add(dir.path);
      return [];
    }
    listed.push({ path, stats: await lstat(join(root, path)), ignoredAncestor: dir.ignoredAncestor });
  }
  const rulesPath = dir.path === "" ? ".gitignore" : `${dir.path}/.gitignore`;
  const rules = listed.find((e) => e.path === rulesPath);
  const kind = rules && special(rules.stats);
  if (rules && kind) {
    findings.push({ path: rules.path, kind: "unreadable-ignore-rules", detail: `.gitignore is ${kind}` });
    refused.add(dir.path);
    return [];
  }
  return listed;
}

/**
 * Walks the work tree breadth first, level by level, asking git once per level which untracked names
 * its ignore rules exclude (ignored directories are not entered unless they hold tracked paths). Every
 * entry is judged by `lstat` alone: pipes, sockets, devices, files with more than one hard link,
 * nested repositories and invalid names become findings, never content.
 */
export async function walkWorkTree(
  root: string,
  tracked: TrackedPaths,
  isIgnored: IgnoreOracle,
): Promise<WalkResult> {
  const entries: WalkedEntry[] = [];
  const findings: CaptureFinding[] = [];
  const refused = new Set<string>();
  let level: Listed[] = [{ path: "", stats: await lstat(root), ignoredAncestor: false }];
  while (level.length > 0) {
    const listed: Listed[] = [];
    for (const dir of level) listed.push(...(await listDirectory(root, dir, findings, refused)));
    const relevant = listed.filter(
      (e) => !e.ignoredAncestor || tracked.files.has(e.path) || tracked.directories.has(e.path),
    );
    const ignored = await isIgnored(
      relevant.filter((e) => !e.ignoredAncestor && !tracked.files.has(e.path)).map((e) => e.path),
    );
    level = [];
    for (const entry of relevant) {
      const { path, stats } = entry;
      const isIgnoredHere = entry.ignoredAncestor || ignored.has(path);
      if (isIgnoredHere && !tracked.files.has(path) && !tracked.directories.has(path)) continue;
      if (tracked.gitlinks.has(path)) continue;
      const problem = pathProblem(path);
      if (problem) {
        findings.push({ path, kind: "invalid-path", detail: `the path ${problem}` });
        refused.add(path);
      } else if (stats.isDirectory()) {
        level.push({ ...entry, ignoredAncestor: isIgnoredHere });
      } else if (special(stats)) {
        findings.push({ path, kind: "special-file", detail: `it is ${special(stats)}` });
        refused.add(path);
      } else if (stats.isFile() && stats.nlink > 1) {
        findings.push({ path, kind: "hard-link", detail: `it has ${stats.nlink} hard links` });
        refused.add(path);
      } else if (stats.isFile() || stats.isSymbolicLink()) {
        const kind = stats.isFile() ? "file" : "symlink";
        entries.push({
          path,
          kind,
          size: stats.size,
          executable: (stats.mode & 0o100) !== 0,
          ino: stats.ino,
        });
      }
    }
  }
  return { entries, findings, refused };
}
