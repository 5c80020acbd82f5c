/**
 * One step of a job, as the runner executes it: `actions/checkout` (a clone of the origin, or a copy
 * of our action), a local JavaScript action (`uses: ./path`, `node <runs.main>` with INPUT_* variables),
 * or a `run:` script; with the GITHUB_OUTPUT / GITHUB_ENV / GITHUB_PATH / GITHUB_STEP_SUMMARY files.
 */
import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parse } from "yaml";
import { parseOutputFile } from "../harness/run-action.js";
import { errorText } from "./errors.js";
import { interpolate, type ExpressionScope } from "./expressions.js";
import { runProcess, type ProcessResult } from "./processes.js";
import type { RunResult, StepReport } from "./report.js";
import type { StepSpec } from "./workflow-model.js";

/** Everything a step needs from its job and the run. */
export interface StepRuntime {
  workspace: string;
  runnerTemp: string;
  /** Environment of every step: runner variables, the run's extra env, workflow and job `env:`, GITHUB_ENV. */
  env: Record<string, string>;
  /** Given to action steps only, as the runner does: ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL. */
  actionEnv: Record<string, string>;
  scope: ExpressionScope;
  defaults: { shell?: string; workingDirectory?: string };
  originUrl: string;
  /** `github.repository`: checkouts of it clone originUrl. */
  repository: string;
  /** Checkouts of this repository copy `action.yml` and `dist/` of actionDir instead. */
  actionRepository?: string;
  actionDir: string;
  /** Inputs given to every local action step where neither `with:` sets them; over action.yml defaults. */
  actionInputDefaults: Record<string, string>;
  signal: AbortSignal;
  graceMs: number;
  killAfterMs: number;
}

/** A finished step and what it left for the next ones. */
export interface StepOutcome {
  report: StepReport;
  /** Variables written to GITHUB_ENV. */
  env: Record<string, string>;
  /** Directories written to GITHUB_PATH. */
  path: string[];
}

interface FileCommands {
  output: string;
  summary: string;
  env: string;
  path: string;
  state: string;
}

const text = (value: unknown, scope: ExpressionScope) =>
  value === undefined || value === null ? "" : interpolate(String(value), scope);

function inside(root: string, path: string): string {
  const target = resolve(root, path);
  if (relative(root, target).startsWith("..")) throw new Error(`Path '${path}' leaves the workspace`);
  return target;
}

function evaluateEnv(
  env: Record<string, unknown> | undefined,
  scope: ExpressionScope,
): Record<string, string> {
  return Object.fromEntries(Object.entries(env ?? {}).map(([k, v]) => [k, text(v, scope)]));
}

async function checkout(
  step: StepSpec,
  rt: StepRuntime,
  env: Record<string, string>,
): Promise<ProcessResult> {
  const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, text(v, rt.scope)]));
  const repository = inputs.repository || rt.repository;
  const dest = inside(rt.workspace, inputs.path ?? "");
  await mkdir(dest, { recursive: true });
  if (rt.actionRepository && repository.toLowerCase() === rt.actionRepository.toLowerCase()) {
    // Our action: what the runner would fetch at that ref is, for the tests, the working tree's build.
    await cp(join(rt.actionDir, "action.yml"), join(dest, "action.yml"));
    await cp(join(rt.actionDir, "dist"), join(dest, "dist"), { recursive: true });
    const ref = inputs.ref ? ` (instead of ${repository}@${inputs.ref})` : "";
    return {
      exitCode: 0,
      signal: null,
      stdout: `Copied action.yml and dist/ of ${rt.actionDir} to ${dest}${ref}\n`,
      stderr: "",
    };
  }
  if (repository.toLowerCase() !== rt.repository.toLowerCase()) {
    throw new Error(
      `actions/checkout: the local runner can check out ${rt.repository} or the action repository, not ${repository}`,
    );
  }
  if ((await readdir(dest)).length > 0) throw new Error(`actions/checkout: ${dest} is not empty`);
  const options = {
    cwd: rt.workspace,
    env,
    signal: rt.signal,
    graceMs: rt.graceMs,
    killAfterMs: rt.killAfterMs,
  };
  const clone = await runProcess("git", ["clone", "--quiet", "--no-hardlinks", rt.originUrl, dest], options);
  if (clone.exitCode !== 0 || !inputs.ref) return clone;
  const switched = await runProcess("git", ["-C", dest, "checkout", "--quiet", inputs.ref], options);
  return { ...switched, stdout: clone.stdout + switched.stdout, stderr: clone.stderr + switched.stderr };
}

async function localAction(
  step: StepSpec,
  index: number,
  rt: StepRuntime,
  env: Record<string, string>,
  warnings: string[],
): Promise<ProcessResult> {
  const dir = inside(rt.workspace, step.uses as string);
  const file = ["action.yml", "action.yaml"].map((name) => join(dir, name)).find((path) => existsSync(path));
  if (!file)
    throw new Error(
      `Can't find 'action.yml' or 'action.yaml' under '${dir}'. Did you forget to run actions/checkout?`,
    );
  const action = parse(await readFile(file, "utf8")) as {
    inputs?: Record<string, { default?: unknown }>;
    runs?: { using?: string; main?: string };
  };
  if (!action.runs?.using?.startsWith("node") || !action.runs.main) {
    throw new Error(
      `${file}: only JavaScript actions (runs.using: node*) are supported; got ${String(action.runs?.using)}`,
    );
  }
  const declared = action.inputs ?? {};
  const given = step.with ?? {};
  const unexpected = Object.keys(given).filter((name) => !Object.hasOwn(declared, name));
  if (unexpected.length > 0) {
    warnings.push(
      `Unexpected input(s) '${unexpected.join("', '")}', valid inputs are ['${Object.keys(declared).join("', '")}']`,
    );
  }
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(declared)) {
    if (spec?.default !== undefined) inputs[name] = text(spec.default, rt.scope);
  }
  Object.assign(inputs, rt.actionInputDefaults);
  for (const [name, value] of Object.entries(given)) inputs[name] = text(value, rt.scope);
  const inputEnv = Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, "_").toUpperCase()}`, value]),
  );
  const stepEnv = {
    ...env,
    ...rt.actionEnv,
    ...inputEnv,
    GITHUB_ACTION: step.id ?? `__run_${index}`,
    GITHUB_ACTION_PATH: dir,
  };
  return runProcess(process.execPath, [join(dir, action.runs.main)], {
    cwd: rt.workspace,
    env: stepEnv,
    signal: rt.signal,
    graceMs: rt.graceMs,
    killAfterMs: rt.killAfterMs,
  });
}

const SHELLS: Record<string, string> = {
  bash: "bash --noprofile --norc -eo pipefail {0}",
  sh: "sh -e {0}",
  python: "python3 {0}",
  node: "node {0}",
};

async function script(
  step: StepSpec,
  index: number,
  rt: StepRuntime,
  env: Record<string, string>,
): Promise<ProcessResult> {
  // Like GitHub, `${{ }}` in the script text is substituted before the shell sees it (our workflows avoid it).
  const body = text(step.run, rt.scope);
  const file = join(rt.runnerTemp, `step-${index}-${Date.now()}.sh`);
  await writeFile(file, body);
  const shell = text(step.shell ?? rt.defaults.shell ?? "bash", rt.scope);
  const template = SHELLS[shell] ?? (shell.includes("{0}") ? shell : `${shell} {0}`);
  const [command, ...args] = template.split(/\s+/).map((part) => part.replace("{0}", file));
  const cwd = inside(
    rt.workspace,
    text(step["working-directory"] ?? rt.defaults.workingDirectory ?? ".", rt.scope),
  );
  return runProcess(command as string, args, {
    cwd,
    env,
    signal: rt.signal,
    graceMs: rt.graceMs,
    killAfterMs: rt.killAfterMs,
  });
}

/** The name GitHub shows for a step without `name:`. */
export function defaultStepName(step: StepSpec): string {
  if (step.uses) return `Run ${step.uses}`;
  return `Run ${(step.run ?? "").trim().split("\n")[0] ?? ""}`;
}

/** Runs one step whose `if:` already passed. Never throws: errors become a failed step with `error`. */
export async function runStep(step: StepSpec, index: number, rt: StepRuntime): Promise<StepOutcome> {
  const started = Date.now();
  const kind =
    step.run !== undefined ? "run" : /^actions\/checkout@/.test(step.uses ?? "") ? "checkout" : "action";
  const warnings: string[] = [];
  const dir = join(rt.runnerTemp, "_runner_file_commands");
  const files: FileCommands = {
    output: join(dir, `set_output_${index}`),
    summary: join(dir, `step_summary_${index}`),
    env: join(dir, `set_env_${index}`),
    path: join(dir, `add_path_${index}`),
    state: join(dir, `save_state_${index}`),
  };
  let name = defaultStepName(step);
  let proc: ProcessResult = { exitCode: null, signal: null, stdout: "", stderr: "" };
  let error: string | undefined;
  try {
    if (step.name !== undefined) name = text(step.name, rt.scope);
    await mkdir(dir, { recursive: true });
    for (const file of Object.values(files)) await writeFile(file, "");
    const stepEnv = evaluateEnv(step.env, {
      ...rt.scope,
      contexts: { ...rt.scope.contexts, env: { ...rt.env } },
    });
    const env = {
      ...rt.env,
      ...stepEnv,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_ENV: files.env,
      GITHUB_PATH: files.path,
      GITHUB_STATE: files.state,
    };
    if (kind === "checkout") proc = await checkout(step, rt, env);
    else if (kind === "run") proc = await script(step, index, rt, env);
    else if (step.uses?.startsWith("./")) proc = await localAction(step, index, rt, env, warnings);
    else
      throw new Error(
        `uses: ${step.uses}: the local runner runs actions/checkout and local actions (./path) only`,
      );
  } catch (caught) {
    error = errorText(caught);
  }
  const read = async (path: string) => readFile(path, "utf8").catch(() => "");
  const failed = error !== undefined || proc.exitCode !== 0;
  const outcome: RunResult = rt.signal.aborted ? "cancelled" : failed ? "failure" : "success";
  const continueOnError =
    step["continue-on-error"] === true || text(step["continue-on-error"], rt.scope) === "true";
  return {
    report: {
      index,
      ...(step.id !== undefined ? { id: step.id } : {}),
      name,
      kind,
      result: outcome === "failure" && continueOnError ? "success" : outcome,
      outcome,
      exitCode: proc.exitCode,
      signal: proc.signal,
      stdout: proc.stdout,
      stderr: proc.stderr,
      summary: await read(files.summary),
      outputs: parseOutputFile(await read(files.output)),
      warnings,
      ...(error !== undefined ? { error } : {}),
      durationMs: Date.now() - started,
    },
    env: parseOutputFile(await read(files.env)),
    path: (await read(files.path)).split("\n").filter((line) => line.trim() !== ""),
  };
}
