import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseMasterIssue } from "./parse-master-issue.js";

const dir = new URL("../../__tests__/fixtures/master-issues/", import.meta.url);
const names = readdirSync(dir)
  .filter((f) => f.endsWith(".md"))
  .map((f) => f.slice(0, -3))
  .sort();

function body(name: string): string {
  const text = readFileSync(new URL(`${name}.md`, dir), "utf8");
  // Keep the CRLF fixture CRLF even if a checkout normalises line endings.
  return name.startsWith("crlf-") ? text.replace(/\r?\n/g, "\r\n") : text;
}

describe("parseMasterIssue fixtures", () => {
  it("has the fixture corpus", () => {
    expect(names.length).toBeGreaterThanOrEqual(22);
  });

  // UPDATE_FIXTURES=1 rewrites the expected files: read every diff before committing it.
  it.each(names)("%s", (name) => {
    const parsed = parseMasterIssue(body(name));
    const expectedPath = new URL(`${name}.expected.json`, dir);
    if (process.env.UPDATE_FIXTURES === "1") {
      writeFileSync(expectedPath, `${JSON.stringify(parsed, null, 2)}\n`);
    }
    expect(parsed).toEqual(JSON.parse(readFileSync(expectedPath, "utf8")));
  });
});

describe("parseMasterIssue", () => {
  it("parses the 300-task fixture well under a second", () => {
    const text = body("large-300-tasks");
    expect(parseMasterIssue(text).tasks).toHaveLength(300);
    // The best of three runs: a busy CI machine should not fail the test, a slow parser should.
    const runs = [0, 1, 2].map(() => {
      const started = performance.now();
      parseMasterIssue(text);
      return performance.now() - started;
    });
    expect(Math.min(...runs)).toBeLessThan(1000);
  });

  // Each body is at most 65,536 characters, GitHub's limit for an issue body. The budget is generous
  // for a loaded CI machine; what it catches is quadratic behaviour, which takes minutes at this size.
  const hostile: [string, string][] = [
    ["one long line of slashes", "- [ ] " + "a/".repeat(32_765)],
    ["one long word", "- [ ] " + "x".repeat(65_530)],
    ["emphasis delimiters", "- [ ] " + "*_".repeat(32_765)],
    ["emphasis delimiters over many lines", "*_\n".repeat(21_845)],
    ["unmatched emphasis", "a* ".repeat(21_845)],
    ["brackets", "- [ ] " + "[".repeat(65_530)],
    ["deeply nested lists", Array.from({ length: 240 }, (_, i) => `${"  ".repeat(i)}- [ ] t${i}`).join("\n")],
    ["dependency keywords", "- [ ] a depends on 1, ".repeat(2_978)],
    ["colons", "- [ ] " + ": ".repeat(32_765)],
    ["many headings", "## Tasks\n".repeat(7_281)],
    ["many tasks", "- [ ] t `src/a.ts` depends on #1\n".repeat(1_985)],
  ];
  it.each(hostile)("handles a 64 KiB body of %s without blowing up", (_, text) => {
    expect(text.length).toBeLessThanOrEqual(65_536);
    const started = performance.now();
    parseMasterIssue(text);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("returns an empty parse for an empty body", () => {
    expect(parseMasterIssue("")).toEqual({ context: "", tasks: [], format: "none", skippedCompleted: 0 });
  });

  it("gives the same result for CRLF, CR and LF line endings", () => {
    const lf = "Intro\n\n- [ ] One: first\n  - nested\n- [ ] Two\n";
    expect(parseMasterIssue(lf.replace(/\n/g, "\r\n"))).toEqual(parseMasterIssue(lf));
    expect(parseMasterIssue(lf.replace(/\n/g, "\r"))).toEqual(parseMasterIssue(lf));
  });

  it("ignores a leading byte-order mark", () => {
    expect(parseMasterIssue("\uFEFF- [ ] One\n- [ ] Two").tasks.map((t) => t.title)).toEqual(["One", "Two"]);
  });
});

describe("parseMasterIssue rules", () => {
  const titles = (body: string): string[] => parseMasterIssue(body).tasks.map((t) => t.title);
  const only = (body: string) => {
    const [task] = parseMasterIssue(body).tasks;
    if (!task) throw new Error("no task parsed");
    return task;
  };

  describe("titles", () => {
    it("takes the bold part of **Title**: description", () => {
      expect(only("- [ ] **Add auth**: create `auth/`")).toMatchObject({
        title: "Add auth",
        description: "create `auth/`",
      });
      expect(only("- [ ] **Add auth:** create it")).toMatchObject({
        title: "Add auth",
        description: "create it",
      });
      expect(only("- [ ] **Add auth** - create it")).toMatchObject({
        title: "Add auth",
        description: "create it",
      });
    });

    it("keeps bold that does not introduce a description as part of the title", () => {
      expect(only("- [ ] **Add** the login page")).toMatchObject({
        title: "Add the login page",
        description: "",
      });
    });

    it("splits Title: description at the first colon when the title is short", () => {
      expect(only("- [ ] Cache: add Redis: with TTLs")).toMatchObject({
        title: "Cache",
        description: "add Redis: with TTLs",
      });
      const long = "x".repeat(81);
      expect(only(`- [ ] ${long}: rest`).title).toBe(`${long}: rest`);
    });

    it("does not split at a colon inside code, links or bold", () => {
      expect(
        titles("- [ ] Fix `a: b` parsing\n- [ ] Read [RFC: 1](https://x.io) now\n- [ ] Bold **a: b** c"),
      ).toEqual(["Fix a: b parsing", "Read RFC: 1 now", "Bold a: b c"]);
    });

    it("drops a Task N / Sub-task N label and keeps the rest", () => {
      expect(
        titles("- [ ] Sub-task 1: Add auth\n- [ ] **Task 2:** Add billing\n- [ ] Task #3 - Add search"),
      ).toEqual(["Add auth", "Add billing", "Add search"]);
    });

    it("keeps a bare label as the title when nothing follows it", () => {
      expect(titles("- [ ] Task 1:\n- [ ] Task 2")).toEqual(["Task 1", "Task 2"]);
    });

    it("takes the first line, or the first sentence, and makes the rest the description", () => {
      expect(only("- [ ] Add login page\n  with a remember-me box")).toMatchObject({
        title: "Add login page",
        description: "with a remember-me box",
      });
      expect(only("- [ ] Add login page. Use the Figma design.")).toMatchObject({
        title: "Add login page",
        description: "Use the Figma design.",
      });
      expect(only("- [ ] Why is it slow? Profile it.")).toMatchObject({ title: "Why is it slow?" });
      expect(only("- [ ] Use e.g. Redis here").title).toBe("Use e.g. Redis here");
    });

    it("strips emphasis, code and link markers and collapses whitespace", () => {
      expect(only("- [ ] Use  *fast*   `x`  ~~old~~ [docs](https://a.io) ![alt](i.png)").title).toBe(
        "Use fast x old docs alt",
      );
    });

    it("cuts titles at 200 characters without splitting an emoji", () => {
      const title = only(`- [ ] ${"a".repeat(198)}😀😀 tail`).title;
      expect(title).toBe(`${"a".repeat(198)}…`);
      expect(only(`- [ ] ${"a".repeat(300)}`).title).toHaveLength(200);
    });
  });

  describe("which lists are tasks", () => {
    it("accepts - [ ], * [ ] and + [ ] checkboxes and skips [x] and [X]", () => {
      const parsed = parseMasterIssue("- [ ] a\n\n* [ ] b\n\n+ [x] c\n\n- [X] d\n\n1. [ ] e");
      expect(parsed.tasks.map((t) => t.title)).toEqual(["a", "b", "e"]);
      expect(parsed.skippedCompleted).toBe(2);
      expect(parsed.format).toBe("mixed");
    });

    it("treats plain bullets as context when there are checkboxes", () => {
      const parsed = parseMasterIssue("Notes:\n\n- keep the API\n\n- [ ] a\n- [ ] b");
      expect(parsed.tasks.map((t) => t.title)).toEqual(["a", "b"]);
      expect(parsed.context).toBe("Notes:\n\n- keep the API");
    });

    it("takes top-level numbered items only when there are no checkboxes", () => {
      expect(titles("1. one\n2. two\n   - step\n\n- plain")).toEqual(["one", "two"]);
      expect(titles("1. one\n2. two\n\n- [ ] box")).toEqual(["box"]);
    });

    it("does not take plain bullets, except under a tasks heading", () => {
      expect(titles("- a\n- b")).toEqual([]);
      expect(titles("## Sub-tasks\n\n- a\n- b")).toEqual(["a", "b"]);
      expect(titles("## 📋 TODO:\n\n- a")).toEqual(["a"]);
    });

    it("scopes the search to tasks headings when they hold tasks", () => {
      const body = "- [ ] outside\n\n## Tasks\n\n- [ ] inside\n\n## Checklist\n\n- [ ] also outside";
      expect(titles(body)).toEqual(["inside"]);
    });

    it("never takes lists under acceptance-criteria or out-of-scope headings", () => {
      expect(titles("## Acceptance criteria\n\n- [ ] tests pass\n\n## Out of scope\n\n1. later")).toEqual([]);
    });

    it("groups checkboxes by the subsections of a tasks heading, and makes text-only subsections tasks", () => {
      const parsed = parseMasterIssue("## Tasks\n\n### Backend\n\n- [ ] api\n\n### Docs\n\nWrite the guide.");
      expect(parsed.tasks.map((t) => [t.title, t.group])).toEqual([
        ["api", "Backend"],
        ["Docs", undefined],
      ]);
      expect(parsed.format).toBe("mixed");
    });

    it("skips items with nothing in them", () => {
      expect(titles("- [ ] \n- [ ] real\n- [ ] \u200b")).toEqual(["real"]);
    });
  });

  describe("hostile markdown", () => {
    it("keeps bold titles in a long list, whose markers are spread over many paragraphs", () => {
      const parsed = parseMasterIssue("- [ ] **T**: x\n".repeat(400));
      expect(parsed.tasks[399]).toMatchObject({ title: "T", description: "x" });
    });

    it("replaces the emphasis markers of a paragraph holding more than 1,000 of them", () => {
      const parsed = parseMasterIssue(`- [ ] **T**: ${"*_".repeat(600)}\n- [ ] **U**: fine`);
      expect(parsed.tasks.map((t) => [t.title, t.description])).toEqual([
        ["∗∗T∗∗", "∗＿".repeat(600)],
        ["U", "fine"],
      ]);
    });

    it("leaves code fences alone", () => {
      const fence = "```\n" + "*_".repeat(600) + "\n```";
      expect(parseMasterIssue(`- [ ] a\n\n  ${fence.replace(/\n/g, "\n  ")}`).tasks[0]?.description).toBe(
        fence,
      );
    });
  });

  describe("descriptions and groups", () => {
    it("un-indents nested content and keeps its markdown", () => {
      const body =
        "1. [ ] **T**: first\n   line two\n\n   - nested `x`\n\n   ```sh\n   npm test\n   ```\n2. [ ] U";
      expect(only(body).description).toBe("first\nline two\n\n- nested `x`\n\n```sh\nnpm test\n```");
    });

    it("drops a group every task shares", () => {
      const parsed = parseMasterIssue("## Requirements\n\n- [ ] a\n- [ ] b");
      expect(parsed.tasks.every((t) => t.group === undefined)).toBe(true);
    });
  });

  describe("dependencies", () => {
    it("resolves #N to a task when N is a task, else to an issue; drops self-references", () => {
      const parsed = parseMasterIssue("- [ ] a\n- [ ] b, depends on #1 and #2 and #42");
      expect(parsed.tasks[1]).toMatchObject({ dependsOn: ["1"], dependsOnIssues: [42] });
    });

    it("counts completed items when resolving positions, and drops references to them", () => {
      const parsed = parseMasterIssue("- [x] a\n- [ ] b\n- [ ] c: depends on task 1 and task 2");
      expect(parsed.tasks.map((t) => [t.id, t.title, t.dependsOn])).toEqual([
        ["1", "b", []],
        ["2", "c", ["1"]],
      ]);
    });

    it("uses the numbers of a numbered list", () => {
      const parsed = parseMasterIssue("3. [ ] c\n4. [ ] d, after task 3");
      expect(parsed.tasks[1]?.dependsOn).toEqual(["1"]);
    });

    it("keeps task numbers that are no task, by the author's numbering, for validation to report", () => {
      // Numbered 3 and 4 by the author, so "task 1" is no task even though there is a first task.
      const parsed = parseMasterIssue("3. [ ] c\n4. [ ] d, after task 3, task 9 and task 1\n5. [x] e");
      expect(parsed.tasks[1]).toMatchObject({ dependsOn: ["1"], unknownDependencies: [1, 9] });
      // A completed item is done, not unknown; a task without unknown numbers has no such field.
      const done = parseMasterIssue("- [x] a\n- [ ] b\n- [ ] c: depends on task 1");
      expect(done.tasks[1]).not.toHaveProperty("unknownDependencies");
    });

    it("sorts task ids numerically", () => {
      const body =
        Array.from({ length: 12 }, (_, i) => `- [ ] t${i + 1}`).join("\n") + ", depends on 10, 2, 11";
      expect(parseMasterIssue(body).tasks[11]?.dependsOn).toEqual(["2", "10", "11"]);
    });
  });

  describe("context", () => {
    it("leaves out tasks, completed items, HTML comments and emptied headings", () => {
      const body =
        "# Goal\n\nShip it.\n\n<!-- hint -->\n\n## Sub-Tasks\n\n- [ ] a\n- [x] b\n\n## Notes\n\nBe careful.";
      expect(parseMasterIssue(body).context).toBe("# Goal\n\nShip it.\n\n## Notes\n\nBe careful.");
    });

    it("caps the context at 4,000 characters", () => {
      const context = parseMasterIssue(`${"word ".repeat(2000)}\n\n- [ ] a`).context;
      expect(context).toHaveLength(4000);
      expect(context.endsWith("…")).toBe(true);
    });
  });
});
