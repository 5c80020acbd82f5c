import { afterEach, describe, expect, it } from "vitest";
import { createdIssue, startGitHubStandIn, type GitHubStandIn, type StandInOptions } from "./server.js";
import { BOT_TOKEN, failure, plainClient, resilientClient } from "./test-helpers.js";

let standIn: GitHubStandIn | undefined;

async function start(options: StandInOptions = {}) {
  standIn = await startGitHubStandIn(options);
  return standIn;
}

afterEach(async () => {
  // Every exchange must be one GitHub's public schema allows (tests that send invalid ones clear them).
  expect(standIn?.violations).toEqual([]);
  await standIn?.close();
  standIn = undefined;
});

/** The raw answer of POST /graphql, errors and all (Octokit's graphql() throws on `errors`). */
async function post(s: GitHubStandIn, body: unknown, token: string | null = BOT_TOKEN) {
  const response = await fetch(`${s.url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token === null ? {} : { authorization: `bearer ${token}` }),
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: Array<{ message: string; type?: string; extensions?: Record<string, unknown> }>;
    },
  };
}

const REPO_QUERY = `query($owner: String!, $name: String!, $label: String!) {
  repository(owner: $owner, name: $name) {
    id
    label(name: $label) { id name }
    labels(first: 100) { nodes { id name } }
  }
}`;

const CREATE = `mutation($input: CreateIssueInput!) {
  createIssue(input: $input) {
    issue { id fullDatabaseId number url title body author { login } parent { number } labels(first: 10) { nodes { name } } }
  }
}`;

interface Created {
  createIssue: {
    issue: {
      id: string;
      fullDatabaseId: string;
      number: number;
      url: string;
      title: string;
      body: string;
      author: { login: string };
      parent: { number: number } | null;
      labels: { nodes: Array<{ name: string }> };
    };
  };
}

async function repositoryIds(s: GitHubStandIn, label = "sub-issue") {
  const data = await plainClient(s).graphql<{
    repository: { id: string; label: { id: string; name: string } | null };
  }>(REPO_QUERY, { owner: s.owner, name: s.repo, label });
  return data.repository;
}

describe("POST /graphql", () => {
  it("reads the repository, an issue and labels with ids that match REST node_id", async () => {
    const s = await start();
    const { data: label } = await plainClient(s).rest.issues.createLabel({
      owner: s.owner,
      repo: s.repo,
      name: "sub-issue",
    });
    const issue = s.seedIssue({ title: "Master", body: "text", user: "maintainer-1" });
    const data = await plainClient(s).graphql<{
      repository: {
        id: string;
        issue: { id: string; fullDatabaseId: string; number: number; author: { login: string } };
        label: { id: string; name: string };
      };
    }>(
      `query($owner: String!, $name: String!, $number: Int!) {
        repository(owner: $owner, name: $name) {
          id
          issue(number: $number) { id fullDatabaseId number author { login } }
          label(name: "SUB-ISSUE") { id name }
        }
      }`,
      { owner: s.owner, name: s.repo, number: issue.number },
    );
    const { data: rest } = await plainClient(s).rest.issues.get({
      owner: s.owner,
      repo: s.repo,
      issue_number: issue.number,
    });
    expect(data.repository.id).toMatch(/^R_kgDO/);
    expect(data.repository.issue).toEqual({
      id: rest.node_id,
      fullDatabaseId: String(rest.id),
      number: issue.number,
      author: { login: "maintainer-1" },
    });
    expect(rest.node_id).toMatch(/^I_kwDO/);
    expect(data.repository.label).toEqual({ id: label.node_id, name: "sub-issue" });
    // A query is a read: logged as GraphQL, not content-creating, with GraphQL's own rate-limit resource.
    expect(s.requests.at(-2)).toMatchObject({
      operationId: "graphql",
      contentCreating: false,
      graphql: { operationType: "query", fields: ["repository"], ok: true },
    });
  });

  it("cannot give an issue id past 2^31 as the 32-bit databaseId, only as fullDatabaseId", async () => {
    const s = await start();
    const issue = s.seedIssue({ title: "Big id", user: "maintainer-1" });
    expect(issue.id).toBeGreaterThan(2 ** 31);
    const answer = await post(s, {
      query: `query { repository(owner: "${s.owner}", name: "${s.repo}") {
        a: issue(number: ${issue.number}) { databaseId }
        b: issue(number: ${issue.number}) { fullDatabaseId } } }`,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.errors?.[0]?.message).toMatch(/^Int cannot represent non 32-bit signed integer value/);
    expect((answer.body.data?.repository as Record<string, unknown>).b).toEqual({
      fullDatabaseId: String(issue.id),
    });
  });

  it("creates an issue linked under its parent in one content-creating request", async () => {
    const s = await start();
    await plainClient(s).rest.issues.createLabel({ owner: s.owner, repo: s.repo, name: "sub-issue" });
    const parent = s.seedIssue({ title: "Master", user: "maintainer-1" });
    const { id: repositoryId, label } = await repositoryIds(s);
    const { repository } = await plainClient(s).graphql<{ repository: { issue: { id: string } } }>(
      `query($owner: String!, $name: String!, $n: Int!) { repository(owner: $owner, name: $name) { issue(number: $n) { id } } }`,
      { owner: s.owner, name: s.repo, n: parent.number },
    );
    s.reset();
    const created = await plainClient(s).graphql<Created>(CREATE, {
      input: {
        repositoryId,
        title: "Task 1",
        body: "<!-- marker -->",
        labelIds: [label?.id],
        parentIssueId: repository.issue.id,
      },
    });
    const issue = created.createIssue.issue;
    // GraphQL names an app without REST's "[bot]" suffix.
    expect(issue).toMatchObject({
      number: parent.number + 1,
      title: "Task 1",
      body: "<!-- marker -->",
      author: { login: "github-actions" },
      parent: { number: parent.number },
      labels: { nodes: [{ name: "sub-issue" }] },
    });
    expect(s.state.issues.get(issue.number)).toMatchObject({
      user: "github-actions[bot]",
      id: Number(issue.fullDatabaseId),
    });
    expect(s.state.subIssues.get(parent.number)).toEqual([issue.number]);
    expect(s.countRequests({ contentCreating: true })).toBe(1);
    expect(s.countRequests(createdIssue)).toBe(1);
    expect(s.requests[0]?.graphql).toEqual({ operationType: "mutation", fields: ["createIssue"], ok: true });
    // The REST view agrees: same numbering, linked, listed under the parent.
    const { data: children } = await plainClient(s).rest.issues.listSubIssues({
      owner: s.owner,
      repo: s.repo,
      issue_number: parent.number,
    });
    expect(children.map((c) => c.number)).toEqual([issue.number]);
    expect(children[0]?.user?.login).toBe("github-actions[bot]");
  });

  it("rejects an invalid query by schema validation, with GitHub's wording, and records it", async () => {
    const s = await start();
    const answer = await post(s, {
      query: `query { repository(owner: "octo-org", name: "octo-repo") { id issueCount } }`,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors).toMatchObject([
      {
        message: "Field 'issueCount' doesn't exist on type 'Repository'",
        extensions: { code: "undefinedField", typeName: "Repository", fieldName: "issueCount" },
      },
    ]);
    const syntax = await post(s, { query: "query { repository(" });
    expect(syntax.body.errors?.[0]?.message).toMatch(/^Parse error on /);
    const unknownInput = await post(s, {
      query: `mutation { createIssue(input: {repositoryId: "x", title: "t", colour: "red"}) { issue { id } } }`,
    });
    expect(unknownInput.body.errors?.[0]?.message).toBe(
      "InputObject 'CreateIssueInput' doesn't accept argument 'colour'",
    );
    expect(s.violations.map((v) => v.direction)).toEqual(["request", "request", "request"]);
    s.violations.length = 0;
    // Invalid documents create nothing and are not content-creating when they are not mutations.
    expect(s.state.issues.size).toBe(0);
  });

  it("answers unknown node ids and labels like GitHub, creating nothing", async () => {
    const s = await start();
    const parent = s.seedIssue({ title: "Master" });
    const { id: repositoryId } = await repositoryIds(s);
    const bogus = "I_kwDOnotanissue";
    const badParent = await post(s, {
      query: CREATE,
      variables: { input: { repositoryId, title: "t", parentIssueId: bogus } },
    });
    expect(badParent.body.errors).toMatchObject([
      { type: "NOT_FOUND", message: `Could not resolve to a node with the global id of '${bogus}'` },
    ]);
    const badLabel = await post(s, {
      query: CREATE,
      variables: { input: { repositoryId, title: "t", labelIds: ["LA_kwDOc3RhbmRpbjo5OTk"] } },
    });
    expect(badLabel.body.errors?.[0]).toMatchObject({ type: "NOT_FOUND" });
    expect(badLabel.body.errors?.[0]?.message).toContain("Could not resolve to a node with the global id of");
    expect(s.state.issues.size).toBe(1);
    expect(s.state.subIssues.get(parent.number)).toBeUndefined();
    const missingRepo = await post(s, { query: `query { repository(owner: "a", name: "b") { id } }` });
    expect(missingRepo.body).toMatchObject({
      data: { repository: null },
      errors: [{ type: "NOT_FOUND", message: "Could not resolve to a Repository with the name 'a/b'." }],
    });
  });

  it("enforces 100 sub-issues per parent atomically: the 101st issue is not created", async () => {
    const s = await start();
    const parent = s.seedIssue({ title: "Master" });
    const { id: repositoryId } = await repositoryIds(s);
    const parentIssueId = await plainClient(s)
      .rest.issues.get({ owner: s.owner, repo: s.repo, issue_number: parent.number })
      .then((r) => r.data.node_id);
    for (let i = 0; i < 100; i++) {
      const child = s.seedIssue({ title: `child ${i}` });
      s.state.subIssues.set(parent.number, [...(s.state.subIssues.get(parent.number) ?? []), child.number]);
      s.state.parentOf.set(child.number, parent.number);
    }
    const before = s.state.issues.size;
    const refused = await post(s, {
      query: CREATE,
      variables: { input: { repositoryId, title: "t", parentIssueId } },
    });
    expect(refused.body.errors).toMatchObject([
      { type: "UNPROCESSABLE", message: "Parent issue cannot have more than 100 sub-issues" },
    ]);
    expect(s.state.issues.size).toBe(before);
  });

  it("requires authentication, counts mutations against the secondary limit, and can fail on purpose", async () => {
    const s = await start({ secondaryLimits: { perMinute: 1, perHour: 100 } });
    expect((await post(s, { query: "query { viewer { login } }" }, null)).status).toBe(401);
    expect((await post(s, { query: "query { viewer { login } }" }, "ghp_wrong")).status).toBe(401);
    const { id: repositoryId } = await repositoryIds(s);
    await plainClient(s).graphql(CREATE, { input: { repositoryId, title: "one" } });
    const refused = await failure(plainClient(s).graphql(CREATE, { input: { repositoryId, title: "two" } }));
    expect(refused.status).toBe(403);
    expect(refused.message).toContain("secondary rate limit");
    expect(s.countRequests({ refused: true })).toBe(1);

    // Fault injection targets one mutation by its body; the retry plugin gets past a 502.
    const t = await start();
    await s.close();
    const events: string[] = [];
    const { id } = await repositoryIds(t);
    t.injectFault({
      method: "POST",
      path: /^\/graphql$/,
      requestBody: /"title":"two"/,
      times: 1,
      status: 502,
    });
    const client = resilientClient(t, events);
    await client.graphql(CREATE, { input: { repositoryId: id, title: "one" } });
    await client.graphql(CREATE, { input: { repositoryId: id, title: "two" } });
    expect(t.countRequests((r) => r.fault)).toBe(1);
    expect(t.countRequests(createdIssue)).toBe(2);
    expect([...t.state.issues.values()].map((i) => i.title)).toEqual(["one", "two"]);
  });

  it("emulates a server without CreateIssueInput.parentIssueId, without calling it a violation", async () => {
    const s = await start({ graphqlWithoutParentIssueId: true });
    const parent = s.seedIssue({ title: "Master" });
    const { id: repositoryId } = await repositoryIds(s);
    const { data } = await plainClient(s).rest.issues.get({
      owner: s.owner,
      repo: s.repo,
      issue_number: parent.number,
    });
    const answer = await post(s, {
      query: CREATE,
      variables: { input: { repositoryId, title: "t", parentIssueId: data.node_id } },
    });
    expect(answer.body.errors?.[0]?.message).toBe(
      "Variable $input of type CreateIssueInput! was provided invalid value for parentIssueId (Field is not defined on CreateIssueInput)",
    );
    const literal = await post(s, {
      query: `mutation { createIssue(input: {repositoryId: "${repositoryId}", title: "t", parentIssueId: "${data.node_id}"}) { issue { id } } }`,
    });
    expect(literal.body.errors?.[0]?.message).toBe(
      "InputObject 'CreateIssueInput' doesn't accept argument 'parentIssueId'",
    );
    expect(s.state.issues.size).toBe(1);
    // Without the parent, creation works on that server too.
    const created = await plainClient(s).graphql<Created>(CREATE.replace(" parent { number }", ""), {
      input: { repositoryId, title: "plain" },
    });
    expect(created.createIssue.issue.number).toBe(parent.number + 1);
  });
});
