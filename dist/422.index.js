export const id = 422;
export const ids = [422];
export const modules = {

/***/ 77422:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runAgentStep: () => (/* binding */ runAgentStep)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _runner_context_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(75457);







/**
 * Agent mode in the runner. The agent adapters, the process runner and the artifact client are loaded
 * here, lazily, so the other modes do not pay for them.
 */
/** How much of the agent's log may wait in memory for the runner to read it. */
const LOG_BUFFER_BYTES = 1024 * 1024;
async function runAgentStep(inputs, github) {
    (0,_runner_context_js__WEBPACK_IMPORTED_MODULE_6__/* .requireArtifactService */ .vx)("Agent");
    const [{ runAgent }, { createArtifactStore }, { runProcess }, { ensureAgentCli }, { createRedactor }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(282), __webpack_require__.e(437)]).then(__webpack_require__.bind(__webpack_require__, 44725)),
        __webpack_require__.e(/* import() */ 217).then(__webpack_require__.bind(__webpack_require__, 67217)),
        __webpack_require__.e(/* import() */ 717).then(__webpack_require__.bind(__webpack_require__, 34717)),
        __webpack_require__.e(/* import() */ 160).then(__webpack_require__.bind(__webpack_require__, 17160)),
        __webpack_require__.e(/* import() */ 649).then(__webpack_require__.bind(__webpack_require__, 2649)),
    ]);
    const secrets = (0,_runner_context_js__WEBPACK_IMPORTED_MODULE_6__/* .knownSecrets */ .xU)(inputs);
    // The agent's stand-in for a model key: only worth something to the job's own proxy, but masked and
    // redacted like a key (not searched for in the change: an agent may well write its own environment).
    const modelPlaceholder = `pto-placeholder-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomBytes)(24).toString("hex")}`;
    for (const secret of [...secrets, modelPlaceholder])
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret);
    // The runner cancels a job with SIGINT, then SIGTERM: stop the agent, then still upload its status.
    const cancel = new AbortController();
    for (const signal of ["SIGINT", "SIGTERM"]) {
        process.on(signal, () => {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Received ${signal}: stopping the agent and recording a cancelled status.`);
            cancel.abort();
        });
    }
    // Relative to the workspace, as the runner resolves paths of actions.
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const workingDir = (0,node_path__WEBPACK_IMPORTED_MODULE_5__.resolve)(workspace, inputs["working-directory"] ?? ".");
    const tempDir = process.env.RUNNER_TEMP ?? (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 48161, 23))).tmpdir();
    const run = (0,_runner_context_js__WEBPACK_IMPORTED_MODULE_6__/* .runContext */ .pO)();
    const isolation = inputs.isolation === "user" ? await isolationPort(inputs, workingDir) : undefined;
    if (!isolation)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e("isolation: none — the agent runs as the runner's user and holds its model key.");
    const { owner, repo } = (0,_runner_context_js__WEBPACK_IMPORTED_MODULE_6__/* .repository */ .Jk)();
    const serverUrl = process.env.GITHUB_SERVER_URL ?? "https://github.com";
    const result = await runAgent({
        github,
        log: _runner_context_js__WEBPACK_IMPORTED_MODULE_6__/* .logger */ .vF,
        artifacts: await createArtifactStore(tempDir),
        runProcess,
        isolation,
        checkoutDir: (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)(`${workingDir}/.git`) ? workingDir : undefined,
        defaultRemoteUrl: `${serverUrl}/${owner}/${repo}.git`,
        ensureCli: async (kind) => ensureAgentCli(kind, {
            path: process.env.PATH,
            // Not under RUNNER_TEMP, which the agent's user cannot enter: a fresh directory it can read.
            prefix: await cliPrefix(),
            version: inputs["agent-version"],
            log: _runner_context_js__WEBPACK_IMPORTED_MODULE_6__/* .logger */ .vF.info,
        }),
        env: process.env,
        run: {
            runId: Number(run.runId) || 0,
            runAttempt: run.runAttempt,
            job: process.env.GITHUB_JOB ?? "agent",
        },
        tempDir,
        now: () => new Date(),
        cancel: cancel.signal,
        redact: createRedactor([...secrets, modelPlaceholder]),
        modelPlaceholder,
        secrets,
        // Our stdout is the job log: a pipe the runner drains at its own pace. Past 1 MiB not yet taken,
        // wait for it to drain rather than hold an agent's whole log in memory.
        logBackpressure: () => process.stdout.writableLength > LOG_BUFFER_BYTES
            ? new Promise((drained) => process.stdout.once("drain", () => drained()))
            : undefined,
    }, inputs);
    if (result.abandonedWork) {
        // Requests the job stopped waiting for (a stalled download, a push that hangs) would keep the process
        // alive until the runner kills it: once the result below is reported, end it. unref: never delays a
        // normal exit.
        setTimeout(() => process.exit(), 100).unref();
    }
    const { status } = result;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH("status", JSON.stringify(status));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH("outcome", status.outcome);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH("branch", status.branch_name);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH("pr-number", status.pr_number === null ? "" : String(status.pr_number));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH("pr-url", status.pr_url ?? "");
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z
        .addRaw(`### Task ${status.task_id}: ${status.status === "completed" ? "✅" : "❌"} ${status.outcome}\n\n${status.outcome_reason}\n\n` +
        `PR: ${status.pr_url ?? "none"} · turns ${status.num_turns ?? "—"} · cost ${status.cost_usd ?? "—"} · ${status.duration_seconds} s\n`, true)
        .write();
    if (result.uploadError) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Status document (not uploaded):\n${JSON.stringify(status, null, 2)}`);
        throw new Error(result.uploadError);
    }
    if (status.status === "failed")
        throw new Error(`Task ${status.task_id} ${status.outcome}: ${status.outcome_reason}`);
}
/**
 * Where the agent CLI is installed: readable by the agent's user (RUNNER_TEMP is not), writable only by
 * us, fresh for this job (two installs of Claude Code into one directory fail) and removed at its end. A
 * parent of that name someone else made, or can write, is refused.
 */
async function cliPrefix() {
    const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_4__.tmpdir)(), `pto-agent-cli-${process.getuid?.() ?? "user"}`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.mkdir)(parent, { recursive: true, mode: 0o755 });
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.lstat)(parent);
    if (!info.isDirectory() || info.uid !== process.getuid?.() || (info.mode & 0o022) !== 0) {
        throw new Error(`${parent} is not a directory only this user can write: refusing to install the agent CLI there`);
    }
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(parent, "job-"));
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.chmod)(dir, 0o755);
    process.once("exit", () => (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.rmSync)(dir, { recursive: true, force: true }));
    return dir;
}
/**
 * The runner's side of isolating the agent: the privilege to make its user (root, or passwordless sudo
 * as on GitHub-hosted runners), the runner's files it must not read, and whether its network is
 * firewalled (`egress-firewall: auto` means on GitHub-hosted runners, where iptables is ours to use).
 */
async function isolationPort(inputs, workingDir) {
    const [{ detectPrivilege, ISOLATION_UNAVAILABLE_MESSAGE }, { createAgentSandbox }, files, firewall] = await Promise.all([
        __webpack_require__.e(/* import() */ 667).then(__webpack_require__.bind(__webpack_require__, 1667)),
        __webpack_require__.e(/* import() */ 925).then(__webpack_require__.bind(__webpack_require__, 67925)),
        __webpack_require__.e(/* import() */ 756).then(__webpack_require__.bind(__webpack_require__, 67756)),
        __webpack_require__.e(/* import() */ 314).then(__webpack_require__.bind(__webpack_require__, 58314)),
    ]);
    const privilege = await detectPrivilege();
    const wanted = inputs["egress-firewall"];
    const hosted = process.env.RUNNER_ENVIRONMENT === "github-hosted";
    const useFirewall = wanted === "on" || (wanted === "auto" && hosted);
    return {
        firewall: useFirewall,
        async open() {
            if (!privilege)
                throw new Error(ISOLATION_UNAVAILABLE_MESSAGE);
            if (useFirewall) {
                const support = await firewall.iptablesUsable(privilege);
                if (!support.usable)
                    throw new Error(`egress-firewall is on but iptables cannot be used: ${support.reason}`);
            }
            const e = process.env;
            const runnerFiles = [
                e.RUNNER_TEMP,
                e.GITHUB_WORKSPACE,
                workingDir,
                e.HOME,
                e.GITHUB_ENV,
                e.GITHUB_OUTPUT,
                e.GITHUB_PATH,
                e.GITHUB_STATE,
                e.GITHUB_STEP_SUMMARY,
                e.GITHUB_EVENT_PATH,
            ].filter((p) => p !== undefined && p !== "");
            const report = await files.protectRunnerFiles({ paths: runnerFiles, privilege });
            try {
                const sandbox = await createAgentSandbox({ privilege });
                return { sandbox, restore: () => files.restoreRunnerFiles(report.changed, privilege) };
            }
            catch (error) {
                await files.restoreRunnerFiles(report.changed, privilege);
                throw error;
            }
        },
    };
}


/***/ })

};
