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

  it("only warns when the task depended on is not selected", () => {
    const tasks = [task("1"), task("2"), task("3"), task("4", { dependsOn: ["1"] })];
    const report = validatePlan(tasks, tasks.slice(1));
    expect(report.outcome).toBe("warn");
    expect(report.findings.map((f) => f.code)).toEqual(["dependency-not-selected"]);
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

  it("accepts up to 256 tasks (past 100 sub-issues are grouped) and aborts past the matrix limit with what to do", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => task(String(i + 1)));
    expect(validatePlan(many(101), many(101)).outcome).toBe("proceed");
    expect(validatePlan(many(256), many(256)).outcome).toBe("proceed");
    const matrix = validatePlan(many(300), many(300));
    expect(matrix.findings[0]).toMatchObject({ code: "too-many-tasks" });
    expect(matrix.outcome).toBe("abort");
    expect(matrix.findings[0]?.message).toMatch(/Split the master issue/);
    expect(matrix.findings[0]?.message).toContain("tasks: 1-256");
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
