/**
 * Expansion of `strategy.matrix` into job instances with GitHub's rules: the cartesian product of the
 * vectors, `exclude` removing partial matches, `include` extending matching combinations or adding new
 * ones, and GitHub's errors for an empty matrix or one larger than 256 jobs.
 */
import { isDeepStrictEqual } from "node:util";
import type { ExpressionValue } from "./expressions.js";
import { WorkflowError } from "./workflow-model.js";

export type MatrixValues = Record<string, ExpressionValue>;

/** GitHub's limit of jobs a matrix may generate per workflow run. */
export const MAX_MATRIX_JOBS = 256;

function isRecord(value: unknown): value is Record<string, ExpressionValue> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function entries(value: ExpressionValue | undefined, key: string): MatrixValues[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every(isRecord)) {
    throw new WorkflowError(`Matrix '${key}' must be a list of mappings`);
  }
  return value;
}

/** Expands an evaluated matrix mapping into its combinations, in GitHub's order. */
export function expandMatrix(matrix: ExpressionValue): MatrixValues[] {
  if (!isRecord(matrix))
    throw new WorkflowError("Unexpected value for strategy.matrix: a mapping is required");
  const include = entries(matrix.include, "include");
  const exclude = entries(matrix.exclude, "exclude");
  const vectors = Object.entries(matrix).filter(([key]) => key !== "include" && key !== "exclude");
  for (const [key, values] of vectors) {
    if (!Array.isArray(values)) throw new WorkflowError(`Matrix vector '${key}' must be a list`);
    if (values.length === 0) throw new WorkflowError(`Matrix vector '${key}' does not contain any values`);
  }
  let combinations: MatrixValues[] = vectors.length === 0 ? [] : [{}];
  for (const [key, values] of vectors) {
    combinations = combinations.flatMap((c) =>
      (values as ExpressionValue[]).map((v) => ({ ...c, [key]: v })),
    );
  }
  combinations = combinations.filter(
    (c) => !exclude.some((e) => Object.entries(e).every(([k, v]) => isDeepStrictEqual(c[k], v))),
  );
  const original = new Set(vectors.map(([key]) => key));
  const added: MatrixValues[] = [];
  for (const entry of include) {
    // An include extends every combination whose original values it does not contradict…
    const matches = combinations.filter((c) =>
      Object.entries(entry).every(([k, v]) => !original.has(k) || isDeepStrictEqual(c[k], v)),
    );
    for (const c of matches) Object.assign(c, entry);
    // …and becomes a combination of its own when it extends none.
    if (matches.length === 0) added.push({ ...entry });
  }
  const all = [...combinations, ...added];
  if (all.length === 0) throw new WorkflowError("Matrix must define at least one vector");
  if (all.length > MAX_MATRIX_JOBS) {
    throw new WorkflowError(
      `Strategy produced ${all.length} jobs; a matrix may generate at most ${MAX_MATRIX_JOBS}`,
    );
  }
  return all;
}

/** The name GitHub shows for a matrix instance of a job without `name:`: `id (v1, v2)`. */
export function defaultInstanceName(id: string, values: MatrixValues): string {
  const shown = Object.values(values).map((v) =>
    typeof v === "object" && v !== null ? JSON.stringify(v) : String(v),
  );
  return shown.length > 0 ? `${id} (${shown.join(", ")})` : id;
}
