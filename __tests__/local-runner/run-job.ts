/**
 * One job instance (a job, or one matrix entry of it) on a fresh "runner": its own workspace and
 * RUNNER_TEMP, steps in order with their `if:`, the job's timeout and cancellation, and its outputs.
 */
import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { errorText } from "./errors.js";
import { evaluateCondition, interpolate, type ExpressionScope } from "./expressions.js";
import { killTrackedProcesses } from "./processes.js";
import type {
  CancelReason,
  JobInstanceReport,
  JobRef,
  RunResult,
  StepReport,
  WorkflowEvent,
} from "./report.js";
import { defaultStepName, runStep, type StepRuntime } from "./run-step.js";
import type { JobSpec, StepSpec } from "./workflow-model.js";

/** What the onJobStart hook decides for a job instance: run it, lose its runner, or cancel it after N ms. */
export type JobStartDecision = "run" | "lose" | `cancel-after-ms:${number}`;

export type JobStartHook = (job: JobRef) => JobStartDecision | Promise<JobStartDecision>;

/** What every job instance of a run shares. */
export interface JobRuntime {
  rootDir: string;
  /** Runner variables and the run's extra env, before workflow and job `env:`. */
  baseEnv: Record<string, string>;
  event: unknown;
  artifacts?: { url: string; runtimeToken(runId: string, job: string): string };
  runId: string;
  stepRuntime: Pick<
    StepRuntime,
    "originUrl" | "repository" | "actionRepository" | "actionDir" | "actionInputDefaults"
  >;
  defaults: { shell?: string; workingDirectory?: string };
  timeScale: number;
  graceMs: number;
  killAfterMs: number;
  /** Values an output may not contain (GitHub drops such outputs). */
  secretValues: string[];
  emit(event: WorkflowEvent): void;
  onJobStart?: JobStartHook;
}

/** A job instance ready to run: its evaluated name, matrix and timeout, and the contexts it sees. */
export interface JobInstance {
  ref: JobRef;
  index: number;
  spec: JobSpec;
  timeoutMinutes: number;
  /** github, inputs, secrets, vars, needs, matrix, strategy. */
  contexts: Record<string, unknown>;
  /** Workflow `env:` and job `env:`, evaluated. */
  env: Record<string, string>;
}

/** Evaluates `jobs.<id>.outputs` after the steps; outputs holding a secret are dropped, as on GitHub. */
function evaluateOutputs(
  spec: JobSpec,
  scope: ExpressionScope,
  rt: JobRuntime,
  warnings: string[],
): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const [name, template] of Object.entries(spec.outputs ?? {})) {
    try {
      const value = interpolate(String(template), scope);
      if (rt.secretValues.some((secret) => value.includes(secret))) {
        warnings.push(`Skip output '${name}' since it may contain secret.`);
      } else {
        outputs[name] = value;
      }
    } catch (error) {
      warnings.push(`Output '${name}': ${errorText(error)}`);
    }
  }
  return outputs;
}

function skippedStep(index: number, step: StepSpec): StepReport {
  return {
    index,
    ...(step.id !== undefined ? { id: step.id } : {}),
    name: step.name ?? defaultStepName(step),
    kind: "run",
    result: "skipped",
    outcome: "skipped",
    exitCode: null,
    signal: null,
    stdout: "",
    stderr: "",
    summary: "",
    outputs: {},
    warnings: [],
    durationMs: 0,
  };
}

/** Runs one job instance to its result. `failFast` aborts it (a matrix sibling failed). */
export async function runJobInstance(
  job: JobInstance,
  rt: JobRuntime,
  failFast?: AbortSignal,
): Promise<JobInstanceReport> {
  const started = new Date();
  const { ref } = job;
  const report: JobInstanceReport = {
    id: ref.id,
    key: ref.key,
    name: ref.name,
    ...(ref.matrix ? { matrix: ref.matrix } : {}),
    index: job.index,
    result: "success",
    outputs: {},
    steps: [],
    warnings: [],
    startedAt: started,
    durationMs: 0,
  };
  const finish = (result: RunResult, detail?: string) => {
    report.result = result;
    report.durationMs = Date.now() - started.getTime();
    rt.emit({
      type: "job-end",
      at: new Date(),
      job: ref,
      result,
      durationMs: report.durationMs,
      ...(detail ? { detail } : {}),
    });
    return report;
  };
  if (failFast?.aborted) {
    report.cancelReason = "fail-fast";
    return finish("cancelled", "not started: fail-fast");
  }
  rt.emit({ type: "job-start", at: started, job: ref });
  const decision = (await rt.onJobStart?.(ref)) ?? "run";
  if (decision === "lose") {
    report.lost = true;
    report.error = "The runner has received a shutdown signal (lost before any step ran).";
    return finish("failure", "runner lost");
  }

  const root = join(rt.rootDir, ref.key);
  const workspace = join(root, "work");
  const temp = join(root, "temp");
  await mkdir(workspace, { recursive: true });
  await mkdir(temp, { recursive: true });
  report.workspace = workspace;
  const eventPath = join(temp, "event.json");
  await writeFile(eventPath, JSON.stringify(rt.event ?? {}));
  const trackingId = `github_${randomUUID()}`;
  const jobKeyForToken = job.contexts.matrix ? `${ref.id}-${job.index}` : ref.id;
  let env: Record<string, string> = {
    ...rt.baseEnv,
    GITHUB_JOB: ref.id,
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_PATH: eventPath,
    RUNNER_TEMP: temp,
    RUNNER_TRACKING_ID: trackingId,
    ...job.env,
  };
  const actionEnv: Record<string, string> = rt.artifacts
    ? {
        ACTIONS_RUNTIME_TOKEN: rt.artifacts.runtimeToken(rt.runId, jobKeyForToken),
        ACTIONS_RESULTS_URL: rt.artifacts.url,
      }
    : {};

  let failed = false;
  let cancelReason: CancelReason | undefined;
  const controller = new AbortController();
  const cancel = (reason: CancelReason) => {
    if (cancelReason) return;
    cancelReason = reason;
    rt.emit({ type: "job-cancel", at: new Date(), job: ref, reason });
    controller.abort();
  };
  const timers: NodeJS.Timeout[] = [
    setTimeout(() => cancel("timeout"), job.timeoutMinutes * 60_000 * rt.timeScale),
  ];
  const cancelAfter = /^cancel-after-ms:(\d+)$/.exec(decision)?.[1];
  if (cancelAfter !== undefined) timers.push(setTimeout(() => cancel("hook"), Number(cancelAfter)));
  const onFailFast = () => cancel("fail-fast");
  failFast?.addEventListener("abort", onFailFast, { once: true });

  const steps: Record<
    string,
    { outputs: Record<string, string>; outcome: RunResult; conclusion: RunResult }
  > = {};
  const contexts = () => ({
    ...job.contexts,
    github: { ...(job.contexts.github as object), workspace, job: ref.id },
    env: { ...env },
    steps: { ...steps },
    job: { status: cancelReason ? "cancelled" : failed ? "failure" : "success", container: {}, services: {} },
    runner: { os: "Linux", arch: "X64", name: `local-${ref.key}`, temp, environment: "self-hosted" },
  });
  const status = {
    success: () => !failed && !cancelReason,
    failure: () => failed,
    cancelled: () => cancelReason !== undefined,
  };
  try {
    for (const [index, step] of (job.spec.steps ?? []).entries()) {
      const scope: ExpressionScope = { contexts: contexts(), status };
      let run: boolean;
      try {
        run = evaluateCondition(step.if, scope);
      } catch (error) {
        failed = true;
        report.steps.push({
          ...skippedStep(index, step),
          result: "failure",
          outcome: "failure",
          error: errorText(error),
        });
        continue;
      }
      if (!run) {
        report.steps.push(skippedStep(index, step));
        if (step.id) steps[step.id] = { outputs: {}, outcome: "skipped", conclusion: "skipped" };
        continue;
      }
      // After a cancellation only `always()`/`cancelled()` steps run, each with the grace period to finish.
      const signals = [
        cancelReason ? AbortSignal.timeout(Math.round(rt.graceMs + rt.killAfterMs)) : controller.signal,
      ];
      const stepMinutes = Number(interpolate(String(step["timeout-minutes"] ?? "0"), scope)) || 0;
      const stepTimeout =
        stepMinutes > 0 ? AbortSignal.timeout(Math.round(stepMinutes * 60_000 * rt.timeScale)) : undefined;
      if (stepTimeout) signals.push(stepTimeout);
      rt.emit({ type: "step-start", at: new Date(), job: ref, step: step.name ?? defaultStepName(step) });
      const outcome = await runStep(step, index, {
        ...rt.stepRuntime,
        workspace,
        runnerTemp: temp,
        env,
        actionEnv,
        scope,
        defaults: { ...rt.defaults, ...job.spec.defaults?.run },
        signal: AbortSignal.any(signals),
        graceMs: rt.graceMs,
        killAfterMs: rt.killAfterMs,
      });
      const stepReport = outcome.report;
      if (stepTimeout?.aborted && !controller.signal.aborted) {
        stepReport.outcome = "failure";
        stepReport.result = step["continue-on-error"] === true ? "success" : "failure";
        stepReport.error = `The action has timed out after ${stepMinutes} minute(s).`;
      }
      report.steps.push(stepReport);
      for (const warning of stepReport.warnings)
        rt.emit({ type: "warning", at: new Date(), job: ref, message: warning });
      env = { ...env, ...outcome.env };
      if (outcome.path.length > 0) env.PATH = [...outcome.path.reverse(), env.PATH].join(":");
      if (step.id) {
        steps[step.id] = {
          outputs: stepReport.outputs,
          outcome: stepReport.outcome,
          conclusion: stepReport.result,
        };
      }
      if (stepReport.result === "failure") failed = true;
      rt.emit({
        type: "step-end",
        at: new Date(),
        job: ref,
        step: stepReport.name,
        result: stepReport.result,
        durationMs: stepReport.durationMs,
      });
    }
    report.outputs = evaluateOutputs(job.spec, { contexts: contexts() }, rt, report.warnings);
  } finally {
    for (const timer of timers) clearTimeout(timer);
    failFast?.removeEventListener("abort", onFailFast);
    // The runner's "Cleaning up orphan processes".
    killTrackedProcesses(trackingId);
  }
  if (cancelReason) report.cancelReason = cancelReason;
  const failedStep = report.steps.find((s) => s.result === "failure");
  if (failedStep?.error && !report.error) report.error = `${failedStep.name}: ${failedStep.error}`;
  const result: RunResult = cancelReason ? "cancelled" : failed ? "failure" : "success";
  const detail = cancelReason
    ? `cancelled by ${cancelReason}`
    : failedStep
      ? `step "${failedStep.name}" failed`
      : undefined;
  return finish(result, detail);
}
