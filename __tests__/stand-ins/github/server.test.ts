import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startGitHubStandIn, type GitHubStandIn } from "./server.js";
import { failure, PAT_TOKEN, plainClient } from "./test-helpers.js";

let standIn: GitHubStandIn;
let octokit: ReturnType<typeof plainClient>;
const repo = () => ({ owner: standIn.owner, repo: standIn.repo });

beforeEach(async () => {
  standIn = await startGitHubStandIn();
  octokit = plainClient(standIn);
});

afterEach(async () => {
  // Every exchange in these tests must match GitHub's OpenAPI description.
  expect(standIn.violations).toEqual([]);
  await standIn.close();
});

describe("identity and repository", () => {
  it("answers GET /user for a PAT and 403 for an installation token", async () => {
    const { data } = await plainClient(standIn, PAT_TOKEN).rest.users.getAuthenticated();
    expect(data.login).toBe("maintainer-1");
    const denied = await failure(octokit.rest.users.getAuthenticated());
    expect(denied.status).toBe(403);
    expect(denied.message).toContain("Resource not accessible by integration");
  });

  it("rejects unknown and missing tokens with 401", async () => {
    const bad = await failure(
      plainClient(standIn, "ghp_wrong").rest.issues.get({ ...repo(), issue_number: 1 }),
    );
    expect(bad.status).toBe(401);
    expect(bad.message).toContain("Bad credentials");
    const response = await fetch(`${standIn.url}/repos/${standIn.owner}/${standIn.repo}`);
    expect(response.status).toBe(401);
  });

  it("describes the repository and reports rate-limit headers that count down", async () => {
    const first = await octokit.rest.repos.get(repo());
    expect(first.data.full_name).toBe("octo-org/octo-repo");
    expect(first.data.default_branch).toBe("main");
    expect(first.headers["x-ratelimit-limit"]).toBe("1000");
    expect(first.headers["x-ratelimit-resource"]).toBe("core");
    expect(first.headers["x-github-request-id"]).toBeTruthy();
    const second = await octokit.rest.repos.get(repo());
    expect(Number(second.headers["x-ratelimit-remaining"])).toBe(
      Number(first.headers["x-ratelimit-remaining"]) - 1,
    );
    expect(standIn.requests[0]?.apiVersion).toBe("2022-11-28");
  });

  it("maps roles to legacy permissions like GitHub", async () => {
    const roles = ["admin", "maintain", "write", "triage", "read"] as const;
    roles.forEach((role, i) => standIn.setRole(`user-${i}`, role));
    const legacy: string[] = [];
    for (const [i, role] of roles.entries()) {
      const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
        ...repo(),
        username: `user-${i}`,
      });
      expect(data.role_name).toBe(role);
      expect(data.user?.login).toBe(`user-${i}`);
      legacy.push(data.permission);
    }
    expect(legacy).toEqual(["admin", "write", "write", "read", "read"]);
    for (const username of ["stranger", "ghost"]) {
      const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo(), username });
      expect([data.permission, data.role_name]).toEqual(["none", "none"]);
    }
  });
});

describe("issues, labels and comments", () => {
  it("creates issues whose id differs from their number and lists them with filters", async () => {
    const { data: created } = await octokit.rest.issues.create({
      ...repo(),
      title: "Plan",
      body: "b",
      labels: ["fanout"],
    });
    expect(created.number).toBe(1);
    expect(created.id).not.toBe(created.number);
    expect(created.user?.login).toBe("github-actions[bot]");
    expect(created.user?.type).toBe("Bot");
    standIn.seedIssue({ title: "Other", labels: ["other"], state: "closed" });
    const open = await octokit.rest.issues.listForRepo({ ...repo(), labels: "fanout" });
    expect(open.data.map((i) => i.number)).toEqual([1]);
    const all = await octokit.rest.issues.listForRepo({ ...repo(), state: "all", direction: "asc" });
    expect(all.data.map((i) => i.number)).toEqual([1, 2]);
    const { data: closed } = await octokit.rest.issues.update({
      ...repo(),
      issue_number: 1,
      state: "closed",
    });
    expect([closed.state, closed.state_reason]).toEqual(["closed", "completed"]);
  });

  it("adds labels (creating unknown ones) and refuses duplicate repository labels", async () => {
    const issue = standIn.seedIssue({ title: "t" });
    const { data } = await octokit.rest.issues.addLabels({
      ...repo(),
      issue_number: issue.number,
      labels: ["a", "b"],
    });
    expect(data.map((l) => l.name)).toEqual(["a", "b"]);
    await octokit.rest.issues.createLabel({ ...repo(), name: "fresh", color: "00ff00" });
    const duplicate = await failure(
      octokit.rest.issues.createLabel({ ...repo(), name: "A", color: "00ff00" }),
    );
    expect(duplicate.status).toBe(422);
    const labels = await octokit.rest.issues.listLabelsForRepo(repo());
    expect(labels.data.map((l) => l.name)).toEqual(["a", "b", "fresh"]);
  });

  it("refuses bodies over 65,536 characters with GitHub's messages", async () => {
    const issue = standIn.seedIssue({ title: "t" });
    const long = "x".repeat(65_537);
    const comment = await failure(
      octokit.rest.issues.createComment({ ...repo(), issue_number: issue.number, body: long }),
    );
    expect(comment.status).toBe(422);
    expect(comment.message).toContain("Body is too long (maximum is 65536 characters)");
    const created = await failure(octokit.rest.issues.create({ ...repo(), title: "t", body: long }));
    expect(created.status).toBe(422);
    expect(created.message).toContain("body is too long (maximum is 65536 characters)");
    await octokit.rest.issues.createComment({
      ...repo(),
      issue_number: issue.number,
      body: "x".repeat(65_536),
    });
  });

  it("paginates 250 comments with Link headers that Octokit follows", async () => {
    const issue = standIn.seedIssue({ title: "busy" });
    for (let i = 0; i < 250; i++) standIn.seedComment(issue.number, { body: `c${i}`, user: "maintainer-1" });
    const first = await octokit.rest.issues.listComments({
      ...repo(),
      issue_number: issue.number,
      per_page: 100,
    });
    expect(first.headers.link).toMatch(/page=2>; rel="next"/);
    expect(first.headers.link).toMatch(/page=3>; rel="last"/);
    standIn.reset();
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      ...repo(),
      issue_number: issue.number,
      per_page: 100,
    });
    expect(all).toHaveLength(250);
    expect(all.map((c) => c.body)).toEqual(Array.from({ length: 250 }, (_, i) => `c${i}`));
    expect(standIn.countRequests({ operationId: "issues/list-comments" })).toBe(3);
  });

  it("edits and deletes comments", async () => {
    const issue = standIn.seedIssue({ title: "t" });
    const { data } = await octokit.rest.issues.createComment({
      ...repo(),
      issue_number: issue.number,
      body: "one",
    });
    const { data: edited } = await octokit.rest.issues.updateComment({
      ...repo(),
      comment_id: data.id,
      body: "two",
    });
    expect(edited.body).toBe("two");
    await octokit.rest.issues.deleteComment({ ...repo(), comment_id: data.id });
    expect((await failure(octokit.rest.issues.getComment({ ...repo(), comment_id: data.id }))).status).toBe(
      404,
    );
    expect(standIn.countRequests({ contentCreating: true })).toBe(3);
  });
});

describe("sub-issues", () => {
  async function newIssue(title: string) {
    return (await octokit.rest.issues.create({ ...repo(), title })).data;
  }

  it("links children by id, in order, and summarises their progress", async () => {
    const parent = await newIssue("parent");
    const children = [await newIssue("a"), await newIssue("b"), await newIssue("c")];
    for (const child of children) {
      await octokit.rest.issues.addSubIssue({
        ...repo(),
        issue_number: parent.number,
        sub_issue_id: child.id,
      });
    }
    const listed = await octokit.rest.issues.listSubIssues({ ...repo(), issue_number: parent.number });
    expect(listed.data.map((i) => i.title)).toEqual(["a", "b", "c"]);
    await octokit.rest.issues.update({ ...repo(), issue_number: children[0]!.number, state: "closed" });
    const { data } = await octokit.rest.issues.get({ ...repo(), issue_number: parent.number });
    expect(data.sub_issues_summary).toEqual({ total: 3, completed: 1, percent_completed: 33 });
    const { data: up } = await octokit.rest.issues.getParent({
      ...repo(),
      issue_number: children[1]!.number,
    });
    expect(up.number).toBe(parent.number);
  });

  it("answers 404 when given an issue number instead of its id", async () => {
    const parent = await newIssue("parent");
    const child = await newIssue("child");
    const result = await failure(
      octokit.rest.issues.addSubIssue({ ...repo(), issue_number: parent.number, sub_issue_id: child.number }),
    );
    expect(result.status).toBe(404);
  });

  it("allows one parent unless replace_parent, and refuses re-adding a child", async () => {
    const [p1, p2, child] = [await newIssue("p1"), await newIssue("p2"), await newIssue("child")];
    await octokit.rest.issues.addSubIssue({ ...repo(), issue_number: p1.number, sub_issue_id: child.id });
    const again = await failure(
      octokit.rest.issues.addSubIssue({ ...repo(), issue_number: p1.number, sub_issue_id: child.id }),
    );
    expect(again.status).toBe(422);
    const other = await failure(
      octokit.rest.issues.addSubIssue({ ...repo(), issue_number: p2.number, sub_issue_id: child.id }),
    );
    expect(other.status).toBe(422);
    expect(other.message).toContain("Sub issue may only have one parent");
    await octokit.rest.issues.addSubIssue({
      ...repo(),
      issue_number: p2.number,
      sub_issue_id: child.id,
      replace_parent: true,
    });
    expect(standIn.state.parentOf.get(child.number)).toBe(p2.number);
    await octokit.rest.issues.removeSubIssue({ ...repo(), issue_number: p2.number, sub_issue_id: child.id });
    expect(standIn.state.subIssues.get(p2.number)).toEqual([]);
  });

  it("caps a parent at 100 sub-issues and nesting at 8 levels", async () => {
    const parent = standIn.seedIssue({ title: "parent" });
    for (let i = 0; i < 101; i++) {
      const child = standIn.seedIssue({ title: `child ${i}` });
      const call = octokit.rest.issues.addSubIssue({
        ...repo(),
        issue_number: parent.number,
        sub_issue_id: child.id,
      });
      if (i < 100) await call;
      else expect((await failure(call)).status).toBe(422);
    }
    const chain = Array.from({ length: 9 }, (_, i) => standIn.seedIssue({ title: `level ${i + 1}` }));
    for (let i = 1; i < chain.length; i++) {
      const call = octokit.rest.issues.addSubIssue({
        ...repo(),
        issue_number: chain[i - 1]!.number,
        sub_issue_id: chain[i]!.id,
      });
      if (i < 8) await call;
      else expect((await failure(call)).status).toBe(422);
    }
  });
});

describe("OpenAPI honesty", () => {
  it("records a malformed request body as a violation and answers 422", async () => {
    const parent = standIn.seedIssue({ title: "parent" });
    const result = await failure(
      octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues", {
        ...repo(),
        issue_number: parent.number,
        // Deliberately wrong: the schema wants an integer id.
        sub_issue_id: "not-a-number" as unknown as number,
      }),
    );
    expect(result.status).toBe(422);
    expect(result.message).toContain("is not an integer");
    expect(standIn.violations).toHaveLength(1);
    expect(standIn.violations[0]).toMatchObject({
      direction: "request",
      operationId: "issues/add-sub-issue",
    });
    standIn.violations.length = 0;
  });

  it("records calls to routes it does not model", async () => {
    const result = await failure(octokit.request("GET /repos/{owner}/{repo}/releases", repo()));
    expect(result.status).toBe(404);
    expect(standIn.violations).toMatchObject([
      { direction: "route", path: "/repos/octo-org/octo-repo/releases" },
    ]);
    standIn.violations.length = 0;
  });

  it("answers 404 for another repository and logs who asked", async () => {
    const other = await failure(octokit.rest.issues.get({ owner: "someone", repo: "else", issue_number: 1 }));
    expect(other.status).toBe(404);
    expect(standIn.requests.at(-1)).toMatchObject({ login: "github-actions[bot]", status: 404 });
  });
});
