import { z } from "zod";
import { foldName, pathProblem, symlinkTargetProblem } from "./work-path.js";

/**
 * The work document: what an agent changed, as file contents only, relative to the commit it started
 * from. The agent job writes it; the publishing job, where the agent never ran, builds a commit from it.
 * Nothing in it is executed: no git objects, modes beyond 644/755, links that leave the tree, or
 * submodules.
 */
export const WORK_SCHEMA_VERSION = "1.0";

/** Most entries a document may hold whatever the configured limits (those are checked separately). */
export const MAX_DOCUMENT_FILES = 10_000;

const pathSchema = z.string().superRefine((path, ctx) => {
  const problem = pathProblem(path);
  if (problem) ctx.addIssue({ code: "custom", message: `path ${JSON.stringify(path)} ${problem}` });
});

/** A regular file: 644 or 755, its bytes in standard padded base64. */
export const workFileContentSchema = z.strictObject({
  path: pathSchema,
  mode: z.enum(["100644", "100755"]),
  content_base64: z.base64(),
});

/** A symbolic link that stays inside the tree (see `symlinkTargetProblem`). */
export const workSymlinkSchema = z
  .strictObject({ path: pathSchema, mode: z.literal("120000"), target: z.string() })
  .superRefine((link, ctx) => {
    const problem = symlinkTargetProblem(link.path, link.target);
    if (problem) ctx.addIssue({ code: "custom", path: ["target"], message: `symlink target ${problem}` });
  });

/** A file or symlink of the start commit that the work removes. */
export const workDeletionSchema = z.strictObject({ path: pathSchema, deleted: z.literal(true) });

export const workFileSchema = z.union([workFileContentSchema, workSymlinkSchema, workDeletionSchema]);

export const workStatsSchema = z.strictObject({
  /** Entries in `files`. */
  files: z.number().int().nonnegative(),
  /** Bytes of file content and symlink targets. */
  bytes: z.number().int().nonnegative(),
  lines_added: z.number().int().nonnegative(),
  lines_removed: z.number().int().nonnegative(),
});

export const workDocumentSchema = z
  .strictObject({
    schema_version: z.literal(WORK_SCHEMA_VERSION),
    master_issue: z.number().int().positive(),
    /** The task's id in the plan. */
    task_id: z.string().regex(/^\d+$/),
    run_attempt: z.number().int().positive(),
    /** The commit the agent started from: the new commit's parent. */
    start_sha: z.string().regex(/^[0-9a-f]{40}$/),
    /** Changed entries, one per path. */
    files: z.array(workFileSchema).max(MAX_DOCUMENT_FILES),
    stats: workStatsSchema,
  })
  .superRefine((document, ctx) => {
    const problem = entriesProblem(document.files);
    if (problem) ctx.addIssue({ code: "custom", path: ["files"], message: problem });
    if (document.stats.files !== document.files.length)
      ctx.addIssue({
        code: "custom",
        path: ["stats", "files"],
        message: `is ${document.stats.files} but the document has ${document.files.length} entries`,
      });
    const bytes = contentBytes(document.files);
    if (document.stats.bytes !== bytes)
      ctx.addIssue({
        code: "custom",
        path: ["stats", "bytes"],
        message: `is ${document.stats.bytes} but the entries hold ${bytes}`,
      });
  });

export type WorkFile = z.infer<typeof workFileSchema>;
export type WorkStats = z.infer<typeof workStatsSchema>;
export type WorkDocument = z.infer<typeof workDocumentSchema>;

/** Bytes a base64 text decodes to, without decoding it. */
function base64Bytes(text: string): number {
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

/** Bytes of file content and symlink targets in `files` (what `stats.bytes` counts). */
export function contentBytes(files: readonly WorkFile[]): number {
  let bytes = 0;
  for (const file of files) {
    if ("content_base64" in file) bytes += base64Bytes(file.content_base64);
    else if ("target" in file) bytes += Buffer.byteLength(file.target, "utf8");
  }
  return bytes;
}

/**
 * Why the entries cannot form one tree, or undefined: a path listed twice, two kept paths that differ
 * only in case (one file on macOS and Windows), or a kept path that is also the directory of another.
 */
export function entriesProblem(files: readonly WorkFile[]): string | undefined {
  const seen = new Set<string>();
  const kept = new Map<string, string>();
  for (const file of files) {
    if (seen.has(file.path)) return `path ${JSON.stringify(file.path)} is listed twice`;
    seen.add(file.path);
    if ("deleted" in file) continue;
    const folded = file.path.split("/").map(foldName).join("/");
    const other = kept.get(folded);
    if (other !== undefined)
      return `paths ${JSON.stringify(other)} and ${JSON.stringify(file.path)} differ only in case`;
    kept.set(folded, file.path);
  }
  for (const [folded, path] of kept) {
    const segments = folded.split("/");
    for (let i = 1; i < segments.length; i++) {
      const dir = kept.get(segments.slice(0, i).join("/"));
      if (dir !== undefined)
        return `path ${JSON.stringify(dir)} is a file but also the directory of ${JSON.stringify(path)}`;
    }
  }
  return undefined;
}

/** Artifact name of a task's work in a run attempt (unique per workflow run, like the status's). */
export function workArtifactName(master: number, task: string, attempt: number): string {
  return `work-${master}-${task}-${attempt}`;
}

/** The bytes that are uploaded and whose digest travels through job outputs. */
export function serializeWorkDocument(document: WorkDocument): string {
  return JSON.stringify(document);
}

/** Hex SHA-256 of serialized bytes: the producer passes it on, the consumer compares before parsing. */
export { sha256Hex } from "../artifacts/artifact-store.js";

/** Parses a work document, naming the first invalid field. */
export function parseWorkDocument(json: unknown): WorkDocument {
  const parsed = workDocumentSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(
    `Invalid work document: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`,
  );
}
