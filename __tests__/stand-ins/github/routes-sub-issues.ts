/**
 * Sub-issues. The API identifies the child by its database `id`, not its `number`: an id that names no
 * issue is a 404 (what GitHub answers when a client passes a number by mistake, cli/cli#12258).
 * Limits per GitHub's docs: one parent per issue, at most 100 sub-issues per parent, 8 levels of nesting.
 */
import {
  bodyObject,
  notFound,
  pageReply,
  parsePositiveInt,
  validationFailed,
  type Reply,
  type Route,
  type RouteContext,
} from "./http.js";
import { renderIssue } from "./representations.js";
import { depthOf, findIssueById, heightOf, timestamp } from "./state.js";
import { issueParam } from "./routes-issues.js";
import type { IssueRecord, StandInState } from "./types.js";

export const MAX_SUB_ISSUES = 100;
export const MAX_DEPTH = 8;

function rejected(ctx: RouteContext, message: string): Reply {
  return validationFailed(ctx, [{ resource: "Issue", code: "custom", field: "sub_issue_id", message }]);
}

function detach(state: StandInState, child: number): void {
  const parent = state.parentOf.get(child);
  if (parent === undefined) return;
  const siblings = state.subIssues.get(parent) ?? [];
  state.subIssues.set(
    parent,
    siblings.filter((n) => n !== child),
  );
  state.parentOf.delete(child);
}

function isAncestor(state: StandInState, candidate: number, of: number): boolean {
  for (let n = state.parentOf.get(of); n !== undefined; n = state.parentOf.get(n)) {
    if (n === candidate) return true;
  }
  return false;
}

/** Links `child` (which has no parent) last under `parent`; callers check GitHub's limits first. */
export function attachSubIssue(state: StandInState, parent: IssueRecord, child: IssueRecord): void {
  state.subIssues.set(parent.number, [...(state.subIssues.get(parent.number) ?? []), child.number]);
  state.parentOf.set(child.number, parent.number);
  parent.updatedAt = timestamp();
}

/** Resolves `sub_issue_id` (an id) to an issue of this repository. */
function subIssueParam(ctx: RouteContext, field = "sub_issue_id"): IssueRecord | undefined {
  const id = parsePositiveInt(bodyObject(ctx)[field]);
  return id === undefined ? undefined : findIssueById(ctx.state, id);
}

function addSubIssue(ctx: RouteContext): Reply {
  const parent = issueParam(ctx);
  const child = subIssueParam(ctx);
  if (!parent || !child) return notFound(ctx);
  const { state } = ctx;
  const replaceParent = bodyObject(ctx).replace_parent === true;
  if (parent.isPullRequest || child.isPullRequest) {
    return rejected(ctx, "Pull requests cannot be sub-issues or have sub-issues");
  }
  if (child.number === parent.number || isAncestor(state, child.number, parent.number)) {
    return rejected(ctx, "Sub issue cannot be the parent issue or one of its ancestors");
  }
  const currentParent = state.parentOf.get(child.number);
  if (currentParent !== undefined && !replaceParent)
    return rejected(ctx, "Sub issue may only have one parent");
  if (currentParent === parent.number) return rejected(ctx, "Sub issue already exists");
  const children = state.subIssues.get(parent.number) ?? [];
  if (children.length >= MAX_SUB_ISSUES) {
    return rejected(ctx, `Parent issue cannot have more than ${MAX_SUB_ISSUES} sub-issues`);
  }
  if (depthOf(state, parent.number) + heightOf(state, child.number) > MAX_DEPTH) {
    return rejected(ctx, `Sub-issues cannot be nested more than ${MAX_DEPTH} levels deep`);
  }
  detach(state, child.number);
  attachSubIssue(state, parent, child);
  const body = renderIssue(ctx.render, parent);
  return { status: 201, body, headers: { location: `${body.url}/sub_issues` } };
}

function reprioritize(ctx: RouteContext): Reply {
  const parent = issueParam(ctx);
  const child = subIssueParam(ctx);
  if (!parent || !child || ctx.state.parentOf.get(child.number) !== parent.number) return notFound(ctx);
  const input = bodyObject(ctx);
  const hasAfter = input.after_id !== undefined;
  const hasBefore = input.before_id !== undefined;
  if (hasAfter === hasBefore) {
    return validationFailed(ctx, [
      {
        resource: "Issue",
        code: "invalid",
        field: "after_id",
        message: "Provide exactly one of after_id or before_id",
      },
    ]);
  }
  const anchor = subIssueParam(ctx, hasAfter ? "after_id" : "before_id");
  if (!anchor || ctx.state.parentOf.get(anchor.number) !== parent.number || anchor.number === child.number) {
    return notFound(ctx);
  }
  const order = (ctx.state.subIssues.get(parent.number) ?? []).filter((n) => n !== child.number);
  const at = order.indexOf(anchor.number) + (hasAfter ? 1 : 0);
  order.splice(at, 0, child.number);
  ctx.state.subIssues.set(parent.number, order);
  return { status: 200, body: renderIssue(ctx.render, parent) };
}

/** Sub-issues: list, add, remove, reprioritise, and get parent. */
export const subIssueRoutes: Route[] = [
  {
    operationId: "issues/list-sub-issues",
    handler: (ctx) => {
      const parent = issueParam(ctx);
      if (!parent) return notFound(ctx);
      const children = (ctx.state.subIssues.get(parent.number) ?? [])
        .map((n) => ctx.state.issues.get(n))
        .filter((issue): issue is IssueRecord => issue !== undefined);
      return pageReply(ctx, children, (issue) => renderIssue(ctx.render, issue));
    },
  },
  { operationId: "issues/add-sub-issue", handler: addSubIssue },
  {
    operationId: "issues/remove-sub-issue",
    handler: (ctx) => {
      const parent = issueParam(ctx);
      const child = subIssueParam(ctx);
      if (!parent || !child || ctx.state.parentOf.get(child.number) !== parent.number) return notFound(ctx);
      detach(ctx.state, child.number);
      parent.updatedAt = timestamp();
      return { status: 200, body: renderIssue(ctx.render, parent) };
    },
  },
  { operationId: "issues/reprioritize-sub-issue", handler: reprioritize },
  {
    operationId: "issues/get-parent",
    handler: (ctx) => {
      const issue = issueParam(ctx);
      const parentNumber = issue === undefined ? undefined : ctx.state.parentOf.get(issue.number);
      const parent = parentNumber === undefined ? undefined : ctx.state.issues.get(parentNumber);
      return parent ? { status: 200, body: renderIssue(ctx.render, parent) } : notFound(ctx);
    },
  },
];
