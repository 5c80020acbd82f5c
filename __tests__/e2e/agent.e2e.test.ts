import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { git, raceNextPush } from "../harness/git-fixture.js";
import { createWorld, SCRIPTED_AGENT, type StepOptions, type World } from "../harness/world.js";
import { PAT_TOKEN, plainClient } from "../stand-ins/github/test-helpers.js";

const MASTER_BODY = `The shop, split in three.

## Sub-Tasks
- [ ] **Cart model**: Create \`tasks/\` notes for the cart. It must be documented.
- [ ] **Checkout API**: Add \`src/api/checkout.ts\`.
- [ ] **Docs**: Write \`docs/shop.md\`.
`;

const CANARY = "canary-7f3a9c1e2b4d5a6f";

let world: World;
let master: number;

beforeEach(async () => {
  world = await createWorld();
  master = world.github.seedIssue({ title: "Shop", body: MASTER_BODY, user: "maintainer-1" }).number;
  const plan = await world.step("plan", { mode: "plan", "master-issue": String(master) });
  expect(plan.exitCode, plan.stdout).toBe(0);
});

afterEach(async () => {
  expect(world.github.violations).toEqual([]);
  await world.close();
});

function agentStep(
  task: string,
  behaviour: string,
  extra: Record<string, string> = {},
  attempt = 1,
  options: StepOptions = {},
) {
  const checkout = world.origin.clone();
  return {
    checkout,
    run: world.step(
      `agent-${task}`,
      {
        mode: "agent",
        "master-issue": String(master),
        task,
        agent: "command",
        "agent-command": `node ${SCRIPTED_AGENT} ${behaviour}`,
        "anthropic-api-key": `sk-ant-${CANARY}`,
        ...extra,
      },
      {
        ...options,
        cwd: checkout,
        attempt,
        env: { GITHUB_WORKSPACE: checkout, MY_DEPLOY_TOKEN: `dt-${CANARY}` },
      },
    ),
  };
}

function statusOf(task: string, attempt = 1) {
  const record = world.artifacts.artifacts.find((a) => a.name === `status-${master}-${task}-${attempt}.json`);
  expect(record, `status artifact of task ${task}`).toBeDefined();
  return JSON.parse(record?.content.toString("utf8") ?? "{}") as Record<string, unknown>;
}

function subIssueOf(task: number) {
  return (world.github.state.subIssues.get(master) ?? [])[task - 1] as number;
}

/** Resolves with the branch's commit once it is on origin; polls, as a watcher of the repository would. */
async function pushedSha(branch: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return git(world.origin.origin, "rev-parse", "--verify", "--quiet", `refs/heads/${branch}`);
    } catch {
      if (Date.now() > deadline) throw new Error(`${branch} was never pushed to origin`);
      await new Promise((wait) => setTimeout(wait, 25));
    }
  }
}

describe("agent mode through dist/index.js", () => {
  it("commits the agent's work, pushes the task branch, opens one PR closing the sub-issue, records success", async () => {
    world.github.reset();
    const { run } = agentStep("1", "write");
    const result = await run;
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);

    const branch = `orchestrator/${master}/1-cart-model`;
    expect(git(world.origin.origin, "show", `${branch}:tasks/task-1.md`)).toContain(
      "Done by the scripted agent",
    );
    const pulls = [...world.github.state.pulls.values()];
    expect(pulls).toHaveLength(1);
    expect(pulls[0]).toMatchObject({ head: branch, base: "main" });
    const prIssue = world.github.state.issues.get(pulls[0]?.number as number);
    expect(prIssue?.title).toBe(`[Master #${master}] Cart model`);
    expect(prIssue?.body).toContain(`Closes #${subIssueOf(1)}`);
    expect(prIssue?.body).toContain(`master issue #${master}`);

    const status = statusOf("1");
    expect(status).toMatchObject({
      schema_version: "2.0",
      status: "completed",
      outcome: "success",
      task_id: "1",
      sub_issue: subIssueOf(1),
      branch_name: branch,
      pr_number: pulls[0]?.number,
      commits: 1,
      files_changed: ["tasks/task-1.md"],
      lines_added: 3,
      exit_code: 0,
    });
    expect(result.outputs.outcome).toBe("success");
    expect(result.outputs["pr-number"]).toBe(String(pulls[0]?.number));
    const comments = [...world.github.state.comments.values()].filter((c) => c.issueNumber === subIssueOf(1));
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain(`Pull request: #${pulls[0]?.number}`);
    // The plan created the sub-issue and read the default branch: the first attempt reads nothing from
    // GitHub and writes twice (the PR, the sub-issue comment).
    expect(world.github.requests.map((r) => `${r.method} ${r.operationId}`)).toEqual([
      "POST pulls/create",
      "POST issues/create-comment",
    ]);
  });

  it("uploads a cancelled status at once when the job is cancelled before the agent starts", async () => {
    // The plan download stalls (the service holds the listing for 40 s); the runner cancels meanwhile.
    world.artifacts.injectFault({ method: "ListArtifacts", times: 1, status: 200, delayMs: 40_000 });
    const result = await agentStep("1", "write", {}, 1, {
      signalWhen: { stdout: /Loading the plan/, signal: "SIGINT" },
      timeoutMs: 30_000,
    }).run;
    // Ended by itself well before the stalled listing or the harness's kill at 30 s.
    expect(result.exitCode, result.stdout + result.stderr).toBe(1);
    expect(statusOf("1")).toMatchObject({
      outcome: "cancelled",
      error_type: "CANCELLED",
      outcome_reason: "The job was cancelled before the agent started.",
      pr_number: null,
    });
    expect(world.github.state.pulls.size).toBe(0);
  });

  it("reuses the branch and the pull request when the same task runs again", async () => {
    expect((await agentStep("1", "write").run).exitCode).toBe(0);
    const second = await agentStep("1", "write", {}, 2).run;
    expect(second.exitCode, second.stdout).toBe(0);
    // The second attempt starts from the pushed branch, finds the work there and updates the same PR.
    expect(world.github.state.pulls.size).toBe(1);
    const [pr] = [...world.github.state.pulls.values()];
    expect(statusOf("1", 2)).toMatchObject({ outcome: "success", pr_number: pr?.number, commits: 1 });
    // The second agent wrote the same file again: no new commit, and the status says so.
    expect(statusOf("1", 2).outcome_reason).toContain(
      "It added no commit in this attempt: the branch already held 1 commit from an earlier attempt",
    );
    expect(statusOf("1").outcome_reason).not.toContain("no commit in this attempt");
    expect(world.github.countRequests({ operationId: "pulls/create" })).toBe(1);
    // The second attempt finds its first comment (written by our account) and updates it.
    const comments = [...world.github.state.comments.values()].filter((c) => c.issueNumber === subIssueOf(1));
    expect(comments).toHaveLength(1);
    expect(world.github.countRequests({ operationId: "issues/update-comment" })).toBe(1);
  });

  it("records an agent that exits non-zero as agent_error, uploads the status and fails the step", async () => {
    const result = await agentStep("2", "fail").run;
    expect(result.exitCode).toBe(1);
    expect(statusOf("2")).toMatchObject({
      outcome: "agent_error",
      error_type: "AGENT_ERROR",
      exit_code: 3,
      pr_number: null,
    });
    expect(String(statusOf("2").log_excerpt)).toContain("could not make the tests pass");
    expect(world.github.state.pulls.size).toBe(0);
  });

  it("records an agent that changed nothing as no_changes, not success", async () => {
    const result = await agentStep("2", "nothing").run;
    expect(result.exitCode).toBe(1);
    expect(statusOf("2")).toMatchObject({
      status: "failed",
      outcome: "no_changes",
      error_type: "NO_CHANGES",
      commits: 0,
    });
    expect(world.github.state.pulls.size).toBe(0);
  });

  it("kills a hung agent at the timeout and still uploads a TIMEOUT status", async () => {
    const result = await agentStep("3", "hang", { "timeout-seconds": "2" }).run;
    expect(result.exitCode).toBe(1);
    const status = statusOf("3");
    expect(status).toMatchObject({ outcome: "timeout", error_type: "TIMEOUT", signal: "SIGTERM" });
    expect(status.duration_seconds as number).toBeGreaterThanOrEqual(2);
    expect(status.duration_seconds as number).toBeLessThan(15);
  });

  it("treats an agent that prints nothing for the stall time as hung", async () => {
    const result = await agentStep("3", "silent-hang", {
      "stall-timeout-seconds": "1",
      "timeout-seconds": "60",
    }).run;
    expect(result.exitCode).toBe(1);
    expect(statusOf("3")).toMatchObject({ outcome: "hung", error_type: "HUNG" });
  });

  it("records a rejected push when the branch moved meanwhile, and never overwrites it", async () => {
    raceNextPush(world.origin.origin, "*/2-checkout-api");
    const result = await agentStep("2", "move-branch").run;
    expect(result.exitCode).toBe(1);
    expect(statusOf("2")).toMatchObject({ outcome: "push_failed", error_type: "PUSH_FAILED" });
    const branch = `orchestrator/${master}/2-checkout-api`;
    expect(git(world.origin.origin, "show", `${branch}:intruder.txt`)).toContain("someone else");
  });

  it("opens the pull request as a draft when draft-pr is true, and as ready for review by default", async () => {
    const ready = await agentStep("1", "write").run;
    expect(ready.exitCode, ready.stdout).toBe(0);
    const draft = await agentStep("2", "write", { "draft-pr": "true" }).run;
    expect(draft.exitCode, draft.stdout).toBe(0);

    const byHead = new Map([...world.github.state.pulls.values()].map((p) => [p.head, p]));
    expect(byHead.size).toBe(2);
    expect(byHead.get(`orchestrator/${master}/1-cart-model`)?.draft).toBe(false);
    const drafted = byHead.get(`orchestrator/${master}/2-checkout-api`);
    expect(drafted?.draft).toBe(true);
    // A draft is still the task's pull request: the status points at it and the task succeeded.
    expect(statusOf("2")).toMatchObject({ outcome: "success", pr_number: drafted?.number });
  });

  it("records a refused pull request as pr_failed, keeps the pushed branch, uploads the status and fails the step", async () => {
    // What GitHub answers when the repository does not let GitHub Actions create pull requests: a 403
    // that no retry or wait can fix. More answers than any retry would use, so every create is refused.
    world.github.injectFault({
      method: "POST",
      path: /\/pulls$/,
      times: 10,
      status: 403,
      body: {
        message: "GitHub Actions is not permitted to create or approve pull requests.",
        documentation_url: "https://docs.github.com/rest/pulls/pulls#create-a-pull-request",
      },
    });
    const result = await agentStep("1", "write").run;
    expect(result.exitCode, result.stdout).toBe(1);

    const branch = `orchestrator/${master}/1-cart-model`;
    // The agent's work is on origin even though no pull request could be opened for it.
    expect(git(world.origin.origin, "show", `${branch}:tasks/task-1.md`)).toContain(
      "Done by the scripted agent",
    );
    expect(world.github.countRequests({ operationId: "pulls/create", status: 403 })).toBeGreaterThanOrEqual(
      1,
    );
    expect(world.github.state.pulls.size).toBe(0);

    const status = statusOf("1");
    expect(status).toMatchObject({
      status: "failed",
      outcome: "pr_failed",
      error_type: "PR_FAILED",
      branch_name: branch,
      pr_number: null,
      pr_url: null,
      commits: 1,
      files_changed: ["tasks/task-1.md"],
    });
    // GitHub's reason reaches the status, so the follow-up issue can say what to change.
    expect(String(status.error)).toMatch(/^PR_FAILED: .*not permitted to create or approve pull requests/);
    expect(result.outputs.outcome).toBe("pr_failed");
    expect(result.outputs["pr-number"]).toBe("");
  });

  it("reuses a pull request someone opened for the branch between the push and the create (422 already exists)", async () => {
    const branch = `orchestrator/${master}/1-cart-model`;
    // On GitHub an open pull request's head branch exists, and a branch that exists when the job starts is
    // reused (then the open PR is looked up before any create). The 422 path is reached only when a PR
    // appears after the push, e.g. a maintainer clicking "Compare & pull request" on the pushed branch.
    // The barrier holds the action's create (its body closes the sub-issue) until the test's empty-bodied
    // list request arrives, which the test sends only once its own PR exists: the order is deterministic.
    world.github.injectBarrier({ path: /\/pulls$/, requestBody: /^$|Closes #/, count: 2, timeoutMs: 30_000 });
    const { run } = agentStep("1", "write");
    await Promise.race([
      pushedSha(branch),
      run.then((r) => {
        throw new Error(`the agent step ended before pushing: ${r.stdout}`);
      }),
    ]);
    const maintainer = plainClient(world.github, PAT_TOKEN);
    const { data: theirs } = await maintainer.rest.pulls.create({
      owner: "octo-org",
      repo: "octo-repo",
      head: branch,
      base: "main",
      title: "Cart model, opened by hand",
      body: "Opened from the pushed branch.",
    });
    await maintainer.rest.pulls.list({ owner: "octo-org", repo: "octo-repo" });
    const result = await run;
    expect(result.exitCode, result.stdout).toBe(0);

    // Still one pull request: the maintainer's, now carrying the task's report.
    expect([...world.github.state.pulls.keys()]).toEqual([theirs.number]);
    expect(world.github.state.issues.get(theirs.number)?.body).toContain(`Closes #${subIssueOf(1)}`);
    expect(statusOf("1")).toMatchObject({
      outcome: "success",
      pr_number: theirs.number,
      pr_url: theirs.html_url,
    });
    expect(result.outputs["pr-number"]).toBe(String(theirs.number));
    expect(result.stdout).toContain(`Updated pull request #${theirs.number}`);
    // The action's own pull request requests: the refused create, the lookup, the update.
    const ours = world.github.requests.filter(
      (r) => r.login === "github-actions[bot]" && r.operationId?.startsWith("pulls/"),
    );
    expect(ours.map((r) => `${r.operationId} ${r.status}`)).toEqual([
      "pulls/create 422",
      "pulls/list 200",
      "pulls/update 200",
    ]);
  });

  it("records a timeout and still uploads the status when its own work hangs past the job's time budget", async () => {
    // GitHub never answers the pull request create (held far longer than the budget): the job must not
    // wait for it until the runner's timeout-minutes kills it without a status.
    world.github.injectBarrier({ path: /\/pulls$/, count: 99, timeoutMs: 60_000 });
    const started = Date.now();
    const result = await agentStep("1", "write", {
      "timeout-seconds": "2",
      "overhead-timeout-seconds": "3",
    }).run;
    expect(result.exitCode).toBe(1);
    // Well before the held request would be let through: the job gave up on it and ended.
    expect(Date.now() - started).toBeLessThan(45_000);
    const status = statusOf("1");
    expect(status).toMatchObject({
      status: "failed",
      outcome: "timeout",
      error_type: "TIMEOUT",
      pr_number: null,
    });
    expect(status.outcome_reason).toBe(
      "The job used up its time budget of 5 s (timeout-seconds + overhead-timeout-seconds) while publishing the work; what was still running was abandoned so this status could be uploaded.",
    );
    // The work itself was pushed before the hang, so nothing the agent did is lost.
    expect(git(world.origin.origin, "show", `orchestrator/${master}/1-cart-model:tasks/task-1.md`)).toContain(
      "Task 1",
    );
  });

  it("gives the agent no GitHub or runtime token and leaks no secret anywhere", async () => {
    const { run } = agentStep("1", "env");
    const result = await run;
    expect(result.exitCode, result.stdout).toBe(0);
    const branch = `orchestrator/${master}/1-cart-model`;
    const envNames = git(world.origin.origin, "show", `${branch}:agent-env.txt`).split("\n");
    for (const forbidden of [
      "GITHUB_TOKEN",
      "ACTIONS_RUNTIME_TOKEN",
      "ACTIONS_RESULTS_URL",
      "MY_DEPLOY_TOKEN",
    ]) {
      expect(envNames).not.toContain(forbidden);
    }
    expect(envNames.filter((n) => n.startsWith("INPUT_"))).toEqual([]);
    expect(envNames).toContain("TASK_ID");
    expect(git(world.origin.origin, "show", `${branch}:agent-prompt.md`)).toContain("Cart model");

    // Workflow commands are off while the agent's output is relayed, under a token it cannot know.
    const token = /^::stop-commands::([0-9a-f]{32})$/m.exec(result.stdout)?.[1] ?? "";
    const relayed = result.stdout.slice(result.stdout.indexOf(`::stop-commands::${token}`));
    expect(relayed.indexOf("[agent stdout]")).toBeGreaterThan(0);
    expect(relayed.indexOf(`\n::${token}::\n`)).toBeGreaterThan(relayed.lastIndexOf("[agent stdout]"));

    // The runner consumes ::add-mask:: commands (they register the secret for masking, never printed).
    const log = result.stdout
      .split("\n")
      .filter((line) => !line.startsWith("::add-mask::"))
      .join("\n");
    expect(result.stdout).toContain(`::add-mask::sk-ant-${CANARY}`);
    const everything = [
      log,
      result.stderr,
      result.summary,
      JSON.stringify(result.outputs),
      ...world.artifacts.artifacts.map((a) => a.content.toString("utf8")),
      ...world.github.requests.map((r) => JSON.stringify(r.requestBody ?? "")),
      git(world.origin.origin, "log", "--all", "-p"),
    ].join("\n");
    expect(everything).not.toContain(CANARY);
    expect(everything).not.toContain("ghs_standin_token");
  });
});
