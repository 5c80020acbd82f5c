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

  it("names a bad selection and rejects bad usage", async () => {
    const bad = await preview("plan", "--file", resolve(FIXTURES, "simserv-sub-tasks.md"), "--tasks", "1,99");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Input "tasks"');
    expect((await preview("deploy")).code).toBe(1);
  });
});
