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
  tasks: z.string().optional(),
  "on-overlap": z.enum(["warn", "fail"], { error: () => 'Input "on-overlap" must be "warn" or "fail"' }),
  "sub-issue-title": z
    .string()
    .refine((t) => t.includes("{title}"), { message: 'Input "sub-issue-title" must contain "{title}"' }),
  "sub-issue-labels": list,
});

/** The modes this build implements, one per job of the orchestration. */
export const MODES = ["plan"] as const;

export const inputsSchema = z.discriminatedUnion("mode", [planSchema], {
  error: (issue) => (issue.code === "invalid_union" ? `Input "mode" must be one of: ${MODES.join(", ")}` : undefined),
});

export type Inputs = z.infer<typeof inputsSchema>;
export type PlanInputs = z.infer<typeof planSchema>;

/** Defaults for inputs that action.yml also declares; kept here so tests and the CLI see the same values. */
export const INPUT_DEFAULTS: Record<string, string> = {
  "dry-run": "false",
  "on-overlap": "warn",
  "sub-issue-title": "[Master #{master}] {title}",
  "sub-issue-labels": "parallel-orchestration,sub-issue",
  "allowed-bots": "",
  "api-write-interval-ms": "1000",
  "branch-prefix": "orchestrator",
};

const ALL_INPUTS = [
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
] as const;

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
  const shown = name === "github-token" ? "(hidden)" : JSON.stringify(raw[name] ?? "");
  if (name === "github-token" && raw[name] === undefined) {
    throw new InputError('Input "github-token" is required: pass ${{ github.token }} or a token with issues: write');
  }
  throw new InputError(`${issue?.message ?? `Input "${name}" is invalid`}; got ${shown}`);
}
