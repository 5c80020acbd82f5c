import { readFileSync } from "node:fs";
import { z } from "zod";
import { findLiveReferences } from "../live-references.js";

/**
 * Sanitiser test vectors kept as data (`*.json` next to this file): inputs from the public test suites of
 * claude-code-action and gh-aw, and from issue 10, each with what our functions must produce. This
 * module reads them and checks one against a set of functions, so the same data can be run against
 * today's code and an older one.
 */

/** Which of our functions a vector is for: every way untrusted text is read or written. */
export const TARGETS = ["prompt", "body", "line", "cell", "title", "redact", "outbound"] as const;
export type Target = (typeof TARGETS)[number];

/** A function per target: `prompt` what the agent reads, the others what we post. */
export type Implementation = Record<Target, (input: string) => string>;

/** What the output must be: exactly `equals`, and/or hold every `contains` and none of `excludes`. */
const Expectation = z
  .object({
    equals: z.string().optional(),
    contains: z.array(z.string()).optional(),
    excludes: z.array(z.string()).optional(),
  })
  .strict()
  .refine((e) => e.equals !== undefined || e.contains || e.excludes, "an expectation needs a check");

const Applicable = z
  .object({
    id: z.string(),
    path: z.string().optional(),
    test: z.string(),
    category: z.string(),
    target: z.enum(TARGETS),
    input: z.string(),
    expect: Expectation,
    /** Why our expectation differs from the source's. */
    adapted: z.string().optional(),
  })
  .strict();

const NotApplicable = z
  .object({
    id: z.string(),
    path: z.string().optional(),
    test: z.string(),
    category: z.string(),
    applicable: z.literal(false),
    reason: z.string().min(20),
    input: z.unknown(),
  })
  .strict();

export const VectorFile = z
  .object({
    source: z
      .object({ repo: z.string(), commit: z.string().optional(), path: z.string().optional() })
      .passthrough(),
    about: z.string(),
    vectors: z.array(z.union([Applicable, NotApplicable])),
  })
  .strict();
export type VectorFile = z.infer<typeof VectorFile>;
export type Vector = z.infer<typeof Applicable>;

/** Reads and validates one vector file of this folder, e.g. `gh-aw.json`. */
export function readVectorFile(name: string): VectorFile {
  const text = readFileSync(new URL(name, import.meta.url), "utf8");
  const parsed = VectorFile.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`Invalid vector file ${name}: ${parsed.error.message}`);
  return parsed.data;
}

/** Whether `vector` applies to us (has a target and an expectation). */
export function isApplicable(vector: VectorFile["vectors"][number]): vector is Vector {
  return !("applicable" in vector);
}

/** Where each kind of output lands in what we post, for the inertness check. */
const CONTEXT: Partial<Record<Target, (out: string) => string>> = {
  body: (out) => out,
  outbound: (out) => out,
  title: (out) => out,
  line: (out) => `- [ ] ${out}`,
  cell: (out) => `| Title |\n|---|\n| ${out} |`,
};

/**
 * The ways `vector` fails against `impl`, empty when it passes. Besides its own expectation, text we
 * post must hold no live mention or reference, as a full CommonMark parser reads it in place.
 */
export function checkVector(vector: Vector, impl: Implementation): string[] {
  let out: string;
  try {
    out = impl[vector.target](vector.input);
  } catch (error) {
    return [`threw ${String(error)}`];
  }
  const problems: string[] = [];
  const { equals, contains = [], excludes = [] } = vector.expect;
  if (equals !== undefined && out !== equals)
    problems.push(`expected ${JSON.stringify(equals)}, got ${JSON.stringify(out)}`);
  for (const part of contains)
    if (!out.includes(part)) problems.push(`missing ${JSON.stringify(part)} in ${JSON.stringify(out)}`);
  for (const part of excludes)
    if (out.includes(part)) problems.push(`still has ${JSON.stringify(part)} in ${JSON.stringify(out)}`);
  const context = CONTEXT[vector.target];
  if (context) {
    const live = findLiveReferences(context(out));
    if (live.length > 0) problems.push(`live on GitHub: ${JSON.stringify(live)} in ${JSON.stringify(out)}`);
  }
  return problems;
}
