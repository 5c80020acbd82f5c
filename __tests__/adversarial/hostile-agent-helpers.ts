// The hostile-agent catalogue's world: canary credentials, a runner's files as a job has them, a witness
// any planted command would write to, an "evil" repository, and the two ways a runner grants the privilege.
import { execFileSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { createSudoRunnerUser, type SudoRunnerUser } from "../harness/isolation-runner-user.js";
import { parseOutputFile, type ActionRun } from "../harness/run-action.js";
import { createWorld, type World } from "../harness/world.js";
import { startAnthropicStandIn, type AnthropicStandIn, type Script } from "../stand-ins/anthropic/server.js";
import { githubText } from "./helpers.js";

const SOURCE_AGENT = resolve(import.meta.dirname, "../fixtures/agents/hostile-agent.mjs");
const DIST = resolve(import.meta.dirname, "../../dist");
const PAST = new Date("2001-01-01T00:00:00Z");
/** GITHUB_<name> and the runner's file behind it. */
const FILE_COMMANDS =
  "ENV:set_env PATH:add_path OUTPUT:set_output STATE:save_state STEP_SUMMARY:step_summary";

/** How the runner grants the privilege to isolate the agent. */
export type PrivilegeMode = "root" | "sudo";
/** Both, where the tests may create users (as root); none elsewhere. */
export const PRIVILEGE_MODES: PrivilegeMode[] = process.getuid?.() === 0 ? ["root", "sudo"] : [];

/** git as root on repositories another user may own: `--git-dir` discovers nothing. */
export const gitDir = (dir: string, ...args: string[]) =>
  execFileSync("git", ["--git-dir", dir, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });

/** Gives a whole tree to `owner` (the runner's user, who must be able to write it). */
export const own = (path: string, owner: { uid: number; gid: number }) =>
  execFileSync("chown", ["-R", `${owner.uid}:${owner.gid}`, path]);

/** Fresh canary credentials sharing one random tag, so even a partial leak shows. */
function makeCanaries() {
  const tag = randomBytes(8).toString("hex");
  const [githubToken, checkoutToken] = [`ghs_canary${tag}Gh`, `ghs_canary${tag}Co`];
  const [anthropicKey, oauthToken] = [`sk-ant-api03-canary${tag}A`, `sk-ant-oat01-canary${tag}B`];
  return { tag, githubToken, checkoutToken, idToken: `idtoken-canary-${tag}`, anthropicKey, oauthToken };
}

/** One step the test ran; its outputs and summary are read from its own runner files. */
export interface StepRecord {
  job: string;
  run: ActionRun;
  outputs: Record<string, string>;
  summary: string;
  /** RUNNER_TEMP, HOME, GITHUB_ENV … and CREDENTIALS (checkout v6's file), all under `root`. */
  paths: Record<string, string>;
  root: string;
  /** The ACTIONS_RUNTIME_TOKEN it had: a credential like any other. */
  runtimeToken: string;
}

/** A job's runner files as a runner leaves them: everyone may enter and read, file commands are 0666. */
function makeRunnerFiles(owner: { uid: number; gid: number }, checkoutToken: string) {
  const root = fs.mkdtempSync(join(tmpdir(), "pto-hostile-runner-"));
  const [temp, home, id] = [join(root, "temp"), join(root, "home"), randomUUID()];
  const commands = join(temp, "_runner_file_commands");
  for (const dir of [temp, commands, home]) fs.mkdirSync(dir, { recursive: true });
  const paths: Record<string, string> = { RUNNER_TEMP: temp, HOME: home };
  const write = (path: string, content: string, mode: number) => fs.writeFileSync(path, content, { mode });
  for (const [name, file] of FILE_COMMANDS.split(" ").map((pair) => pair.split(":"))) {
    write((paths[`GITHUB_${name}`] = join(commands, `${file}_${id}`)), "", 0o666);
  }
  const basic = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${checkoutToken}`).toString("base64")}`;
  paths.CREDENTIALS = join(temp, `git-credentials-${id}.config`);
  write(paths.CREDENTIALS, `[http "https://github.com/"]\n\textraheader = ${basic}\n`, 0o644);
  write(join(home, ".git-credentials"), `https://x-access-token:${checkoutToken}@github.com\n`, 0o644);
  write(join(home, ".gitconfig"), "[user]\n\tname = runner\n", 0o644);
  // Past the umask: as a runner leaves them.
  execFileSync("chmod", ["-R", "a+rX", root]);
  execFileSync("chmod", ["a+w", ...Object.values(paths).filter((p) => p.includes("_runner_file_commands/"))]);
  own(root, owner);
  return { root, paths };
}

/** Everything the catalogue's tests share within one file; made by `createHostileWorld`. */
export class HostileWorld {
  master = 0;
  /** The plan's task branches, in task order, and the plan outputs later jobs pass on. */
  branches: string[] = [];
  pin: Record<string, string> = {};
  /** Every Anthropic stand-in started (their requests are scanned); the first serves command agents. */
  readonly anthropic: AnthropicStandIn[] = [];
  readonly steps: StepRecord[] = [];
  /** Where other users can read a snapshot of dist/, the hostile agent and the files below. */
  private readonly drop = fs.mkdtempSync(join(tmpdir(), "pto-hostile-"));
  /** Where planted commands would append their environment and `touch ran-<label>`; where a push would go. */
  readonly witness = join(this.drop, "witness");
  readonly ranDir = join(this.drop, "ran");
  readonly evil = join(this.drop, "evil.git");
  /** Who runs the action: root, or the runner user. */
  readonly owner: { uid: number; gid: number };

  constructor(
    readonly world: World,
    readonly canaries: ReturnType<typeof makeCanaries>,
    readonly runner: SudoRunnerUser | undefined,
  ) {
    this.owner = runner ?? { uid: 0, gid: 0 };
    fs.cpSync(DIST, join(this.drop, "dist"), { recursive: true });
    fs.copyFileSync(SOURCE_AGENT, join(this.drop, "hostile-agent.mjs"));
    fs.writeFileSync(this.witness, "");
    fs.utimesSync(this.witness, PAST, PAST);
    fs.mkdirSync(this.ranDir);
    execFileSync("git", ["init", "--quiet", "--bare", this.evil]);
    own(this.evil, this.owner);
    execFileSync("chmod", ["-R", "a+rwX", this.evil, this.ranDir, this.witness]);
    fs.chmodSync(this.drop, 0o755);
    own(dirname(world.origin.origin), this.owner);
  }

  /** Runs one step as the mode's runner user, with fresh runner files and a fresh checkout. */
  async step(
    job: string,
    inputs: (paths: Record<string, string>) => Record<string, string>,
    options: { attempt?: number; timeoutMs?: number; env?: Record<string, string> } = {},
  ): Promise<StepRecord> {
    const { root, paths } = makeRunnerFiles(this.owner, this.canaries.checkoutToken);
    const checkout = join(root, "checkout");
    // Cloned by the runner's user, as actions/checkout would: git trusts only a remote it owns.
    execFileSync("git", ["clone", "--quiet", this.world.origin.originUrl, checkout], {
      ...this.owner,
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: paths.HOME },
    });
    const runtimeToken = this.world.artifacts.runtimeToken(this.world.runId, job);
    const given = { "github-token": this.canaries.githubToken, "master-issue": String(this.master) };
    const run = await this.world.step(job, Object.assign(given, this.pin, inputs(paths)), {
      ...options,
      cwd: checkout,
      runAs: { ...this.owner, entry: join(this.drop, "dist", "index.js") },
      env: {
        ...paths,
        GITHUB_WORKSPACE: checkout,
        ACTIONS_RUNTIME_TOKEN: runtimeToken,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: this.canaries.idToken,
        ...options.env,
      },
    });
    const read = (name: string) => fs.readFileSync(paths[name] as string, "utf8");
    const [outputs, summary] = [parseOutputFile(read("GITHUB_OUTPUT")), read("GITHUB_STEP_SUMMARY")];
    this.steps.push({ job, run, outputs, summary, paths, root, runtimeToken });
    return this.steps.at(-1) as StepRecord;
  }

  async model(script: Script): Promise<AnthropicStandIn> {
    this.anthropic.push(await startAnthropicStandIn(script));
    return this.anthropic.at(-1) as AnthropicStandIn;
  }

  /**
   * Runs task `task` with the hostile agent doing `behaviour`, told `args` (from the step's runner paths),
   * with more `inputs` and step `env`. Odd tasks hold the API key, even ones the OAuth token.
   */
  async agent(
    task: string,
    behaviour: string,
    args: (paths: Record<string, string>) => Record<string, string> = () => ({}),
    { inputs = {}, env = {} }: { inputs?: Record<string, string>; env?: Record<string, string> } = {},
  ): Promise<StepRecord> {
    // The model endpoint is the one place an agent must reach: what it sends there is scanned too.
    const model = this.anthropic[0] ?? (await this.model([{ text: "OK" }]));
    const key = Number(task) % 2 ? "anthropic-api-key" : "claude-code-oauth-token";
    const credential = Number(task) % 2 ? this.canaries.anthropicKey : this.canaries.oauthToken;
    const told = (paths: Record<string, string>) =>
      Object.entries({ witness: this.witness, "ran-dir": this.ranDir, ...args(paths) })
        .map(([name, value]) => `--${name}=${value}`)
        .join(" ");
    const agent = `node ${join(this.drop, "hostile-agent.mjs")} ${behaviour}`;
    const given = { mode: "agent", task, agent: "command", ...inputs, [key]: credential };
    return this.step(`agent-${task}`, (paths) => ({ ...given, "agent-command": `${agent} ${told(paths)}` }), {
      env: { ANTHROPIC_BASE_URL: model.url, ...env },
    });
  }

  /** "<form> in <place>" for every form of every canary found anywhere the agent could write or send. */
  leaks(): string[] {
    const { tag, ...values } = this.canaries;
    const runtime = this.steps.flatMap((s) => [s.runtimeToken, s.runtimeToken.split(".")[1] ?? ""]);
    // Also as git's basic-auth header carries a token: base64 of `x-access-token:<token>`.
    const forms = [...Object.values(values), ...runtime].flatMap((s) => [
      ...[s, Buffer.from(s).toString("base64"), Buffer.from(s).toString("hex"), [...s].reverse().join("")],
      Buffer.from(`x-access-token:${s}`).toString("base64"),
    ]);
    forms.push(tag);
    return Object.entries(this.places()).flatMap(([place, text]) =>
      forms.filter((form) => text.includes(form)).map((form) => `${form} in ${place}`),
    );
  }

  /** Everywhere the agent could write or send something. */
  private places(): Record<string, string> {
    const origin = this.world.origin.origin;
    const unmasked = (log: string) => log.replace(/^::add-mask::.*$/gm, "");
    return {
      "origin's refs and history": `${gitDir(origin, "for-each-ref")}${gitDir(origin, "log", "--all", "-p")}`,
      artifacts: this.world.artifacts.artifacts
        .map((a) => `${a.name}\n${a.content.toString("latin1")}`)
        .join(),
      "job logs, summaries and outputs": this.steps
        .map((s) => [unmasked(s.run.stdout), s.run.stderr, s.summary, JSON.stringify(s.outputs)].join("\n"))
        .join("\n"),
      "GitHub requests and state": githubText(this.world),
      "model requests (but the proxy's credential header)": this.anthropic
        .flatMap((a) => a.requests)
        .map(({ path, search, body, headers: { "x-api-key": _k, authorization: _a, ...headers } }) =>
          JSON.stringify({ path, search, headers, body }),
        )
        .join("\n"),
      "files left behind": [this.drop, ...this.steps.map((s) => s.root)]
        .map((dir) => filesText(dir))
        .join("\n"),
    };
  }

  /** What ran of what the agent planted: the witness's content or a changed mtime, and `ran-*` files. */
  plantedRuns(): string[] {
    const text = fs.readFileSync(this.witness, "utf8");
    return [
      ...(text === "" ? [] : [`the witness holds ${text.length} bytes: ${text.slice(0, 500)}`]),
      ...(fs.statSync(this.witness).mtimeMs === PAST.getTime() ? [] : ["the witness was touched"]),
      ...fs.readdirSync(this.ranDir),
    ];
  }

  /** The status document task `task`'s agent uploaded. */
  status(task: string, attempt = 1): Record<string, unknown> {
    const name = `status-${this.master}-${task}-${attempt}.json`;
    const record = this.world.artifacts.artifacts.find((a) => a.name === name);
    if (!record) throw new Error(`no artifact ${name}`);
    return JSON.parse(record.content.toString("utf8")) as Record<string, unknown>;
  }

  /** The hostile agent's record (see hostile-agent.mjs), as published on task `task`'s branch. */
  loot(task: number, behaviour: string): Loot {
    const file = `${this.branches[task - 1] ?? ""}:loot/${behaviour}.json`;
    return JSON.parse(gitDir(this.world.origin.origin, "show", file)) as Loot;
  }

  async close(): Promise<void> {
    await this.world.close();
    for (const standIn of this.anthropic) await standIn.close();
    for (const dir of [this.drop, dirname(this.world.origin.origin), ...this.steps.map((s) => s.root)])
      fs.rmSync(dir, { recursive: true, force: true });
    this.runner?.dispose();
  }
}

/** The text of every file under `path` but the runner's credentials (canaries by design) and dist/. */
function filesText(path: string): string {
  const info = fs.lstatSync(path, { throwIfNoEntry: false });
  if (!info || /^(\.git-credentials|git-credentials-.*\.config|dist|objects)$/.test(basename(path)))
    return "";
  if (info.isFile()) return `${path}\n${fs.readFileSync(path, "latin1")}`;
  const names = info.isDirectory() ? fs.readdirSync(path) : [];
  return names.map((name) => filesText(join(path, name))).join("\n");
}

/** A world whose GitHub stand-in accepts only the canary token, with the master issue `body` planned. */
export async function createHostileWorld(mode: PrivilegeMode, body: string): Promise<HostileWorld> {
  const canaries = makeCanaries();
  const bot = { login: "github-actions[bot]", type: "Bot" } as const;
  const tokens = {
    [canaries.githubToken]: bot,
    ghp_pat_token: { login: "maintainer-1", type: "User" } as const,
  };
  const world = await createWorld(undefined, { tokens });
  world.github.state.roles.set("maintainer-1", "maintain");
  const runner = mode === "sudo" ? createSudoRunnerUser() : undefined;
  let hw: HostileWorld | undefined;
  try {
    hw = new HostileWorld(world, canaries, runner);
    hw.master = world.github.seedIssue({ title: "Hostile agents", body, user: "maintainer-1" }).number;
    const plan = await hw.step("plan", () => ({ mode: "plan" }));
    if (plan.run.exitCode !== 0) throw new Error(`plan failed: ${plan.run.stdout}${plan.run.stderr}`);
    const { "plan-artifact-id": id = "", "plan-sha256": sha = "", matrix = "{}" } = plan.outputs;
    hw.pin = { "plan-artifact-id": id, "plan-sha256": sha };
    hw.branches = (JSON.parse(matrix) as { include: Array<{ branch: string }> }).include.map((e) => e.branch);
    return hw;
  } catch (error) {
    // The runner user and its sudoers entry must not outlive a failed set-up.
    await (hw ? hw.close() : world.close().finally(() => runner?.dispose()));
    throw error;
  }
}

/** What the hostile agent recorded: each try's result ("ok", what it read, or an error code), its finds. */
export interface Loot {
  uid: number;
  started: number;
  tries: Record<string, unknown>;
  found: Array<{ where: string; name: string; value: string }>;
  ancestors?: number[];
  uploads?: string[];
  survivors?: number[];
  direct?: Record<string, string>;
}
