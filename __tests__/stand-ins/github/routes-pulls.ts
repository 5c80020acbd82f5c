/**
 * Pull requests between branches of this repository (forks are not modelled). With `gitDir`, branches,
 * commits and changed files come from the bare repository, so "no commits between" and bad-branch 422s
 * happen when they would on GitHub; without it any branch name is accepted.
 */
import { createHash } from "node:crypto";
import { branchSha, compare, type ChangedFile } from "./git.js";
import {
  bodyObject,
  characterCount,
  MAX_BODY_CHARACTERS,
  notFound,
  optionalString,
  paginate,
  pageReply,
  parsePositiveInt,
  validationFailed,
  type Reply,
  type Route,
  type RouteContext,
  type ValidationErrorItem,
} from "./http.js";
import { renderPull } from "./representations.js";
import { createIssue, pullIdFor, setIssueState, timestamp } from "./state.js";
import type { PullRecord } from "./types.js";

/** Without a git repository, a branch's "commit" is a stable hash of its name. */
function fakeSha(branch: string): string {
  return createHash("sha1").update(`standin-branch:${branch}`).digest("hex");
}

function pullParam(ctx: RouteContext): PullRecord | undefined {
  const number = parsePositiveInt(ctx.params.pull_number);
  return number === undefined ? undefined : ctx.state.pulls.get(number);
}

function isOpen(ctx: RouteContext, pull: PullRecord): boolean {
  return ctx.state.issues.get(pull.number)?.state === "open";
}

function pullError(ctx: RouteContext, error: Omit<ValidationErrorItem, "resource">): Reply {
  return validationFailed(ctx, [{ resource: "PullRequest", ...error }]);
}

function duplicateOf(ctx: RouteContext, head: string, base: string, except?: number): PullRecord | undefined {
  return [...ctx.state.pulls.values()].find(
    (p) => p.number !== except && p.head === head && p.base === base && isOpen(ctx, p),
  );
}

/** Re-reads head, base and the diff from git, as GitHub recomputes a pull request after pushes. */
async function refresh(ctx: RouteContext, pull: PullRecord): Promise<ChangedFile[]> {
  if (ctx.gitDir === undefined) return [];
  const headSha = await branchSha(ctx.gitDir, pull.head);
  const baseSha = await branchSha(ctx.gitDir, pull.base);
  if (headSha === undefined || baseSha === undefined) return [];
  const comparison = await compare(ctx.gitDir, baseSha, headSha);
  Object.assign(pull, {
    headSha,
    baseSha,
    commits: comparison.commits,
    additions: comparison.files.reduce((sum, f) => sum + f.additions, 0),
    deletions: comparison.files.reduce((sum, f) => sum + f.deletions, 0),
    changedFiles: comparison.files.length,
  });
  return comparison.files;
}

async function createPull(ctx: RouteContext): Promise<Reply> {
  const input = bodyObject(ctx);
  const { state } = ctx;
  const title = optionalString(input.title) ?? "";
  if (title.trim() === "") return pullError(ctx, { code: "missing_field", field: "title" });
  const body = optionalString(input.body) ?? null;
  if (body !== null && characterCount(body) > MAX_BODY_CHARACTERS) {
    return pullError(ctx, {
      code: "custom",
      field: "body",
      message: `body is too long (maximum is ${MAX_BODY_CHARACTERS} characters)`,
    });
  }
  // `head` is "branch" or "owner:branch"; another owner would be a fork, which we do not model.
  const headInput = optionalString(input.head) ?? "";
  const [headOwner, head] = headInput.includes(":")
    ? [headInput.slice(0, headInput.indexOf(":")), headInput.slice(headInput.indexOf(":") + 1)]
    : [state.owner, headInput];
  const base = optionalString(input.base) ?? "";
  if (headOwner.toLowerCase() !== state.owner.toLowerCase() || head === "") {
    return pullError(ctx, { code: "invalid", field: "head" });
  }
  let headSha = fakeSha(head);
  let baseSha = fakeSha(base);
  if (ctx.gitDir !== undefined) {
    const [h, b] = [await branchSha(ctx.gitDir, head), await branchSha(ctx.gitDir, base)];
    if (b === undefined) return pullError(ctx, { code: "invalid", field: "base" });
    if (h === undefined) return pullError(ctx, { code: "invalid", field: "head" });
    [headSha, baseSha] = [h, b];
  }
  if (duplicateOf(ctx, head, base)) {
    return pullError(ctx, {
      code: "custom",
      message: `A pull request already exists for ${state.owner}:${head}.`,
    });
  }
  const noCommits = pullError(ctx, { code: "custom", message: `No commits between ${base} and ${head}` });
  if (head === base) return noCommits;

  const pull: PullRecord = {
    id: 0,
    number: 0,
    head,
    base,
    headSha,
    baseSha,
    draft: input.draft === true,
    maintainerCanModify: input.maintainer_can_modify !== false,
    merged: false,
    commits: 1,
    additions: 0,
    deletions: 0,
    changedFiles: 0,
  };
  if (ctx.gitDir !== undefined) {
    await refresh(ctx, pull);
    if (pull.commits === 0) return noCommits;
    // Checked again: a concurrent create for this head may have finished while git was read, and
    // GitHub's check is atomic.
    if (duplicateOf(ctx, head, base)) {
      return pullError(ctx, {
        code: "custom",
        message: `A pull request already exists for ${state.owner}:${head}.`,
      });
    }
  }
  // Only now take a number: GitHub does not burn numbers on rejected pull requests.
  const issue = createIssue(state, { title, body, user: ctx.actor.login, isPullRequest: true });
  pull.number = issue.number;
  pull.id = pullIdFor(issue.number);
  state.pulls.set(pull.number, pull);
  const rendered = renderPull(ctx.render, pull, true);
  return { status: 201, body: rendered, headers: { location: rendered.url } };
}

function listPulls(ctx: RouteContext): Reply {
  const q = ctx.query;
  const stateFilter = q.get("state") ?? "open";
  // GitHub only honours `head` in the "owner:branch" form; a bare branch name filters nothing.
  const headFilter = q.get("head");
  const headMatch = headFilter?.includes(":") ? headFilter : undefined;
  const base = q.get("base");
  const sort = q.get("sort") ?? "created";
  // Default direction: desc when sorting by creation, otherwise asc (GitHub docs).
  const direction = (q.get("direction") ?? (sort === "created" ? "desc" : "asc")) === "asc" ? 1 : -1;
  const pulls = [...ctx.state.pulls.values()]
    .filter((p) => stateFilter === "all" || ctx.state.issues.get(p.number)?.state === stateFilter)
    .filter(
      (p) =>
        headMatch === undefined || `${ctx.state.owner}:${p.head}`.toLowerCase() === headMatch.toLowerCase(),
    )
    .filter((p) => base === null || p.base === base)
    .sort((a, b) => {
      const issueA = ctx.state.issues.get(a.number);
      const issueB = ctx.state.issues.get(b.number);
      const key = sort === "updated" ? "updatedAt" : "createdAt";
      const delta = Date.parse(issueA?.[key] ?? "") - Date.parse(issueB?.[key] ?? "");
      return direction * (delta || a.number - b.number);
    });
  return pageReply(ctx, pulls, (pull) => renderPull(ctx.render, pull, false));
}

async function updatePull(ctx: RouteContext): Promise<Reply> {
  const pull = pullParam(ctx);
  const issue = pull && ctx.state.issues.get(pull.number);
  if (!pull || !issue) return notFound(ctx);
  const input = bodyObject(ctx);
  if (typeof input.body === "string" && characterCount(input.body) > MAX_BODY_CHARACTERS) {
    return pullError(ctx, {
      code: "custom",
      field: "body",
      message: `body is too long (maximum is ${MAX_BODY_CHARACTERS} characters)`,
    });
  }
  const base = optionalString(input.base) ?? pull.base;
  if (ctx.gitDir !== undefined && base !== pull.base && (await branchSha(ctx.gitDir, base)) === undefined) {
    return pullError(ctx, { code: "invalid", field: "base" });
  }
  const reopening = input.state === "open" && issue.state === "closed";
  if (
    (reopening || (issue.state === "open" && base !== pull.base)) &&
    duplicateOf(ctx, pull.head, base, pull.number)
  ) {
    return pullError(ctx, {
      code: "custom",
      message: `A pull request already exists for ${ctx.state.owner}:${pull.head}.`,
    });
  }
  if (typeof input.title === "string") issue.title = input.title;
  if (typeof input.body === "string") issue.body = input.body;
  if (typeof input.maintainer_can_modify === "boolean")
    pull.maintainerCanModify = input.maintainer_can_modify;
  pull.base = base;
  if (input.state === "open" || input.state === "closed") setIssueState(issue, input.state, ctx.actor.login);
  issue.updatedAt = timestamp();
  await refresh(ctx, pull);
  return { status: 200, body: renderPull(ctx.render, pull, true) };
}

/** Pull requests: create, list, get, update and list files. */
export const pullRoutes: Route[] = [
  { operationId: "pulls/create", handler: createPull },
  { operationId: "pulls/list", handler: listPulls },
  {
    operationId: "pulls/get",
    handler: async (ctx) => {
      const pull = pullParam(ctx);
      if (!pull) return notFound(ctx);
      await refresh(ctx, pull);
      return { status: 200, body: renderPull(ctx.render, pull, true) };
    },
  },
  { operationId: "pulls/update", handler: updatePull },
  {
    operationId: "pulls/list-files",
    handler: async (ctx) => {
      const pull = pullParam(ctx);
      if (!pull) return notFound(ctx);
      const files = await refresh(ctx, pull);
      const web = `https://github.com/${ctx.state.owner}/${ctx.state.repo}`;
      const api = `${ctx.render.apiUrl}/repos/${ctx.state.owner}/${ctx.state.repo}`;
      const page = paginate(ctx, files);
      return {
        status: 200,
        headers: page.headers,
        body: page.items.map((file) => ({
          sha: file.sha,
          filename: file.filename,
          status: file.status,
          additions: file.additions,
          deletions: file.deletions,
          changes: file.additions + file.deletions,
          blob_url: `${web}/blob/${pull.headSha}/${encodeURI(file.filename)}`,
          raw_url: `${web}/raw/${pull.headSha}/${encodeURI(file.filename)}`,
          contents_url: `${api}/contents/${encodeURI(file.filename)}?ref=${pull.headSha}`,
          ...(file.previousFilename === undefined ? {} : { previous_filename: file.previousFilename }),
        })),
      };
    },
  },
];
