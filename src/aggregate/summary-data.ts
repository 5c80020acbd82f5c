import { deflateRawSync, inflateRawSync } from "node:zlib";
import { z } from "zod";

/**
 * Machine-readable state the aggregator embeds in its summary comment, so a later `retry: true` run
 * knows exactly which tasks succeeded without guessing from prose. Read only from the comment our own
 * account wrote (see markers.ts); validated with a schema because even our comment can be edited by a
 * repository admin.
 */
const taskStateSchema = z.object({
  /** The task title, cut to 80 characters, for rows of tasks carried over from earlier runs. */
  title: z.string(),
  succeeded: z.boolean(),
  outcome: z.string(),
  sub_issue: z.number().int().nullable(),
  pr: z.number().int().nullable(),
  follow_up: z.number().int().nullable(),
  /** Totals kept for the combined report of later runs. */
  duration_seconds: z.number().nonnegative(),
  cost_usd: z.number().nonnegative().nullable(),
  lines_added: z.number().int().nonnegative(),
  lines_removed: z.number().int().nonnegative(),
  /**
   * Turns and tokens (input with cache reads, output), null when the agent did not report them. Optional:
   * summaries written before they were recorded must still parse, and then show no turns or tokens.
   */
  num_turns: z.number().int().nonnegative().nullable().optional(),
  tokens: z
    .object({ input: z.number().int().nonnegative(), output: z.number().int().nonnegative() })
    .nullable()
    .optional(),
});

const attemptSchema = z.object({
  run_id: z.string(),
  run_attempt: z.number().int().positive(),
  finished_at: z.string(),
  /** Ids of the tasks this run executed, and of those that succeeded. */
  ran: z.array(z.string()),
  succeeded: z.array(z.string()),
});

export const summaryDataSchema = z.object({
  version: z.literal(1),
  master: z.number().int().positive(),
  attempts: z.array(attemptSchema),
  tasks: z.record(z.string(), taskStateSchema),
});

export type SummaryData = z.infer<typeof summaryDataSchema>;
export type TaskState = z.infer<typeof taskStateSchema>;

const DATA_PATTERN = /<!-- parallel-task-orchestrator-data ([A-Za-z0-9_-]+) -->/;

/**
 * The hidden line carrying the data: deflated (256 tasks must fit beside the report in one comment) and
 * base64url-encoded, so nothing in it can end the HTML comment.
 */
export function renderSummaryData(data: SummaryData): string {
  return `<!-- parallel-task-orchestrator-data ${deflateRawSync(JSON.stringify(data)).toString("base64url")} -->`;
}

/** The data in a summary comment body, or undefined when absent or not valid. */
export function readSummaryData(body: string, master: number): SummaryData | undefined {
  const match = DATA_PATTERN.exec(body);
  if (!match) return undefined;
  try {
    const parsed = summaryDataSchema.safeParse(
      JSON.parse(
        inflateRawSync(Buffer.from(match[1] as string, "base64url"), { maxOutputLength: 4_000_000 }).toString(
          "utf8",
        ),
      ),
    );
    return parsed.success && parsed.data.master === master ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
