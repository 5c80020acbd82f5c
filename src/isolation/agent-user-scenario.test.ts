import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleForOtherUsers, type SharedBundle } from "../../__tests__/harness/isolation-bundle.js";
import { runInNetns } from "../../__tests__/harness/isolation-netns.js";
import { createSudoRunnerUser } from "../../__tests__/harness/isolation-runner-user.js";
import type { ScenarioInput, ScenarioReport } from "../../__tests__/harness/isolation-scenario.js";

const SCENARIO = join(import.meta.dirname, "../../__tests__/harness/isolation-scenario.ts");
const OTHER_ADDRESS = "192.0.2.1";
const CANARY = "pto-canary-7c1e0d";
const isRoot = process.getuid?.() === 0;

/** The runner's files as a job has them: RUNNER_TEMP with a checkout-v6 credential file and the env file. */
function prepareRunnerFiles(owner: { uid: number; gid: number }): { input: ScenarioInput; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), "pto-isolation-scenario-"));
  const runnerTemp = join(dir, "runner-temp");
  const commands = join(runnerTemp, "_runner_file_commands");
  const runnerHome = join(dir, "home");
  const tmpRoot = join(dir, "sandboxes");
  for (const path of [runnerTemp, commands, runnerHome, tmpRoot])
    mkdirSync(path, { recursive: true, mode: 0o755 });
  const input: ScenarioInput = {
    tmpRoot,
    secretFile: join(dir, "secret"),
    runnerTemp,
    credentialFile: join(runnerTemp, "git-credentials-0b1c.config"),
    envFile: join(commands, "set_env_0b1c"),
    runnerHome,
    otherAddress: OTHER_ADDRESS,
  };
  writeFileSync(input.credentialFile, "[http]\n\textraheader = AUTHORIZATION: basic canary\n", {
    mode: 0o644,
  });
  writeFileSync(input.envFile, "FROM_AN_EARLIER_STEP=canary\n", { mode: 0o644 });
  writeFileSync(input.secretFile, CANARY, { mode: 0o600 });
  writeFileSync(join(runnerHome, ".gitconfig"), "[user]\n", { mode: 0o644 });
  for (const path of [
    dir,
    runnerTemp,
    commands,
    runnerHome,
    tmpRoot,
    input.credentialFile,
    input.envFile,
    input.secretFile,
  ]) {
    chownSync(path, owner.uid, owner.gid);
  }
  chmodSync(dir, 0o755);
  return { input, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function runScenario(argv: string[]): Promise<ScenarioReport> {
  const result = await runInNetns(argv, { addresses: [`${OTHER_ADDRESS}/32`] });
  if (result.exitCode !== 0) throw new Error(`scenario failed (${result.exitCode}): ${result.stderr}`);
  return JSON.parse(result.stdout) as ScenarioReport;
}

/** What both privilege paths must show. */
function expectIsolated(report: ScenarioReport, input: ScenarioInput): void {
  expect(report.iptables).toBe(true);
  expect(report.user.name).toMatch(/^pto-agent-[0-9a-f]{8}$/);
  // The agent runs as its own user, with nothing but what was asked, unable to gain privileges.
  expect(report.isolated).toMatchObject({
    uid: report.user.uid,
    groups: [report.user.gid],
    noNewPrivs: true,
  });
  expect(Object.keys(report.isolated.env).sort()).toEqual(["HOME", "PATH", "PTO_PROBE", "TMPDIR"]);
  expect(report.isolated.cwd).toMatch(/\/pto-agent-[^/]+\/work$/);
  expect(JSON.stringify(report.isolated)).not.toContain(CANARY);
  // Controls: the runner's files are readable to others until protected; the canary is in the runner's environ.
  expect(report.beforeProtection.reads).toMatchObject({
    credential: "read",
    envFile: "read",
    ownEnviron: "read",
  });
  expect(report.beforeProtection.lists).toEqual({ runnerTemp: "listed", runnerHome: "listed" });
  expect(report.canaryInOwnEnviron).toBe(true);
  expect(report.protectedPaths.sort()).toEqual(
    [input.runnerTemp, input.envFile, join(input.envFile, ".."), input.runnerHome].sort(),
  );
  expect(report.isolated.reads).toEqual({
    credential: "EACCES",
    envFile: "EACCES",
    secret: "EACCES",
    runnerEnviron: "EACCES",
    ownEnviron: "read",
  });
  expect(report.isolated.lists).toEqual({ runnerTemp: "EACCES", runnerHome: "EACCES" });
  expect(report.restoredModes).toBe(true);
  // Egress: only the allowed loopback ports, refused at once (not hanging); the runner itself is not filtered.
  expect(report.isolated.connects).toEqual({
    allowed4: "connected",
    blocked4: "ECONNREFUSED",
    allowed6: "connected",
    blocked6: "ECONNREFUSED",
    other: "ECONNREFUSED",
  });
  expect(report.runnerReachesBlockedPort).toBe(true);
  expect(report.rulesLeftAfterRemove).toBe(false);
  expect(Object.values(report.afterFirewallRemoved.connects)).toEqual(Array(5).fill("connected"));
  // Lifetime: a setsid'd double fork is found and killed; a running agent ends when killed by user.
  expect(report.survivorsBeforeKill).toBeGreaterThanOrEqual(1);
  expect(report.killedSurvivors).toBeGreaterThanOrEqual(report.survivorsBeforeKill);
  expect(report.aliveAfterKill).toBe(0);
  expect(report.runningAgentEnded.exitCode !== 0 || report.runningAgentEnded.signal !== null).toBe(true);
  expect(report.afterDispose).toEqual({ userExists: false, rootExists: false, rulesLeft: false });
}

describe.skipIf(!isRoot)("an agent sandbox's whole life, in a fresh network namespace", () => {
  let bundle: SharedBundle;
  beforeAll(() => {
    bundle = bundleForOtherUsers(SCENARIO);
  });
  afterAll(() => bundle?.dispose());

  it("as root (a self-hosted runner): the agent user reads none of the runner's files or environment, connects only to the allowed loopback ports, and leaves nothing behind", async () => {
    const files = prepareRunnerFiles({ uid: 0, gid: 0 });
    try {
      const env = ["PATH=/usr/sbin:/usr/bin:/sbin:/bin", `PTO_CANARY=${CANARY}`];
      const report = await runScenario([
        "/usr/bin/env",
        "-i",
        ...env,
        process.execPath,
        bundle.file,
        JSON.stringify(files.input),
      ]);
      expect(report.privilege).toBe("root");
      expectIsolated(report, files.input);
    } finally {
      files.cleanup();
    }
  });

  it("as an unprivileged runner with passwordless sudo (GitHub-hosted): detectPrivilege says sudo and the same isolation holds", async () => {
    const runner = createSudoRunnerUser();
    const files = prepareRunnerFiles(runner);
    try {
      const argv = runner.runAs([process.execPath, bundle.file, JSON.stringify(files.input)], {
        PATH: "/usr/bin:/bin",
        HOME: runner.home,
        PTO_CANARY: CANARY,
      });
      const report = await runScenario(argv);
      expect(report.privilege).toBe("sudo");
      expectIsolated(report, files.input);
    } finally {
      files.cleanup();
      runner.dispose();
    }
  });
});
