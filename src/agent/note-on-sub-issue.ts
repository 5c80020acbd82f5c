import { hasMarker, isTrustedAuthor } from "../github/markers.js";
import type { AgentInputs } from "../inputs.js";
import { errorMessage } from "../logger.js";
import { resolveTrustedLogin } from "../stage-context.js";
import type { TaskStatus } from "../status/status-schema.js";
import type { AgentDeps } from "./agent.js";
import { subIssueComment } from "./render-agent-report.js";

/** One comment per task on its sub-issue, updated on each attempt; a failure here changes no outcome. */
export async function noteOnSubIssue(
  deps: AgentDeps,
  inputs: AgentInputs,
  status: TaskStatus,
  trustedLogin: Promise<string> | undefined,
  fresh: boolean,
): Promise<void> {
  if (status.sub_issue === null) return;
  try {
    const body = subIssueComment(status);
    if (fresh) {
      await deps.github.createComment(status.sub_issue, body);
      return;
    }
    const marker = { master: status.master_issue, task: status.task_id };
    const [trusted, comments] = await Promise.all([
      trustedLogin
        ?.catch(() => undefined)
        .then((login) => login ?? resolveTrustedLogin(deps.github, inputs["bot-login"])) ??
        resolveTrustedLogin(deps.github, inputs["bot-login"]),
      deps.github.listComments(status.sub_issue),
    ]);
    const ours = comments.find(
      (c) => isTrustedAuthor(c.user, trusted) && hasMarker(c.body, "agent-result", marker),
    );
    if (ours) await deps.github.updateComment(ours.id, body);
    else await deps.github.createComment(status.sub_issue, body);
  } catch (error) {
    deps.log.warning(`Could not comment on sub-issue #${status.sub_issue}: ${errorMessage(error)}`);
  }
}
