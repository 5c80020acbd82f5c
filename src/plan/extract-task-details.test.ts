import { describe, expect, it } from "vitest";
import { extractTaskDetails, findDependencyRefs, type TaskDetails } from "./extract-task-details.js";
import { classifyPathToken } from "./find-task-files.js";
import { parseMarkdown } from "./master-issue-markdown.js";

/** Details of a task whose blocks are the whole of `markdown`. */
function details(markdown: string, titleEnd = -1): TaskDetails {
  return extractTaskDetails(parseMarkdown(markdown).children, markdown, titleEnd);
}

describe("acceptance criteria", () => {
  it("takes the items of a nested 'Acceptance criteria:' list", () => {
    const md =
      "Add limiter\n\n- Configurable\n- Acceptance criteria:\n  - Returns `429`\n  - Logs the client";
    expect(details(md).acceptanceCriteria).toEqual(["Returns `429`", "Logs the client"]);
  });

  it("takes the list after an 'Acceptance' paragraph or heading, checkboxes removed", () => {
    expect(details("**Acceptance criteria:**\n\n- [ ] One\n- [x] Two").acceptanceCriteria).toEqual([
      "One",
      "Two",
    ]);
    expect(details("### Acceptance\n\n1. First\n2. Second").acceptanceCriteria).toEqual(["First", "Second"]);
  });

  it("takes the text of an inline 'Acceptance:' item or paragraph", () => {
    expect(details("- Acceptance: responds in 50 ms").acceptanceCriteria).toEqual(["responds in 50 ms"]);
    expect(details("Acceptance criteria: no regressions").acceptanceCriteria).toEqual(["no regressions"]);
  });

  it("prefers an explicit list to must/should/will sentences", () => {
    const md = "It must be fast.\n\n- Acceptance:\n  - p95 under 100 ms";
    expect(details(md).acceptanceCriteria).toEqual(["p95 under 100 ms"]);
  });

  it("falls back to sentences with must, should or will, case-insensitively", () => {
    const md = "Add a cache. It MUST expire entries. Keys should be hashed! Nobody will notice? Done.";
    expect(details(md).acceptanceCriteria).toEqual([
      "It MUST expire entries.",
      "Keys should be hashed!",
      "Nobody will notice?",
    ]);
  });

  it("matches whole words only", () => {
    expect(details("Add goodwill. Mustard is yellow. The willow shouldered on.").acceptanceCriteria).toEqual(
      [],
    );
  });

  it("does not count modal words inside code spans", () => {
    expect(details("Rename `willChange`. Set `should_retry`. Call `must()`.").acceptanceCriteria).toEqual([]);
  });

  it("does not end a sentence inside code, at e.g., or in a link", () => {
    const md =
      "Call `a. B` and it must work. Use e.g. redis, which will work. See [x. It](https://a.b/c.d) must.";
    expect(details(md).acceptanceCriteria).toEqual([
      "Call `a. B` and it must work.",
      "Use e.g. redis, which will work.",
      "See [x. It](https://a.b/c.d) must.",
    ]);
  });

  it("ignores code blocks and sentences that declare dependencies", () => {
    const md =
      "```\nthis will not count\n```\n\nDepends on task 1 (it must exist first). Output must be JSON.";
    expect(details(md).acceptanceCriteria).toEqual(["Output must be JSON."]);
  });

  it("never runs a sentence from the title into the description", () => {
    const md = "Load test: 500 users should see p95 under 200 ms";
    expect(details(md, md.indexOf(":")).acceptanceCriteria).toEqual([
      "500 users should see p95 under 200 ms",
    ]);
  });

  it("de-duplicates and trims criteria", () => {
    expect(details("It must work.\n\n- It  must   work.").acceptanceCriteria).toEqual(["It must work."]);
  });
});

describe("files", () => {
  const files = (md: string): string[] => details(md).files;

  it("finds backticked paths, directories, globs and known file names, in order", () => {
    expect(
      files("Touch `src/auth/login.ts`, `auth/`, `src/**/*.ts`, `package.json` and `Dockerfile`"),
    ).toEqual(["src/auth/login.ts", "auth/", "src/**/*.ts", "package.json", "Dockerfile"]);
  });

  it("finds bare tokens that look unmistakably like paths", () => {
    expect(files("Update src/api/users.ts, utils/ and lib/*.ts (and src/app/routes).")).toEqual([
      "src/api/users.ts",
      "utils/",
      "lib/*.ts",
      "src/app/routes",
    ]);
  });

  it("normalises ./x to x and de-duplicates", () => {
    expect(files("`./src/a.ts` and src/a.ts and ././src/a.ts")).toEqual(["src/a.ts"]);
  });

  it("reads a bold bare path without its markers", () => {
    expect(files("Edit **src/bold.ts** and *docs/x.md*")).toEqual(["src/bold.ts", "docs/x.md"]);
  });

  it("ignores paths inside code blocks and link targets", () => {
    expect(files("```\nsrc/in-code.ts\n```\n\n[docs](https://x.io/src/a.ts) <https://x.io/b/c.ts>")).toEqual(
      [],
    );
  });

  it.each([
    "and/or",
    "input/output",
    "I/O",
    "TCP/IP",
    "w/",
    "w/o",
    "CI/CD",
    "24/7",
    "2024/01/15",
    "1/2",
    "client/server",
    "src/auth",
    "read/write/execute",
    "https://example.com/a.ts",
    "www.example.com/a/b.md",
    "example.com/a.ts",
    "@scope/pkg",
    "owner/repo#12",
    "/api/users",
    "#123",
    "~/.bashrc",
    "a//b.ts",
    "x/",
  ])("does not take the bare word %j for a file", (word) => {
    expect(classifyPathToken(word, false)).toBeUndefined();
  });

  it.each([
    ["src/a.ts,", "src/a.ts"],
    ["utils/.", "utils/"],
    ["./scripts/build.mjs", "scripts/build.mjs"],
    [".github/workflows/ci.yml", ".github/workflows/ci.yml"],
    ["src/**/*.test.ts", "src/**/*.test.ts"],
    ["src/{a,b}.ts", "src/{a,b}.ts"],
    ["packages/core/", "packages/core/"],
  ])("takes the bare word %j as %j", (word, path) => {
    expect(classifyPathToken(word, false)).toBe(path);
  });

  it.each([
    ["src/auth", "src/auth"],
    ["auth/", "auth/"],
    [".env.example", ".env.example"],
    [".gitignore", ".gitignore"],
    ["index.d.ts", "index.d.ts"],
    ["Makefile", "Makefile"],
    ["README", "README"],
  ])("takes the backticked %j as %j", (word, path) => {
    expect(classifyPathToken(word, true)).toBe(path);
  });

  it.each([
    "user.name",
    "req.body",
    "npm test",
    "foo()",
    ".length",
    "/etc/hosts",
    "@scope/pkg",
    "I/O",
    "v1.2",
  ])("does not take the backticked %j for a file", (word) => {
    expect(classifyPathToken(word, true)).toBeUndefined();
  });
});

describe("dependency references", () => {
  const refs = (text: string): string[] => findDependencyRefs(text).map((r) => `${r.kind}:${r.n}`);

  it.each([
    ["depends on #3", ["hash:3"]],
    ["Depends on task 3", ["task:3"]],
    ["depends on task #3", ["task:3"]],
    ["Depends on: 1, 3", ["task:1", "task:3"]],
    ["Depends on tasks 1 and 3", ["task:1", "task:3"]],
    ["depends on tasks 1, 2, and 4", ["task:1", "task:2", "task:4"]],
    ["depends on tasks 2-4", ["task:2", "task:3", "task:4"]],
    ["depends upon 2", ["task:2"]],
    ["dependent on #7 & #8", ["hash:7", "hash:8"]],
    ["blocked by #4", ["hash:4"]],
    ["Blocked by #4 / #5", ["hash:4", "hash:5"]],
    ["requires task 5", ["task:5"]],
    ["requires #12", ["hash:12"]],
    ["needs task 2", ["task:2"]],
    ["after task 2", ["task:2"]],
    ["waits for task 6", ["task:6"]],
    ["depends on sub-task 2", ["task:2"]],
  ])("reads %j", (text, expected) => {
    expect(refs(text)).toEqual(expected);
  });

  it.each([
    "requires 3 files",
    "needs 2 reviewers",
    "broke after #45 was merged",
    "after 5 minutes",
    "depends on the auth work",
    "depends on v2",
    "depends on 3rd-party libs",
    "depends on 1.5 seconds",
    "fixes #12",
    "see task 3",
  ])("finds no dependency in %j", (text) => {
    expect(refs(text)).toEqual([]);
  });

  it("keeps only the first number of an absurd range", () => {
    expect(refs("depends on 1-100000")).toEqual(["task:1"]);
  });

  it("reads dependencies from every prose block of a task, not from code", () => {
    expect(details("Title\n\n- Depends on #2\n\n```\ndepends on #9\n```").dependencyRefs).toEqual([
      { kind: "hash", n: 2 },
    ]);
  });
});
