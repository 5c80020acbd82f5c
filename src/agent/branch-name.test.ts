import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { BranchNameError, slugifyTitle, taskBranchName } from "./branch-name.js";

const run = promisify(execFile);

/** Asks real git whether `name` is a valid branch name; returns git's normalised form. */
async function checkRefFormat(name: string): Promise<string> {
  const { stdout } = await run("git", ["check-ref-format", "--branch", name]);
  return stdout.trim();
}

const HOSTILE_TITLES = [
  "..",
  "a..b",
  "@{",
  "x@{-1}",
  "@",
  "-x",
  "--force",
  ".hidden",
  "refs/heads/main",
  "name.lock",
  "trailing.",
  "trailing/",
  "x".repeat(5_000),
  "word ".repeat(1_000),
  "ünïcödé çafé ﬁle Ｆｕｌｌ",
  "مرحبا \u202Eevil\u202C שלום",
  "🚀🔥💥",
  "日本語のタイトル",
  "$(rm -rf /)",
  "`reboot`",
  "a\nb\r\nc\td\u0000e",
  "~^:?*[\\",
  "a b\u200Bc",
  "",
  "   ",
  "---",
  "HEAD",
  "<!-- hidden -->Visible",
];

describe("taskBranchName", () => {
  it("is <prefix>/<master>/<task>-<slug>", () => {
    expect(taskBranchName({ master: 12, taskId: "1", title: "Add auth" })).toBe("orchestrator/12/1-add-auth");
    expect(
      taskBranchName({ prefix: "ai/tasks", master: 7, taskId: "3", title: "**Fix** the `CSV` export!" }),
    ).toBe("ai/tasks/7/3-fix-the-csv-export");
  });

  it("gives every hostile title a valid, deterministic branch name", async () => {
    for (const title of HOSTILE_TITLES) {
      const name = taskBranchName({ master: 12, taskId: "4", title });
      expect(name).toMatch(/^orchestrator\/12\/4-[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(name.length).toBeLessThanOrEqual("orchestrator/12/4-".length + 40);
      expect(taskBranchName({ master: 12, taskId: "4", title })).toBe(name);
      expect(await checkRefFormat(name)).toBe(name);
    }
  });

  it("folds accents and compatibility forms, falls back to 'task'", () => {
    expect(slugifyTitle("ünïcödé çafé ﬁle Ｆｕｌｌ")).toBe("unicode-cafe-file-full");
    expect(slugifyTitle("🚀🔥💥")).toBe("task");
    expect(slugifyTitle("")).toBe("task");
    expect(slugifyTitle("$(rm -rf /)")).toBe("rm-rf");
    expect(slugifyTitle("a b\u200Bc")).toBe("a-bc");
    expect(slugifyTitle("<!-- hidden -->Visible")).toBe("visible");
  });

  it("cuts long titles at a word boundary when it can", () => {
    expect(slugifyTitle("Implement the shopping cart persistence layer with migrations")).toBe(
      "implement-the-shopping-cart-persistence",
    );
    expect(slugifyTitle("x".repeat(5_000))).toBe("x".repeat(40));
  });

  it("accepts valid prefixes and the names pass git", async () => {
    for (const prefix of ["orchestrator", "ai/tasks", "_bots/x-1", "A_b-C"]) {
      expect(await checkRefFormat(taskBranchName({ prefix, master: 1, taskId: "2-b", title: "t" }))).toBe(
        `${prefix}/1/2-b-t`,
      );
    }
  });

  it("rejects bad inputs with an error naming the input", () => {
    for (const prefix of [
      "",
      "-x",
      "a..b",
      "a/",
      "/a",
      "a//b",
      "a b",
      "refs/heads",
      "refs",
      "a@{1}",
      "x.lock",
      "é",
    ]) {
      expect(() => taskBranchName({ prefix, master: 1, taskId: "1", title: "t" })).toThrow(
        /Input "branch-prefix"/,
      );
    }
    expect(() => taskBranchName({ master: 0, taskId: "1", title: "t" })).toThrow(BranchNameError);
    expect(() => taskBranchName({ master: 1, taskId: "../1", title: "t" })).toThrow(/Task id/);
    expect(() => taskBranchName({ master: 1, taskId: "", title: "t" })).toThrow(/Task id/);
  });
});
