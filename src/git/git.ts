/** The outcome of one git command; failures are returned, not thrown, when the caller allows them. */
export interface GitResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs one git command with a fixed argument list (never a shell). */
export type RunGit = (
  args: string[],
  options?: { allowFailure?: boolean; env?: Record<string, string>; input?: string },
) => Promise<GitResult>;

/** Raised when a git command fails; the message names the command (never a credential). */
export class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly result: GitResult,
  ) {
    super(
      `git ${args.filter((a) => !a.startsWith("http.")).join(" ")} failed (${result.exitCode}): ${result.stderr.trim().slice(0, 500)}`,
    );
    this.name = "GitError";
  }
}

/** What a task branch contains beyond its base. */
export interface BranchChanges {
  commits: number;
  /** The commits themselves, newest first (at most 1,000). */
  shas: string[];
  files: string[];
  linesAdded: number;
  linesRemoved: number;
}

/** Parses `git diff --numstat -z`: binary files count as changed with no lines. */
export function parseNumstat(output: string): { files: string[]; linesAdded: number; linesRemoved: number } {
  const files: string[] = [];
  let linesAdded = 0;
  let linesRemoved = 0;
  const fields = output.split("\0");
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i] ?? "";
    if (entry === "") continue;
    const [added, removed, path] = entry.split("\t");
    linesAdded += Number(added) || 0;
    linesRemoved += Number(removed) || 0;
    if (path !== undefined && path !== "") {
      files.push(path);
    } else {
      // A rename: the next two NUL-separated fields are the old and new paths.
      i += 2;
      if (fields[i]) files.push(fields[i] as string);
    }
  }
  return { files, linesAdded, linesRemoved };
}
