export const id = 768;
export const ids = [768];
export const modules = {

/***/ 22768:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runAggregateStep: () => (/* binding */ runAggregateStep)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _runner_context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(75457);


/** Aggregate mode in the runner: outputs, the full report in the job summary, failure below the threshold. */
async function runAggregateStep(inputs, github) {
    (0,_runner_context_js__WEBPACK_IMPORTED_MODULE_1__/* .requireArtifactService */ .vx)("Aggregate");
    const [{ runAggregate }, { createArtifactStore }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(282), __webpack_require__.e(749)]).then(__webpack_require__.bind(__webpack_require__, 65581)),
        __webpack_require__.e(/* import() */ 217).then(__webpack_require__.bind(__webpack_require__, 67217)),
    ]);
    const run = (0,_runner_context_js__WEBPACK_IMPORTED_MODULE_1__/* .runContext */ .pO)();
    const server = process.env.GITHUB_SERVER_URL ?? "https://github.com";
    const result = await runAggregate({
        github,
        log: _runner_context_js__WEBPACK_IMPORTED_MODULE_1__/* .logger */ .vF,
        artifacts: await createArtifactStore(),
        run,
        runUrl: `${server}/${process.env.GITHUB_REPOSITORY ?? ""}/actions/runs/${run.runId}`,
        now: () => new Date(),
    }, inputs);
    const { decision } = result;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH("success-rate", String(decision.rate));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH("succeeded", String(decision.succeeded));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH("failed", String(decision.failed));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH("verdict", decision.verdict);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH("pull-requests", JSON.stringify(result.pullRequests));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH("follow-up-issues", JSON.stringify(result.followUps));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH("result", JSON.stringify({
        decision,
        tasks: result.results.map((r) => ({
            id: r.task.id,
            succeeded: r.succeeded,
            outcome: r.outcome,
            reason: r.reason,
            sub_issue: r.task.subIssue,
            pr: r.prNumber,
            carried_over: r.carriedOver,
        })),
    }));
    // The job summary allows 1 MiB, so it can hold the whole report even when the comment was cut.
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(result.fullReport, true).write();
    if (!decision.passed) {
        throw new Error(`${decision.succeeded} of ${decision.total} tasks succeeded (${decision.rate}%), below the success threshold of ${inputs["success-threshold"]}%.`);
    }
}


/***/ })

};
