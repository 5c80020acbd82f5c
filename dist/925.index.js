export const id = 925;
export const ids = [925,667,314];
export const modules = {

/***/ 67925:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createAgentSandbox: () => (/* binding */ createAgentSandbox)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/isolation/privilege.ts
var isolation_privilege = __webpack_require__(1667);
;// CONCATENATED MODULE: ./src/isolation/agent-user-account.ts




/** One `name:x:uid:gid:…` line of /etc/passwd; undefined when `name` has none. */
function findPasswdEntry(passwd, name) {
    for (const line of passwd.split("\n")) {
        const fields = line.split(":");
        if (fields[0] !== name || fields.length < 7)
            continue;
        return { uid: Number(fields[2]), gid: Number(fields[3]), home: fields[5] ?? "" };
    }
    return undefined;
}
/** Whether /etc/group has a group called `name`. */
function hasGroup(group, name) {
    return group.split("\n").some((line) => line.split(":")[0] === name);
}
/** A fresh account name `<prefix>-<8 hex>`; throws when the prefix would make an invalid or too long name. */
function newAccountName(prefix, random = () => (0,external_node_crypto_.randomBytes)(4).toString("hex")) {
    const name = `${prefix}-${random()}`;
    if (!/^[a-z_][a-z0-9_-]*$/.test(name) || name.length > 32) {
        throw new Error(`account name prefix ${JSON.stringify(prefix)} gives ${JSON.stringify(name)}: use [a-z0-9_-], at most 23 characters`);
    }
    return name;
}
/** useradd/userdel report a held /etc/passwd or /etc/group lock like this; another job may be creating its user. */
function isLockContention(result) {
    return /cannot lock|unable to lock|try again later/i.test(result.stderr);
}
/** Backoff before attempt `attempt` (1-based) of a locked account command: 50 ms doubling to 1 s, with jitter. */
function lockBackoffMs(attempt, jitter = Math.random()) {
    return Math.min(1_000, 50 * 2 ** (attempt - 1)) * (0.5 + jitter);
}
/** Runs a useradd/userdel argv, retrying (bounded) while another process holds the account database lock. */
async function runAccountCommand(privilege, argv, attempts = 12) {
    for (let attempt = 1;; attempt++) {
        const result = await (0,isolation_privilege.runPrivileged)(privilege, argv, { allowFailure: true });
        if (result.exitCode === 0 || !isLockContention(result) || attempt >= attempts)
            return result;
        await (0,promises_.setTimeout)(lockBackoffMs(attempt));
    }
}
/** useradd's exit code for "username already in use". */
const USERADD_NAME_IN_USE = 9;
/** userdel's exit code for "the user does not exist". */
const USERDEL_NO_SUCH_USER = 6;
/**
 * Creates a system account with its own group, no login shell and `home` as its home directory (which must
 * exist; it is not created): `useradd --system --no-create-home --shell nologin --user-group`. The name is
 * fresh for every call, so concurrent jobs on one runner never share an agent user.
 */
async function createAgentAccount(privilege, options) {
    const readPasswd = options.readPasswd ?? (() => (0,external_node_fs_.readFileSync)("/etc/passwd", "utf8"));
    const useradd = (0,isolation_privilege.requireSystemTool)("useradd");
    const shell = (0,isolation_privilege.findSystemTool)("nologin") ?? "/bin/false";
    for (let tries = 0; tries < 3; tries++) {
        const name = newAccountName(options.namePrefix);
        const argv = [
            useradd,
            "--system",
            "--no-create-home",
            "--home-dir",
            options.home,
            "--shell",
            shell,
            "--user-group",
            name,
        ];
        const result = await runAccountCommand(privilege, argv);
        if (result.exitCode === USERADD_NAME_IN_USE)
            continue;
        if (result.exitCode !== 0) {
            throw new Error(`useradd ${name} failed (exit ${result.exitCode}): ${result.stderr.trim().slice(0, 500)}`);
        }
        const entry = findPasswdEntry(readPasswd(), name);
        if (!entry || !(entry.uid > 0) || !(entry.gid > 0)) {
            throw new Error(`useradd ${name} succeeded but /etc/passwd has no unprivileged entry for it`);
        }
        return { name, uid: entry.uid, gid: entry.gid };
    }
    throw new Error(`useradd found every generated name with prefix ${options.namePrefix} in use`);
}
/**
 * Deletes the account and its group; an account that no longer exists is not an error. userdel refuses
 * while a live process runs as the user: kill them first.
 */
async function deleteAgentAccount(privilege, name, readGroup = () => (0,external_node_fs_.readFileSync)("/etc/group", "utf8")) {
    const result = await runAccountCommand(privilege, [(0,isolation_privilege.requireSystemTool)("userdel"), name]);
    if (result.exitCode !== 0 && result.exitCode !== USERDEL_NO_SUCH_USER) {
        throw new Error(`userdel ${name} failed (exit ${result.exitCode}): ${result.stderr.trim().slice(0, 500)}`);
    }
    // userdel removes the user's private group only where USERGROUPS_ENAB is set in login.defs.
    if (hasGroup(readGroup(), name)) {
        const groupdel = await runAccountCommand(privilege, [(0,isolation_privilege.requireSystemTool)("groupdel"), name]);
        if (groupdel.exitCode !== 0 && hasGroup(readGroup(), name)) {
            throw new Error(`groupdel ${name} failed (exit ${groupdel.exitCode}): ${groupdel.stderr.trim().slice(0, 500)}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/isolation/agent-user-processes.ts


/** Reads the `State:` and `Uid:` lines of a /proc/<pid>/status text; undefined when either is missing. */
function parseProcessStatus(status) {
    const state = /^State:\s+(\S)/m.exec(status)?.[1];
    const uids = /^Uid:\s+(.+)$/m.exec(status)?.[1];
    if (!state || !uids)
        return undefined;
    return { state, uids: uids.trim().split(/\s+/).map(Number) };
}
/** Whether a process counts as running as `uid`: any of its uids is it, and it is not a zombie. */
function isLiveProcessOf(identity, uid) {
    return identity.uids.includes(uid) && identity.state !== "Z" && identity.state !== "X";
}
/**
 * The live processes of `uid`. Zombies do not count: they run nothing, cannot be killed, and in containers
 * whose init does not reap orphans (this machine's) they stay forever.
 */
function listProcessesOfUid(uid, procRoot = "/proc") {
    const pids = [];
    for (const entry of (0,external_node_fs_.readdirSync)(procRoot)) {
        if (!/^\d+$/.test(entry))
            continue;
        let status;
        try {
            status = (0,external_node_fs_.readFileSync)(`${procRoot}/${entry}/status`, "utf8");
        }
        catch {
            continue; // exited while we looked
        }
        const identity = parseProcessStatus(status);
        if (identity && isLiveProcessOf(identity, uid))
            pids.push(Number(entry));
    }
    return pids;
}
/**
 * SIGKILLs every process of one user until none is left — also those that left the agent's process group
 * (`setsid`, `nohup`, double-forked daemons): `kill -9 -1` run as the user reaches all of them in one pass,
 * during which no new process can be forked, and a later round catches any that a dying process forked
 * first. Returns how many distinct processes were seen and killed; throws naming the survivors when some
 * outlive every round (e.g. stuck in uninterruptible sleep).
 */
async function killAllProcesses(ports, limits = {}) {
    const rounds = limits.rounds ?? 20;
    const settleMs = limits.settleMs ?? 1_000;
    const killed = new Set();
    for (let round = 0; round < rounds; round++) {
        const alive = ports.list();
        // The first pass is sent even when /proc shows nothing: mounted with hidepid, it hides other users' processes.
        if (alive.length === 0 && round > 0)
            return killed.size;
        for (const pid of alive)
            killed.add(pid);
        await ports.killEverything();
        const deadline = Date.now() + settleMs;
        while (ports.list().length > 0 && Date.now() < deadline)
            await (0,promises_.setTimeout)(10);
    }
    const survivors = ports.list();
    if (survivors.length === 0)
        return killed.size;
    throw new Error(`processes ${survivors.join(", ")} survived ${rounds} rounds of SIGKILL`);
}

;// CONCATENATED MODULE: ./src/isolation/agent-user-paths.ts



/** Raised when a path handed to the sandbox is outside its root or reaches out of it through a symlink. */
class SandboxPathError extends Error {
    constructor(message) {
        super(message);
        this.name = "SandboxPathError";
    }
}
/** Whether `path` is `root` itself or below it (both absolute and normalised). */
function isWithin(root, path) {
    const rel = (0,external_node_path_.relative)(root, path);
    return rel === "" || (!rel.startsWith(`..${external_node_path_.sep}`) && rel !== ".." && !(0,external_node_path_.isAbsolute)(rel));
}
/**
 * The path to hand to chown, after checking it lies strictly below `root` with no symlink on the way:
 * its directory's real location must be inside root's, and it must not be a symlink itself.
 */
function assertInside(root, path) {
    const absolute = (0,external_node_path_.resolve)(root, path);
    if (absolute === (0,external_node_path_.resolve)(root) || !isWithin((0,external_node_path_.resolve)(root), absolute)) {
        throw new SandboxPathError(`${path} is not inside the agent's directory ${root}`);
    }
    let parent;
    let link;
    try {
        parent = (0,external_node_fs_.realpathSync)((0,external_node_path_.dirname)(absolute));
        link = (0,external_node_fs_.lstatSync)(absolute);
    }
    catch (error) {
        throw new SandboxPathError(`${path} cannot be handed over: ${error.message}`);
    }
    if (!isWithin((0,external_node_fs_.realpathSync)(root), parent) || link.isSymbolicLink()) {
        throw new SandboxPathError(`${path} leads out of the agent's directory ${root} through a symlink`);
    }
    return absolute;
}
/**
 * The first directory from / down to `path` (inclusive) that other users cannot enter (no o+x), or
 * undefined when every one can — the agent's directories under it would be unreachable for the agent.
 */
function unreachableAncestor(path, stat = external_node_fs_.statSync) {
    const parts = (0,external_node_path_.resolve)(path).split(external_node_path_.sep).filter(Boolean);
    for (let i = 0; i <= parts.length; i++) {
        const dir = `${external_node_path_.sep}${parts.slice(0, i).join(external_node_path_.sep)}`;
        if ((stat(dir).mode & 0o001) === 0)
            return dir;
    }
    return undefined;
}
/**
 * Where an agent can leave files outside its own directory: the shared temporary directories, and every
 * directory on PATH or among `extra` (the runner's tool caches, which GitHub's images make writable by
 * all) that anyone may write (on GitHub-hosted images /usr/local/bin is one) — a program planted there
 * would run in a later step, with that step's credentials.
 */
function defaultSweepDirs(pathEnv, stat = external_node_fs_.statSync, extra = []) {
    const dirs = ["/tmp", "/var/tmp", "/dev/shm"];
    for (const dir of [...pathEnv.split(":"), ...extra, "/run/lock", "/var/crash"]) {
        if (!(0,external_node_path_.isAbsolute)(dir) || dirs.includes(dir))
            continue;
        try {
            const info = stat(dir);
            if (info.isDirectory() && (info.mode & 0o002) !== 0)
                dirs.push(dir);
        }
        catch {
            // a PATH entry that does not exist
        }
    }
    return dirs;
}
/** find's complaints that only mean another process removed something while find walked the tree. */
function isVanishedEntry(line) {
    return line.trim() === "" || /No such file or directory/.test(line);
}
/**
 * Removes what user `uid` owns under each directory: each top-most entry it owns goes whole
 * (`find DIR -xdev -mindepth 1 ( -uid U -prune -exec rm -rf --one-file-system -- {} + ) -o ( -type d !
 * -perm -0002 -prune )`). The user could create entries only in directories it owns (removed whole) or
 * that anyone may write, so other directories are not descended: a busy /tmp is not walked file by
 * file. find follows no symlink and stays on the directory's filesystem; run only once the user's
 * processes are dead, so nothing can swap a directory for a symlink underneath.
 */
async function sweepFilesOfUid(privilege, tools, dirs, uid) {
    const problems = [];
    for (const dir of dirs) {
        const remove = [
            "-uid",
            String(uid),
            "-prune",
            "-exec",
            tools.rm,
            "-rf",
            "--one-file-system",
            "--",
            "{}",
            "+",
        ];
        const skip = ["-type", "d", "!", "-perm", "-0002", "-prune"];
        const argv = [tools.find, dir, "-xdev", "-mindepth", "1", "(", ...remove, ")", "-o", "(", ...skip, ")"];
        const result = await (0,isolation_privilege.runPrivileged)(privilege, argv, { allowFailure: true });
        const lines = result.stderr.split("\n").filter((line) => !isVanishedEntry(line));
        if (result.exitCode !== 0 && lines.length > 0)
            problems.push(`${dir}: ${lines.join(" ").slice(0, 300)}`);
    }
    if (problems.length > 0)
        throw new Error(`removing files of uid ${uid} failed in ${problems.join("; ")}`);
}

// EXTERNAL MODULE: ./src/isolation/egress-firewall.ts
var egress_firewall = __webpack_require__(58314);
;// CONCATENATED MODULE: ./src/isolation/run-as.ts
/** Raised when a command or environment cannot be passed through `env` unambiguously. */
class RunAsError extends Error {
    constructor(message) {
        super(message);
        this.name = "RunAsError";
    }
}
/** Checks what `env(1)` would misread: a command containing "=" is taken as an assignment, a name with "=" splits. */
function validateRunAs(command, env) {
    if (command === "" || command.includes("=") || command.includes("\0")) {
        throw new RunAsError(`command ${JSON.stringify(command)} cannot be run through env: it is empty or contains "="`);
    }
    for (const [name, value] of Object.entries(env)) {
        if (!/^[^=\0-][^=\0]*$/.test(name)) {
            throw new RunAsError(`environment variable name ${JSON.stringify(name)} is empty, starts with "-" or contains "="`);
        }
        if (value.includes("\0"))
            throw new RunAsError(`environment variable ${name} contains a NUL character`);
    }
}
/**
 * The argv that runs `command args` as `user` with exactly `env` (nothing inherited), starting in `cwd`:
 *
 *   [sudo -n --] setpriv --reuid U --regid G --clear-groups --inh-caps=-all --bounding-set=-all --nnp --
 *     env -i --chdir=CWD -- K=V… command args
 *
 * `--nnp` (no_new_privs) makes every setuid/setgid program (sudo, su, crontab, at) powerless for the agent,
 * so it can neither regain root nor schedule work that outlives the job. `env -i` rather than sudo's own
 * environment handling, whose env_reset and env_keep depend on the runner's sudoers. The directory change
 * happens as the target user: the action's user cannot enter the agent's 0700 directories.
 *
 * Signals: as root, setpriv and env exec in place, so the agent process is the spawned child and the
 * process group can be signalled as usual. Through sudo, a root-owned sudo process stays as the parent: it
 * relays SIGTERM/SIGINT/SIGHUP from the action's user to the agent, but the action's user cannot signal the
 * agent's processes themselves (different uid), so SIGKILL to the group kills only sudo and orphans the
 * agent — stop it with `AgentSandbox.killAll()`, never by process group alone.
 *
 * The K=V pairs are in argv: world-readable in /proc/<pid>/cmdline (sudo's for the whole run) and in sudo's
 * log. The agent's environment must therefore hold no secret — by design it holds none.
 */
function buildRunAs(privilege, tools, user, invocation, outerCwd) {
    validateRunAs(invocation.command, invocation.env);
    if (!Number.isInteger(user.uid) || user.uid <= 0 || !Number.isInteger(user.gid) || user.gid <= 0) {
        throw new RunAsError(`refusing to run as uid ${user.uid} gid ${user.gid}: not an unprivileged account`);
    }
    const setpriv = [
        tools.setpriv,
        "--reuid",
        String(user.uid),
        "--regid",
        String(user.gid),
        "--clear-groups",
        "--inh-caps=-all",
        "--bounding-set=-all",
        "--nnp",
        "--",
        tools.env,
        "-i",
        `--chdir=${invocation.cwd}`,
        "--",
        ...Object.entries(invocation.env).map(([name, value]) => `${name}=${value}`),
        invocation.command,
        ...invocation.args,
    ];
    const argv = privilege.kind === "root" ? setpriv : [privilege.sudo, "-n", "--", ...setpriv];
    const [command, ...args] = argv;
    return { command, args, env: {}, cwd: outerCwd };
}

;// CONCATENATED MODULE: ./src/isolation/agent-user.ts









/** Creates the agent's user (a fresh name per job) and its directories. */
async function createAgentSandbox(options) {
    const { privilege } = options;
    const prefix = options.namePrefix ?? "pto-agent";
    const tools = {
        setpriv: (0,isolation_privilege.requireSystemTool)("setpriv"),
        env: (0,isolation_privilege.requireSystemTool)("env"),
        chown: (0,isolation_privilege.requireSystemTool)("chown"),
        rm: (0,isolation_privilege.requireSystemTool)("rm"),
        find: (0,isolation_privilege.requireSystemTool)("find"),
        kill: (0,isolation_privilege.requireSystemTool)("kill"),
    };
    const tmpRoot = (0,external_node_fs_.realpathSync)(options.tmpRoot ?? (0,external_node_os_.tmpdir)());
    const blocked = unreachableAncestor(tmpRoot);
    if (blocked) {
        throw new Error(`the agent's directory cannot be under ${tmpRoot}: other users cannot enter ${blocked}; pass another tmpRoot`);
    }
    // 1. The directories, made by the action's user; then the user, whose passwd home is root/home.
    const root = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(tmpRoot, `${prefix}-`));
    (0,external_node_fs_.chmodSync)(root, 0o755);
    const [home, workDir, tmpDir] = ["home", "work", "tmp"].map((name) => (0,external_node_path_.join)(root, name));
    for (const dir of [home, workDir, tmpDir])
        (0,external_node_fs_.mkdirSync)(dir, { mode: 0o700 });
    let user;
    try {
        user = await createAgentAccount(privilege, { namePrefix: prefix, home });
    }
    catch (error) {
        (0,external_node_fs_.rmSync)(root, { recursive: true, force: true });
        throw error;
    }
    const owner = { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
    const toolCaches = [process.env.RUNNER_TOOL_CACHE, process.env.AGENT_TOOLSDIRECTORY].filter((dir) => dir !== undefined && dir !== "");
    const sweepDirs = options.sweepDirs ?? defaultSweepDirs(process.env.PATH ?? "", undefined, toolCaches);
    const wrapAt = (command, args, env, cwd) => buildRunAs(privilege, tools, user, { command, args, env, cwd }, root);
    /** chown -R that changes only files owned by `from`, and symlinks themselves rather than their targets. */
    const chownTree = (path, from, to) => (0,isolation_privilege.runPrivileged)(privilege, [
        tools.chown,
        "-R",
        "--no-dereference",
        `--from=${from}`,
        `${to.uid}:${to.gid}`,
        "--",
        path,
    ]);
    const done = { firewall: false, root: false, sweep: false, user: false };
    /** Once the user is deleted its uid may soon belong to another job's agent: nothing may act on it then. */
    const assertNotDisposed = (what) => {
        if (done.user)
            throw new Error(`agent user ${user.name} was disposed of: cannot ${what}`);
    };
    const killAll = async () => done.user
        ? 0
        : killAllProcesses({
            list: () => listProcessesOfUid(user.uid),
            killEverything: async () => {
                // kill(-1) as the agent user reaches exactly its processes; it exits non-zero when there were none.
                const kill = wrapAt(tools.kill, ["-9", "-1"], {}, "/");
                await (0,isolation_privilege.runCollecting)([kill.command, ...kill.args], { env: kill.env });
            },
        });
    try {
        // 2. Hand the fresh, empty directories to the user.
        await (0,isolation_privilege.runPrivileged)(privilege, [
            tools.chown,
            "--no-dereference",
            `${user.uid}:${user.gid}`,
            "--",
            home,
            workDir,
            tmpDir,
        ]);
    }
    catch (error) {
        await deleteAgentAccount(privilege, user.name).catch(() => undefined);
        (0,external_node_fs_.rmSync)(root, { recursive: true, force: true });
        throw error;
    }
    let firewall;
    return {
        user,
        root,
        home,
        workDir,
        tmpDir,
        wrap: (command, args, env, wrapOptions = {}) => {
            assertNotDisposed(`run ${command}`);
            (0,external_node_fs_.chmodSync)(root, 0o755);
            // Whatever runs now may leave files again: the next takeBack or dispose sweeps anew.
            done.sweep = false;
            return wrapAt(command, args, env, wrapOptions.cwd ?? workDir);
        },
        giveToAgent: async (path) => {
            assertNotDisposed(`give ${path}`);
            await chownTree(assertInside(root, path), owner.uid, user);
        },
        takeBack: async (path) => {
            assertNotDisposed(`take back ${path}`);
            const inside = assertInside(root, path);
            await killAll();
            // No other user may swap a directory for a link while we read the tree as its owner.
            (0,external_node_fs_.chmodSync)(root, 0o700);
            // Before the action runs anything again, and before the chown (which would also hand us a file the
            // agent hard-linked from the tree into a shared directory): what it left in a world-writable
            // directory (on PATH, say) goes. The sweep does not enter `root`, which is not world-writable.
            await sweepFilesOfUid(privilege, tools, sweepDirs, user.uid);
            done.sweep = true;
            await chownTree(inside, user.uid, owner);
        },
        restrictEgress: async (allow) => {
            assertNotDisposed("restrict its egress");
            // Loading the chain again replaces its rules in one transaction: no moment without rules.
            firewall = await (0,egress_firewall.applyEgressFirewall)({ privilege, uid: user.uid, allow });
            return firewall;
        },
        killAll,
        dispose: async () => {
            if (Object.values(done).every(Boolean))
                return;
            await killAll();
            const errors = [];
            const step = async (name, action) => {
                if (done[name])
                    return;
                try {
                    await action();
                    done[name] = true;
                }
                catch (error) {
                    errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
                }
            };
            await step("firewall", async () => firewall?.remove());
            await step("root", () => (0,isolation_privilege.runPrivileged)(privilege, [tools.rm, "-rf", "--one-file-system", "--", root]));
            await step("sweep", () => sweepFilesOfUid(privilege, tools, sweepDirs, user.uid));
            await step("user", () => deleteAgentAccount(privilege, user.name));
            if (errors.length > 0)
                throw new Error(`disposing of agent user ${user.name} failed: ${errors.join("; ")}`);
        },
    };
}


/***/ }),

/***/ 58314:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   applyEgressFirewall: () => (/* binding */ applyEgressFirewall),
/* harmony export */   buildFirewallScript: () => (/* binding */ buildFirewallScript),
/* harmony export */   buildRemovalScript: () => (/* binding */ buildRemovalScript),
/* harmony export */   chainName: () => (/* binding */ chainName),
/* harmony export */   iptablesUsable: () => (/* binding */ iptablesUsable)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _privilege_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1667);


/** The chain holding one user's rules; one per uid, so concurrent jobs' agents never share rules. */
function chainName(uid) {
    return `PTO-${uid}`;
}
/** The jump from OUTPUT into the user's chain, as `iptables -S` prints it (without the leading -A/-I/-D). */
function jumpRule(uid) {
    return `OUTPUT -m owner --uid-owner ${uid} -j ${chainName(uid)}`;
}
/**
 * An `iptables-restore --noflush` script that puts the user's chain in place: replies on connections that
 * already exist (a server the agent runs answering another user) pass; new connections pass only to the
 * allowed loopback ports; everything else is rejected — TCP with a reset, the rest with "port unreachable"
 * — so a refused connection fails at once instead of hanging. Declaring the chain empties a stale one left
 * by an earlier job with the same uid. The jump is inserted first in OUTPUT so no host rule accepts first.
 */
function buildFirewallScript(family, uid, allow) {
    const chain = chainName(uid);
    const loopback = family === "ipv4" ? "127.0.0.1" : "::1";
    const unreachable = family === "ipv4" ? "icmp-port-unreachable" : "icmp6-port-unreachable";
    const ports = [...new Set(allow.filter((e) => e.host === loopback).map((e) => e.port))];
    for (const port of ports) {
        if (!Number.isInteger(port) || port < 1 || port > 65_535)
            throw new Error(`allowed port ${port} is not a TCP port`);
    }
    const prefix = family === "ipv4" ? "/32" : "/128";
    return [
        "*filter",
        `:${chain} - [0:0]`,
        `-A ${chain} -m conntrack --ctstate ESTABLISHED -j ACCEPT`,
        ...ports.map((port) => `-A ${chain} -o lo -d ${loopback}${prefix} -p tcp -m tcp --dport ${port} -j ACCEPT`),
        `-A ${chain} -p tcp -j REJECT --reject-with tcp-reset`,
        `-A ${chain} -j REJECT --reject-with ${unreachable}`,
        `-I ${jumpRule(uid)}`,
        "COMMIT",
        "",
    ].join("\n");
}
/**
 * An `iptables-restore --noflush` script that deletes every jump to the user's chain and the chain itself,
 * given what `iptables -S` prints now; undefined when nothing of it is left (removal is idempotent).
 */
function buildRemovalScript(uid, listing) {
    const chain = chainName(uid);
    const lines = listing.split("\n").map((line) => line.trim());
    const jumps = lines.filter((line) => line.startsWith("-A OUTPUT ") && line.endsWith(` -j ${chain}`));
    const hasChain = lines.includes(`-N ${chain}`);
    if (jumps.length === 0 && !hasChain)
        return undefined;
    return [
        "*filter",
        ...jumps.map((line) => `-D ${line.slice(3)}`),
        ...(hasChain ? [`-F ${chain}`, `-X ${chain}`] : []),
        "COMMIT",
        "",
    ].join("\n");
}
/** The families to filter: IPv6 too wherever the kernel has it (an agent could otherwise go around by ::1). */
function firewallFamilies() {
    const families = [];
    const wanted = [["ipv4", "iptables", "iptables-restore"]];
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)("/proc/net/if_inet6"))
        wanted.push(["ipv6", "ip6tables", "ip6tables-restore"]);
    for (const [name, tool, restoreTool] of wanted) {
        const iptables = (0,_privilege_js__WEBPACK_IMPORTED_MODULE_1__.findSystemTool)(tool);
        const restore = (0,_privilege_js__WEBPACK_IMPORTED_MODULE_1__.findSystemTool)(restoreTool);
        if (!iptables || !restore)
            return `${!iptables ? tool : restoreTool} is not installed`;
        families.push({ name, iptables, restore });
    }
    return families;
}
/**
 * Whether the egress firewall can work: iptables (and ip6tables where the kernel has IPv6) are installed and
 * `iptables -S OUTPUT` works with this privilege (it does not in a container without CAP_NET_ADMIN).
 */
async function iptablesUsable(privilege) {
    const families = firewallFamilies();
    if (typeof families === "string")
        return { usable: false, reason: families };
    for (const family of families) {
        const listed = await (0,_privilege_js__WEBPACK_IMPORTED_MODULE_1__.runPrivileged)(privilege, [family.iptables, "-w", "10", "-S", "OUTPUT"], {
            allowFailure: true,
        });
        if (listed.exitCode !== 0) {
            return {
                usable: false,
                reason: `${family.iptables} -S OUTPUT failed: ${listed.stderr.trim().slice(0, 300)}`,
            };
        }
    }
    return { usable: true, families };
}
/** Deletes the user's jump and chain from every family, whatever an earlier attempt left. */
async function removeRules(privilege, families, uid) {
    const errors = [];
    for (const family of families) {
        try {
            const listing = await (0,_privilege_js__WEBPACK_IMPORTED_MODULE_1__.runPrivileged)(privilege, [family.iptables, "-w", "10", "-S"]);
            const script = buildRemovalScript(uid, listing.stdout);
            if (script)
                await (0,_privilege_js__WEBPACK_IMPORTED_MODULE_1__.runPrivileged)(privilege, [family.restore, "-w", "10", "--noflush"], { input: script });
        }
        catch (error) {
            errors.push(error instanceof Error ? error.message : String(error));
        }
    }
    if (errors.length > 0)
        throw new Error(`removing the egress rules of uid ${uid} failed: ${errors.join("; ")}`);
}
/**
 * Lets the processes of `uid` open connections only to the `allow`ed loopback ports: a chain `PTO-<uid>` per
 * IP family, jumped to from OUTPUT with `-m owner --uid-owner <uid>`, loaded atomically per family with
 * iptables-restore. Fails closed: when a family cannot be set up, what was set up is removed and this throws.
 * Not covered by iptables: Unix sockets (e.g. a DNS resolver's D-Bus or varlink socket, a docker socket).
 */
async function applyEgressFirewall(options) {
    const { privilege, uid, allow } = options;
    if (!Number.isInteger(uid) || uid <= 0)
        throw new Error(`refusing to filter uid ${uid}: not an unprivileged user`);
    const families = firewallFamilies();
    if (typeof families === "string")
        throw new Error(`egress firewall unavailable: ${families}`);
    const applied = [];
    try {
        for (const family of families) {
            applied.push(family);
            const script = buildFirewallScript(family.name, uid, allow);
            await (0,_privilege_js__WEBPACK_IMPORTED_MODULE_1__.runPrivileged)(privilege, [family.restore, "-w", "10", "--noflush"], { input: script });
        }
    }
    catch (error) {
        await removeRules(privilege, applied, uid).catch(() => undefined);
        throw error;
    }
    let removed = false;
    return {
        async remove() {
            if (removed)
                return;
            await removeRules(privilege, families, uid);
            removed = true;
        },
    };
}


/***/ }),

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


/***/ })

};
