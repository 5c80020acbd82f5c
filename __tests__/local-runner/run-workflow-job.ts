/**
 * One job of a workflow, as GitHub schedules it once its `needs` are done: the job's `if:` (with the
 * status of all its ancestors), its strategy (matrix, max-parallel, fail-fast), the instances, and the
 * combined result and outputs that `needs.<id>` shows to later jobs.
 */
import { setMaxListeners } from "node:events";
import { errorText } from "./errors.js";
import {
  evaluateCondition,
  evaluateDeep,
  interpolate,
  isTruthy,
  type ExpressionScope,
} from "./expressions.js";
import { defaultInstanceName, expandMatrix, type MatrixValues } from "./matrix.js";
import type { JobInstanceReport, JobReport, JobRef, RunResult, WorkflowEvent } from "./report.js";
import { runJobInstance, type JobInstance, type JobRuntime } from "./run-job.js";
import { needsOf, type WorkflowSpec } from "./workflow-model.js";

/** What the job scheduler needs from the run. */
export interface WorkflowJobRuntime {
  spec: WorkflowSpec;
  /** github, inputs, secrets, vars. */
  contexts: Record<string, unknown>;
  /** The workflow's `env:`, evaluated. */
  env: Record<string, string>;
  job: JobRuntime;
  keyPrefix: string;
  namePrefix: string;
  jobFilter?: (job: { id: string; name?: string }) => boolean;
  emit(event: WorkflowEvent): void;
  /** Runs a job that `uses:` a reusable workflow, as one instance. */
  callWorkflow(ref: JobRef, index: number, contexts: Record<string, unknown>): Promise<JobInstanceReport>;
}

/** GitHub's default job timeout, in minutes. */
const DEFAULT_TIMEOUT_MINUTES = 360;

/** `needs.<id>.result` of a job from its instances: any failure, else any cancellation, else success. */
export function combineResults(results: RunResult[]): RunResult {
  if (results.length === 0 || results.every((r) => r === "skipped")) return "skipped";
  if (results.includes("failure")) return "failure";
  if (results.includes("cancelled")) return "cancelled";
  return "success";
}

/** Every job `id` depends on, directly or through other jobs. */
function ancestorsOf(spec: WorkflowSpec, id: string, found = new Set<string>()): Set<string> {
  for (const need of needsOf(spec.jobs[id] ?? {})) {
    if (!found.has(need)) {
      found.add(need);
      ancestorsOf(spec, need, found);
    }
  }
  return found;
}

function numberFrom(value: unknown, what: string): number {
  const n = typeof value === "number" ? value : Number(String(value).trim());
  if (String(value).trim() === "" || !Number.isFinite(n) || n <= 0) {
    throw new Error(`Unexpected value '${String(value)}' for ${what}: a positive number is required`);
  }
  return n;
}

/** Runs job `id` given the reports of the jobs before it; never throws. */
export async function runWorkflowJob(
  id: string,
  done: Record<string, JobReport>,
  rt: WorkflowJobRuntime,
): Promise<JobReport> {
  const started = Date.now();
  const spec = rt.spec.jobs[id] ?? {};
  const displayName = rt.namePrefix + (spec.name && !spec.name.includes("${{") ? spec.name : id);
  const report: JobReport = {
    id,
    name: displayName,
    result: "skipped",
    outputs: {},
    instances: [],
    durationMs: 0,
  };
  const jobRef: JobRef = { id, key: rt.keyPrefix + id, name: displayName };
  const end = (result: RunResult, detail?: string) => {
    report.result = result;
    report.durationMs = Date.now() - started;
    if (report.instances.length === 0) {
      rt.emit({
        type: "job-end",
        at: new Date(),
        job: jobRef,
        result,
        durationMs: report.durationMs,
        ...(detail ? { detail } : {}),
      });
    }
    return report;
  };
  if (rt.jobFilter && !rt.jobFilter({ id, ...(spec.name ? { name: spec.name } : {}) })) {
    report.skippedBy = "filter";
    return end("skipped", "filtered out");
  }
  const needs = Object.fromEntries(
    needsOf(spec).map((need) => [
      need,
      { result: done[need]?.result ?? "skipped", outputs: done[need]?.outputs ?? {} },
    ]),
  );
  const ancestors = [...ancestorsOf(rt.spec, id)].map((a) => done[a]?.result ?? "skipped");
  // A job-level if: sees github, needs, vars and inputs only; success() looks at every ancestor.
  const ifScope: ExpressionScope = {
    contexts: { github: rt.contexts.github, inputs: rt.contexts.inputs, vars: rt.contexts.vars, needs },
    status: {
      success: () => ancestors.every((r) => r === "success"),
      failure: () => ancestors.includes("failure"),
      cancelled: () => false,
    },
  };
  const base = { ...rt.contexts, needs, matrix: null, strategy: {} };
  let combinations: Array<MatrixValues | undefined>;
  let failFast = true;
  let maxParallel = Infinity;
  try {
    if (!evaluateCondition(spec.if, ifScope)) {
      report.skippedBy = "condition";
      return end("skipped");
    }
    const scope: ExpressionScope = { contexts: base };
    const strategy = spec.strategy ?? {};
    combinations =
      strategy.matrix === undefined ? [undefined] : expandMatrix(evaluateDeep(strategy.matrix, scope));
    if (strategy["fail-fast"] !== undefined) failFast = isTruthy(evaluateDeep(strategy["fail-fast"], scope));
    if (strategy["max-parallel"] !== undefined) {
      maxParallel = numberFrom(evaluateDeep(strategy["max-parallel"], scope), "strategy.max-parallel");
    }
  } catch (error) {
    report.error = `Error when evaluating job '${id}': ${errorText(error)}`;
    rt.emit({ type: "warning", at: new Date(), job: jobRef, message: report.error });
    return end("failure", report.error);
  }

  const stopSiblings = new AbortController();
  // Every running matrix instance listens for fail-fast: with max-parallel above 10 that is more than
  // Node's leak-warning threshold, by design.
  setMaxListeners(Math.max(10, combinations.length + 1), stopSiblings.signal);
  const instanceOf = (index: number): JobInstance | JobInstanceReport => {
    const matrix = combinations[index];
    const strategy = {
      "fail-fast": failFast,
      "job-index": index,
      "job-total": combinations.length,
      "max-parallel": Math.min(maxParallel, combinations.length),
    };
    const contexts = { ...base, matrix: matrix ?? null, strategy };
    const key = rt.keyPrefix + (matrix ? `${id}-${index}` : id);
    let name = matrix ? defaultInstanceName(id, matrix) : id;
    try {
      const scope: ExpressionScope = { contexts };
      if (spec.name !== undefined) name = interpolate(spec.name, scope);
      const ref: JobRef = { id, key, name: rt.namePrefix + name, ...(matrix ? { matrix } : {}) };
      const minutes =
        spec["timeout-minutes"] === undefined
          ? DEFAULT_TIMEOUT_MINUTES
          : numberFrom(evaluateDeep(spec["timeout-minutes"], scope), "timeout-minutes");
      const envScope: ExpressionScope = { contexts: { ...contexts, env: rt.env } };
      const jobEnv = Object.fromEntries(
        Object.entries(spec.env ?? {}).map(([k, v]) => [k, interpolate(String(v), envScope)]),
      );
      return { ref, index, spec, timeoutMinutes: minutes, contexts, env: { ...rt.env, ...jobEnv } };
    } catch (error) {
      const message = `Error when evaluating job '${id}': ${errorText(error)}`;
      const ref = { id, key, name: rt.namePrefix + name };
      rt.emit({
        type: "job-end",
        at: new Date(),
        job: ref,
        result: "failure",
        durationMs: 0,
        detail: message,
      });
      return {
        id,
        key,
        name: ref.name,
        index,
        result: "failure",
        outputs: {},
        steps: [],
        warnings: [],
        error: message,
        durationMs: 0,
      };
    }
  };

  const finished: JobInstanceReport[] = [];
  let next = 0;
  const worker = async () => {
    while (next < combinations.length) {
      const index = next++;
      const instance = instanceOf(index);
      let result: JobInstanceReport;
      if (!("ref" in instance)) result = instance;
      else if (spec.uses) result = await rt.callWorkflow(instance.ref, index, instance.contexts);
      else result = await runJobInstance(instance, rt.job, stopSiblings.signal);
      finished.push(result);
      if (result.result === "failure" && failFast) stopSiblings.abort();
    }
  };
  // strategy.max-parallel caps how many instances run at once; by default all do.
  const workers = Math.max(1, Math.min(maxParallel, combinations.length));
  await Promise.all(Array.from({ length: workers }, worker));

  report.instances = [...finished].sort((a, b) => a.index - b.index);
  // Like GitHub, a matrix job's outputs are whatever instance wrote a non-empty value last.
  for (const instance of finished) {
    for (const [name, value] of Object.entries(instance.outputs))
      if (value !== "") report.outputs[name] = value;
  }
  if (combinations.length === 1 && report.instances[0]) report.name = report.instances[0].name;
  return end(combineResults(report.instances.map((i) => i.result)));
}
