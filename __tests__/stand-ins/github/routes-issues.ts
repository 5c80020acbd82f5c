/**
 * Issues: create, read, update and list. Pull requests live in the same number sequence and show up
 * here too (with a `pull_request` key), exactly as GitHub's issues endpoints return them.
 */
import {
  bodyObject,
  characterCount,
  MAX_BODY_CHARACTERS,
  notFound,
  optionalString,
  pageReply,
  parsePositiveInt,
  validationFailed,
  type Reply,
  type Route,
  type RouteContext,
} from "./http.js";
import { renderIssue } from "./representations.js";
import { addLabelsToIssue, createIssue, setIssueState, timestamp } from "./state.js";
import type { IssueRecord } from "./types.js";

/** The issue a route's `issue_number` names, or undefined (the caller answers 404). */
export function issueParam(ctx: RouteContext): IssueRecord | undefined {
  const number = parsePositiveInt(ctx.params.issue_number);
  return number === undefined ? undefined : ctx.state.issues.get(number);
}

/** Label names from `["a", {name: "b"}]`, the two shapes GitHub accepts. */
export function labelNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((item: unknown) =>
      typeof item === "string" ? item : optionalString((item as { name?: unknown } | null)?.name),
    )
    .filter((name): name is string => name !== undefined && name !== "");
}

/** GitHub's wording for an over-long issue body (lower-case "body", code "custom"). */
function bodyTooLong(ctx: RouteContext, body: unknown): Reply | undefined {
  if (typeof body !== "string" || characterCount(body) <= MAX_BODY_CHARACTERS) return undefined;
  return validationFailed(ctx, [
    {
      resource: "Issue",
      code: "custom",
      field: "body",
      message: `body is too long (maximum is ${MAX_BODY_CHARACTERS} characters)`,
    },
  ]);
}

function listIssues(ctx: RouteContext): Reply {
  const q = ctx.query;
  const stateFilter = q.get("state") ?? "open";
  const wanted = (q.get("labels") ?? "")
    .split(",")
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);
  const creator = q.get("creator")?.toLowerCase();
  const sinceText = q.get("since");
  const since = sinceText ? Date.parse(sinceText) : Number.NaN;
  const sort = q.get("sort") ?? "created";
  const direction = q.get("direction") === "asc" ? 1 : -1;
  const commentCount = (n: number) =>
    [...ctx.state.comments.values()].filter((c) => c.issueNumber === n).length;
  const sortKey = (issue: IssueRecord): number =>
    sort === "updated"
      ? Date.parse(issue.updatedAt)
      : sort === "comments"
        ? commentCount(issue.number)
        : Date.parse(issue.createdAt);

  const issues = [...ctx.state.issues.values()]
    .filter((issue) => stateFilter === "all" || issue.state === stateFilter)
    .filter((issue) => wanted.every((label) => issue.labels.some((l) => l.toLowerCase() === label)))
    .filter((issue) => creator === undefined || issue.user.toLowerCase() === creator)
    .filter((issue) => Number.isNaN(since) || Date.parse(issue.updatedAt) >= since)
    // Timestamps have whole-second resolution; the number breaks ties so order is stable, as on GitHub.
    .sort((a, b) => direction * (sortKey(a) - sortKey(b) || a.number - b.number));
  return pageReply(ctx, issues, (issue) => renderIssue(ctx.render, issue));
}

/** Issue list, create, get and update. */
export const issueRoutes: Route[] = [
  { operationId: "issues/list-for-repo", handler: listIssues },
  {
    operationId: "issues/create",
    handler: (ctx) => {
      const input = bodyObject(ctx);
      const title =
        typeof input.title === "number" ? String(input.title) : (optionalString(input.title) ?? "");
      if (title.trim() === "") {
        return validationFailed(ctx, [{ resource: "Issue", code: "missing_field", field: "title" }]);
      }
      const tooLong = bodyTooLong(ctx, input.body);
      if (tooLong) return tooLong;
      const issue = createIssue(ctx.state, {
        title,
        body: optionalString(input.body) ?? null,
        user: ctx.actor.login,
        labels: labelNames(input.labels),
      });
      const rendered = renderIssue(ctx.render, issue);
      return { status: 201, body: rendered, headers: { location: rendered.url } };
    },
  },
  {
    operationId: "issues/get",
    handler: (ctx) => {
      const issue = issueParam(ctx);
      return issue ? { status: 200, body: renderIssue(ctx.render, issue) } : notFound(ctx);
    },
  },
  {
    operationId: "issues/update",
    handler: (ctx) => {
      const issue = issueParam(ctx);
      if (!issue) return notFound(ctx);
      const input = bodyObject(ctx);
      const tooLong = bodyTooLong(ctx, input.body);
      if (tooLong) return tooLong;
      if (typeof input.title === "string" || typeof input.title === "number") {
        const title = String(input.title);
        if (title.trim() === "") {
          return validationFailed(ctx, [{ resource: "Issue", code: "missing_field", field: "title" }]);
        }
        issue.title = title;
      }
      if ("body" in input) issue.body = optionalString(input.body) ?? null;
      if (Array.isArray(input.labels)) {
        // `labels` on PATCH replaces the whole set.
        issue.labels = [];
        addLabelsToIssue(ctx.state, issue, labelNames(input.labels));
      }
      const reason = input.state_reason as IssueRecord["stateReason"] | undefined;
      if (input.state === "open" || input.state === "closed") {
        setIssueState(issue, input.state, ctx.actor.login, reason);
      } else if (reason !== undefined) {
        issue.stateReason = reason;
      }
      issue.updatedAt = timestamp();
      return { status: 200, body: renderIssue(ctx.render, issue) };
    },
  },
];
