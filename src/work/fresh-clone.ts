import { mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import type { GitResult } from "../git/git.js";
import { createHardenedGit, type HardenedGit } from "./hardened-git.js";

/** Where to publish from; see `createPublishRepo`. */
export interface PublishRepoOptions {
  /** The repository's URL: https (or http/file in tests), without credentials in it. */
  remoteUrl: string;
  /** Authenticates fetch and push through environment config. */
  token?: string;
  /** A directory of ours; the repository is made in a fresh directory inside it. */
  tempDir: string;
}

/** A bare repository of our own, made fresh, that talks to exactly one remote URL. */
export interface PublishRepo {
  gitDir: string;
  /** A hardened git on this repository (for `buildCommit`). */
  git: HardenedGit;
  /**
   * Fetches each of `branches` that exists on the remote into the same `refs/heads/<branch>` here (as
   * `clone --bare` would), returning the commit each one is at; a missing branch is left out.
   */
  fetchRefs(branches: readonly string[]): Promise<Map<string, string>>;
  /**
   * Pushes `commitSha` to `branch` unless the remote branch is no longer at `expectedRemoteSha` (""
   * means it must not exist). Failures are returned, not thrown.
   */
  push(commitSha: string, branch: string, expectedRemoteSha: string): Promise<GitResult>;
  /** Whether `ancestor` is `descendant` or one of its ancestors (both must be here). */
  isAncestor(ancestor: string, descendant: string): Promise<boolean>;
  /** Deletes the repository. */
  remove(): Promise<void>;
}

/** The URL scheme git will be allowed to use for `remoteUrl`; refuses credentials in the URL. */
export function remoteProtocol(remoteUrl: string): string {
  let url: URL;
  try {
    url = new URL(remoteUrl);
  } catch {
    // Not echoed: a malformed URL may still hold a credential.
    throw new Error("Invalid remote URL: expected https://host/owner/repo");
  }
  const protocol = url.protocol.slice(0, -1);
  if (!["https", "http", "file"].includes(protocol))
    throw new Error(
      `Invalid remote URL with scheme '${url.protocol}': it must be https (or http/file in tests)`,
    );
  if (url.username || url.password)
    throw new Error(
      `Invalid remote URL '${url.protocol}//${url.host}…': credentials go in the token, not the URL`,
    );
  return protocol;
}

/**
 * Makes a bare repository in a fresh temporary directory with `origin` = `remoteUrl`, for the publishing
 * job (and for the agent job's pristine clone P, which is the same thing with a read-only token). Fetch
 * and push name the URL itself, so a `pushurl` could not redirect them; the token travels in environment
 * config; no work tree ever exists, so nothing checked out can run.
 */
export async function createPublishRepo(options: PublishRepoOptions): Promise<PublishRepo> {
  const protocols = [remoteProtocol(options.remoteUrl)];
  const dir = await mkdtemp(join(options.tempDir, "pto-publish-"));
  const gitDir = join(dir, "repo.git");
  await createHardenedGit({ cwd: dir })(["init", "--quiet", "--bare", "--template=", gitDir]);
  const git = createHardenedGit({ gitDir, cwd: dir, protocols, token: options.token });
  await git(["config", "remote.origin.url", options.remoteUrl]);
  const url = options.remoteUrl;

  const checkBranch = async (branch: string) => {
    const result = await git(["check-ref-format", `refs/heads/${branch}`], { allowFailure: true });
    if (result.exitCode !== 0 || branch.startsWith("-")) throw new Error(`Invalid branch name '${branch}'`);
  };

  return {
    gitDir,
    git,
    async fetchRefs(branches) {
      for (const branch of branches) await checkBranch(branch);
      const refs = branches.map((b) => `refs/heads/${b}`);
      // ls-remote first: fetching a branch that does not exist fails the whole fetch.
      const listed = await git(["ls-remote", url, ...refs]);
      const existing = new Set(
        listed.stdout
          .split("\n")
          .map((line) => line.split("\t")[1])
          .filter((ref): ref is string => ref !== undefined && refs.includes(ref)),
      );
      const found = new Map<string, string>();
      if (existing.size === 0) return found;
      const specs = [...existing].map((ref) => `+${ref}:${ref}`);
      await git([
        "fetch",
        "--quiet",
        "--no-tags",
        "--no-write-fetch-head",
        "--no-recurse-submodules",
        url,
        ...specs,
      ]);
      for (const branch of branches) {
        if (!existing.has(`refs/heads/${branch}`)) continue;
        found.set(
          branch,
          (await git(["rev-parse", "--verify", `refs/heads/${branch}^{commit}`])).stdout.trim(),
        );
      }
      return found;
    },
    async push(commitSha, branch, expectedRemoteSha) {
      await checkBranch(branch);
      if (!/^[0-9a-f]{40}$/.test(commitSha)) throw new Error(`Invalid commit to push '${commitSha}'`);
      return git(
        [
          "push",
          "--porcelain",
          "--no-verify",
          "--no-recurse-submodules",
          `--force-with-lease=refs/heads/${branch}:${expectedRemoteSha}`,
          url,
          `${commitSha}:refs/heads/${branch}`,
        ],
        { allowFailure: true },
      );
    },
    async isAncestor(ancestor, descendant) {
      const args = ["merge-base", "--is-ancestor", ancestor, descendant];
      const result = await git(args, { allowFailure: true });
      if (result.exitCode > 1)
        throw new Error(`git merge-base --is-ancestor failed: ${result.stderr.trim()}`);
      return result.exitCode === 0;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
