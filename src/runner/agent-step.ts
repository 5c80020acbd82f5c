import * as core from "@actions/core";
import type { GitHubClient } from "../github/github-client.js";
import type { AgentInputs } from "../inputs.js";
import { knownSecrets, logger, requireArtifactService, runContext } from "./runner-context.js";

/**
 * Agent mode in the runner. The agent adapters, the process runner and the artifact client are loaded
 * here, lazily, so the other modes do not pay for them.
 */
/** How much of the agent's log may wait in memory for the runner to read it. */
const LOG_BUFFER_BYTES = 1024 * 1024;

export async function runAgentStep(inputs: AgentInputs, github: GitHubClient): Promise<void> {
  requireArtifactService("Agent");
  const [{ runAgent }, { createArtifactStore }, { runProcess }, git, { ensureAgentCli }, { createRedactor }] =
    await Promise.all([
      import("../agent/agent.js"),
      import("../artifacts/artifact-store.js"),
      import("../exec/run-process.js"),
      import("../git/git.js"),
      import("../agent/ensure-agent-cli.js"),
      import("../security/redact-secrets.js"),
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
      workspace: git.createWorkspace(git.createGitRunner(workingDir), inputs["github-token"]),
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
      secrets,
      // Our stdout is the job log: a pipe the runner drains at its own pace. Past 1 MiB not yet taken,
      // wait for it to drain rather than hold an agent's whole log in memory.
      logBackpressure: () =>
        process.stdout.writableLength > LOG_BUFFER_BYTES
          ? new Promise<void>((drained) => process.stdout.once("drain", () => drained()))
          : undefined,
    },
    inputs,
  );
  if (result.abandonedWork) {
    // Requests the job stopped waiting for (a stalled download, a push that hangs) would keep the process
    // alive until the runner kills it: once the result below is reported, end it. unref: never delays a
    // normal exit.
    setTimeout(() => process.exit(), 100).unref();
  }
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
