import { parseNumstat } from "../git/git.js";
import type { HardenedGit } from "./hardened-git.js";
import type { WorkFile } from "./work-schema.js";

/** One entry of a tree listing: mode and object id by path. */
export interface TreeEntry {
  mode: string;
  sha: string;
  /** Blob size in bytes; undefined for gitlinks. */
  size?: number;
}

/** hash-object processes run at once: enough to hide process start-up, few enough for 2 cores. */
const HASH_CONCURRENCY = 4;
/** Most --cacheinfo entries per update-index command, far below the kernel's argument limits. */
const CACHEINFO_BATCH = 64;

/** The recursive listing of `treeish` (`ls-tree -r -l -z --full-tree`): blobs, links and gitlinks by path. */
export async function listTree(git: HardenedGit, treeish: string): Promise<Map<string, TreeEntry>> {
  const { stdout } = await git(["ls-tree", "-r", "-l", "-z", "--full-tree", treeish]);
  const entries = new Map<string, TreeEntry>();
  for (const record of stdout.split("\0")) {
    if (record === "") continue;
    // `<mode> <type> <sha> <size padded with spaces>\t<path>`; the size is `-` for gitlinks.
    const tab = record.indexOf("\t");
    const [mode = "", , sha = "", size = "-"] = record.slice(0, tab).split(/ +/);
    entries.set(record.slice(tab + 1), { mode, sha, ...(size === "-" ? {} : { size: Number(size) }) });
  }
  return entries;
}

/** Stores `content` as a blob without any filter (content on stdin, no path), returning its id. */
export async function writeBlob(git: HardenedGit, content: Uint8Array): Promise<string> {
  const { stdout } = await git(["hash-object", "-w", "--no-filters", "--stdin"], { input: content });
  const sha = stdout.trim();
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha))
    throw new Error(`git hash-object printed '${sha}', not an object id`);
  return sha;
}

/** The blob of every file and symlink entry, by path; identical contents are written once. */
async function writeBlobs(git: HardenedGit, files: readonly WorkFile[]): Promise<Map<string, string>> {
  const pending = files.flatMap((file) =>
    "content_base64" in file
      ? [{ path: file.path, bytes: Buffer.from(file.content_base64, "base64") }]
      : "target" in file
        ? [{ path: file.path, bytes: Buffer.from(file.target, "utf8") }]
        : [],
  );
  const byContent = new Map<string, Promise<string>>();
  const blobs = new Map<string, string>();
  let next = 0;
  const worker = async () => {
    for (let item = pending[next++]; item; item = pending[next++]) {
      const key = item.bytes.toString("base64");
      let sha = byContent.get(key);
      if (!sha) byContent.set(key, (sha = writeBlob(git, item.bytes)));
      blobs.set(item.path, await sha);
    }
  };
  await Promise.all(Array.from({ length: HASH_CONCURRENCY }, worker));
  return blobs;
}

/**
 * Writes the tree of `startSha` with `files` applied, through a temporary index (`indexFile`), never a
 * work tree: deletions first (so a file may replace a deleted directory), then additions with
 * `update-index --add --cacheinfo`, which refuses invalid paths and a file where a directory is.
 */
export async function writeWorkTree(
  git: HardenedGit,
  startSha: string,
  files: readonly WorkFile[],
  indexFile: string,
): Promise<{ tree: string; blobs: Map<string, string> }> {
  const env = { GIT_INDEX_FILE: indexFile };
  const blobs = await writeBlobs(git, files);
  await git(["read-tree", startSha], { env });
  const removals = files.filter((f) => "deleted" in f).map((f) => `0 ${"0".repeat(40)}\t${f.path}\0`);
  // `--index-info` removes with mode 0 and needs no work tree (`--force-remove <path>` does).
  if (removals.length > 0)
    await git(["update-index", "-z", "--index-info"], { env, input: removals.join("") });
  const additions = files.flatMap((f) =>
    "deleted" in f ? [] : ["--cacheinfo", `${f.mode},${blobs.get(f.path) ?? ""},${f.path}`],
  );
  for (let i = 0; i < additions.length; i += 2 * CACHEINFO_BATCH)
    await git(["update-index", "--add", ...additions.slice(i, i + 2 * CACHEINFO_BATCH)], { env });
  const tree = (await git(["write-tree"], { env })).stdout.trim();
  return { tree, blobs };
}

/** Paths, added and removed lines between two trees (binary files count as changed with no lines). */
export async function diffTrees(
  git: HardenedGit,
  from: string,
  to: string,
): Promise<{ files: string[]; linesAdded: number; linesRemoved: number }> {
  const { stdout } = await git([
    "diff-tree",
    "-r",
    "-z",
    "--numstat",
    "--no-renames",
    "--no-textconv",
    "--no-ext-diff",
    from,
    to,
  ]);
  return parseNumstat(stdout);
}
