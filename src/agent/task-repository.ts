import { join } from "node:path";
import type { BranchChanges, GitResult } from "../git/git.js";
import { buildCommit, type BuiltCommit } from "../work/build-commit.js";
import { captureChanges, type CaptureResult } from "../work/capture-changes.js";
import { createPublishRepo, remoteProtocol, type PublishRepo } from "../work/fresh-clone.js";
import { createHardenedGit } from "../work/hardened-git.js";
import { diffTrees } from "../work/work-tree.js";
import type { WorkLimits } from "../work/work-limits.js";
import type { WorkDocument } from "../work/work-schema.js";

/** Where a task's branch starts: the remote task branch on a re-run, else the base. */
export interface TaskStart {
  startSha: string;
  /** The base branch's commit. */
  baseSha: string;
  /** The remote task branch existed (a previous attempt pushed it). */
  reused: boolean;
  /** The remote task branch's commit; "" when it does not exist (the push's lease). */
  remoteSha: string;
}

/**
 * The agent job's git, all of it in a bare repository the action made itself (P): the agent never
 * touches it and nothing in it came from the agent but file contents. The agent gets a copy (W) to
 * work in; what W holds afterwards is read as files, committed in P with plumbing and pushed from P.
 */
export interface TaskRepository {
  /** Fetches the base and the task branch. */
  start(base: string, branch: string): Promise<TaskStart>;
  /** Makes W at `dir`: a clone of P checked out on `branch` at `startSha`, with no remote. */
  checkoutCopy(dir: string, branch: string, startSha: string): Promise<void>;
  /** W's changes since `startSha` as file contents (never reading W's `.git`). */
  capture(workTree: string, startSha: string, limits: WorkLimits): Promise<CaptureResult>;
  /** The commit of `document` on its start commit. */
  commit(document: WorkDocument, message: string, limits: WorkLimits): Promise<BuiltCommit>;
  /** What `headSha` holds beyond `baseSha` (from their merge base): every attempt's commits on a reused branch. */
  changesSince(baseSha: string, headSha: string): Promise<BranchChanges>;
  /** Pushes `commitSha` to `branch` with a lease on `remoteSha`; failures are returned. */
  push(commitSha: string, branch: string, remoteSha: string): Promise<GitResult>;
  remove(): Promise<void>;
}

export async function openTaskRepository(options: {
  remoteUrl: string;
  token?: string;
  tempDir: string;
}): Promise<TaskRepository> {
  const repo: PublishRepo = await createPublishRepo(options);
  return {
    async start(base, branch) {
      const found = await repo.fetchRefs(base === branch ? [base] : [base, branch]);
      const baseSha = found.get(base);
      if (baseSha === undefined) throw new Error(`The base branch ${base} does not exist on the remote`);
      const remoteSha = base === branch ? "" : (found.get(branch) ?? "");
      return { startSha: remoteSha || baseSha, baseSha, reused: remoteSha !== "", remoteSha };
    },
    async checkoutCopy(dir, branch, startSha) {
      const parent = join(dir, "..");
      await createHardenedGit({ cwd: parent, protocols: ["file"] })([
        "clone",
        "--quiet",
        "--no-hardlinks",
        "--no-checkout",
        "--template=",
        repo.gitDir,
        dir,
      ]);
      const copy = createHardenedGit({ gitDir: join(dir, ".git"), workTree: dir, cwd: dir });
      await copy(["checkout", "--quiet", "-B", branch, startSha]);
      // P lives in the runner's temp directory, which the agent cannot read anyway.
      await copy(["remote", "remove", "origin"]);
    },
    capture(workTree, startSha, limits) {
      return captureChanges({
        pristineGitDir: repo.gitDir,
        workTree,
        startSha,
        limits,
        tempDir: options.tempDir,
      });
    },
    commit(document, message, limits) {
      return buildCommit(repo.git, { startSha: document.start_sha, document, message, limits });
    },
    async changesSince(baseSha, headSha) {
      const from = (await repo.git(["merge-base", baseSha, headSha])).stdout.trim();
      const [list, diff] = await Promise.all([
        repo.git(["rev-list", `${from}..${headSha}`]),
        diffTrees(repo.git, from, headSha),
      ]);
      const shas = list.stdout.split("\n").filter(Boolean);
      return { commits: shas.length, shas: shas.slice(0, 1000), ...diff };
    },
    push: (commitSha, branch, remoteSha) => repo.push(commitSha, branch, remoteSha),
    async remove() {
      await repo.remove();
    },
  };
}

/** The remote the action fetches from and pushes to: a checkout's `origin`, else the server's URL. */
export async function resolveRemoteUrl(checkout: string | undefined, fallback: string): Promise<string> {
  if (checkout !== undefined) {
    // Read as configuration only (`--git-dir`), before any agent ran: actions/checkout wrote it.
    const git = createHardenedGit({ gitDir: join(checkout, ".git"), cwd: checkout, protocols: [] });
    const url = await git(["config", "--get", "remote.origin.url"], { allowFailure: true });
    const value = url.stdout.trim();
    if (url.exitCode === 0 && value !== "") {
      remoteProtocol(value.startsWith("/") ? `file://${value}` : value);
      return value.startsWith("/") ? `file://${value}` : value;
    }
  }
  return fallback;
}
