/**
 * A loopback HTTP server that behaves like GitHub's REST API for the endpoints the action uses, so the
 * real Octokit (undici fetch, throttling and retry plugins) — in-process or in a child process via
 * `GITHUB_API_URL` — runs unchanged against it. Requests and responses are checked against GitHub's
 * OpenAPI description; faults, primary and secondary rate limits can be provoked on purpose.
 */
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { errorReply, type Reply, type Route, type RouteContext } from "./http.js";
import { describeRequestErrors, OpenApiCheck } from "./openapi-check.js";
import { PrimaryLimiter, SecondaryLimiter } from "./rate-limits.js";
import { commentRoutes } from "./routes-comments.js";
import { issueRoutes } from "./routes-issues.js";
import { labelRoutes } from "./routes-labels.js";
import { pullRoutes } from "./routes-pulls.js";
import { answerGraphql, readGraphqlRequest, type GraphqlRequest } from "./routes-graphql.js";
import { repoRoutes } from "./routes-repo.js";
import { subIssueRoutes } from "./routes-sub-issues.js";
import { createComment, createIssue, createState, ensureUser } from "./state.js";
import type {
  BarrierRule,
  FaultRule,
  GitHubStandIn,
  RequestFilter,
  RequestLogEntry,
  StandInOptions,
  TokenIdentity,
  Violation,
} from "./types.js";
import { readBody } from "../request-body.js";

/** The option, state and log types, re-exported so tests import everything from here. */
export type * from "./types.js";

/** The default identities: a `GITHUB_TOKEN`-like installation token and a maintainer's PAT. */
export const DEFAULT_TOKENS: Readonly<Record<string, TokenIdentity>> = {
  ghs_standin_token: { login: "github-actions[bot]", type: "Bot" },
  ghp_pat_token: { login: "maintainer-1", type: "User" },
};

const ROUTES: Route[] = [
  ...repoRoutes,
  ...issueRoutes,
  ...labelRoutes,
  ...commentRoutes,
  ...subIssueRoutes,
  ...pullRoutes,
];
/** Versions GitHub's REST API accepts in `X-GitHub-Api-Version`. */
const SUPPORTED_API_VERSIONS = new Set(["2022-11-28", "2026-03-10"]);
const GENERIC_DOCS = "https://docs.github.com/rest";
const RATE_LIMIT_DOCS = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";
const GRAPHQL_DOCS = "https://docs.github.com/graphql";
/** GitHub's unauthenticated budget, reported on 401s. */
const UNAUTHENTICATED_LIMIT = 60;

/** Starts a stand-in on 127.0.0.1 with a free port. */
export async function startGitHubStandIn(options: StandInOptions = {}): Promise<GitHubStandIn> {
  const owner = options.owner ?? "octo-org";
  const repo = options.repo ?? "octo-repo";
  const tokens = options.tokens ?? DEFAULT_TOKENS;
  const state = createState(owner, repo, options.defaultBranch ?? "main");
  for (const identity of Object.values(tokens)) ensureUser(state, identity.login, identity.type);
  if (!options.tokens) state.roles.set("maintainer-1", "maintain");

  const check = new OpenApiCheck();
  const handlers = new Map(ROUTES.map((route) => [route.operationId, route.handler]));
  for (const route of ROUTES) check.operation(route.operationId);
  const identities = new Map(Object.values(tokens).map((t) => [t.login, t]));
  // GitHub's budgets: 5,000/h for users, 1,000/h per repository for GITHUB_TOKEN.
  const limitOf = (login: string) =>
    options.primaryLimit ?? (identities.get(login)?.type === "User" ? 5000 : 1000);
  const primary = new PrimaryLimiter(limitOf);
  // GraphQL has its own hourly budget (GitHub counts points; a simple query or mutation costs one).
  const primaryGraphql = new PrimaryLimiter(limitOf);
  const secondary = options.secondaryLimits ? new SecondaryLimiter(options.secondaryLimits) : undefined;
  const faults: FaultRule[] = [];
  const barriers: Array<{ rule: BarrierRule; waiting: Array<() => void> }> = [];
  const requests: RequestLogEntry[] = [];
  const violations: Violation[] = [];
  let refusedCount = 0;
  let requestCounter = 0;
  let baseUrl = "";

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const timestampMs = Date.now();
    const rawBody = await readBody(req);
    const method = (req.method ?? "GET").toUpperCase();
    const requestUrl = new URL(req.url ?? "/", baseUrl);
    const path = requestUrl.pathname;
    const token = parseToken(req.headers.authorization);
    // hasOwn: a token such as "constructor" must not find the prototype's property.
    const identity = token !== undefined && Object.hasOwn(tokens, token) ? tokens[token] : undefined;
    const apiVersion = headerValue(req.headers["x-github-api-version"]);
    const isGraphql = method === "POST" && path === "/graphql";
    const route = isGraphql ? undefined : check.match(method, path);
    const operationId = route?.operationId;
    const documentationUrl = isGraphql
      ? GRAPHQL_DOCS
      : route
        ? check.operation(route.operationId).documentationUrl
        : GENERIC_DOCS;
    const parsed = parseJson(rawBody);
    const graphql: GraphqlRequest | undefined = isGraphql
      ? readGraphqlRequest(parsed.ok ? parsed.value : undefined)
      : undefined;
    const entry: RequestLogEntry = {
      method,
      path,
      query: Object.fromEntries(requestUrl.searchParams.entries()),
      operationId: isGraphql ? "graphql" : operationId,
      status: 0,
      requestBody: parsed.ok ? parsed.value : rawBody,
      responseBody: undefined,
      timestamp: timestampMs,
      login: identity?.login,
      apiVersion,
      // A GraphQL query is a read; a mutation creates content as the REST write it replaces does.
      contentCreating: graphql
        ? graphql.operationType === "mutation"
        : ["POST", "PATCH", "PUT", "DELETE"].includes(method),
      fault: false,
      refused: false,
      ...(graphql
        ? { graphql: { operationType: graphql.operationType, fields: graphql.fields, ok: false } }
        : {}),
    };
    const requestId = `5TAND:1N${(++requestCounter).toString(16).toUpperCase().padStart(6, "0")}`;
    const violation = (direction: Violation["direction"], errors: unknown[], status?: number) =>
      violations.push({
        method,
        path,
        operationId,
        direction,
        errors,
        ...(status === undefined ? {} : { status }),
      });

    const respond = (reply: Reply, rateHeaders: Record<string, string>, validate: boolean) => {
      if (validate && operationId !== undefined) {
        const errors = check.checkResponse(operationId, reply.status, reply.body);
        if (errors.length > 0) violation("response", errors, reply.status);
      }
      entry.status = reply.status;
      entry.responseBody = reply.body;
      if (entry.graphql) {
        const answer = reply.body as { errors?: unknown } | undefined;
        entry.graphql.ok = reply.status === 200 && typeof answer === "object" && !answer?.errors;
      }
      requests.push(entry);
      send(res, reply, {
        "x-github-request-id": requestId,
        "x-github-media-type": "github.v3; format=json",
        "x-github-api-version-selected": apiVersion ?? "2022-11-28",
        ...rateHeaders,
      });
    };

    // 0. Barriers hold requests until their peers arrive (deterministic interleaving of racing clients).
    const ruleMatches = (rule: { method?: string; path?: RegExp; requestBody?: RegExp }) =>
      (!rule.method || rule.method.toUpperCase() === method) &&
      (!rule.path || rule.path.test(path)) &&
      (!rule.requestBody || rule.requestBody.test(rawBody));
    const barrier = barriers.find((b) => b.waiting.length < b.rule.count && ruleMatches(b.rule));
    if (barrier) {
      await new Promise<void>((release) => {
        barrier.waiting.push(release);
        const releaseAll = () => {
          const at = barriers.indexOf(barrier);
          if (at >= 0) barriers.splice(at, 1);
          for (const waiting of barrier.waiting.splice(0)) waiting();
        };
        if (barrier.waiting.length >= barrier.rule.count) releaseAll();
        else if (barrier.waiting.length === 1)
          setTimeout(releaseAll, barrier.rule.timeoutMs ?? 20_000).unref();
      });
    }
    // 1. Injected faults come first, as they would from GitHub's edge, and are consumed in order.
    const fault = faults.find((rule) => rule.times > 0 && ruleMatches(rule));
    if (fault) {
      fault.times--;
      if (fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
      entry.fault = true;
      const body = fault.body === undefined ? { message: STATUS_CODES[fault.status] ?? "Error" } : fault.body;
      const rate = identity ? primary.peek(identity.login, limitOf(identity.login)) : {};
      return respond({ status: fault.status, body, headers: fault.headers ?? {} }, rate, false);
    }
    // 2. Authentication: a token GitHub does not know is "Bad credentials".
    if (!identity) {
      const rate = primary.peek("(unauthenticated)", UNAUTHENTICATED_LIMIT);
      const message =
        token !== undefined
          ? "Bad credentials"
          : isGraphql
            ? "This endpoint requires you to be authenticated."
            : "Requires authentication";
      return respond(errorReply(401, message, isGraphql ? GRAPHQL_DOCS : GENERIC_DOCS), rate, true);
    }
    // 3. Primary rate limit: every authenticated request spends one from the identity's hourly budget.
    const rate = (isGraphql ? primaryGraphql : primary).consume(identity.login);
    if (isGraphql) rate.headers["x-ratelimit-resource"] = "graphql";
    if (rate.exceeded && isGraphql) {
      // GraphQL answers 200 with a RATE_LIMITED error (what Octokit's throttling plugin looks for).
      const user = ensureUser(state, identity.login);
      const message = `API rate limit already exceeded for ${identity.type === "User" ? "user" : "installation"} ID ${user.id}.`;
      return respond(
        { status: 200, body: { errors: [{ type: "RATE_LIMITED", message }] } },
        rate.headers,
        false,
      );
    }
    if (rate.exceeded) {
      const who = identity.type === "User" ? "user ID" : "installation ID";
      const user = ensureUser(state, identity.login);
      const message = `API rate limit exceeded for ${who} ${user.id}.`;
      return respond(
        errorReply(403, message, `${RATE_LIMIT_DOCS}#about-the-primary-rate-limit`),
        rate.headers,
        true,
      );
    }
    // GraphQL is not versioned by date: GitHub ignores the header there.
    if (!isGraphql && apiVersion !== undefined && !SUPPORTED_API_VERSIONS.has(apiVersion)) {
      return respond(
        errorReply(400, `API version '${apiVersion}' is not supported.`, GENERIC_DOCS),
        rate.headers,
        true,
      );
    }
    // 4. Secondary limit on content-creating requests.
    const retryAfter = entry.contentCreating ? secondary?.admit(identity.login) : undefined;
    if (retryAfter !== undefined) {
      entry.refused = true;
      refusedCount++;
      const message =
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you " +
        `reach out to GitHub Support for help, please include the request ID ${requestId}.`;
      const reply = errorReply(403, message, `${RATE_LIMIT_DOCS}#about-secondary-rate-limits`);
      return respond({ ...reply, headers: { "retry-after": String(retryAfter) } }, rate.headers, true);
    }
    // 5. GraphQL: validated against GitHub's schema and answered from the same state (routes-graphql.ts).
    if (graphql) {
      if (!parsed.ok) {
        violation("request", ["request body is not JSON"]);
        return respond(errorReply(400, "Problems parsing JSON", GRAPHQL_DOCS), rate.headers, false);
      }
      const answer = await answerGraphql(
        {
          state,
          actor: ensureUser(state, identity.login, identity.type),
          variant: options.graphqlWithoutParentIssueId ? "without-parent-issue-id" : "github.com",
        },
        graphql,
      );
      for (const problem of answer.violations) violation(problem.direction, problem.errors);
      return respond({ status: 200, body: answer.body }, rate.headers, false);
    }
    // 6. Routing: anything we did not model is a 404 and a violation, so new calls get noticed.
    if (!route || !operationId) {
      violation("route", [`no stand-in route for ${method} ${path}`], 404);
      return respond(errorReply(404, "Not Found", GENERIC_DOCS), rate.headers, false);
    }
    const sameRepo =
      (route.params.owner === undefined || route.params.owner.toLowerCase() === owner.toLowerCase()) &&
      (route.params.repo === undefined || route.params.repo.toLowerCase() === repo.toLowerCase());
    if (!sameRepo) return respond(errorReply(404, "Not Found", documentationUrl), rate.headers, true);
    // 7. The request itself: parseable JSON that matches the operation's schema, else GitHub's 400/422.
    if (!parsed.ok) {
      violation("request", ["request body is not JSON"]);
      return respond(errorReply(400, "Problems parsing JSON", documentationUrl), rate.headers, true);
    }
    const requestErrors = check.checkRequest(operationId, requestUrl.searchParams, parsed.value);
    if (requestErrors.length > 0) {
      violation("request", requestErrors);
      const bodyErrors = requestErrors.filter((e) => !e.instancePath.startsWith("/query"));
      if (bodyErrors.length > 0) {
        const message = describeRequestErrors(bodyErrors, parsed.value);
        return respond(errorReply(422, message, documentationUrl), rate.headers, true);
      }
    }
    // 8. The operation.
    const ctx: RouteContext = {
      params: route.params,
      query: requestUrl.searchParams,
      body: parsed.value,
      actor: ensureUser(state, identity.login, identity.type),
      state,
      render: { state, apiUrl: baseUrl },
      gitDir: options.gitDir,
      documentationUrl,
      requestUrl,
    };
    let reply: Reply;
    try {
      reply = await (handlers.get(operationId) ?? (() => errorReply(404, "Not Found", documentationUrl)))(
        ctx,
      );
    } catch (error) {
      violation("response", [`stand-in handler threw: ${String(error)}`], 500);
      reply = errorReply(
        500,
        `stand-in handler for ${operationId} threw: ${String(error)}`,
        documentationUrl,
      );
    }
    return respond(reply, rate.headers, true);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      violations.push({
        method: req.method ?? "",
        path: req.url ?? "",
        operationId: undefined,
        direction: "response",
        errors: [String(error)],
      });
      if (!res.headersSent)
        send(res, errorReply(500, `stand-in failure: ${String(error)}`, GENERIC_DOCS), {});
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    owner,
    repo,
    state,
    requests,
    violations,
    get refusedCount() {
      return refusedCount;
    },
    seedIssue(issue) {
      const user = issue.user ?? Object.values(tokens).find((t) => t.type === "User")?.login ?? "octocat";
      return createIssue(state, {
        title: issue.title,
        body: issue.body ?? null,
        user,
        labels: issue.labels ?? [],
        state: issue.state ?? "open",
      });
    },
    seedComment(issueNumber, comment) {
      const issue = state.issues.get(issueNumber);
      if (!issue) throw new Error(`seedComment: no issue #${issueNumber}`);
      return createComment(state, issue, comment);
    },
    setRole(login, role) {
      ensureUser(state, login);
      state.roles.set(login.toLowerCase(), role);
    },
    injectFault(rule) {
      faults.push({ ...rule });
    },
    injectBarrier(rule) {
      barriers.push({ rule: { ...rule }, waiting: [] });
    },
    countRequests(filter) {
      return requests.filter((entry) => matches(entry, filter)).length;
    },
    reset() {
      requests.length = 0;
      refusedCount = 0;
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Octokit's undici agent keeps connections alive; without this close() would wait for them.
        server.closeAllConnections();
      });
    },
  };
}

/** A request that created an issue: REST `POST …/issues` (201) or a successful GraphQL `createIssue`. */
export function createdIssue(entry: RequestLogEntry): boolean {
  if (entry.operationId === "issues/create") return entry.status === 201;
  return entry.graphql?.ok === true && entry.graphql.fields.includes("createIssue");
}

function matches(entry: RequestLogEntry, filter: RequestFilter | undefined): boolean {
  if (filter === undefined) return true;
  if (typeof filter === "function") return filter(entry);
  if (filter.method !== undefined && filter.method.toUpperCase() !== entry.method) return false;
  if (typeof filter.path === "string" && filter.path !== entry.path) return false;
  if (filter.path instanceof RegExp && !filter.path.test(entry.path)) return false;
  if (filter.operationId !== undefined && filter.operationId !== entry.operationId) return false;
  if (filter.status !== undefined && filter.status !== entry.status) return false;
  if (filter.contentCreating !== undefined && filter.contentCreating !== entry.contentCreating) return false;
  if (filter.refused !== undefined && filter.refused !== entry.refused) return false;
  if (filter.login !== undefined && filter.login !== entry.login) return false;
  return true;
}

function parseJson(raw: string): { ok: true; value: unknown } | { ok: false } {
  if (raw.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Octokit sends `token <t>`; GitHub also accepts `Bearer <t>`. */
function parseToken(header: string | undefined): string | undefined {
  const found = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header ?? "");
  return found?.[1];
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function send(res: ServerResponse, reply: Reply, headers: Record<string, string>): void {
  const isText = typeof reply.body === "string";
  const payload =
    reply.body === undefined
      ? undefined
      : Buffer.from(isText ? (reply.body as string) : JSON.stringify(reply.body));
  const contentType = isText ? "text/plain; charset=utf-8" : "application/json; charset=utf-8";
  res.writeHead(reply.status, {
    ...headers,
    ...(payload === undefined
      ? {}
      : { "content-type": contentType, "content-length": String(payload.length) }),
    ...reply.headers,
  });
  res.end(payload);
}
