/**
 * Rules for the paths and symlink targets of an agent's work. The capture applies them to what it reads
 * and the schema to what the publisher receives, so a forged document meets the same rules.
 */

/** Longest path, in UTF-8 bytes (Linux's PATH_MAX). */
export const MAX_PATH_BYTES = 4096;
/** Longest file or directory name, in UTF-8 bytes (NAME_MAX of common file systems). */
export const MAX_SEGMENT_BYTES = 255;

/** Code points HFS+ ignores in names, so `.g\u200cit` opens `.git` on a Mac (git's `is_hfs_dotgit`). */
const HFS_IGNORABLE = /[\u200c-\u200f\u202a-\u202e\u206a-\u206f\ufeff]/g;
/** C0 controls and DEL: NUL ends a C string, CR/LF split git's line-based plumbing input. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
/** An unpaired surrogate cannot be written as UTF-8, so git would see different bytes than we checked. */
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/**
 * A name as a case-insensitive file system that drops trailing dots and spaces (Windows) or ignorable
 * code points (macOS) would see it; an NTFS stream suffix (`name::$DATA`) opens `name` itself.
 */
export function foldName(segment: string): string {
  let folded = segment.replace(HFS_IGNORABLE, "").toLowerCase();
  const stream = folded.indexOf(":");
  if (stream >= 0) folded = folded.slice(0, stream);
  return folded.replace(/[. ]+$/, "");
}

/** True when a file system could open `segment` as a `.git` directory (`.GIT`, `.git.`, `git~1`). */
export function isGitName(segment: string): boolean {
  const folded = foldName(segment);
  return folded === ".git" || folded === "git~1";
}

function textProblem(text: string): string | undefined {
  if (text === "") return "is empty";
  if (CONTROL.test(text)) return "contains a control character (NUL, CR, LF, …)";
  if (LONE_SURROGATE.test(text)) return "is not valid Unicode";
  if (text.includes("\\")) return "contains a backslash (a directory separator on Windows)";
  if (Buffer.byteLength(text, "utf8") > MAX_PATH_BYTES) return `is longer than ${MAX_PATH_BYTES} bytes`;
  if (text.startsWith("/")) return "is absolute";
  return undefined;
}

/**
 * Why `path` may not name a file of the work, or undefined when it may: it must be relative and
 * normalized (no empty, `.` or `..` segment, no trailing slash), free of control characters and
 * backslashes, within the length limits, and have no segment a file system could open as `.git`.
 */
export function pathProblem(path: string): string | undefined {
  const problem = textProblem(path);
  if (problem) return problem;
  for (const segment of path.split("/")) {
    if (segment === "") return "has an empty segment (leading, trailing or double slash)";
    if (segment === "." || segment === "..") return `has a '${segment}' segment`;
    if (Buffer.byteLength(segment, "utf8") > MAX_SEGMENT_BYTES)
      return `has a name longer than ${MAX_SEGMENT_BYTES} bytes`;
    if (isGitName(segment)) return `has a segment a file system could open as .git ('${segment}')`;
  }
  return undefined;
}

/**
 * Why a symlink at `linkPath` may not point at `target`, or undefined when it may. The target must be
 * relative, name no `.git`, and stay below the repository root judged from its text alone: `..` only
 * at its start and no more of them than the link's depth, so no `..` follows a name that could itself
 * be a link (`d/up/..` where `d/up -> ..`), and not the root itself (through which `link/.git` would
 * reach the repository). Links already in the start commit are the repository's own and not judged.
 */
export function symlinkTargetProblem(linkPath: string, target: string): string | undefined {
  const problem = textProblem(target);
  if (problem) return problem;
  const segments = target.split("/").filter((s) => s !== "" && s !== ".");
  let up = 0;
  while (segments[up] === "..") up++;
  const names = segments.slice(up);
  if (names.includes("..")) return "has '..' after a name";
  const depth = linkPath.split("/").length - 1;
  if (up > depth) return "leaves the repository";
  if (names.length === 0 && up === depth) return "points at the repository root";
  if (names.some(isGitName)) return "points into .git";
  return undefined;
}
