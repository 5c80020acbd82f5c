import { isStatus } from "../github/create-github-client.js";
import type { PullRequest } from "../github/github-client.js";
import type { AgentInputs } from "../inputs.js";
import { errorMessage } from "../logger.js";
import type { PlannedTask } from "../plan/plan-schema.js";
import { secretForms } from "../security/redact-secrets.js";
import type { AgentDeps } from "./agent.js";
import { buildStatus, type StatusFacts } from "./build-status.js";
import { pullRequestBody, pullRequestTitle } from "./render-agent-report.js";
import { OutcomeError } from "./time-budget.js";

/**
 * Publishing a task's work: commit what the agent left, push the task branch (nothing pushed when a
 * credential is in the commits) and open or reuse its pull request. Failures end the run as OutcomeError.
 */
export async function publish(deps: AgentDeps, inputs: AgentInputs, facts: StatusFacts, task: PlannedTask) {
  const { workspace, github, log } = deps;
  if (deps.cancel.aborted) return;
  // 4. Keep whatever the agent left, even after a failure: the branch preserves partial work.
  await workspace.commitAll(
    `Task ${task.id}: ${task.title.slice(0, 60).replace(/\s+/g, " ")}\n\nUncommitted changes left by the ${inputs.agent} agent.`,
  );
  const startSha = String(facts.metadata.remote_sha ?? "");
  const [changes, head] = await Promise.all([
    workspace.changesSince(facts.baseBranch),
    startSha !== "" ? workspace.headSha() : undefined,
  ]);
  facts.changes = changes;
  // A reused branch counts earlier attempts' commits too: this attempt changed something only if HEAD moved.
  facts.attemptChanged = startSha !== "" ? head !== startSha : changes.commits > 0;
  if (changes.commits === 0) return;
  // An agent holds its own API key (and may be talked into writing it down): a credential in any commit
  // would be published by the push, so nothing is pushed then.
  const leaks = await workspace.filesContaining(
    facts.baseBranch,
    facts.changes.shas,
    secretForms(deps.secrets),
  );
  if (leaks.length > 0) {
    const files = [...new Set(leaks.map((l) => l.path))];
    throw new OutcomeError({
      outcome: "push_failed",
      errorType: "SECRET_IN_CHANGES",
      reason: `Nothing was pushed: the agent's commits contain a credential of this job in ${files
        .slice(0, 5)
        .map((f) => `\`${f}\``)
        .join(", ")}${files.length > 5 ? ` and ${files.length - 5} more files` : ""}.`,
    });
  }
  const pushed = await workspace.push(task.branch, String(facts.metadata.remote_sha ?? ""));
  if (pushed.exitCode !== 0) {
    throw new OutcomeError({
      outcome: "push_failed",
      errorType: "PUSH_FAILED",
      reason: `Pushing ${task.branch} was rejected (the branch may have moved since this job started): ${deps.redact(pushed.stderr.trim().split("\n").slice(-2).join(" "))}`,
    });
  }
  log.info(`Pushed ${facts.changes.commits} commit(s) to ${task.branch}`);
  if (facts.agent?.outcome !== "success") return;

  // 5. One pull request per task: reuse the open one on a re-run.
  try {
    const draftStatus = buildStatus(facts, deps.now(), deps.redact);
    const body = pullRequestBody(draftStatus, task);
    const update = async (): Promise<PullRequest | undefined> => {
      const existing = await github.findOpenPullRequest(task.branch);
      return existing && (await github.updatePullRequest(existing.number, { body }));
    };
    // A branch this job created cannot be the head of an open pull request (GitHub closes a PR whose head
    // branch is deleted), so only a reused branch is looked up first; otherwise create, and if GitHub
    // answers that one exists after all (422), find and update it.
    let pr = facts.metadata.branch_reused === true ? await update() : undefined;
    let updated = pr !== undefined;
    if (!pr) {
      try {
        pr = await github.createPullRequest({
          title: pullRequestTitle(facts.master, task),
          body,
          head: task.branch,
          base: facts.baseBranch,
          draft: inputs["draft-pr"],
        });
      } catch (error) {
        if (!isStatus(error, 422) || !/pull request already exists/i.test(errorMessage(error))) throw error;
        pr = await update();
        if (!pr) throw error;
        updated = true;
      }
    }
    facts.pr = { number: pr.number, url: pr.htmlUrl };
    log.info(`${updated ? "Updated" : "Opened"} pull request #${pr.number}`);
  } catch (error) {
    throw new OutcomeError({
      outcome: "pr_failed",
      errorType: "PR_FAILED",
      reason: `The branch was pushed but the pull request could not be opened: ${errorMessage(error)}`,
    });
  }
}
