/**
 * The stand-in's in-memory repository: creation helpers that keep ids, numbers and timestamps the way
 * GitHub does, so route handlers and test seeding share one code path.
 */
import type { CommentRecord, IssueRecord, LabelRecord, Role, StandInState, UserRecord } from "./types.js";

/** GitHub's real id for github-actions[bot]; other users get made-up ids. */
const GITHUB_ACTIONS_BOT_ID = 41898282;

/**
 * Issue ids are far from and not proportional to numbers, so code that passes a number where the
 * sub-issues API wants an id hits a 404 here as it would on GitHub. They are past 2^31, as GitHub's
 * newest are: GraphQL's 32-bit `databaseId: Int` cannot carry them (graphql-js refuses to serialise
 * them, as GitHub's server errs), so clients must read `fullDatabaseId`.
 */
export function issueIdFor(issueNumber: number): number {
  return 3_100_000_000 + issueNumber * 13;
}

/** A pull request's own id differs from its issue's id, as on GitHub. */
export function pullIdFor(pullNumber: number): number {
  return 2_000_000 + pullNumber * 17;
}

/** GitHub timestamps are ISO 8601 in UTC with whole seconds: "2011-04-14T16:00:49Z". */
export function timestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** An empty repository owned by an organisation, numbering issues from 1. */
export function createState(owner: string, repo: string, defaultBranch: string): StandInState {
  const state: StandInState = {
    owner,
    repo,
    repoId: 4_200_001,
    defaultBranch,
    users: new Map(),
    labels: new Map(),
    issues: new Map(),
    comments: new Map(),
    pulls: new Map(),
    subIssues: new Map(),
    parentOf: new Map(),
    roles: new Map(),
    nextNumber: 1,
    nextCommentId: 5_000_001,
    nextLabelId: 7_000_001,
    nextUserId: 100_001,
  };
  state.users.set(owner.toLowerCase(), { login: owner, id: 9_000_001, type: "Organization" });
  return state;
}

/** Looks a user up case-insensitively (GitHub logins are), registering unknown logins as users. */
export function ensureUser(
  state: StandInState,
  login: string,
  type: UserRecord["type"] = "User",
): UserRecord {
  const key = login.toLowerCase();
  const existing = state.users.get(key);
  if (existing) return existing;
  const id = login === "github-actions[bot]" ? GITHUB_ACTIONS_BOT_ID : state.nextUserId++;
  const user: UserRecord = { login, id, type: login.endsWith("[bot]") ? "Bot" : type };
  state.users.set(key, user);
  return user;
}

/** The login's repository role; logins never given one have none. */
export function roleOf(state: StandInState, login: string): Role {
  return state.roles.get(login.toLowerCase()) ?? "none";
}

/** A repository label by name, case-insensitively. */
export function findLabel(state: StandInState, name: string): LabelRecord | undefined {
  return state.labels.get(name.toLowerCase());
}

/** Returns the repository label, creating it with GitHub's default grey when it does not exist yet. */
export function ensureLabel(
  state: StandInState,
  name: string,
  color = "ededed",
  description: string | null = null,
) {
  const existing = findLabel(state, name);
  if (existing) return existing;
  const label: LabelRecord = { id: state.nextLabelId++, name, color, description, default: false };
  state.labels.set(name.toLowerCase(), label);
  return label;
}

/** Adds labels to an issue by name, creating unknown ones (as `POST …/labels` and issue creation do). */
export function addLabelsToIssue(state: StandInState, issue: IssueRecord, names: string[]): void {
  for (const name of names) {
    const label = ensureLabel(state, name);
    if (!issue.labels.some((existing) => existing.toLowerCase() === label.name.toLowerCase())) {
      issue.labels.push(label.name);
    }
  }
}

/** Opens an issue (or the issue half of a pull request) with the next number. */
export function createIssue(
  state: StandInState,
  fields: {
    title: string;
    body: string | null;
    user: string;
    labels?: string[];
    state?: "open" | "closed";
    isPullRequest?: boolean;
  },
): IssueRecord {
  ensureUser(state, fields.user);
  const number = state.nextNumber++;
  const now = timestamp();
  const closed = fields.state === "closed";
  const issue: IssueRecord = {
    id: issueIdFor(number),
    number,
    title: fields.title,
    body: fields.body,
    state: closed ? "closed" : "open",
    stateReason: closed ? "completed" : null,
    user: fields.user,
    labels: [],
    locked: false,
    createdAt: now,
    updatedAt: now,
    closedAt: closed ? now : null,
    closedBy: closed ? fields.user : null,
    isPullRequest: fields.isPullRequest ?? false,
  };
  addLabelsToIssue(state, issue, fields.labels ?? []);
  state.issues.set(number, issue);
  return issue;
}

/** Adds a comment; like GitHub, commenting bumps the issue's `updated_at`. */
export function createComment(
  state: StandInState,
  issue: IssueRecord,
  fields: { body: string; user: string },
): CommentRecord {
  ensureUser(state, fields.user);
  const now = timestamp();
  const comment: CommentRecord = {
    id: state.nextCommentId++,
    issueNumber: issue.number,
    body: fields.body,
    user: fields.user,
    createdAt: now,
    updatedAt: now,
  };
  state.comments.set(comment.id, comment);
  issue.updatedAt = now;
  return comment;
}

/** Applies an open/closed transition with GitHub's bookkeeping (closed_at, closed_by, state_reason). */
export function setIssueState(
  issue: IssueRecord,
  next: "open" | "closed",
  actor: string,
  reason?: IssueRecord["stateReason"],
): void {
  const now = timestamp();
  if (next === "closed" && issue.state === "open") {
    issue.closedAt = now;
    issue.closedBy = actor;
    issue.stateReason = reason ?? "completed";
  } else if (next === "open" && issue.state === "closed") {
    issue.closedAt = null;
    issue.stateReason = "reopened";
  } else if (reason !== undefined) {
    issue.stateReason = reason;
  }
  issue.state = next;
  issue.updatedAt = now;
}

/** Resolves the database id the sub-issues API takes. */
export function findIssueById(state: StandInState, id: number): IssueRecord | undefined {
  for (const issue of state.issues.values()) if (issue.id === id) return issue;
  return undefined;
}

/** Depth of an issue in its sub-issue tree: 1 for a root. */
export function depthOf(state: StandInState, issueNumber: number): number {
  let depth = 1;
  for (let n = state.parentOf.get(issueNumber); n !== undefined; n = state.parentOf.get(n)) depth++;
  return depth;
}

/** Height of the subtree under an issue: 1 for a leaf. */
export function heightOf(state: StandInState, issueNumber: number): number {
  const children = state.subIssues.get(issueNumber) ?? [];
  return 1 + children.reduce((max, child) => Math.max(max, heightOf(state, child)), 0);
}
