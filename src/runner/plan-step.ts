import * as core from "@actions/core";
import type { GitHubClient } from "../github/github-client.js";
import type { PlanInputs } from "../inputs.js";
import { runPlan } from "../plan/plan.js";
import { hasArtifactService, logger, readEvent, runContext } from "./runner-context.js";

/** Plan mode in the runner: stores the plan for the agents, writes the matrix and the report. */
export async function runPlanStep(inputs: PlanInputs, github: GitHubClient): Promise<void> {
  const event = await readEvent();
  const store = hasArtifactService() && !inputs["dry-run"] ? await loadArtifactStore() : undefined;
  const result = await runPlan(
    {
      github,
      log: logger,
      event,
      actor: process.env.GITHUB_ACTOR ?? "",
      run: runContext(),
      now: () => new Date(),
      uploadPlan: store
        ? async (name, plan) => {
            const stored = await store.uploadJson(name, plan);
            return { id: stored.id, sha256: stored.sha256 ?? "" };
          }
        : undefined,
    },
    inputs,
  );
  core.setOutput("matrix", JSON.stringify(result.matrix));
  core.setOutput("count", String(result.matrix.include.length));
  core.setOutput("master-issue", String(result.plan.master_issue.number));
  core.setOutput("task-count", String(result.plan.tasks.length));
  core.setOutput("outcome", result.plan.validation.outcome);
  core.setOutput("plan", JSON.stringify(result.plan));
  core.setOutput("plan-artifact-id", result.stored ? String(result.stored.id) : "");
  core.setOutput("plan-sha256", result.stored?.sha256 ?? "");
  await core.summary.addRaw(result.report, true).write();
  if (result.aborted) {
    throw new Error(
      `Plan aborted: ${result.plan.validation.findings.find((f) => f.level === "error")?.message ?? "validation failed"}`,
    );
  }
}

async function loadArtifactStore() {
  const { createArtifactStore } = await import("../artifacts/artifact-store.js");
  return createArtifactStore();
}
