export const id = 717;
export const ids = [717];
export const modules = {

/***/ 34717:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runProcess: () => (/* binding */ runProcess)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(46193);
;// CONCATENATED MODULE: ./src/exec/line-excerpt.ts
const DEFAULT_EXCERPT_LIMITS = {
    headLines: 40,
    tailLines: 80,
    maxLineChars: 400,
    maxChars: 8_000,
};
/** Room reserved for the "… N lines omitted …" marker. */
const MARKER_RESERVE = 64;
function cut(line, max) {
    return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
/**
 * Keeps the first lines while they fit a third of the budget, then a ring of the last lines; memory
 * is bounded by `(headLines + tailLines) × maxLineChars` whatever the output's size.
 */
function createLineExcerpt(limits = {}) {
    const { headLines, tailLines, maxLineChars, maxChars } = { ...DEFAULT_EXCERPT_LIMITS, ...limits };
    const lineMax = Math.max(1, Math.min(maxLineChars, Math.floor(maxChars / 4)));
    const headBudget = Math.floor((maxChars - MARKER_RESERVE) / 3);
    const tailBudget = maxChars - MARKER_RESERVE - headBudget;
    const head = [];
    let headChars = 0;
    let headOpen = true;
    const tail = [];
    let total = 0;
    return {
        add(raw) {
            total++;
            const line = cut(raw, lineMax);
            // The head is a contiguous prefix: once a line does not fit, everything else goes to the tail.
            if (headOpen && head.length < headLines && headChars + line.length + 1 <= headBudget) {
                head.push(line);
                headChars += line.length + 1;
                return;
            }
            headOpen = false;
            tail.push(line);
            if (tail.length > tailLines)
                tail.shift();
        },
        get totalLines() {
            return total;
        },
        toString() {
            const kept = [];
            let chars = 0;
            for (let i = tail.length - 1; i >= 0; i--) {
                const line = tail[i] ?? "";
                if (chars + line.length + 1 > tailBudget)
                    break;
                kept.unshift(line);
                chars += line.length + 1;
            }
            const omitted = total - head.length - kept.length;
            const marker = omitted > 0 ? [`… ${omitted} line${omitted === 1 ? "" : "s"} omitted …`] : [];
            return [...head, ...marker, ...kept].join("\n");
        },
    };
}

;// CONCATENATED MODULE: ./src/exec/line-splitter.ts

/**
 * Splits a byte stream into lines in bounded memory. A line longer than `keepChars` keeps only its first
 * `keepChars` characters; the rest is counted, not stored, so one endless line cannot exhaust memory.
 * Multi-byte characters split across chunks are decoded correctly; a trailing `\r` is dropped.
 */
function createLineSplitter(keepChars, emit) {
    const decoder = new external_node_string_decoder_.StringDecoder("utf8");
    let partial = "";
    let dropped = 0;
    const finishLine = (text) => {
        const line = text.endsWith("\r") ? text.slice(0, -1) : text;
        emit(line, dropped);
        dropped = 0;
    };
    const append = (text) => {
        const room = keepChars - partial.length;
        if (text.length <= room) {
            partial += text;
            return;
        }
        partial += text.slice(0, Math.max(0, room));
        dropped += text.length - Math.max(0, room);
    };
    const feed = (text) => {
        let start = 0;
        for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
            append(text.slice(start, nl));
            finishLine(partial);
            partial = "";
            start = nl + 1;
        }
        append(text.slice(start));
    };
    return {
        write(chunk) {
            feed(typeof chunk === "string" ? chunk : decoder.write(chunk));
        },
        end() {
            feed(decoder.end());
            if (partial !== "" || dropped > 0)
                finishLine(partial);
            partial = "";
        },
    };
}

;// CONCATENATED MODULE: ./src/exec/process-group.ts

/** Sends `signal` to every process of group `pgid`; false when the group has no process left. */
function signalProcessGroup(pgid, signal) {
    try {
        return process.kill(-pgid, signal);
    }
    catch {
        return false;
    }
}
/** The live (non-zombie) processes of group `pgid`, read from /proc; undefined where there is no /proc. */
function liveMembersFromProc(pgid) {
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)("/proc");
    }
    catch {
        return undefined;
    }
    const members = [];
    for (const entry of entries) {
        if (!/^\d+$/.test(entry))
            continue;
        let stat;
        try {
            stat = (0,external_node_fs_.readFileSync)(`/proc/${entry}/stat`, "utf8");
        }
        catch {
            continue; // exited while we looked
        }
        // "pid (comm) state ppid pgrp …": comm may contain spaces and parentheses, so split after the last ")".
        const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        if (Number(pgrp) === pgid && state !== "Z" && state !== "X")
            members.push(Number(entry));
    }
    return members;
}
/**
 * Whether any process of group `pgid` still runs. Zombies do not count: in containers whose init does not
 * reap orphans, a killed grandchild stays a zombie forever and would otherwise look alive.
 */
function isProcessGroupAlive(pgid) {
    try {
        process.kill(-pgid, 0);
    }
    catch {
        return false;
    }
    const members = liveMembersFromProc(pgid);
    return members === undefined ? true : members.length > 0;
}
/** Whether process `pid` still runs (a zombie counts as ended). */
function isProcessAlive(pid) {
    try {
        process.kill(pid, 0);
    }
    catch {
        return false;
    }
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const state = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0];
        return state !== "Z" && state !== "X";
    }
    catch {
        return true;
    }
}

;// CONCATENATED MODULE: ./src/exec/run-process.ts






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
async function runProcess(options) {
    const started = Date.now();
    const redact = options.redact ?? ((text) => text);
    const maxLine = options.maxLineChars ?? 16_384;
    const tailCap = options.stdoutTailChars ?? 1_048_576;
    const excerpt = createLineExcerpt(options.excerpt);
    const base = { exitCode: null, signal: null, timedOut: false, stalled: false, cancelled: false };
    const early = (fields) => ({
        ...base,
        durationMs: Date.now() - started,
        excerpt: "",
        ...fields,
    });
    if (options.signal?.aborted)
        return early({ cancelled: true });
    if (!(0,external_node_fs_.existsSync)(options.cwd)) {
        return early({ spawnError: `working directory ${options.cwd} does not exist` });
    }
    const child = (0,external_node_child_process_.spawn)(options.command, [...options.args], {
        cwd: options.cwd,
        env: { ...options.env },
        shell: false,
        detached: true,
        stdio: [options.stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    return new Promise((resolve) => {
        let reason;
        let exit;
        let spawnError;
        let tail = "";
        const tailDecoder = new external_node_string_decoder_.StringDecoder("utf8");
        let tailTrimmed = false;
        let killTimer;
        let killSentAt;
        let closed = false;
        let pollTimer;
        let drainTimer;
        let settled = false;
        const pgid = child.pid;
        /** SIGTERM to the group now, SIGKILL after the grace period unless the group is gone by then. */
        const endGroup = (graceMs) => {
            if (pgid === undefined || killTimer || !signalProcessGroup(pgid, "SIGTERM"))
                return;
            killTimer = setTimeout(() => {
                if (isProcessGroupAlive(pgid))
                    signalProcessGroup(pgid, "SIGKILL");
                killSentAt = Date.now();
                if (closed)
                    awaitGroupEnd();
                // Normally the pipes close at once; a process that left the group may keep them open: stop waiting.
                else
                    drainTimer = setTimeout(finish, PIPE_DRAIN_MS);
            }, graceMs);
        };
        const terminate = (why) => {
            if (reason || exit)
                return;
            reason = why;
            endGroup(why === "cancelled" ? (options.cancelGraceMs ?? 3_000) : (options.killGraceMs ?? 10_000));
        };
        /**
         * After the pipes closed during a kill sequence: resolve once no process of the group is left (a
         * SIGKILLed process takes a moment to die on a busy machine), or shortly after SIGKILL at the latest.
         */
        const awaitGroupEnd = () => {
            const settledAfterKill = killSentAt !== undefined && Date.now() - killSentAt > KILL_SETTLE_MS;
            if (pgid === undefined || settledAfterKill || !isProcessGroupAlive(pgid))
                return finish();
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
        const lineHandler = (stream) => createLineSplitter(maxLine + REDACT_LOOKAHEAD, (raw, dropped) => {
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
            if (!wait)
                return;
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
        child.stdout?.on("data", (chunk) => {
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
        child.stderr?.on("data", (chunk) => {
            stallTimer?.refresh();
            splitters.stderr.write(chunk);
            applyBackpressure();
        });
        // A child that exits without reading its stdin makes our write fail with EPIPE; that is not an error.
        child.stdin?.on("error", () => undefined);
        if (options.stdin !== undefined)
            child.stdin?.end(options.stdin);
        function finish() {
            if (settled)
                return;
            settled = true;
            for (const timer of [wallTimer, stallTimer, killTimer, pollTimer, drainTimer])
                clearTimeout(timer);
            options.signal?.removeEventListener("abort", onAbort);
            child.stdout?.destroy();
            child.stderr?.destroy();
            splitters.stdout.end();
            splitters.stderr.end();
            let stdoutTail;
            if (tailCap > 0) {
                let text = tail.length > tailCap ? ((tailTrimmed = true), tail.slice(-tailCap)) : tail;
                // A cut first line is useless for parsing and may hold the end of a secret: drop it.
                if (tailTrimmed)
                    text = text.slice(text.indexOf("\n") + 1);
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
        child.on("error", (error) => {
            if (child.pid !== undefined)
                return; // errors after a successful start (e.g. kill failures) are not fatal
            spawnError = error.code === "ENOENT" ? `command not found: ${options.command}` : error.message;
            finish();
        });
        child.on("exit", (code, signal) => {
            exit = { code, signal };
            clearTimeout(wallTimer);
            clearTimeout(stallTimer);
            // Processes the command left behind in its group (a dev server, a watcher) would hold our pipes
            // open and outlive the job step; end them too.
            if (!reason)
                endGroup(options.killGraceMs ?? 10_000);
            // A process that left our group can hold the pipes open forever: do not wait for it.
            if (!killTimer)
                drainTimer = setTimeout(finish, PIPE_DRAIN_MS);
        });
        child.on("close", () => {
            closed = true;
            // In the middle of a kill sequence, wait for it so nothing of the group outlives the result.
            if (killTimer)
                awaitGroupEnd();
            else
                finish();
        });
    });
}


/***/ })

};
