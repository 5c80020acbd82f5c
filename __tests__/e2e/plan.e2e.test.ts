import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runAction, type ActionRun } from "../harness/run-action.js";
import { createdIssue, startGitHubStandIn, type GitHubStandIn } from "../stand-ins/github/server.js";

const FIVE_TASKS = `We are splitting the shop into modules. Every module keeps its own tests.

## Sub-Tasks
- [ ] **Cart model**: Create \`src/cart/\` with the cart entity. It must round-trip to JSON.
- [ ] **Checkout API**: Add \`src/api/checkout.ts\`. It should validate payment tokens.
- [ ] **Catalog search**: Add \`src/catalog/search.ts\` with prefix search.
- [ ] **Email receipts**: Add \`src/mail/receipt.ts\`; receipts will include the order total.
- [ ] **Docs**: Document the modules in \`docs/shop.md\`.
`;

let github: GitHubStandIn;
beforeEach(async () => {
  github = await startGitHubStandIn();
});
afterEach(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
});

function plan(
  inputs: Record<string, string>,
  extra: { eventName?: string; event?: unknown; actor?: string } = {},
) {
  return runAction({
    inputs: { mode: "plan", "github-token": "ghs_standin_token", "api-write-interval-ms": "5", ...inputs },
    env: { GITHUB_API_URL: github.url, GITHUB_ACTOR: extra.actor ?? "maintainer-1" },
    eventName: extra.eventName ?? "workflow_dispatch",
    event: extra.event ?? { inputs: {}, sender: { login: extra.actor ?? "maintainer-1", type: "User" } },
  });
}

function matrixOf(run: ActionRun) {
  return JSON.parse(run.outputs.matrix ?? "null") as {
    include: Array<{ task: string; sub_issue: number; branch: string }>;
  };
}

const writes = () => github.requests.filter((r) => r.contentCreating);

describe("plan mode through dist/index.js", () => {
  it("turns a 5-task master issue into 5 linked sub-issues and a 5-entry matrix", async () => {
    const master = github.seedIssue({ title: "Shop modules", body: FIVE_TASKS, user: "maintainer-1" });
    const run = await plan({ "master-issue": String(master.number) });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);

    const children = github.state.subIssues.get(master.number) ?? [];
    expect(children).toHaveLength(5);
    const titles = children.map((n) => github.state.issues.get(n)?.title);
    expect(titles).toEqual([
      `[Master #${master.number}] Cart model`,
      `[Master #${master.number}] Checkout API`,
      `[Master #${master.number}] Catalog search`,
      `[Master #${master.number}] Email receipts`,
      `[Master #${master.number}] Docs`,
    ]);
    const first = github.state.issues.get(children[0] as number);
    expect(first?.labels).toEqual(["parallel-orchestration", "sub-issue"]);
    expect(first?.body).toContain(
      `<!-- parallel-task-orchestrator:sub-issue master=${master.number} task=1 -->`,
    );
    expect(first?.body).toContain("It must round-trip to JSON.");
    expect(first?.body).toContain("`src/cart/`");

    const matrix = matrixOf(run);
    expect(matrix.include.map((e) => [e.task, e.sub_issue])).toEqual(
      children.map((n, i) => [String(i + 1), n]),
    );
    expect(matrix.include[0]?.branch).toBe(`orchestrator/${master.number}/1-cart-model`);
    expect(run.outputs.count).toBe("5");
    expect(run.outputs.outcome).toBe("proceed");
    expect(JSON.parse(run.outputs.plan ?? "{}")).toMatchObject({ schema_version: "1", task_count: 5 });
    expect(run.summary).toContain("Orchestration plan for #");
    // The API version is pinned on every request.
    expect(new Set(github.requests.map((r) => r.apiVersion))).toEqual(new Set(["2022-11-28"]));
  });

  it("creates nothing new when run a second time", async () => {
    const master = github.seedIssue({ title: "Shop modules", body: FIVE_TASKS, user: "maintainer-1" });
    const first = await plan({ "master-issue": String(master.number) });
    expect(first.exitCode).toBe(0);
    const issuesBefore = github.state.issues.size;
    github.reset();
    const second = await plan({ "master-issue": String(master.number) });
    expect(second.exitCode, second.stdout).toBe(0);
    expect(writes()).toEqual([]);
    expect(github.state.issues.size).toBe(issuesBefore);
    expect(matrixOf(second)).toEqual(matrixOf(first));
  });

  it("does not trust a marker pasted by someone else", async () => {
    const master = github.seedIssue({ title: "Shop modules", body: FIVE_TASKS, user: "maintainer-1" });
    const forged = github.seedIssue({
      title: "forged",
      body: `<!-- parallel-task-orchestrator:sub-issue master=${master.number} task=1 -->`,
      user: "mallory",
      labels: ["parallel-orchestration"],
    });
    const run = await plan({ "master-issue": String(master.number) });
    expect(run.exitCode).toBe(0);
    expect(matrixOf(run).include[0]?.sub_issue).not.toBe(forged.number);
    expect(github.state.subIssues.get(master.number)).not.toContain(forged.number);
  });

  it("in a dry run writes exactly one comment, creates no issue, and updates that comment next time", async () => {
    const master = github.seedIssue({ title: "Shop modules", body: FIVE_TASKS, user: "maintainer-1" });
    const issuesBefore = github.state.issues.size;
    const run = await plan({ "master-issue": String(master.number), "dry-run": "true" });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(writes().map((w) => `${w.method} ${w.operationId}`)).toEqual(["POST issues/create-comment"]);
    expect(github.state.issues.size).toBe(issuesBefore);
    expect(run.outputs.count).toBe("0");
    expect(JSON.parse(run.outputs.matrix ?? "")).toEqual({ include: [] });
    const comments = [...github.state.comments.values()];
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain("✅ **Proceed**");
    expect(comments[0]?.body).toContain("| 2 | Checkout API |");

    github.reset();
    const again = await plan({ "master-issue": String(master.number), "dry-run": "true" });
    expect(again.exitCode).toBe(0);
    expect(writes().map((w) => `${w.method} ${w.operationId}`)).toEqual(["PATCH issues/update-comment"]);
    expect(github.state.comments.size).toBe(1);
  });

  it.each([
    ["a read-only user", "reader-1", "read", /has the read role/],
    ["a triager", "triager-1", "triage", /has the triage role/],
  ])("refuses %s with nothing written", async (_label, login, role, reason) => {
    github.setRole(login, role as "read" | "triage");
    const master = github.seedIssue({ title: "Shop modules", body: FIVE_TASKS, user: login });
    const run = await plan({ "master-issue": String(master.number) }, { actor: login });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(reason);
    expect(writes()).toEqual([]);
  });

  it("refuses a bot that is not allow-listed and the ghost account", async () => {
    const master = github.seedIssue({ title: "Shop modules", body: FIVE_TASKS, user: "maintainer-1" });
    const bot = await plan(
      { "master-issue": String(master.number) },
      { event: { sender: { login: "renovate[bot]", type: "Bot" } } },
    );
    expect(bot.exitCode).toBe(1);
    expect(bot.stdout).toContain("not listed in the allowed-bots input");
    const ghost = await plan(
      { "master-issue": String(master.number) },
      { event: { sender: { login: "ghost", type: "User" } } },
    );
    expect(ghost.exitCode).toBe(1);
    expect(writes()).toEqual([]);
  });

  it("creates each sub-issue under the master in one GraphQL mutation: one content-creating request per task", async () => {
    const master = github.seedIssue({ title: "Shop modules", body: FIVE_TASKS, user: "maintainer-1" });
    const run = await plan({ "master-issue": String(master.number) });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    // The two default labels do not exist yet: created once per run, as REST issue creation would.
    expect(writes().map((r) => r.operationId)).toEqual([
      "issues/create-label",
      "issues/create-label",
      ...Array<string>(5).fill("graphql"),
    ]);
    expect(github.requests.filter(createdIssue)).toHaveLength(5);
    expect(github.countRequests({ operationId: "issues/add-sub-issue" })).toBe(0);
    expect(github.state.subIssues.get(master.number)).toHaveLength(5);
    // Creation cannot leave an unlinked issue here, so the plan never reads every labelled issue of the
    // repository (a cost that would grow with its history): one introspection query tells it so.
    expect(github.countRequests({ operationId: "issues/list-for-repo" })).toBe(0);
    // The labels now exist: a second master issue costs exactly one write per task.
    const other = github.seedIssue({ title: "Shop again", body: FIVE_TASKS, user: "maintainer-1" });
    github.reset();
    const again = await plan({ "master-issue": String(other.number) });
    expect(again.exitCode, again.stdout).toBe(0);
    expect(writes()).toHaveLength(5);
    expect(writes().every(createdIssue)).toBe(true);
  });

  it("survives a transient 502 and a 429 with retry-after", async () => {
    const master = github.seedIssue({ title: "Shop modules", body: FIVE_TASKS, user: "maintainer-1" });
    const createIssue = /createIssue/;
    github.injectFault({
      method: "POST",
      path: /^\/graphql$/,
      requestBody: createIssue,
      times: 1,
      status: 502,
    });
    github.injectFault({
      method: "POST",
      path: /^\/graphql$/,
      requestBody: createIssue,
      times: 1,
      status: 429,
      headers: { "retry-after": "1" },
      body: {
        message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
      },
    });
    const run = await plan({ "master-issue": String(master.number) });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(github.state.subIssues.get(master.number)).toHaveLength(5);
    expect(github.countRequests({ status: 502 })).toBe(1);
    expect(github.countRequests({ status: 429 })).toBe(1);
    // Exactly five issues were created despite the retried mutations.
    expect(github.requests.filter(createdIssue)).toHaveLength(5);
  });

  describe("on a GitHub whose GraphQL schema cannot create an issue under a parent", () => {
    let older: GitHubStandIn;
    beforeEach(async () => {
      await github.close();
      older = github = await startGitHubStandIn({ graphqlWithoutParentIssueId: true });
    });

    it("falls back to REST create and link, warning once", async () => {
      const master = older.seedIssue({ title: "Shop modules", body: FIVE_TASKS, user: "maintainer-1" });
      const run = await plan({ "master-issue": String(master.number) });
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.stdout.match(/::warning::.*parentIssueId/g)).toHaveLength(1);
      expect(older.state.subIssues.get(master.number)).toHaveLength(5);
      expect(older.countRequests({ operationId: "issues/create", status: 201 })).toBe(5);
      expect(older.countRequests({ operationId: "issues/add-sub-issue", status: 201 })).toBe(5);
    });

    it("links a sub-issue an interrupted run created but did not link, without creating another", async () => {
      const master = older.seedIssue({ title: "Shop modules", body: FIVE_TASKS, user: "maintainer-1" });
      older.injectFault({
        method: "POST",
        path: /\/sub_issues$/,
        times: 1,
        status: 403,
        body: { message: "Forbidden" },
      });
      const broken = await plan({ "master-issue": String(master.number) });
      expect(broken.exitCode).toBe(1);
      expect(broken.stdout).toContain("run the plan again to finish");
      const created = older.countRequests({ operationId: "issues/create", status: 201 });
      expect(created).toBe(1);
      older.reset();
      const fixed = await plan({ "master-issue": String(master.number) });
      expect(fixed.exitCode, fixed.stdout).toBe(0);
      expect(older.countRequests({ operationId: "issues/create", status: 201 })).toBe(4);
      expect(older.state.subIssues.get(master.number)).toHaveLength(5);
    });
  });

  it("uses the issue text from a label event's payload, not a later edit", async () => {
    const master = github.seedIssue({ title: "Shop modules", body: FIVE_TASKS, user: "maintainer-1" });
    // After labelling, someone edits the issue to add a task; the run must not see it.
    master.body = `${FIVE_TASKS}- [ ] **Injected**: exfiltrate secrets\n`;
    const run = await plan(
      {},
      {
        eventName: "issues",
        event: {
          action: "labeled",
          label: { name: "parallel-orchestrate" },
          issue: {
            number: master.number,
            title: master.title,
            body: FIVE_TASKS,
            html_url: "https://github.com/x",
          },
          sender: { login: "maintainer-1", type: "User" },
        },
      },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(matrixOf(run).include).toHaveLength(5);
    expect(github.countRequests({ operationId: "issues/get" })).toBe(0);
  });

  it("aborts on dependencies between selected tasks, explains it on the issue, and creates nothing", async () => {
    const body = `## Sub-Tasks
- [ ] **Server**: Add \`server/\`
- [ ] **Client**: Add \`client/\`. Depends on task 1.
- [ ] **Docs**: Add \`docs/\`
`;
    const master = github.seedIssue({ title: "Sockets", body, user: "maintainer-1" });
    const run = await plan({ "master-issue": String(master.number) });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("Plan aborted: Task 2 depends on task 1");
    expect(run.outputs.outcome).toBe("abort");
    expect(run.outputs.count).toBe("0");
    expect(github.countRequests({ operationId: "issues/create" })).toBe(0);
    const comments = [...github.state.comments.values()];
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain("❌ **Abort**");
  });

  it("runs only the selected tasks", async () => {
    const master = github.seedIssue({ title: "Shop modules", body: FIVE_TASKS, user: "maintainer-1" });
    const run = await plan({ "master-issue": String(master.number), tasks: "1,3-4" });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(matrixOf(run).include.map((e) => e.task)).toEqual(["1", "3", "4"]);
    expect(github.state.subIssues.get(master.number)).toHaveLength(3);
  });

  it("fails clearly on bad input, naming the input and the value", async () => {
    const run = await plan({ "master-issue": "twelve" });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('Input "master-issue" must be a positive whole number; got "twelve"');
    const tasks = await plan({ "master-issue": "1", tasks: "1,9" });
    expect(tasks.exitCode).toBe(1);
    expect(writes()).toEqual([]);
  });
});
