/** Test data: schema-valid status documents for unit tests of the stages that read them. */
import { parseTaskStatus, type TaskStatus } from "./status-schema.js";

/** A schema-valid status of task `id`, ran from `start` for `seconds`, with the given figures. */
export function sampleStatus(
  id: string,
  start: string,
  seconds: number,
  extra: Partial<TaskStatus> & { succeeded?: boolean } = {},
): TaskStatus {
  const { succeeded = true, ...fields } = extra;
  const end = new Date(Date.parse(start) + seconds * 1000).toISOString();
  return parseTaskStatus({
    schema_version: "2.0",
    agent_id: `agent-${id}`,
    task_id: id,
    master_issue: 1,
    sub_issue: 100 + Number(id),
    status: succeeded ? "completed" : "failed",
    outcome: succeeded ? "success" : "agent_error",
    outcome_reason: succeeded ? "done" : "The command exited with code 3.",
    error: succeeded ? null : "AGENT_ERROR: exit 3",
    error_type: succeeded ? null : "AGENT_ERROR",
    start_time: start,
    last_update: end,
    completion_time: end,
    duration_seconds: seconds,
    branch_name: `o/1/${id}`,
    base_branch: "main",
    pr_number: succeeded ? 500 + Number(id) : null,
    pr_url: succeeded ? `https://github.com/o/r/pull/${500 + Number(id)}` : null,
    commits: 1,
    files_changed: [],
    files_changed_truncated: false,
    lines_added: 0,
    lines_removed: 0,
    agent: { kind: "claude", model: null },
    exit_code: succeeded ? 0 : 3,
    signal: null,
    result_subtype: null,
    is_error: null,
    num_turns: null,
    max_turns: null,
    cost_usd: null,
    tokens: null,
    final_message: null,
    log_excerpt: "",
    run: { run_id: 9, run_attempt: 1, job: "agent" },
    metadata: {},
    ...fields,
  });
}
