/**
 * Public types of the GitHub stand-in: its options, its in-memory state and its request log.
 * The state is plain data so tests can read it directly (and, sparingly, arrange it).
 */

/** Repository roles as `role_name` reports them; "none" means no access. */
export type Role = "admin" | "maintain" | "write" | "triage" | "read" | "none";

/** Who a token authenticates as. GitHub Apps and `GITHUB_TOKEN` are "Bot"s. */
export interface TokenIdentity {
  login: string;
  type: "User" | "Bot";
}

/** Content-creation limits enforced like GitHub's secondary rate limits (see platform.md §7). */
export interface SecondaryLimits {
  /** Content-creating requests allowed in any sliding minute (GitHub documents 80). */
  perMinute: number;
  /** Content-creating requests allowed in any sliding hour (GitHub documents 500). */
  perHour: number;
  /** Divides both windows, so tests can run an "hour" quickly: 60 turns a minute into one second. */
  timeScale?: number;
}

/** Options of `startGitHubStandIn`; every field has a default. */
export interface StandInOptions {
  owner?: string;
  repo?: string;
  defaultBranch?: string;
  /** A bare git repository standing for the remote: pulls then check branches and list changed files. */
  gitDir?: string;
  /** Token → identity. Defaults to a `GITHUB_TOKEN`-like bot token and a maintainer's PAT. */
  tokens?: Record<string, TokenIdentity>;
  secondaryLimits?: SecondaryLimits;
  /**
   * Primary (hourly) request budget per identity. Defaults to GitHub's: 1,000 for `GITHUB_TOKEN`-like
   * bots and 5,000 for users.
   */
  primaryLimit?: number;
  /**
   * Emulates a GitHub Enterprise Server whose GraphQL schema predates `CreateIssueInput.parentIssueId`
   * (creating an issue under a parent in one mutation): such mutations fail schema validation.
   */
  graphqlWithoutParentIssueId?: boolean;
}

/** A canned answer for the next matching requests, e.g. a burst of 502s or a 429 with `retry-after`. */
export interface FaultRule {
  /** Upper-case HTTP method; any method when absent. */
  method?: string;
  /** Tested against the request path (no query string); any path when absent. */
  path?: RegExp;
  /** How many matching requests this rule answers before it is used up. */
  times: number;
  status: number;
  headers?: Record<string, string>;
  /** JSON body; a string is sent as-is as text/plain. Defaults to `{"message": <reason phrase>}`. */
  body?: unknown;
  /** Tested against the raw request body, e.g. to fail one GraphQL mutation among many; any when absent. */
  requestBody?: RegExp;
}

/**
 * Holds the first `count` matching requests until all of them have arrived, then lets them through
 * together: concurrent clients (two runs racing) interleave the same way every time.
 */
export interface BarrierRule {
  method?: string;
  path?: RegExp;
  requestBody?: RegExp;
  count: number;
  /** Lets the held requests through anyway after this long (default 20 s), so a test cannot hang. */
  timeoutMs?: number;
}

/** An account the stand-in knows: token identities, authors, people given roles. */
export interface UserRecord {
  login: string;
  id: number;
  type: "User" | "Bot" | "Organization";
}

/** A repository label. */
export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

/** An issue, or the issue half of a pull request: GitHub numbers both from one sequence. */
export interface IssueRecord {
  /** The database id the sub-issues API takes; deliberately unlike `number`. */
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  stateReason: "completed" | "not_planned" | "reopened" | "duplicate" | null;
  /** Author login. */
  user: string;
  /** Label names, in the order they were added. */
  labels: string[];
  locked: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: string | null;
  /** Set when this issue is a pull request. */
  isPullRequest: boolean;
}

/** An issue (or pull request) comment. */
export interface CommentRecord {
  id: number;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

/** The pull-request half of a pull request; title, body and state live on its `IssueRecord`. */
export interface PullRecord {
  /** The pull request's own id, different from its issue's id (as on GitHub). */
  id: number;
  number: number;
  /** Head branch name (same-repository pull requests only). */
  head: string;
  base: string;
  headSha: string;
  baseSha: string;
  draft: boolean;
  maintainerCanModify: boolean;
  merged: boolean;
  commits: number;
  additions: number;
  deletions: number;
  changedFiles: number;
}

/** The whole repository as the stand-in holds it. */
export interface StandInState {
  owner: string;
  repo: string;
  repoId: number;
  defaultBranch: string;
  users: Map<string, UserRecord>;
  /** Keyed by lower-cased name: GitHub label names are case-insensitive. */
  labels: Map<string, LabelRecord>;
  issues: Map<number, IssueRecord>;
  comments: Map<number, CommentRecord>;
  pulls: Map<number, PullRecord>;
  /** Parent issue number → ordered child issue numbers. */
  subIssues: Map<number, number[]>;
  /** Child issue number → parent issue number. */
  parentOf: Map<number, number>;
  /** Login → repository role; absent means "none". */
  roles: Map<string, Role>;
  nextNumber: number;
  nextCommentId: number;
  nextLabelId: number;
  nextUserId: number;
}

/** One served request, as the log records it. */
export interface RequestLogEntry {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  /** The matched operation, e.g. "issues/create"; undefined for unknown routes. */
  operationId: string | undefined;
  status: number;
  requestBody: unknown;
  responseBody: unknown;
  /** `Date.now()` when the request arrived. */
  timestamp: number;
  /** Login behind the token; undefined when it was missing or unknown. */
  login: string | undefined;
  /** The `X-GitHub-Api-Version` header the client sent, if any. */
  apiVersion: string | undefined;
  /** POST/PATCH/PUT/DELETE, and GraphQL mutations: what GitHub's secondary limits count. */
  contentCreating: boolean;
  /** Answered by an injected fault rule. */
  fault: boolean;
  /** Refused by the secondary (content-creation) limit. */
  refused: boolean;
  /** For `POST /graphql` (operationId "graphql"): the operation's type, top-level fields, and success. */
  graphql?: {
    operationType: "query" | "mutation" | "subscription" | undefined;
    /** Top-level field names, e.g. ["createIssue"] or ["repository"]. */
    fields: string[];
    /** True when the answer carried no `errors`. */
    ok: boolean;
  };
}

/** A request or response that does not match GitHub's OpenAPI description, or a call to an unknown route. */
export interface Violation {
  method: string;
  path: string;
  operationId: string | undefined;
  direction: "request" | "response" | "route";
  status?: number;
  /** ajv error objects (instancePath, message, …) or a one-line explanation. */
  errors: unknown[];
}

/** Selects log entries for `countRequests`: a predicate, or fields that must all match. */
export type RequestFilter =
  | ((entry: RequestLogEntry) => boolean)
  | {
      method?: string;
      /** Exact path, or a pattern tested against it. */
      path?: string | RegExp;
      operationId?: string;
      status?: number;
      contentCreating?: boolean;
      refused?: boolean;
      login?: string;
    };

/** A running stand-in. */
export interface GitHubStandIn {
  /** Base URL to use as `GITHUB_API_URL` / Octokit `baseUrl`; no trailing slash. */
  readonly url: string;
  readonly owner: string;
  readonly repo: string;
  readonly state: StandInState;
  /** Every request served since start (or the last `reset()`), oldest first. */
  readonly requests: RequestLogEntry[];
  /** OpenAPI mismatches and unknown routes; tests assert this stays empty. */
  readonly violations: Violation[];
  /** Requests refused by the secondary limit since start or the last `reset()`. */
  readonly refusedCount: number;
  seedIssue(issue: {
    title: string;
    body?: string | null;
    user?: string;
    labels?: string[];
    state?: "open" | "closed";
  }): IssueRecord;
  seedComment(issueNumber: number, comment: { body: string; user: string }): CommentRecord;
  setRole(login: string, role: Role): void;
  injectFault(rule: FaultRule): void;
  injectBarrier(rule: BarrierRule): void;
  countRequests(filter?: RequestFilter): number;
  /**
   * Clears the request log and the refused count. State, pending faults, rate-limit windows and
   * violations stay: a violation from an earlier phase of a test must not be wiped away.
   */
  reset(): void;
  close(): Promise<void>;
}
