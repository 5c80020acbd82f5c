export const id = 443;
export const ids = [443];
export const modules = {

/***/ 23443:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runAgentStep: () => (/* binding */ runAgentStep)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96310);
/* harmony import */ var _runner_context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80532);


/**
 * Agent mode in the runner. The agent adapters, the process runner and the artifact client are loaded
 * here, lazily, so the other modes do not pay for them.
 */
/** How much of the agent's log may wait in memory for the runner to read it. */
const LOG_BUFFER_BYTES = 1024 * 1024;
async function runAgentStep(inputs, github) {
    (0,_runner_context_js__WEBPACK_IMPORTED_MODULE_1__/* .requireArtifactService */ .vx)("Agent");
    const [{ runAgent }, { createArtifactStore }, { runProcess }, git, { ensureAgentCli }, { createRedactor }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(942), __webpack_require__.e(820), __webpack_require__.e(379)]).then(__webpack_require__.bind(__webpack_require__, 90379)),
        __webpack_require__.e(/* import() */ 10).then(__webpack_require__.bind(__webpack_require__, 54010)),
        __webpack_require__.e(/* import() */ 629).then(__webpack_require__.bind(__webpack_require__, 629)),
        __webpack_require__.e(/* import() */ 429).then(__webpack_require__.bind(__webpack_require__, 43429)),
        __webpack_require__.e(/* import() */ 859).then(__webpack_require__.bind(__webpack_require__, 62859)),
        __webpack_require__.e(/* import() */ 920).then(__webpack_require__.bind(__webpack_require__, 11920)),
    ]);
    const secrets = (0,_runner_context_js__WEBPACK_IMPORTED_MODULE_1__/* .knownSecrets */ .xU)(inputs);
    for (const secret of secrets)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret);
    // The runner cancels a job with SIGINT, then SIGTERM: stop the agent, then still upload its status.
    const cancel = new AbortController();
    for (const signal of ["SIGINT", "SIGTERM"]) {
        process.on(signal, () => {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Received ${signal}: stopping the agent and recording a cancelled status.`);
            cancel.abort();
        });
    }
    const workingDir = inputs["working-directory"] ?? process.env.GITHUB_WORKSPACE ?? process.cwd();
    const tempDir = process.env.RUNNER_TEMP ?? (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 48161, 23))).tmpdir();
    const run = (0,_runner_context_js__WEBPACK_IMPORTED_MODULE_1__/* .runContext */ .pO)();
    const result = await runAgent({
        github,
        log: _runner_context_js__WEBPACK_IMPORTED_MODULE_1__/* .logger */ .vF,
        artifacts: await createArtifactStore(tempDir),
        workspace: git.createWorkspace(git.createGitRunner(workingDir), inputs["github-token"]),
        runProcess,
        ensureCli: (kind) => ensureAgentCli(kind, {
            path: process.env.PATH,
            prefix: `${tempDir}/pto-agent-cli`,
            version: inputs["agent-version"],
            log: _runner_context_js__WEBPACK_IMPORTED_MODULE_1__/* .logger */ .vF.info,
        }),
        env: process.env,
        run: {
            runId: Number(run.runId) || 0,
            runAttempt: run.runAttempt,
            job: process.env.GITHUB_JOB ?? "agent",
        },
        workingDir,
        tempDir,
        now: () => new Date(),
        cancel: cancel.signal,
        redact: createRedactor(secrets),
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


/***/ })

};
