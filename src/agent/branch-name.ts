import { sanitizeUntrustedText } from "../security/sanitize-untrusted-text.js";
import { TASK_ID_PATTERN } from "../status/status-schema.js";

/**
 * Path components of ASCII letters, digits, `_` and `-`, none starting with `-` (git refuses such
 * branch names); `refs/…` is refused too, since `refs/heads/refs/…` would be a confusing branch.
 */
const PREFIX = /^(?!refs(?:\/|$))[A-Za-z0-9_][A-Za-z0-9_-]*(?:\/[A-Za-z0-9_][A-Za-z0-9_-]*)*$/;
const MAX_PREFIX = 100;
const MAX_SLUG = 40;
/** Below this length a cut at the last hyphen would lose too much of the title; cut mid-word instead. */
const MIN_WORD_CUT = 20;

/**
 * The slug of a title: ASCII lower-case letters, digits and single hyphens, at most 40 characters,
 * never empty. Accents are folded (`é` → `e`) and compatibility forms normalised (`ﬁ` → `fi`, full-width
 * letters → ASCII); everything else — punctuation, shell syntax, emoji, other scripts — separates words.
 * Such a slug cannot contain anything git forbids in a ref (`..`, `@{`, `~^:?*[\`, control characters, a
 * leading `-` or `.`, a trailing `.lock`, `.` or `/`).
 */
export function slugifyTitle(title: string): string {
  const words = sanitizeUntrustedText(title)
    .text.normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  let slug = words;
  if (slug.length > MAX_SLUG) {
    slug = slug.slice(0, MAX_SLUG);
    const lastHyphen = slug.lastIndexOf("-");
    slug = lastHyphen >= MIN_WORD_CUT ? slug.slice(0, lastHyphen) : slug.replace(/-+$/, "");
  }
  return slug === "" ? "task" : slug;
}

/** Raised for an input that cannot form a valid branch name; the message names the input. */
export class BranchNameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BranchNameError";
  }
}

/**
 * The branch one task's agent works on: `<prefix>/<master>/<task>-<slug>`, e.g.
 * `orchestrator/12/3-add-user-auth`. Deterministic, so a re-run of the same task finds the branch its
 * previous attempt pushed. The result always passes `git check-ref-format --branch`.
 */
export function taskBranchName(args: {
  prefix?: string;
  master: number;
  taskId: string;
  title: string;
}): string {
  const { prefix = "orchestrator", master, taskId, title } = args;
  if (prefix.length > MAX_PREFIX || !PREFIX.test(prefix)) {
    throw new BranchNameError(
      `Input "branch-prefix" must be path components of letters, digits, "_" and "-" such as "orchestrator" or "ai/tasks" (at most ${MAX_PREFIX} characters); got ${JSON.stringify(prefix)}`,
    );
  }
  if (!Number.isSafeInteger(master) || master <= 0) {
    throw new BranchNameError(`Master issue number must be a positive whole number; got ${master}`);
  }
  if (taskId.length > 40 || !TASK_ID_PATTERN.test(taskId)) {
    throw new BranchNameError(
      `Task id must be letters and digits separated by single hyphens; got ${JSON.stringify(taskId)}`,
    );
  }
  return `${prefix}/${master}/${taskId}-${slugifyTitle(title)}`;
}
