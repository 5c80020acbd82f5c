import * as core from "@actions/core";
import { readFile } from "node:fs/promises";
import { createGitHubClient } from "./github/create-github-client.js";
import { readInputs, SECRET_INPUTS, type AgentInputs, type AggregateInputs, type Inputs } from "./inputs.js";
import { errorMessage, type Logger } from "./logger.js";
import { runPlan } from "./plan/plan.js";
import { parseTriggerEvent } from "./trigger-event.js";

/**
 * The only file that talks to the runner: reads inputs and the environment, builds the adapters,
 * dispatches on mode, writes outputs and the job summary, and turns failures into setFailed.
 */
export async function run(): Promise<void> {
  process.on("unhandledRejection", (reason) =>
    core.setFailed(`Unhandled rejection: ${errorMessage(reason)}`),
  );
  try {
    const inputs = readInputs((name) => core.getInput(name));
    for (const name of SECRET_INPUTS) {
      const value = (inputs as Record<string, unknown>)[name];
      if (typeof value === "string" && value !== "") core.setSecret(value);
    }
    await dispatch(inputs);
  } catch (error) {
    core.setFailed(errorMessage(error));
  }
}

const logger: Logger = {
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  debug: (m) => core.debug(m),
  group: (name, fn) => core.group(name, fn),
};

function repository(): { owner: string; repo: string } {
  const value = process.env.GITHUB_REPOSITORY ?? "";
  const [owner, repo, extra] = value.split("/");
  if (!owner || !repo || extra !== undefined) {
    throw new Error(`GITHUB_REPOSITORY must be "owner/repo"; got ${JSON.stringify(value)}`);
  }
  return { owner, repo };
}

async function readEvent() {
  const path = process.env.GITHUB_EVENT_PATH;
  const payload: unknown = path ? JSON.parse(await readFile(path, "utf8")) : {};
  return parseTriggerEvent(process.env.GITHUB_EVENT_NAME ?? "", payload);
}

function runContext() {
  return {
    runId: process.env.GITHUB_RUN_ID ?? "0",
    runAttempt: Number(process.env.GITHUB_RUN_ATTEMPT ?? "1") || 1,
  };
}

/** Names of environment variables whose values are credentials of the runner or the workflow. */
const SECRET_ENV =
  /^(GITHUB_TOKEN|GH_TOKEN|ACTIONS_RUNTIME_TOKEN|ACTIONS_ID_TOKEN_REQUEST_TOKEN)$|(_TOKEN|_SECRET|_KEY|PASSWORD)$/i;

/** Every credential value this step can see: the secret inputs and secret-looking environment variables. */
function knownSecrets(inputs: Inputs): string[] {
  const values = SECRET_INPUTS.map((name) => (inputs as Record<string, unknown>)[name]).filter(
    (v): v is string => typeof v === "string",
  );
  for (const [name, value] of Object.entries(process.env)) {
    if (value && SECRET_ENV.test(name)) values.push(value);
  }
  return values.filter((v) => v.length >= 4);
}

async function runAgentMode(
  inputs: AgentInputs,
  github: ReturnType<typeof createGitHubClient>,
): Promise<void> {
  if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL) {
    throw new Error(
      "Agent mode needs the Actions artifact service (ACTIONS_RUNTIME_TOKEN): run it as a step of a workflow job.",
    );
  }
  const [{ runAgent }, { createArtifactStore }, { runProcess }, git, { ensureAgentCli }, { createRedactor }] =
    await Promise.all([
      import("./agent/agent.js"),
      import("./artifacts/artifact-store.js"),
      import("./exec/run-process.js"),
      import("./git/git.js"),
      import("./agent/ensure-agent-cli.js"),
      import("./security/redact-secrets.js"),
    ]);
  const secrets = knownSecrets(inputs);
  for (const secret of secrets) core.setSecret(secret);
  // The runner cancels a job with SIGINT, then SIGTERM: stop the agent, then still upload its status.
  const cancel = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      core.warning(`Received ${signal}: stopping the agent and recording a cancelled status.`);
      cancel.abort();
    });
  }
  const workingDir = inputs["working-directory"] ?? process.env.GITHUB_WORKSPACE ?? process.cwd();
  const tempDir = process.env.RUNNER_TEMP ?? (await import("node:os")).tmpdir();
  const run = runContext();
  const result = await runAgent(
    {
      github,
      log: logger,
      artifacts: await createArtifactStore(tempDir),
      workspace: git.createWorkspace(git.createGitRunner(workingDir)),
      runProcess,
      ensureCli: (kind) =>
        ensureAgentCli(kind, {
          path: process.env.PATH,
          prefix: `${tempDir}/pto-agent-cli`,
          version: inputs["agent-version"],
          log: logger.info,
        }),
      env: process.env,
      run: {
        runId: Number(run.runId) || 0,
        runAttempt: run.runAttempt,
        job: process.env.GITHUB_JOB ?? "agent",
      },
      workingDir,
      tempDir,
      now: () => new Date(),
      cancel: cancel.signal,
      redact: createRedactor(secrets),
    },
    inputs,
  );
  const { status } = result;
  core.setOutput("status", JSON.stringify(status));
  core.setOutput("outcome", status.outcome);
  core.setOutput("branch", status.branch_name);
  core.setOutput("pr-number", status.pr_number === null ? "" : String(status.pr_number));
  core.setOutput("pr-url", status.pr_url ?? "");
  await core.summary
    .addRaw(
      `### Task ${status.task_id}: ${status.status === "completed" ? "✅" : "❌"} ${status.outcome}\n\n${status.outcome_reason}\n\n` +
        `PR: ${status.pr_url ?? "none"} · turns ${status.num_turns ?? "—"} · cost ${status.cost_usd ?? "—"} · ${status.duration_seconds} s\n`,
      true,
    )
    .write();
  if (result.uploadError) {
    core.info(`Status document (not uploaded):\n${JSON.stringify(status, null, 2)}`);
    throw new Error(result.uploadError);
  }
  if (status.status === "failed")
    throw new Error(`Task ${status.task_id} ${status.outcome}: ${status.outcome_reason}`);
}

async function dispatch(inputs: Inputs): Promise<void> {
  const github = createGitHubClient({
    token: inputs["github-token"],
    ...repository(),
    writeIntervalMs: inputs["api-write-interval-ms"],
    warn: logger.warning,
    debug: logger.debug,
  });
  const event = await readEvent();
  switch (inputs.mode) {
    case "plan": {
      const hasArtifactService = Boolean(
        process.env.ACTIONS_RUNTIME_TOKEN && process.env.ACTIONS_RESULTS_URL,
      );
      const store = hasArtifactService && !inputs["dry-run"] ? await loadArtifactStore() : undefined;
      const result = await runPlan(
        {
          github,
          log: logger,
          event,
          actor: process.env.GITHUB_ACTOR ?? "",
          run: runContext(),
          now: () => new Date(),
          uploadPlan: store ? async (name, plan) => void (await store.uploadJson(name, plan)) : undefined,
        },
        inputs,
      );
      core.setOutput("matrix", JSON.stringify(result.matrix));
      core.setOutput("count", String(result.matrix.include.length));
      core.setOutput("master-issue", String(result.plan.master_issue.number));
      core.setOutput("task-count", String(result.plan.tasks.length));
      core.setOutput("outcome", result.plan.validation.outcome);
      core.setOutput("plan", JSON.stringify(result.plan));
      await core.summary.addRaw(result.report, true).write();
      if (result.aborted) {
        throw new Error(
          `Plan aborted: ${result.plan.validation.findings.find((f) => f.level === "error")?.message ?? "validation failed"}`,
        );
      }
      return;
    }
    case "agent":
      return runAgentMode(inputs, github);
    case "aggregate":
      return runAggregateMode(inputs, github);
    default: {
      const unreachable: never = inputs;
      throw new Error(`Unknown mode ${JSON.stringify((unreachable as { mode: string }).mode)}`);
    }
  }
}

async function loadArtifactStore() {
  const { createArtifactStore } = await import("./artifacts/artifact-store.js");
  return createArtifactStore();
}

async function runAggregateMode(
  inputs: AggregateInputs,
  github: ReturnType<typeof createGitHubClient>,
): Promise<void> {
  if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL) {
    throw new Error(
      "Aggregate mode needs the Actions artifact service (ACTIONS_RUNTIME_TOKEN): run it as a step of a workflow job.",
    );
  }
  const [{ runAggregate }, { createArtifactStore }] = await Promise.all([
    import("./aggregate/aggregate.js"),
    import("./artifacts/artifact-store.js"),
  ]);
  const run = runContext();
  const server = process.env.GITHUB_SERVER_URL ?? "https://github.com";
  const result = await runAggregate(
    {
      github,
      log: logger,
      artifacts: await createArtifactStore(),
      run,
      runUrl: `${server}/${process.env.GITHUB_REPOSITORY ?? ""}/actions/runs/${run.runId}`,
      now: () => new Date(),
    },
    inputs,
  );
  const { decision } = result;
  core.setOutput("success-rate", String(decision.rate));
  core.setOutput("succeeded", String(decision.succeeded));
  core.setOutput("failed", String(decision.failed));
  core.setOutput("verdict", decision.verdict);
  core.setOutput("pull-requests", JSON.stringify(result.pullRequests));
  core.setOutput("follow-up-issues", JSON.stringify(result.followUps));
  core.setOutput(
    "result",
    JSON.stringify({
      decision,
      tasks: result.results.map((r) => ({
        id: r.task.id,
        succeeded: r.succeeded,
        outcome: r.outcome,
        reason: r.reason,
        sub_issue: r.task.subIssue,
        pr: r.prNumber,
        carried_over: r.carriedOver,
      })),
    }),
  );
  // The job summary allows 1 MiB, so it can hold the whole report even when the comment was cut.
  await core.summary.addRaw(result.fullReport, true).write();
  if (!decision.passed) {
    throw new Error(
      `${decision.succeeded} of ${decision.total} tasks succeeded (${decision.rate}%), below the success threshold of ${inputs["success-threshold"]}%.`,
    );
  }
}
