import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { HardenedGit } from "./hardened-git.js";
import { DEFAULT_WORK_LIMITS, exceededLimit, type WorkLimits } from "./work-limits.js";
import { parseWorkDocument, type WorkDocument, type WorkFile } from "./work-schema.js";
import { diffTrees, listTree, type TreeEntry, writeWorkTree } from "./work-tree.js";

/** Who the published commit is by unless the caller names an author; always its committer. */
export const BOT_IDENTITY = {
  name: "Parallel Task Orchestrator",
  email: "parallel-task-orchestrator@users.noreply.github.com",
} as const;

/** A work document the publisher will not turn into a commit; the message says which rule it broke. */
export class WorkRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkRejectedError";
  }
}

export interface BuildCommitInput {
  /** The commit the work starts from (derived by the publisher, compared with the document's). */
  startSha: string;
  /** Checked against the schema again here, whoever parsed it before. */
  document: WorkDocument;
  message: string;
  /** @default BOT_IDENTITY */
  author?: { name: string; email: string };
  /** @default DEFAULT_WORK_LIMITS */
  limits?: WorkLimits;
}

export interface BuiltCommit {
  commitSha: string;
  tree: string;
  changes: { files: string[]; linesAdded: number; linesRemoved: number };
}

/** The start tree with `files` applied: what the new tree must list, entry for entry. */
function expectedTree(
  start: ReadonlyMap<string, TreeEntry>,
  files: readonly WorkFile[],
  blobs: ReadonlyMap<string, string>,
): Map<string, { mode: string; sha: string }> {
  const expected = new Map<string, { mode: string; sha: string }>(
    [...start].map(([path, entry]) => [path, { mode: entry.mode, sha: entry.sha }]),
  );
  for (const file of files) {
    if ("deleted" in file) expected.delete(file.path);
    else expected.set(file.path, { mode: file.mode, sha: blobs.get(file.path) ?? "" });
  }
  return expected;
}

/** Throws when a path of the finished tree would be both a file and the directory of another. */
function checkFileDirectoryConflicts(paths: Iterable<string>): void {
  const all = new Set(paths);
  for (const path of all) {
    const segments = path.split("/");
    for (let i = 1; i < segments.length; i++) {
      const dir = segments.slice(0, i).join("/");
      if (all.has(dir))
        throw new WorkRejectedError(
          `The work leaves ${JSON.stringify(dir)} a file while ${JSON.stringify(path)} needs it to be a directory`,
        );
    }
  }
}

/** Throws unless `actual` lists exactly `expected` (no more, no less). */
function verifyTree(
  expected: ReadonlyMap<string, { mode: string; sha: string }>,
  actual: ReadonlyMap<string, TreeEntry>,
): void {
  for (const [path, want] of expected) {
    const got = actual.get(path);
    if (got?.mode !== want.mode || got.sha !== want.sha)
      throw new WorkRejectedError(
        `The built tree does not match the work at ${JSON.stringify(path)}: expected ${want.mode} ${want.sha}, got ${got ? `${got.mode} ${got.sha}` : "nothing"}`,
      );
  }
  for (const path of actual.keys())
    if (!expected.has(path))
      throw new WorkRejectedError(`The built tree has ${JSON.stringify(path)}, which the work does not`);
}

/**
 * Builds the commit of a work document on `startSha` in the publisher's own repository, with plumbing
 * only (no work tree, checkout, filter or hook): blobs from stdin, a temporary index seeded from the
 * start commit, `write-tree`, a check that the tree is exactly the start tree with the document
 * applied, and `commit-tree` with the bot as committer. The document is validated again first.
 */
export async function buildCommit(git: HardenedGit, input: BuildCommitInput): Promise<BuiltCommit> {
  // 1. The document as the schema and the limits accept it, for this start commit.
  let document: WorkDocument;
  try {
    document = parseWorkDocument(input.document);
  } catch (error) {
    throw new WorkRejectedError((error as Error).message);
  }
  if (document.start_sha !== input.startSha)
    throw new WorkRejectedError(`The work starts from ${document.start_sha}, not from ${input.startSha}`);
  const over = exceededLimit(
    document.files.length,
    document.stats.bytes,
    input.limits ?? DEFAULT_WORK_LIMITS,
  );
  if (over) throw new WorkRejectedError(over.message);
  await git(["cat-file", "-e", `${input.startSha}^{commit}`]);
  const start = await listTree(git, input.startSha);
  const finalPaths = new Set(start.keys());
  for (const file of document.files)
    if ("deleted" in file) finalPaths.delete(file.path);
    else finalPaths.add(file.path);
  checkFileDirectoryConflicts(finalPaths);

  // 2. The tree, through an index file of our own next to the repository's objects.
  const gitDir = (await git(["rev-parse", "--absolute-git-dir"])).stdout.trim();
  const indexFile = join(gitDir, `pto-index-${randomUUID()}`);
  try {
    const { tree, blobs } = await writeWorkTree(git, input.startSha, document.files, indexFile);
    // 3. The check, then the commit.
    verifyTree(expectedTree(start, document.files, blobs), await listTree(git, tree));
    const changes = await diffTrees(git, input.startSha, tree);
    const author = input.author ?? BOT_IDENTITY;
    const env = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: BOT_IDENTITY.name,
      GIT_COMMITTER_EMAIL: BOT_IDENTITY.email,
    };
    const commit = await git(["commit-tree", "--no-gpg-sign", tree, "-p", input.startSha, "-F", "-"], {
      env,
      input: input.message,
    });
    return { commitSha: commit.stdout.trim(), tree, changes };
  } finally {
    await rm(indexFile, { force: true });
  }
}
