import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { createLineExcerpt, type ExcerptLimits } from "./line-excerpt.js";
import { createLineSplitter } from "./line-splitter.js";
import { isProcessGroupAlive, signalProcessGroup } from "./process-group.js";

export type StreamName = "stdout" | "stderr";

/** One child process to run; see `runProcess`. */
export interface RunProcessOptions {
  command: string;
  args: readonly string[];
  cwd: string;
  /** The child's whole environment: nothing is inherited, the caller decides every variable. */
  env: Readonly<Record<string, string>>;
  /** Written to the child's stdin, which is then closed. Without it stdin is closed from the start. */
  stdin?: string;
  /** Wall-clock limit; when reached the process group is terminated and `timedOut` is set. */
  timeoutMs?: number;
  /** No stdout/stderr output for this long counts as hung: the group is terminated and `stalled` is set. */
  stallTimeoutMs?: number;
  /** Aborting terminates the group and sets `cancelled` (wired to the job's SIGINT/SIGTERM by the caller). */
  signal?: AbortSignal;
  /** Time between SIGTERM and SIGKILL after a timeout or stall. @default 10000 */
  killGraceMs?: number;
  /** The same after cancellation: the runner itself kills the job ~10 s after cancelling it. @default 3000 */
  cancelGraceMs?: number;
  /** Called with each output line, already redacted and cut to `maxLineChars`. */
  onLine?: (stream: StreamName, line: string) => void;
  /**
   * Asked after each chunk of output: a promise means "wait" — reading the child's pipes pauses until it
   * settles, so the child blocks on a full pipe instead of our memory holding what `onLine` could not
   * pass on yet (the runner reads our log more slowly than an agent can write).
   */
  backpressure?: () => Promise<void> | undefined;
  /** Applied to every line and to `stdoutTail` before anything leaves this function. */
  redact?: (text: string) => string;
  /** Bounds of `excerpt`. */
  excerpt?: Partial<ExcerptLimits>;
  /** Longest line handed to `onLine`. @default 16384 */
  maxLineChars?: number;
  /** Characters of stdout kept at the end for parsing a final result. @default 1048576 (0 = none) */
  stdoutTailChars?: number;
}

/** How a child process ended. At most one of `timedOut`, `stalled`, `cancelled` is true: the first reason wins. */
export interface ProcessResult {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  stalled: boolean;
  cancelled: boolean;
  durationMs: number;
  /** First and last lines of stdout and stderr in arrival order; stderr lines start with `[stderr] `. */
  excerpt: string;
  /** The last `stdoutTailChars` of stdout, starting at a line boundary, redacted. */
  stdoutTail?: string;
  /** Why the process could not be started (missing command or working directory). */
  spawnError?: string;
}

/** Extra characters kept beyond `maxLineChars` so a secret straddling the cut is still redacted whole. */
const REDACT_LOOKAHEAD = 1024;
/** Waiting this long for the pipes after the group was killed means a process escaped it: stop waiting. */
const PIPE_DRAIN_MS = 2_000;
/** How long after SIGKILL we wait for the group's processes to disappear. */
const KILL_SETTLE_MS = 2_000;

/**
 * Runs one command — never through a shell — in its own process group (`detached`), so a timeout, a
 * stall or a cancellation can end it together with every process it started: SIGTERM to the group, then
 * SIGKILL after a grace period. When the command exits normally, processes it left running in its group
 * are ended the same way. Output is streamed line by line and kept only as a bounded excerpt and tail,
 * so memory does not grow with output size. Never rejects: failures are described in the result.
 */
export async function runProcess(options: RunProcessOptions): Promise<ProcessResult> {
  const started = Date.now();
  const redact = options.redact ?? ((text: string) => text);
  const maxLine = options.maxLineChars ?? 16_384;
  const tailCap = options.stdoutTailChars ?? 1_048_576;
  const excerpt = createLineExcerpt(options.excerpt);
  const base = { exitCode: null, signal: null, timedOut: false, stalled: false, cancelled: false };
  const early = (fields: Partial<ProcessResult>): ProcessResult => ({
    ...base,
    durationMs: Date.now() - started,
    excerpt: "",
    ...fields,
  });

  if (options.signal?.aborted) return early({ cancelled: true });
  if (!existsSync(options.cwd)) {
    return early({ spawnError: `working directory ${options.cwd} does not exist` });
  }

  const child = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env: { ...options.env },
    shell: false,
    detached: true,
    stdio: [options.stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
  });

  return new Promise<ProcessResult>((resolve) => {
    let reason: "timedOut" | "stalled" | "cancelled" | undefined;
    let exit: { code: number | null; signal: string | null } | undefined;
    let spawnError: string | undefined;
    let tail = "";
    const tailDecoder = new StringDecoder("utf8");
    let tailTrimmed = false;
    let killTimer: NodeJS.Timeout | undefined;
    let killSentAt: number | undefined;
    let closed = false;
    let pollTimer: NodeJS.Timeout | undefined;
    let drainTimer: NodeJS.Timeout | undefined;
    let settled = false;
    const pgid = child.pid;

    /** SIGTERM to the group now, SIGKILL after the grace period unless the group is gone by then. */
    const endGroup = (graceMs: number) => {
      if (pgid === undefined || killTimer || !signalProcessGroup(pgid, "SIGTERM")) return;
      killTimer = setTimeout(() => {
        if (isProcessGroupAlive(pgid)) signalProcessGroup(pgid, "SIGKILL");
        killSentAt = Date.now();
        if (closed) awaitGroupEnd();
        // Normally the pipes close at once; a process that left the group may keep them open: stop waiting.
        else drainTimer = setTimeout(finish, PIPE_DRAIN_MS);
      }, graceMs);
    };
    const terminate = (why: "timedOut" | "stalled" | "cancelled") => {
      if (reason || exit) return;
      reason = why;
      endGroup(why === "cancelled" ? (options.cancelGraceMs ?? 3_000) : (options.killGraceMs ?? 10_000));
    };
    /**
     * After the pipes closed during a kill sequence: resolve once no process of the group is left (a
     * SIGKILLed process takes a moment to die on a busy machine), or shortly after SIGKILL at the latest.
     */
    const awaitGroupEnd = () => {
      const settledAfterKill = killSentAt !== undefined && Date.now() - killSentAt > KILL_SETTLE_MS;
      if (pgid === undefined || settledAfterKill || !isProcessGroupAlive(pgid)) return finish();
      pollTimer = setTimeout(awaitGroupEnd, 25);
    };

    const wallTimer = options.timeoutMs
      ? setTimeout(() => terminate("timedOut"), options.timeoutMs)
      : undefined;
    const stallTimer = options.stallTimeoutMs
      ? setTimeout(() => terminate("stalled"), options.stallTimeoutMs)
      : undefined;
    const onAbort = () => terminate("cancelled");
    options.signal?.addEventListener("abort", onAbort, { once: true });

    const lineHandler = (stream: StreamName) =>
      createLineSplitter(maxLine + REDACT_LOOKAHEAD, (raw, dropped) => {
        let line = redact(raw);
        if (line.length > maxLine || dropped > 0) {
          line = `${line.slice(0, maxLine)}… [${dropped + Math.max(0, line.length - maxLine)} more characters]`;
        }
        options.onLine?.(stream, line);
        excerpt.add(stream === "stderr" ? `[stderr] ${line}` : line);
      });
    const splitters = { stdout: lineHandler("stdout"), stderr: lineHandler("stderr") };

    let paused = false;
    const applyBackpressure = () => {
      const wait = paused ? undefined : options.backpressure?.();
      if (!wait) return;
      paused = true;
      child.stdout?.pause();
      child.stderr?.pause();
      const resume = () => {
        paused = false;
        // Time spent waiting for our own log is not the agent being silent.
        stallTimer?.refresh();
        child.stdout?.resume();
        child.stderr?.resume();
      };
      wait.then(resume, resume);
    };
    child.stdout?.on("data", (chunk: Buffer) => {
      stallTimer?.refresh();
      splitters.stdout.write(chunk);
      applyBackpressure();
      if (tailCap > 0) {
        tail += tailDecoder.write(chunk);
        // Trim in large steps so appending stays linear in the output size.
        if (tail.length > 2 * tailCap) {
          tail = tail.slice(-tailCap);
          tailTrimmed = true;
        }
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stallTimer?.refresh();
      splitters.stderr.write(chunk);
      applyBackpressure();
    });
    // A child that exits without reading its stdin makes our write fail with EPIPE; that is not an error.
    child.stdin?.on("error", () => undefined);
    if (options.stdin !== undefined) child.stdin?.end(options.stdin);

    function finish() {
      if (settled) return;
      settled = true;
      for (const timer of [wallTimer, stallTimer, killTimer, pollTimer, drainTimer]) clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      child.stdout?.destroy();
      child.stderr?.destroy();
      splitters.stdout.end();
      splitters.stderr.end();
      let stdoutTail: string | undefined;
      if (tailCap > 0) {
        let text = tail.length > tailCap ? ((tailTrimmed = true), tail.slice(-tailCap)) : tail;
        // A cut first line is useless for parsing and may hold the end of a secret: drop it.
        if (tailTrimmed) text = text.slice(text.indexOf("\n") + 1);
        stdoutTail = redact(text);
      }
      resolve({
        exitCode: exit?.code ?? null,
        signal: exit?.signal ?? null,
        timedOut: reason === "timedOut",
        stalled: reason === "stalled",
        cancelled: reason === "cancelled",
        durationMs: Date.now() - started,
        excerpt: excerpt.toString(),
        ...(stdoutTail !== undefined ? { stdoutTail } : {}),
        ...(spawnError !== undefined ? { spawnError } : {}),
      });
    }

    child.on("error", (error: NodeJS.ErrnoException) => {
      if (child.pid !== undefined) return; // errors after a successful start (e.g. kill failures) are not fatal
      spawnError = error.code === "ENOENT" ? `command not found: ${options.command}` : error.message;
      finish();
    });
    child.on("exit", (code, signal) => {
      exit = { code, signal };
      clearTimeout(wallTimer);
      clearTimeout(stallTimer);
      // Processes the command left behind in its group (a dev server, a watcher) would hold our pipes
      // open and outlive the job step; end them too.
      if (!reason) endGroup(options.killGraceMs ?? 10_000);
      // A process that left our group can hold the pipes open forever: do not wait for it.
      if (!killTimer) drainTimer = setTimeout(finish, PIPE_DRAIN_MS);
    });
    child.on("close", () => {
      closed = true;
      // In the middle of a kill sequence, wait for it so nothing of the group outlives the result.
      if (killTimer) awaitGroupEnd();
      else finish();
    });
  });
}
