import { z } from "zod";
import type { Task } from "./task.js";

/**
 * The plan document: what the plan job validated, handed to every agent job as an artifact. Agents build
 * their prompt from this document, not from the sub-issue as it reads later, so an edit made to an issue
 * after planning cannot smuggle instructions into an agent.
 */
export const PLAN_SCHEMA_VERSION = "1";

export const plannedTaskSchema = z.object({
  id: z.string().regex(/^\d+$/),
  title: z.string(),
  description: z.string(),
  group: z.string().optional(),
  acceptanceCriteria: z.array(z.string()),
  files: z.array(z.string()),
  dependsOn: z.array(z.string()),
  dependsOnIssues: z.array(z.number().int()),
  /** The task's sub-issue number; null in a dry run, which creates none. */
  subIssue: z.number().int().positive().nullable(),
  /** The branch the agent works on: deterministic, so a re-run reuses it. */
  branch: z.string(),
  /**
   * True when this plan created the sub-issue: no agent has commented on it yet, so the first attempt
   * comments without reading the sub-issue's comments first.
   */
  subIssueCreated: z.boolean().optional(),
});

export const findingSchema = z.object({
  level: z.enum(["error", "warning", "info"]),
  code: z.string(),
  message: z.string(),
  tasks: z.array(z.string()),
});

export const planDocumentSchema = z.object({
  schema_version: z.literal(PLAN_SCHEMA_VERSION),
  master_issue: z.object({ number: z.number().int().positive(), title: z.string(), url: z.string() }),
  /** The master issue's text outside the tasks, given to agents as context. */
  context: z.string(),
  created_at: z.string(),
  dry_run: z.boolean(),
  validation: z.object({ outcome: z.enum(["proceed", "warn", "abort"]), findings: z.array(findingSchema) }),
  /** Every task parsed from the master issue, by id. */
  task_count: z.number().int().nonnegative(),
  /** The tasks selected for this run, in id order. */
  tasks: z.array(plannedTaskSchema),
  run: z.object({ run_id: z.string(), run_attempt: z.number().int().positive() }),
  /** The repository's default branch when the plan ran: agents without a base-branch input use it. */
  default_branch: z.string().optional(),
});

export type PlannedTask = z.infer<typeof plannedTaskSchema>;
export type PlanDocument = z.infer<typeof planDocumentSchema>;

/**
 * A selected task as the plan document carries it, before its sub-issue exists. Unknown dependency
 * numbers stay out: validation has reported them, and agents have no use for them.
 */
export function plannedTaskOf(task: Task, branch: string): PlannedTask {
  const { unknownDependencies: _reported, ...planned } = task;
  return { ...planned, subIssue: null, branch };
}

/** Artifact name of the plan of a run attempt; names must be unique per workflow run. */
export function planArtifactName(master: number, attempt: number): string {
  return `plan-${master}-${attempt}`;
}

/** Parses a plan document, naming the first invalid field. */
export function parsePlanDocument(json: unknown): PlanDocument {
  const parsed = planDocumentSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(
    `Invalid plan document: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`,
  );
}
