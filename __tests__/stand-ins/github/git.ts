/**
 * Reads the bare repository standing for GitHub's copy of the repo, so pull requests see real branches,
 * commits and changed files. Git runs through `execFile` with argument arrays (never a shell), and
 * branches are always passed as full `refs/heads/…` names so a branch called `-x` cannot become an option.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

async function git(gitDir: string, args: string[]): Promise<string> {
  const { stdout } = await run("git", ["--git-dir", gitDir, ...args], {
    env: { ...process.env, GIT_TERMINAL_PROMPT: "0" },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** The commit a branch points at, or undefined when the branch does not exist. */
export async function branchSha(gitDir: string, branch: string): Promise<string | undefined> {
  try {
    const out = await git(gitDir, ["rev-parse", "--verify", "--quiet", `refs/heads/${branch}^{commit}`]);
    return out.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** One entry of `GET /pulls/{n}/files`, before rendering. */
export interface ChangedFile {
  filename: string;
  previousFilename?: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed";
  /** Blob id on the head side (the base side for removed files), as GitHub reports it. */
  sha: string;
  additions: number;
  deletions: number;
}

/** What a pull request shows: commit count and changed files. */
export interface Comparison {
  /** Commits on head that base lacks (`base..head`). */
  commits: number;
  files: ChangedFile[];
}

const STATUS: Record<string, ChangedFile["status"]> = {
  A: "added",
  D: "removed",
  M: "modified",
  R: "renamed",
  C: "copied",
  T: "changed",
};

/** Compares like GitHub's pull request view: commits `base..head`, files from the merge base (`base...head`). */
export async function compare(gitDir: string, baseSha: string, headSha: string): Promise<Comparison> {
  const commits = Number((await git(gitDir, ["rev-list", "--count", `${baseSha}..${headSha}`])).trim());
  const range = `${baseSha}...${headSha}`;
  const raw = (await git(gitDir, ["diff", "--raw", "--no-abbrev", "-z", "-M", range])).split("\0");
  const numstat = (await git(gitDir, ["diff", "--numstat", "-z", "-M", range])).split("\0");

  const counts = new Map<string, { additions: number; deletions: number }>();
  for (let i = 0; i < numstat.length; i++) {
    const fields = (numstat[i] ?? "").split("\t");
    if (fields.length < 3) continue;
    // Renames leave the path field empty and put "old\0new" in the next two NUL-separated fields.
    let path = fields[2] ?? "";
    if (path === "") {
      path = numstat[i + 2] ?? "";
      i += 2;
    }
    // Binary files report "-": GitHub counts them as zero changed lines.
    counts.set(path, { additions: Number(fields[0]) || 0, deletions: Number(fields[1]) || 0 });
  }

  const files: ChangedFile[] = [];
  for (let i = 0; i < raw.length; i++) {
    const header = raw[i] ?? "";
    if (!header.startsWith(":")) continue;
    const [, , oldSha = "", newSha = "", statusField = ""] = header.slice(1).split(" ");
    const letter = statusField.charAt(0);
    const status = STATUS[letter] ?? "modified";
    let filename = raw[++i] ?? "";
    let previousFilename: string | undefined;
    if (letter === "R" || letter === "C") {
      previousFilename = filename;
      filename = raw[++i] ?? "";
    }
    const count = counts.get(filename) ?? { additions: 0, deletions: 0 };
    files.push({
      filename,
      ...(previousFilename === undefined ? {} : { previousFilename }),
      status,
      sha: status === "removed" ? oldSha : newSha,
      ...count,
    });
  }
  return { commits, files };
}
