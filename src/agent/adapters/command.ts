import type { ProcessResult } from "../../exec/run-process.js";
import { capText, STATUS_LIMITS } from "../../status/status-schema.js";
import { buildAgentEnv } from "../build-agent-env.js";
import {
  describeExit,
  emptyOutcome,
  interpretTermination,
  type AgentAdapter,
  type AgentInvocation,
  type AgentOutcome,
  type AgentRunOptions,
} from "./agent-adapter.js";
import { CommandLineError } from "./parse-command-argv.js";

/**
 * Any executable as the agent. It gets the prompt in a file (`PROMPT_FILE`) rather than on stdin, which
 * is closed, and the task in environment variables named as in the original system, plus the model
 * credentials the workflow configured (a wrapper around a CLI agent needs them).
 */
function buildInvocation(options: AgentRunOptions): AgentInvocation {
  const [command, ...args] = options.command ?? [];
  if (command === undefined || command === "") {
    throw new CommandLineError("The command agent needs a command to run");
  }
  const c = options.credentials;
  const env = buildAgentEnv(options.baseEnv, {
    pass: options.passEnv,
    set: {
      ANTHROPIC_API_KEY: c.anthropicApiKey,
      CLAUDE_CODE_OAUTH_TOKEN: c.claudeCodeOauthToken,
      OPENAI_API_KEY: c.openaiApiKey,
      CODEX_API_KEY: c.codexApiKey,
      // Where those keys work: with isolation, the loopback proxies that hold the real ones.
      ANTHROPIC_BASE_URL: options.baseEnv.ANTHROPIC_BASE_URL,
      OPENAI_BASE_URL: options.baseEnv.OPENAI_BASE_URL,
      AGENT_ID: `agent-${options.taskId}`,
      TASK_ID: options.taskId,
      MASTER_ISSUE: String(options.masterIssue),
      SUB_ISSUE: options.subIssue === null ? "" : String(options.subIssue),
      BRANCH_NAME: options.branch,
      STATUS_FILE: options.statusFile,
      WORKING_DIR: options.workingDir,
      TIMEOUT: String(options.timeoutSeconds),
      PROMPT_FILE: options.promptFile,
    },
  });
  return {
    command,
    args: [...args, ...(options.extraArgs ?? [])],
    env,
    stdin: undefined,
    files: [{ path: options.promptFile, content: options.prompt }],
  };
}

/** Success is exit 0. A non-zero exit is the agent's own failure; a signal we did not send is a crash. */
function interpretResult(result: ProcessResult, stdoutTail: string, options: AgentRunOptions): AgentOutcome {
  const lastLine = stdoutTail.trimEnd().split("\n").pop()?.trim() ?? "";
  const final_message = lastLine ? capText(lastLine, STATUS_LIMITS.finalMessageChars) : null;
  const label = `The command ${JSON.stringify(options.command?.[0] ?? "")}`;
  const killed = interpretTermination(result, options, label);
  if (killed) return { ...killed, final_message };
  if (result.exitCode === 0) {
    return emptyOutcome({
      outcome: "success",
      error_type: null,
      reason: `${label} exited with code 0.`,
      final_message,
    });
  }
  if (result.exitCode === null) {
    return emptyOutcome({
      outcome: "crashed",
      error_type: "CRASHED",
      reason: `${label} ${describeExit(result)}.`,
      final_message,
    });
  }
  return emptyOutcome({
    outcome: "agent_error",
    error_type: "AGENT_ERROR",
    reason: `${label} ${describeExit(result)}.`,
    final_message,
  });
}

/** A custom command as the agent. */
export const commandAdapter: AgentAdapter = { kind: "command", buildInvocation, interpretResult };
