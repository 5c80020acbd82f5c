import type { ArtifactStore } from "../artifacts/artifact-store.js";
import { loadPinnedPlan } from "../artifacts/load-plan.js";
import type { runProcess } from "../exec/run-process.js";
import type { GitHubClient } from "../github/github-client.js";
import { planPinOf, type AgentInputs } from "../inputs.js";
import { errorMessage, type Logger } from "../logger.js";
import type { PlanDocument, PlannedTask } from "../plan/plan-schema.js";
import { statusArtifactName, type TaskStatus } from "../status/status-schema.js";
import { resolveTrustedLogin } from "../stage-context.js";
import { openContainment, type Containment, type IsolationPort } from "./agent-containment.js";
import { buildStatusOrFallback, type StatusFacts } from "./build-status.js";
import { noteOnSubIssue } from "./note-on-sub-issue.js";
import { publish } from "./publish-branch.js";
import { runAgentProcess } from "./run-agent-process.js";
import {
  openTaskRepository,
  resolveRemoteUrl,
  type TaskRepository,
  type TaskStart,
} from "./task-repository.js";
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
  runProcess: typeof runProcess;
  /** How the agent is contained; undefined with `isolation: none`. */
  isolation: IsolationPort | undefined;
  /** The workflow's checkout (its `origin` names the remote); never given to the agent. */
  checkoutDir: string | undefined;
  /** The remote when the checkout names none: `<server>/<owner>/<repo>.git`. */
  defaultRemoteUrl: string;
  /** What the agent holds instead of a model key; `redact` removes it too. */
  modelPlaceholder: string;
  /** Finds or installs the agent CLI; returns its path. */
  ensureCli: (kind: "claude" | "codex") => Promise<string>;
  /** The action's environment; the agent gets an allow-listed part of it. */
  env: NodeJS.ProcessEnv;
  run: { runId: number; runAttempt: number; job: string };
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
 * 2. fetch the task branch (reusing it on a re-run) into a repository of our own, and give the agent a
 *    copy to work in, as its own OS user with its model key behind a proxy (see agent-containment.ts)
 * 3. run the agent under our wall clock, stall detector and cancellation; kill what it left running
 * 4. read what it left as file contents, check it, commit it in our repository and push it
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
  const held: Held = {};
  try {
    // Until the agent process starts, a cancellation ends the wait at once: a slow plan download or git
    // fetch must not eat the few seconds the runner leaves between SIGINT and SIGKILL for the status.
    const prepared = await unlessStopped(stop, () => prepare(deps, inputs, facts, held));
    const { task } = prepared;
    // A sub-issue this run's plan created has no comment of ours yet on the first attempt: nothing to find.
    facts.freshSubIssue = task.subIssueCreated === true && deps.run.runAttempt === 1;
    if (task.subIssue !== null && !facts.freshSubIssue) {
      trustedLogin = quiet(resolveTrustedLogin(deps.github, inputs["bot-login"]));
    }
    await runAgentProcess(deps, inputs, facts, prepared, stop, phase);
    phase.now = "publishing the work";
    const work = { repo: prepared.repo, workTree: prepared.containment.workTree, start: prepared.start };
    await unlessStopped(stop, () => publish(deps, inputs, facts, task, work));
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
  const spent = held.containment?.spentUsd();
  if (spent !== undefined) log.info(`The model proxy saw $${spent.toFixed(4)} spent.`);
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
  // The sandbox goes last (its user, processes, firewall and files), within a bound of its own.
  await withTimeout(release(held), 60_000, "Removing the agent's sandbox").catch((error: unknown) =>
    log.warning(`Cleaning up after the agent: ${errorMessage(error)}`),
  );
  return {
    status,
    artifactName,
    abandonedWork: stop.aborted,
    ...(uploadError !== undefined ? { uploadError } : {}),
  };
}

/** What `prepare` has made so far, so it is released however the run ends. */
interface Held {
  repo?: TaskRepository;
  containment?: Containment;
}

interface Prepared {
  plan: PlanDocument;
  task: PlannedTask;
  repo: TaskRepository;
  containment: Containment;
  start: TaskStart;
}

async function release(held: Held): Promise<void> {
  try {
    await held.containment?.close();
  } finally {
    await held.repo?.remove();
  }
}

async function prepare(
  deps: AgentDeps,
  inputs: AgentInputs,
  facts: StatusFacts,
  held: Held,
): Promise<Prepared> {
  const configuredBase = inputs["base-branch"];
  // Independent of the plan: the pristine repository and the agent's sandbox start while it downloads.
  const repoReady = quiet(
    resolveRemoteUrl(deps.checkoutDir, deps.defaultRemoteUrl).then((remoteUrl) =>
      openTaskRepository({ remoteUrl, token: inputs["github-token"], tempDir: deps.tempDir }),
    ),
  );
  const containmentReady = quiet(
    openContainment({
      port: deps.isolation,
      inputs,
      env: deps.env,
      tempDir: deps.tempDir,
      log: (line) => deps.log.info(`[proxy] ${line}`),
      placeholder: deps.modelPlaceholder,
    }).catch((error: unknown) => {
      throw new OutcomeError({
        outcome: "crashed",
        errorType: "ISOLATION_UNAVAILABLE",
        reason: `The agent could not be isolated: ${errorMessage(error)}`,
      });
    }),
  );
  void repoReady.then((repo) => (held.repo = repo));
  void containmentReady.then((containment) => (held.containment = containment));
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
  const repo = await repoReady;
  const containment = await containmentReady;
  const start = await deps.log.group(`Checking out ${task.branch}`, async () => {
    const found = await repo.start(facts.baseBranch, task.branch);
    await repo.checkoutCopy(containment.workTree, task.branch, found.startSha);
    await containment.handOver();
    return found;
  });
  facts.metadata.branch_reused = start.reused;
  facts.metadata.remote_sha = start.remoteSha;
  return { plan, task, repo, containment, start };
}
