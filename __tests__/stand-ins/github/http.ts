/**
 * What route handlers share: their context, reply shapes for GitHub's error bodies, and pagination
 * with `Link` headers the way Octokit's paginate plugin follows them.
 */
import type { RenderContext } from "./representations.js";
import type { StandInState, UserRecord } from "./types.js";

/** Everything a route handler gets for one request. */
export interface RouteContext {
  /** Path parameters by their OpenAPI names (owner, repo, issue_number, …), URL-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body; undefined when there was none. */
  body: unknown;
  actor: UserRecord;
  state: StandInState;
  render: RenderContext;
  gitDir: string | undefined;
  /** The operation's docs page: GitHub puts it in every error body as `documentation_url`. */
  documentationUrl: string;
  /** The full request URL, for building pagination links. */
  requestUrl: URL;
}

/** A handler's answer; the server adds rate-limit and request-id headers. */
export interface Reply {
  status: number;
  /** Serialised as JSON; undefined sends no body (204). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Handles one operation. */
export type Handler = (ctx: RouteContext) => Reply | Promise<Reply>;

/** A handler bound to an operation of GitHub's OpenAPI description, which supplies method and path. */
export interface Route {
  operationId: string;
  handler: Handler;
}

/** One entry of a 422 body's `errors` array, as GitHub's validation errors carry them. */
export interface ValidationErrorItem {
  resource: string;
  code: string;
  field?: string;
  message?: string;
  value?: string | number | null;
}

/** A GitHub error body: message, documentation_url and (since 2023) the status as a string. */
export function errorReply(status: number, message: string, documentationUrl: string): Reply {
  return { status, body: { message, documentation_url: documentationUrl, status: String(status) } };
}

/** GitHub's 404, also what it answers for things the token may not see. */
export function notFound(ctx: RouteContext): Reply {
  return errorReply(404, "Not Found", ctx.documentationUrl);
}

/** GitHub's 422 "Validation Failed" with its `errors` array. */
export function validationFailed(ctx: RouteContext, errors: ValidationErrorItem[]): Reply {
  return {
    status: 422,
    body: { message: "Validation Failed", errors, documentation_url: ctx.documentationUrl, status: "422" },
  };
}

/** Parses a path or body number the way GitHub's routes accept it: a positive decimal integer. */
export function parsePositiveInt(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  if (typeof value !== "string" || !/^[1-9]\d{0,15}$/.test(value)) return undefined;
  return Number(value);
}

/** The JSON body as a record; schema validation has already flagged anything else as a violation. */
export function bodyObject(ctx: RouteContext): Record<string, unknown> {
  const body = ctx.body;
  return typeof body === "object" && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

/** The value when it is a string, else undefined. */
export function optionalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

const DEFAULT_PER_PAGE = 30;
/** GitHub silently caps `per_page` at 100. */
const MAX_PER_PAGE = 100;

/**
 * Slices one page of `items` and builds GitHub's `Link` header (prev, next, last, first) from the
 * request URL, keeping every other query parameter so Octokit's paginate can follow `next` verbatim.
 */
export function paginate<T>(ctx: RouteContext, items: T[]): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(
    parsePositiveInt(ctx.query.get("per_page") ?? "") ?? DEFAULT_PER_PAGE,
    MAX_PER_PAGE,
  );
  const page = parsePositiveInt(ctx.query.get("page") ?? "") ?? 1;
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const linkTo = (target: number) => {
    const url = new URL(ctx.requestUrl);
    url.searchParams.set("page", String(target));
    return `<${url.toString()}>`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`${linkTo(Math.min(page - 1, lastPage))}; rel="prev"`);
  if (page < lastPage) {
    links.push(`${linkTo(page + 1)}; rel="next"`);
    links.push(`${linkTo(lastPage)}; rel="last"`);
  }
  if (page > 1) links.push(`${linkTo(1)}; rel="first"`);
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(", ") } : {},
  };
}

/** A 200 with one page of a list. */
export function pageReply<T, R>(ctx: RouteContext, items: T[], render: (item: T) => R): Reply {
  const page = paginate(ctx, items);
  return { status: 200, body: page.items.map(render), headers: page.headers };
}

/** GitHub counts characters, not UTF-16 units, against its 65,536 body limit. */
export const MAX_BODY_CHARACTERS = 65_536;

/** Counts code points, so an emoji is one character as GitHub counts it. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
