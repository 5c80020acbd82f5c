import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import Bottleneck from "bottleneck";
import type { Author, GitHubClient, Issue, IssueComment, PullRequest } from "./github-client.js";

/** Pinned so a change of GitHub's default version cannot change the shapes we read. */
export const GITHUB_API_VERSION = "2022-11-28";

/** How many times a rate-limited request is retried before the run gives up on it. */
const MAX_RATE_LIMIT_RETRIES = 5;

export interface GitHubClientOptions {
  token: string;
  owner: string;
  repo: string;
  /**
   * Pause between content-creating requests. GitHub asks integrations making many writes to "wait at
   * least one second between each request"; requests that notify people are spaced three times as far.
   */
  writeIntervalMs: number;
  warn: (message: string) => void;
  debug: (message: string) => void;
}

type Octokit = ReturnType<typeof createOctokit>;

function createOctokit(options: GitHubClientOptions) {
  const common = { maxConcurrent: 1 };
  const octokit = getOctokit(
    options.token,
    {
      throttle: {
        // Our own pacing groups instead of the plugin's module-level 1 s / 3 s ones, so the interval is an input.
        write: new Bottleneck.Group({ ...common, minTime: options.writeIntervalMs }),
        notifications: new Bottleneck.Group({ ...common, minTime: options.writeIntervalMs * 3 }),
        onRateLimit: (
          retryAfter: number,
          request: { method: string; url: string },
          _o: unknown,
          count: number,
        ) => {
          options.warn(`GitHub rate limit hit on ${request.method} ${request.url}; waiting ${retryAfter}s`);
          return count < MAX_RATE_LIMIT_RETRIES;
        },
        onSecondaryRateLimit: (
          retryAfter: number,
          request: { method: string; url: string },
          _o: unknown,
          count: number,
        ) => {
          options.warn(
            `GitHub secondary rate limit on ${request.method} ${request.url}; waiting ${retryAfter}s`,
          );
          return count < MAX_RATE_LIMIT_RETRIES;
        },
      },
      retry: { retries: 4 },
    },
    throttling,
    retry,
  );
  octokit.hook.before("request", (request) => {
    request.headers["x-github-api-version"] = GITHUB_API_VERSION;
  });
  octokit.hook.after("request", (response, request) => {
    options.debug(`${request.method} ${request.url} → ${response.status}`);
  });
  return octokit;
}

interface RawAuthor {
  login: string;
  type?: string;
}

function toAuthor(user: RawAuthor | null | undefined): Author | null {
  return user ? { login: user.login, type: user.type ?? "User" } : null;
}

interface RawIssue {
  id: number;
  number: number;
  title: string;
  body?: string | null;
  state: string;
  user: RawAuthor | null;
  labels: Array<string | { name?: string }>;
  html_url: string;
  pull_request?: unknown;
}

function toIssue(raw: RawIssue): Issue {
  return {
    id: raw.id,
    number: raw.number,
    title: raw.title,
    body: raw.body ?? "",
    state: raw.state === "closed" ? "closed" : "open",
    user: toAuthor(raw.user),
    labels: raw.labels.map((l) => (typeof l === "string" ? l : (l.name ?? ""))).filter((l) => l !== ""),
    htmlUrl: raw.html_url,
    isPullRequest: raw.pull_request !== undefined && raw.pull_request !== null,
  };
}

function toComment(raw: {
  id: number;
  body?: string;
  user: RawAuthor | null;
  html_url: string;
}): IssueComment {
  return { id: raw.id, body: raw.body ?? "", user: toAuthor(raw.user), htmlUrl: raw.html_url };
}

interface RawPull {
  number: number;
  html_url: string;
  state: string;
  merged_at?: string | null;
  merged?: boolean;
  draft?: boolean;
  title: string;
  body?: string | null;
  head: { ref: string; repo?: { owner?: { login?: string } } | null; user?: { login?: string } | null };
  base: { ref: string };
  user: RawAuthor | null;
}

function toPull(raw: RawPull): PullRequest {
  return {
    number: raw.number,
    htmlUrl: raw.html_url,
    state: raw.state === "closed" ? "closed" : "open",
    merged: Boolean(raw.merged ?? raw.merged_at),
    draft: Boolean(raw.draft),
    title: raw.title,
    body: raw.body ?? "",
    headRef: raw.head.ref,
    headOwner: raw.head.repo?.owner?.login ?? raw.head.user?.login ?? "",
    baseRef: raw.base.ref,
    user: toAuthor(raw.user),
  };
}

/** Builds the GitHubClient over Octokit with GitHub's recommended throttling and retries. */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const octokit: Octokit = createOctokit(options);
  const { owner, repo } = options;
  const rest = octokit.rest;

  return {
    owner,
    repo,
    async getAuthenticatedLogin() {
      try {
        const { data } = await rest.users.getAuthenticated();
        return data.login;
      } catch (error) {
        // Installation tokens (GITHUB_TOKEN, apps) may not read /user: GitHub answers 403.
        if (isStatus(error, 403) || isStatus(error, 401)) return undefined;
        throw error;
      }
    },
    async getDefaultBranch() {
      const { data } = await rest.repos.get({ owner, repo });
      return data.default_branch;
    },
    async getIssue(issueNumber) {
      const { data } = await rest.issues.get({ owner, repo, issue_number: issueNumber });
      return toIssue(data as RawIssue);
    },
    async createIssue({ title, body, labels }) {
      const { data } = await rest.issues.create({ owner, repo, title, body, labels });
      return toIssue(data as RawIssue);
    },
    async listIssuesWithLabel(label) {
      const data = await octokit.paginate(rest.issues.listForRepo, {
        owner,
        repo,
        labels: label,
        state: "all",
        per_page: 100,
      });
      return data.map((raw) => toIssue(raw as RawIssue));
    },
    async listSubIssues(parentNumber) {
      const data = await octokit.paginate(rest.issues.listSubIssues, {
        owner,
        repo,
        issue_number: parentNumber,
        per_page: 100,
      });
      return data.map((raw) => toIssue(raw as RawIssue));
    },
    async addSubIssue(parentNumber, childId) {
      await rest.issues.addSubIssue({ owner, repo, issue_number: parentNumber, sub_issue_id: childId });
    },
    async listComments(issueNumber) {
      const data = await octokit.paginate(rest.issues.listComments, {
        owner,
        repo,
        issue_number: issueNumber,
        per_page: 100,
      });
      return data.map(toComment);
    },
    async createComment(issueNumber, body) {
      const { data } = await rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
      return toComment(data);
    },
    async updateComment(commentId, body) {
      const { data } = await rest.issues.updateComment({ owner, repo, comment_id: commentId, body });
      return toComment(data);
    },
    async getPermission(login) {
      const { data } = await rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: login });
      return { permission: data.permission, roleName: data.role_name };
    },
    async findOpenPullRequest(branch) {
      const { data } = await rest.pulls.list({
        owner,
        repo,
        state: "open",
        head: `${owner}:${branch}`,
        per_page: 100,
      });
      const match = data
        .map((raw) => toPull(raw as RawPull))
        .find((pr) => pr.headRef === branch && pr.headOwner === owner);
      return match;
    },
    async createPullRequest(pr) {
      const { data } = await rest.pulls.create({ owner, repo, ...pr, maintainer_can_modify: false });
      return toPull(data as RawPull);
    },
    async updatePullRequest(prNumber, update) {
      const { data } = await rest.pulls.update({ owner, repo, pull_number: prNumber, ...update });
      return toPull(data as RawPull);
    },
    async getPullRequest(prNumber) {
      const { data } = await rest.pulls.get({ owner, repo, pull_number: prNumber });
      return toPull(data as RawPull);
    },
    async listPullRequestFiles(prNumber) {
      const files = await octokit.paginate(rest.pulls.listFiles, {
        owner,
        repo,
        pull_number: prNumber,
        per_page: 100,
      });
      return files.map((f) => f.filename);
    },
  };
}

/** True when `error` is an Octokit RequestError with the given HTTP status. */
export function isStatus(error: unknown, status: number): boolean {
  return typeof error === "object" && error !== null && (error as { status?: unknown }).status === status;
}
