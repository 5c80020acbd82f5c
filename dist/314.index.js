export const id = 314;
export const ids = [314,667];
export const modules = {

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
