import type { AgentInputs } from "../inputs.js";
import type { CaptureResult } from "../work/capture-changes.js";
import { protectedPathsTouched } from "../work/protected-paths.js";
import { scanWork, secretNeedles } from "../work/secret-scan.js";
import { WORK_SCHEMA_VERSION, type WorkDocument } from "../work/work-schema.js";
import type { StatusFacts } from "./build-status.js";
import { OutcomeError } from "./time-budget.js";

/** Paths listed in a reason: enough to act on, few enough for one sentence. */
const SHOWN = 5;

function listed(paths: readonly string[]): string {
  const shown = paths.slice(0, SHOWN).map((p) => `\`${p}\``);
  return paths.length > SHOWN ? `${shown.join(", ")} and ${paths.length - SHOWN} more` : shown.join(", ");
}

/**
 * The agent's captured work as a work document, if it may be published: within the limits, with no
 * entry the capture refused (special files, hard links, nested repositories, symlinks leaving the tree),
 * touching no protected path the workflow did not allow, and holding none of the job's credentials in
 * any encoding. Anything else ends the task as `refused`, naming the rule and the paths; nothing is pushed.
 */
export function checkedWork(
  captured: CaptureResult,
  facts: StatusFacts,
  startSha: string,
  inputs: AgentInputs,
  secrets: readonly string[],
  message: string,
): WorkDocument {
  const refuse = (
    errorType: "WORK_LIMIT" | "UNSAFE_FILE" | "PROTECTED_PATH" | "SECRET_IN_CHANGES",
    reason: string,
  ) => new OutcomeError({ outcome: "refused", errorType, reason: `Nothing was pushed: ${reason}` });
  if (!captured.ok) throw refuse("WORK_LIMIT", `${captured.error.message}.`);
  if (captured.findings.length > 0) {
    const kinds = [...new Set(captured.findings.map((f) => f.kind.replace(/-/g, " ")))].join(", ");
    throw refuse(
      "UNSAFE_FILE",
      `the agent left entries that are never published (${kinds}): ${listed(captured.findings.map((f) => f.path))}.`,
    );
  }
  const document: WorkDocument = {
    schema_version: WORK_SCHEMA_VERSION,
    master_issue: facts.master,
    task_id: facts.taskId,
    run_attempt: facts.run.runAttempt,
    start_sha: startSha,
    files: captured.files,
    stats: captured.stats,
  };
  const touched = protectedPathsTouched(
    captured.files.map((f) => f.path),
    inputs["allowed-protected-paths"],
  );
  if (touched.length > 0) {
    throw refuse(
      "PROTECTED_PATH",
      `the change touches protected paths (workflows, agent configuration, hooks): ${listed(touched)}; a maintainer can allow paths with the allowed-protected-paths input.`,
    );
  }
  const leaks = scanWork(document, secretNeedles(secrets), message);
  if (leaks.length > 0) {
    const where = leaks.map((l) => ("path" in l ? l.path : l.where));
    throw refuse(
      "SECRET_IN_CHANGES",
      `the agent's changes contain a credential of this job in ${listed(where)}.`,
    );
  }
  return document;
}
