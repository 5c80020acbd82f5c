/**
 * Issue comments. GitHub words the 65,536-character limit differently on create and on edit; both
 * wordings below are copied from real responses reported by users of the API.
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
import { renderComment } from "./representations.js";
import { createComment, timestamp } from "./state.js";
import { issueParam } from "./routes-issues.js";
import type { CommentRecord } from "./types.js";

function commentParam(ctx: RouteContext): CommentRecord | undefined {
  const id = parsePositiveInt(ctx.params.comment_id);
  return id === undefined ? undefined : ctx.state.comments.get(id);
}

function checkBody(ctx: RouteContext, body: string, onCreate: boolean): Reply | undefined {
  if (body.trim() === "") {
    return validationFailed(ctx, [{ resource: "IssueComment", code: "missing_field", field: "body" }]);
  }
  if (characterCount(body) <= MAX_BODY_CHARACTERS) return undefined;
  // POST: {"resource":"IssueComment","code":"unprocessable","field":"data","message":"Body is too long …"}
  // PATCH: {"resource":"IssueComment","code":"custom","field":"body","message":"body is too long …"}
  const limit = `is too long (maximum is ${MAX_BODY_CHARACTERS} characters)`;
  return validationFailed(ctx, [
    onCreate
      ? { resource: "IssueComment", code: "unprocessable", field: "data", message: `Body ${limit}` }
      : { resource: "IssueComment", code: "custom", field: "body", message: `body ${limit}` },
  ]);
}

/** Issue comments: list, create, get, update, delete. */
export const commentRoutes: Route[] = [
  {
    operationId: "issues/list-comments",
    handler: (ctx) => {
      const issue = issueParam(ctx);
      if (!issue) return notFound(ctx);
      const sinceText = ctx.query.get("since");
      const since = sinceText ? Date.parse(sinceText) : Number.NaN;
      const comments = [...ctx.state.comments.values()]
        .filter((c) => c.issueNumber === issue.number)
        .filter((c) => Number.isNaN(since) || Date.parse(c.updatedAt) >= since)
        .sort((a, b) => a.id - b.id);
      return pageReply(ctx, comments, (comment) => renderComment(ctx.render, comment));
    },
  },
  {
    operationId: "issues/create-comment",
    handler: (ctx) => {
      const issue = issueParam(ctx);
      if (!issue) return notFound(ctx);
      const body = optionalString(bodyObject(ctx).body) ?? "";
      const invalid = checkBody(ctx, body, true);
      if (invalid) return invalid;
      const comment = createComment(ctx.state, issue, { body, user: ctx.actor.login });
      const rendered = renderComment(ctx.render, comment);
      return { status: 201, body: rendered, headers: { location: rendered.url } };
    },
  },
  {
    operationId: "issues/get-comment",
    handler: (ctx) => {
      const comment = commentParam(ctx);
      return comment ? { status: 200, body: renderComment(ctx.render, comment) } : notFound(ctx);
    },
  },
  {
    operationId: "issues/update-comment",
    handler: (ctx) => {
      const comment = commentParam(ctx);
      if (!comment) return notFound(ctx);
      const body = optionalString(bodyObject(ctx).body) ?? "";
      const invalid = checkBody(ctx, body, false);
      if (invalid) return invalid;
      comment.body = body;
      comment.updatedAt = timestamp();
      return { status: 200, body: renderComment(ctx.render, comment) };
    },
  },
  {
    operationId: "issues/delete-comment",
    handler: (ctx) => {
      const comment = commentParam(ctx);
      if (!comment) return notFound(ctx);
      ctx.state.comments.delete(comment.id);
      return { status: 204 };
    },
  },
];
