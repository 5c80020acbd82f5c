// A whole agent-sandbox life, run by the isolation tests inside a fresh network namespace — as root, or
// bundled and run as an unprivileged runner user with passwordless sudo. Prints one JSON ScenarioReport.
import { existsSync, readFileSync, statSync } from "node:fs";
import { type AddressInfo, type Server, connect, createServer } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { runProcess } from "../../src/exec/run-process.js";
import { type AgentSandbox, createAgentSandbox } from "../../src/isolation/agent-user.js";
import { listProcessesOfUid } from "../../src/isolation/agent-user-processes.js";
import { iptablesUsable } from "../../src/isolation/egress-firewall.js";
import { detectPrivilege, requireSystemTool, runPrivileged } from "../../src/isolation/privilege.js";
import { protectRunnerFiles, restoreRunnerFiles } from "../../src/isolation/protect-runner-files.js";

/** Paths the test prepared, owned by the user running the scenario. */
export interface ScenarioInput {
  tmpRoot: string;
  /** A 0600 file of the runner. */
  secretFile: string;
  /** Stand-ins for RUNNER_TEMP, a credential file in it, the GITHUB_ENV file, and the runner's HOME. */
  runnerTemp: string;
  credentialFile: string;
  envFile: string;
  runnerHome: string;
  /** An address on lo that is not loopback (TEST-NET-1), for "no connection elsewhere". */
  otherAddress: string;
}

/** What the agent user could do, as seen from inside. */
export interface ProbeResult {
  uid: number;
  groups: number[];
  cwd: string;
  env: Record<string, string>;
  noNewPrivs: boolean;
  reads: Record<string, string>;
  lists: Record<string, string>;
  connects: Record<string, string>;
}

/** Everything the tests assert on. */
export interface ScenarioReport {
  privilege: string;
  iptables: boolean;
  user: { name: string; uid: number; gid: number };
  canaryInOwnEnviron: boolean;
  beforeProtection: ProbeResult;
  protectedPaths: string[];
  isolated: ProbeResult;
  restoredModes: boolean;
  runnerReachesBlockedPort: boolean;
  afterFirewallRemoved: ProbeResult;
  rulesLeftAfterRemove: boolean;
  survivorsBeforeKill: number;
  killedSurvivors: number;
  aliveAfterKill: number;
  runningAgentEnded: { exitCode: number | null; signal: string | null };
  afterDispose: { userExists: boolean; rootExists: boolean; rulesLeft: boolean };
  timingsMs: { createSandbox: number; applyFirewall: number; dispose: number };
}

/** Run by the agent user through `node -e`: reports identity, what it can read and list, where it can connect. */
const PROBE = `
const fs = require("node:fs");
const net = require("node:net");
const input = JSON.parse(process.argv[1]);
const attempt = (fn, ok) => { try { fn(); return ok; } catch (e) { return e.code; } };
const connect = ({ host, port }) => new Promise((resolve) => {
  const socket = net.connect({ host, port });
  const timer = setTimeout(() => { socket.destroy(); resolve("TIMEOUT"); }, 10000);
  socket.on("connect", () => { clearTimeout(timer); socket.destroy(); resolve("connected"); });
  socket.on("error", (e) => { clearTimeout(timer); resolve(e.code); });
});
(async () => {
  const out = { uid: process.getuid(), groups: process.getgroups(), cwd: process.cwd(), env: process.env,
    noNewPrivs: /NoNewPrivs:\\s+1/.test(fs.readFileSync("/proc/self/status", "utf8")), reads: {}, lists: {}, connects: {} };
  for (const [k, p] of Object.entries(input.reads)) out.reads[k] = attempt(() => fs.readFileSync(p), "read");
  for (const [k, p] of Object.entries(input.lists)) out.lists[k] = attempt(() => fs.readdirSync(p), "listed");
  for (const [k, e] of Object.entries(input.connects)) out.connects[k] = await connect(e);
  console.log(JSON.stringify(out));
})();`;

async function listen(host: string): Promise<Server & { port: number }> {
  const server = createServer((socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return Object.assign(server, { port: (server.address() as AddressInfo).port });
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(20);
  }
}

async function main(input: ScenarioInput): Promise<ScenarioReport> {
  const privilege = await detectPrivilege();
  if (!privilege) throw new Error("no privilege");
  const support = await iptablesUsable(privilege);
  const timings = { createSandbox: 0, applyFirewall: 0, dispose: 0 };
  let started = Date.now();
  const sandbox: AgentSandbox = await createAgentSandbox({ privilege, tmpRoot: input.tmpRoot });
  timings.createSandbox = Date.now() - started;
  const servers = {
    allowed4: await listen("127.0.0.1"),
    blocked4: await listen("127.0.0.1"),
    allowed6: await listen("::1"),
    blocked6: await listen("::1"),
    other: await listen(input.otherAddress),
  };
  const endpoints = Object.fromEntries(
    Object.entries(servers).map(([key, server]) => [
      key,
      { host: (server.address() as AddressInfo).address, port: server.port },
    ]),
  );
  const iptables = requireSystemTool("iptables");
  const rulesLeft = async () =>
    (await runPrivileged(privilege, [iptables, "-S"])).stdout.includes(`PTO-${sandbox.user.uid}`);
  const agentEnv = { PATH: "/usr/bin:/bin", HOME: sandbox.home, TMPDIR: sandbox.tmpDir, PTO_PROBE: "1" };
  const probe = async (spec: { reads?: object; lists?: object; connects?: object }): Promise<ProbeResult> => {
    const payload = JSON.stringify({ reads: {}, lists: {}, connects: {}, ...spec });
    const result = await runProcess({
      ...sandbox.wrap(process.execPath, ["-e", PROBE, payload], agentEnv),
      timeoutMs: 60_000,
    });
    if (result.exitCode !== 0) throw new Error(`probe failed: ${result.excerpt}`);
    return JSON.parse(result.stdoutTail ?? "") as ProbeResult;
  };
  const reads = {
    credential: input.credentialFile,
    envFile: input.envFile,
    secret: input.secretFile,
    runnerEnviron: `/proc/${process.pid}/environ`,
    ownEnviron: "/proc/self/environ",
  };
  const lists = { runnerTemp: input.runnerTemp, runnerHome: input.runnerHome };
  try {
    started = Date.now();
    const firewall = await sandbox.restrictEgress([
      { host: "127.0.0.1", port: servers.allowed4.port },
      { host: "::1", port: servers.allowed6.port },
    ]);
    timings.applyFirewall = Date.now() - started;
    const beforeProtection = await probe({ reads, lists });
    const protection = await protectRunnerFiles({
      paths: [input.runnerTemp, input.envFile, input.runnerHome],
      privilege,
    });
    const isolated = await probe({ reads, lists, connects: endpoints });
    await restoreRunnerFiles(protection.changed, privilege);
    const restoredModes = protection.changed.every((c) => (statSync(c.path).mode & 0o7777) === c.before);
    const runnerReachesBlockedPort = (await connectFromHere(servers.blocked4.port)) === "connected";
    await firewall.remove();
    const rulesLeftAfterRemove = await rulesLeft();
    const afterFirewallRemoved = await probe({ connects: endpoints });

    // A double-forked survivor in its own session, and a running agent stopped only by killAll.
    const spawnSurvivor =
      "setsid sh -c 'sleep 1000 </dev/null >/dev/null 2>&1 &'; nohup sleep 1000 </dev/null >/dev/null 2>&1 &";
    await runProcess({ ...sandbox.wrap("/bin/sh", ["-c", spawnSurvivor], agentEnv), timeoutMs: 60_000 });
    await waitFor(() => listProcessesOfUid(sandbox.user.uid).length >= 1, "the survivor to start");
    const survivorsBeforeKill = listProcessesOfUid(sandbox.user.uid).length;
    const killedSurvivors = await sandbox.killAll();
    const aliveAfterKill = listProcessesOfUid(sandbox.user.uid).length;
    const running = runProcess({ ...sandbox.wrap("/bin/sleep", ["1000"], agentEnv), killGraceMs: 60_000 });
    await waitFor(() => listProcessesOfUid(sandbox.user.uid).length > 0, "the agent to start");
    await sandbox.killAll();
    const ended = await running;

    started = Date.now();
    await sandbox.dispose();
    timings.dispose = Date.now() - started;
    return {
      privilege: privilege.kind,
      iptables: support.usable,
      user: sandbox.user,
      canaryInOwnEnviron: readFileSync("/proc/self/environ", "utf8").includes(process.env.PTO_CANARY ?? "\0"),
      beforeProtection,
      protectedPaths: protection.changed.map((c) => c.path),
      isolated,
      restoredModes,
      runnerReachesBlockedPort,
      afterFirewallRemoved,
      rulesLeftAfterRemove,
      survivorsBeforeKill,
      killedSurvivors,
      aliveAfterKill,
      runningAgentEnded: { exitCode: ended.exitCode, signal: ended.signal },
      afterDispose: {
        userExists: readFileSync("/etc/passwd", "utf8").includes(`${sandbox.user.name}:`),
        rootExists: existsSync(sandbox.root),
        rulesLeft: await rulesLeft(),
      },
      timingsMs: timings,
    };
  } finally {
    for (const server of Object.values(servers)) server.close();
    await sandbox.dispose().catch(() => undefined);
  }
}

/** Connects from this (the runner's) process: the rules apply to the agent's uid only. */
function connectFromHere(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.on("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

main(JSON.parse(process.argv[2] ?? "{}") as ScenarioInput).then(
  (report) => process.stdout.write(`${JSON.stringify(report)}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
