#!/usr/bin/env node
// A coding agent of fixed duration for the benchmarks, run through the `command` adapter: it waits the
// number of milliseconds given as its first argument, then writes one file for its task (so the task
// succeeds with a pull request) and exits. A second argument makes it chatty: it first prints that
// many megabytes of log lines (synchronously, so its own memory stays flat and only the action's
// handling of the stream is measured).
import { mkdirSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";

const ms = Number(process.argv[2] ?? "0");
const logMegabytes = Number(process.argv[3] ?? "0");
const task = process.env.TASK_ID ?? "0";
if (logMegabytes > 0) {
  const line = `fixed agent: task ${task} working, ${"x".repeat(80)}\n`;
  const chunk = line.repeat(Math.ceil(65536 / line.length));
  for (let written = 0; written < logMegabytes * 1024 * 1024; written += chunk.length) writeSync(1, chunk);
}
setTimeout(() => {
  mkdirSync(join(process.cwd(), "tasks"), { recursive: true });
  writeFileSync(join(process.cwd(), "tasks", `task-${task}.md`), `# Task ${task}\n`);
  process.stdout.write(`fixed agent: task ${task} done after ${ms} ms\n`);
}, ms);
