/**
 * Runs one step of the bundled action (`node dist/index.js`) as the runner would — the same environment
 * as `__tests__/harness/run-action.ts` — and measures it: wall time, time to the first line of output,
 * and the child's peak resident memory (`/usr/bin/time -f %M` when present, else VmHWM sampled from
 * /proc/<pid>/status).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST_ENTRY, parseOutputFile } from "../__tests__/harness/run-action.js";

export interface MeasuredStep {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  wallMs: number;
  /** From spawn to the first byte on stdout. */
  firstOutputMs: number | undefined;
  /** Peak resident set size of the node process, in KiB. */
  maxRssKb: number | undefined;
}

export interface StepSpec {
  inputs: Record<string, string>;
  env?: Record<string, string>;
  eventName?: string;
  event?: unknown;
  cwd?: string;
  timeoutMs?: number;
  /** The bundle to run; default dist/index.js of this repository. */
  entry?: string;
}

const GNU_TIME = "/usr/bin/time";
const RSS_MARKER = "PTO_BENCH_MAXRSS_KB=";

/** The plan job's `plan-artifact-id`/`plan-sha256` per run and master, passed on as the workflow does. */
const planPins = new Map<string, Record<string, string>>();

export async function measureStep(given: StepSpec): Promise<MeasuredStep> {
  const pinKey = `${given.env?.GITHUB_RUN_ID ?? ""}/${given.inputs["master-issue"] ?? ""}`;
  const pinned = given.inputs.mode === "agent" || given.inputs.mode === "aggregate";
  const spec = pinned ? { ...given, inputs: { ...planPins.get(pinKey), ...given.inputs } } : given;
  const measured = await measureStepOnce(spec);
  if (spec.inputs.mode === "plan" && measured.outputs["plan-artifact-id"]) {
    planPins.set(pinKey, {
      "plan-artifact-id": measured.outputs["plan-artifact-id"],
      "plan-sha256": measured.outputs["plan-sha256"] ?? "",
    });
  }
  return measured;
}

async function measureStepOnce(spec: StepSpec): Promise<MeasuredStep> {
  const dir = await mkdtemp(join(tmpdir(), "pto-bench-step-"));
  const outputFile = join(dir, "output.txt");
  const summaryFile = join(dir, "summary.md");
  const eventFile = join(dir, "event.json");
  await writeFile(outputFile, "");
  await writeFile(summaryFile, "");
  await writeFile(
    eventFile,
    JSON.stringify(spec.event ?? { sender: { login: "maintainer-1", type: "User" } }),
  );
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? dir,
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_EVENT_NAME: spec.eventName ?? "workflow_dispatch",
    GITHUB_REPOSITORY: "octo-org/octo-repo",
    GITHUB_ACTOR: "maintainer-1",
    GITHUB_RUN_ID: "1001",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_SERVER_URL: "https://github.com",
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: spec.cwd ?? dir,
    NO_PROXY: "127.0.0.1,localhost",
    ...spec.env,
  };
  for (const [name, value] of Object.entries(spec.inputs)) {
    env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
  }
  const useTime = existsSync(GNU_TIME);
  const [command, args] = useTime
    ? [GNU_TIME, ["-f", `${RSS_MARKER}%M`, process.execPath, spec.entry ?? DIST_ENTRY]]
    : [process.execPath, [spec.entry ?? DIST_ENTRY]];
  const started = performance.now();
  const child = spawn(command, args, { cwd: spec.cwd ?? dir, env, stdio: "pipe" });
  let stdout = "";
  let stderr = "";
  let firstOutputMs: number | undefined;
  child.stdout.on("data", (d: Buffer) => {
    firstOutputMs ??= performance.now() - started;
    stdout += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  let sampledKb: number | undefined;
  const sampler = useTime
    ? undefined
    : setInterval(() => {
        readFile(`/proc/${child.pid}/status`, "utf8")
          .then((status) => {
            const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
            if (Number.isFinite(kb)) sampledKb = Math.max(sampledKb ?? 0, kb);
          })
          .catch(() => undefined);
      }, 20);
  const timer = setTimeout(() => child.kill("SIGKILL"), spec.timeoutMs ?? 600_000);
  const exitCode = await new Promise<number | null>((done) => child.on("close", (code) => done(code)));
  const wallMs = performance.now() - started;
  clearTimeout(timer);
  if (sampler) clearInterval(sampler);
  let maxRssKb = sampledKb;
  if (useTime) {
    const line = stderr.split("\n").find((l) => l.startsWith(RSS_MARKER));
    if (line) maxRssKb = Number(line.slice(RSS_MARKER.length));
    stderr = stderr
      .split("\n")
      .filter((l) => !l.startsWith(RSS_MARKER))
      .join("\n");
  }
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(outputFile, "utf8")),
    wallMs,
    firstOutputMs,
    maxRssKb,
  };
}
