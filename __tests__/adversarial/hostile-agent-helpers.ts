/**
 * The hostile-agent catalogue's world: canary credentials, a runner's files as a job has them (open to
 * other users until the action closes them), a witness that any planted command would write to, an
 * "evil" repository a redirected push would reach, and the two ways a runner grants the privilege to
 * isolate the agent (the action as root, or as an unprivileged user with passwordless sudo).
 */
import { execFileSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createSudoRunnerUser, type SudoRunnerUser } from "../harness/isolation-runner-user.js";
import { parseOutputFile, type ActionRun } from "../harness/run-action.js";
import { createWorld, type StepOptions, type World } from "../harness/world.js";
import { startAnthropicStandIn, type AnthropicStandIn, type Script } from "../stand-ins/anthropic/server.js";
import { githubText } from "./helpers.js";

const SOURCE_AGENT = resolve(import.meta.dirname, "../fixtures/agents/hostile-agent.mjs");
const DIST = resolve(import.meta.dirname, "../../dist");

/** How the runner grants the privilege to isolate the agent. */
export type PrivilegeMode = "root" | "sudo";
/** Both, where the tests may create users (root); none elsewhere. */
export const PRIVILEGE_MODES: PrivilegeMode[] = process.getuid?.() === 0 ? ["root", "sudo"] : [];

/** git as root on repositories another user may own; `--git-dir` never discovers one. */
export const gitDir = (dir: string, ...args: string[]) =>
  execFileSync("git", ["--git-dir", dir, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });

/** Fresh canary credentials sharing one random tag, so any partial leak still shows. */
function makeCanaries() {
  const tag = randomBytes(8).toString("hex");
  return {
    tag,
    githubToken: `ghs_canary${tag}Gh`,
    checkoutToken: `ghs_canary${tag}Co`,
    idToken: `idtoken-canary-${tag}`,
    anthropicKey: `sk-ant-api03-canary${tag}A`,
    oauthToken: `sk-ant-oat01-canary${tag}B`,
  };
}

/** One step the test ran, with the runner files it got (outputs and summary are read from those). */
export interface StepRecord {
  job: string;
  run: ActionRun;
  outputs: Record<string, string>;
  summary: string;
  files: RunnerFiles;
  checkout: string;
  /** The ACTIONS_RUNTIME_TOKEN the step had: a credential like any other. */
  runtimeToken: string;
}

/** A job's runner files: RUNNER_TEMP with the file commands and checkout v6's credential file, HOME. */
interface RunnerFiles {
  root: string;
  env: Record<string, string>;
  /** Files that hold a canary by design (the credentials a real runner leaves). */
  planted: string[];
}

function own(path: string, owner: { uid: number; gid: number }) {
  execFileSync("chown", ["-R", `${owner.uid}:${owner.gid}`, path]);
}

function makeRunnerFiles(owner: { uid: number; gid: number }, checkoutToken: string): RunnerFiles {
  const root = fs.mkdtempSync(join(tmpdir(), "pto-hostile-runner-"));
  const temp = join(root, "temp");
  const commands = join(temp, "_runner_file_commands");
  const home = join(root, "home");
  for (const dir of [temp, commands, home]) fs.mkdirSync(dir, { recursive: true });
  const id = randomUUID();
  const env: Record<string, string> = { RUNNER_TEMP: temp, HOME: home };
  for (const [name, file] of Object.entries({
    GITHUB_ENV: "set_env",
    GITHUB_PATH: "add_path",
    GITHUB_OUTPUT: "set_output",
    GITHUB_STATE: "save_state",
    GITHUB_STEP_SUMMARY: "step_summary",
  })) {
    env[name] = join(commands, `${file}_${id}`);
    fs.writeFileSync(env[name], "", { mode: 0o666 });
  }
  const basic = Buffer.from(`x-access-token:${checkoutToken}`).toString("base64");
  const credentials = join(temp, `git-credentials-${id}.config`);
  fs.writeFileSync(
    credentials,
    `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${basic}\n`,
  );
  const stored = join(home, ".git-credentials");
  fs.writeFileSync(stored, `https://x-access-token:${checkoutToken}@github.com\n`);
  fs.writeFileSync(join(home, ".gitconfig"), "[user]\n\tname = runner\n");
  // As a runner leaves them: everyone may enter and read; the file commands are even writable.
  for (const path of [root, temp, commands, home]) fs.chmodSync(path, 0o755);
  for (const path of [credentials, stored, join(home, ".gitconfig")]) fs.chmodSync(path, 0o644);
  for (const name of ["GITHUB_ENV", "GITHUB_PATH", "GITHUB_OUTPUT", "GITHUB_STATE", "GITHUB_STEP_SUMMARY"])
    fs.chmodSync(env[name] as string, 0o666);
  own(root, owner);
  return { root, env: { ...env, CREDENTIALS: credentials }, planted: [credentials, stored] };
}

/** Everything the catalogue's tests share within one file. */
export interface HostileWorld {
  world: World;
  mode: PrivilegeMode;
  master: number;
  /** The task branches of the plan, in task order. */
  branches: string[];
  /** The plan job's outputs every later job passes on. */
  pin: Record<string, string>;
  canaries: ReturnType<typeof makeCanaries>;
  /** A 0666 file any planted command appends its environment to; its mtime is set far in the past. */
  witness: string;
  /** A 0777 directory planted commands `touch ran-<label>` in. */
  ranDir: string;
  /** A bare repository, writable by everyone, that a redirected push would reach. */
  evil: string;
  /** The agent a command adapter runs: a copy every user can read. */
  agentPath: string;
  /** The runner user in sudo mode. */
  runner?: SudoRunnerUser;
  anthropic: AnthropicStandIn[];
  steps: StepRecord[];
  /** Runs one step of the action as the mode's runner user, with fresh runner files and checkout. */
  step(job: string, inputs: StepInputs, options?: HostileStepOptions): Promise<StepRecord>;
  /** A started Anthropic stand-in whose requests are scanned too. */
  model(script: Script): Promise<AnthropicStandIn>;
  /** The `agent-command` that runs the hostile agent with `behaviour`. */
  command(behaviour: string, args?: Record<string, string>): string;
  /**
   * Runs task `task` (job `agent-<task>`) with the hostile agent, told `args` (a function of the step's
   * runner files). Odd tasks hold the API key, even ones the OAuth token; the model is a stand-in.
   */
  agent(
    task: string,
    behaviour: string,
    args?: (files: Record<string, string>) => Record<string, string>,
    extra?: { inputs?: Record<string, string>; attempt?: number },
  ): Promise<StepRecord>;
  close(): Promise<void>;
}

/** A step's inputs, or a function of its runner files' paths (RUNNER_TEMP, HOME, GITHUB_ENV, CREDENTIALS…). */
export type StepInputs = Record<string, string> | ((files: Record<string, string>) => Record<string, string>);

export interface HostileStepOptions extends Pick<StepOptions, "attempt" | "timeoutMs"> {
  env?: Record<string, string>;
}

const PAST = new Date("2001-01-01T00:00:00Z");

/** A world whose GitHub stand-in only accepts the canary token, with the master issue `body` planned. */
export async function createHostileWorld(mode: PrivilegeMode, body: string): Promise<HostileWorld> {
  const canaries = makeCanaries();
  const world = await createWorld(undefined, {
    tokens: {
      [canaries.githubToken]: { login: "github-actions[bot]", type: "Bot" },
      ghp_pat_token: { login: "maintainer-1", type: "User" },
    },
  });
  world.github.state.roles.set("maintainer-1", "maintain");
  const runner = mode === "sudo" ? createSudoRunnerUser() : undefined;
  const owner = runner ?? { uid: 0, gid: 0 };
  const drop = fs.mkdtempSync(join(tmpdir(), "pto-hostile-"));
  fs.chmodSync(drop, 0o755);
  fs.cpSync(DIST, join(drop, "dist"), { recursive: true });
  const agentPath = join(drop, "hostile-agent.mjs");
  fs.copyFileSync(SOURCE_AGENT, agentPath);
  const witness = join(drop, "witness");
  fs.writeFileSync(witness, "", { mode: 0o666 });
  fs.chmodSync(witness, 0o666);
  fs.utimesSync(witness, PAST, PAST);
  const ranDir = join(drop, "ran");
  fs.mkdirSync(ranDir);
  fs.chmodSync(ranDir, 0o777);
  const evil = join(drop, "evil.git");
  execFileSync("git", ["init", "--quiet", "--bare", evil]);
  own(evil, owner);
  execFileSync("chmod", ["-R", "a+rwX", evil]);
  // The world's origin belongs to the runner's user, as a checkout's remote would be reachable by it.
  own(dirname(world.origin.origin), owner);
  const runAs = runner
    ? { uid: runner.uid, gid: runner.gid, entry: join(drop, "dist", "index.js") }
    : undefined;
  const anthropic: AnthropicStandIn[] = [];
  const steps: StepRecord[] = [];
  const hw: HostileWorld = {
    world,
    mode,
    master: 0,
    pin: {},
    branches: [],
    canaries,
    witness,
    ranDir,
    evil,
    agentPath,
    runner,
    anthropic,
    steps,
    async step(job, inputs, options = {}) {
      const files = makeRunnerFiles(owner, canaries.checkoutToken);
      const checkout = join(files.root, "checkout");
      const runtimeToken = world.artifacts.runtimeToken(world.runId, job);
      // Cloned by the runner's user, as actions/checkout would: git trusts only a remote it owns.
      execFileSync("git", ["clone", "--quiet", world.origin.originUrl, checkout], {
        ...owner,
        env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: files.env.HOME },
      });
      const run = await world.step(
        job,
        {
          "github-token": canaries.githubToken,
          "master-issue": String(hw.master),
          ...hw.pin,
          ...(typeof inputs === "function" ? inputs(files.env) : inputs),
        },
        {
          ...options,
          cwd: checkout,
          runAs: runAs ?? { uid: 0, gid: 0, entry: join(drop, "dist", "index.js") },
          env: {
            ...files.env,
            GITHUB_WORKSPACE: checkout,
            ACTIONS_RUNTIME_TOKEN: runtimeToken,
            ACTIONS_ID_TOKEN_REQUEST_TOKEN: canaries.idToken,
            ACTIONS_ID_TOKEN_REQUEST_URL: "http://127.0.0.1:9/token",
            ...options.env,
          },
        },
      );
      const record: StepRecord = {
        job,
        run,
        outputs: parseOutputFile(fs.readFileSync(files.env.GITHUB_OUTPUT as string, "utf8")),
        summary: fs.readFileSync(files.env.GITHUB_STEP_SUMMARY as string, "utf8"),
        files,
        checkout,
        runtimeToken,
      };
      steps.push(record);
      return record;
    },
    async model(script) {
      const standIn = await startAnthropicStandIn(script);
      anthropic.push(standIn);
      return standIn;
    },
    command(behaviour, args = {}) {
      const all = { witness, "ran-dir": ranDir, ...args };
      return [`node ${agentPath} ${behaviour}`, ...Object.entries(all).map(([k, v]) => `--${k}=${v}`)].join(
        " ",
      );
    },
    async agent(task, behaviour, args = () => ({}), extra = {}) {
      // The model endpoint is the one place an agent must reach: what it sends there is scanned too.
      const model = anthropic[0] ?? (await hw.model([{ text: "OK" }]));
      const key: Record<string, string> =
        Number(task) % 2 === 1
          ? { "anthropic-api-key": canaries.anthropicKey }
          : { "claude-code-oauth-token": canaries.oauthToken };
      return hw.step(
        `agent-${task}`,
        (files) => ({
          mode: "agent",
          task,
          agent: "command",
          "agent-command": hw.command(behaviour, args(files)),
          ...key,
          ...extra.inputs,
        }),
        { env: { ANTHROPIC_BASE_URL: model.url }, attempt: extra.attempt },
      );
    },
    async close() {
      await world.close();
      for (const standIn of anthropic) await standIn.close();
      for (const step of steps) fs.rmSync(step.files.root, { recursive: true, force: true });
      fs.rmSync(drop, { recursive: true, force: true });
      fs.rmSync(dirname(world.origin.origin), { recursive: true, force: true });
      runner?.dispose();
    },
  };
  hw.master = world.github.seedIssue({ title: "Hostile agents", body, user: "maintainer-1" }).number;
  const plan = await hw.step("plan", { mode: "plan" });
  if (plan.run.exitCode !== 0) throw new Error(`plan failed: ${plan.run.stdout}${plan.run.stderr}`);
  hw.pin = {
    "plan-artifact-id": plan.outputs["plan-artifact-id"] ?? "",
    "plan-sha256": plan.outputs["plan-sha256"] ?? "",
  };
  hw.branches = JSON.parse(plan.outputs.matrix ?? "{}").include.map((e: { branch: string }) => e.branch);
  return hw;
}

/** Every form of every canary a leak could take: plain, base64, hex, reversed, and the shared tag. */
export function canaryForms(hw: HostileWorld): string[] {
  const { tag, ...values } = hw.canaries;
  const runtime = hw.steps.flatMap((s) => [s.runtimeToken, s.runtimeToken.split(".")[1] ?? ""]);
  const forms = [...Object.values(values), ...runtime].flatMap((s) => [
    s,
    Buffer.from(s).toString("base64"),
    Buffer.from(s).toString("hex"),
    [...s].reverse().join(""),
  ]);
  return [...forms, Buffer.from(`x-access-token:${hw.canaries.checkoutToken}`).toString("base64"), tag];
}

/** Text of every file under `dir` (not git's object store), skipping `except`. */
function filesText(dir: string, except: readonly string[]): string {
  const parts: string[] = [];
  const visit = (path: string) => {
    const info = fs.lstatSync(path, { throwIfNoEntry: false });
    if (!info || except.includes(path)) return;
    if (info.isDirectory()) {
      if (path.endsWith("/objects")) return;
      for (const name of fs.readdirSync(path)) visit(join(path, name));
    } else if (info.isFile()) parts.push(`${path}\n${fs.readFileSync(path, "latin1")}`);
  };
  visit(dir);
  return parts.join("\n");
}

/** Everywhere the agent could write or send something: the test looks for canaries in each. */
export function placesOf(hw: HostileWorld): Record<string, string> {
  const origin = hw.world.origin.origin;
  const log = (text: string) =>
    text
      .split("\n")
      .filter((line) => !line.startsWith("::add-mask::"))
      .join("\n");
  return {
    "origin's refs and whole history": [
      gitDir(origin, "for-each-ref"),
      gitDir(origin, "log", "--all", "-p", "--format=%H %an %ae %s%n%b"),
    ].join("\n"),
    artifacts: hw.world.artifacts.artifacts
      .map((a) => `${a.name}\n${a.content.toString("latin1")}`)
      .join("\n"),
    "job logs, summaries and outputs": hw.steps
      .map((s) =>
        [log(s.run.stdout), s.run.stderr, s.summary, JSON.stringify(s.outputs), s.run.summary].join("\n"),
      )
      .join("\n"),
    "GitHub requests and state": githubText(hw.world),
    "model requests (but the proxy's credential header)": hw.anthropic
      .flatMap((a) => a.requests)
      .map((r) => {
        const { "x-api-key": _key, authorization: _auth, ...headers } = r.headers;
        return JSON.stringify({ path: r.path, search: r.search, headers, body: r.body });
      })
      .join("\n"),
    "files left behind": [
      filesText(dirname(hw.witness), [join(dirname(hw.witness), "dist")]),
      ...hw.steps.map((s) => filesText(s.files.root, s.files.planted)),
    ].join("\n"),
  };
}

/** "<form> in <place>" for every canary form found anywhere. */
export function canaryLeaks(hw: HostileWorld): string[] {
  const forms = canaryForms(hw);
  return Object.entries(placesOf(hw)).flatMap(([place, text]) =>
    forms.filter((form) => text.includes(form)).map((form) => `${form} in ${place}`),
  );
}

/** What ran of what the agent planted: the witness's content or a changed mtime, and `ran-*` files. */
export function plantedRuns(hw: HostileWorld): string[] {
  const info = fs.statSync(hw.witness);
  const text = fs.readFileSync(hw.witness, "utf8");
  return [
    ...(text === "" ? [] : [`the witness holds ${text.length} bytes: ${text.slice(0, 500)}`]),
    ...(info.mtimeMs === PAST.getTime() ? [] : ["the witness was touched"]),
    ...fs.readdirSync(hw.ranDir),
  ];
}

/** The status document a task's agent uploaded. */
export function statusOf(hw: HostileWorld, task: string, attempt = 1): Record<string, unknown> {
  const name = `status-${hw.master}-${task}-${attempt}.json`;
  const record = hw.world.artifacts.artifacts.find((a) => a.name === name);
  if (!record) throw new Error(`no artifact ${name}`);
  return JSON.parse(record.content.toString("utf8")) as Record<string, unknown>;
}

/** What the hostile agent recorded, as published on the task's branch. */
export function lootOf(hw: HostileWorld, task: number, behaviour: string): Loot {
  const branch = hw.branches[task - 1] ?? "";
  return JSON.parse(gitDir(hw.world.origin.origin, "show", `${branch}:loot/${behaviour}.json`)) as Loot;
}

/** The hostile agent's record (see hostile-agent.mjs). */
export interface Loot {
  behaviour: string;
  uid: number;
  started: number;
  tries: Record<string, unknown>;
  found: Array<{ where: string; name: string; value: string }>;
  ancestors?: number[];
  uploads?: string[];
  survivors?: number[];
  delaySeconds?: number;
  direct?: Record<string, string>;
}
