import { loadPinnedPlan } from "../artifacts/load-plan.js";
import type { ArtifactStore } from "../artifacts/artifact-store.js";
import type { GitHubClient } from "../github/github-client.js";
import { hasMarker, isTrustedAuthor } from "../github/markers.js";
import { planPinOf, type AggregateInputs } from "../inputs.js";
import { errorMessage, type Logger } from "../logger.js";
import { resolveTrustedLogin } from "../stage-context.js";
import { collectStatuses } from "./collect-statuses.js";
import { decideOutcome, type AggregateDecision } from "./decide-outcome.js";
import { followUpMarker, followUpTitle, renderFollowUp } from "./render-follow-up.js";
import { renderSummary } from "./render-summary.js";
import { readSummaryData, type SummaryData, type TaskState } from "./summary-data.js";
import {
  figuresOfStatus,
  UNUSABLE_STATUS_OUTCOMES,
  type TaskFigures,
  type TaskResult,
} from "./task-result.js";

/** GitHub shows step summaries up to 1 MiB. */
const JOB_SUMMARY_BUDGET = 900_000;

export interface AggregateDeps {
  github: GitHubClient;
  log: Logger;
  artifacts: ArtifactStore;
  run: { runId: string; runAttempt: number };
  runUrl: string;
  now: () => Date;
}

export interface AggregateResult {
  decision: AggregateDecision;
  results: TaskResult[];
  /** The summary markdown, as commented on the master issue (or the dry-run note). */
  report: string;
  /** The same report uncut, for the job summary (1 MiB allowed there, 64 KiB in a comment). */
  fullReport: string;
  followUps: Record<string, number>;
  pullRequests: Array<{ task: string; number: number; url: string | null }>;
  dryRun: boolean;
}

/**
 * Aggregate mode:
 * 1. load the plan and the state our previous summary comment recorded (for retries)
 * 2. collect and check every planned task's status (missing or forged ones fail)
 * 3. combine with tasks carried over from earlier runs and decide against the threshold
 * 4. open one follow-up issue per failed task (reused on later runs), under its sub-issue
 * 5. upsert the one summary comment on the master issue
 */
export async function runAggregate(deps: AggregateDeps, inputs: AggregateInputs): Promise<AggregateResult> {
  const { github, log } = deps;
  const master = inputs["master-issue"];
  const plan = await loadPinnedPlan(deps.artifacts, master, planPinOf(inputs));
  if (plan.dry_run) {
    const report = `Dry run of #${master}: ${plan.tasks.length} tasks planned, nothing ran. The plan is in the comment on the master issue.`;
    const decision = decideOutcome([], inputs["success-threshold"]);
    return {
      decision: { ...decision, passed: true },
      results: [],
      report,
      fullReport: report,
      followUps: {},
      pullRequests: [],
      dryRun: true,
    };
  }
  const trusted = await resolveTrustedLogin(github, inputs["bot-login"]);
  const comments = await github.listComments(master);
  const ours = comments.find(
    (c) => isTrustedAuthor(c.user, trusted) && hasMarker(c.body, "summary", { master }),
  );
  const previous = ours ? readSummaryData(ours.body, master) : undefined;

  const fresh = await log.group(`Collecting ${plan.tasks.length} statuses`, () =>
    collectStatuses({
      store: deps.artifacts,
      github,
      master,
      runAttempt: deps.run.runAttempt,
      tasks: plan.tasks,
    }),
  );
  for (const r of fresh) log.info(`Task ${r.task.id}: ${r.outcome}${r.succeeded ? "" : ` — ${r.reason}`}`);

  const followUps = new Map<string, number>();
  /**
   * The results and report on top of an earlier summary. Folding into a concurrent run's summary, a task
   * that run finished keeps its success even where this run failed it (typically: its push was rejected
   * because the other run had pushed the same branch): each task is counted once, as done if either did.
   */
  const compose = (earlier: SummaryData | undefined, folding = false) => {
    const keepEarlier = new Set(
      folding
        ? fresh.filter((r) => !r.succeeded && earlier?.tasks[r.task.id]?.succeeded).map((r) => r.task.id)
        : [],
    );
    const ran = fresh.filter((r) => !keepEarlier.has(r.task.id));
    const results = [...carriedOver(earlier, new Set(ran.map((r) => r.task.id))), ...ran].sort(
      (a, b) => Number(a.task.id) - Number(b.task.id),
    );
    const decision = decideOutcome(results, inputs["success-threshold"]);
    for (const [id, state] of Object.entries(earlier?.tasks ?? {}))
      if (state.follow_up && !followUps.has(id)) followUps.set(id, state.follow_up);
    const data = nextSummaryData(earlier, master, deps, fresh, results, followUps);
    const summaryInput = {
      master,
      results,
      decision,
      threshold: inputs["success-threshold"],
      data,
      followUps,
      runUrl: deps.runUrl,
    };
    return {
      results,
      decision,
      report: renderSummary(summaryInput),
      fullReport: () => renderSummary(summaryInput, JOB_SUMMARY_BUDGET),
    };
  };
  // Follow-ups known from earlier runs are reused rather than looked up again.
  for (const [id, state] of Object.entries(previous?.tasks ?? {}))
    if (state.follow_up) followUps.set(id, state.follow_up);
  if (inputs["create-follow-up-issues"]) {
    for (const r of fresh.filter((f) => !f.succeeded)) {
      try {
        followUps.set(
          r.task.id,
          await ensureFollowUp(deps, inputs, trusted, master, r, followUps.get(r.task.id)),
        );
      } catch (error) {
        log.warning(`Could not open the follow-up issue of task ${r.task.id}: ${errorMessage(error)}`);
      }
    }
  }

  let summary = compose(previous);
  if (ours) {
    if (ours.body !== summary.report) await github.updateComment(ours.id, summary.report);
  } else {
    const created = await github.createComment(master, summary.report);
    // Another aggregate of this master issue may have created its summary at the same moment (a workflow
    // without our concurrency group). Read back once: the oldest summary stays, and a later one folds its
    // run into it and deletes itself, so the issue keeps one summary that counts every task once.
    const older = (await github.listComments(master)).find(
      (c) =>
        c.id < created.id && isTrustedAuthor(c.user, trusted) && hasMarker(c.body, "summary", { master }),
    );
    if (older) {
      log.warning(
        `Another run wrote the summary of #${master} at the same time: folding this run into it (comment ${older.id}).`,
      );
      summary = compose(readSummaryData(older.body, master), true);
      await github.updateComment(older.id, summary.report);
      await github.deleteComment(created.id);
    }
  }
  const { results, decision, report } = summary;
  return {
    decision,
    results,
    report,
    fullReport: summary.fullReport(),
    followUps: Object.fromEntries(followUps),
    pullRequests: results.flatMap((r) =>
      r.prNumber ? [{ task: r.task.id, number: r.prNumber, url: r.prUrl }] : [],
    ),
    dryRun: false,
  };
}

/** Tasks an earlier run finished that this (retry) run did not run again. */
function carriedOver(previous: SummaryData | undefined, ran: Set<string>): TaskResult[] {
  if (!previous) return [];
  return Object.entries(previous.tasks)
    .filter(([id]) => !ran.has(id))
    .map(([id, state]) => ({
      task: { id, title: state.title, subIssue: state.sub_issue, branch: "" },
      succeeded: state.succeeded,
      outcome: state.outcome,
      errorType: null,
      reason: state.succeeded
        ? "Succeeded in an earlier run."
        : `Failed in an earlier run (${state.outcome}) and was not retried.`,
      status: null,
      prNumber: state.pr,
      prUrl: null,
      attempt: null,
      carriedOver: true,
      ...(UNUSABLE_STATUS_OUTCOMES.has(state.outcome) ? {} : { earlier: figuresOfState(state) }),
    }));
}

/** The figures an earlier run recorded for a task; turns and tokens are unknown in older summaries. */
function figuresOfState(state: TaskState): TaskFigures {
  return {
    duration_seconds: state.duration_seconds,
    num_turns: state.num_turns ?? null,
    cost_usd: state.cost_usd,
    tokens: state.tokens ?? null,
    lines_added: state.lines_added,
    lines_removed: state.lines_removed,
  };
}

function nextSummaryData(
  previous: SummaryData | undefined,
  master: number,
  deps: AggregateDeps,
  fresh: TaskResult[],
  results: TaskResult[],
  followUps: Map<string, number>,
): SummaryData {
  const runKey = (a: { run_id: string; run_attempt: number }) => `${a.run_id}/${a.run_attempt}`;
  const thisRun = { run_id: deps.run.runId, run_attempt: deps.run.runAttempt };
  // An aggregate job re-run on the same run attempt replaces its own entry instead of adding one.
  const earlier = (previous?.attempts ?? []).filter((a) => runKey(a) !== runKey(thisRun));
  const same = (previous?.attempts ?? []).find((a) => runKey(a) === runKey(thisRun));
  const attempt = {
    ...thisRun,
    finished_at: same?.finished_at ?? deps.now().toISOString(),
    ran: fresh.map((r) => r.task.id),
    succeeded: fresh.filter((r) => r.succeeded).map((r) => r.task.id),
  };
  const tasks: Record<string, TaskState> = { ...(previous?.tasks ?? {}) };
  for (const r of results) {
    if (r.carriedOver) continue;
    const figures = r.status ? figuresOfStatus(r.status) : null;
    tasks[r.task.id] = {
      title: r.task.title.slice(0, 80),
      succeeded: r.succeeded,
      outcome: r.outcome,
      sub_issue: r.task.subIssue,
      pr: r.prNumber,
      follow_up: followUps.get(r.task.id) ?? null,
      duration_seconds: figures?.duration_seconds ?? 0,
      cost_usd: figures?.cost_usd ?? null,
      lines_added: figures?.lines_added ?? 0,
      lines_removed: figures?.lines_removed ?? 0,
      num_turns: figures?.num_turns ?? null,
      tokens: figures?.tokens ?? null,
    };
  }
  return { version: 1, master, attempts: [...earlier, attempt], tasks };
}

async function ensureFollowUp(
  deps: AggregateDeps,
  inputs: AggregateInputs,
  trusted: string,
  master: number,
  result: TaskResult,
  known: number | undefined,
): Promise<number> {
  const { github } = deps;
  if (known !== undefined) return known;
  const marker = followUpMarker(master, result.task.id);
  const parent = result.task.subIssue;
  const oursUnder = async (issue: number) =>
    (await github.listSubIssues(issue)).filter(
      (i) => isTrustedAuthor(i.user, trusted) && hasMarker(i.body, "follow-up", marker),
    );
  if (parent !== null) {
    const existing = await oursUnder(parent);
    if (existing[0]) return existing[0].number;
  }
  const followUp = {
    title: followUpTitle(master, result),
    body: renderFollowUp(master, result, deps.runUrl),
    labels: inputs["follow-up-labels"],
  };
  // Under the task's sub-issue in one content-creating request, where there is one.
  const issue =
    parent !== null ? await github.createSubIssue(parent, followUp) : await github.createIssue(followUp);
  deps.log.info(`Task ${result.task.id}: follow-up issue #${issue.number}`);
  if (parent === null) return issue.number;
  // Another aggregate of the same master issue may have opened the same follow-up at the same moment:
  // the oldest stays, a later copy is closed as its duplicate and unlinked.
  const [oldest] = (await oursUnder(parent)).sort((a, b) => a.number - b.number);
  if (!oldest || oldest.number === issue.number) return issue.number;
  deps.log.warning(
    `Follow-up #${issue.number} duplicates #${oldest.number} (opened by another run): closing it.`,
  );
  await github.closeAsDuplicate(issue.number, oldest.id);
  await github.removeSubIssue(parent, issue.id);
  return oldest.number;
}
