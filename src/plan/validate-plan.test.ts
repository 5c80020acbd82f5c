import { describe, expect, it } from "vitest";
import type { Task } from "./task.js";
import { DEFAULT_VALIDATION_OPTIONS, pathsOverlap, validatePlan } from "./validate-plan.js";

function task(id: string, extra: Partial<Task> = {}): Task {
  return {
    id,
    title: `Task ${id}`,
    description: "",
    acceptanceCriteria: ["It must work."],
    files: [],
    dependsOn: [],
    dependsOnIssues: [],
    ...extra,
  };
}

describe("pathsOverlap", () => {
  it.each([
    ["auth/login.ts", "auth/login.ts", true],
    ["auth/", "auth/login.ts", true],
    ["auth/login.ts", "auth/", true],
    ["auth/", "auth", true],
    ["auth/", "authz/x.ts", false],
    ["src/**/*.ts", "src/api/users.ts", true],
    ["src/api/*.ts", "src/web/app.ts", false],
    ["docs/api.md", "docs/guide.md", false],
    ["**/*.md", "README.md", true],
  ])("%s vs %s → %s", (a, b, expected) => {
    expect(pathsOverlap(a, b)).toBe(expected);
  });
});

describe("validatePlan", () => {
  it("proceeds when three independent tasks touch different files", () => {
    const tasks = [
      task("1", { files: ["a/"] }),
      task("2", { files: ["b/"] }),
      task("3", { files: ["c.ts"] }),
    ];
    expect(validatePlan(tasks, tasks)).toEqual({ outcome: "proceed", findings: [] });
  });

  it("aborts on a declared dependency between selected tasks, naming both", () => {
    const tasks = [task("1"), task("2"), task("3", { dependsOn: ["1"] })];
    const report = validatePlan(tasks, tasks);
    expect(report.outcome).toBe("abort");
    expect(report.findings).toContainEqual(
      expect.objectContaining({ level: "error", code: "dependency", tasks: ["3", "1"] }),
    );
    expect(report.findings[0]?.message).toMatch(/Task 3 depends on task 1/);
  });

  it("only warns when the task depended on is not selected, saying its work is not in this run", () => {
    const tasks = [task("1"), task("2"), task("3"), task("4", { dependsOn: ["1"] })];
    const report = validatePlan(tasks, tasks.slice(1));
    expect(report).toEqual({
      outcome: "warn",
      findings: [
        {
          level: "warning",
          code: "dependency-not-selected",
          message:
            "Task 4 depends on task 1, which is not selected in this run: make sure its work is merged first.",
          tasks: ["4", "1"],
        },
      ],
    });
  });

  it("warns about dependencies on task numbers the master issue does not have, naming them", () => {
    const tasks = [
      task("1", { unknownDependencies: [99] }),
      task("2", { unknownDependencies: [7, 8, 40] }),
      task("3", { unknownDependencies: Array.from({ length: 12 }, (_, i) => 50 + i) }),
    ];
    const report = validatePlan(tasks, tasks);
    expect(report.outcome).toBe("warn");
    expect(report.findings.map((f) => [f.level, f.code, f.tasks])).toEqual([
      ["warning", "unknown-dependency", ["1"]],
      ["warning", "unknown-dependency", ["2"]],
      ["warning", "unknown-dependency", ["3"]],
    ]);
    expect(report.findings[0]?.message).toBe(
      "Task 1 depends on task 99, but the master issue has no such task: the dependency is ignored. Correct the number or remove the reference.",
    );
    expect(report.findings[1]?.message).toMatch(/^Task 2 depends on tasks 7, 8 and 40, but/);
    expect(report.findings[2]?.message).toMatch(/^Task 3 depends on tasks 50, 51, .*, 59 and 2 more, but/);
  });

  it("reports an unknown dependency only for selected tasks", () => {
    const tasks = [task("1", { unknownDependencies: [99] }), task("2"), task("3"), task("4")];
    expect(validatePlan(tasks, tasks.slice(1))).toEqual({ outcome: "proceed", findings: [] });
  });

  it("warns about external issue dependencies", () => {
    const tasks = [task("1", { dependsOnIssues: [42] }), task("2"), task("3")];
    const report = validatePlan(tasks, tasks);
    expect(report.outcome).toBe("warn");
    expect(report.findings[0]?.message).toContain("#42");
  });

  it("warns on shared files by default and aborts with on-overlap: fail", () => {
    const tasks = [task("1", { files: ["src/user.py"] }), task("2", { files: ["src/"] }), task("3")];
    const warn = validatePlan(tasks, tasks);
    expect(warn.outcome).toBe("warn");
    expect(warn.findings).toEqual([
      expect.objectContaining({ level: "warning", code: "file-overlap", tasks: ["1", "2"] }),
    ]);
    const fail = validatePlan(tasks, tasks, { ...DEFAULT_VALIDATION_OPTIONS, onOverlap: "fail" });
    expect(fail.outcome).toBe("abort");
  });

  it("warns below three tasks", () => {
    const tasks = [task("1"), task("2")];
    const report = validatePlan(tasks, tasks);
    expect(report).toEqual({
      outcome: "warn",
      findings: [expect.objectContaining({ code: "few-tasks", tasks: ["1", "2"] })],
    });
  });

  it("aborts with no tasks and says how to write them", () => {
    const report = validatePlan([], []);
    expect(report.outcome).toBe("abort");
    expect(report.findings[0]?.message).toMatch(/checklist/);
  });

  const many = (n: number) => Array.from({ length: n }, (_, i) => task(String(i + 1)));

  it("accepts up to 256 tasks and aborts past the matrix limit with what to do", () => {
    expect(validatePlan(many(100), many(100))).toEqual({ outcome: "proceed", findings: [] });
    expect(validatePlan(many(256), many(256)).outcome).toBe("proceed");
    const matrix = validatePlan(many(300), many(300));
    expect(matrix.findings).toEqual([expect.objectContaining({ code: "too-many-tasks" })]);
    expect(matrix.outcome).toBe("abort");
    expect(matrix.findings[0]?.message).toMatch(/Split the master issue/);
    expect(matrix.findings[0]?.message).toContain("tasks: 1-256");
  });

  it("notes, without changing the verdict, that past 100 tasks sub-issues are grouped by 100", () => {
    expect(validatePlan(many(101), many(101))).toEqual({
      outcome: "proceed",
      findings: [
        {
          level: "info",
          code: "grouped-sub-issues",
          message:
            "101 tasks exceed GitHub's limit of 100 sub-issues per issue, so their sub-issues are grouped under group issues of at most 100 tasks each, linked under the master issue: 2 group issues, for tasks 1–100 and 101.",
          tasks: [],
        },
      ],
    });
    expect(validatePlan(many(256), many(256)).findings[0]?.message).toMatch(
      /^256 tasks exceed .*: 3 group issues, for tasks 1–100, 101–200 and 201–256\.$/,
    );
  });

  it("counts the groups of the selected tasks: grouping follows the master issue's task count", () => {
    const all = many(250);
    const report = validatePlan(all, all.slice(0, 10));
    expect(report.outcome).toBe("proceed");
    expect(report.findings.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^250 tasks exceed .*: this run's 10 tasks go under 1 group issue, for tasks 1–100\.$/,
      ),
    ]);
    const two = validatePlan(
      all,
      [all[0], all[249]].filter((t) => t !== undefined),
    );
    expect(two.outcome).toBe("warn");
    expect(two.findings.map((f) => [f.level, f.code])).toEqual([
      ["warning", "few-tasks"],
      ["info", "grouped-sub-issues"],
    ]);
    expect(two.findings[1]?.message).toMatch(
      /this run's 2 tasks go under 2 group issues, for tasks 1–100 and 201–250\.$/,
    );
  });

  it("notes missing acceptance criteria and duplicate titles", () => {
    const tasks = [
      task("1", { acceptanceCriteria: [] }),
      task("2", { title: "Same" }),
      task("3", { title: "same" }),
    ];
    const report = validatePlan(tasks, tasks);
    expect(report.findings.map((f) => [f.level, f.code])).toEqual([
      ["info", "no-acceptance-criteria"],
      ["warning", "duplicate-title"],
    ]);
    expect(report.outcome).toBe("warn");
  });
});
