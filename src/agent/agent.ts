import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { ArtifactStore } from "../artifacts/artifact-store.js";
import { loadPinnedPlan } from "../artifacts/load-plan.js";
import type { runProcess } from "../exec/run-process.js";
import type { Workspace } from "../git/git.js";
import type { GitHubClient } from "../github/github-client.js";
import { planPinOf, type AgentInputs } from "../inputs.js";
import { errorMessage, type Logger } from "../logger.js";
import type { PlanDocument, PlannedTask } from "../plan/plan-schema.js";
import { statusArtifactName, type TaskStatus } from "../status/status-schema.js";
import { resolveTrustedLogin } from "../stage-context.js";
import type { AgentRunOptions } from "./adapters/agent-adapter.js";
import { parseCommandArgv } from "./adapters/parse-command-argv.js";
import { selectAdapter } from "./adapters/select-adapter.js";
import { buildAgentPrompt } from "./build-prompt.js";
import { buildStatusOrFallback, type StatusFacts } from "./build-status.js";
import { noteOnSubIssue } from "./note-on-sub-issue.js";
import { publish } from "./publish-branch.js";
import {
  OutcomeError,
  quiet,
  StoppedError,
  stoppedOutcome,
  unlessStopped,
  withTimeout,
  type Phase,
} from "./time-budget.js";

export interface AgentDeps {
  github: GitHubClient;
  log: Logger;
  artifacts: ArtifactStore;
  workspace: Workspace;
  runProcess: typeof runProcess;
  /** Finds or installs the agent CLI; returns its path. */
  ensureCli: (kind: "claude" | "codex") => Promise<string>;
  /** The action's environment; the agent gets an allow-listed part of it. */
  env: NodeJS.ProcessEnv;
  run: { runId: number; runAttempt: number; job: string };
  workingDir: string;
  tempDir: string;
  now: () => Date;
  /** Aborted when the runner cancels the job (SIGINT/SIGTERM). */
  cancel: AbortSignal;
  /** Removes every credential from text the action writes. */
  redact: (text: string) => string;
  /** The credential values this job knows: the agent's commits are searched for them before a push. */
  secrets: readonly string[];
  /** A promise while the job log cannot take more output yet (see runProcess's `backpressure`). */
  logBackpressure?: () => Promise<void> | undefined;
  /** How long the status upload may take before it is given up as failed. @default 120 s */
  uploadTimeoutMs?: number;
}

export interface AgentResult {
  status: TaskStatus;
  /** Where the status document was stored; undefined when the upload failed (see uploadError). */
  artifactName: string;
  uploadError?: string;
  /**
   * Work was abandoned unfinished (a cancellation, or the job's time budget ran out): requests or git
   * commands may still be pending, and the caller should end the process once it has reported.
   */
  abandonedWork: boolean;
}

/**
 * Agent mode, for one task:
 * 1. load the plan document and find the task (never the sub-issue's current text)
 * 2. check out the task branch (reusing it on a re-run) and remove stored credentials from the checkout
 * 3. run the agent under our wall clock, stall detector and cancellation
 * 4. commit what it left, measure the change, push it
 * 5. open or reuse the task's pull request
 * 6. always: build the status document, upload it, note the outcome on the sub-issue
 */
export async function runAgent(deps: AgentDeps, inputs: AgentInputs): Promise<AgentResult> {
  const { log } = deps;
  const master = inputs["master-issue"];
  const facts: StatusFacts = {
    master,
    taskId: inputs.task,
    subIssue: null,
    branch: `${inputs["branch-prefix"]}/${master}/${inputs.task}`,
    baseBranch: inputs["base-branch"] ?? "main",
    agentKind: inputs.agent,
    model: inputs.model ?? null,
    maxTurns: inputs["max-turns"] ?? null,
    startedAt: deps.now(),
    agentDurationMs: 0,
    run: deps.run,
    metadata: { timeout_seconds: inputs["timeout-seconds"], retry_count: deps.run.runAttempt - 1 },
  };
  // The job's time budget: the agent's own limit plus what our work around it may take. Past it, the
  // job stops waiting for whatever hangs (a stalled git remote, npm, a GitHub request that never
  // answers) so the status is uploaded before the job's timeout-minutes kills everything silently.
  const budgetSeconds = inputs["timeout-seconds"] + inputs["overhead-timeout-seconds"];
  const overrun = new AbortController();
  const budgetTimer = setTimeout(() => overrun.abort(), budgetSeconds * 1000);
  const stop = AbortSignal.any([deps.cancel, overrun.signal]);
  const phase: { now: Phase } = { now: "preparing the checkout" };
  // Who may have written our earlier sub-issue comment: asked while the agent works, used at the end.
  let trustedLogin: Promise<string> | undefined;
  let published = false;
  try {
    // Until the agent process starts, a cancellation ends the wait at once: a slow plan download or git
    // fetch must not eat the few seconds the runner leaves between SIGINT and SIGKILL for the status.
    const { plan, task } = await unlessStopped(stop, () => prepare(deps, inputs, facts));
    // A sub-issue this run's plan created has no comment of ours yet on the first attempt: nothing to find.
    facts.freshSubIssue = task.subIssueCreated === true && deps.run.runAttempt === 1;
    if (task.subIssue !== null && !facts.freshSubIssue) {
      trustedLogin = quiet(resolveTrustedLogin(deps.github, inputs["bot-login"]));
    }
    await runAgentProcess(deps, inputs, facts, plan, task, stop, phase);
    phase.now = "publishing the work";
    await unlessStopped(stop, () => publish(deps, inputs, facts, task));
    published = true;
  } catch (error) {
    facts.override =
      error instanceof OutcomeError
        ? error.override
        : error instanceof StoppedError
          ? undefined // decided below, from which signal stopped us
          : {
              outcome: "crashed",
              errorType: "CRASHED",
              reason: `The agent job failed: ${errorMessage(error)}`,
            };
  }
  clearTimeout(budgetTimer);
  if (!facts.override && stop.aborted && !published) {
    facts.override = stoppedOutcome(deps.cancel.aborted, phase.now, budgetSeconds, facts.agent !== undefined);
  }

  const status = buildStatusOrFallback(facts, deps.now(), deps.redact);
  const artifactName = statusArtifactName(master, inputs.task, deps.run.runAttempt);
  const uploadTimeoutMs = deps.uploadTimeoutMs ?? 120_000;
  const upload = async (): Promise<string | undefined> => {
    try {
      await withTimeout(deps.artifacts.uploadJson(artifactName, status), uploadTimeoutMs, "The upload");
      log.info(`Status ${status.outcome} stored as artifact ${artifactName}.json`);
      return undefined;
    } catch (error) {
      return `Uploading the status document ${artifactName} failed: ${errorMessage(error)}`;
    }
  };
  // The status upload and the sub-issue note are independent: do them together. No note once stopped:
  // the runner is about to kill the job (or its time is up), the status is what must get out.
  const [uploadError] = await Promise.all([
    upload(),
    stop.aborted
      ? undefined
      : noteOnSubIssue(deps, inputs, status, trustedLogin, facts.freshSubIssue === true),
  ]);
  return {
    status,
    artifactName,
    abandonedWork: stop.aborted,
    ...(uploadError !== undefined ? { uploadError } : {}),
  };
}

async function prepare(
  deps: AgentDeps,
  inputs: AgentInputs,
  facts: StatusFacts,
): Promise<{ plan: PlanDocument; task: PlannedTask }> {
  const { workspace } = deps;
  // Independent of the plan: removing stored credentials, and fetching a configured base branch, start
  // now and run while the plan downloads.
  const configuredBase = inputs["base-branch"];
  const earlyFetch = configuredBase !== undefined ? quiet(workspace.fetchBase(configuredBase)) : undefined;
  const credentialsRemoved = quiet(workspace.removeStoredCredentials());
  const plan = await deps.log.group("Loading the plan", () =>
    loadPinnedPlan(deps.artifacts, facts.master, planPinOf(inputs)),
  );
  const task = plan.tasks.find((t) => t.id === inputs.task);
  if (!task) {
    throw new OutcomeError({
      outcome: "crashed",
      errorType: "VALIDATION_ERROR",
      reason: `Task ${inputs.task} is not in the plan of master issue #${facts.master} (tasks ${plan.tasks.map((t) => t.id).join(", ") || "none"}).`,
    });
  }
  facts.subIssue = task.subIssue;
  facts.branch = task.branch;
  // The plan read the default branch once for every agent; older plan documents lack it.
  facts.baseBranch = configuredBase ?? plan.default_branch ?? (await deps.github.getDefaultBranch());
  await deps.log.group(`Checking out ${task.branch}`, async () => {
    await (earlyFetch ?? workspace.fetchBase(facts.baseBranch));
    const prepared = await workspace.prepareBranch(task.branch, facts.baseBranch, { baseFetched: true });
    facts.metadata.branch_reused = prepared.reused;
    facts.metadata.remote_sha = prepared.startSha;
    await credentialsRemoved;
  });
  return { plan, task };
}

async function runAgentProcess(
  deps: AgentDeps,
  inputs: AgentInputs,
  facts: StatusFacts,
  plan: PlanDocument,
  task: PlannedTask,
  stop: AbortSignal,
  phase: { now: Phase },
) {
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
    workingDir: deps.workingDir,
    baseEnv: deps.env,
    passEnv: inputs["pass-env"],
    credentials: {
      anthropicApiKey: inputs["anthropic-api-key"],
      claudeCodeOauthToken: inputs["claude-code-oauth-token"],
      openaiApiKey: inputs["openai-api-key"],
    },
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
    statusFile: join(deps.tempDir, `agent-${task.id}.notes.json`),
    promptFile: join(deps.tempDir, `agent-${task.id}.prompt.md`),
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
  const result = await deps.runProcess({
    command: invocation.command,
    args: invocation.args,
    cwd: deps.workingDir,
    env: invocation.env,
    stdin: invocation.stdin,
    timeoutMs: inputs["timeout-seconds"] * 1000,
    stallTimeoutMs: inputs["stall-timeout-seconds"] > 0 ? inputs["stall-timeout-seconds"] * 1000 : undefined,
    // Our time budget stops the agent too: it only bites when our own work before it took very long.
    signal: stop,
    redact: deps.redact,
    onLine: (stream, line) => deps.log.info(`[agent ${stream}] ${line}`),
    ...(deps.logBackpressure ? { backpressure: deps.logBackpressure } : {}),
  });
  facts.agentDurationMs = result.durationMs;
  facts.process = { exitCode: result.exitCode, signal: result.signal, excerpt: result.excerpt };
  facts.agent = adapter.interpretResult(result, result.stdoutTail ?? "", options);
  deps.log.info(`Agent ${facts.agent.outcome}: ${deps.redact(facts.agent.reason)}`);
}
