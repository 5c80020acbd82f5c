import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import Bottleneck from "bottleneck";
import type { Author, GitHubClient, Issue, IssueComment, PullRequest } from "./github-client.js";

/** Pinned so a change of GitHub's default version cannot change the shapes we read. */
export const GITHUB_API_VERSION = "2022-11-28";

/** How many times a rate-limited request is retried before the run gives up on it. */
const MAX_RATE_LIMIT_RETRIES = 5;

/** The throttling plugin's key for our pacing groups (one client per process, so one key). */
const THROTTLE_ID = "parallel-task-orchestrator";

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

function createOctokit(options: GitHubClientOptions) {
  const common = { maxConcurrent: 1 };
  // Our own pacing groups instead of the plugin's module-level 1 s / 3 s ones, so the interval is an input.
  // The plugin paces every POST/PATCH/PUT/DELETE and every GraphQL request through `write`, and REST
  // writes that notify people (creating issues, comments, pull requests) through `notifications` too.
  const write = new Bottleneck.Group({ ...common, minTime: options.writeIntervalMs });
  const notifications = new Bottleneck.Group({ ...common, minTime: options.writeIntervalMs * 3 });
  const octokit = getOctokit(
    options.token,
    {
      throttle: {
        id: THROTTLE_ID,
        write,
        notifications,
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
  /**
   * A GraphQL mutation that notifies people (creating an issue) waits its turn in the notifications
   * group as the REST request it replaces would; the plugin only knows REST paths for that group.
   */
  const paceNotification = () => notifications.key(THROTTLE_ID).schedule(() => Promise.resolve());
  return { octokit, paceNotification };
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
  node_id?: string;
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

/** What GraphQL `createIssue` returns, as we ask for it. */
interface GraphqlIssue {
  /** BigInt, as a string: issue ids have outgrown GraphQL's 32-bit `databaseId: Int`. */
  fullDatabaseId: string;
  number: number;
  title: string;
  body: string;
  url: string;
  id: string;
  author: { __typename: string; login: string } | null;
  labels: { nodes: Array<{ name: string }> } | null;
}

const CREATE_SUB_ISSUE = `mutation($input: CreateIssueInput!) {
  createIssue(input: $input) {
    issue {
      id
      fullDatabaseId
      number
      title
      body
      url
      author { __typename login }
      labels(first: 100) { nodes { name } }
    }
  }
}`;

function fromGraphqlIssue(raw: GraphqlIssue): Issue {
  const author = raw.author;
  return {
    id: Number(raw.fullDatabaseId),
    number: raw.number,
    title: raw.title,
    body: raw.body,
    state: "open",
    // GraphQL names apps without the "[bot]" suffix REST (and every marker check) uses.
    user: author
      ? {
          login: author.__typename === "Bot" ? `${author.login}[bot]` : author.login,
          type: author.__typename,
        }
      : null,
    labels: (raw.labels?.nodes ?? []).map((l) => l.name),
    htmlUrl: raw.url,
    isPullRequest: false,
  };
}

/**
 * True when GitHub rejected the mutation because its schema has no `CreateIssueInput.parentIssueId`
 * (GitHub Enterprise Server before sub-issue creation): graphql-ruby words it "InputObject
 * 'CreateIssueInput' doesn't accept argument 'parentIssueId'" for literals, and "… was provided invalid
 * value for parentIssueId (Field is not defined on CreateIssueInput)" for variables.
 */
export function isParentIssueIdUnsupported(error: unknown): boolean {
  const errors = (error as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return false;
  return errors.some((e: unknown) => {
    const message = String((e as { message?: unknown } | null)?.message ?? "");
    return (
      /\bparentIssueId\b/.test(message) &&
      /doesn't accept argument|not defined|doesn't exist|isn't a defined/i.test(message)
    );
  });
}

/** What a batched `repository { prN: pullRequest(number: N) { … } }` returns per alias. */
interface GraphqlPull {
  number: number;
  url: string;
  state: "OPEN" | "CLOSED" | "MERGED";
  merged: boolean;
  isDraft: boolean;
  title: string;
  body: string;
  headRefName: string;
  headRepositoryOwner: { login: string } | null;
  baseRefName: string;
  author: { __typename: string; login: string } | null;
}

const PULL_FIELDS =
  "number url state merged isDraft title body headRefName headRepositoryOwner { login } baseRefName author { __typename login }";

/** GitHub answers at most this many aliased fields per query within its node limits comfortably. */
const PULLS_PER_QUERY = 100;

function fromGraphqlPull(raw: GraphqlPull): PullRequest {
  const author = raw.author;
  return {
    number: raw.number,
    htmlUrl: raw.url,
    state: raw.state === "OPEN" ? "open" : "closed",
    merged: raw.merged,
    draft: raw.isDraft,
    title: raw.title,
    body: raw.body,
    headRef: raw.headRefName,
    // A fork that was deleted has no owner: it is certainly not this repository.
    headOwner: raw.headRepositoryOwner?.login ?? "",
    baseRef: raw.baseRefName,
    // GraphQL names apps without the "[bot]" suffix REST logins carry.
    user: author
      ? {
          login: author.__typename === "Bot" ? `${author.login}[bot]` : author.login,
          type: author.__typename,
        }
      : null,
  };
}

/**
 * The data of a GraphQL answer whose only errors are NOT_FOUND (an alias naming something that does not
 * exist: its field is null); any other error is thrown.
 */
function dataDespiteNotFound<T>(error: unknown): T {
  const { errors, data } = (error ?? {}) as { errors?: unknown; data?: unknown };
  const onlyNotFound =
    Array.isArray(errors) &&
    errors.every((e: unknown) => (e as { type?: unknown } | null)?.type === "NOT_FOUND");
  if (!onlyNotFound || data === undefined || data === null) throw error;
  return data as T;
}

/** Builds the GitHubClient over Octokit with GitHub's recommended throttling and retries. */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const { octokit, paceNotification } = createOctokit(options);
  const { owner, repo } = options;
  const rest = octokit.rest;

  // Node ids GraphQL needs, cached for the run: one lookup query covers what is not known yet.
  let repositoryId: string | undefined;
  /** Issue number → node id, from every issue REST or GraphQL showed us. */
  const issueIds = new Map<number, string>();
  /** Lower-cased label name → node id. */
  const labelIds = new Map<string, string>();
  /** Set once GitHub's schema turned out to lack `parentIssueId`: REST create and link from then on. */
  let restSubIssues = false;
  /** Whether GraphQL's CreateIssueInput has parentIssueId here; asked once (schema introspection). */
  let linkedCreation: Promise<boolean> | undefined;
  const createsLinkedIssues = (): Promise<boolean> => {
    linkedCreation ??= octokit
      .graphql<{ __type: { inputFields: Array<{ name: string }> } | null }>(
        '{ __type(name: "CreateIssueInput") { inputFields { name } } }',
      )
      .then(({ __type }) => (__type?.inputFields ?? []).some((f) => f.name === "parentIssueId"));
    return linkedCreation;
  };

  const toKnownIssue = (raw: RawIssue): Issue => {
    if (raw.node_id) issueIds.set(raw.number, raw.node_id);
    return toIssue(raw);
  };

  /** Looks up, in one query, the node ids of the repository, the parent and labels not cached yet. */
  async function lookUpIds(parentNumber: number, labels: string[]): Promise<string[]> {
    const wanted = labels.filter((l) => !labelIds.has(l.toLowerCase()));
    const fields: string[] = [];
    const definitions = ["$owner: String!", "$name: String!"];
    const variables: Record<string, unknown> = { owner, name: repo };
    if (repositoryId === undefined) fields.push("id");
    if (!issueIds.has(parentNumber)) {
      definitions.push("$parent: Int!");
      variables.parent = parentNumber;
      fields.push("parent: issue(number: $parent) { id }");
    }
    wanted.forEach((label, i) => {
      definitions.push(`$label${i}: String!`);
      variables[`label${i}`] = label;
      fields.push(`label${i}: label(name: $label${i}) { id }`);
    });
    if (fields.length > 0) {
      const query = `query(${definitions.join(", ")}) { repository(owner: $owner, name: $name) { ${fields.join(" ")} } }`;
      const { repository } = await octokit.graphql<{
        repository: Record<string, { id: string } | string | null>;
      }>(query, variables);
      if (typeof repository.id === "string") repositoryId = repository.id;
      const parent = repository.parent;
      if (parent && typeof parent === "object") issueIds.set(parentNumber, parent.id);
      wanted.forEach((label, i) => {
        const found = repository[`label${i}`];
        if (found && typeof found === "object") labelIds.set(label.toLowerCase(), found.id);
      });
    }
    // GraphQL does not create missing labels as REST issue creation does: create them (once per run).
    for (const label of labels) {
      if (labelIds.has(label.toLowerCase())) continue;
      labelIds.set(label.toLowerCase(), await createLabel(label));
    }
    return [...new Set(labels.map((l) => labelIds.get(l.toLowerCase()) as string))];
  }

  async function createLabel(name: string): Promise<string> {
    try {
      const { data } = await rest.issues.createLabel({ owner, repo, name });
      return data.node_id;
    } catch (error) {
      // Another run created it a moment ago ("already_exists"): read its id.
      if (!isStatus(error, 422)) throw error;
      const { repository } = await octokit.graphql<{ repository: { label: { id: string } | null } }>(
        "query($owner: String!, $name: String!, $label: String!) { repository(owner: $owner, name: $name) { label(name: $label) { id } } }",
        { owner, name: repo, label: name },
      );
      if (!repository.label) throw error;
      return repository.label.id;
    }
  }

  const client: GitHubClient = {
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
      return toKnownIssue(data as RawIssue);
    },
    async createIssue({ title, body, labels }) {
      const { data } = await rest.issues.create({ owner, repo, title, body, labels });
      return toKnownIssue(data as RawIssue);
    },
    async listIssuesWithLabel(label) {
      const data = await octokit.paginate(rest.issues.listForRepo, {
        owner,
        repo,
        labels: label,
        state: "all",
        per_page: 100,
      });
      return data.map((raw) => toKnownIssue(raw as RawIssue));
    },
    async listSubIssues(parentNumber) {
      const data = await octokit.paginate(rest.issues.listSubIssues, {
        owner,
        repo,
        issue_number: parentNumber,
        per_page: 100,
      });
      return data.map((raw) => toKnownIssue(raw as RawIssue));
    },
    async addSubIssue(parentNumber, childId) {
      await rest.issues.addSubIssue({ owner, repo, issue_number: parentNumber, sub_issue_id: childId });
    },
    createsLinkedIssues,
    async createSubIssue(parentNumber, issue) {
      if (!restSubIssues && !(await createsLinkedIssues())) {
        restSubIssues = true;
        options.warn(
          "GitHub's GraphQL API here cannot create an issue under a parent (no CreateIssueInput.parentIssueId): sub-issues are created and linked with two REST requests each.",
        );
      }
      if (!restSubIssues) {
        const ids = await lookUpIds(parentNumber, issue.labels);
        await paceNotification();
        try {
          const { createIssue } = await octokit.graphql<{ createIssue: { issue: GraphqlIssue } }>(
            CREATE_SUB_ISSUE,
            {
              input: {
                repositoryId,
                title: issue.title,
                body: issue.body,
                labelIds: ids,
                parentIssueId: issueIds.get(parentNumber),
              },
            },
          );
          issueIds.set(createIssue.issue.number, createIssue.issue.id);
          return fromGraphqlIssue(createIssue.issue);
        } catch (error) {
          if (!isParentIssueIdUnsupported(error)) throw error;
          restSubIssues = true;
          options.warn(
            "GitHub's GraphQL API here cannot create an issue under a parent (no CreateIssueInput.parentIssueId): sub-issues are created and linked with two REST requests each for the rest of this run.",
          );
        }
      }
      const created = await client.createIssue(issue);
      await client.addSubIssue(parentNumber, created.id);
      return created;
    },
    async closeAsDuplicate(issueNumber, ofId) {
      await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
        owner,
        repo,
        issue_number: issueNumber,
        state: "closed",
        // Newer than the REST types bundled with @actions/github: sent as the API documents it.
        state_reason: "duplicate",
        duplicate_issue_id: ofId,
      } as Parameters<typeof rest.issues.update>[0]);
    },
    async removeSubIssue(parentNumber, childId) {
      await rest.issues.removeSubIssue({ owner, repo, issue_number: parentNumber, sub_issue_id: childId });
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
    async deleteComment(commentId) {
      await rest.issues.deleteComment({ owner, repo, comment_id: commentId });
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
    async getPullRequests(prNumbers) {
      const unique = [...new Set(prNumbers)].filter((n) => Number.isSafeInteger(n) && n > 0);
      const found = new Map<number, PullRequest>();
      for (let at = 0; at < unique.length; at += PULLS_PER_QUERY) {
        const batch = unique.slice(at, at + PULLS_PER_QUERY);
        // Aliases carry the number itself (pr123), never text from a status document.
        const fields = batch.map((n) => `pr${n}: pullRequest(number: ${n}) { ${PULL_FIELDS} }`);
        const query = `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { ${fields.join(" ")} } }`;
        type Answer = { repository: Record<string, GraphqlPull | null> | null };
        let answer: Answer;
        try {
          answer = await octokit.graphql<Answer>(query, { owner, name: repo });
        } catch (error) {
          answer = dataDespiteNotFound<Answer>(error);
        }
        for (const n of batch) {
          const raw = answer.repository?.[`pr${n}`];
          if (raw) found.set(n, fromGraphqlPull(raw));
        }
      }
      return found;
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
  return client;
}

/** True when `error` is an Octokit RequestError with the given HTTP status. */
export function isStatus(error: unknown, status: number): boolean {
  return typeof error === "object" && error !== null && (error as { status?: unknown }).status === status;
}
