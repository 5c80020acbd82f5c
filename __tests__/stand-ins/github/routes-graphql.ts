/**
 * `POST /graphql`, the way GitHub answers it: every document is parsed and validated against GitHub's
 * real public schema (`@octokit/graphql-schema`), errors come back as HTTP 200 with GitHub's wording
 * (graphql-ruby's, not graphql-js's), and the resolvers read and write the same state as the REST
 * routes. Modelled: `repository { id, issue, label, labels }`, `node(id)`, and `createIssue`, which
 * creates the issue and links it under `parentIssueId` in one step (GitHub's sub-issue rules apply).
 *
 * An option emulates an older GitHub Enterprise Server whose `CreateIssueInput` has no `parentIssueId`:
 * the schema itself lacks the field, so clients get the exact error such a server gives.
 */
import {
  buildSchema,
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  parse,
  print,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { characterCount, MAX_BODY_CHARACTERS } from "./http.js";
import { nodeId, parseNodeId } from "./representations.js";
import { attachSubIssue, MAX_DEPTH, MAX_SUB_ISSUES } from "./routes-sub-issues.js";
import { createIssue, depthOf, ensureUser, findIssueById, findLabel } from "./state.js";
import type { IssueRecord, LabelRecord, PullRecord, StandInState, UserRecord } from "./types.js";

/** Which GitHub's schema the route validates against. */
export type GraphqlSchemaVariant = "github.com" | "without-parent-issue-id";

const schemas = new Map<GraphqlSchemaVariant, Promise<GraphQLSchema>>();

/** The schema, built once per process and variant (the SDL is 1.2 MB: about a quarter of a second). */
export function graphqlSchema(variant: GraphqlSchemaVariant): Promise<GraphQLSchema> {
  let schema = schemas.get(variant);
  if (!schema) {
    schema = import("@octokit/graphql-schema").then(({ schema: published }) => {
      let sdl = published.idl;
      if (variant === "without-parent-issue-id") sdl = withoutParentIssueId(sdl);
      // The published SDL repeats a few enterprise fields; GitHub's own server accepts it, so do we.
      return buildSchema(sdl, { assumeValidSDL: true });
    });
    schemas.set(variant, schema);
  }
  return schema;
}

/** Removes `CreateIssueInput.parentIssueId` (and its description), as servers before it lack it. */
function withoutParentIssueId(sdl: string): string {
  const start = sdl.indexOf("input CreateIssueInput {");
  const end = sdl.indexOf("\n}\n", start);
  if (start < 0 || end < 0) throw new Error("CreateIssueInput not found in the GraphQL schema");
  const block = sdl
    .slice(start, end)
    .replace(/\n {2}"""\n(?:(?! {2}""")[^\n]*\n)* {2}"""\n {2}parentIssueId: ID\n/, "\n");
  if (block.includes("parentIssueId")) throw new Error("could not remove CreateIssueInput.parentIssueId");
  return sdl.slice(0, start) + block + sdl.slice(end);
}

/** What the server needs to know before answering: is it a mutation (content-creating), which fields. */
export interface GraphqlRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | undefined;
  document: DocumentNode | undefined;
  operation: OperationDefinitionNode | undefined;
  /** The operation's type, when the document parses and names one. */
  operationType: "query" | "mutation" | "subscription" | undefined;
  /** Top-level field names of the operation, e.g. ["createIssue"]. */
  fields: string[];
  /** A problem with the request envelope or the document's syntax, answered without executing. */
  error: GraphQLError | string | undefined;
}

/** Reads `{query, variables, operationName}` and parses the document (no schema needed yet). */
export function readGraphqlRequest(body: unknown): GraphqlRequest {
  const input = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const request: GraphqlRequest = {
    query: typeof input.query === "string" ? input.query : "",
    variables:
      typeof input.variables === "object" && input.variables !== null && !Array.isArray(input.variables)
        ? (input.variables as Record<string, unknown>)
        : {},
    operationName: typeof input.operationName === "string" ? input.operationName : undefined,
    document: undefined,
    operation: undefined,
    operationType: undefined,
    fields: [],
    error: undefined,
  };
  if (typeof input.query !== "string") {
    request.error = "A query attribute must be specified and must be a string.";
    return request;
  }
  try {
    request.document = parse(input.query);
  } catch (error) {
    request.error = error instanceof GraphQLError ? error : String(error);
    return request;
  }
  request.operation = getOperationAST(request.document, request.operationName) ?? undefined;
  if (request.operation) {
    request.operationType = request.operation.operation as GraphqlRequest["operationType"];
    request.fields = request.operation.selectionSet.selections.flatMap((s) =>
      s.kind === Kind.FIELD ? [s.name.value] : [],
    );
  }
  return request;
}

/** An execution error as GitHub reports it, with its `type` (NOT_FOUND, UNPROCESSABLE, …). */
export class GitHubGraphqlError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** GitHub's error object: message, locations, path, and `type` or `extensions`. */
interface ErrorBody {
  message: string;
  type?: string;
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  extensions?: Record<string, unknown>;
}

/** The handler's answer: the JSON body, and problems to record as violations. */
export interface GraphqlResult {
  body: { data?: unknown; errors?: ErrorBody[] };
  /** Why this exchange is not something GitHub's public schema allows, or a stand-in fault. */
  violations: Array<{ direction: "request" | "response"; errors: unknown[] }>;
}

export interface GraphqlContext {
  state: StandInState;
  actor: UserRecord;
  variant: GraphqlSchemaVariant;
}

/** Answers one parsed GraphQL request. */
export async function answerGraphql(ctx: GraphqlContext, request: GraphqlRequest): Promise<GraphqlResult> {
  const violations: GraphqlResult["violations"] = [];
  const fail = (errors: ErrorBody[], requestError: boolean): GraphqlResult => {
    if (requestError) violations.push({ direction: "request", errors: errors.map((e) => e.message) });
    return { body: { errors }, violations };
  };
  if (typeof request.error === "string") return fail([{ message: request.error }], true);
  if (request.error) return fail([syntaxError(request.error)], true);
  const document = request.document as DocumentNode;
  const schema = await graphqlSchema(ctx.variant);
  // An error the emulated older server gives but github.com would not is the emulation, not a violation.
  const alsoOnGithubCom = async (check: (s: GraphQLSchema) => boolean) =>
    ctx.variant === "github.com" || check(await graphqlSchema("github.com"));

  const invalid = validate(schema, document);
  if (invalid.length > 0) {
    const onGithubCom = await alsoOnGithubCom((s) => validate(s, document).length > 0);
    return fail(
      invalid.map((e) => toGitHubError(e, undefined)),
      onGithubCom,
    );
  }
  const operation = request.operation;
  if (!operation) {
    const message = request.operationName
      ? `No operation named "${request.operationName}"`
      : "An operation name is required";
    return fail([{ message }], true);
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables);
  if (coerced.errors) {
    const onGithubCom = await alsoOnGithubCom(
      (s) =>
        getVariableValues(s, operation.variableDefinitions ?? [], request.variables).errors !== undefined,
    );
    return fail(
      coerced.errors.map((e) => toGitHubError(e, operation)),
      onGithubCom,
    );
  }
  const result = await execute({
    schema,
    document,
    operationName: request.operationName,
    variableValues: request.variables,
    rootValue: operation.operation === "mutation" ? mutationRoot(ctx) : queryRoot(ctx),
  });
  const errors = (result.errors ?? []).map((error) => {
    const original = error.originalError;
    if (original instanceof GitHubGraphqlError) {
      return { type: original.type, path: error.path, locations: error.locations, message: original.message };
    }
    // An id past 2^31 asked for as `databaseId: Int`: GitHub's server cannot serialise it either.
    if (/^Int cannot represent non 32-bit signed integer value/.test(error.message)) {
      return { path: error.path, locations: error.locations, message: error.message };
    }
    // Anything else is the stand-in not modelling what was asked (or a bug in it): make it visible.
    violations.push({ direction: "response", errors: [`${error.message} at ${error.path?.join(".")}`] });
    return { path: error.path, locations: error.locations, message: error.message };
  });
  return { body: errors.length > 0 ? { data: result.data, errors } : { data: result.data }, violations };
}

/** graphql-js words errors differently from GitHub's graphql-ruby; clients match on GitHub's words. */
function toGitHubError(error: GraphQLError, operation: OperationDefinitionNode | undefined): ErrorBody {
  const at = { locations: error.locations ?? [] };
  const m = error.message;
  let found = /^Cannot query field "(\w+)" on type "(\w+)"\./.exec(m);
  if (found) {
    const [, field, type] = found;
    return {
      ...at,
      message: `Field '${field}' doesn't exist on type '${type}'`,
      extensions: { code: "undefinedField", typeName: type, fieldName: field },
    };
  }
  found = /^Unknown argument "(\w+)" on field "(\w+)\.(\w+)"\./.exec(m);
  if (found) {
    const [, argument, , field] = found;
    return {
      ...at,
      message: `Field '${field}' doesn't accept argument '${argument}'`,
      extensions: { code: "argumentNotAccepted", name: field, typeName: "Field", argumentName: argument },
    };
  }
  found = /^Field "(\w+)" is not defined by type "(\w+)"\./.exec(m);
  if (found) {
    const [, argument, type] = found;
    return {
      ...at,
      message: `InputObject '${type}' doesn't accept argument '${argument}'`,
      extensions: {
        code: "argumentNotAccepted",
        name: type,
        typeName: "InputObject",
        argumentName: argument,
      },
    };
  }
  found = /^Field "(\w+)" argument "(\w+)" of type "[^"]+" is required, but it was not provided\./.exec(m);
  if (found) {
    const [, field, argument] = found;
    return {
      ...at,
      message: `Field '${field}' is missing required arguments: ${argument}`,
      extensions: { code: "missingRequiredArguments", className: "Field", name: field, arguments: argument },
    };
  }
  found = /^Variable "\$(\w+)" (?:got invalid value|of required type)/.exec(m);
  if (found) {
    const name = found[1] ?? "";
    const definition = operation?.variableDefinitions?.find((d) => d.variable.name.value === name);
    const type = definition ? print(definition.type) : "unknown";
    const undefinedField = /Field "(\w+)" is not defined by type "(\w+)"\./.exec(m);
    const message = undefinedField
      ? `Variable $${name} of type ${type} was provided invalid value for ${undefinedField[1]} (Field is not defined on ${undefinedField[2]})`
      : `Variable $${name} of type ${type} was provided invalid value`;
    return { ...at, message, extensions: { problems: [{ explanation: m }] } };
  }
  return { ...at, message: m };
}

/** GitHub: `Parse error on "}" (RCURLY) at [1, 10]`. */
function syntaxError(error: GraphQLError): ErrorBody {
  const location = error.locations?.[0];
  const detail = error.message.replace(/^Syntax Error: /, "").replace(/\.$/, "");
  return {
    message: `Parse error on ${detail}${location ? ` at [${location.line}, ${location.column}]` : ""}`,
    locations: error.locations ?? [],
  };
}

// ---------------------------------------------------------------------------------------------------
// Resolvers: plain objects whose fields are values or functions of (args), as graphql-js's default
// field resolver calls them; `__typename` lets it resolve interfaces (Node, Actor).

const WEB = "https://github.com";

function notFoundNode(id: string): GitHubGraphqlError {
  return new GitHubGraphqlError("NOT_FOUND", `Could not resolve to a node with the global id of '${id}'`);
}

/** A connection over `items` with `first`/`after` (GitHub's limit: 100 per page, first or last required). */
function connection<T>(
  items: T[],
  args: { first?: number | null; last?: number | null; after?: string | null },
  name: string,
) {
  const first = args.first ?? undefined;
  const last = args.last ?? undefined;
  if (first === undefined && last === undefined) {
    throw new GitHubGraphqlError(
      "MISSING_PAGINATION_BOUNDARIES",
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`,
    );
  }
  const count = first ?? last ?? 0;
  if (count > 100) {
    throw new GitHubGraphqlError(
      "EXCESSIVE_PAGINATION",
      `Requesting ${count} records on the \`${name}\` connection exceeds the \`${first !== undefined ? "first" : "last"}\` limit of 100 records.`,
    );
  }
  const cursor = (i: number) => Buffer.from(`cursor:v2:${i}`).toString("base64");
  const afterIndex = args.after
    ? Number(Buffer.from(args.after, "base64").toString().split(":")[2] ?? -1)
    : -1;
  const from = afterIndex + 1;
  const slice = first !== undefined ? items.slice(from, from + first) : items.slice(-count);
  const start = first !== undefined ? from : items.length - slice.length;
  return {
    totalCount: items.length,
    nodes: slice,
    edges: slice.map((node, i) => ({ node, cursor: cursor(start + i) })),
    pageInfo: {
      hasNextPage: start + slice.length < items.length,
      hasPreviousPage: start > 0,
      startCursor: slice.length > 0 ? cursor(start) : null,
      endCursor: slice.length > 0 ? cursor(start + slice.length - 1) : null,
    },
  };
}

function actorObject(ctx: GraphqlContext, login: string) {
  const user = ensureUser(ctx.state, login);
  // GraphQL names apps without the "[bot]" suffix REST puts on them: github-actions[bot] → github-actions.
  const name = user.type === "Bot" ? user.login.replace(/\[bot\]$/, "") : user.login;
  return {
    __typename: user.type,
    id: nodeId(user.type === "Bot" ? "BOT" : user.type === "Organization" ? "O" : "U", user.id),
    databaseId: user.id,
    login: name,
    url: user.type === "Bot" ? `${WEB}/apps/${name}` : `${WEB}/${name}`,
    resourcePath: user.type === "Bot" ? `/apps/${name}` : `/${name}`,
    avatarUrl: () => `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
  };
}

function labelObject(ctx: GraphqlContext, label: LabelRecord) {
  return {
    __typename: "Label",
    id: nodeId("LA", label.id),
    name: label.name,
    color: label.color,
    description: label.description,
    isDefault: label.default,
    url: `${WEB}/${ctx.state.owner}/${ctx.state.repo}/labels/${encodeURIComponent(label.name)}`,
    resourcePath: `/${ctx.state.owner}/${ctx.state.repo}/labels/${encodeURIComponent(label.name)}`,
  };
}

function issueObject(ctx: GraphqlContext, issue: IssueRecord): Record<string, unknown> {
  const { state } = ctx;
  const path = `/${state.owner}/${state.repo}/issues/${issue.number}`;
  const labels = () =>
    issue.labels.map((n) => findLabel(state, n)).filter((l): l is LabelRecord => l !== undefined);
  const parentNumber = state.parentOf.get(issue.number);
  return {
    __typename: "Issue",
    id: nodeId("I", issue.id),
    databaseId: issue.id,
    fullDatabaseId: String(issue.id),
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    url: `${WEB}${path}`,
    resourcePath: path,
    state: issue.state.toUpperCase(),
    stateReason: issue.stateReason?.toUpperCase() ?? null,
    closed: issue.state === "closed",
    closedAt: issue.closedAt,
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    locked: issue.locked,
    author: actorObject(ctx, issue.user),
    repository: () => repositoryObject(ctx),
    labels: (args: { first?: number; last?: number; after?: string }) =>
      connection(
        labels().map((l) => labelObject(ctx, l)),
        args,
        "labels",
      ),
    parent: () => {
      const parent = parentNumber === undefined ? undefined : state.issues.get(parentNumber);
      return parent ? issueObject(ctx, parent) : null;
    },
    subIssues: (args: { first?: number; last?: number; after?: string }) =>
      connection(
        (state.subIssues.get(issue.number) ?? [])
          .map((n) => state.issues.get(n))
          .filter((i): i is IssueRecord => i !== undefined)
          .map((i) => issueObject(ctx, i)),
        args,
        "subIssues",
      ),
  };
}

function pullRequestObject(ctx: GraphqlContext, issue: IssueRecord, pull: PullRecord) {
  const { state } = ctx;
  const path = `/${state.owner}/${state.repo}/pull/${pull.number}`;
  return {
    __typename: "PullRequest",
    id: nodeId("PR", pull.id),
    databaseId: pull.id,
    number: pull.number,
    title: issue.title,
    body: issue.body ?? "",
    url: `${WEB}${path}`,
    resourcePath: path,
    state: pull.merged ? "MERGED" : issue.state.toUpperCase(),
    closed: issue.state === "closed",
    merged: pull.merged,
    isDraft: pull.draft,
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    author: actorObject(ctx, issue.user),
    // Same-repository pull requests only (the stand-in models no forks).
    headRefName: pull.head,
    headRefOid: pull.headSha,
    headRepositoryOwner: actorObject(ctx, state.owner),
    headRepository: () => repositoryObject(ctx),
    baseRefName: pull.base,
    baseRefOid: pull.baseSha,
    additions: pull.additions,
    deletions: pull.deletions,
    changedFiles: pull.changedFiles,
    repository: () => repositoryObject(ctx),
  };
}

function repositoryObject(ctx: GraphqlContext) {
  const { state } = ctx;
  const sortedLabels = () =>
    [...state.labels.values()].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  return {
    __typename: "Repository",
    id: nodeId("R", state.repoId),
    databaseId: state.repoId,
    name: state.repo,
    nameWithOwner: `${state.owner}/${state.repo}`,
    url: `${WEB}/${state.owner}/${state.repo}`,
    hasIssuesEnabled: true,
    issue: ({ number }: { number: number }) => {
      const issue = state.issues.get(number);
      if (!issue || issue.isPullRequest) {
        throw new GitHubGraphqlError(
          "NOT_FOUND",
          `Could not resolve to an Issue with the number of ${number}.`,
        );
      }
      return issueObject(ctx, issue);
    },
    pullRequest: ({ number }: { number: number }) => {
      const issue = state.issues.get(number);
      const pull = issue?.isPullRequest ? state.pulls.get(number) : undefined;
      if (!issue || !pull) {
        throw new GitHubGraphqlError(
          "NOT_FOUND",
          `Could not resolve to a PullRequest with the number of ${number}.`,
        );
      }
      return pullRequestObject(ctx, issue, pull);
    },
    label: ({ name }: { name: string }) => {
      const label = findLabel(state, name);
      return label ? labelObject(ctx, label) : null;
    },
    labels: (args: { first?: number; last?: number; after?: string; query?: string | null }) => {
      const query = args.query?.toLowerCase();
      const matching = sortedLabels().filter(
        (l) => !query || l.name.toLowerCase().includes(query) || l.description?.toLowerCase().includes(query),
      );
      return connection(
        matching.map((l) => labelObject(ctx, l)),
        args,
        "labels",
      );
    },
  };
}

/** The issue a node id names in this repository (not a pull request), or a NOT_FOUND error. */
function issueByNodeId(ctx: GraphqlContext, id: string): IssueRecord {
  const parsed = parseNodeId(id);
  const issue = parsed?.prefix === "I" ? findIssueById(ctx.state, parsed.id) : undefined;
  if (!issue || issue.isPullRequest) throw notFoundNode(id);
  return issue;
}

function labelByNodeId(ctx: GraphqlContext, id: string): LabelRecord {
  const parsed = parseNodeId(id);
  const label =
    parsed?.prefix === "LA" ? [...ctx.state.labels.values()].find((l) => l.id === parsed.id) : undefined;
  if (!label) throw notFoundNode(id);
  return label;
}

function queryRoot(ctx: GraphqlContext) {
  return {
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const { state } = ctx;
      if (
        owner.toLowerCase() !== state.owner.toLowerCase() ||
        name.toLowerCase() !== state.repo.toLowerCase()
      ) {
        throw new GitHubGraphqlError(
          "NOT_FOUND",
          `Could not resolve to a Repository with the name '${owner}/${name}'.`,
        );
      }
      return repositoryObject(ctx);
    },
    node: ({ id }: { id: string }) => {
      const parsed = parseNodeId(id);
      if (parsed?.prefix === "R" && parsed.id === ctx.state.repoId) return repositoryObject(ctx);
      if (parsed?.prefix === "I") return issueObject(ctx, issueByNodeId(ctx, id));
      if (parsed?.prefix === "LA") return labelObject(ctx, labelByNodeId(ctx, id));
      throw notFoundNode(id);
    },
  };
}

interface CreateIssueInput {
  repositoryId: string;
  title: string;
  body?: string | null;
  labelIds?: string[] | null;
  parentIssueId?: string | null;
  assigneeIds?: string[] | null;
  milestoneId?: string | null;
  projectIds?: string[] | null;
  issueTemplate?: string | null;
  issueTypeId?: string | null;
  clientMutationId?: string | null;
}

function mutationRoot(ctx: GraphqlContext) {
  return {
    createIssue: ({ input }: { input: CreateIssueInput }) => {
      const { state } = ctx;
      const repo = parseNodeId(input.repositoryId);
      if (repo?.prefix !== "R" || repo.id !== state.repoId) throw notFoundNode(input.repositoryId);
      for (const field of [
        "assigneeIds",
        "milestoneId",
        "projectIds",
        "issueTemplate",
        "issueTypeId",
      ] as const) {
        const value = input[field];
        if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)) {
          throw new Error(`the stand-in does not model CreateIssueInput.${field}`);
        }
      }
      if (input.title.trim() === "") throw new GitHubGraphqlError("UNPROCESSABLE", "Title can't be blank");
      if (input.body && characterCount(input.body) > MAX_BODY_CHARACTERS) {
        throw new GitHubGraphqlError(
          "UNPROCESSABLE",
          `Body is too long (maximum is ${MAX_BODY_CHARACTERS} characters)`,
        );
      }
      const labels = (input.labelIds ?? []).map((id) => labelByNodeId(ctx, id));
      const parent =
        input.parentIssueId === undefined || input.parentIssueId === null
          ? undefined
          : issueByNodeId(ctx, input.parentIssueId);
      // Checked before creating anything: the issue is created and linked in one step, or not at all.
      if (parent) {
        if ((state.subIssues.get(parent.number) ?? []).length >= MAX_SUB_ISSUES) {
          throw new GitHubGraphqlError(
            "UNPROCESSABLE",
            `Parent issue cannot have more than ${MAX_SUB_ISSUES} sub-issues`,
          );
        }
        if (depthOf(state, parent.number) + 1 > MAX_DEPTH) {
          throw new GitHubGraphqlError(
            "UNPROCESSABLE",
            `Sub-issues cannot be nested more than ${MAX_DEPTH} levels deep`,
          );
        }
      }
      const issue = createIssue(state, {
        title: input.title,
        body: input.body ?? null,
        user: ctx.actor.login,
        labels: labels.map((l) => l.name),
      });
      if (parent) attachSubIssue(state, parent, issue);
      return { clientMutationId: input.clientMutationId ?? null, issue: issueObject(ctx, issue) };
    },
  };
}
