import { describe, expect, it } from "vitest";
import { globToRegExp, protectedPathsTouched } from "./protected-paths.js";

describe("protectedPathsTouched", () => {
  it.each([
    ".github/workflows/ci.yml",
    ".github/CODEOWNERS",
    "packages/app/.github/workflows/x.yml",
    ".claude/settings.json",
    "pkg/.claude/commands/x.md",
    "CLAUDE.md",
    "src/feature/CLAUDE.md",
    "CLAUDE.local.md",
    "AGENTS.md",
    "services/api/AGENTS.md",
    ".codex/config.toml",
    ".mcp.json",
    ".gitmodules",
    ".gitattributes",
    "vendor/lib/.gitattributes",
    ".lfsconfig",
    "docs/CODEOWNERS",
    ".husky/pre-commit",
    ".githooks/pre-push",
    "tools/.git-hooks/commit-msg",
    ".hooks/post-merge",
    "lefthook.yml",
    ".lefthook/pre-commit/lint.sh",
    ".pre-commit-config.yaml",
    ".devcontainer/devcontainer.json",
  ])("protects %j", (path) => {
    expect(protectedPathsTouched([path], [])).toEqual([path]);
  });

  it.each([
    ".GitHub/workflows/x.yml",
    ".GITHUB./workflows/x.yml",
    "claude.md",
    "Agents.MD",
    ".Claude/settings.json",
  ])(
    "protects the case and trailing-dot variant %j that macOS and Windows open as the protected path",
    (path) => {
      expect(protectedPathsTouched([path], [])).toEqual([path]);
    },
  );

  it.each([
    "src/index.ts",
    "README.md",
    "docs/github.md",
    "src/hooks/useThing.ts",
    "hooks/useAuth.ts",
    "my.github.io/index.html",
    "CLAUDE.md.bak/x",
    ".gitignore",
  ])("leaves %j alone", (path) => {
    expect(protectedPathsTouched([path], [])).toEqual([]);
  });

  it("lets through what an allow pattern matches, and nothing more", () => {
    const paths = [
      ".github/ISSUE_TEMPLATE/bug.md",
      ".github/ISSUE_TEMPLATE/forms/x.yml",
      ".github/workflows/ci.yml",
    ];
    expect(protectedPathsTouched(paths, [".github/ISSUE_TEMPLATE/**"])).toEqual([".github/workflows/ci.yml"]);
    expect(protectedPathsTouched(paths, [".github/issue_template"])).toEqual([".github/workflows/ci.yml"]);
    expect(protectedPathsTouched(["docs/CLAUDE.md", "CLAUDE.md"], ["docs/*.md"])).toEqual(["CLAUDE.md"]);
    expect(protectedPathsTouched(["a/b/AGENTS.md", "AGENTS.md"], ["**/b/AGENTS.md"])).toEqual(["AGENTS.md"]);
  });

  it("keeps the input order and the input spelling", () => {
    expect(protectedPathsTouched(["b/CLAUDE.md", "x.ts", ".GitHub/a"], [])).toEqual([
      "b/CLAUDE.md",
      ".GitHub/a",
    ]);
  });
});

describe("globToRegExp", () => {
  it("matches ** as whole names anywhere, * and ? within one name", () => {
    expect(globToRegExp("**/a").test("a")).toBe(true);
    expect(globToRegExp("**/a").test("x/y/a")).toBe(true);
    expect(globToRegExp("**/a").test("xa")).toBe(false);
    expect(globToRegExp("a/**/b").test("a/b")).toBe(true);
    expect(globToRegExp("a/**/b").test("a/x/y/b")).toBe(true);
    expect(globToRegExp("a/**").test("a/x/y")).toBe(true);
    expect(globToRegExp("a/*.md").test("a/x.md")).toBe(true);
    expect(globToRegExp("a/*.md").test("a/x/y.md")).toBe(false);
    expect(globToRegExp("a?c").test("abc")).toBe(true);
    expect(globToRegExp("a.c").test("abc")).toBe(false);
    expect(globToRegExp("**").test("any/thing")).toBe(true);
  });
});
