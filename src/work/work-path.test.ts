import { describe, expect, it } from "vitest";
import { isGitName, pathProblem, symlinkTargetProblem } from "./work-path.js";

describe("pathProblem", () => {
  it.each([
    "README.md",
    "src/index.ts",
    "docs/a b/c.md",
    "ünïcode/файл.txt",
    ".gitignore",
    ".github/workflows/ci.yml",
    "a/.gitkeep",
    "time:12.json",
  ])("accepts %j", (path) => {
    expect(pathProblem(path)).toBeUndefined();
  });

  it.each([
    ["", "is empty"],
    ["/etc/passwd", "is absolute"],
    ["a//b", "empty segment"],
    ["a/", "empty segment"],
    ["./a", "'.' segment"],
    ["a/../../etc", "'..' segment"],
    ["..", "'..' segment"],
    ["a\u0000b", "control character"],
    ["a\nb", "control character"],
    ["a\rb", "control character"],
    ["a\\..\\b", "backslash"],
    [".git/config", ".git"],
    ["sub/.git/hooks/pre-commit", ".git"],
    [".GIT/config", ".git"],
    [".Git./config", ".git"],
    [".git /config", ".git"],
    ["git~1/config", ".git"],
    ["GIT~1/config", ".git"],
    [".git::$INDEX_ALLOCATION/config", ".git"],
    [".g\u200cit/config", ".git"],
    ["a\ud800b", "not valid Unicode"],
    ["x".repeat(256), "longer than 255"],
    [`${"a/".repeat(2100)}b`, "longer than 4096"],
  ])("refuses %j (%s)", (path, why) => {
    expect(pathProblem(path)).toContain(why);
  });
});

describe("isGitName", () => {
  it("folds case, trailing dots and spaces, streams and ignorable code points", () => {
    expect([".git", ".GIT", ".git.", ".git. .", "git~1", ".git:stream", ".gi\ufefft"].every(isGitName)).toBe(
      true,
    );
    expect([".github", ".gitignore", "git", ".git-hooks", "git~2"].some(isGitName)).toBe(false);
  });
});

describe("symlinkTargetProblem", () => {
  it.each([
    ["link", "README.md"],
    ["docs/link", "../README.md"],
    ["a/b/link", "../../src/index.ts"],
    ["a/b/link", "../c"],
    ["a/b/link", ".."],
    ["a/link", "./sibling"],
  ])("lets %j point at %j", (link, target) => {
    expect(symlinkTargetProblem(link, target)).toBeUndefined();
  });

  it.each([
    ["link", "/etc/passwd", "absolute"],
    ["link", "../outside", "leaves the repository"],
    ["docs/link", "../../etc/passwd", "leaves the repository"],
    ["link", ".git/config", "into .git"],
    ["docs/link", "../.GIT/hooks", "into .git"],
    ["link", "sub/git~1", "into .git"],
    ["e", "d/up/..", "'..' after a name"],
    ["link", "a/../../x", "'..' after a name"],
    ["link", ".", "repository root"],
    ["d/link", "..", "repository root"],
    ["link", "", "is empty"],
    ["link", "a\nb", "control character"],
  ])("refuses %j -> %j (%s)", (link, target, why) => {
    expect(symlinkTargetProblem(link, target)).toContain(why);
  });
});
