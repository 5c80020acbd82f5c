import * as core from "@actions/core";
import type { GitHubClient } from "../github/github-client.js";
import type { AgentInputs } from "../inputs.js";
import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { chmod, lstat, mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { IsolationPort } from "../agent/agent-containment.js";
import { knownSecrets, logger, repository, requireArtifactService, runContext } from "./runner-context.js";

/**
 * Agent mode in the runner. The agent adapters, the process runner and the artifact client are loaded
 * here, lazily, so the other modes do not pay for them.
 */
/** How much of the agent's log may wait in memory for the runner to read it. */
const LOG_BUFFER_BYTES = 1024 * 1024;

export async function runAgentStep(inputs: AgentInputs, github: GitHubClient): Promise<void> {
  requireArtifactService("Agent");
  const [{ runAgent }, { createArtifactStore }, { runProcess }, { ensureAgentCli }, { createRedactor }] =
    await Promise.all([
      import("../agent/agent.js"),
      import("../artifacts/artifact-store.js"),
      import("../exec/run-process.js"),
      import("../agent/ensure-agent-cli.js"),
      import("../security/redact-secrets.js"),
    ]);
  const secrets = knownSecrets(inputs);
  // The agent's stand-in for a model key: only worth something to the job's own proxy, but masked and
  // redacted like a key (not searched for in the change: an agent may well write its own environment).
  const modelPlaceholder = `pto-placeholder-${randomBytes(24).toString("hex")}`;
  for (const secret of [...secrets, modelPlaceholder]) core.setSecret(secret);
  // The runner cancels a job with SIGINT, then SIGTERM: stop the agent, then still upload its status.
  const cancel = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      core.warning(`Received ${signal}: stopping the agent and recording a cancelled status.`);
      cancel.abort();
    });
  }
  // Relative to the workspace, as the runner resolves paths of actions.
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const workingDir = resolve(workspace, inputs["working-directory"] ?? ".");
  const tempDir = process.env.RUNNER_TEMP ?? (await import("node:os")).tmpdir();
  const run = runContext();
  const isolation = inputs.isolation === "user" ? await isolationPort(inputs, workingDir) : undefined;
  if (!isolation)
    core.warning("isolation: none — the agent runs as the runner's user and holds its model key.");
  const { owner, repo } = repository();
  const serverUrl = process.env.GITHUB_SERVER_URL ?? "https://github.com";
  const result = await runAgent(
    {
      github,
      log: logger,
      artifacts: await createArtifactStore(tempDir),
      runProcess,
      isolation,
      checkoutDir: existsSync(`${workingDir}/.git`) ? workingDir : undefined,
      defaultRemoteUrl: `${serverUrl}/${owner}/${repo}.git`,
      ensureCli: async (kind) =>
        ensureAgentCli(kind, {
          path: process.env.PATH,
          // Not under RUNNER_TEMP, which the agent's user cannot enter: a fresh directory it can read.
          prefix: await cliPrefix(),
          version: inputs["agent-version"],
          log: logger.info,
        }),
      env: process.env,
      run: {
        runId: Number(run.runId) || 0,
        runAttempt: run.runAttempt,
        job: process.env.GITHUB_JOB ?? "agent",
      },
      tempDir,
      now: () => new Date(),
      cancel: cancel.signal,
      redact: createRedactor([...secrets, modelPlaceholder]),
      modelPlaceholder,
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

/**
 * Where the agent CLI is installed: readable by the agent's user (RUNNER_TEMP is not), writable only by
 * us, fresh for this job (two installs of Claude Code into one directory fail) and removed at its end. A
 * parent of that name someone else made, or can write, is refused.
 */
async function cliPrefix(): Promise<string> {
  const parent = join(tmpdir(), `pto-agent-cli-${process.getuid?.() ?? "user"}`);
  await mkdir(parent, { recursive: true, mode: 0o755 });
  const info = await lstat(parent);
  if (!info.isDirectory() || info.uid !== process.getuid?.() || (info.mode & 0o022) !== 0) {
    throw new Error(
      `${parent} is not a directory only this user can write: refusing to install the agent CLI there`,
    );
  }
  const dir = await mkdtemp(join(parent, "job-"));
  await chmod(dir, 0o755);
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * The runner's side of isolating the agent: the privilege to make its user (root, or passwordless sudo
 * as on GitHub-hosted runners), the runner's files it must not read, and whether its network is
 * firewalled (`egress-firewall: auto` means on GitHub-hosted runners, where iptables is ours to use).
 */
async function isolationPort(inputs: AgentInputs, workingDir: string): Promise<IsolationPort> {
  const [{ detectPrivilege, ISOLATION_UNAVAILABLE_MESSAGE }, { createAgentSandbox }, files, firewall] =
    await Promise.all([
      import("../isolation/privilege.js"),
      import("../isolation/agent-user.js"),
      import("../isolation/protect-runner-files.js"),
      import("../isolation/egress-firewall.js"),
    ]);
  const privilege = await detectPrivilege();
  const wanted = inputs["egress-firewall"];
  const hosted = process.env.RUNNER_ENVIRONMENT === "github-hosted";
  const useFirewall = wanted === "on" || (wanted === "auto" && hosted);
  return {
    firewall: useFirewall,
    async open() {
      if (!privilege) throw new Error(ISOLATION_UNAVAILABLE_MESSAGE);
      if (useFirewall) {
        const support = await firewall.iptablesUsable(privilege);
        if (!support.usable)
          throw new Error(`egress-firewall is on but iptables cannot be used: ${support.reason}`);
      }
      const e = process.env;
      const runnerFiles = [
        e.RUNNER_TEMP,
        e.GITHUB_WORKSPACE,
        workingDir,
        e.HOME,
        e.GITHUB_ENV,
        e.GITHUB_OUTPUT,
        e.GITHUB_PATH,
        e.GITHUB_STATE,
        e.GITHUB_STEP_SUMMARY,
        e.GITHUB_EVENT_PATH,
      ].filter((p): p is string => p !== undefined && p !== "");
      const report = await files.protectRunnerFiles({ paths: runnerFiles, privilege });
      try {
        const sandbox = await createAgentSandbox({ privilege });
        return { sandbox, restore: () => files.restoreRunnerFiles(report.changed, privilege) };
      } catch (error) {
        await files.restoreRunnerFiles(report.changed, privilege);
        throw error;
      }
    },
  };
}
