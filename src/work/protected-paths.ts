import { foldName } from "./work-path.js";

/**
 * Paths whose change is not published unless a maintainer allows it, because something runs or obeys
 * them later with more trust than the agent had. A pattern protects the path it matches and everything
 * below it, at any directory level (a leading `**` segment), matched case-insensitively, as macOS and Windows open them.
 *
 * - `.github`: workflows, actions and CODEOWNERS run or decide with the repository's secrets. Any level,
 *   because a workflow's `uses: ./dir` can point anywhere and it costs legitimate work nothing.
 * - `.claude`, `CLAUDE.md`, `CLAUDE.local.md`: Claude Code loads settings and hooks from `.claude/`, and
 *   memory from CLAUDE.md in the start directory and its parents at start-up and from a subdirectory's
 *   CLAUDE.md when it reads files there, so every level counts (the next agent on a retry obeys them).
 * - `AGENTS.md`, `AGENTS.override.md`, `.codex`: Codex reads them from the root down to its directory.
 * - `.mcp.json`: project MCP servers, which start commands.
 * - `.gitmodules`, `.gitattributes`: submodule URLs and filter/diff drivers for everyone who clones.
 * - `.lfsconfig`: git-lfs reads its server URL from the tree; a changed one receives credentials.
 * - `CODEOWNERS`: who must review, also read at the root and in `docs/`.
 * - hook directories and hook managers' files: `.husky`, `.githooks`, `.git-hooks`, `.hooks`, lefthook's
 *   files and `.pre-commit-config.yaml`, which install commands into every developer's git. A plain
 *   `hooks/` directory is not protected: it is far more often React hooks than a `core.hooksPath`
 *   target, and a maintainer whose repository uses it that way can say so only by review.
 * - `.devcontainer`, `.devcontainer.json`: commands a codespace runs when someone opens the branch.
 */
export const DEFAULT_PROTECTED_PATTERNS: readonly string[] = [
  "**/.github",
  "**/.claude",
  "**/CLAUDE.md",
  "**/CLAUDE.local.md",
  "**/AGENTS.md",
  "**/AGENTS.override.md",
  "**/.codex",
  "**/.mcp.json",
  "**/.gitmodules",
  "**/.gitattributes",
  "**/.lfsconfig",
  "**/CODEOWNERS",
  "**/.husky",
  "**/.githooks",
  "**/.git-hooks",
  "**/.hooks",
  "**/lefthook*.yml",
  "**/lefthook*.yaml",
  "**/.lefthook*",
  "**/.pre-commit-config.yaml",
  "**/.devcontainer",
  "**/.devcontainer.json",
];

/** A path as a case-insensitive file system sees it: each name folded (`.GitHub.` is `.github`). */
function fold(path: string): string {
  return path.split("/").map(foldName).join("/");
}

/**
 * A glob as an anchored regular expression over folded paths: a `**` segment is any number of whole
 * names (at the start, in the middle or at the end), `*` any characters within one name, `?` one.
 */
export function globToRegExp(glob: string): RegExp {
  const segments = fold(glob).split("/");
  let source = "";
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === "**") {
      if (segments.length === 1) source = ".*";
      else source += last ? "(?:/.*)?" : i === 0 ? "(?:[^/]+/)*" : "(?:/[^/]+)*/";
      return;
    }
    const body = segment
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, "[^/]*")
      .replace(/\?/g, "[^/]");
    const previousIsGlobstar = segments[i - 1] === "**";
    source += i === 0 || previousIsGlobstar ? body : `/${body}`;
  });
  return new RegExp(`^${source}$`, "s");
}

/** Whether `pattern` matches `folded` or one of the directories above it. */
function matchesPathOrParent(pattern: RegExp, folded: string): boolean {
  const segments = folded.split("/");
  for (let i = 1; i <= segments.length; i++) if (pattern.test(segments.slice(0, i).join("/"))) return true;
  return false;
}

/**
 * The paths among `paths` that touch a protected location (`DEFAULT_PROTECTED_PATTERNS`) and that no
 * pattern in `allow` (same glob syntax, e.g. `.github/ISSUE_TEMPLATE/**`) lets through. Deletions count:
 * removing a workflow or CODEOWNERS is as much a change to them as editing it.
 */
export function protectedPathsTouched(paths: readonly string[], allow: readonly string[]): string[] {
  const protectedPatterns = DEFAULT_PROTECTED_PATTERNS.map(globToRegExp);
  const allowPatterns = allow.map(globToRegExp);
  return paths.filter((path) => {
    const folded = fold(path);
    if (!protectedPatterns.some((p) => matchesPathOrParent(p, folded))) return false;
    return !allowPatterns.some((p) => matchesPathOrParent(p, folded));
  });
}
