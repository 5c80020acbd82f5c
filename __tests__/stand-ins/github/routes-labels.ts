/**
 * Repository labels and the labels on an issue. Label names match case-insensitively, and adding an
 * unknown label to an issue creates it, as GitHub does for users with write access.
 */
import {
  bodyObject,
  errorReply,
  notFound,
  optionalString,
  pageReply,
  validationFailed,
  type Route,
  type RouteContext,
} from "./http.js";
import { renderLabel } from "./representations.js";
import { addLabelsToIssue, ensureLabel, findLabel, timestamp } from "./state.js";
import { issueParam, labelNames } from "./routes-issues.js";
import type { IssueRecord, LabelRecord } from "./types.js";

function issueLabels(ctx: RouteContext, issue: IssueRecord) {
  return issue.labels
    .map((name) => findLabel(ctx.state, name))
    .filter((label): label is LabelRecord => label !== undefined)
    .map((label) => renderLabel(ctx.render, label));
}

/** Repository labels and labels on issues. */
export const labelRoutes: Route[] = [
  {
    operationId: "issues/list-labels-for-repo",
    handler: (ctx) => {
      const labels = [...ctx.state.labels.values()].sort((a, b) =>
        a.name.toLowerCase().localeCompare(b.name.toLowerCase()),
      );
      return pageReply(ctx, labels, (label) => renderLabel(ctx.render, label));
    },
  },
  {
    operationId: "issues/create-label",
    handler: (ctx) => {
      const input = bodyObject(ctx);
      const name = optionalString(input.name) ?? "";
      if (name.trim() === "") {
        return validationFailed(ctx, [{ resource: "Label", code: "missing_field", field: "name" }]);
      }
      if (findLabel(ctx.state, name)) {
        return validationFailed(ctx, [{ resource: "Label", code: "already_exists", field: "name" }]);
      }
      // GitHub takes the colour without "#"; it also accepts and strips a leading "#".
      const color = (optionalString(input.color) ?? "ededed").replace(/^#/, "");
      if (!/^[0-9a-fA-F]{6}$/.test(color)) {
        return validationFailed(ctx, [{ resource: "Label", code: "invalid", field: "color" }]);
      }
      const label = ensureLabel(
        ctx.state,
        name,
        color.toLowerCase(),
        optionalString(input.description) ?? null,
      );
      const body = renderLabel(ctx.render, label);
      return { status: 201, body, headers: { location: body.url } };
    },
  },
  {
    operationId: "issues/list-labels-on-issue",
    handler: (ctx) => {
      const issue = issueParam(ctx);
      if (!issue) return notFound(ctx);
      const labels = issue.labels
        .map((name) => findLabel(ctx.state, name))
        .filter((label): label is LabelRecord => label !== undefined);
      return pageReply(ctx, labels, (label) => renderLabel(ctx.render, label));
    },
  },
  {
    operationId: "issues/add-labels",
    handler: (ctx) => {
      const issue = issueParam(ctx);
      if (!issue) return notFound(ctx);
      addLabelsToIssue(ctx.state, issue, labelNames(bodyObject(ctx).labels));
      issue.updatedAt = timestamp();
      return { status: 200, body: issueLabels(ctx, issue) };
    },
  },
  {
    operationId: "issues/remove-label",
    handler: (ctx) => {
      const issue = issueParam(ctx);
      if (!issue) return notFound(ctx);
      const name = (ctx.params.name ?? "").toLowerCase();
      const index = issue.labels.findIndex((l) => l.toLowerCase() === name);
      if (index < 0) return errorReply(404, "Label does not exist", ctx.documentationUrl);
      issue.labels.splice(index, 1);
      issue.updatedAt = timestamp();
      return { status: 200, body: issueLabels(ctx, issue) };
    },
  },
];
