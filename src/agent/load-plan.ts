import type { ArtifactStore } from "../artifacts/artifact-store.js";
import { parsePlanDocument, type PlanDocument } from "../plan/plan-schema.js";

/** Raised when the plan document of the run cannot be found or trusted. */
export class PlanNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanNotFoundError";
  }
}

/**
 * The plan the plan job stored for this master issue in this workflow run: the newest attempt's
 * (`plan-<master>-<attempt>.json`), since a re-run of the whole workflow plans again while "re-run failed
 * jobs" re-runs only agents against the first plan.
 */
export async function loadPlan(store: ArtifactStore, master: number): Promise<PlanDocument> {
  const pattern = new RegExp(`^plan-${master}-(\\d+)\\.json$`);
  const candidates = (await store.list())
    .map((artifact) => ({ artifact, attempt: Number(pattern.exec(artifact.name)?.[1] ?? NaN) }))
    .filter((c) => Number.isInteger(c.attempt))
    .sort((a, b) => b.attempt - a.attempt);
  const newest = candidates[0];
  if (!newest) {
    throw new PlanNotFoundError(
      `No plan document for master issue #${master} in this workflow run (artifact plan-${master}-<attempt>.json): run the plan job first, without dry run.`,
    );
  }
  const plan = parsePlanDocument(await store.downloadJson(newest.artifact));
  if (plan.master_issue.number !== master) {
    throw new PlanNotFoundError(
      `Artifact ${newest.artifact.name} is the plan of #${plan.master_issue.number}, not #${master}.`,
    );
  }
  return plan;
}
