/**
 * Turns state records into the JSON GitHub sends: every field the OpenAPI schema requires, the URLs
 * GitHub builds, and the quirks clients rely on (a pull request listed as an issue carries a
 * `pull_request` key; bot logins are URL-encoded in API URLs).
 */
import { ensureUser, findLabel, roleOf } from "./state.js";
import type { CommentRecord, IssueRecord, LabelRecord, PullRecord, StandInState } from "./types.js";

/** What rendering needs: the state and the base URL API links point at. */
export interface RenderContext {
  state: StandInState;
  /** The stand-in's base URL: API URLs in bodies point back at it, as GitHub's point at itself. */
  apiUrl: string;
}

/** Browser URLs keep GitHub's host: they are only ever displayed, never fetched. */
const WEB = "https://github.com";

function repoApi(ctx: RenderContext): string {
  return `${ctx.apiUrl}/repos/${ctx.state.owner}/${ctx.state.repo}`;
}

function repoWeb(ctx: RenderContext): string {
  return `${WEB}/${ctx.state.owner}/${ctx.state.repo}`;
}

/**
 * A global node id as GitHub's look (`I_kwDO…`, `R_kgDO…`, `LA_kwDO…`): a type prefix and an opaque
 * tail. REST `node_id` and GraphQL `id` are the same string, and `parseNodeId` maps it back to state.
 */
export function nodeId(prefix: string, id: number): string {
  const header = prefix === "R" ? "kgDO" : "kwDO";
  return `${prefix}_${header}${Buffer.from(`standin:${id}`).toString("base64url")}`;
}

/** The prefix and database id a node id of `nodeId` names, or undefined for anything else. */
export function parseNodeId(id: string): { prefix: string; id: number } | undefined {
  const match = /^([A-Z]+)_k[gw]DO([A-Za-z0-9_-]+)$/.exec(id);
  if (!match) return undefined;
  const decoded = /^standin:([1-9]\d{0,15})$/.exec(Buffer.from(match[2] ?? "", "base64url").toString("utf8"));
  return decoded ? { prefix: match[1] ?? "", id: Number(decoded[1]) } : undefined;
}

/** A `simple-user`. Unknown logins become users, as anything GitHub shows has an account. */
export function renderUser(ctx: RenderContext, login: string) {
  const user = ensureUser(ctx.state, login);
  const api = `${ctx.apiUrl}/users/${encodeURIComponent(user.login)}`;
  const html =
    user.type === "Bot" ? `${WEB}/apps/${user.login.replace(/\[bot\]$/, "")}` : `${WEB}/${user.login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type === "Bot" ? "BOT" : user.type === "Organization" ? "O" : "U", user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: "",
    url: api,
    html_url: html,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: "public",
    site_admin: false,
  };
}

/** `repository` (embedded in pull requests) or, with `full`, `full-repository` (`GET /repos/{o}/{r}`). */
export function renderRepository(ctx: RenderContext, full: boolean) {
  const { state } = ctx;
  const api = repoApi(ctx);
  const openIssues = [...state.issues.values()].filter((i) => i.state === "open").length;
  const created = "2024-01-02T03:04:05Z";
  const repository = {
    id: state.repoId,
    node_id: nodeId("R", state.repoId),
    name: state.repo,
    full_name: `${state.owner}/${state.repo}`,
    private: true,
    owner: renderUser(ctx, state.owner),
    html_url: repoWeb(ctx),
    description: null,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://github.com/${state.owner}/${state.repo}.git`,
    hooks_url: `${api}/hooks`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@github.com:${state.owner}/${state.repo}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${repoWeb(ctx)}.git`,
    mirror_url: null,
    svn_url: repoWeb(ctx),
    homepage: null,
    language: "TypeScript",
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 0,
    default_branch: state.defaultBranch,
    open_issues: openIssues,
    open_issues_count: openIssues,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: "private",
    license: null,
    pushed_at: created,
    created_at: created,
    updated_at: created,
    allow_forking: false,
    web_commit_signoff_required: false,
  };
  if (!full) return repository;
  return {
    ...repository,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_rebase_merge: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    network_count: 0,
    subscribers_count: 0,
  };
}

/** A `label`. */
export function renderLabel(ctx: RenderContext, label: LabelRecord) {
  return {
    id: label.id,
    node_id: nodeId("LA", label.id),
    url: `${repoApi(ctx)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.default,
    description: label.description,
  };
}

function renderReactions(url: string) {
  return {
    url: `${url}/reactions`,
    total_count: 0,
    "+1": 0,
    "-1": 0,
    laugh: 0,
    hooray: 0,
    confused: 0,
    heart: 0,
    rocket: 0,
    eyes: 0,
  };
}

/** Collaborators show as COLLABORATOR, the owner as OWNER, everyone else (bots included) as NONE. */
function authorAssociation(ctx: RenderContext, login: string): string {
  if (login.toLowerCase() === ctx.state.owner.toLowerCase()) return "OWNER";
  return roleOf(ctx.state, login) === "none" ? "NONE" : "COLLABORATOR";
}

function subIssuesSummary(state: StandInState, issueNumber: number) {
  const children = state.subIssues.get(issueNumber) ?? [];
  const completed = children.filter((n) => state.issues.get(n)?.state === "closed").length;
  const total = children.length;
  return { total, completed, percent_completed: total === 0 ? 0 : Math.floor((completed * 100) / total) };
}

/** An `issue`, as every issues and sub-issues endpoint returns it. */
export function renderIssue(ctx: RenderContext, issue: IssueRecord) {
  const { state } = ctx;
  const url = `${repoApi(ctx)}/issues/${issue.number}`;
  const kind = issue.isPullRequest ? "pull" : "issues";
  const parent = state.parentOf.get(issue.number);
  const labels = issue.labels
    .map((name) => findLabel(state, name))
    .filter((label): label is LabelRecord => label !== undefined)
    .map((label) => renderLabel(ctx, label));
  const pull = state.pulls.get(issue.number);
  return {
    url,
    repository_url: repoApi(ctx),
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${repoWeb(ctx)}/${kind}/${issue.number}`,
    id: issue.id,
    node_id: nodeId(issue.isPullRequest ? "PR" : "I", issue.id),
    number: issue.number,
    title: issue.title,
    user: renderUser(ctx, issue.user),
    labels,
    state: issue.state,
    locked: issue.locked,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: [...state.comments.values()].filter((c) => c.issueNumber === issue.number).length,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    closed_by: issue.closedBy === null ? null : renderUser(ctx, issue.closedBy),
    author_association: authorAssociation(ctx, issue.user),
    active_lock_reason: null,
    ...(pull
      ? {
          draft: pull.draft,
          pull_request: {
            url: `${repoApi(ctx)}/pulls/${issue.number}`,
            html_url: `${repoWeb(ctx)}/pull/${issue.number}`,
            diff_url: `${repoWeb(ctx)}/pull/${issue.number}.diff`,
            patch_url: `${repoWeb(ctx)}/pull/${issue.number}.patch`,
            merged_at: null,
          },
        }
      : {}),
    body: issue.body,
    reactions: renderReactions(url),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    state_reason: issue.stateReason,
    sub_issues_summary: subIssuesSummary(state, issue.number),
    parent_issue_url: parent === undefined ? null : `${repoApi(ctx)}/issues/${parent}`,
  };
}

/** An `issue-comment`; comments on pull requests link to the pull request page. */
export function renderComment(ctx: RenderContext, comment: CommentRecord) {
  const url = `${repoApi(ctx)}/issues/comments/${comment.id}`;
  const issue = ctx.state.issues.get(comment.issueNumber);
  const kind = issue?.isPullRequest ? "pull" : "issues";
  return {
    url,
    html_url: `${repoWeb(ctx)}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${repoApi(ctx)}/issues/${comment.issueNumber}`,
    id: comment.id,
    node_id: nodeId("IC", comment.id),
    user: renderUser(ctx, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: authorAssociation(ctx, comment.user),
    body: comment.body,
    reactions: renderReactions(url),
    performed_via_github_app: null,
  };
}

/** `pull-request` (single PR endpoints) or, with `detailed` false, `pull-request-simple` (lists). */
export function renderPull(ctx: RenderContext, pull: PullRecord, detailed: boolean) {
  const issue = ctx.state.issues.get(pull.number);
  if (!issue) throw new Error(`stand-in bug: pull #${pull.number} has no issue record`);
  const rendered = renderIssue(ctx, issue);
  const url = `${repoApi(ctx)}/pulls/${pull.number}`;
  const html = `${repoWeb(ctx)}/pull/${pull.number}`;
  const owner = renderUser(ctx, ctx.state.owner);
  const repository = renderRepository(ctx, false);
  const side = (ref: string, sha: string) => ({
    label: `${ctx.state.owner}:${ref}`,
    ref,
    sha,
    user: owner,
    repo: repository,
  });
  const links = {
    self: { href: url },
    html: { href: html },
    issue: { href: rendered.url },
    comments: { href: rendered.comments_url },
    review_comments: { href: `${url}/comments` },
    review_comment: { href: `${repoApi(ctx)}/pulls/comments{/number}` },
    commits: { href: `${url}/commits` },
    statuses: { href: `${repoApi(ctx)}/statuses/${pull.headSha}` },
  };
  const simple = {
    url,
    id: pull.id,
    node_id: nodeId("PR", pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: rendered.url,
    number: pull.number,
    state: issue.state,
    locked: issue.locked,
    title: issue.title,
    user: rendered.user,
    body: issue.body,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    // The `pull-request-simple` schema types a label's description as a non-null string (unlike
    // `label`); we follow the schema so list responses validate.
    labels: rendered.labels.map((label) => ({ ...label, description: label.description ?? "" })),
    milestone: null,
    draft: pull.draft,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${repoApi(ctx)}/pulls/comments{/number}`,
    comments_url: rendered.comments_url,
    statuses_url: `${repoApi(ctx)}/statuses/${pull.headSha}`,
    head: side(pull.head, pull.headSha),
    base: side(pull.base, pull.baseSha),
    _links: links,
    author_association: rendered.author_association,
    auto_merge: null,
    active_lock_reason: null,
  };
  if (!detailed) return simple;
  return {
    ...simple,
    merged: pull.merged,
    // GitHub computes mergeability in the background and answers null until it has; we never compute.
    mergeable: null,
    rebaseable: null,
    mergeable_state: "unknown",
    merged_by: null,
    comments: rendered.comments,
    review_comments: 0,
    maintainer_can_modify: pull.maintainerCanModify,
    commits: pull.commits,
    additions: pull.additions,
    deletions: pull.deletions,
    changed_files: pull.changedFiles,
  };
}
