export const id = 756;
export const ids = [756,667];
export const modules = {

/***/ 1667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ISOLATION_UNAVAILABLE_MESSAGE: () => (/* binding */ ISOLATION_UNAVAILABLE_MESSAGE),
/* harmony export */   PrivilegedCommandError: () => (/* binding */ PrivilegedCommandError),
/* harmony export */   detectPrivilege: () => (/* binding */ detectPrivilege),
/* harmony export */   findSystemTool: () => (/* binding */ findSystemTool),
/* harmony export */   privilegedArgv: () => (/* binding */ privilegedArgv),
/* harmony export */   requireSystemTool: () => (/* binding */ requireSystemTool),
/* harmony export */   runCollecting: () => (/* binding */ runCollecting),
/* harmony export */   runPrivileged: () => (/* binding */ runPrivileged)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/** What the agent job prints when isolation was asked for and neither root nor passwordless sudo exists. */
const ISOLATION_UNAVAILABLE_MESSAGE = "isolation needs root or passwordless sudo; set `isolation: none` to run the agent as the runner's user (unsafe)";
/** Raised when a privileged command fails; the message names the command, its exit code and its stderr. */
class PrivilegedCommandError extends Error {
    argv;
    result;
    constructor(argv, result) {
        super(`${argv.join(" ")} failed (exit ${result.exitCode}): ${result.stderr.trim().slice(0, 500)}`);
        this.argv = argv;
        this.result = result;
        this.name = "PrivilegedCommandError";
    }
}
/**
 * Where privileged tools are looked up. Never PATH: on GitHub-hosted images /usr/local/bin is writable by
 * every user, so a tool found there could be the agent's and would then run as root.
 */
const SYSTEM_DIRS = ["/usr/sbin", "/usr/bin", "/sbin", "/bin"];
/** The environment of every privileged command: fixed, so nothing of the action's environment reaches root. */
const PRIVILEGED_ENV = { PATH: SYSTEM_DIRS.join(":"), LC_ALL: "C" };
/**
 * The absolute path of a system tool (e.g. `useradd`), from root-owned directories only, and only when the
 * file itself is owned by root and writable by nobody else; undefined when there is none.
 */
function findSystemTool(name, dirs = SYSTEM_DIRS) {
    for (const dir of dirs) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name);
        try {
            const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(path);
            if (stat.isFile() && stat.uid === 0 && (stat.mode & 0o022) === 0 && (stat.mode & 0o111) !== 0) {
                return path;
            }
        }
        catch {
            // not in this directory
        }
    }
    return undefined;
}
/** Like `findSystemTool`, but throws an error naming the tool when it is missing. */
function requireSystemTool(name) {
    const path = findSystemTool(name);
    if (!path)
        throw new Error(`${name} was not found in ${SYSTEM_DIRS.join(", ")} (owned by root)`);
    return path;
}
/** Runs argv without a shell and collects its output; never rejects except when it cannot be started. */
function runCollecting(argv, options = {}) {
    const [command, ...args] = argv;
    if (!command)
        throw new Error("runCollecting needs a command");
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, args, {
            env: options.env ?? PRIVILEGED_ENV,
            shell: false,
            stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
            timeout: options.timeoutMs ?? 60_000,
            killSignal: "SIGKILL",
        });
        let stdout = "";
        let stderr = "";
        child.stdout?.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
        child.stderr?.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
        child.stdin?.on("error", () => undefined);
        if (options.input !== undefined)
            child.stdin?.end(options.input);
        child.on("error", (error) => reject(new Error(`cannot run ${argv.join(" ")}: ${error.message}`)));
        child.on("close", (code, signal) => resolve({
            exitCode: code ?? (signal ? 128 : 1),
            stdout,
            stderr: signal ? `${stderr}killed by ${signal}` : stderr,
        }));
    });
}
/** The argv that runs `argv` with privilege: itself as root, or through `sudo -n` (never prompting). */
function privilegedArgv(privilege, argv) {
    return privilege.kind === "root" ? [...argv] : [privilege.sudo, "-n", "--", ...argv];
}
/**
 * Runs a fixed argv with privilege — directly as root, or `sudo -n -- argv` — never through a shell, with a
 * fixed environment. Throws a `PrivilegedCommandError` on a non-zero exit unless `allowFailure` is set.
 * Arguments are visible to every user in /proc/<pid>/cmdline: never pass a secret.
 */
async function runPrivileged(privilege, argv, options = {}) {
    const result = await runCollecting(privilegedArgv(privilege, argv), options);
    if (result.exitCode !== 0 && !options.allowFailure)
        throw new PrivilegedCommandError(argv, result);
    return result;
}
const defaultProbe = {
    getuid: () => process.getuid?.() ?? -1,
    findSudo: () => findSystemTool("sudo"),
};
/**
 * Root when this process runs as uid 0; else sudo when `sudo -n true` succeeds (passwordless, as on
 * GitHub-hosted runners); else undefined — the caller then prints `ISOLATION_UNAVAILABLE_MESSAGE`.
 */
async function detectPrivilege(probe = defaultProbe) {
    if (probe.getuid() === 0)
        return { kind: "root" };
    const sudo = probe.findSudo();
    if (!sudo)
        return undefined;
    try {
        const result = await runCollecting([sudo, "-n", "true"], { timeoutMs: 15_000 });
        return result.exitCode === 0 ? { kind: "sudo", sudo } : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 67756:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   isGroupShared: () => (/* binding */ isGroupShared),
/* harmony export */   protectRunnerFiles: () => (/* binding */ protectRunnerFiles),
/* harmony export */   protectedMode: () => (/* binding */ protectedMode),
/* harmony export */   protectionTargets: () => (/* binding */ protectionTargets),
/* harmony export */   restoreRunnerFiles: () => (/* binding */ restoreRunnerFiles)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _privilege_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1667);



/**
 * Whether group `gid` may hold someone other than `ownerUid`: anything but the owner's own primary group
 * with no listed members and no other user whose primary group it is. Unknown groups count as shared.
 */
function isGroupShared(db, ownerUid, gid) {
    const users = db.passwd
        .split("\n")
        .map((line) => line.split(":"))
        .filter((fields) => fields.length >= 7);
    const owner = users.find((fields) => Number(fields[2]) === ownerUid);
    if (!owner || Number(owner[3]) !== gid)
        return true;
    if (users.some((fields) => Number(fields[3]) === gid && Number(fields[2]) !== ownerUid))
        return true;
    const group = db.group
        .split("\n")
        .map((line) => line.split(":"))
        .find((fields) => Number(fields[2]) === gid);
    return !group || (group[3] ?? "").trim() !== "";
}
/** The mode with no access for others, and none for the group when the group is shared. */
function protectedMode(mode, groupShared) {
    return mode & 0o7777 & ~0o007 & (groupShared ? ~0o070 : ~0);
}
/**
 * The paths whose permissions must close: each path given (its real location), and for a file also its
 * directory — an attacker who can list the directory learns the names of files such as
 * `git-credentials-<uuid>.config`, and one who can enter it reaches files that are readable by everyone.
 */
function protectionTargets(paths, resolve) {
    const targets = [];
    const missing = [];
    for (const path of paths) {
        if (!path)
            continue;
        const found = resolve(path);
        if (!found) {
            missing.push(path);
            continue;
        }
        for (const target of found.isDirectory ? [found.real] : [found.real, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(found.real)]) {
            if (!targets.includes(target))
                targets.push(target);
        }
    }
    return { targets, missing };
}
function resolveExisting(path) {
    try {
        const real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(path);
        return { real, isDirectory: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(real).isDirectory() };
    }
    catch {
        return undefined;
    }
}
/** Sets a mode: directly when this process owns the file or is root, else through the privilege. */
async function setMode(path, ownerUid, mode, privilege) {
    const myUid = process.getuid?.() ?? -1;
    if (myUid === 0 || myUid === ownerUid || !privilege) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(path, mode);
        return;
    }
    await (0,_privilege_js__WEBPACK_IMPORTED_MODULE_2__.runPrivileged)(privilege, [(0,_privilege_js__WEBPACK_IMPORTED_MODULE_2__.requireSystemTool)("chmod"), mode.toString(8).padStart(4, "0"), "--", path]);
}
/**
 * Closes the runner's own files to other users before the agent starts: each path (RUNNER_TEMP, the files
 * behind GITHUB_ENV, GITHUB_OUTPUT, GITHUB_PATH, GITHUB_STATE, GITHUB_STEP_SUMMARY, the action user's HOME)
 * and each file's directory lose every permission for others, and for their group where the group is shared.
 * Only the given paths change, never what is inside a directory: a closed directory already keeps others
 * out of everything below it. Returns what changed so `restoreRunnerFiles` can undo it.
 */
async function protectRunnerFiles(options) {
    const db = options.accounts ?? {
        passwd: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)("/etc/passwd", "utf8"),
        group: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)("/etc/group", "utf8"),
    };
    const { targets, missing } = protectionTargets(options.paths, resolveExisting);
    const report = { changed: [], unchanged: [], missing };
    for (const path of targets) {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path);
        const before = stat.mode & 0o7777;
        const after = protectedMode(before, isGroupShared(db, stat.uid, stat.gid));
        if (after === before) {
            report.unchanged.push(path);
            continue;
        }
        await setMode(path, stat.uid, after, options.privilege);
        report.changed.push({ path, before, after });
    }
    return report;
}
/** Puts back the modes `protectRunnerFiles` changed, in reverse order; paths gone since are skipped. */
async function restoreRunnerFiles(changes, privilege) {
    for (const change of [...changes].reverse()) {
        let owner;
        try {
            owner = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(change.path).uid;
        }
        catch {
            continue;
        }
        await setMode(change.path, owner, change.before, privilege);
    }
}


/***/ })

};
