/**
 * The narrow port through which every stage talks to GitHub. Only the calls we make, with plain
 * data in and out, so stages are tested against the GitHub stand-in or a literal fake.
 */

/** An issue's author. `type` is "Bot" for apps such as github-actions[bot]. */
export interface Author {
  login: string;
  type: string;
}

export interface Issue {
  /** The node-independent numeric id: what the sub-issues API takes (not the number). */
  id: number;
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  user: Author | null;
  labels: string[];
  htmlUrl: string;
  /** True when this "issue" is a pull request (the issues list returns both). */
  isPullRequest: boolean;
}

export interface IssueComment {
  id: number;
  body: string;
  user: Author | null;
  htmlUrl: string;
}

/** Repository role of a user: GitHub's `role_name` (admin, maintain, write, triage, read, none or custom). */
export interface Permission {
  /** Legacy base permission: admin, write, read or none (maintain maps to write, triage to read). */
  permission: string;
  roleName: string;
}

export interface PullRequest {
  number: number;
  htmlUrl: string;
  state: "open" | "closed";
  merged: boolean;
  draft: boolean;
  title: string;
  body: string;
  /** The head branch name (without owner). */
  headRef: string;
  /** The head repository's owner login: a PR from a fork has another owner. */
  headOwner: string;
  baseRef: string;
  user: Author | null;
}

export interface NewPullRequest {
  title: string;
  body: string;
  head: string;
  base: string;
  draft: boolean;
}

export interface GitHubClient {
  readonly owner: string;
  readonly repo: string;
  /** The login behind the token, or undefined when the token cannot ask (GITHUB_TOKEN and app tokens get 403). */
  getAuthenticatedLogin(): Promise<string | undefined>;
  /** The repository's default branch, the base of task branches unless configured. */
  getDefaultBranch(): Promise<string>;
  getIssue(issueNumber: number): Promise<Issue>;
  createIssue(issue: { title: string; body: string; labels: string[] }): Promise<Issue>;
  /** Every issue (and PR) carrying the label, open or closed, newest first, read 100 at a time. */
  listIssuesWithLabel(label: string): Promise<Issue[]>;
  listSubIssues(parentNumber: number): Promise<Issue[]>;
  /** Links an existing issue under a parent; `childId` is the issue's id, not its number. */
  addSubIssue(parentNumber: number, childId: number): Promise<void>;
  /**
   * Creates an issue already linked under `parentNumber`: one content-creating request (GraphQL
   * `createIssue` with `parentIssueId`), or — where GitHub's schema lacks that — REST create and link.
   * Missing labels are created first (once per run), as REST issue creation would.
   */
  createSubIssue(
    parentNumber: number,
    issue: { title: string; body: string; labels: string[] },
  ): Promise<Issue>;
  /**
   * True when `createSubIssue` creates and links in one step here (GitHub's GraphQL schema has
   * `CreateIssueInput.parentIssueId`): no issue can then be left created but unlinked. One read, cached.
   */
  createsLinkedIssues(): Promise<boolean>;
  /** Closes an issue as a duplicate of another (GitHub shows "Duplicate of #N"); `ofId` is that issue's id. */
  closeAsDuplicate(issueNumber: number, ofId: number): Promise<void>;
  /** Unlinks a sub-issue from its parent; `childId` is the issue's id. */
  removeSubIssue(parentNumber: number, childId: number): Promise<void>;
  listComments(issueNumber: number): Promise<IssueComment[]>;
  createComment(issueNumber: number, body: string): Promise<IssueComment>;
  updateComment(commentId: number, body: string): Promise<IssueComment>;
  deleteComment(commentId: number): Promise<void>;
  getPermission(login: string): Promise<Permission>;
  /** The open pull request from `branch` of this repository, if any. */
  findOpenPullRequest(branch: string): Promise<PullRequest | undefined>;
  createPullRequest(pr: NewPullRequest): Promise<PullRequest>;
  updatePullRequest(prNumber: number, update: { title?: string; body?: string }): Promise<PullRequest>;
  getPullRequest(prNumber: number): Promise<PullRequest>;
  /**
   * The pull requests of this repository with these numbers, read in batches of 100 (one GraphQL query
   * each); a number that is not a pull request here is absent from the map.
   */
  getPullRequests(prNumbers: number[]): Promise<Map<number, PullRequest>>;
  /** Paths a pull request changes (up to GitHub's 3,000-file listing limit). */
  listPullRequestFiles(prNumber: number): Promise<string[]>;
}
