import type { ProcessResult } from "../../exec/run-process.js";
import type { ErrorType, Outcome, Tokens } from "../../status/status-schema.js";

/** Which coding agent runs a task. */
export type AgentKind = "claude" | "codex" | "command";

/** Model-provider credentials; each adapter puts only its own into the agent's environment. */
export interface AgentCredentials {
  anthropicApiKey?: string;
  claudeCodeOauthToken?: string;
  openaiApiKey?: string;
  codexApiKey?: string;
}

/** Everything an adapter needs to start one agent on one task and to judge its run. */
export interface AgentRunOptions {
  /** The prompt (see build-prompt.ts). */
  prompt: string;
  /** The repository checkout the agent works in, on the task branch. */
  workingDir: string;
  /** The action's own environment; only allow-listed variables reach the agent (build-agent-env.ts). */
  baseEnv: NodeJS.ProcessEnv;
  /** Extra variable names the workflow passes through to the agent. */
  passEnv?: readonly string[];
  credentials: AgentCredentials;
  model?: string;
  /** Claude `--max-turns`; also checked against the reported `num_turns`. */
  maxTurns?: number;
  /** Claude `--max-budget-usd`. */
  maxBudgetUsd?: number;
  /** Claude `--allowedTools`. @default DEFAULT_CLAUDE_ALLOWED_TOOLS */
  allowedTools?: readonly string[];
  /** The workflow's extra CLI arguments (claude, codex). */
  extraArgs?: readonly string[];
  /** argv of a custom agent (command kind), already split (parse-command-argv.ts). */
  command?: readonly string[];
  /** Our wall-clock limit; used for the env of custom commands and in reasons. */
  timeoutSeconds: number;
  taskId: string;
  masterIssue: number;
  subIssue: number | null;
  branch: string;
  /** Where a custom command may write its own status notes. */
  statusFile: string;
  /** Where the prompt is written for custom commands (and kept for debugging). */
  promptFile: string;
}

/** How to start the agent: a command and argv (never a shell), its whole environment, its stdin. */
export interface AgentInvocation {
  command: string;
  args: string[];
  env: Record<string, string>;
  /** Written to stdin, which is then closed; undefined = stdin closed from the start. */
  stdin: string | undefined;
  /** Files the caller writes before starting the process (kept pure here). */
  files: Array<{ path: string; content: string }>;
}

/** Outcomes an adapter can decide; `no_changes`, `push_failed`, `refused` and `pr_failed` are decided after it, from git and GitHub. */
export type AgentOutcomeKind = Exclude<Outcome, "no_changes" | "push_failed" | "refused" | "pr_failed">;

/** The adapter's verdict on one run, with the facts the status document reports. */
export interface AgentOutcome {
  outcome: AgentOutcomeKind;
  error_type: ErrorType | null;
  /** One sentence for people: what happened. */
  reason: string;
  result_subtype: string | null;
  is_error: boolean | null;
  num_turns: number | null;
  cost_usd: number | null;
  tokens: Tokens | null;
  final_message: string | null;
  model: string | null;
  /** Tool uses the agent's permissions refused, as `Tool(argument)`; empty when none or unknown. */
  denied_tools: string[];
}

/** One agent kind: a pure builder of the invocation and a pure interpreter of the process result. */
export interface AgentAdapter {
  kind: AgentKind;
  buildInvocation(options: AgentRunOptions): AgentInvocation;
  /** `stdoutTail` is the end of the agent's stdout (ProcessResult.stdoutTail), where the result is. */
  interpretResult(result: ProcessResult, stdoutTail: string, options: AgentRunOptions): AgentOutcome;
}

/** An outcome with every reported fact unknown; adapters fill in what they learn. */
export function emptyOutcome(
  fields: Pick<AgentOutcome, "outcome" | "error_type" | "reason"> & Partial<AgentOutcome>,
): AgentOutcome {
  return {
    result_subtype: null,
    is_error: null,
    num_turns: null,
    cost_usd: null,
    tokens: null,
    final_message: null,
    model: null,
    denied_tools: [],
    ...fields,
  };
}

/** Describes how the process ended, for reasons: "exited with code 2", "was killed by SIGKILL". */
export function describeExit(result: ProcessResult): string {
  if (result.exitCode !== null) return `exited with code ${result.exitCode}`;
  return result.signal ? `was killed by ${result.signal}` : "ended without an exit code";
}

/**
 * The verdicts that do not depend on what the agent printed: we cancelled it, our wall clock or stall
 * detector killed it, or it never started. Checked first: a result line printed while being killed
 * does not make a run successful. Undefined when the process ran and ended on its own.
 */
export function interpretTermination(
  result: ProcessResult,
  options: Pick<AgentRunOptions, "timeoutSeconds">,
  label: string,
): AgentOutcome | undefined {
  const seconds = Math.round(result.durationMs / 1000);
  if (result.cancelled) {
    return emptyOutcome({
      outcome: "cancelled",
      error_type: "CANCELLED",
      reason: `The job was cancelled; ${label} was stopped after ${seconds} s.`,
    });
  }
  if (result.timedOut) {
    return emptyOutcome({
      outcome: "timeout",
      error_type: "TIMEOUT",
      reason: `${label} did not finish within the ${options.timeoutSeconds} s time limit and was stopped.`,
    });
  }
  if (result.stalled) {
    return emptyOutcome({
      outcome: "hung",
      error_type: "HUNG",
      reason: `${label} printed nothing for too long and was stopped as hung after ${seconds} s.`,
    });
  }
  if (result.spawnError !== undefined) {
    const missing = result.spawnError.startsWith("command not found");
    return emptyOutcome({
      outcome: "crashed",
      error_type: missing ? "INSTALL_FAILED" : "CRASHED",
      reason: `${label} could not be started: ${result.spawnError}.`,
    });
  }
  return undefined;
}
