export const id = 429;
export const ids = [429];
export const modules = {

/***/ 43429:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitError: () => (/* binding */ GitError),
/* harmony export */   authArgs: () => (/* binding */ authArgs),
/* harmony export */   createGitRunner: () => (/* binding */ createGitRunner),
/* harmony export */   createWorkspace: () => (/* binding */ createWorkspace),
/* harmony export */   parseNumstat: () => (/* binding */ parseNumstat)
/* harmony export */ });
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(59636);

/** Raised when a git command fails; the message names the command (never a credential). */
class GitError extends Error {
    args;
    result;
    constructor(args, result) {
        super(`git ${args.filter((a) => !a.startsWith("http.")).join(" ")} failed (${result.exitCode}): ${result.stderr.trim().slice(0, 500)}`);
        this.args = args;
        this.result = result;
        this.name = "GitError";
    }
}
/**
 * A git runner over @actions/exec for one working directory. The environment is non-interactive so a
 * missing credential fails at once instead of waiting for a prompt nobody will answer.
 */
function createGitRunner(cwd, baseEnv = process.env) {
    return async (args, options = {}) => {
        const env = {};
        for (const [k, v] of Object.entries(baseEnv))
            if (v !== undefined)
                env[k] = v;
        Object.assign(env, { GIT_TERMINAL_PROMPT: "0", GCM_INTERACTIVE: "Never", LC_ALL: "C" }, options.env);
        const result = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H)("git", args, {
            cwd,
            env,
            silent: true,
            ignoreReturnCode: true,
            ...(options.input !== undefined ? { input: Buffer.from(options.input, "utf8") } : {}),
        });
        const out = { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
        if (out.exitCode !== 0 && !options.allowFailure)
            throw new GitError(args, out);
        return out;
    };
}
const BOT_IDENTITY = {
    GIT_AUTHOR_NAME: "Parallel Task Orchestrator",
    GIT_AUTHOR_EMAIL: "parallel-task-orchestrator@users.noreply.github.com",
    GIT_COMMITTER_NAME: "Parallel Task Orchestrator",
    GIT_COMMITTER_EMAIL: "parallel-task-orchestrator@users.noreply.github.com",
};
/**
 * `git -c http.extraheader=…` arguments authenticating one command with `token`, the way actions/checkout
 * does, but for that command only: nothing is written to the repository's config, where the agent
 * could read it.
 */
function authArgs(token) {
    if (!token)
        return [];
    const basic = Buffer.from(`x-access-token:${token}`).toString("base64");
    return ["-c", `http.extraheader=AUTHORIZATION: basic ${basic}`];
}
/** The workspace of one checkout; `token` authenticates fetch and push (private repositories need both). */
function createWorkspace(git, token) {
    const auth = authArgs(token);
    const fetchBase = async (base) => {
        await git([...auth, "fetch", "--no-tags", "origin", `+refs/heads/${base}:refs/remotes/origin/${base}`]);
    };
    return {
        fetchBase,
        async prepareBranch(branch, base, options = {}) {
            if (!options.baseFetched)
                await fetchBase(base);
            const remote = await git([...auth, "fetch", "--no-tags", "origin", `+refs/heads/${branch}:refs/remotes/origin/${branch}`], {
                allowFailure: true,
            });
            const reused = remote.exitCode === 0;
            const start = reused ? `refs/remotes/origin/${branch}` : `refs/remotes/origin/${base}`;
            // rev-parse only reads: it need not wait for the checkout.
            const [, startSha] = await Promise.all([
                git(["checkout", "--force", "-B", branch, start]),
                reused ? git(["rev-parse", start]).then((r) => r.stdout.trim()) : Promise.resolve(""),
            ]);
            return { reused, startSha };
        },
        async filesContaining(base, commits, needles) {
            const patterns = needles.filter((n) => n !== "" && !/[\r\n]/.test(n));
            if (patterns.length === 0 || commits.length === 0)
                return [];
            const baseRef = `refs/remotes/origin/${base}`;
            // `git grep -l` prints `<rev>:<path>` per file with a match; exit code 1 means no match at all.
            const grep = async (revs) => {
                const result = await git(["grep", "-a", "-F", "-l", "-f", "-", ...revs, "--"], {
                    allowFailure: true,
                    input: `${patterns.join("\n")}\n`,
                });
                if (result.exitCode > 1)
                    throw new GitError(["grep", "-f", "-", "…"], result);
                return result.stdout
                    .split("\n")
                    .filter(Boolean)
                    .map((line) => {
                    const at = line.indexOf(":");
                    return { commit: line.slice(0, at), path: line.slice(at + 1) };
                });
            };
            const found = await grep([...commits]);
            if (found.length === 0)
                return found;
            // Only when something matched: a file that already held it on the base is not this branch's doing.
            const onBase = new Set((await grep([baseRef])).map((m) => m.path));
            return found.filter((m) => !onBase.has(m.path));
        },
        async commitAll(message) {
            await git(["add", "--all"]);
            const staged = await git(["diff", "--cached", "--quiet"], { allowFailure: true });
            if (staged.exitCode === 0)
                return false;
            await git(["commit", "--no-verify", "-m", message], { env: BOT_IDENTITY });
            return true;
        },
        async changesSince(base) {
            const range = `refs/remotes/origin/${base}..HEAD`;
            // Both only read: run them together.
            const [list, numstat] = await Promise.all([
                git(["rev-list", range]),
                git(["diff", "--numstat", "-z", `refs/remotes/origin/${base}...HEAD`]),
            ]);
            const shas = list.stdout.split("\n").filter(Boolean);
            return { commits: shas.length, shas: shas.slice(0, 1000), ...parseNumstat(numstat.stdout) };
        },
        async push(branch, expectedRemoteSha) {
            return git([
                ...auth,
                "push",
                `--force-with-lease=refs/heads/${branch}:${expectedRemoteSha}`,
                "origin",
                `HEAD:refs/heads/${branch}`,
            ], { allowFailure: true });
        },
        async headSha() {
            return (await git(["rev-parse", "HEAD"])).stdout.trim();
        },
        async removeStoredCredentials() {
            const listed = await git(["config", "--local", "--name-only", "--get-regexp", "^(http\\..*extraheader|includeif\\..*)$"], {
                allowFailure: true,
            });
            const keys = [
                ...new Set(listed.stdout
                    .split("\n")
                    .map((k) => k.trim())
                    .filter(Boolean)),
            ];
            for (const key of keys)
                await git(["config", "--local", "--unset-all", key], { allowFailure: true });
            return keys;
        },
    };
}
/** Parses `git diff --numstat -z`: binary files count as changed with no lines. */
function parseNumstat(output) {
    const files = [];
    let linesAdded = 0;
    let linesRemoved = 0;
    const fields = output.split("\0");
    for (let i = 0; i < fields.length; i++) {
        const entry = fields[i] ?? "";
        if (entry === "")
            continue;
        const [added, removed, path] = entry.split("\t");
        linesAdded += Number(added) || 0;
        linesRemoved += Number(removed) || 0;
        if (path !== undefined && path !== "") {
            files.push(path);
        }
        else {
            // A rename: the next two NUL-separated fields are the old and new paths.
            i += 2;
            if (fields[i])
                files.push(fields[i]);
        }
    }
    return { files, linesAdded, linesRemoved };
}


/***/ })

};
