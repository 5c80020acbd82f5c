/**
 * The shape of a workflow file as the local runner reads it, loading and light validation, typing of
 * `workflow_call` inputs, and the dependency order of jobs.
 */
import { readFile } from "node:fs/promises";
import { parse } from "yaml";

/** One step of a job, as written in YAML (values may hold `${{ }}`). */
export interface StepSpec {
  id?: string;
  name?: string;
  if?: unknown;
  uses?: string;
  run?: string;
  shell?: string;
  "working-directory"?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  "continue-on-error"?: unknown;
  "timeout-minutes"?: unknown;
}

export interface StrategySpec {
  matrix?: unknown;
  "fail-fast"?: unknown;
  "max-parallel"?: unknown;
}

export interface DefaultsSpec {
  run?: { shell?: string; "working-directory"?: string };
}

/** One job, as written in YAML. */
export interface JobSpec {
  name?: string;
  needs?: string | string[];
  if?: unknown;
  "runs-on"?: unknown;
  "timeout-minutes"?: unknown;
  "continue-on-error"?: unknown;
  concurrency?: unknown;
  permissions?: unknown;
  strategy?: StrategySpec;
  outputs?: Record<string, string>;
  env?: Record<string, unknown>;
  defaults?: DefaultsSpec;
  steps?: StepSpec[];
  /** A reusable workflow call (`uses: ./.github/workflows/x.yml`). */
  uses?: string;
  with?: Record<string, unknown>;
  secrets?: Record<string, unknown> | "inherit";
}

/** A declared input of `workflow_call` or `workflow_dispatch`. */
export interface InputSpec {
  description?: string;
  type?: "string" | "number" | "boolean" | "choice" | "environment";
  required?: boolean;
  default?: unknown;
  options?: unknown[];
}

export interface WorkflowSpec {
  name?: string;
  on?: unknown;
  env?: Record<string, unknown>;
  defaults?: DefaultsSpec;
  concurrency?: unknown;
  permissions?: unknown;
  jobs: Record<string, JobSpec>;
}

/** A workflow file read and checked: its spec, its `workflow_call` interface and its jobs in dependency order. */
export interface LoadedWorkflow {
  path: string;
  spec: WorkflowSpec;
  /** Whether `on:` has workflow_call: it is then run as a called workflow, with `callInputs`. */
  callable: boolean;
  callInputs: Record<string, InputSpec>;
  dispatchInputs: Record<string, InputSpec>;
  secrets: Record<string, { required?: boolean }>;
  outputs: Record<string, { value: string }>;
  /** Job ids, every job after all of its `needs`. */
  order: string[];
}

/** Raised for a workflow the runner cannot accept; GitHub would refuse it too. */
export class WorkflowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkflowError";
  }
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** A job's `needs` as a list. */
export function needsOf(job: JobSpec): string[] {
  if (job.needs === undefined) return [];
  return Array.isArray(job.needs) ? job.needs : [job.needs];
}

/** The trigger section of `on:` for an event (`workflow_call`, `workflow_dispatch`), or an empty one. */
export function triggerOf(spec: WorkflowSpec, event: string): Record<string, unknown> {
  const on = spec.on;
  if (on === event || (Array.isArray(on) && on.includes(event))) return {};
  return record(record(on)[event]);
}

/** Orders jobs so that each follows its needs; rejects unknown needs and cycles. */
export function dependencyOrder(jobs: Record<string, JobSpec>): string[] {
  const order: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (id: string, from: string[]) => {
    if (state.get(id) === "done") return;
    if (state.get(id) === "visiting")
      throw new WorkflowError(`Job dependency cycle: ${[...from, id].join(" → ")}`);
    state.set(id, "visiting");
    for (const need of needsOf(jobs[id] as JobSpec)) {
      if (!jobs[need]) throw new WorkflowError(`Job '${id}' depends on unknown job '${need}'`);
      visit(need, [...from, id]);
    }
    state.set(id, "done");
    order.push(id);
  };
  for (const id of Object.keys(jobs)) visit(id, []);
  return order;
}

/** Reads and checks a workflow file. */
export async function loadWorkflow(path: string): Promise<LoadedWorkflow> {
  const spec = parse(await readFile(path, "utf8")) as WorkflowSpec | null;
  if (!spec || typeof spec !== "object" || !spec.jobs || typeof spec.jobs !== "object") {
    throw new WorkflowError(`${path}: a workflow needs a 'jobs' mapping`);
  }
  for (const [id, job] of Object.entries(spec.jobs)) {
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(id)) throw new WorkflowError(`${path}: invalid job id '${id}'`);
    if (!job.uses && !Array.isArray(job.steps)) throw new WorkflowError(`${path}: job '${id}' has no steps`);
    for (const step of job.steps ?? []) {
      if ((step.uses === undefined) === (step.run === undefined)) {
        throw new WorkflowError(`${path}: a step of job '${id}' needs exactly one of 'uses' and 'run'`);
      }
    }
  }
  const call = triggerOf(spec, "workflow_call");
  const dispatch = triggerOf(spec, "workflow_dispatch");
  const on = spec.on;
  return {
    path,
    spec,
    callable:
      on === "workflow_call" ||
      (Array.isArray(on) && on.includes("workflow_call")) ||
      "workflow_call" in record(on),
    callInputs: record(call.inputs) as Record<string, InputSpec>,
    dispatchInputs: record(dispatch.inputs) as Record<string, InputSpec>,
    secrets: record(call.secrets) as Record<string, { required?: boolean }>,
    outputs: record(call.outputs) as Record<string, { value: string }>,
    order: dependencyOrder(spec.jobs),
  };
}

type InputValue = string | number | boolean;

function typed(name: string, spec: InputSpec, value: unknown): InputValue {
  switch (spec.type ?? "string") {
    case "number": {
      const n = typeof value === "number" ? value : Number(String(value).trim());
      if (String(value).trim() === "" || Number.isNaN(n))
        throw new WorkflowError(`Input '${name}' must be a number; got ${JSON.stringify(value)}`);
      return n;
    }
    case "boolean":
      if (value === true || value === "true") return true;
      if (value === false || value === "false") return false;
      throw new WorkflowError(`Input '${name}' must be a boolean; got ${JSON.stringify(value)}`);
    case "choice":
      if (spec.options && !spec.options.includes(value)) {
        throw new WorkflowError(
          `Input '${name}' must be one of ${JSON.stringify(spec.options)}; got ${JSON.stringify(value)}`,
        );
      }
      return String(value);
    default:
      return String(value);
  }
}

/**
 * The `inputs` context: every declared input typed (number, boolean, string) from the given value or
 * its default. Like GitHub, refuses undeclared inputs, missing required ones and values of the wrong type.
 */
export function resolveInputs(
  declared: Record<string, InputSpec>,
  given: Record<string, unknown>,
): Record<string, InputValue | null> {
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(declared, name))
      throw new WorkflowError(`Invalid input, ${name} is not defined in the workflow`);
  }
  const result: Record<string, InputValue | null> = {};
  for (const [name, spec] of Object.entries(declared)) {
    const value = given[name] ?? spec.default;
    if (value === undefined || value === null) {
      if (spec.required) throw new WorkflowError(`Input required and not supplied: ${name}`);
      // An absent input without default reads as its type's empty value.
      result[name] = spec.type === "boolean" ? false : spec.type === "number" ? null : "";
      continue;
    }
    result[name] = typed(name, spec, value);
  }
  return result;
}

/** The `secrets` context: the declared secrets that were given (and GITHUB_TOKEN); missing required ones are refused. */
export function resolveSecrets(
  declared: Record<string, { required?: boolean }>,
  given: Record<string, string>,
  token: string,
): Record<string, string> {
  const result: Record<string, string> = { GITHUB_TOKEN: token };
  const names = Object.keys(declared).length > 0 ? Object.keys(declared) : Object.keys(given);
  for (const name of names) {
    const value = given[name];
    if (value === undefined || value === "") {
      if (declared[name]?.required)
        throw new WorkflowError(`Secret ${name} is required, but not provided while calling.`);
      continue;
    }
    result[name] = value;
  }
  return result;
}
