import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, "../..");

/** `npm run demo` as a user runs it: its exit status and everything it prints. */
async function demo(): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "scripts/demo.ts"], {
      cwd: ROOT,
      timeout: 150_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The text between a `════════ title ════════` banner and the next banner (or the end). */
function block(stdout: string, banner: RegExp): string {
  const start = stdout.search(banner);
  if (start === -1) return "";
  const rest = stdout.slice(start).split("\n").slice(1).join("\n");
  const end = rest.search(/^════════ /m);
  return end === -1 ? rest : rest.slice(0, end);
}

describe("npm run demo", () => {
  it("orchestrates six tasks, one failing on purpose, and prints the summary and its follow-up issue", async () => {
    const out = await demo();
    // The failing task is the demo's point, not a failure of the demo: it exits 0 once the plan ran.
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('Master issue #1: "Split the storefront into modules" with 6 tasks');
    expect(out.stdout).toMatch(/✖ Task 5 · Inventory sync {2}failure/);

    const summary = block(out.stdout, /^════════ Summary comment on the master issue/m);
    expect(summary).toContain("## 🤖 Parallel orchestration of #1: ⚠️ Partial success");
    expect(summary).toContain("**Success rate**: 5/6 (83.3%, threshold 80%)");
    const rows = summary.split("\n").filter((line) => /^\| \d \| /.test(line));
    expect(rows).toHaveLength(6);
    expect(rows.filter((line) => line.includes("✅ success"))).toHaveLength(5);
    expect(rows[4]).toMatch(/^\| 5 \| Inventory sync \| #\d+ \| ❌ agent_error \| — \|/);
    const followUpNumber = /- \*\*Task 5\*\* \(agent_error\): .* → #(\d+)$/m.exec(summary)?.[1];
    expect(followUpNumber).toBeDefined();
    expect(summary).toContain(`- [ ] Investigate #${followUpNumber} (task 5, agent_error)`);
    // The hidden retry data is shown as a placeholder rather than as a wall of base64.
    expect(summary).toContain("<!-- (retry data) -->");
    expect(summary).not.toContain("parallel-task-orchestrator-data");

    const followUps = out.stdout.match(/^════════ Follow-up issue /gm) ?? [];
    expect(followUps).toHaveLength(1);
    const followUp = block(
      out.stdout,
      new RegExp(
        `^════════ Follow-up issue #${followUpNumber}: \\[Master #1\\] Task 5 failed \\(agent_error\\): Inventory sync ════════$`,
        "m",
      ),
    );
    expect(followUp).toContain("**Master issue**: #1 · **Task** 5");
    expect(followUp).toContain("## Likely cause");
    expect(followUp).toContain("error: the integration tests need a database this runner does not have");
    expect(followUp).toContain("## How to retry");

    expect(out.stdout).toMatch(
      /Workflow \w+ in [\d.]+ s: 5 pull requests, \d+ GitHub API requests, 7 artifacts\./,
    );
    expect(out.stdout).toContain("Success rate 83.3% against the 80% threshold.");
  }, 180_000);
});
