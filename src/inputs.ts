import { z } from "zod";

/**
 * The action's inputs, parsed once. Keys are the action.yml input names; `run.ts` reads each with
 * `getInput(name) || undefined` so an empty string means "not set" and the default applies.
 */

/** Reads one raw input by its action.yml name (core.getInput in production, a record lookup in tests). */
export type GetInput = (name: string) => string;

const positiveInt = (name: string) =>
  z
    .string()
    .regex(/^\d+$/, { message: `Input "${name}" must be a positive whole number` })
    .transform(Number)
    .refine((n) => n > 0 && Number.isSafeInteger(n), { message: `Input "${name}" must be greater than 0` });

const bool = (name: string) =>
  z.stringbool({
    error: () => `Input "${name}" must be true or false`,
  });

const list = z.string().transform((s) =>
  s
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0),
);

/** GitHub logins: 1-39 alphanumerics or single hyphens, optionally a "[bot]" suffix for apps. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(\[bot\])?$/;

/** Branch prefixes are ref path components: letters, digits, `-`, `_`, `.` and `/` between components. */
const BRANCH_PREFIX = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*$/;

const common = {
  "github-token": z.string().min(1, { message: 'Input "github-token" is empty: pass ${{ github.token }}' }),
  "master-issue": positiveInt("master-issue").optional(),
  "allowed-bots": list.pipe(
    z.array(z.string().regex(LOGIN, { message: 'Input "allowed-bots" contains an invalid login' })),
  ),
  "bot-login": z
    .string()
    .regex(LOGIN, { message: 'Input "bot-login" must be a GitHub login such as github-actions[bot]' })
    .optional(),
  "api-write-interval-ms": z
    .string()
    .regex(/^\d+$/, { message: 'Input "api-write-interval-ms" must be a whole number of milliseconds' })
    .transform(Number),
  "branch-prefix": z.string().regex(BRANCH_PREFIX, {
    message: 'Input "branch-prefix" must be ref path components such as "orchestrator" or "ai/tasks"',
  }),
};

const planSchema = z.object({
  mode: z.literal("plan"),
  ...common,
  "dry-run": bool("dry-run"),
  retry: bool("retry"),
  tasks: z.string().optional(),
  "on-overlap": z.enum(["warn", "fail"], { error: () => 'Input "on-overlap" must be "warn" or "fail"' }),
  "sub-issue-title": z
    .string()
    .refine((t) => t.includes("{title}"), { message: 'Input "sub-issue-title" must contain "{title}"' }),
  "sub-issue-labels": list,
});

const nonNegativeInt = (name: string) =>
  z
    .string()
    .regex(/^\d+$/, { message: `Input "${name}" must be a whole number` })
    .transform(Number);

/** The plan job's `plan-artifact-id` and `plan-sha256` outputs: which plan document to trust. */
const planPin = {
  "plan-artifact-id": z
    .string({
      error: () =>
        'Input "plan-artifact-id" is required: pass ${{ needs.plan.outputs.plan-artifact-id }} (the plan document this job must use)',
    })
    .regex(/^\d+$/, { message: 'Input "plan-artifact-id" must be an artifact id such as 1234' })
    .transform(Number),
  "plan-sha256": z
    .string({
      error: () => 'Input "plan-sha256" is required: pass ${{ needs.plan.outputs.plan-sha256 }}',
    })
    .regex(/^[0-9a-fA-F]{64}$/, { message: 'Input "plan-sha256" must be a SHA-256 digest of 64 hex digits' })
    .transform((s) => s.toLowerCase()),
};

const agentSchema = z.object({
  mode: z.literal("agent"),
  ...common,
  ...planPin,
  "master-issue": positiveInt("master-issue"),
  task: z
    .string()
    .regex(/^\d+$/, { message: 'Input "task" must be a task id such as 3 (use ${{ matrix.task }})' }),
  agent: z.enum(["claude", "codex", "command"], {
    error: () => 'Input "agent" must be "claude", "codex" or "command"',
  }),
  "agent-command": z.string().optional(),
  "agent-version": z
    .string()
    .regex(/^[0-9A-Za-z.+-]+$/, { message: 'Input "agent-version" must be a version such as 2.1.331' })
    .optional(),
  "agent-args": z.string().optional(),
  "allowed-tools": list.optional(),
  model: z
    .string()
    .regex(/^[A-Za-z0-9._:/@-]+$/, {
      message: 'Input "model" must be a model name such as claude-sonnet-4-5',
    })
    .optional(),
  "max-turns": positiveInt("max-turns").optional(),
  "max-budget-usd": z
    .string()
    .regex(/^\d+(\.\d+)?$/, { message: 'Input "max-budget-usd" must be an amount such as 5 or 2.50' })
    .transform(Number)
    .optional(),
  "timeout-seconds": positiveInt("timeout-seconds"),
  "stall-timeout-seconds": nonNegativeInt("stall-timeout-seconds"),
  "overhead-timeout-seconds": positiveInt("overhead-timeout-seconds"),
  "anthropic-api-key": z.string().optional(),
  "claude-code-oauth-token": z.string().optional(),
  "openai-api-key": z.string().optional(),
  "pass-env": list,
  "base-branch": z.string().optional(),
  "draft-pr": bool("draft-pr"),
  "working-directory": z.string().optional(),
  "prompt-rules": z.string().optional(),
  isolation: z.enum(["user", "none"], {
    error: () => 'Input "isolation" must be "user" or "none"',
  }),
  "egress-firewall": z.enum(["auto", "on", "off"], {
    error: () => 'Input "egress-firewall" must be "auto", "on" or "off"',
  }),
  "allowed-hosts": list,
  "allowed-protected-paths": list,
  "max-changed-files": positiveInt("max-changed-files"),
  "max-change-bytes": positiveInt("max-change-bytes"),
});

const aggregateSchema = z.object({
  mode: z.literal("aggregate"),
  ...common,
  ...planPin,
  "master-issue": positiveInt("master-issue"),
  "success-threshold": z
    .string()
    .regex(/^\d+(\.\d+)?$/, { message: 'Input "success-threshold" must be a percentage from 0 to 100' })
    .transform(Number)
    .refine((n) => n <= 100, { message: 'Input "success-threshold" must be a percentage from 0 to 100' }),
  "create-follow-up-issues": bool("create-follow-up-issues"),
  "follow-up-labels": list,
});

/** The modes this build implements, one per job of the orchestration. */
export const MODES = ["plan", "agent", "aggregate"] as const;

export const inputsSchema = z.discriminatedUnion("mode", [planSchema, agentSchema, aggregateSchema], {
  error: (issue) =>
    issue.code === "invalid_union" ? `Input "mode" must be one of: ${MODES.join(", ")}` : undefined,
});

export type Inputs = z.infer<typeof inputsSchema>;
export type PlanInputs = z.infer<typeof planSchema>;
export type AgentInputs = z.infer<typeof agentSchema>;
export type AggregateInputs = z.infer<typeof aggregateSchema>;

/** Inputs that hold credentials: masked in logs and redacted from everything the action writes. */
export const SECRET_INPUTS = [
  "github-token",
  "anthropic-api-key",
  "claude-code-oauth-token",
  "openai-api-key",
] as const;

/** Defaults for inputs that action.yml also declares; kept here so tests and the CLI see the same values. */
export const INPUT_DEFAULTS: Record<string, string> = {
  "dry-run": "false",
  "on-overlap": "warn",
  "sub-issue-title": "[Master #{master}] {title}",
  "sub-issue-labels": "parallel-orchestration,sub-issue",
  "allowed-bots": "",
  "api-write-interval-ms": "1000",
  "branch-prefix": "orchestrator",
  agent: "claude",
  "timeout-seconds": "1800",
  "stall-timeout-seconds": "600",
  "overhead-timeout-seconds": "600",
  "pass-env": "",
  "draft-pr": "false",
  isolation: "user",
  "egress-firewall": "auto",
  "allowed-hosts": "",
  "allowed-protected-paths": "",
  "max-changed-files": "300",
  "max-change-bytes": "10485760",
  retry: "false",
  "success-threshold": "80",
  "create-follow-up-issues": "true",
  "follow-up-labels": "parallel-orchestration,follow-up",
};

export const ALL_INPUTS = [
  "mode",
  "github-token",
  "master-issue",
  "allowed-bots",
  "bot-login",
  "api-write-interval-ms",
  "branch-prefix",
  "dry-run",
  "tasks",
  "on-overlap",
  "sub-issue-title",
  "sub-issue-labels",
  "task",
  "plan-artifact-id",
  "plan-sha256",
  "agent",
  "agent-command",
  "agent-version",
  "agent-args",
  "allowed-tools",
  "model",
  "max-turns",
  "max-budget-usd",
  "timeout-seconds",
  "stall-timeout-seconds",
  "overhead-timeout-seconds",
  "anthropic-api-key",
  "claude-code-oauth-token",
  "openai-api-key",
  "pass-env",
  "base-branch",
  "draft-pr",
  "working-directory",
  "prompt-rules",
  "isolation",
  "egress-firewall",
  "allowed-hosts",
  "allowed-protected-paths",
  "max-changed-files",
  "max-change-bytes",
  "retry",
  "success-threshold",
  "create-follow-up-issues",
  "follow-up-labels",
] as const;

/** The plan document a job must use, from its `plan-artifact-id` and `plan-sha256` inputs. */
export function planPinOf(inputs: AgentInputs | AggregateInputs): { artifactId: number; sha256: string } {
  return { artifactId: inputs["plan-artifact-id"], sha256: inputs["plan-sha256"] };
}

/** Raised for any invalid input; the message names the input and the value. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

/**
 * Reads and validates every input. Throws an InputError naming the offending input and its value.
 * Secrets are never echoed: the token's value is replaced by a length in messages.
 */
export function readInputs(getInput: GetInput): Inputs {
  const raw: Record<string, string | undefined> = {};
  for (const name of ALL_INPUTS) {
    const value = getInput(name).trim();
    raw[name] = value === "" ? INPUT_DEFAULTS[name] : value;
  }
  if (raw.mode === undefined) throw new InputError(`Input "mode" is required: one of ${MODES.join(", ")}`);
  const parsed = inputsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = String(issue?.path[0] ?? "mode");
  const shown = (SECRET_INPUTS as readonly string[]).includes(name)
    ? "(hidden)"
    : JSON.stringify(raw[name] ?? "");
  if (name === "github-token" && raw[name] === undefined) {
    throw new InputError(
      'Input "github-token" is required: pass ${{ github.token }} or a token with issues: write',
    );
  }
  throw new InputError(`${issue?.message ?? `Input "${name}" is invalid`}; got ${shown}`);
}
