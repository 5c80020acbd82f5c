import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startGitHubStandIn, type GitHubStandIn } from "./server.js";
import { failure, plainClient } from "./test-helpers.js";

const run = promisify(execFile);
let root: string;
let gitDir: string;
let standIn: GitHubStandIn;

async function git(cwd: string, ...args: string[]) {
  await run("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", ...args], { cwd });
}

/** A bare "origin" with main, `feature` (two commits: one file added, one changed) and `empty` (= main). */
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "standin-pulls-"));
  gitDir = join(root, "origin.git");
  const work = join(root, "work");
  await run("git", ["init", "--bare", "--initial-branch=main", gitDir]);
  await run("git", ["clone", gitDir, work]);
  await writeFile(join(work, "README.md"), "hello\nworld\n");
  await git(work, "add", ".");
  await git(work, "commit", "-m", "initial");
  await git(work, "push", "origin", "HEAD:main");
  await git(work, "push", "origin", "HEAD:refs/heads/empty");
  await git(work, "checkout", "-b", "feature");
  await writeFile(join(work, "README.md"), "hello\nthere\nworld\n");
  await git(work, "commit", "-am", "change readme");
  await writeFile(join(work, "new.txt"), "a\nb\n");
  await git(work, "add", "new.txt");
  await git(work, "commit", "-m", "add file");
  await git(work, "push", "origin", "feature");
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

afterEach(async () => {
  expect(standIn.violations).toEqual([]);
  await standIn.close();
});

describe("pull requests against a bare repository", () => {
  it("refuses a duplicate even when two creates for one head arrive at once", async () => {
    standIn = await startGitHubStandIn({ gitDir });
    const octokit = plainClient(standIn);
    const repo = { owner: standIn.owner, repo: standIn.repo };
    const create = () =>
      octokit.rest.pulls.create({ ...repo, title: "race", head: "feature", base: "main" }).then(
        (r) => r.status,
        (e: { status: number }) => e.status,
      );
    const statuses = await Promise.all([create(), create(), create()]);
    expect(statuses.sort()).toEqual([201, 422, 422]);
    expect(standIn.state.pulls.size).toBe(1);
  });

  it("creates a pull request with real stats and refuses a duplicate", async () => {
    standIn = await startGitHubStandIn({ gitDir });
    const octokit = plainClient(standIn);
    const repo = { owner: standIn.owner, repo: standIn.repo };
    standIn.seedIssue({ title: "master issue" });
    const { data } = await octokit.rest.pulls.create({
      ...repo,
      title: "Agent work",
      head: "feature",
      base: "main",
      body: "Closes #1",
      draft: true,
      maintainer_can_modify: false,
    });
    // Issues and pull requests share one number sequence; a "Closes #1" body closes nothing.
    expect(data.number).toBe(2);
    expect([data.commits, data.additions, data.deletions, data.changed_files]).toEqual([2, 3, 0, 2]);
    expect(data.draft).toBe(true);
    expect(standIn.state.issues.get(1)?.state).toBe("open");
    const duplicate = await failure(
      octokit.rest.pulls.create({ ...repo, title: "again", head: "octo-org:feature", base: "main" }),
    );
    expect(duplicate.status).toBe(422);
    expect(duplicate.message).toContain("A pull request already exists for octo-org:feature.");
    const { data: files } = await octokit.rest.pulls.listFiles({ ...repo, pull_number: data.number });
    expect(files.map((f) => [f.filename, f.status, f.additions, f.deletions, f.changes])).toEqual([
      ["README.md", "modified", 1, 0, 1],
      ["new.txt", "added", 2, 0, 2],
    ]);
    const { data: issues } = await octokit.rest.issues.listForRepo({ ...repo, state: "all" });
    expect(issues.map((i) => [i.number, i.pull_request !== undefined])).toEqual([
      [2, true],
      [1, false],
    ]);
  });

  it("refuses missing branches and branches without new commits", async () => {
    standIn = await startGitHubStandIn({ gitDir });
    const octokit = plainClient(standIn);
    const repo = { owner: standIn.owner, repo: standIn.repo };
    const missing = await failure(
      octokit.rest.pulls.create({ ...repo, title: "t", head: "nope", base: "main" }),
    );
    expect(missing.status).toBe(422);
    const badBase = await failure(
      octokit.rest.pulls.create({ ...repo, title: "t", head: "feature", base: "nope" }),
    );
    expect(badBase.status).toBe(422);
    const empty = await failure(
      octokit.rest.pulls.create({ ...repo, title: "t", head: "empty", base: "main" }),
    );
    expect(empty.status).toBe(422);
    expect(empty.message).toContain("No commits between main and empty");
    expect(standIn.state.pulls.size).toBe(0);
  });

  it("filters lists by owner:branch head, ignores a bare branch name, and closes and reopens", async () => {
    standIn = await startGitHubStandIn();
    const octokit = plainClient(standIn);
    const repo = { owner: standIn.owner, repo: standIn.repo };
    const a = (await octokit.rest.pulls.create({ ...repo, title: "a", head: "task-a", base: "main" })).data;
    await octokit.rest.pulls.create({ ...repo, title: "b", head: "task-b", base: "main" });
    const byHead = await octokit.rest.pulls.list({ ...repo, head: "octo-org:task-a", state: "open" });
    expect(byHead.data.map((p) => p.number)).toEqual([a.number]);
    const bare = await octokit.rest.pulls.list({ ...repo, head: "task-a" });
    expect(bare.data).toHaveLength(2);
    await octokit.rest.pulls.update({ ...repo, pull_number: a.number, state: "closed" });
    expect((await octokit.rest.pulls.list({ ...repo, state: "open" })).data).toHaveLength(1);
    // With the first one closed, a new pull request for the same head is allowed.
    const again = await octokit.rest.pulls.create({ ...repo, title: "a2", head: "task-a", base: "main" });
    const reopen = await failure(
      octokit.rest.pulls.update({ ...repo, pull_number: a.number, state: "open" }),
    );
    expect(reopen.status).toBe(422);
    const { data: got } = await octokit.rest.pulls.get({ ...repo, pull_number: again.data.number });
    expect(got.head.ref).toBe("task-a");
    expect((await octokit.rest.pulls.listFiles({ ...repo, pull_number: got.number })).data).toEqual([]);
  });
});

describe("pull requests over GraphQL", () => {
  it("reads several by alias in one query; a number that is no pull request is null with NOT_FOUND", async () => {
    standIn = await startGitHubStandIn({ gitDir });
    const octokit = plainClient(standIn);
    const repo = { owner: standIn.owner, repo: standIn.repo };
    const { data: pr } = await octokit.rest.pulls.create({
      ...repo,
      title: "Feature",
      head: "feature",
      base: "main",
    });
    const issue = standIn.seedIssue({ title: "an issue", body: "", user: "maintainer-1" });
    const fields =
      "number url state merged isDraft title headRefName headRepositoryOwner { login } baseRefName";
    const query = `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) {
      a: pullRequest(number: ${pr.number}) { ${fields} }
      b: pullRequest(number: ${issue.number}) { ${fields} }
      c: pullRequest(number: 999) { ${fields} } } }`;
    // Octokit throws on `errors` and keeps the partial data on the error.
    const answer: unknown = await octokit
      .graphql(query, { owner: repo.owner, name: repo.repo })
      .catch((e: unknown) => e);
    const { data, errors } = answer as {
      data: { repository: Record<string, unknown> };
      errors: Array<{ type: string; path: string[]; message: string }>;
    };
    expect(data.repository.a).toEqual({
      number: pr.number,
      url: pr.html_url,
      state: "OPEN",
      merged: false,
      isDraft: false,
      title: "Feature",
      headRefName: "feature",
      headRepositoryOwner: { login: "octo-org" },
      baseRefName: "main",
    });
    expect(data.repository.b).toBeNull();
    expect(data.repository.c).toBeNull();
    expect(errors.map((e) => [e.type, e.path.join("."), e.message])).toEqual([
      ["NOT_FOUND", "repository.b", `Could not resolve to a PullRequest with the number of ${issue.number}.`],
      ["NOT_FOUND", "repository.c", "Could not resolve to a PullRequest with the number of 999."],
    ]);
    // A read, not content-creating.
    expect(standIn.countRequests({ contentCreating: true })).toBe(1);
  });
});
