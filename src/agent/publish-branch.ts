import { isStatus } from "../github/create-github-client.js";
import type { PullRequest } from "../github/github-client.js";
import type { AgentInputs } from "../inputs.js";
import { errorMessage } from "../logger.js";
import type { PlannedTask } from "../plan/plan-schema.js";
import { checkedWork } from "./check-work.js";
import type { TaskRepository, TaskStart } from "./task-repository.js";
import type { AgentDeps } from "./agent.js";
import { buildStatus, type StatusFacts } from "./build-status.js";
import { pullRequestBody, pullRequestTitle } from "./render-agent-report.js";
import { OutcomeError } from "./time-budget.js";

/**
 * Publishing a task's work: commit what the agent left, push the task branch (nothing pushed when a
 * credential is in the commits) and open or reuse its pull request. Failures end the run as OutcomeError.
 */
export async function publish(
  deps: AgentDeps,
  inputs: AgentInputs,
  facts: StatusFacts,
  task: PlannedTask,
  work: { repo: TaskRepository; workTree: string; start: TaskStart },
) {
  const { github, log } = deps;
  const { repo, start } = work;
  if (deps.cancel.aborted) return;
  // 4. What the agent left, as file contents, even after a failure: the branch preserves partial work.
  const limits = {
    maxFiles: inputs["max-changed-files"],
    maxBytes: inputs["max-change-bytes"],
  };
  const message = `Task ${task.id}: ${task.title.slice(0, 60).replace(/\s+/g, " ")}\n\nChanges left by the ${inputs.agent} agent.`;
  const captured = await repo.capture(work.workTree, start.startSha, limits);
  const document = checkedWork(captured, facts, start.startSha, inputs, deps.secrets, message);
  let head = start.startSha;
  if (document.files.length > 0) head = (await repo.commit(document, message, limits)).commitSha;
  facts.changes = await repo.changesSince(start.baseSha, head);
  // A reused branch counts earlier attempts' commits too: this attempt changed something only if HEAD moved.
  facts.attemptChanged = head !== start.startSha;
  if (!facts.attemptChanged) {
    if (facts.changes.commits === 0) return;
  } else {
    const pushed = await repo.push(head, task.branch, start.remoteSha);
    if (pushed.exitCode !== 0) {
      throw new OutcomeError({
        outcome: "push_failed",
        errorType: "PUSH_FAILED",
        reason: `Pushing ${task.branch} was rejected (the branch may have moved since this job started): ${deps.redact(pushed.stderr.trim().split("\n").slice(-2).join(" "))}`,
      });
    }
    log.info(`Pushed ${task.branch}: ${document.files.length} changed file(s) in one commit`);
  }
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
