import type { ProcessResult } from "../../exec/run-process.js";
import { capText, STATUS_LIMITS, type Tokens } from "../../status/status-schema.js";
import { buildAgentEnv } from "../build-agent-env.js";
import {
  describeExit,
  emptyOutcome,
  interpretTermination,
  type AgentAdapter,
  type AgentOutcome,
  type AgentRunOptions,
} from "./agent-adapter.js";
import { countOf, lastJsonObject, num, obj, str, type JsonObject } from "./json-lines.js";

/**
 * Tools the agent may use without asking (nobody can answer a permission prompt in CI): reading and
 * editing files in the checkout, and the git commands needed to commit. No network tools, no general
 * shell, and no command that writes a file named by its options: `git log`, `git diff` and `git show`
 * take `--output=<file>`, which is enough to plant configuration (see SECURITY.md). Workflows that want
 * the agent to run tests add e.g. `Bash(npm test:*)` explicitly.
 */
export const DEFAULT_CLAUDE_ALLOWED_TOOLS: readonly string[] = [
  "Read",
  "Write",
  "Edit",
  "MultiEdit",
  "Glob",
  "Grep",
  "LS",
  "TodoWrite",
  "Bash(git status:*)",
  "Bash(git add:*)",
  "Bash(git rm:*)",
  "Bash(git mv:*)",
  "Bash(git commit:*)",
];

/** Non-secret Claude Code settings a workflow may set in the step's `env:`; passed through when present. */
const CLAUDE_TUNING = [
  "ANTHROPIC_BASE_URL",
  "CLAUDE_CODE_MAX_RETRIES",
  "API_TIMEOUT_MS",
  "BASH_DEFAULT_TIMEOUT_MS",
  "BASH_MAX_TIMEOUT_MS",
];

/**
 * `claude -p` counts the prompt as a turn (2.x: `--max-turns 1` ends with `error_max_turns` at
 * `num_turns: 2`), so a run within the limit reports up to `maxTurns + 1`; more means the CLI overshot
 * its own limit (claude-code-action#1577) and we report `limit`.
 */
const PROMPT_TURNS = 1;

function buildInvocation(options: AgentRunOptions) {
  const { credentials: c } = options;
  const tuning = Object.fromEntries(CLAUDE_TUNING.map((name) => [name, options.baseEnv[name]]));
  const env = buildAgentEnv(options.baseEnv, {
    pass: options.passEnv,
    set: {
      ...tuning,
      // Exactly one credential: an API key when given, else the subscription OAuth token.
      ANTHROPIC_API_KEY: c.anthropicApiKey,
      CLAUDE_CODE_OAUTH_TOKEN: c.anthropicApiKey ? undefined : c.claudeCodeOauthToken,
      DISABLE_AUTOUPDATER: "1",
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
      // A dead API is retried for minutes by default; a few retries, then an error result we can report.
      CLAUDE_CODE_MAX_RETRIES: options.baseEnv.CLAUDE_CODE_MAX_RETRIES ?? "3",
    },
  });
  const tools = options.allowedTools ?? DEFAULT_CLAUDE_ALLOWED_TOOLS;
  const args = [
    // The workflow's arguments come first so ours, later on the command line, win where both are given.
    ...(options.extraArgs ?? []),
    "-p",
    // One JSON event per message as the run goes, not one document at the end: a healthy run that
    // works for longer than `stall-timeout-seconds` must not look silent (hung) to us. The final
    // `{"type":"result"}` line is the same document `json` would print. `-p` needs `--verbose` here.
    "--output-format",
    "stream-json",
    "--verbose",
    // Not --dangerously-skip-permissions: Claude Code refuses it as root, which CI containers often are.
    "--permission-mode",
    "acceptEdits",
    // Settings, hooks and MCP servers from the branch (`.claude/settings.json`, written by whoever pushed
    // it, a previous attempt included) never load: only the agent's own, fresh HOME's.
    "--setting-sources",
    "user",
    "--allowedTools",
    tools.join(","),
    ...(options.maxTurns !== undefined ? ["--max-turns", String(options.maxTurns)] : []),
    ...(options.maxBudgetUsd !== undefined ? ["--max-budget-usd", String(options.maxBudgetUsd)] : []),
    ...(options.model ? ["--model", options.model] : []),
  ];
  return { command: "claude", args, env, stdin: options.prompt, files: [] };
}

function readTokens(usage: JsonObject | null): Tokens | null {
  if (!usage) return null;
  return {
    input: countOf(usage.input_tokens),
    output: countOf(usage.output_tokens),
    cache_read: countOf(usage.cache_read_input_tokens),
    cache_write: countOf(usage.cache_creation_input_tokens),
  };
}

/** The main model of the run: the one that cost most in `modelUsage` (sub-agents may use cheaper ones). */
function mainModel(modelUsage: JsonObject | null): string | null {
  let best: [string, number] | null = null;
  for (const [model, usage] of Object.entries(modelUsage ?? {})) {
    const cost = num(obj(usage)?.costUSD) ?? 0;
    if (!best || cost > best[1]) best = [model, cost];
  }
  return best?.[0] ?? null;
}

function readFacts(r: JsonObject | undefined, options: AgentRunOptions): Partial<AgentOutcome> {
  if (!r) return { model: options.model ?? null };
  const message = str(r.result);
  const cost = num(r.total_cost_usd);
  return {
    result_subtype: str(r.subtype),
    is_error: typeof r.is_error === "boolean" ? r.is_error : null,
    num_turns: num(r.num_turns) !== null ? countOf(r.num_turns) : null,
    // Under a subscription OAuth token this is Claude Code's notional estimate, not a charge.
    cost_usd: cost !== null && cost >= 0 ? cost : null,
    tokens: readTokens(obj(r.usage)),
    final_message: message !== null ? capText(message, STATUS_LIMITS.finalMessageChars) : null,
    model: mainModel(obj(r.modelUsage)) ?? options.model ?? null,
    denied_tools: deniedTools(r.permission_denials),
  };
}

/**
 * Claude's `permission_denials` as `Tool(argument)`, unique, at most 10: what the agent tried and was
 * not allowed, so a user can see which tool `allowed-tools` would have to grant.
 */
export function deniedTools(denials: unknown): string[] {
  if (!Array.isArray(denials)) return [];
  const seen = new Set<string>();
  for (const denial of denials) {
    const d = obj(denial);
    const tool = str(d?.tool_name);
    if (!tool) continue;
    const input = obj(d?.tool_input);
    const argument = str(input?.command) ?? str(input?.url) ?? str(input?.file_path) ?? str(input?.pattern);
    const oneLine = argument?.replace(/\s+/g, " ").trim();
    seen.add(capText(oneLine ? `${tool}(${oneLine})` : tool, STATUS_LIMITS.deniedToolChars));
    if (seen.size >= STATUS_LIMITS.deniedTools) break;
  }
  return [...seen];
}

/**
 * Claude Code's verdict, from the exit code and the last `{"type":"result"}` line together: the CLI
 * reports API and auth failures as `subtype: "success"` with `is_error: true`, may exit non-zero after a
 * successful result, and may overshoot `--max-turns`. Success needs exit 0, `subtype: "success"`,
 * `is_error: false` and a turn count within the limit.
 */
function interpretResult(result: ProcessResult, stdoutTail: string, options: AgentRunOptions): AgentOutcome {
  const r = lastJsonObject(stdoutTail, (o) => o.type === "result");
  const facts = readFacts(r, options);
  const killed = interpretTermination(result, options, "Claude Code");
  if (killed) return { ...killed, ...facts };
  if (!r) {
    return emptyOutcome({
      outcome: "crashed",
      error_type: "CRASHED",
      reason: `Claude Code ${describeExit(result)} without printing a result.`,
      ...facts,
    });
  }
  const subtype = facts.result_subtype ?? "(none)";
  const turns = facts.num_turns ?? null;
  const outcome = (fields: Pick<AgentOutcome, "outcome" | "error_type" | "reason">) =>
    emptyOutcome({ ...facts, ...fields });

  if (subtype === "error_max_turns") {
    return outcome({
      outcome: "limit",
      error_type: "LIMIT_EXCEEDED",
      reason: `Claude Code stopped at its turn limit (${options.maxTurns ?? "?"} turns).`,
    });
  }
  if (subtype === "error_max_budget_usd") {
    return outcome({
      outcome: "limit",
      error_type: "LIMIT_EXCEEDED",
      reason: `Claude Code stopped at its budget of $${options.maxBudgetUsd ?? "?"}.`,
    });
  }
  if (
    r.is_error === true &&
    (subtype === "success" || r.terminal_reason === "api_error" || r.api_error != null)
  ) {
    const status = num(r.api_error_status) ?? str(r.api_error) ?? "unknown";
    const text = capText(str(r.result) ?? "no details", 300);
    return outcome({
      outcome: "api_error",
      error_type: "API_ERROR",
      reason: `The model API call failed (${status}): ${text}`,
    });
  }
  if (subtype !== "success" || r.is_error !== false) {
    const errors = Array.isArray(r.errors)
      ? r.errors.map((e) => (typeof e === "string" ? e : JSON.stringify(e)))
      : [];
    const detail = errors.length > 0 ? `: ${capText(errors.join("; "), 300)}` : ".";
    return outcome({
      outcome: "agent_error",
      error_type: "AGENT_ERROR",
      reason: `Claude Code ended with "${subtype}"${detail}`,
    });
  }
  if (result.exitCode !== 0) {
    return outcome({
      outcome: "agent_error",
      error_type: "AGENT_ERROR",
      reason: `Claude Code reported success but ${describeExit(result)}.`,
    });
  }
  if (options.maxTurns !== undefined && turns !== null && turns > options.maxTurns + PROMPT_TURNS) {
    return outcome({
      outcome: "limit",
      error_type: "LIMIT_EXCEEDED",
      reason: `Claude Code took ${turns} turns, over the limit of ${options.maxTurns} (plus one for the prompt).`,
    });
  }
  return outcome({
    outcome: "success",
    error_type: null,
    reason: `Claude Code finished in ${turns ?? "?"} turns.`,
  });
}

/** Claude Code in print mode (`claude -p --output-format stream-json --verbose`), prompt on stdin. */
export const claudeAdapter: AgentAdapter = { kind: "claude", buildInvocation, interpretResult };
