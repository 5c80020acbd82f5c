export const id = 749;
export const ids = [749];
export const modules = {

/***/ 66252:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BD: () => (/* binding */ formatCost),
/* harmony export */   NF: () => (/* binding */ pullRequestBody),
/* harmony export */   Zr: () => (/* binding */ pullRequestTitle),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   d6: () => (/* binding */ subIssueComment)
/* harmony export */ });
/* harmony import */ var _github_markers_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(23400);
/* harmony import */ var _plan_render_sub_issue_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8782);
/* harmony import */ var _security_neutralize_title_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(21676);
/* harmony import */ var _security_sanitize_untrusted_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6183);




/** `1h 2m 3s`, `4m 5s`, `6s`. */
function formatDuration(seconds) {
    const s = Math.round(seconds);
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const rest = s % 60;
    if (h > 0)
        return `${h}h ${m}m ${rest}s`;
    return m > 0 ? `${m}m ${rest}s` : `${rest}s`;
}
/** `$0.1234` or `—`. */
function formatCost(cost) {
    return cost === null ? "—" : `$${cost.toFixed(cost < 1 ? 4 : 2)}`;
}
function pullRequestTitle(master, task) {
    const title = `[Master #${master}] ${(0,_security_neutralize_title_js__WEBPACK_IMPORTED_MODULE_2__/* .neutralizeTitle */ ._)((0,_plan_render_sub_issue_js__WEBPACK_IMPORTED_MODULE_1__/* .safeTitle */ .CL)(task.title))}`;
    return title.length > 256 ? `${title.slice(0, 255)}…` : title;
}
function metricsTable(status) {
    return [
        "| Outcome | Turns | Cost | Duration | Commits | Files | Lines |",
        "|---|---|---|---|---|---|---|",
        `| ${status.outcome} | ${status.num_turns ?? "—"} | ${formatCost(status.cost_usd)} | ${formatDuration(status.duration_seconds)} | ${status.commits} | ${status.files_changed.length}${status.files_changed_truncated ? "+" : ""} | +${status.lines_added} −${status.lines_removed} |`,
    ];
}
/**
 * The pull request body: closes the sub-issue, links the master issue, and reports what the agent did.
 * The agent's final message is model output shaped by untrusted issue text, so it is made inert too.
 */
function pullRequestBody(status, task) {
    const lines = [
        (0,_github_markers_js__WEBPACK_IMPORTED_MODULE_0__/* .renderMarker */ .Bd)("pull-request", { master: status.master_issue, task: status.task_id }),
        status.sub_issue !== null ? `Closes #${status.sub_issue}` : "",
        "",
        `Task ${status.task_id} of master issue #${status.master_issue}: **${(0,_security_sanitize_untrusted_text_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdownInline */ .E)((0,_plan_render_sub_issue_js__WEBPACK_IMPORTED_MODULE_1__/* .safeTitle */ .CL)(task.title))}**`,
        "",
        `Agent: \`${status.agent.kind}\`${status.agent.model ? ` (\`${status.agent.model}\`)` : ""} on \`${status.branch_name}\``,
        "",
        ...metricsTable(status),
        "",
    ];
    if (status.final_message) {
        lines.push("<details><summary>The agent's final message</summary>", "", (0,_plan_render_sub_issue_js__WEBPACK_IMPORTED_MODULE_1__/* .safeMarkdown */ .fH)(status.final_message), "", "</details>", "");
    }
    lines.push("---", "*Opened by Parallel Task Orchestrator. A coding agent wrote this change: review it before merging.*");
    return lines.filter((line, i) => i !== 1 || line !== "").join("\n");
}
/** The short note on the sub-issue: the outcome and the pull request, upserted per task. */
function subIssueComment(status) {
    const icon = status.status === "completed" ? "✅" : "❌";
    const pr = status.pr_number !== null ? ` Pull request: #${status.pr_number}.` : "";
    const why = status.status === "completed" ? "" : ` ${(0,_plan_render_sub_issue_js__WEBPACK_IMPORTED_MODULE_1__/* .safeLine */ .om)(status.outcome_reason)}`;
    return [
        (0,_github_markers_js__WEBPACK_IMPORTED_MODULE_0__/* .renderMarker */ .Bd)("agent-result", { master: status.master_issue, task: status.task_id }),
        `${icon} **Agent ${status.outcome === "success" ? "finished" : `ended: ${status.outcome}`}** (attempt ${status.run.run_attempt}, ${formatDuration(status.duration_seconds)}).${pr}${why}`,
        "",
        ...metricsTable(status),
    ].join("\n");
}


/***/ }),

/***/ 65581:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAggregate: () => (/* binding */ runAggregate)
});

// EXTERNAL MODULE: ./src/artifacts/load-plan.ts
var load_plan = __webpack_require__(89267);
// EXTERNAL MODULE: ./src/github/markers.ts
var markers = __webpack_require__(23400);
// EXTERNAL MODULE: ./src/inputs.ts
var src_inputs = __webpack_require__(38422);
// EXTERNAL MODULE: ./src/logger.ts
var logger = __webpack_require__(86999);
// EXTERNAL MODULE: ./src/stage-context.ts
var stage_context = __webpack_require__(43667);
// EXTERNAL MODULE: ./src/status/status-schema.ts
var status_schema = __webpack_require__(18452);
;// CONCATENATED MODULE: ./src/aggregate/task-result.ts
/**
 * Outcomes given when a task's status could not be used (see collectStatuses): such a task has no
 * figures, and the zeros an earlier run stored for it must not be shown as a real run's.
 */
const UNUSABLE_STATUS_OUTCOMES = new Set(["missing", "invalid", "forged"]);
/** The figures of a validated status document. */
function figuresOfStatus(status) {
    return {
        duration_seconds: status.duration_seconds,
        num_turns: status.num_turns,
        cost_usd: status.cost_usd,
        tokens: status.tokens
            ? { input: status.tokens.input + status.tokens.cache_read, output: status.tokens.output }
            : null,
        lines_added: status.lines_added,
        lines_removed: status.lines_removed,
    };
}
/** The artifact name pattern of status documents (see statusArtifactName). */
function parseStatusArtifactName(name) {
    const match = /^status-(\d+)-([A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)-(\d+)\.json$/.exec(name);
    if (!match)
        return undefined;
    return { master: Number(match[1]), task: match[2], attempt: Number(match[3]) };
}

;// CONCATENATED MODULE: ./src/aggregate/collect-statuses.ts



/** Status documents over this size are not downloaded: a status is a few KB, a huge one is not ours. */
const MAX_STATUS_BYTES = 256 * 1024;
/** Downloads run this many at a time: fast for 256 tasks without flooding the artifact service. */
const DOWNLOAD_CONCURRENCY = 8;
/** Runs `fn` over `items` with at most `limit` in flight, keeping order. */
async function mapConcurrent(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await fn(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}
function failed(task, outcome, errorType, reason, attempt = null) {
    return {
        task: { id: task.id, title: task.title, subIssue: task.subIssue, branch: task.branch },
        succeeded: false,
        outcome,
        errorType,
        reason,
        status: null,
        prNumber: null,
        prUrl: null,
        attempt,
        carriedOver: false,
    };
}
/** The newest status artifact of each task of this master issue, up to the current run attempt. */
function pickStatusArtifacts(artifacts, master, runAttempt) {
    const newest = new Map();
    for (const artifact of artifacts) {
        const parsed = parseStatusArtifactName(artifact.name);
        if (!parsed || parsed.master !== master || parsed.attempt > runAttempt)
            continue;
        const current = newest.get(parsed.task);
        if (!current || parsed.attempt > current.attempt)
            newest.set(parsed.task, { artifact, attempt: parsed.attempt });
    }
    return newest;
}
/**
 * Accounts for every planned task: its newest status, validated against the schema and against what
 * it claims (its own task, its master issue, a PR that exists on the task's branch). A missing,
 * invalid or forged status is a failure with a reason that says so — never dropped, never a success.
 */
async function collectStatuses(args) {
    const { store, github, master, tasks } = args;
    const picked = pickStatusArtifacts(await store.list(), master, args.runAttempt);
    const read = await mapConcurrent(tasks, DOWNLOAD_CONCURRENCY, async (task) => {
        const found = picked.get(task.id);
        if (!found) {
            return failed(task, "missing", "MISSING_STATUS", "No status was uploaded: the job was cancelled, its runner was lost, or it timed out before the upload.");
        }
        if (found.artifact.size > MAX_STATUS_BYTES) {
            return failed(task, "invalid", "INVALID_STATUS", `The status document is ${found.artifact.size} bytes, far over any real status: not trusted.`, found.attempt);
        }
        let status;
        try {
            status = (0,status_schema/* parseTaskStatus */.r)(await store.downloadJson(found.artifact, MAX_STATUS_BYTES));
        }
        catch (error) {
            return failed(task, "invalid", "INVALID_STATUS", `The status document is unusable: ${(0,logger/* errorMessage */.g)(error)}`, found.attempt);
        }
        if (status.task_id !== task.id || status.master_issue !== master) {
            return failed(task, "forged", "INVALID_STATUS", `The status document claims task ${status.task_id} of #${status.master_issue}, not task ${task.id} of #${master}.`, found.attempt);
        }
        return { kind: "read", task, status, attempt: found.attempt };
    });
    // Every claimed pull request is checked in one batch (100 per GraphQL query), not one request each.
    const claimed = read.flatMap((r) => "kind" in r && r.status.pr_number !== null ? [r.status.pr_number] : []);
    let pulls = new Map();
    if (claimed.length > 0) {
        try {
            pulls = await github.getPullRequests(claimed);
        }
        catch (error) {
            pulls = error instanceof Error ? error : new Error(String(error));
        }
    }
    return read.map((r) => {
        if (!("kind" in r))
            return r;
        const { task, status, attempt } = r;
        const prProblem = checkPullRequestClaim(github.owner, pulls, status, task);
        if (prProblem)
            return failed(task, "forged", "INVALID_STATUS", prProblem, attempt);
        return {
            task: { id: task.id, title: task.title, subIssue: task.subIssue, branch: task.branch },
            succeeded: status.status === "completed",
            outcome: status.outcome,
            errorType: status.error_type,
            reason: status.outcome_reason,
            status,
            prNumber: status.pr_number,
            prUrl: status.pr_url,
            attempt,
            carriedOver: false,
        };
    });
}
/** A status that names a pull request must name one that exists, from this repository, on the task's branch. */
function checkPullRequestClaim(owner, pulls, status, task) {
    if (status.pr_number === null) {
        return status.status === "completed" ? "The status claims success but names no pull request." : undefined;
    }
    if (pulls instanceof Error) {
        return `The status claims pull request #${status.pr_number}, which could not be checked: ${(0,logger/* errorMessage */.g)(pulls)}`;
    }
    const pr = pulls.get(status.pr_number);
    if (!pr)
        return `The status claims pull request #${status.pr_number}, which does not exist in this repository.`;
    if (pr.headRef !== task.branch || pr.headOwner.toLowerCase() !== owner.toLowerCase()) {
        return `The status claims pull request #${status.pr_number}, but its head is ${pr.headOwner}:${pr.headRef}, not ${task.branch}.`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/aggregate/decide-outcome.ts
/**
 * Partial success as the original system defined it (>= threshold, 80% by default), except that a run
 * with no successful task is never a success, even with a threshold of 0.
 */
function decideOutcome(results, threshold) {
    const total = results.length;
    const succeeded = results.filter((r) => r.succeeded).length;
    const rate = total === 0 ? 0 : Math.round((succeeded / total) * 1000) / 10;
    const passed = succeeded > 0 && rate >= threshold;
    const verdict = total > 0 && succeeded === total ? "all-succeeded" : passed ? "partial-success" : "failure";
    return { total, succeeded, failed: total - succeeded, rate, verdict, passed };
}

// EXTERNAL MODULE: ./src/plan/render-sub-issue.ts
var render_sub_issue = __webpack_require__(8782);
// EXTERNAL MODULE: ./src/security/neutralize-title.ts
var neutralize_title = __webpack_require__(21676);
;// CONCATENATED MODULE: ./src/aggregate/render-follow-up.ts



/** What usually causes each kind of failure, and what to do about it. */
const LIKELY_CAUSE = {
    TIMEOUT: "The agent did not finish in time. The task may be too large for one agent: split it, or raise `timeout-minutes`.",
    HUNG: "The agent stopped producing output, often while waiting on a network call or an interactive prompt.",
    AGENT_ERROR: "The agent reported a failure: read its final message and log below.",
    API_ERROR: "The model API refused or failed (credentials, rate limits, or an outage). Check the API key secret and the provider's status.",
    LIMIT_EXCEEDED: "The agent hit its turn or budget limit before finishing. Raise `max-turns` / `max-budget-usd`, or narrow the task.",
    NO_CHANGES: "The agent finished without changing any file: the task may be unclear, already done, or outside what its tools allow.",
    PUSH_FAILED: "The task branch could not be pushed, usually because someone else pushed to it meanwhile. Check the branch, then retry.",
    SECRET_IN_CHANGES: "The agent wrote a credential of the job (an API key, a token) into the files it committed, so nothing was pushed. Find out why from its log (a prompt injection in the task text?), then retry; rotate the key if you doubt the runner.",
    PR_FAILED: "The branch was pushed but the pull request could not be opened (permissions: allow GitHub Actions to create pull requests, or pass a PR token).",
    CANCELLED: "The job was cancelled before the agent finished.",
    CRASHED: "The agent or the action crashed: see the log excerpt and the job log.",
    INSTALL_FAILED: "The agent CLI could not be installed or started.",
    MISSING_STATUS: "No status arrived: the job was cancelled, its runner was lost, or it hit the job's time limit before uploading. Check the job log.",
    INVALID_STATUS: "The status document could not be trusted (invalid, about another task, or claiming a pull request that does not match).",
};
/** Marker attributes of a task's follow-up issue. */
function followUpMarker(master, taskId) {
    return { master, task: taskId };
}
function followUpTitle(master, result) {
    return `[Master #${master}] Task ${result.task.id} failed (${result.outcome}): ${(0,neutralize_title/* neutralizeTitle */._)((0,render_sub_issue/* safeTitle */.CL)(result.task.title, 120))}`;
}
/** The diagnostic issue for one failed task: what failed, why it likely did, the log, how to retry. */
function renderFollowUp(master, result, runUrl) {
    const s = result.status;
    const log = s?.log_excerpt ?? "";
    const fence = "`".repeat(Math.max(3, ...[...log.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    return [
        (0,markers/* renderMarker */.Bd)("follow-up", followUpMarker(master, result.task.id)),
        `**Master issue**: #${master} · **Task** ${result.task.id}${result.task.subIssue ? ` · **Sub-issue**: #${result.task.subIssue}` : ""}`,
        "",
        "## What failed",
        "",
        `- **Outcome**: ${result.outcome}`,
        `- **Error type**: ${result.errorType ?? "UNKNOWN"}`,
        `- **Message**: ${(0,render_sub_issue/* safeLine */.om)(result.reason)}`,
        // Absent items are left out, not left blank: a blank line would split the list in two.
        ...(s
            ? [
                `- **Agent**: ${s.agent.kind}, exit code ${s.exit_code ?? "none"}${s.signal ? `, signal ${s.signal}` : ""}${s.num_turns !== null ? `, ${s.num_turns} turns` : ""}, branch \`${s.branch_name}\``,
            ]
            : []),
        ...(s && s.denied_tools.length > 0
            ? [
                `- **Refused tool uses**: ${s.denied_tools.map((t) => `\`${t.replace(/`/g, "'")}\``).join(", ")} — grant what the task needs with \`allowed-tools\``,
            ]
            : []),
        `- **Run**: ${runUrl}`,
        "",
        "## Likely cause",
        "",
        LIKELY_CAUSE[result.errorType ?? ""] ?? "Unknown: read the log excerpt and the job log.",
        "",
        ...(log ? ["## Agent log excerpt (secrets redacted)", "", `${fence}text`, log, fence, ""] : []),
        ...(s?.final_message ? ["## The agent's final message", "", (0,render_sub_issue/* safeMarkdown */.fH)(s.final_message), ""] : []),
        "## How to retry",
        "",
        "Fix the cause if it is outside the agent (credentials, permissions, a task that is too large), then run the orchestration workflow again with `retry: true`: only the tasks that did not succeed run again, on the same branches and sub-issues.",
        "",
        "---",
        "*Opened by Parallel Task Orchestrator.*",
    ]
        .join("\n")
        .replace(/\n{3,}/g, "\n\n");
}

// EXTERNAL MODULE: ./src/agent/render-agent-report.ts
var render_agent_report = __webpack_require__(66252);
// EXTERNAL MODULE: ./src/github/fit-rows.ts
var fit_rows = __webpack_require__(5184);
// EXTERNAL MODULE: ./src/security/sanitize-untrusted-text.ts + 1 modules
var sanitize_untrusted_text = __webpack_require__(6183);
// EXTERNAL MODULE: ./src/aggregate/summary-data.ts
var summary_data = __webpack_require__(64168);
;// CONCATENATED MODULE: ./src/aggregate/render-summary.ts






/** GitHub refuses comments over 65,536 characters; leave room for the marker and data lines. */
const SUMMARY_BUDGET = 60_000;
const ICON = { success: "✅" };
function cell(text, max = 70) {
    const short = text.length > max ? `${text.slice(0, max - 1)}…` : text;
    return (0,sanitize_untrusted_text/* escapeMarkdownInline */.E)(short);
}
/** A task's figures: from this run's status, or as an earlier run recorded them for a carried-over task. */
function figuresOf(r) {
    if (r.status)
        return figuresOfStatus(r.status);
    return r.earlier ?? null;
}
/** Duration, turns, cost and lines; an earlier run's figures in italics, explained under the table. */
function figureCells(r) {
    const f = figuresOf(r);
    if (!f)
        return ["—", "—", "—", "—"];
    const mark = (text) => (r.carriedOver && text !== "—" ? `*${text}*` : text);
    return [
        (0,render_agent_report/* formatDuration */.a3)(f.duration_seconds),
        f.num_turns === null ? "—" : String(f.num_turns),
        (0,render_agent_report/* formatCost */.BD)(f.cost_usd),
        `+${f.lines_added} −${f.lines_removed}`,
    ].map(mark);
}
function row(r) {
    const icon = r.succeeded ? "✅" : (ICON[r.outcome] ?? "❌");
    const outcome = `${icon} ${r.outcome}${r.carriedOver ? " (earlier run)" : ""}`;
    return [
        r.task.id,
        cell(r.task.title),
        r.task.subIssue ? `#${r.task.subIssue}` : "—",
        outcome,
        r.prNumber ? `#${r.prNumber}` : "—",
        ...figureCells(r),
    ].join(" | ");
}
/** Seconds between the first agent's start and the last one's end: what the user actually waited. */
function wallSeconds(results) {
    const statuses = results.flatMap((r) => (r.status && !r.carriedOver ? [r.status] : []));
    if (statuses.length === 0)
        return 0;
    const start = Math.min(...statuses.map((s) => Date.parse(s.start_time)));
    const end = Math.max(...statuses.map((s) => Date.parse(s.completion_time)));
    return Math.max(0, (end - start) / 1000);
}
/** A mermaid gantt chart of this run's agents; names are ours (task ids), never issue text. */
function renderGantt(results) {
    const ran = results.filter((r) => r.status && !r.carriedOver);
    if (ran.length === 0)
        return [];
    const lines = [
        "```mermaid",
        "gantt",
        "  title Agents of this run over time",
        "  dateFormat X",
        "  axisFormat %H:%M:%S",
    ];
    lines.push("  section Tasks");
    for (const r of ran) {
        const s = r.status;
        const start = Math.floor(Date.parse(s.start_time) / 1000);
        const end = Math.max(start + 1, Math.ceil(Date.parse(s.completion_time) / 1000));
        const tag = r.succeeded ? "done" : "crit";
        lines.push(`  Task ${r.task.id} ${r.succeeded ? "ok" : r.outcome.replace(/[^a-z_]/g, "")} :${tag}, t${r.task.id}, ${start}, ${end}`);
    }
    lines.push("```");
    return lines;
}
/** Files changed by more than one task's pull request: they will conflict, or at least need a careful merge. */
function findOverlaps(results) {
    const byFile = new Map();
    for (const r of results) {
        if (!r.status || r.prNumber === null)
            continue;
        for (const file of r.status.files_changed)
            byFile.set(file, [...(byFile.get(file) ?? []), r.task.id]);
    }
    return [...byFile.entries()]
        .filter(([, tasks]) => tasks.length > 1)
        .map(([file, tasks]) => ({ file, tasks }));
}
/** Cost, tokens and lines of every task with figures: after a retry, the combined result of all runs. */
function totalsLine(results) {
    const figures = results.flatMap((r) => {
        const f = figuresOf(r);
        return f ? [f] : [];
    });
    const sum = (pick) => figures.reduce((total, f) => total + pick(f), 0);
    const costKnown = figures.some((f) => f.cost_usd !== null);
    const tokens = figures.some((f) => f.tokens !== null)
        ? `${sum((f) => f.tokens?.input ?? 0).toLocaleString("en-US")} in / ${sum((f) => f.tokens?.output ?? 0).toLocaleString("en-US")} out`
        : "—";
    const earlier = results.filter((r) => r.carriedOver && r.earlier).length;
    const scope = earlier > 0 ? ` (this run and ${plural(earlier, "task")} from earlier runs)` : "";
    return `**Totals**${scope}: cost ${costKnown ? (0,render_agent_report/* formatCost */.BD)(sum((f) => f.cost_usd ?? 0)) : "—"} · tokens ${tokens} · lines +${sum((f) => f.lines_added)} −${sum((f) => f.lines_removed)}`;
}
/**
 * Wall clock against summed agent time, of this run's agents only: an earlier run's agents ran at another
 * time, so adding their durations would inflate the speedup.
 */
function timeLine(results) {
    const statuses = results.flatMap((r) => (r.status && !r.carriedOver ? [r.status] : []));
    if (statuses.length === 0)
        return "**Time** (this run): no agent ran";
    const agentSeconds = statuses.reduce((total, s) => total + s.duration_seconds, 0);
    const wall = wallSeconds(results);
    const speedup = wall > 0 ? ` (${(agentSeconds / wall).toFixed(1)}× faster than one after another)` : "";
    return `**Time** (this run's ${plural(statuses.length, "agent")}): ${(0,render_agent_report/* formatDuration */.a3)(wall)} wall clock vs ${(0,render_agent_report/* formatDuration */.a3)(agentSeconds)} of agent time summed${speedup}`;
}
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
function attemptsLine(data) {
    if (data.attempts.length <= 1)
        return "";
    const parts = data.attempts.map((a, i) => `${i === 0 ? "first run" : `retry ${i}`} ${a.succeeded.length}/${a.ran.length}`);
    const total = Object.keys(data.tasks).length;
    const ok = Object.values(data.tasks).filter((t) => t.succeeded).length;
    return `**Attempts**: ${parts.join(", ")}, combined ${ok}/${total}`;
}
const VERDICT = {
    "all-succeeded": "✅ All tasks succeeded",
    "partial-success": "⚠️ Partial success",
    failure: "❌ Below the success threshold",
};
/**
 * The summary comment (and job summary): verdict, one row per task, totals and real speedup, a timeline,
 * merge-conflict risks and next steps, plus the hidden data a retry reads. Untrusted text is escaped.
 * Rows are dropped to fit GitHub's comment limit, with a pointer to the job summary.
 */
function renderSummary(input, budget = SUMMARY_BUDGET) {
    const { master, results, decision, threshold, followUps } = input;
    const attempts = attemptsLine(input.data);
    const head = [
        (0,markers/* renderMarker */.Bd)("summary", { master }),
        `## 🤖 Parallel orchestration of #${master}: ${VERDICT[decision.verdict]}`,
        "",
        `**Success rate**: ${decision.succeeded}/${decision.total} (${decision.rate}%, threshold ${threshold}%)`,
        ...(attempts ? [attempts] : []),
        [totalsLine(results), timeLine(results)].join("  \n"),
        "",
    ];
    const tableHead = [
        "| Task | Title | Sub-issue | Status | PR | Duration | Turns | Cost | Lines |",
        "|---|---|---|---|---|---|---|---|---|",
    ];
    const rows = results.map((r) => `| ${row(r)} |`);
    const legend = results.some((r) => r.earlier)
        ? [
            "",
            "*Tasks marked (earlier run) were not run again: their figures, in italics, are those of the run that last ran them.*",
        ]
        : [];
    const failures = results.filter((r) => !r.succeeded);
    const failureLines = failures.length
        ? [
            "### Failures",
            "",
            ...failures.map((r) => `- **Task ${r.task.id}** (${r.outcome}): ${cell(r.reason, 300)}${followUps.has(r.task.id) ? ` → #${followUps.get(r.task.id)}` : ""}`),
            "",
        ]
        : [];
    const overlaps = findOverlaps(results);
    const overlapLines = [
        "### Overlap check",
        "",
        ...(overlaps.length
            ? [
                "These files are changed by more than one pull request; merge those one at a time and expect conflicts:",
                "",
                ...overlaps
                    .slice(0, 50)
                    .map((o) => `- \`${o.file.replace(/`/g, "")}\`: tasks ${o.tasks.join(", ")}`),
            ]
            : ["✅ No file is changed by more than one pull request."]),
        "",
    ];
    const next = [
        "### Next steps",
        "",
        ...results
            .filter((r) => r.succeeded && r.prNumber)
            .map((r) => `- [ ] Review and merge #${r.prNumber} (task ${r.task.id})`),
        ...failures.map((r) => followUps.has(r.task.id)
            ? `- [ ] Investigate #${followUps.get(r.task.id)} (task ${r.task.id}, ${r.outcome})`
            : `- [ ] Investigate task ${r.task.id} (${r.outcome})`),
        ...(failures.length ? ["- [ ] Retry the failed tasks: run the workflow again with `retry: true`"] : []),
        "",
    ];
    const footer = [
        `---`,
        `*[Workflow run and full job summary](${input.runUrl}) · Parallel Task Orchestrator*`,
        (0,summary_data/* renderSummaryData */.tX)(input.data),
    ];
    const sections = [...failureLines, ...overlapLines, ...renderGantt(results), "", ...next, ...footer];
    const fixed = [...head, ...tableHead, ...legend, "", ...sections].join("\n").length + 200;
    const { kept, omitted } = (0,fit_rows/* fitRows */.z)(rows, budget, fixed);
    const table = [...tableHead, ...kept, ...legend];
    if (omitted > 0)
        table.push("", `*…${omitted} more tasks: see the [job summary](${input.runUrl}).*`);
    let body = [...head, ...table, "", ...sections].join("\n");
    if (body.length > budget) {
        // Even the fixed sections are too long (thousands of overlaps or failures): keep head, table and data.
        body = [
            ...head,
            ...table,
            "",
            `*The rest of this report is in the [job summary](${input.runUrl}).*`,
            (0,summary_data/* renderSummaryData */.tX)(input.data),
        ].join("\n");
    }
    return body;
}

;// CONCATENATED MODULE: ./src/aggregate/aggregate.ts











/** GitHub shows step summaries up to 1 MiB. */
const JOB_SUMMARY_BUDGET = 900_000;
/**
 * Aggregate mode:
 * 1. load the plan and the state our previous summary comment recorded (for retries)
 * 2. collect and check every planned task's status (missing or forged ones fail)
 * 3. combine with tasks carried over from earlier runs and decide against the threshold
 * 4. open one follow-up issue per failed task (reused on later runs), under its sub-issue
 * 5. upsert the one summary comment on the master issue
 */
async function runAggregate(deps, inputs) {
    const { github, log } = deps;
    const master = inputs["master-issue"];
    const plan = await (0,load_plan/* loadPinnedPlan */.q)(deps.artifacts, master, (0,src_inputs/* planPinOf */.ys)(inputs));
    if (plan.dry_run) {
        const report = `Dry run of #${master}: ${plan.tasks.length} tasks planned, nothing ran. The plan is in the comment on the master issue.`;
        const decision = decideOutcome([], inputs["success-threshold"]);
        return {
            decision: { ...decision, passed: true },
            results: [],
            report,
            fullReport: report,
            followUps: {},
            pullRequests: [],
            dryRun: true,
        };
    }
    const trusted = await (0,stage_context/* resolveTrustedLogin */.Rf)(github, inputs["bot-login"]);
    const comments = await github.listComments(master);
    const ours = comments.find((c) => (0,markers/* isTrustedAuthor */.Xw)(c.user, trusted) && (0,markers/* hasMarker */.xY)(c.body, "summary", { master }));
    const previous = ours ? (0,summary_data/* readSummaryData */.Ls)(ours.body, master) : undefined;
    const fresh = await log.group(`Collecting ${plan.tasks.length} statuses`, () => collectStatuses({
        store: deps.artifacts,
        github,
        master,
        runAttempt: deps.run.runAttempt,
        tasks: plan.tasks,
    }));
    for (const r of fresh)
        log.info(`Task ${r.task.id}: ${r.outcome}${r.succeeded ? "" : ` — ${r.reason}`}`);
    const followUps = new Map();
    /**
     * The results and report on top of an earlier summary. Folding into a concurrent run's summary, a task
     * that run finished keeps its success even where this run failed it (typically: its push was rejected
     * because the other run had pushed the same branch): each task is counted once, as done if either did.
     */
    const compose = (earlier, folding = false) => {
        const keepEarlier = new Set(folding
            ? fresh.filter((r) => !r.succeeded && earlier?.tasks[r.task.id]?.succeeded).map((r) => r.task.id)
            : []);
        const ran = fresh.filter((r) => !keepEarlier.has(r.task.id));
        const results = [...carriedOver(earlier, new Set(ran.map((r) => r.task.id))), ...ran].sort((a, b) => Number(a.task.id) - Number(b.task.id));
        const decision = decideOutcome(results, inputs["success-threshold"]);
        for (const [id, state] of Object.entries(earlier?.tasks ?? {}))
            if (state.follow_up && !followUps.has(id))
                followUps.set(id, state.follow_up);
        const data = nextSummaryData(earlier, master, deps, fresh, results, followUps);
        const summaryInput = {
            master,
            results,
            decision,
            threshold: inputs["success-threshold"],
            data,
            followUps,
            runUrl: deps.runUrl,
        };
        return {
            results,
            decision,
            report: renderSummary(summaryInput),
            fullReport: () => renderSummary(summaryInput, JOB_SUMMARY_BUDGET),
        };
    };
    // Follow-ups known from earlier runs are reused rather than looked up again.
    for (const [id, state] of Object.entries(previous?.tasks ?? {}))
        if (state.follow_up)
            followUps.set(id, state.follow_up);
    if (inputs["create-follow-up-issues"]) {
        for (const r of fresh.filter((f) => !f.succeeded)) {
            try {
                followUps.set(r.task.id, await ensureFollowUp(deps, inputs, trusted, master, r, followUps.get(r.task.id)));
            }
            catch (error) {
                log.warning(`Could not open the follow-up issue of task ${r.task.id}: ${(0,logger/* errorMessage */.g)(error)}`);
            }
        }
    }
    let summary = compose(previous);
    if (ours) {
        if (ours.body !== summary.report)
            await github.updateComment(ours.id, summary.report);
    }
    else {
        const created = await github.createComment(master, summary.report);
        // Another aggregate of this master issue may have created its summary at the same moment (a workflow
        // without our concurrency group). Read back once: the oldest summary stays, and a later one folds its
        // run into it and deletes itself, so the issue keeps one summary that counts every task once.
        const older = (await github.listComments(master)).find((c) => c.id < created.id && (0,markers/* isTrustedAuthor */.Xw)(c.user, trusted) && (0,markers/* hasMarker */.xY)(c.body, "summary", { master }));
        if (older) {
            log.warning(`Another run wrote the summary of #${master} at the same time: folding this run into it (comment ${older.id}).`);
            summary = compose((0,summary_data/* readSummaryData */.Ls)(older.body, master), true);
            await github.updateComment(older.id, summary.report);
            await github.deleteComment(created.id);
        }
    }
    const { results, decision, report } = summary;
    return {
        decision,
        results,
        report,
        fullReport: summary.fullReport(),
        followUps: Object.fromEntries(followUps),
        pullRequests: results.flatMap((r) => r.prNumber ? [{ task: r.task.id, number: r.prNumber, url: r.prUrl }] : []),
        dryRun: false,
    };
}
/** Tasks an earlier run finished that this (retry) run did not run again. */
function carriedOver(previous, ran) {
    if (!previous)
        return [];
    return Object.entries(previous.tasks)
        .filter(([id]) => !ran.has(id))
        .map(([id, state]) => ({
        task: { id, title: state.title, subIssue: state.sub_issue, branch: "" },
        succeeded: state.succeeded,
        outcome: state.outcome,
        errorType: null,
        reason: state.succeeded
            ? "Succeeded in an earlier run."
            : `Failed in an earlier run (${state.outcome}) and was not retried.`,
        status: null,
        prNumber: state.pr,
        prUrl: null,
        attempt: null,
        carriedOver: true,
        ...(UNUSABLE_STATUS_OUTCOMES.has(state.outcome) ? {} : { earlier: figuresOfState(state) }),
    }));
}
/** The figures an earlier run recorded for a task; turns and tokens are unknown in older summaries. */
function figuresOfState(state) {
    return {
        duration_seconds: state.duration_seconds,
        num_turns: state.num_turns ?? null,
        cost_usd: state.cost_usd,
        tokens: state.tokens ?? null,
        lines_added: state.lines_added,
        lines_removed: state.lines_removed,
    };
}
function nextSummaryData(previous, master, deps, fresh, results, followUps) {
    const runKey = (a) => `${a.run_id}/${a.run_attempt}`;
    const thisRun = { run_id: deps.run.runId, run_attempt: deps.run.runAttempt };
    // An aggregate job re-run on the same run attempt replaces its own entry instead of adding one.
    const earlier = (previous?.attempts ?? []).filter((a) => runKey(a) !== runKey(thisRun));
    const same = (previous?.attempts ?? []).find((a) => runKey(a) === runKey(thisRun));
    const attempt = {
        ...thisRun,
        finished_at: same?.finished_at ?? deps.now().toISOString(),
        ran: fresh.map((r) => r.task.id),
        succeeded: fresh.filter((r) => r.succeeded).map((r) => r.task.id),
    };
    const tasks = { ...(previous?.tasks ?? {}) };
    for (const r of results) {
        if (r.carriedOver)
            continue;
        const figures = r.status ? figuresOfStatus(r.status) : null;
        tasks[r.task.id] = {
            title: r.task.title.slice(0, 80),
            succeeded: r.succeeded,
            outcome: r.outcome,
            sub_issue: r.task.subIssue,
            pr: r.prNumber,
            follow_up: followUps.get(r.task.id) ?? null,
            duration_seconds: figures?.duration_seconds ?? 0,
            cost_usd: figures?.cost_usd ?? null,
            lines_added: figures?.lines_added ?? 0,
            lines_removed: figures?.lines_removed ?? 0,
            num_turns: figures?.num_turns ?? null,
            tokens: figures?.tokens ?? null,
        };
    }
    return { version: 1, master, attempts: [...earlier, attempt], tasks };
}
async function ensureFollowUp(deps, inputs, trusted, master, result, known) {
    const { github } = deps;
    if (known !== undefined)
        return known;
    const marker = followUpMarker(master, result.task.id);
    const parent = result.task.subIssue;
    const oursUnder = async (issue) => (await github.listSubIssues(issue)).filter((i) => (0,markers/* isTrustedAuthor */.Xw)(i.user, trusted) && (0,markers/* hasMarker */.xY)(i.body, "follow-up", marker));
    if (parent !== null) {
        const existing = await oursUnder(parent);
        if (existing[0])
            return existing[0].number;
    }
    const followUp = {
        title: followUpTitle(master, result),
        body: renderFollowUp(master, result, deps.runUrl),
        labels: inputs["follow-up-labels"],
    };
    // Under the task's sub-issue in one content-creating request, where there is one.
    const issue = parent !== null ? await github.createSubIssue(parent, followUp) : await github.createIssue(followUp);
    deps.log.info(`Task ${result.task.id}: follow-up issue #${issue.number}`);
    if (parent === null)
        return issue.number;
    // Another aggregate of the same master issue may have opened the same follow-up at the same moment:
    // the oldest stays, a later copy is closed as its duplicate and unlinked.
    const [oldest] = (await oursUnder(parent)).sort((a, b) => a.number - b.number);
    if (!oldest || oldest.number === issue.number)
        return issue.number;
    deps.log.warning(`Follow-up #${issue.number} duplicates #${oldest.number} (opened by another run): closing it.`);
    await github.closeAsDuplicate(issue.number, oldest.id);
    await github.removeSubIssue(parent, issue.id);
    return oldest.number;
}


/***/ }),

/***/ 64168:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ls: () => (/* binding */ readSummaryData),
/* harmony export */   tX: () => (/* binding */ renderSummaryData)
/* harmony export */ });
/* unused harmony export summaryDataSchema */
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32716);


/**
 * Machine-readable state the aggregator embeds in its summary comment, so a later `retry: true` run
 * knows exactly which tasks succeeded without guessing from prose. Read only from the comment our own
 * account wrote (see markers.ts); validated with a schema because even our comment can be edited by a
 * repository admin.
 */
const taskStateSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    /** The task title, cut to 80 characters, for rows of tasks carried over from earlier runs. */
    title: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    succeeded: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    outcome: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    sub_issue: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nullable(),
    pr: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nullable(),
    follow_up: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nullable(),
    /** Totals kept for the combined report of later runs. */
    duration_seconds: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative(),
    cost_usd: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative().nullable(),
    lines_added: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
    lines_removed: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
    /**
     * Turns and tokens (input with cache reads, output), null when the agent did not report them. Optional:
     * summaries written before they were recorded must still parse, and then show no turns or tokens.
     */
    num_turns: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative().nullable().optional(),
    tokens: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ input: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(), output: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative() })
        .nullable()
        .optional(),
});
const attemptSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    run_id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    run_attempt: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().positive(),
    finished_at: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    /** Ids of the tasks this run executed, and of those that succeeded. */
    ran: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
    succeeded: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
});
const summaryDataSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    version: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(1),
    master: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().positive(),
    attempts: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(attemptSchema),
    tasks: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), taskStateSchema),
});
const DATA_PATTERN = /<!-- parallel-task-orchestrator-data ([A-Za-z0-9_-]+) -->/;
/**
 * The hidden line carrying the data: deflated (256 tasks must fit beside the report in one comment) and
 * base64url-encoded, so nothing in it can end the HTML comment.
 */
function renderSummaryData(data) {
    return `<!-- parallel-task-orchestrator-data ${(0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.deflateRawSync)(JSON.stringify(data)).toString("base64url")} -->`;
}
/** The data in a summary comment body, or undefined when absent or not valid. */
function readSummaryData(body, master) {
    const match = DATA_PATTERN.exec(body);
    if (!match)
        return undefined;
    try {
        const parsed = summaryDataSchema.safeParse(JSON.parse((0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.inflateRawSync)(Buffer.from(match[1], "base64url"), { maxOutputLength: 4_000_000 }).toString("utf8")));
        return parsed.success && parsed.data.master === master ? parsed.data : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 89267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ loadPinnedPlan)
/* harmony export */ });
/* unused harmony export PlanNotFoundError */
/* harmony import */ var _plan_plan_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(30030);

/** Raised when the plan document of the run cannot be found or trusted. */
class PlanNotFoundError extends Error {
    constructor(message) {
        super(message);
        this.name = "PlanNotFoundError";
    }
}
/** Plan documents are a few hundred KB at 256 tasks; far more is not one the plan job wrote. */
const MAX_PLAN_BYTES = 16 * 1024 * 1024;
/** The plan document the pin names, refused unless its bytes hash to the pinned digest and it plans `master`. */
async function loadPinnedPlan(store, master, pin) {
    const artifact = { id: pin.artifactId, name: `plan of #${master}`, size: 0 };
    let json;
    try {
        json = await store.downloadJson(artifact, MAX_PLAN_BYTES, pin.sha256);
    }
    catch (error) {
        throw new PlanNotFoundError(`The plan document (artifact id ${pin.artifactId}) could not be used: ${error instanceof Error ? error.message : String(error)}`);
    }
    const plan = (0,_plan_plan_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .parsePlanDocument */ .Ey)(json);
    if (plan.master_issue.number !== master) {
        throw new PlanNotFoundError(`Artifact ${pin.artifactId} is the plan of #${plan.master_issue.number}, not #${master}.`);
    }
    return plan;
}


/***/ }),

/***/ 5184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ fitRows)
/* harmony export */ });
/**
 * The table rows that fit in `budget` characters next to `fixedLength` characters of other content,
 * in order, and how many were left out. GitHub refuses comments over 65,536 characters, so long reports
 * drop rows rather than fail to post.
 */
function fitRows(rows, budget, fixedLength) {
    const kept = [];
    let used = fixedLength;
    for (const row of rows) {
        if (used + row.length + 1 > budget)
            break;
        kept.push(row);
        used += row.length + 1;
    }
    return { kept, omitted: rows.length - kept.length };
}


/***/ }),

/***/ 64377:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w$: () => (/* binding */ datetime)
/* harmony export */ });
/* unused harmony exports date, time, duration */
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43759);
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32716);



function datetime(params) {
    return _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* ._isoDateTime */ .G1(_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .ZodISODateTime */ .You, params);
}
function date(params) {
    return core._isoDate(ZodISODate, params);
}
function time(params) {
    return core._isoTime(ZodISOTime, params);
}
function duration(params) {
    return core._isoDuration(ZodISODuration, params);
}


/***/ })

};
