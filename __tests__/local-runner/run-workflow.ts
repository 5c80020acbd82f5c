/**
 * A local stand-in for GitHub's workflow runner: runs a workflow file (by default our reusable
 * `.github/workflows/orchestrate.yml`) job by job, against the GitHub, artifact and git stand-ins, with
 * the expression, matrix, needs/if and cancellation semantics of GitHub Actions.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { errorText } from "./errors.js";
import { interpolate, evaluateDeep, toText, type ExpressionScope } from "./expressions.js";
import { createProgressPrinter } from "./progress.js";
import type {
  JobInstanceReport,
  JobRef,
  JobReport,
  RunResult,
  WorkflowEvent,
  WorkflowRunReport,
} from "./report.js";
import { githubContext, runIdentity, runnerEnv } from "./run-context.js";
import type { JobRuntime } from "./run-job.js";
import type { RunWorkflowOptions } from "./run-options.js";
import { acquireConcurrencySlot } from "./concurrency-groups.js";
import { combineResults, runWorkflowJob } from "./run-workflow-job.js";
import { loadWorkflow, needsOf, resolveInputs, resolveSecrets } from "./workflow-model.js";

export type * from "./report.js";
export type { JobStartDecision, JobStartHook } from "./run-job.js";
export type { ArtifactService, RunWorkflowOptions } from "./run-options.js";
export { createProgressPrinter, formatJobTable } from "./progress.js";

/** Our repository: the default action directory and the home of the default workflow. */
const REPO_ROOT = resolve(import.meta.dirname, "../..");

interface NestedRun {
  keyPrefix: string;
  namePrefix: string;
  emit(event: WorkflowEvent): void;
  workDir: string;
}

function workflowResult(jobs: JobReport[]): RunResult {
  const results = jobs.map((j) => j.result).filter((r) => r !== "skipped");
  return results.length === 0 ? "success" : combineResults(results);
}

/**
 * Runs a workflow to its end and reports every job, matrix instance and step. Throws only when the
 * run cannot start (unreadable workflow, invalid inputs or secrets), as GitHub refuses such a run.
 */
export function runWorkflow(options: RunWorkflowOptions): Promise<WorkflowRunReport> {
  return run(options);
}

async function run(options: RunWorkflowOptions, nested?: NestedRun): Promise<WorkflowRunReport> {
  const startedAt = new Date();
  const path = resolve(options.workflow ?? join(REPO_ROOT, ".github/workflows/orchestrate.yml"));
  const wf = await loadWorkflow(path);
  const eventName = options.eventName ?? "workflow_dispatch";
  const given = options.inputs ?? {};
  const asCall = nested !== undefined || wf.callable;
  const declared = asCall ? wf.callInputs : eventName === "workflow_dispatch" ? wf.dispatchInputs : {};
  const inputs = resolveInputs(declared, given);
  const token = options.token ?? "ghs_standin_token";
  const secrets = resolveSecrets(asCall ? wf.secrets : {}, options.secrets ?? {}, token);
  const name = wf.spec.name ?? relative(options.repoRoot ?? REPO_ROOT, path);
  const identity = runIdentity(options, {
    eventName,
    token,
    workflowName: name,
    workflowPath: relative(options.repoRoot ?? REPO_ROOT, path),
  });
  const github = githubContext(identity);
  const contexts = { github, inputs, secrets, vars: { ...options.vars } };
  const printer =
    options.progress === false
      ? undefined
      : createProgressPrinter(options.progress, { steps: options.progressSteps });
  const emit =
    nested?.emit ??
    ((e: WorkflowEvent) => {
      printer?.(e);
      options.onEvent?.(e);
    });
  const workDir = nested?.workDir ?? options.workDir ?? (await mkdtemp(join(tmpdir(), "pto-workflow-")));
  if (!nested) emit({ type: "workflow-start", at: startedAt, name, path });

  const scope: ExpressionScope = { contexts };
  const concurrency = wf.spec.concurrency;
  const group =
    typeof concurrency === "object" && concurrency !== null
      ? (concurrency as { group?: unknown }).group
      : concurrency;
  const concurrencyGroup = group === undefined ? undefined : interpolate(String(group), scope);
  const env = Object.fromEntries(
    Object.entries(wf.spec.env ?? {}).map(([k, v]) => [k, interpolate(String(v), scope)]),
  );
  const timeScale = options.timeScale ?? 1;
  const graceMs = options.cancelGraceMs ?? 7_500 * timeScale;
  const jobRuntime: JobRuntime = {
    rootDir: workDir,
    baseEnv: runnerEnv(identity, options.env, workDir),
    event: identity.event,
    ...(options.artifacts ? { artifacts: options.artifacts } : {}),
    runId: identity.runId,
    stepRuntime: {
      originUrl: options.originUrl,
      repository: identity.repository,
      actionDir: options.actionDir ?? REPO_ROOT,
      actionInputDefaults: options.actionInputDefaults ?? {},
      ...((options.actionRepository ?? inputs["action-repository"])
        ? { actionRepository: String(options.actionRepository ?? inputs["action-repository"]) }
        : {}),
    },
    defaults: { ...wf.spec.defaults?.run },
    timeScale,
    graceMs,
    killAfterMs: graceMs / 3,
    secretValues: Object.values(secrets).filter((s) => s.length >= 4),
    emit,
    ...(options.onJobStart ? { onJobStart: options.onJobStart } : {}),
  };

  const callWorkflow = async (
    jobRef: JobRef,
    index: number,
    jobContexts: Record<string, unknown>,
  ): Promise<JobInstanceReport> => {
    const spec = wf.spec.jobs[jobRef.id] ?? {};
    const started = Date.now();
    const report: JobInstanceReport = {
      id: jobRef.id,
      key: jobRef.key,
      name: jobRef.name,
      index,
      result: "failure",
      outputs: {},
      steps: [],
      warnings: [],
      durationMs: 0,
    };
    try {
      if (!spec.uses?.startsWith("./"))
        throw new Error(`uses: ${spec.uses}: only local reusable workflows (./…) are supported`);
      const callScope: ExpressionScope = { contexts: jobContexts };
      const withValues = evaluateDeep(spec.with ?? {}, callScope) as Record<
        string,
        string | number | boolean
      >;
      const callSecrets =
        spec.secrets === "inherit"
          ? { ...options.secrets }
          : Object.fromEntries(
              Object.entries(spec.secrets ?? {}).map(([k, v]) => [k, toText(evaluateDeep(v, callScope))]),
            );
      const nestedReport = await run(
        {
          ...options,
          // A called workflow sees the caller's event and commit.
          event: identity.event,
          sha: identity.sha,
          workflow: resolve(options.repoRoot ?? dirname(dirname(dirname(path))), spec.uses),
          inputs: withValues,
          secrets: callSecrets,
        },
        { keyPrefix: `${jobRef.key}/`, namePrefix: `${jobRef.name} / `, emit, workDir },
      );
      Object.assign(report, {
        result: nestedReport.result,
        outputs: nestedReport.outputs,
        workflow: nestedReport,
      });
    } catch (error) {
      report.error = errorText(error);
      emit({
        type: "job-end",
        at: new Date(),
        job: jobRef,
        result: "failure",
        durationMs: Date.now() - started,
        detail: report.error,
      });
    }
    report.durationMs = Date.now() - started;
    return report;
  };

  const cancelInProgress =
    typeof concurrency === "object" && concurrency !== null
      ? (concurrency as { "cancel-in-progress"?: unknown })["cancel-in-progress"]
      : undefined;
  let slot: Awaited<ReturnType<typeof acquireConcurrencySlot>> | undefined;
  if (concurrencyGroup !== undefined && options.concurrency !== "ignore") {
    if (cancelInProgress === true || cancelInProgress === "true") {
      emit({ type: "warning", at: new Date(), message: "concurrency: cancel-in-progress is not enforced" });
    } else {
      slot = await acquireConcurrencySlot(
        `${options.githubApiUrl}|${identity.repository}|${concurrencyGroup}`,
      );
      if (slot === "replaced") {
        emit({
          type: "warning",
          at: new Date(),
          message: `Canceling since a higher priority waiting request for '${concurrencyGroup}' exists`,
        });
        const jobs = Object.fromEntries(
          wf.order.map((id): [string, JobReport] => [
            id,
            { id, name: id, result: "cancelled", outputs: {}, instances: [], durationMs: 0 },
          ]),
        );
        const report: WorkflowRunReport = {
          name,
          path,
          result: "cancelled",
          jobs,
          outputs: {},
          concurrencyGroup,
          queuedMs: Date.now() - startedAt.getTime(),
          workDir,
          startedAt,
          durationMs: Date.now() - startedAt.getTime(),
        };
        if (!nested) emit({ type: "workflow-end", at: new Date(), report });
        return report;
      }
    }
  }
  try {
    return await runJobs();
  } finally {
    if (slot !== undefined && slot !== "replaced") slot.release();
  }

  async function runJobs(): Promise<WorkflowRunReport> {
    const reports: Record<string, JobReport> = {};
    const started = new Map<string, Promise<JobReport>>();
    const start = (id: string): Promise<JobReport> => {
      let promise = started.get(id);
      if (!promise) {
        // Every job starts as soon as all of its needs are done, so independent jobs run side by side.
        promise = Promise.all(needsOf(wf.spec.jobs[id] ?? {}).map(start)).then(() =>
          runWorkflowJob(id, reports, {
            spec: wf.spec,
            contexts,
            env,
            job: jobRuntime,
            keyPrefix: nested?.keyPrefix ?? "",
            namePrefix: nested?.namePrefix ?? "",
            ...(options.jobFilter ? { jobFilter: options.jobFilter } : {}),
            emit,
            callWorkflow,
          }),
        );
        promise = promise.then((report) => (reports[id] = report));
        started.set(id, promise);
      }
      return promise;
    };
    await Promise.all(wf.order.map(start));

    const jobs = Object.fromEntries(wf.order.map((id) => [id, reports[id] as JobReport]));
    const jobsContext = Object.fromEntries(
      Object.values(jobs).map((j) => [j.id, { result: j.result, outputs: j.outputs }]),
    );
    const outputs: Record<string, string> = {};
    for (const [outputName, spec] of Object.entries(wf.outputs)) {
      try {
        outputs[outputName] = interpolate(String(spec.value ?? ""), {
          contexts: { ...contexts, jobs: jobsContext },
        });
      } catch (error) {
        emit({
          type: "warning",
          at: new Date(),
          message: `Workflow output '${outputName}': ${errorText(error)}`,
        });
      }
    }
    const report: WorkflowRunReport = {
      name,
      path,
      result: workflowResult(Object.values(jobs)),
      jobs,
      outputs,
      ...(concurrencyGroup !== undefined ? { concurrencyGroup } : {}),
      ...(slot !== undefined && slot !== "replaced"
        ? { queuedMs: slot.queuedMs, runningSince: slot.acquiredAt }
        : {}),
      workDir,
      startedAt,
      durationMs: Date.now() - startedAt.getTime(),
    };
    if (!nested) emit({ type: "workflow-end", at: new Date(), report });
    return report;
  }
}
