import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { mkdir, mkdtemp, open, readlink, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { GitError } from "../git/git.js";
import { createHardenedGit, type HardenedGit } from "./hardened-git.js";
import { type CaptureFinding, trackedPaths, type WalkedEntry, walkWorkTree } from "./walk-work-tree.js";
import { DEFAULT_WORK_LIMITS, exceededLimit, type LimitExceeded, type WorkLimits } from "./work-limits.js";
import { foldName, pathProblem, symlinkTargetProblem } from "./work-path.js";
import { contentBytes, type WorkFile, type WorkStats } from "./work-schema.js";
import { diffTrees, listTree, type TreeEntry, writeWorkTree } from "./work-tree.js";

export type { CaptureFinding } from "./walk-work-tree.js";

/*
 * Why a walk of our own rather than `git add` with `--work-tree=<W>`: git skips pipes and sockets
 * silently, blocks opening a pipe named `.gitignore` or `sub/.git/HEAD`, records nested repositories as
 * gitlinks, and applies the tree's `.gitattributes` conversions to what it stores. Walking W with
 * `lstat` we see every entry as it is, refuse what may not be published by name, and read only regular
 * files, each opened with O_NOFOLLOW|O_NONBLOCK and checked again after opening. Git still decides what
 * is ignored (`check-ignore`, which reads only `.gitignore` files) and computes the line counts, in a
 * scratch repository that borrows P's objects, so neither W's `.git` nor P is ever written or read as
 * configuration. The agent's processes must all have ended before the capture starts: a directory
 * swapped for a link while we walk it would otherwise be followed.
 */

/** What to capture; see `captureChanges`. */
export interface CaptureOptions {
  /** The pristine repository the action cloned itself (a `.git` directory or a bare repository). */
  pristineGitDir: string;
  /** The agent's working copy W; its `.git` is never read. */
  workTree: string;
  /** The commit W was checked out at. */
  startSha: string;
  /** @default DEFAULT_WORK_LIMITS */
  limits?: WorkLimits;
  /** Where the scratch repository is made (and removed afterwards). */
  tempDir: string;
}

/** The work as file contents, or the limit it goes past; entries left out are findings either way. */
export type CaptureResult =
  | { ok: true; files: WorkFile[]; stats: WorkStats; findings: CaptureFinding[] }
  | { ok: false; error: LimitExceeded; findings: CaptureFinding[] };

interface Changed {
  entry: WalkedEntry;
  content?: Buffer;
  target?: string;
}

/** Modes of regular files in a tree (100664 survives in old repositories). */
const REGULAR_MODES = new Set(["100644", "100755", "100664"]);

/** A blob's object id in the hash the repository uses (SHA-1, or SHA-256 for 64-hex ids). */
function blobId(content: Uint8Array, like: string): string {
  return createHash(like.length === 64 ? "sha256" : "sha1")
    .update(`blob ${content.length}\0`)
    .update(content)
    .digest("hex");
}

/** Why an entry the walk listed is not captured after all. */
interface Refusal {
  kind: CaptureFinding["kind"];
  detail: string;
}

const CHANGED: Refusal = { kind: "changed-during-capture", detail: "it changed while the work was captured" };

/** A refusal for a failed open or readlink: permission is "unreadable", anything else a change. */
function refusalOf(error: unknown): Refusal {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  const kind = code === "EACCES" || code === "EPERM" ? "unreadable" : "changed-during-capture";
  return { kind, detail: `it could not be opened (${code})` };
}

/** A regular file's bytes, or why they could not be read safely (unreadable, or changed since the walk). */
async function readChecked(path: string, seen: WalkedEntry): Promise<Buffer | Refusal> {
  let handle;
  try {
    // O_NONBLOCK: a pipe swapped in since the walk must not block the open.
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    return refusalOf(error);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile() || stats.nlink !== 1 || stats.ino !== seen.ino || stats.size !== seen.size)
      return CHANGED;
    const content = await handle.readFile();
    return content.length === seen.size ? content : CHANGED;
  } finally {
    await handle.close();
  }
}

/**
 * Which of `paths` git's ignore rules exclude, asked in one `check-ignore` (exit 1 = none). Each path
 * is given as `./path`: check-ignore reads a leading `:` as pathspec magic and accepts no
 * `GIT_LITERAL_PATHSPECS`, so a file named `:(exclude)x` would otherwise end the capture.
 */
async function checkIgnore(git: HardenedGit, paths: string[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  const args = ["check-ignore", "-z", "--stdin"];
  const result = await git(args, { allowFailure: true, input: paths.map((p) => `./${p}\0`).join("") });
  if (result.exitCode > 1) throw new GitError(args, result);
  return new Set(
    result.stdout
      .split("\0")
      .filter(Boolean)
      .map((p) => p.replace(/^\.\//, "")),
  );
}

/** Whether `path` is a refused path or below one ("" is the whole tree, when W itself is unreadable). */
function isUnder(path: string, refused: ReadonlySet<string>): boolean {
  if (refused.has("")) return true;
  const segments = path.split("/");
  for (let i = 1; i <= segments.length; i++) if (refused.has(segments.slice(0, i).join("/"))) return true;
  return false;
}

/** Whether W's entry holds the same thing as the start commit (same kind, executable bit and bytes). */
async function compare(
  root: string,
  entry: WalkedEntry,
  tracked: TreeEntry | undefined,
): Promise<Changed | null | Refusal> {
  const abs = join(root, entry.path);
  if (entry.kind === "symlink") {
    let raw: Buffer;
    try {
      raw = await readlink(abs, { encoding: "buffer" });
    } catch (error) {
      return refusalOf(error);
    }
    const target = raw.toString("utf8");
    if (!Buffer.from(target, "utf8").equals(raw))
      return { kind: "unsafe-symlink", detail: "its target is not valid UTF-8" };
    if (tracked?.mode === "120000" && blobId(raw, tracked.sha) === tracked.sha) return null;
    return { entry: { ...entry, size: raw.length }, target };
  }
  const comparable =
    tracked !== undefined &&
    REGULAR_MODES.has(tracked.mode) &&
    tracked.size === entry.size &&
    (tracked.mode === "100755") === entry.executable;
  // A different kind, mode or size is a change without reading a byte.
  if (!comparable) return { entry };
  const content = await readChecked(abs, entry);
  if (!Buffer.isBuffer(content)) return content;
  return blobId(content, tracked.sha) === tracked.sha ? null : { entry, content };
}

/**
 * Captures what the agent changed in `workTree` since `startSha` as file contents: files (644 or 755),
 * symlinks that stay inside the tree, and deletions. Ignored files are left out as git would; pipes,
 * sockets, devices, hard links, nested repositories, unsafe symlinks and invalid names are findings,
 * and a tracked path behind one is kept as it was. Past a limit the result names the limit and value.
 */
export async function captureChanges(options: CaptureOptions): Promise<CaptureResult> {
  const limits = options.limits ?? DEFAULT_WORK_LIMITS;
  const root = resolve(options.workTree);
  const scratch = await mkdtemp(join(options.tempDir, "pto-capture-"));
  try {
    // 1. A scratch repository borrowing P's objects: our config, our (empty) info/exclude.
    const gitDir = join(scratch, "scratch.git");
    await createHardenedGit({ cwd: scratch })(["init", "--quiet", "--bare", "--template=", gitDir]);
    await mkdir(join(gitDir, "objects", "info"), { recursive: true });
    await writeFile(
      join(gitDir, "objects", "info", "alternates"),
      `${resolve(options.pristineGitDir, "objects")}\n`,
    );
    const git = createHardenedGit({ gitDir, cwd: scratch });
    await git(["rev-parse", "--verify", "--quiet", `${options.startSha}^{commit}`]);

    // 2. The start commit's paths, and W as lstat sees it.
    const start = await listTree(git, options.startSha);
    // A tracked name that is not UTF-8 cannot be matched against W's names: it is left as it was.
    const readable = [...start.keys()].filter((p) => !p.includes("\ufffd"));
    const gitlinks = readable.filter((p) => start.get(p)?.mode === "160000");
    const ignoreGit = createHardenedGit({ gitDir, workTree: root, cwd: root });
    const walk = await walkWorkTree(root, trackedPaths(readable, gitlinks), (paths) =>
      checkIgnore(ignoreGit, paths),
    );
    const findings = [...walk.findings];
    const refuse = (path: string, kind: CaptureFinding["kind"], detail: string) => {
      findings.push({ path, kind, detail });
      walk.refused.add(path);
    };

    // 3. What differs from the start commit; deletions are tracked paths W no longer has.
    const changed = await findChanges(root, walk.entries, start, limits, refuse);
    const present = new Set(walk.entries.map((e) => e.path));
    const deleted = readable.filter((path) => {
      if (start.get(path)?.mode === "160000" || present.has(path) || isUnder(path, walk.refused))
        return false;
      const problem = pathProblem(path);
      if (problem)
        findings.push({ path, kind: "invalid-path", detail: `it cannot be deleted: the path ${problem}` });
      return !problem;
    });
    const kept = dropCaseCollisions(changed, refuse);

    // 4. Limits, before reading what was not read yet.
    const bytes = kept.reduce((sum, c) => sum + c.entry.size, 0);
    const over = exceededLimit(kept.length + deleted.length, bytes, limits);
    if (over) return { ok: false, error: over, findings };

    // 5. The entries, then the tree they make for the line counts.
    const files: WorkFile[] = deleted.map((path) => ({ path, deleted: true as const }));
    for (const c of kept) {
      if (c.target !== undefined) {
        files.push({ path: c.entry.path, mode: "120000", target: c.target });
        continue;
      }
      const content = c.content ?? (await readChecked(join(root, c.entry.path), c.entry));
      if (!Buffer.isBuffer(content)) refuse(c.entry.path, content.kind, content.detail);
      else
        files.push({
          path: c.entry.path,
          mode: c.entry.executable ? "100755" : "100644",
          content_base64: content.toString("base64"),
        });
    }
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const { tree } = await writeWorkTree(git, options.startSha, files, join(scratch, "index"));
    const lines = await diffTrees(git, options.startSha, tree);
    const stats = {
      files: files.length,
      bytes: contentBytes(files),
      lines_added: lines.linesAdded,
      lines_removed: lines.linesRemoved,
    };
    return { ok: true, files, stats, findings };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * The walked entries that differ from the start commit, refusing unreadable files and unsafe links.
 * Contents read to compare are kept for the document until their total passes the byte limit, past
 * which the capture fails anyway.
 */
async function findChanges(
  root: string,
  entries: readonly WalkedEntry[],
  start: ReadonlyMap<string, TreeEntry>,
  limits: WorkLimits,
  refuse: (path: string, kind: CaptureFinding["kind"], detail: string) => void,
): Promise<Changed[]> {
  const changed: Changed[] = [];
  let held = 0;
  for (const entry of entries) {
    const result = await compare(root, entry, start.get(entry.path));
    if (result === null) continue;
    if ("detail" in result) {
      refuse(entry.path, result.kind, result.detail);
      continue;
    }
    const problem = result.target !== undefined && symlinkTargetProblem(entry.path, result.target);
    if (problem) {
      refuse(entry.path, "unsafe-symlink", `its target ${JSON.stringify(result.target)} ${problem}`);
      continue;
    }
    if (result.content && (held += result.content.length) > limits.maxBytes) delete result.content;
    changed.push(result);
  }
  return changed;
}

/** Keeps the first of entries whose paths differ only in case (one file on macOS and Windows). */
function dropCaseCollisions(
  changed: Changed[],
  refuse: (path: string, kind: "invalid-path", detail: string) => void,
): Changed[] {
  const seen = new Map<string, string>();
  return changed
    .sort((a, b) => (a.entry.path < b.entry.path ? -1 : 1))
    .filter((c) => {
      const folded = c.entry.path.split("/").map(foldName).join("/");
      const first = seen.get(folded);
      if (first !== undefined)
        refuse(c.entry.path, "invalid-path", `it differs only in case from ${JSON.stringify(first)}`);
      else seen.set(folded, c.entry.path);
      return first === undefined;
    });
}
