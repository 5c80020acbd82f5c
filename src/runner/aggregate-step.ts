import * as core from "@actions/core";
import type { GitHubClient } from "../github/github-client.js";
import type { AggregateInputs } from "../inputs.js";
import { logger, requireArtifactService, runContext } from "./runner-context.js";

/** Aggregate mode in the runner: outputs, the full report in the job summary, failure below the threshold. */
export async function runAggregateStep(inputs: AggregateInputs, github: GitHubClient): Promise<void> {
  requireArtifactService("Aggregate");
  const [{ runAggregate }, { createArtifactStore }] = await Promise.all([
    import("../aggregate/aggregate.js"),
    import("../artifacts/artifact-store.js"),
  ]);
  const run = runContext();
  const server = process.env.GITHUB_SERVER_URL ?? "https://github.com";
  const result = await runAggregate(
    {
      github,
      log: logger,
      artifacts: await createArtifactStore(),
      run,
      runUrl: `${server}/${process.env.GITHUB_REPOSITORY ?? ""}/actions/runs/${run.runId}`,
      now: () => new Date(),
    },
    inputs,
  );
  const { decision } = result;
  core.setOutput("success-rate", String(decision.rate));
  core.setOutput("succeeded", String(decision.succeeded));
  core.setOutput("failed", String(decision.failed));
  core.setOutput("verdict", decision.verdict);
  core.setOutput("pull-requests", JSON.stringify(result.pullRequests));
  core.setOutput("follow-up-issues", JSON.stringify(result.followUps));
  core.setOutput(
    "result",
    JSON.stringify({
      decision,
      tasks: result.results.map((r) => ({
        id: r.task.id,
        succeeded: r.succeeded,
        outcome: r.outcome,
        reason: r.reason,
        sub_issue: r.task.subIssue,
        pr: r.prNumber,
        carried_over: r.carriedOver,
      })),
    }),
  );
  // The job summary allows 1 MiB, so it can hold the whole report even when the comment was cut.
  await core.summary.addRaw(result.fullReport, true).write();
  if (!decision.passed) {
    throw new Error(
      `${decision.succeeded} of ${decision.total} tasks succeeded (${decision.rate}%), below the success threshold of ${inputs["success-threshold"]}%.`,
    );
  }
}
