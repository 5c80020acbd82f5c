import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { AgentInputs } from "../inputs.js";
import { errorMessage } from "../logger.js";
import type { PlanDocument, PlannedTask } from "../plan/plan-schema.js";
import type { AgentRunOptions } from "./adapters/agent-adapter.js";
import { parseCommandArgv } from "./adapters/parse-command-argv.js";
import { selectAdapter } from "./adapters/select-adapter.js";
import type { AgentDeps } from "./agent.js";
import type { Containment } from "./agent-containment.js";
import { buildAgentPrompt } from "./build-prompt.js";
import type { StatusFacts } from "./build-status.js";
import { OutcomeError, StoppedError, unlessStopped, type Phase } from "./time-budget.js";

/** `base` with `overrides` laid over it; an undefined override removes the variable. */
function overlay(
  base: NodeJS.ProcessEnv,
  overrides: Readonly<Record<string, string | undefined>>,
): NodeJS.ProcessEnv {
  const env = { ...base, ...overrides };
  for (const [name, value] of Object.entries(overrides)) if (value === undefined) delete env[name];
  return env;
}

/**
 * Runs the agent once, contained: its CLI found or installed, its prompt written where it can read it,
 * started under our wall clock, stall detector and time budget, every process it left killed afterwards;
 * what it reported becomes `facts.agent`.
 */
export async function runAgentProcess(
  deps: AgentDeps,
  inputs: AgentInputs,
  facts: StatusFacts,
  prepared: { plan: PlanDocument; task: PlannedTask; containment: Containment },
  stop: AbortSignal,
  phase: { now: Phase },
) {
  const { plan, task, containment } = prepared;
  const adapter = selectAdapter(inputs.agent);
  const otherFiles = plan.tasks.filter((t) => t.id !== task.id).flatMap((t) => t.files);
  const prompt = buildAgentPrompt({
    task,
    masterIssue: { number: facts.master, title: plan.master_issue.title, context: plan.context },
    subIssue: task.subIssue,
    branch: task.branch,
    baseBranch: facts.baseBranch,
    otherTasksFiles: [...new Set(otherFiles)],
    timeoutSeconds: inputs["timeout-seconds"],
    rules: inputs["prompt-rules"]?.split("\n"),
  });
  let command: string[] | undefined;
  if (inputs.agent === "command") {
    command = parseCommandArgv(inputs["agent-command"] ?? "");
  } else {
    const kind = inputs.agent;
    phase.now = "installing the agent CLI";
    try {
      command = [await unlessStopped(stop, () => deps.ensureCli(kind))];
    } catch (error) {
      if (error instanceof StoppedError) throw error;
      throw new OutcomeError({
        outcome: "crashed",
        errorType: "INSTALL_FAILED",
        reason: errorMessage(error),
      });
    }
  }
  const options: AgentRunOptions = {
    prompt,
    workingDir: containment.workTree,
    baseEnv: overlay(deps.env, containment.envOverrides),
    passEnv: inputs["pass-env"],
    credentials: containment.credentials,
    model: inputs.model,
    maxTurns: inputs["max-turns"],
    maxBudgetUsd: inputs["max-budget-usd"],
    allowedTools: inputs["allowed-tools"],
    extraArgs: inputs["agent-args"] ? parseCommandArgv(inputs["agent-args"]) : undefined,
    command,
    timeoutSeconds: inputs["timeout-seconds"],
    taskId: task.id,
    masterIssue: facts.master,
    subIssue: task.subIssue,
    branch: task.branch,
    statusFile: join(containment.notesDir, `agent-${task.id}.notes.json`),
    promptFile: join(containment.promptDir, `agent-${task.id}.prompt.md`),
  };
  const invocation = adapter.buildInvocation(options);
  if (inputs.agent !== "command") invocation.command = command[0] as string;
  for (const file of invocation.files) {
    await mkdir(dirname(file.path), { recursive: true });
    await writeFile(file.path, file.content, "utf8");
  }
  if (stop.aborted) throw new StoppedError();
  phase.now = "running the agent";
  deps.log.info(
    `Running the ${inputs.agent} agent on task ${task.id} (timeout ${inputs["timeout-seconds"]} s)`,
  );
  const contained = containment.wrap(invocation.command, invocation.args, invocation.env);
  // The runner reads workflow commands (`::add-mask::`, `##[set-output]`, …) anywhere in our log, and
  // ends a line at a bare CR: while the agent's output is relayed, commands are off, under a token it
  // cannot know.
  const resume = randomBytes(16).toString("hex");
  deps.log.info(`::stop-commands::${resume}`);
  const result = await deps.runProcess({
    command: contained.command,
    args: contained.args,
    cwd: contained.cwd,
    env: contained.env,
    stdin: invocation.stdin,
    timeoutMs: inputs["timeout-seconds"] * 1000,
    stallTimeoutMs: inputs["stall-timeout-seconds"] > 0 ? inputs["stall-timeout-seconds"] * 1000 : undefined,
    // Our time budget stops the agent too: it only bites when our own work before it took very long.
    signal: stop,
    redact: deps.redact,
    onLine: (stream, line) => deps.log.info(`[agent ${stream}] ${line.replace(/\r/g, "\\r")}`),
    ...(deps.logBackpressure ? { backpressure: deps.logBackpressure } : {}),
  });
  deps.log.info(`::${resume}::`);
  // Every process the agent started ends here, also ones that left its process group; its tree is ours.
  await containment.afterAgent();
  facts.agentDurationMs = result.durationMs;
  facts.process = { exitCode: result.exitCode, signal: result.signal, excerpt: result.excerpt };
  facts.agent = adapter.interpretResult(result, result.stdoutTail ?? "", options);
  deps.log.info(`Agent ${facts.agent.outcome}: ${deps.redact(facts.agent.reason)}`);
}
