import { parsePlanDocument, type PlanDocument } from "../plan/plan-schema.js";
import type { ArtifactStore } from "./artifact-store.js";

/** Raised when the plan document of the run cannot be found or trusted. */
export class PlanNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanNotFoundError";
  }
}

/**
 * Which plan document a job must use: the artifact the plan job uploaded in this run, by id, and the
 * SHA-256 of its bytes, both passed on through job outputs. Anything else holding the run's artifact token
 * could upload a plan too, so its name or attempt number proves nothing.
 */
export interface PlanPin {
  artifactId: number;
  sha256: string;
}

/** Plan documents are a few hundred KB at 256 tasks; far more is not one the plan job wrote. */
const MAX_PLAN_BYTES = 16 * 1024 * 1024;

/** The plan document the pin names, refused unless its bytes hash to the pinned digest and it plans `master`. */
export async function loadPinnedPlan(
  store: ArtifactStore,
  master: number,
  pin: PlanPin,
): Promise<PlanDocument> {
  const artifact = { id: pin.artifactId, name: `plan of #${master}`, size: 0 };
  let json: unknown;
  try {
    json = await store.downloadJson(artifact, MAX_PLAN_BYTES, pin.sha256);
  } catch (error) {
    throw new PlanNotFoundError(
      `The plan document (artifact id ${pin.artifactId}) could not be used: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const plan = parsePlanDocument(json);
  if (plan.master_issue.number !== master) {
    throw new PlanNotFoundError(
      `Artifact ${pin.artifactId} is the plan of #${plan.master_issue.number}, not #${master}.`,
    );
  }
  return plan;
}
