import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, "../../bin/pto.js");
const FIXTURES = resolve(import.meta.dirname, "../fixtures/master-issues");

async function preview(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("offline preview CLI (bundled dist/cli)", () => {
  it("prints the tasks and the validation report of a master issue without GitHub", async () => {
    const out = await preview("plan", "--file", resolve(FIXTURES, "simserv-sub-tasks.md"));
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain("## 🗂️ Orchestration plan for #1");
    expect(out.stdout).toMatch(/### Task 1: /);
    expect(out.stdout).toContain("Branch: orchestrator/1/1-");
  });

  it("exits 2 on an abort and prints JSON on request", async () => {
    const out = await preview("plan", "--file", resolve(FIXTURES, "websocket-dependency.md"), "--json");
    expect(out.code).toBe(2);
    expect(JSON.parse(out.stdout).validation.outcome).toBe("abort");
  });

  it("warns about a dependency on a task outside the run and on a task number that does not exist", async () => {
    const out = await preview(
      "plan",
      "--file",
      resolve(FIXTURES, "dependency-syntaxes.md"),
      "--tasks",
      "4,8-10",
      "--json",
    );
    expect(out.code, out.stderr).toBe(0);
    const plan = JSON.parse(out.stdout) as {
      validation: { outcome: string; findings: Array<{ code: string; message: string }> };
      tasks: Array<Record<string, unknown>>;
    };
    expect(plan.validation.outcome).toBe("warn");
    const about = (code: string) =>
      plan.validation.findings.filter((f) => f.code === code).map((f) => f.message);
    expect(about("dependency-not-selected")).toEqual([
      "Task 4 depends on task 3, which is not selected in this run: make sure its work is merged first.",
      "Task 8 depends on task 2, which is not selected in this run: make sure its work is merged first.",
      "Task 8 depends on task 5, which is not selected in this run: make sure its work is merged first.",
      "Task 9 depends on task 2, which is not selected in this run: make sure its work is merged first.",
    ]);
    expect(about("unknown-dependency")).toEqual([
      "Task 10 depends on task 99, but the master issue has no such task: the dependency is ignored. Correct the number or remove the reference.",
    ]);
    // Reported, not handed on: the plan document's tasks keep the schema's fields only.
    expect(plan.tasks.filter((t) => "unknownDependencies" in t)).toEqual([]);
  });

  it("names a bad selection and rejects bad usage", async () => {
    const bad = await preview("plan", "--file", resolve(FIXTURES, "simserv-sub-tasks.md"), "--tasks", "1,99");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Input "tasks"');
    expect((await preview("deploy")).code).toBe(1);
  });
});
