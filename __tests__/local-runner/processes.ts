/**
 * Step processes as the Actions runner handles them: output captured, cancellation as SIGINT to the
 * step's process, SIGTERM after a grace period, then SIGKILL of its whole tree; and, at the end of a
 * job, the runner's orphan clean-up of every process carrying the job's RUNNER_TRACKING_ID.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export interface ProcessResult {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

export interface ProcessOptions {
  cwd: string;
  env: Record<string, string>;
  /** Aborting starts the runner's cancellation sequence. */
  signal?: AbortSignal;
  /** SIGINT → SIGTERM delay (the runner's 7.5 s). */
  graceMs: number;
  /** SIGTERM → SIGKILL delay (the runner's 2.5 s). */
  killAfterMs: number;
}

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function pids(): number[] {
  try {
    return readdirSync("/proc")
      .filter((e) => /^\d+$/.test(e))
      .map(Number);
  } catch {
    return [];
  }
}

/** Every live descendant of `root`, from the parent links in /proc. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of pids()) {
    const stat = readProc(`/proc/${pid}/stat`);
    if (!stat) continue;
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() as number) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/** SIGKILLs `root` and everything below it, children first looked up so none escapes by reparenting. */
function killTree(root: number): void {
  const tree = descendants(root);
  kill(root, "SIGKILL");
  for (const pid of tree) kill(pid, "SIGKILL");
}

/**
 * The runner's job-end clean-up: every process whose environment holds `RUNNER_TRACKING_ID=<id>` is
 * killed, so a background process or an orphaned agent cannot outlive its job.
 */
export function killTrackedProcesses(trackingId: string): number {
  const needle = `RUNNER_TRACKING_ID=${trackingId}\0`;
  let killed = 0;
  for (const pid of pids()) {
    if (pid === process.pid) continue;
    if (readProc(`/proc/${pid}/environ`)?.includes(needle)) {
      kill(pid, "SIGKILL");
      killed++;
    }
  }
  return killed;
}

/** Runs one process to completion, or through the cancellation sequence when `signal` aborts. */
export function runProcess(command: string, args: string[], options: ProcessOptions): Promise<ProcessResult> {
  return new Promise((resolve) => {
    // Its own process group, as the runner's children are not in the runner's terminal group.
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timers: NodeJS.Timeout[] = [];
    const cancel = () => {
      const pid = child.pid;
      if (pid === undefined) return;
      kill(pid, "SIGINT");
      timers.push(
        setTimeout(() => {
          kill(pid, "SIGTERM");
          timers.push(setTimeout(() => killTree(pid), options.killAfterMs));
        }, options.graceMs),
      );
    };
    if (options.signal?.aborted) cancel();
    else options.signal?.addEventListener("abort", cancel, { once: true });
    let settled = false;
    const finish = (exitCode: number | null, signal: string | null) => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      options.signal?.removeEventListener("abort", cancel);
      resolve({ exitCode, signal, stdout, stderr });
    };
    child.on("error", (error) => {
      stderr += `${error.message}\n`;
      finish(null, null);
    });
    child.on("close", (code, signal) => finish(code, signal));
    // A background process may hold the pipes open after the step's process exited; do not wait for it.
    child.on("exit", (code, signal) => setTimeout(() => finish(code, signal), 500).unref());
  });
}
