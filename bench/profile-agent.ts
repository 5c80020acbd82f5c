/**
 * `npx tsx bench/profile-agent.ts [runs] [agent-ms]`: where one agent step's own time goes. Runs a plan,
 * then `runs` agent steps (the bundled action, as `npm run bench` runs it) against the loopback stand-ins,
 * timestamping every line of output the step writes (its `::debug::` lines name each GitHub request and
 * artifact call), every git command (GIT_TRACE2_EVENT) and every GitHub request the stand-in served, and
 * prints one merged timeline per run plus the mean of each phase. Figures are printed, never asserted.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createOrigin } from "../__tests__/harness/git-fixture.js";
import { DIST_ENTRY, parseOutputFile } from "../__tests__/harness/run-action.js";
import { startArtifactStandIn } from "../__tests__/stand-ins/artifact/server.js";
import { startGitHubStandIn } from "../__tests__/stand-ins/github/server.js";
import { manyTasksIssue } from "./scale-fixture.js";

const RUNS = Number(process.argv[2] ?? "3");
const AGENT_MS = Number(process.argv[3] ?? "0");
const FIXED_AGENT = resolve(import.meta.dirname, "fixed-agent.mjs");
/** A snapshot of dist/, so a rebuild meanwhile cannot change what is measured. */
const ENTRY = join(mkdtempSync(join(tmpdir(), "pto-profile-dist-")), "dist/index.js");
cpSync(resolve(DIST_ENTRY, ".."), resolve(ENTRY, ".."), { recursive: true });

/** Extra node arguments for the agent steps, e.g. PROFILE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p". */
const nodeArgs = (process.env.PROFILE_NODE_ARGS ?? "").split(" ").filter(Boolean);

interface Event {
  at: number;
  what: string;
}

async function step(
  inputs: Record<string, string>,
  env: Record<string, string>,
  cwd: string,
): Promise<{ events: Event[]; exitCode: number | null; wallMs: number; outputs: Record<string, string> }> {
  const dir = mkdtempSync(join(tmpdir(), "pto-profile-"));
  const files = { out: join(dir, "out"), sum: join(dir, "sum"), ev: join(dir, "ev.json") };
  writeFileSync(files.out, "");
  writeFileSync(files.sum, "");
  writeFileSync(files.ev, JSON.stringify({ sender: { login: "maintainer-1", type: "User" } }));
  const trace = join(dir, "git-trace.json");
  const full: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? dir,
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_OUTPUT: files.out,
    GITHUB_STEP_SUMMARY: files.sum,
    GITHUB_EVENT_PATH: files.ev,
    GITHUB_EVENT_NAME: "workflow_dispatch",
    GITHUB_REPOSITORY: "octo-org/octo-repo",
    GITHUB_ACTOR: "maintainer-1",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_SERVER_URL: "https://github.com",
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: cwd,
    NO_PROXY: "127.0.0.1,localhost",
    GIT_TRACE2_EVENT: trace,
    ...env,
  };
  for (const [name, value] of Object.entries(inputs)) full[`INPUT_${name.toUpperCase()}`] = value;
  const events: Event[] = [];
  const t0 = Date.now();
  const child = spawn(process.execPath, [...(inputs.mode === "agent" ? nodeArgs : []), ENTRY], {
    cwd,
    env: full,
    stdio: "pipe",
  });
  let pending = "";
  child.stdout.on("data", (d: Buffer) => {
    const at = Date.now() - t0;
    pending += d.toString();
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) events.push({ at, what: `out  ${line.slice(0, 140)}` });
  });
  child.stderr.on("data", (d: Buffer) => events.push({ at: Date.now() - t0, what: `err  ${d}` }));
  const exitCode = await new Promise<number | null>((done) => child.on("close", done));
  const wallMs = Date.now() - t0;
  try {
    const starts = new Map<string, { at: number; argv: string }>();
    for (const line of readFileSync(trace, "utf8").split("\n")) {
      if (!line) continue;
      const e = JSON.parse(line) as { event: string; sid: string; time: string; argv?: string[] };
      if (e.event === "start") {
        const argv = (e.argv ?? []).filter((a) => !a.startsWith("http.")).join(" ");
        starts.set(e.sid, { at: Date.parse(e.time) - t0, argv });
      } else if (e.event === "exit" && starts.has(e.sid) && !e.sid.includes("/")) {
        const s = starts.get(e.sid) as { at: number; argv: string };
        events.push({ at: s.at, what: `git  ${s.argv} (${Date.parse(e.time) - t0 - s.at} ms)` });
      }
    }
  } catch {
    // no git ran
  }
  return { events, exitCode, wallMs, outputs: parseOutputFile(readFileSync(files.out, "utf8")) };
}

const origin = createOrigin();
const github = await startGitHubStandIn({ gitDir: origin.origin });
const artifacts = await startArtifactStandIn();
try {
  const master = github.seedIssue({ title: "N", body: manyTasksIssue(RUNS), user: "maintainer-1" }).number;
  const runId = "7001";
  const base = { "master-issue": String(master), "github-token": "ghs_standin_token" };
  const envOf = (job: string) => ({
    GITHUB_API_URL: github.url,
    ACTIONS_RESULTS_URL: artifacts.url,
    ACTIONS_RUNTIME_TOKEN: artifacts.runtimeToken(runId, job),
    GITHUB_RUN_ID: runId,
    GITHUB_JOB: job,
  });
  const plan = await step({ ...base, mode: "plan", "api-write-interval-ms": "5" }, envOf("plan"), tmpdir());
  if (plan.exitCode !== 0) throw new Error(plan.events.map((e) => e.what).join("\n"));
  const pin = {
    "plan-artifact-id": plan.outputs["plan-artifact-id"] ?? "",
    "plan-sha256": plan.outputs["plan-sha256"] ?? "",
  };
  const walls: number[] = [];
  const concurrency = Number(process.env.PROFILE_CONCURRENCY ?? "1");
  const phases = new Map<string, number[]>();
  const agentStep = async (i: number) => {
    const cwd = origin.clone();
    const t0 = Date.now();
    const run = await step(
      {
        ...base,
        ...pin,
        mode: "agent",
        task: String(i),
        agent: "command",
        "agent-command": `node ${FIXED_AGENT} ${AGENT_MS}`,
        "api-write-interval-ms": process.env.PROFILE_WRITE_INTERVAL_MS ?? "5",
      },
      envOf(`agent-${i}`),
      cwd,
    );
    for (const r of github.requests) {
      if (
        r.timestamp >= t0 &&
        r.timestamp - t0 <= run.wallMs &&
        (r.path.includes(`/${i}-module`) || concurrency === 1)
      )
        run.events.push({ at: r.timestamp - t0, what: `api  ${r.method} ${r.path} → ${r.status}` });
    }
    run.events.sort((a, b) => a.at - b.at);
    const agentS = (JSON.parse(run.outputs.status ?? "{}") as { duration_seconds?: number }).duration_seconds;
    walls.push(run.wallMs - (agentS ?? 0) * 1000);
    // Phase boundaries: the first line that matches each mark.
    const marks: Array<[string, RegExp]> = [
      ["node start + bundle + inputs", /^out {2}::add-mask::/],
      ["imports (agent chunks, artifact client)", /Loading the plan|Checking out|Running the/],
      ["plan download + default branch + checkout", /^out {2}Running the/],
      ["agent process", /^out {2}Agent \w+:/],
      ["commit + diff stats + push", /^out {2}(Pushed|Status)/],
      ["PR lookup/create", /^out {2}(Opened|Updated) pull request|^out {2}Status/],
      ["status upload", /^out {2}Status \w+ stored/],
    ];
    let last = 0;
    for (const [name, re] of marks) {
      const hit = run.events.find((e) => e.at >= last && re.test(e.what));
      if (!hit) continue;
      phases.set(name, [...(phases.get(name) ?? []), hit.at - last]);
      last = hit.at;
    }
    phases.set("sub-issue comment + exit", [
      ...(phases.get("sub-issue comment + exit") ?? []),
      run.wallMs - last,
    ]);
    if (process.env.PROFILE_QUIET !== "1" && (concurrency === 1 || i === 1)) {
      process.stdout.write(
        `\n=== agent step ${i}: exit ${run.exitCode}, wall ${run.wallMs} ms, agent ${agentS} s, overhead ${run.wallMs - (agentS ?? 0) * 1000} ms\n`,
      );
      for (const e of run.events) {
        if (!/::debug::(Headers|Body)|::add-mask::/.test(e.what))
          process.stdout.write(`${String(e.at).padStart(6)}  ${e.what}\n`);
      }
    }
  };
  for (let i = 1; i <= RUNS; i += concurrency) {
    github.reset();
    const batch = Array.from({ length: Math.min(concurrency, RUNS - i + 1) }, (_, k) => agentStep(i + k));
    await Promise.all(batch);
  }
  process.stdout.write(`\n| phase | mean ms (${RUNS} steps, ${concurrency} at a time) |\n|---|---|\n`);
  for (const [name, ms] of phases) {
    process.stdout.write(`| ${name} | ${(ms.reduce((a, b) => a + b, 0) / ms.length).toFixed(0)} |\n`);
  }
  process.stdout.write(
    `\nmean overhead ${(walls.reduce((a, b) => a + b, 0) / walls.length).toFixed(0)} ms over ${RUNS} runs (${walls.map((w) => w.toFixed(0)).join(", ")})\n`,
  );
} finally {
  await github.close();
  await artifacts.close();
}
