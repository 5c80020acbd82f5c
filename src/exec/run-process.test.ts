import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isProcessAlive } from "./process-group.js";
import { runProcess, type RunProcessOptions, type StreamName } from "./run-process.js";

const NODE = process.execPath;
const cwd = mkdtempSync(join(tmpdir(), "run-process-"));
const env = { PATH: process.env.PATH ?? "/usr/bin:/bin" };

function node(script: string, extra: Partial<RunProcessOptions> = {}) {
  return runProcess({ command: NODE, args: ["-e", script], cwd, env, ...extra });
}

/** A grandchild that ignores SIGTERM and prints its pid; `holdPipes` decides whether it keeps our pipes open. */
const spawnStubbornGrandchild = (holdPipes: boolean) => `
  const { spawn } = require("child_process");
  const g = spawn(process.execPath, ["-e", "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"],
    { stdio: ${holdPipes ? '"inherit"' : '"ignore"'} });
  process.on("SIGTERM", () => {});
  console.log("grandchild " + g.pid);
  setInterval(() => {}, 1000);`;

describe("runProcess", () => {
  it("reports exit codes and streams lines of both streams", async () => {
    const lines: Array<[StreamName, string]> = [];
    const result = await node("console.log('out 1\\nout 2'); console.error('err 1'); process.exit(3)", {
      onLine: (stream, line) => lines.push([stream, line]),
    });
    expect(result).toMatchObject({
      exitCode: 3,
      signal: null,
      timedOut: false,
      stalled: false,
      cancelled: false,
    });
    expect(lines).toContainEqual(["stdout", "out 2"]);
    expect(lines).toContainEqual(["stderr", "err 1"]);
    expect(result.excerpt).toContain("[stderr] err 1");
    expect(result.stdoutTail).toBe("out 1\nout 2\n");
    expect((await node("")).exitCode).toBe(0);
  });

  it("gives the child exactly the environment passed, and never a shell", async () => {
    const result = await runProcess({
      command: NODE,
      args: [
        "-e",
        "console.log(JSON.stringify({ env: process.env, arg: process.argv[1] }))",
        "$(echo hi) `id` ; *",
      ],
      cwd,
      env: { ONLY_THIS: "1" },
    });
    expect(JSON.parse(result.stdoutTail ?? "")).toEqual({
      env: { ONLY_THIS: "1" },
      arg: "$(echo hi) `id` ; *",
    });
  });

  it("writes stdin and closes it, or closes it from the start", async () => {
    const echo =
      "let d = ''; process.stdin.on('data', (c) => (d += c)).on('end', () => console.log('got:' + d))";
    expect((await node(echo, { stdin: "the prompt\nline 2" })).stdoutTail).toBe("got:the prompt\nline 2\n");
    expect((await node(echo)).stdoutTail).toBe("got:\n");
  });

  it("does not fail when the child ignores its stdin", async () => {
    const result = await node("process.exit(0)", { stdin: "x".repeat(5_000_000) });
    expect(result.exitCode).toBe(0);
  });

  for (const holdPipes of [true, false]) {
    it(`on timeout kills the whole tree, including a grandchild that ignores SIGTERM (${holdPipes ? "holding" : "not holding"} the pipes)`, async () => {
      const result = await node(spawnStubbornGrandchild(holdPipes), { timeoutMs: 800, killGraceMs: 500 });
      expect(result).toMatchObject({
        timedOut: true,
        stalled: false,
        cancelled: false,
        exitCode: null,
        signal: "SIGKILL",
      });
      const pid = Number(/grandchild (\d+)/.exec(result.excerpt)?.[1]);
      expect(pid).toBeGreaterThan(0);
      expect(isProcessAlive(pid)).toBe(false);
      expect(result.durationMs).toBeLessThan(5_000);
    });
  }

  it("treats a process with no output for the stall timeout as hung", async () => {
    const result = await node("console.log('started'); setTimeout(() => {}, 60000)", {
      stallTimeoutMs: 400,
      killGraceMs: 500,
    });
    expect(result).toMatchObject({ stalled: true, timedOut: false, signal: "SIGTERM" });
    expect(result.excerpt).toBe("started");
  });

  it("does not treat a slow but talkative process as hung", async () => {
    // Output every 100 ms for 1.5 s against a 1 s stall limit: generous enough for a loaded machine.
    const script =
      "let n = 0; const t = setInterval(() => { console.log(n++); if (n === 15) clearInterval(t); }, 100)";
    const result = await node(script, { stallTimeoutMs: 1_000 });
    expect(result).toMatchObject({ stalled: false, exitCode: 0 });
  });

  it("cancels on abort, and does not start when already aborted", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const result = await node("setInterval(() => {}, 1000)", { signal: controller.signal });
    expect(result).toMatchObject({ cancelled: true, timedOut: false, signal: "SIGTERM" });
    const again = await node("require('fs').writeFileSync('started', '')", { signal: controller.signal });
    expect(again).toMatchObject({ cancelled: true, exitCode: null, excerpt: "" });
  });

  it("keeps memory bounded on huge output: 100,000 lines", async () => {
    let count = 0;
    const script =
      "const out = []; for (let i = 0; i < 100000; i++) out.push('line ' + i + ' ' + 'x'.repeat(50)); console.log(out.join('\\n'))";
    const result = await node(script, { onLine: () => count++, stdoutTailChars: 10_000 });
    expect(count).toBe(100_000);
    expect(result.excerpt.length).toBeLessThanOrEqual(8_000);
    expect(result.excerpt.startsWith("line 0 ")).toBe(true);
    expect(result.excerpt).toMatch(/… \d+ lines omitted …/);
    expect(result.excerpt.endsWith(`line 99999 ${"x".repeat(50)}`)).toBe(true);
    const tail = result.stdoutTail ?? "";
    expect(tail.length).toBeLessThanOrEqual(10_000);
    expect(tail.startsWith("line ")).toBe(true);
    expect(tail.endsWith(`line 99999 ${"x".repeat(50)}\n`)).toBe(true);
  });

  it("stops reading while the log asks it to wait, so the child blocks instead of our memory growing", async () => {
    // 8 MB written synchronously: far more than a pipe holds, so the child cannot finish unless we read.
    const done = join(cwd, `backpressure-${process.pid}.done`);
    const script = `const fs = require("fs");
      const chunk = ("y".repeat(99) + "\\n").repeat(1000);
      for (let i = 0; i < 80; i++) fs.writeSync(1, chunk);
      fs.writeFileSync(${JSON.stringify(done)}, "");`;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    let lines = 0;
    const running = node(script, {
      onLine: () => lines++,
      backpressure: () => (++asked === 1 ? gate : undefined),
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Held at the first chunk: the child is blocked on its full pipe and has not finished.
    expect(asked).toBe(1);
    expect(existsSync(done)).toBe(false);
    release();
    const result = await running;
    expect(result.exitCode).toBe(0);
    expect(existsSync(done)).toBe(true);
    expect(lines).toBe(80_000);
  });

  it("cuts endless lines for onLine and the excerpt", async () => {
    const lines: string[] = [];
    const result = await node("process.stdout.write('y'.repeat(300000) + '\\nnext\\n')", {
      onLine: (_s, line) => lines.push(line),
      maxLineChars: 1000,
    });
    expect(lines[0]).toBe(`${"y".repeat(1000)}… [299000 more characters]`);
    expect(lines[1]).toBe("next");
    expect(result.excerpt.length).toBeLessThan(3_000);
  });

  it("redacts lines, the excerpt and the stdout tail", async () => {
    const lines: string[] = [];
    const result = await node("console.log('token=TOPSECRET1'); console.error('again TOPSECRET1')", {
      redact: (text) => text.replaceAll("TOPSECRET1", "***"),
      onLine: (_s, line) => lines.push(line),
    });
    expect(JSON.stringify([lines, result.excerpt, result.stdoutTail])).not.toContain("TOPSECRET1");
    expect(lines).toEqual(["token=***", "again ***"]);
  });

  it("reports a command or working directory that does not exist", async () => {
    const missing = await runProcess({ command: "no-such-command-xyz", args: [], cwd, env });
    expect(missing).toMatchObject({ exitCode: null, spawnError: "command not found: no-such-command-xyz" });
    const noDir = await runProcess({ command: NODE, args: [], cwd: join(cwd, "nope"), env });
    expect(noDir.spawnError).toMatch(/working directory .* does not exist/);
  });

  it("ends processes the command left running when it exits", async () => {
    const result = await runProcess({
      command: "sh",
      args: ["-c", "sleep 30 & echo $!"],
      cwd,
      env,
      killGraceMs: 1_000,
    });
    expect(result.exitCode).toBe(0);
    expect(result.durationMs).toBeLessThan(5_000);
    expect(isProcessAlive(Number(result.stdoutTail))).toBe(false);
  });
});
