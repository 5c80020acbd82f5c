import { taskBranchName } from "../agent/branch-name.js";
import type { GitHubClient, Issue } from "../github/github-client.js";
import { hasMarker, isTrustedAuthor, renderMarker } from "../github/markers.js";
import { errorMessage, type Logger } from "../logger.js";
import type { PlanInputs } from "../inputs.js";
import { checkActor, type Actor } from "../security/actor-gate.js";
import type { TriggerEvent } from "../trigger-event.js";
import { buildMatrix, type Matrix } from "./build-matrix.js";
import { parseMasterIssue } from "./parse-master-issue.js";
import {
  planArtifactName,
  plannedTaskOf,
  PLAN_SCHEMA_VERSION,
  type PlanDocument,
  type PlannedTask,
} from "./plan-schema.js";
import { renderPlanReport } from "./render-plan-report.js";
import {
  GROUP_MARKER_KIND,
  groupMarker,
  groupOfTask,
  renderGroupBody,
  renderGroupTitle,
  usesGroups,
} from "./group-sub-issues.js";
import { renderSubIssueBody, renderSubIssueTitle, subIssueMarker } from "./render-sub-issue.js";
import { parseTaskSelection } from "./select-tasks.js";
import { duplicateKey, settleDuplicates, type Linked } from "./settle-duplicates.js";
import type { Task } from "./task.js";
import { DEFAULT_VALIDATION_OPTIONS, validatePlan, type ValidationReport } from "./validate-plan.js";
import { readSummaryData } from "../aggregate/summary-data.js";
import { resolveMasterIssue, resolveTrustedLogin } from "../stage-context.js";

export interface PlanDeps {
  github: GitHubClient;
  log: Logger;
  event: TriggerEvent;
  /** GITHUB_ACTOR: who started the run when the event has no sender. */
  actor: string;
  run: { runId: string; runAttempt: number };
  now: () => Date;
  /**
   * Stores the plan document for the agent jobs and returns where (artifact id, SHA-256 of its bytes);
   * absent outside GitHub Actions (no artifact service).
   */
  uploadPlan?: (name: string, plan: PlanDocument) => Promise<{ id: number; sha256: string }>;
}

export interface PlanResult {
  plan: PlanDocument;
  matrix: Matrix;
  /** Markdown report for the job summary. */
  report: string;
  aborted: boolean;
  createdSubIssues: number[];
  /** The stored plan document the other jobs must use (their `plan-artifact-id` and `plan-sha256`). */
  stored?: { id: number; sha256: string };
}

/** Raised when the actor may not start work: nothing has been written when it is thrown. */
export class ActorRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ActorRefusedError";
  }
}

/**
 * Plan mode:
 * 1. check that the actor may start work (before any write)
 * 2. read the master issue (the event's copy for label events) and parse its tasks
 * 3. select and validate the tasks
 * 4. dry run or abort: upsert the plan comment and stop
 * 5. create or reuse one linked sub-issue per task
 * 6. store the plan document for the agents and emit the matrix
 */
export async function runPlan(deps: PlanDeps, inputs: PlanInputs): Promise<PlanResult> {
  const { github, log } = deps;
  const master = resolveMasterIssue(inputs["master-issue"], deps.event);

  const actor: Actor = deps.event.sender ?? { login: deps.actor, type: "User" };
  const decision = await checkActor(github, actor, inputs["allowed-bots"]);
  log.info(decision.reason);
  if (!decision.allowed) throw new ActorRefusedError(decision.reason);

  const issue = await readMasterIssue(deps, master);
  const parsed = parseMasterIssue(issue.body);
  const trusted = await resolveTrustedLogin(github, inputs["bot-login"]);
  let selectedIds = parseTaskSelection(
    inputs.tasks ?? "",
    parsed.tasks.map((t) => t.id),
  );
  if (inputs.retry) {
    const retryIds = await findTasksToRetry(github, master, trusted);
    log.info(`Retry: tasks that did not succeed last time: ${retryIds.join(", ") || "none"}`);
    selectedIds = selectedIds.filter((id) => retryIds.includes(id));
  }
  const selected = parsed.tasks.filter((t) => selectedIds.includes(t.id));
  const nothingToRetry = inputs.retry && selected.length === 0;
  const validation: ValidationReport = nothingToRetry
    ? {
        outcome: "proceed",
        findings: [
          {
            level: "info",
            code: "nothing-to-retry",
            message: "Nothing to retry: every task succeeded last time.",
            tasks: [],
          },
        ],
      }
    : validatePlan(parsed.tasks, selected, {
        ...DEFAULT_VALIDATION_OPTIONS,
        onOverlap: inputs["on-overlap"],
      });
  log.info(
    `Master issue #${master}: ${parsed.tasks.length} tasks found (${parsed.format}), ${selected.length} selected, verdict ${validation.outcome}`,
  );

  const branchFor = (task: Task) =>
    taskBranchName({ prefix: inputs["branch-prefix"], master, taskId: task.id, title: task.title });
  const plan: PlanDocument = {
    schema_version: PLAN_SCHEMA_VERSION,
    master_issue: { number: master, title: issue.title, url: issue.htmlUrl },
    context: parsed.context,
    created_at: deps.now().toISOString(),
    dry_run: inputs["dry-run"],
    validation,
    task_count: parsed.tasks.length,
    tasks: selected.map((t) => plannedTaskOf(t, branchFor(t))),
    run: { run_id: deps.run.runId, run_attempt: deps.run.runAttempt },
  };

  const aborted = validation.outcome === "abort";
  if (inputs["dry-run"] || aborted) {
    await upsertPlanComment(github, master, trusted, renderPlanReport(plan, { header: planMarker(master) }));
    return { plan, matrix: buildMatrix([]), report: renderPlanReport(plan), aborted, createdSubIssues: [] };
  }

  const { tasks, created } = await log.group("Creating sub-issues", () =>
    ensureSubIssues(
      deps,
      inputs,
      { master, context: parsed.context, taskCount: parsed.tasks.length, trusted },
      plan.tasks,
    ),
  );
  plan.tasks = tasks;
  // Read once here rather than once in every agent job.
  plan.default_branch = await github.getDefaultBranch();
  let stored: PlanResult["stored"];
  if (deps.uploadPlan) {
    stored = await deps.uploadPlan(planArtifactName(master, deps.run.runAttempt), plan);
  } else {
    log.warning(
      "No artifact service (ACTIONS_RUNTIME_TOKEN is unset): the plan document was not stored for agents.",
    );
  }
  return {
    plan,
    matrix: buildMatrix(plan.tasks),
    report: renderPlanReport(plan),
    aborted,
    createdSubIssues: created,
    ...(stored ? { stored } : {}),
  };
}

/**
 * The tasks that did not succeed in the runs recorded in our summary comment on the master issue: the
 * aggregator's machine-readable data, trusted only in the comment our own account wrote.
 */
async function findTasksToRetry(github: GitHubClient, master: number, trusted: string): Promise<string[]> {
  const comments = await github.listComments(master);
  const ours = comments.find(
    (c) => isTrustedAuthor(c.user, trusted) && hasMarker(c.body, "summary", { master }),
  );
  const data = ours ? readSummaryData(ours.body, master) : undefined;
  if (!data) {
    throw new Error(
      `Input "retry" is true, but master issue #${master} has no summary of an earlier run written by ${trusted}: run the orchestration once without retry.`,
    );
  }
  return Object.entries(data.tasks)
    .filter(([, state]) => !state.succeeded)
    .map(([id]) => id);
}

function planMarker(master: number): string {
  return renderMarker("plan", { master });
}

async function readMasterIssue(deps: PlanDeps, master: number) {
  const fromEvent = deps.event.issue;
  if (fromEvent && fromEvent.number === master) {
    // Use the text the labelling user saw, not whatever the issue says now (time-of-check to time-of-use).
    deps.log.info(`Using master issue #${master} as it was when the ${deps.event.name} event fired.`);
    if (fromEvent.isPullRequest)
      throw new Error(`#${master} is a pull request, not an issue: use a master issue.`);
    return fromEvent;
  }
  const issue = await deps.github.getIssue(master);
  if (issue.isPullRequest) throw new Error(`#${master} is a pull request, not an issue: use a master issue.`);
  return issue;
}

async function upsertPlanComment(github: GitHubClient, master: number, trusted: string, body: string) {
  const comments = await github.listComments(master);
  const ours = comments.find(
    (c) => isTrustedAuthor(c.user, trusted) && hasMarker(c.body, "plan", { master }),
  );
  if (ours) await github.updateComment(ours.id, body);
  else await github.createComment(master, body);
}

interface SubIssueContext {
  master: number;
  context: string;
  taskCount: number;
  trusted: string;
}

/** Finds the sub-issue we created earlier for a task: our account wrote it and it carries the task's marker. */
function findTaskIssue(issues: Issue[], trusted: string, master: number, taskId: string): Issue | undefined {
  return issues.find(
    (i) => isTrustedAuthor(i.user, trusted) && hasMarker(i.body, "sub-issue", subIssueMarker(master, taskId)),
  );
}

/** Finds a group sub-issue we created earlier: our account wrote it and it carries the group's marker. */
function findGroupIssue(issues: Issue[], trusted: string, master: number, group: number): Issue | undefined {
  return issues.find(
    (i) =>
      isTrustedAuthor(i.user, trusted) && hasMarker(i.body, GROUP_MARKER_KIND, groupMarker(master, group)),
  );
}

/**
 * Creates or reuses one sub-issue per task, linked under the master issue — or, past 100 tasks, under
 * the task's group sub-issue (see group-sub-issues.ts). Every step is found again by its marker, so a
 * run interrupted at any point (issue created but not linked, group created but empty, …) is completed
 * by the next run without duplicates.
 */
async function ensureSubIssues(
  deps: PlanDeps,
  inputs: PlanInputs,
  ctx: SubIssueContext,
  tasks: PlannedTask[],
): Promise<{ tasks: PlannedTask[]; created: number[] }> {
  const { github, log } = deps;
  const grouped = usesGroups(ctx.taskCount);
  const underMaster = await github.listSubIssues(ctx.master);
  // A task's sub-issue is linked under the master (up to 100 tasks) or under its group: read both.
  const groups = new Map<number, Issue>();
  const linked = [...underMaster];
  if (grouped) {
    for (const group of new Set(tasks.map((t) => groupOfTask(t.id)))) {
      const issue = findGroupIssue(underMaster, ctx.trusted, ctx.master, group);
      if (!issue) continue;
      groups.set(group, issue);
      linked.push(...(await github.listSubIssues(issue.number)));
    }
  }
  const missing = tasks.filter((t) => !findTaskIssue(linked, ctx.trusted, ctx.master, t.id));
  // An issue created by an earlier run that failed before linking it is found by its label.
  const label = inputs["sub-issue-labels"][0];
  // (Only where creating and linking are two requests: reading every labelled issue grows with the
  // repository's history, and an atomic creation never leaves an orphan.)
  const orphans =
    missing.length > 0 && label && !(await github.createsLinkedIssues())
      ? await github.listIssuesWithLabel(label)
      : [];

  /** The issue a task's sub-issue is linked under: the master, or its group (created or linked on demand). */
  const parentFor = async (task: PlannedTask): Promise<number> => {
    if (!grouped) return ctx.master;
    const group = groupOfTask(task.id);
    let issue = groups.get(group);
    if (!issue) {
      issue = findGroupIssue(orphans, ctx.trusted, ctx.master, group);
      if (issue) {
        await github.addSubIssue(ctx.master, issue.id);
      } else {
        issue = await github.createSubIssue(ctx.master, {
          title: renderGroupTitle(ctx.master, group),
          body: renderGroupBody(ctx.master, group),
          labels: inputs["sub-issue-labels"],
        });
        log.info(`Group sub-issue #${issue.number} created for ${renderGroupTitle(ctx.master, group)}`);
      }
      groups.set(group, issue);
    }
    return issue.number;
  };

  const created: number[] = [];
  const result: PlannedTask[] = [];
  for (const task of tasks) {
    const existing = findTaskIssue(linked, ctx.trusted, ctx.master, task.id);
    if (existing) {
      log.info(`Task ${task.id}: reusing sub-issue #${existing.number}`);
      result.push({ ...task, subIssue: existing.number, subIssueCreated: false });
      continue;
    }
    try {
      const parent = await parentFor(task);
      // An orphan (created by an earlier run that stopped before linking it) is linked; a new issue is
      // created already under its parent, in one content-creating request.
      let issue = findTaskIssue(orphans, ctx.trusted, ctx.master, task.id);
      if (issue) {
        await github.addSubIssue(parent, issue.id);
      } else {
        issue = await github.createSubIssue(parent, {
          title: renderSubIssueTitle(inputs["sub-issue-title"], ctx.master, task),
          body: renderSubIssueBody({ ...ctx, task, branch: task.branch }),
          labels: inputs["sub-issue-labels"],
        });
        created.push(issue.number);
      }
      log.info(`Task ${task.id}: sub-issue #${issue.number} linked under #${parent}`);
      result.push({ ...task, subIssue: issue.number, subIssueCreated: created.includes(issue.number) });
    } catch (error) {
      throw new Error(
        `Creating the sub-issue of task ${task.id} failed after ${result.length} of ${tasks.length} were ready; run the plan again to finish (it reuses what exists): ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }
  if (created.length === 0) return { tasks: result, created };
  return settleRaces(deps, ctx, grouped, result, created);
}

/**
 * After creating sub-issues, reads them back once: when another run of the same master issue created
 * the same ones meanwhile, every run keeps the oldest copy and closes the others as duplicates (unlinked,
 * so the master's progress counts each task once). Costs one read (plus one per group) per run.
 */
async function settleRaces(
  deps: PlanDeps,
  ctx: SubIssueContext,
  grouped: boolean,
  tasks: PlannedTask[],
  created: number[],
): Promise<{ tasks: PlannedTask[]; created: number[] }> {
  const { github, log } = deps;
  const underMaster = await github.listSubIssues(ctx.master);
  const linked: Linked[] = underMaster.map((issue) => ({ issue, parent: ctx.master }));
  const keyOf = (issue: Issue) => duplicateKey(issue, ctx.trusted, ctx.master);
  if (grouped) {
    for (const group of underMaster.filter((i) => keyOf(i)?.startsWith("group:"))) {
      const children = await github.listSubIssues(group.number);
      linked.push(...children.map((issue) => ({ issue, parent: group.number })));
    }
  }
  const { winners, losers } = settleDuplicates(linked, keyOf);
  for (const { loser, winner } of losers) {
    log.warning(
      `Sub-issue #${loser.issue.number} duplicates #${winner.issue.number}: another run of master issue #${ctx.master} created it at the same time. Closing it as a duplicate.`,
    );
    try {
      await github.closeAsDuplicate(loser.issue.number, winner.issue.id);
      await github.removeSubIssue(loser.parent, loser.issue.id);
    } catch (error) {
      // The other run may be closing the same duplicate: what matters is that both use the winner.
      log.warning(`Could not close duplicate #${loser.issue.number}: ${errorMessage(error)}`);
    }
  }
  const lost = new Set(losers.map((l) => l.loser.issue.number));
  return {
    tasks: tasks.map((task) => {
      const winner = winners.get(`task:${task.id}`)?.issue.number;
      return winner === undefined || winner === task.subIssue
        ? task
        : { ...task, subIssue: winner, subIssueCreated: false };
    }),
    created: created.filter((n) => !lost.has(n)),
  };
}
