#!/usr/bin/env node
// A coding agent of fixed duration for the benchmarks, run through the `command` adapter: it waits the
// number of milliseconds given as its argument, then writes one file for its task (so the task
// succeeds with a pull request) and exits.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ms = Number(process.argv[2] ?? "0");
const task = process.env.TASK_ID ?? "0";
setTimeout(() => {
  mkdirSync(join(process.cwd(), "tasks"), { recursive: true });
  writeFileSync(join(process.cwd(), "tasks", `task-${task}.md`), `# Task ${task}\n`);
  process.stdout.write(`fixed agent: task ${task} done after ${ms} ms\n`);
}, ms);
