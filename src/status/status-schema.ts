import { z } from "zod";

/**
 * The status document one agent job writes and the aggregate job reads: one versioned JSON file per
 * task and run attempt, uploaded as the artifact `status-<master>-<task>-<attempt>`.
 *
 * Version 2.0. Field names of the original system's v1.0 schema are kept where they fit (`agent_id`,
 * `sub_issue`, `status`, `start_time`, `last_update`, `completion_time`, `branch_name`, `pr_number`,
 * `error` as `"TYPE: message"`, `metadata`); the rest is what users need to see why a run ended.
 * Each field's `.describe()` text is its reference documentation: `STATUS_FIELDS_DOC` renders them as
 * the README's table. Unknown fields are ignored on read so a newer writer does not break an older reader.
 */
export const TASK_STATUS_SCHEMA_VERSION = "2.0";

/** Task ids: ASCII letters and digits in hyphen-separated groups (the plan numbers them "1", "2", …). */
export const TASK_ID_PATTERN = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;

/** Caps that keep one status document small enough to read at a glance and to aggregate by the hundred. */
export const STATUS_LIMITS = {
  filesChanged: 300,
  finalMessageChars: 4_000,
  logExcerptChars: 8_192,
  reasonChars: 1_000,
  errorChars: 1_000,
  deniedTools: 10,
  deniedToolChars: 120,
} as const;

export const OUTCOMES = [
  "success",
  "no_changes",
  "agent_error",
  "timeout",
  "hung",
  "cancelled",
  "limit",
  "push_failed",
  "refused",
  "pr_failed",
  "api_error",
  "crashed",
] as const;
/** Why a run ended, finer than `status`. */
export type Outcome = (typeof OUTCOMES)[number];

export const ERROR_TYPES = [
  "TIMEOUT",
  "HUNG",
  "AGENT_ERROR",
  "NO_CHANGES",
  "PUSH_FAILED",
  "SECRET_IN_CHANGES",
  "PROTECTED_PATH",
  "UNSAFE_FILE",
  "WORK_LIMIT",
  "ISOLATION_UNAVAILABLE",
  "PR_FAILED",
  "API_ERROR",
  "LIMIT_EXCEEDED",
  "CANCELLED",
  "CRASHED",
  "INSTALL_FAILED",
  "VALIDATION_ERROR",
  "UNKNOWN",
] as const;
/** The `TYPE` of a v1-style `"TYPE: message"` error. */
export type ErrorType = (typeof ERROR_TYPES)[number];

const isoUtc = z.iso.datetime({ offset: false });
const count = z.number().int().nonnegative();
const taskId = z
  .string()
  .max(40)
  .regex(TASK_ID_PATTERN, "must be letters and digits separated by single hyphens");

const tokensSchema = z.object({
  input: count.describe("Input tokens, not counting cache reads."),
  output: count.describe("Output tokens."),
  cache_read: count.describe("Input tokens served from the prompt cache."),
  cache_write: count.describe(
    "Input tokens written to the prompt cache (0 when the agent does not report it).",
  ),
});
/** Token usage as the agent reported it. */
export type Tokens = z.infer<typeof tokensSchema>;

export const taskStatusSchema = z
  .object({
    schema_version: z.literal(TASK_STATUS_SCHEMA_VERSION).describe('Document version, `"2.0"`.'),
    agent_id: z.string().describe('`"agent-<task_id>"`, as in v1.0.'),
    task_id: taskId.describe('The task\'s id in the plan, e.g. `"3"`.'),
    master_issue: z.number().int().positive().describe("Number of the master issue."),
    sub_issue: z
      .number()
      .int()
      .positive()
      .nullable()
      .describe("Number of the task's sub-issue; null when none was created."),
    status: z
      .enum(["completed", "failed"])
      .describe("`completed` exactly when `outcome` is `success`, else `failed`."),
    outcome: z.enum(OUTCOMES).describe("Why the run ended, finer than `status`."),
    outcome_reason: z
      .string()
      .min(1)
      .max(STATUS_LIMITS.reasonChars)
      .describe("One human sentence explaining `outcome`."),
    error: z
      .string()
      .max(STATUS_LIMITS.errorChars)
      .nullable()
      .describe('v1 format `"ERROR_TYPE: message"`, redacted; null on success.'),
    error_type: z.enum(ERROR_TYPES).nullable().describe("The `ERROR_TYPE` of `error`; null on success."),
    start_time: isoUtc.describe("When the agent job started (ISO-8601 UTC)."),
    last_update: isoUtc.describe("When this document was last written (ISO-8601 UTC)."),
    completion_time: isoUtc.describe("When the run ended (ISO-8601 UTC)."),
    duration_seconds: z
      .number()
      .nonnegative()
      .describe("Wall-clock seconds of the agent process, measured by the action."),
    branch_name: z.string().min(1).describe("The task branch, e.g. `orchestrator/12/3-add-auth`."),
    base_branch: z.string().min(1).describe("The branch the task branch starts from and the PR targets."),
    pr_number: z
      .number()
      .int()
      .positive()
      .nullable()
      .describe("The task's pull request; null when none was opened."),
    pr_url: z.url().nullable().describe("Web address of the pull request; null when none was opened."),
    commits: count.describe("Commits on the branch beyond the base."),
    files_changed: z
      .array(z.string())
      .max(STATUS_LIMITS.filesChanged)
      .describe(`Paths changed on the branch, at most ${STATUS_LIMITS.filesChanged}.`),
    files_changed_truncated: z.boolean().describe("True when more files changed than `files_changed` lists."),
    lines_added: count.describe("Lines added on the branch."),
    lines_removed: count.describe("Lines removed on the branch."),
    agent: z
      .object({
        kind: z.enum(["claude", "codex", "command"]).describe("Which adapter ran the agent."),
        model: z
          .string()
          .nullable()
          .describe("Model used, as reported by the agent or configured; null when unknown."),
        version: z.string().optional().describe("The agent CLI's version, when known."),
      })
      .describe("The agent that ran."),
    exit_code: z
      .number()
      .int()
      .nullable()
      .describe("Exit code of the agent process; null when killed by a signal or never started."),
    signal: z
      .string()
      .nullable()
      .describe("Signal that ended the process (e.g. `SIGTERM` after a timeout); null otherwise."),
    result_subtype: z
      .string()
      .nullable()
      .describe("Claude's result `subtype` (e.g. `error_max_turns`); null for other agents."),
    is_error: z
      .boolean()
      .nullable()
      .describe("Claude's result `is_error`; null when there was no result object."),
    num_turns: count
      .nullable()
      .describe("Turns the agent reported (Claude counts the prompt as one); null when unknown."),
    max_turns: z
      .number()
      .int()
      .positive()
      .nullable()
      .describe("The configured turn limit; null when unlimited."),
    cost_usd: z
      .number()
      .nonnegative()
      .nullable()
      .describe("Cost estimate in USD (Claude's own, or tokens × price for Codex); null when unknown."),
    tokens: tokensSchema.nullable().describe("Token usage; null when the agent did not report it."),
    final_message: z
      .string()
      .max(STATUS_LIMITS.finalMessageChars)
      .nullable()
      .describe(`The agent's last message, redacted, at most ${STATUS_LIMITS.finalMessageChars} characters.`),
    denied_tools: z
      .array(z.string().max(STATUS_LIMITS.deniedToolChars))
      .max(STATUS_LIMITS.deniedTools)
      .default([])
      .describe(
        "Tool uses the agent's permissions refused, e.g. `Bash(npm test)` (Claude's `permission_denials`), redacted, at most 10: widen `allowed-tools` if the task needs them.",
      ),
    log_excerpt: z
      .string()
      .max(STATUS_LIMITS.logExcerptChars)
      .describe("First and last lines of the agent's output, redacted, with a count of the lines left out."),
    run: z
      .object({
        run_id: count.describe("`GITHUB_RUN_ID`."),
        run_attempt: z.number().int().positive().describe("`GITHUB_RUN_ATTEMPT`."),
        job: z.string().describe("`GITHUB_JOB`."),
      })
      .describe("The workflow run that produced this document."),
    metadata: z
      .record(z.string(), z.unknown())
      .describe("Free-form extras (e.g. `timeout_seconds`, `retry_count`)."),
  })
  .superRefine((doc, ctx) => {
    // Cross-field rules, so a reader can trust `status` and `error` without re-deriving them.
    const expectedAgentId = `agent-${doc.task_id}`;
    if (doc.agent_id !== expectedAgentId) {
      ctx.addIssue({ code: "custom", path: ["agent_id"], message: `must be "${expectedAgentId}"` });
    }
    const success = doc.outcome === "success";
    if (doc.status !== (success ? "completed" : "failed")) {
      ctx.addIssue({
        code: "custom",
        path: ["status"],
        message: `must be "${success ? "completed" : "failed"}" when outcome is "${doc.outcome}"`,
      });
    }
    if (success && (doc.error !== null || doc.error_type !== null)) {
      ctx.addIssue({
        code: "custom",
        path: [doc.error !== null ? "error" : "error_type"],
        message: "must be null on success",
      });
    }
    if (!success && doc.error_type === null) {
      ctx.addIssue({
        code: "custom",
        path: ["error_type"],
        message: "is required when the run did not succeed",
      });
    }
    if (doc.error !== null && doc.error_type !== null && !doc.error.startsWith(`${doc.error_type}: `)) {
      ctx.addIssue({ code: "custom", path: ["error"], message: `must start with "${doc.error_type}: "` });
    }
  });

/** One agent's status document, schema 2.0. See `STATUS_FIELDS_DOC` for every field. */
export type TaskStatus = z.infer<typeof taskStatusSchema>;

/** Raised when a status document does not match the schema; the message names the first bad field. */
export class StatusDocumentError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = "StatusDocumentError";
  }
}

/** Validates a parsed JSON value as a status document; throws a StatusDocumentError naming the first bad field. */
export function parseTaskStatus(json: unknown): TaskStatus {
  const parsed = taskStatusSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join(".") : "(document)";
  throw new StatusDocumentError(
    `Invalid status document: field "${field}" ${issue?.message ?? "is invalid"}`,
    field,
  );
}

/**
 * The artifact name of one status document: `status-<master>-<task>-<attempt>`. Artifact names must be
 * unique per run; the attempt keeps a re-run's document apart from the first try's.
 */
export function statusArtifactName(master: number, taskIdValue: string, attempt: number): string {
  if (!Number.isSafeInteger(master) || master <= 0) throw new Error(`Invalid master issue number: ${master}`);
  if (!Number.isSafeInteger(attempt) || attempt <= 0) throw new Error(`Invalid run attempt: ${attempt}`);
  if (taskIdValue.length > 40 || !TASK_ID_PATTERN.test(taskIdValue)) {
    throw new Error(
      `Invalid task id ${JSON.stringify(taskIdValue)}: use letters and digits separated by single hyphens`,
    );
  }
  return `status-${master}-${taskIdValue}-${attempt}`;
}

/** Shortens text to at most `max` characters, marking the cut with an ellipsis. */
export function capText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Caps a changed-files list for the status document and says whether anything was left out. */
export function capFilesChanged(files: readonly string[]): {
  files_changed: string[];
  files_changed_truncated: boolean;
} {
  return {
    files_changed: files.slice(0, STATUS_LIMITS.filesChanged),
    files_changed_truncated: files.length > STATUS_LIMITS.filesChanged,
  };
}
