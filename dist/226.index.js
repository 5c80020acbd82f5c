export const id = 226;
export const ids = [226];
export const modules = {

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

/***/ 87226:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPlanStep: () => (/* binding */ runPlanStep)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: ./src/security/sanitize-untrusted-text.ts + 1 modules
var sanitize_untrusted_text = __webpack_require__(6183);
// EXTERNAL MODULE: ./src/status/status-schema.ts
var status_schema = __webpack_require__(18452);
;// CONCATENATED MODULE: ./src/agent/branch-name.ts


/**
 * Path components of ASCII letters, digits, `_` and `-`, none starting with `-` (git refuses such
 * branch names); `refs/…` is refused too, since `refs/heads/refs/…` would be a confusing branch.
 */
const PREFIX = /^(?!refs(?:\/|$))[A-Za-z0-9_][A-Za-z0-9_-]*(?:\/[A-Za-z0-9_][A-Za-z0-9_-]*)*$/;
const MAX_PREFIX = 100;
const MAX_SLUG = 40;
/** Below this length a cut at the last hyphen would lose too much of the title; cut mid-word instead. */
const MIN_WORD_CUT = 20;
/**
 * The slug of a title: ASCII lower-case letters, digits and single hyphens, at most 40 characters,
 * never empty. Accents are folded (`é` → `e`) and compatibility forms normalised (`ﬁ` → `fi`, full-width
 * letters → ASCII); everything else — punctuation, shell syntax, emoji, other scripts — separates words.
 * Such a slug cannot contain anything git forbids in a ref (`..`, `@{`, `~^:?*[\`, control characters, a
 * leading `-` or `.`, a trailing `.lock`, `.` or `/`).
 */
function slugifyTitle(title) {
    const words = (0,sanitize_untrusted_text/* sanitizeUntrustedText */.T)(title)
        .text.normalize("NFKD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "");
    let slug = words;
    if (slug.length > MAX_SLUG) {
        slug = slug.slice(0, MAX_SLUG);
        const lastHyphen = slug.lastIndexOf("-");
        slug = lastHyphen >= MIN_WORD_CUT ? slug.slice(0, lastHyphen) : slug.replace(/-+$/, "");
    }
    return slug === "" ? "task" : slug;
}
/** Raised for an input that cannot form a valid branch name; the message names the input. */
class BranchNameError extends Error {
    constructor(message) {
        super(message);
        this.name = "BranchNameError";
    }
}
/**
 * The branch one task's agent works on: `<prefix>/<master>/<task>-<slug>`, e.g.
 * `orchestrator/12/3-add-user-auth`. Deterministic, so a re-run of the same task finds the branch its
 * previous attempt pushed. The result always passes `git check-ref-format --branch`.
 */
function taskBranchName(args) {
    const { prefix = "orchestrator", master, taskId, title } = args;
    if (prefix.length > MAX_PREFIX || !PREFIX.test(prefix)) {
        throw new BranchNameError(`Input "branch-prefix" must be path components of letters, digits, "_" and "-" such as "orchestrator" or "ai/tasks" (at most ${MAX_PREFIX} characters); got ${JSON.stringify(prefix)}`);
    }
    if (!Number.isSafeInteger(master) || master <= 0) {
        throw new BranchNameError(`Master issue number must be a positive whole number; got ${master}`);
    }
    if (taskId.length > 40 || !status_schema/* TASK_ID_PATTERN */.Fq.test(taskId)) {
        throw new BranchNameError(`Task id must be letters and digits separated by single hyphens; got ${JSON.stringify(taskId)}`);
    }
    return `${prefix}/${master}/${taskId}-${slugifyTitle(title)}`;
}

// EXTERNAL MODULE: ./src/github/markers.ts
var markers = __webpack_require__(23400);
// EXTERNAL MODULE: ./src/logger.ts
var logger = __webpack_require__(86999);
// EXTERNAL MODULE: ./src/github/create-github-client.ts + 1 modules
var create_github_client = __webpack_require__(55897);
;// CONCATENATED MODULE: ./src/security/actor-gate.ts

/** Roles that may start work. GitHub maps maintain to the legacy "write" permission and triage to "read". */
const WRITE_ROLES = new Set(["admin", "maintain", "write"]);
/**
 * Decides whether `actor` may start an orchestration. Coding agents get write access to the repository,
 * so only people who already have it may start them: triage can label issues but is refused.
 * Bots are refused unless allow-listed, and the `ghost` account (deleted users) always is.
 */
async function checkActor(github, actor, allowedBots) {
    const login = actor.login;
    if (login === "" || login.toLowerCase() === "ghost") {
        return {
            allowed: false,
            reason: `Refused: the actor "${login || "(none)"}" is a deleted or unknown account.`,
        };
    }
    const isBot = actor.type === "Bot" || login.endsWith("[bot]");
    if (isBot) {
        const listed = allowedBots.some((bot) => bot.toLowerCase() === login.toLowerCase());
        return listed
            ? { allowed: true, reason: `Allowed: the bot "${login}" is listed in allowed-bots.` }
            : {
                allowed: false,
                reason: `Refused: "${login}" is a bot and is not listed in the allowed-bots input.`,
            };
    }
    let role;
    try {
        role = await github.getPermission(login);
    }
    catch (error) {
        if ((0,create_github_client/* isStatus */.zM)(error, 404)) {
            return { allowed: false, reason: `Refused: "${login}" is not a collaborator of this repository.` };
        }
        throw error;
    }
    if (role.permission === "none" && (role.roleName === "" || role.roleName === "none")) {
        return { allowed: false, reason: `Refused: "${login}" has no access to this repository.` };
    }
    const allowed = WRITE_ROLES.has(role.roleName) || role.permission === "admin" || role.permission === "write";
    return allowed
        ? { allowed: true, reason: `Allowed: "${login}" has the ${role.roleName} role.` }
        : {
            allowed: false,
            reason: `Refused: "${login}" has the ${role.roleName || role.permission} role; starting agents needs write, maintain or admin.`,
        };
}

// EXTERNAL MODULE: ./src/plan/render-sub-issue.ts
var render_sub_issue = __webpack_require__(8782);
;// CONCATENATED MODULE: ./src/plan/build-matrix.ts

function buildMatrix(tasks) {
    return {
        include: tasks.map((t) => ({
            task: t.id,
            sub_issue: t.subIssue,
            branch: t.branch,
            title: (0,render_sub_issue/* safeTitle */.CL)(t.title, 60),
        })),
    };
}

// EXTERNAL MODULE: ./node_modules/mdast-util-from-markdown/lib/index.js + 45 modules
var lib = __webpack_require__(46855);
// EXTERNAL MODULE: ./node_modules/mdast-util-gfm/lib/index.js + 12 modules
var mdast_util_gfm_lib = __webpack_require__(19952);
// EXTERNAL MODULE: ./node_modules/micromark-extension-gfm/index.js + 7 modules
var micromark_extension_gfm = __webpack_require__(52297);
;// CONCATENATED MODULE: ./src/plan/master-issue-markdown.ts



/**
 * Small helpers over the GFM syntax tree shared by the master-issue parser and the task-detail
 * extractors. They work with source offsets so that the markdown we hand on is the author's own text,
 * not a re-serialisation of it.
 */
/** Parses GitHub-flavoured markdown. Offsets in the tree refer to `markdown` exactly. */
function parseMarkdown(markdown) {
    return (0,lib/* fromMarkdown */.Y)(markdown, { extensions: [(0,micromark_extension_gfm/* gfm */.T)()], mdastExtensions: [(0,mdast_util_gfm_lib/* gfmFromMarkdown */.C)()] });
}
/** Start offset of a node in its source (0 for nodes built without positions). */
function startOf(node) {
    return node.position?.start.offset ?? 0;
}
/** End offset of a node in its source. */
function endOf(node) {
    return node.position?.end.offset ?? 0;
}
/** Offset of the beginning of the line holding `offset`. */
function lineStart(source, offset) {
    return source.lastIndexOf("\n", offset - 1) + 1;
}
/** Plain text of a node: emphasis, code and link markers dropped, image alt text kept, html kept raw. */
function nodeText(node) {
    switch (node.type) {
        case "text":
        case "inlineCode":
        case "html":
            return node.value;
        case "break":
            return "\n";
        case "image":
            return node.alt ?? "";
        default:
            return "children" in node ? node.children.map((child) => nodeText(child)).join("") : "";
    }
}
/**
 * Plain text of the part of `node` that lies in the source range [start, end). Split points are always
 * chosen outside code, links and html (see `maskInline`), so only text nodes can be cut; a cut text node
 * contributes its raw source, which differs from its value only around backslash escapes.
 */
function textInRange(node, source, start, end) {
    const from = startOf(node);
    const to = endOf(node);
    if (to <= start || from >= end)
        return "";
    if (from >= start && to <= end)
        return nodeText(node);
    if (node.type === "text")
        return source.slice(Math.max(from, start), Math.min(to, end));
    return "children" in node ? node.children.map((c) => textInRange(c, source, start, end)).join("") : "";
}
/** What `maskInline` puts in place of masked text: a noncharacter, which no prose contains. */
const MASK = "\uFFFF";
const MASKED_ALWAYS = new Set(["inlineCode", "html", "link", "linkReference", "image", "imageReference"]);
const MASKED_EMPHASIS = new Set(["strong", "emphasis", "delete", "footnoteReference"]);
/**
 * The source of `node` with code spans, html, links and images (and, when asked, emphasis) replaced by
 * a filler character of the same length, so that searches for `:`, `.` or `/` only see the author's
 * plain prose while every index still maps onto the source.
 */
function maskInline(node, source, options) {
    const base = startOf(node);
    const chars = source.slice(base, endOf(node)).split("");
    const visit = (n) => {
        if (MASKED_ALWAYS.has(n.type) || (options.emphasis && MASKED_EMPHASIS.has(n.type))) {
            for (let i = startOf(n) - base; i < endOf(n) - base; i++)
                chars[i] = MASK;
            return;
        }
        if ("children" in n)
            for (const child of n.children)
                visit(child);
    };
    visit(node);
    return chars.join("");
}
/** Every node of the subtree, parents before children, without descending into `skip` types. */
function descendants(node, skip = new Set()) {
    const out = [];
    const stack = [node];
    while (stack.length > 0) {
        const n = stack.pop();
        out.push(n);
        if ("children" in n && !skip.has(n.type)) {
            for (let i = n.children.length - 1; i >= 0; i--)
                stack.push(n.children[i]);
        }
    }
    return out;
}
/**
 * Collapses runs of whitespace to one space. U+FEFF counts as whitespace for `\s` in JavaScript but is a
 * zero-width character here: it is kept like the other zero-width characters, for the sanitiser to judge.
 */
function collapseWhitespace(text) {
    return text.replace(/[^\S\uFEFF]+/g, " ").trim();
}
/** Cuts `text` to at most `max` UTF-16 units, ending with "…", without splitting a surrogate pair. */
function truncate(text, max) {
    if (text.length <= max)
        return text;
    let cut = max - 1;
    const last = text.charCodeAt(cut - 1);
    if (last >= 0xd800 && last <= 0xdbff)
        cut--;
    return `${text.slice(0, cut)}…`;
}
/** Removes up to `indent` leading spaces from every line but the first (list-item continuation indent). */
function dedent(text, indent) {
    if (indent <= 0)
        return text;
    const pattern = new RegExp(`\\n {1,${indent}}`, "g");
    return text.replace(pattern, "\n");
}
/** Lookbehind for a sentence end: "e.g. Redis", "vs. Postgres", "Fig. 2" do not end a sentence. */
const NOT_AN_ABBREVIATION = String.raw `(?<!\b(?:[eE]\.g|[iI]\.e|etc|vs|cf|approx|incl|[fF]ig|[nN]o))`;
/** Whether an html block is a comment, which GitHub does not render: template hints, hidden notes. */
function isHtmlComment(node) {
    return node.type === "html" && node.value.trimStart().startsWith("<!--");
}
/** How many `<details>` blocks an html node opens (positive) or closes (negative). */
function detailsDelta(node) {
    if (node.type !== "html")
        return 0;
    const opens = node.value.match(/<details\b/gi)?.length ?? 0;
    const closes = node.value.match(/<\/details\s*>/gi)?.length ?? 0;
    return opens - closes;
}
/**
 * Above this many emphasis delimiters (`*`, `_`, `~`) in one paragraph, the markdown parser's emphasis
 * matching goes quadratic: 65,536 `*_` characters take minutes. No real paragraph comes near it.
 */
const MAX_DELIMITERS_PER_PARAGRAPH = 1000;
const LIST_OR_HEADING = /^\s*(?:[-*+]\s|\d{1,9}[.)]\s|#{1,6}\s)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LEADING_MARKER = /^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?|#{1,6}\s+)?/;
function countDelimiters(text) {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 42 || c === 95 || c === 126)
            n++;
    }
    return n;
}
/** Inert stand-ins: backslash escapes and entities would be safe too, but parse slowly in bulk. */
const LOOK_ALIKES = { "*": "\u2217", _: "\uFF3F", "~": "\u223C" };
/**
 * Replaces the emphasis delimiters of paragraphs that hold more than MAX_DELIMITERS_PER_PARAGRAPH of
 * them by look-alike characters (∗ ＿ ∼), so that a hostile body cannot stall the plan job. Paragraphs
 * are approximated by lines between blank lines, list items and headings; code fences are left alone
 * (the parser matches no emphasis inside them). Ordinary bodies are returned unchanged.
 */
function defuseEmphasisBombs(markdown) {
    if (countDelimiters(markdown) <= MAX_DELIMITERS_PER_PARAGRAPH)
        return markdown;
    const lines = markdown.split("\n");
    let chunk = [];
    let count = 0;
    let fence;
    const flush = () => {
        if (count > MAX_DELIMITERS_PER_PARAGRAPH) {
            for (const i of chunk) {
                const line = lines[i];
                const marker = LEADING_MARKER.exec(line)?.[0] ?? "";
                lines[i] = marker + line.slice(marker.length).replace(/[*_~]/g, (c) => LOOK_ALIKES[c] ?? c);
            }
        }
        chunk = [];
        count = 0;
    };
    lines.forEach((line, i) => {
        const opener = FENCE.exec(line)?.[1];
        if (fence !== undefined) {
            if (opener !== undefined && opener[0] === fence[0] && opener.length >= fence.length)
                fence = undefined;
            return;
        }
        if (opener !== undefined) {
            flush();
            fence = opener;
            return;
        }
        if (line.trim() === "" || LIST_OR_HEADING.test(line))
            flush();
        if (line.trim() === "")
            return;
        chunk.push(i);
        count += countDelimiters(line.slice((LEADING_MARKER.exec(line)?.[0] ?? "").length));
    });
    flush();
    return lines.join("\n");
}

;// CONCATENATED MODULE: ./src/plan/find-task-files.ts

/**
 * Which words of a task's text name files. Backticks are the author saying "this is a path", so a
 * backticked token needs only to look like a path or a known file name; a bare token must contain a
 * slash and look unmistakably like a path, because prose is full of `and/or`, `TCP/IP` and `w/`.
 */
const KNOWN_EXTENSIONS = new Set(("ts tsx mts cts js jsx mjs cjs json jsonc json5 md mdx txt yml yaml toml ini cfg conf env lock xml " +
    "html htm css scss sass less vue svelte astro py pyi rb go rs java kt kts scala cs fs cpp cc c h hpp " +
    "m mm swift dart php lua pl r jl ex exs erl hs clj sql graphql gql proto tf hcl sh bash zsh ps1 bat " +
    "cmd gradle csv tsv svg png jpg jpeg gif webp ico snap ipynb wasm d.ts").split(" "));
const WELL_KNOWN_FILES = new Set([
    "Dockerfile",
    "Makefile",
    "Procfile",
    "Gemfile",
    "Rakefile",
    "Jenkinsfile",
    "Vagrantfile",
    "CODEOWNERS",
    "LICENSE",
    "README",
]);
const DOTFILE = /^\.(?:env(?:\.[\w-]+)?|gitignore|gitattributes|gitmodules|npmrc|nvmrc|node-version|editorconfig|prettierrc|prettierignore|eslintrc|eslintignore|dockerignore|babelrc|browserslistrc|tool-versions)$/;
/** Slash pairs of ordinary prose, compared in lower case. */
const NOT_PATHS = new Set(("and/or or/and i/o tcp/ip udp/ip input/output read/write w/ w/o n/a client/server true/false yes/no " +
    "on/off either/or he/she s/he his/her him/her km/h ci/cd ui/ux async/await try/catch get/set " +
    "frontend/backend front-end/back-end pros/cons dev/prod").split(" "));
/** First directories that make a bare `a/b/c` without an extension a path rather than prose. */
const SOURCE_ROOTS = new Set(("src lib test tests __tests__ spec docs doc packages apps app scripts bin config public assets " +
    "components pages api services internal cmd pkg .github examples tools server client web").split(" "));
const DOMAIN = /^[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|app|co|ai|gov|edu|me|sh|so|xyz|info)$/i;
const PATH_CHARS = /^[\w.\-/*?{},+~]+$/;
function extensionOf(name) {
    const dot = name.indexOf(".", 1);
    if (dot === -1)
        return undefined;
    const ext = name.slice(dot + 1).toLowerCase();
    if (KNOWN_EXTENSIONS.has(ext))
        return ext;
    const lastDot = name.lastIndexOf(".");
    const last = name.slice(lastDot + 1).toLowerCase();
    return lastDot > 0 && KNOWN_EXTENSIONS.has(last) ? last : undefined;
}
/**
 * The normalised path a token names, or undefined when it is not a path. `./x` becomes `x`; directories
 * keep their trailing `/`. URLs, `@scope/pkg`, `owner/repo#1`, absolute paths and API routes (`/api/x`),
 * dates and fractions are not files.
 */
function classifyPathToken(raw, backticked) {
    let token = raw.trim();
    if (!backticked) {
        // Bold or italic markers around a bare path are markdown, not part of it; a glob keeps its stars.
        token = token.replace(/^\*+(?=[\w.])/, "").replace(/(?<=[\w.])\*+$/, "");
        token = token.replace(/[.,;:!?]+$/, "");
    }
    while (token.startsWith("./"))
        token = token.slice(2);
    if (token.length === 0 || token.length > 300 || !PATH_CHARS.test(token))
        return undefined;
    if (token.startsWith("/") || token.startsWith("~") || token.includes("//"))
        return undefined;
    if (token.includes(",") && !token.includes("{"))
        return undefined;
    if (NOT_PATHS.has(token.toLowerCase()) || /^[\d/.-]+$/.test(token))
        return undefined;
    const segments = token.split("/");
    const first = segments[0] ?? "";
    const last = segments[segments.length - 1] ?? "";
    if (segments.length > 1 && DOMAIN.test(first))
        return undefined;
    const isDirectory = token.endsWith("/") && token.length > 1;
    const isGlob = /[*?{]/.test(token);
    const hasExtension = extensionOf(last) !== undefined;
    if (backticked) {
        if (segments.length > 1)
            return token;
        return hasExtension || WELL_KNOWN_FILES.has(token) || DOTFILE.test(token) ? token : undefined;
    }
    if (segments.length < 2)
        return undefined;
    if (isDirectory)
        return segments.every((s, i) => s.length >= 2 || i === segments.length - 1) ? token : undefined;
    if (isGlob || hasExtension)
        return token;
    return segments.length >= 3 && SOURCE_ROOTS.has(first) ? token : undefined;
}
/**
 * Candidate bare tokens: runs of characters that can appear in a path, split at spaces and brackets.
 * Whole runs are matched and filtered for a slash afterwards; a pattern requiring the slash inside the
 * run would backtrack quadratically over a long run without one.
 */
const BARE_TOKEN = new RegExp(`[^\\s()[\\]<>"'\`${MASK}]+`, "g");
function bare(token) {
    return token.includes("/") ? classifyPathToken(token, false) : undefined;
}
/** Files, directories and globs a task's markdown mentions, in order of appearance, de-duplicated. */
function findFiles(tree, source) {
    const found = [];
    const add = (at, path) => {
        if (path !== undefined)
            found.push({ at, path });
    };
    for (const node of descendants(tree)) {
        if (node.type === "inlineCode")
            add(startOf(node), classifyPathToken(node.value, true));
        if (node.type === "link") {
            for (const m of nodeText(node).matchAll(BARE_TOKEN))
                add(startOf(node), bare(m[0]));
        }
        if (node.type === "paragraph" || node.type === "heading" || node.type === "tableCell") {
            const masked = maskInline(node, source, { emphasis: false });
            for (const m of masked.matchAll(BARE_TOKEN))
                add(startOf(node) + m.index, bare(m[0]));
        }
    }
    found.sort((a, b) => a.at - b.at);
    return [...new Set(found.map((f) => f.path))];
}

;// CONCATENATED MODULE: ./src/plan/extract-task-details.ts


/** Blocks whose inline text we read: everything a reader sees as prose. Code blocks are skipped. */
const PROSE = new Set(["paragraph", "heading", "tableCell"]);
/**
 * Extracts criteria, files and dependency references from a task's blocks (its list item, or its heading
 * and section) in the master issue's tree. Working on the one tree of the whole issue, rather than
 * parsing each task's text again, keeps a 300-task issue at a single parse. `titleEnd` is where the title
 * ends in `source`: a sentence never runs from the title into the description.
 */
function extractTaskDetails(blocks, source, titleEnd = -1) {
    const tree = { type: "root", children: blocks };
    return {
        acceptanceCriteria: extractAcceptanceCriteria(tree, source, titleEnd),
        files: findFiles(tree, source),
        dependencyRefs: findDependencyRefs(proseBlocks(tree).map(nodeText).join("\n")),
    };
}
function proseBlocks(tree) {
    return descendants(tree).filter((n) => PROSE.has(n.type));
}
const ACCEPTANCE = /^\s*acceptance(?:\s+criteria)?\b\s*:?\s*/i;
/**
 * The items of an "Acceptance" / "Acceptance criteria" list (a list item with that text and a nested
 * list, or a paragraph or heading with that text followed by a list); without one, the sentences that
 * say must / should / will. Criteria keep their inline markdown (backticks matter to an agent).
 */
function extractAcceptanceCriteria(tree, source, titleEnd = -1) {
    const explicit = [];
    for (const node of descendants(tree)) {
        if (!("children" in node))
            continue;
        node.children.forEach((child, i) => {
            const next = node.children[i + 1];
            if (child.type === "listItem") {
                const first = child.children[0];
                const text = first?.type === "paragraph" ? nodeText(first) : "";
                if (!ACCEPTANCE.test(text))
                    return;
                const nested = child.children.find((c) => c.type === "list");
                if (nested)
                    explicit.push(...listItemSources(nested, source));
                else
                    explicit.push(collapseWhitespace(text.replace(ACCEPTANCE, "")));
            }
            else if (child.type === "paragraph" || child.type === "heading") {
                const text = nodeText(child);
                if (!ACCEPTANCE.test(text))
                    return;
                if (next?.type === "list")
                    explicit.push(...listItemSources(next, source));
                else
                    explicit.push(collapseWhitespace(text.replace(ACCEPTANCE, "")));
            }
        });
    }
    const criteria = explicit.length > 0 ? explicit : modalSentences(tree, source, titleEnd);
    return [...new Set(criteria.filter((c) => c.length > 0))];
}
function listItemSources(list, source) {
    if (list.type !== "list")
        return [];
    return list.children.map((item) => {
        const first = item.children[0];
        const text = first ? source.slice(startOf(first), endOf(item)) : "";
        return collapseWhitespace(text.replace(/^\s*\[[ xX]\]\s+/, ""));
    });
}
/** Heading hashes, a task-list checkbox, a table pipe or the title's `:` / `-` separator opening a sentence. */
const SENTENCE_MARKERS = /^\s*(?:#{1,6}\s+|\[[ xX]\]\s+|\|\s*|[:\-–—]\s+)/;
const MODAL = /\b(?:must|should|will)\b/i;
/** A sentence ends at . ! or ? followed by whitespace and not a lower-case word ("e.g. the" goes on). */
const SENTENCE_END = new RegExp(`${NOT_AN_ABBREVIATION}[.!?]+(?=\\s+[^\\sa-z]|\\s*$)`, "g");
function modalSentences(tree, source, titleEnd) {
    const found = [];
    for (const block of proseBlocks(tree)) {
        const base = startOf(block);
        const blockSource = source.slice(base, endOf(block));
        // Split on the masked text so that a "." inside `a.b` or a link never ends a sentence.
        const masked = maskInline(block, source, { emphasis: false });
        let from = 0;
        const cuts = [...masked.matchAll(SENTENCE_END)].map((m) => m.index + m[0].length);
        if (titleEnd > base && titleEnd < base + masked.length)
            cuts.push(titleEnd - base);
        cuts.sort((a, b) => a - b);
        for (const to of [...cuts, masked.length]) {
            if (to <= from)
                continue;
            const sentence = blockSource.slice(from, to);
            // "Depends on task 1 (it must exist first)" is a dependency, not a criterion.
            if (MODAL.test(masked.slice(from, to)) && findDependencyRefs(sentence).length === 0) {
                found.push(collapseWhitespace(sentence.replace(SENTENCE_MARKERS, "")));
            }
            from = to;
        }
    }
    return found;
}
const KEYWORD = /\b(depends\s+(?:up)?on|dependent\s+(?:up)?on|blocked\s+by|waits?\s+for|waiting\s+(?:on|for)|requires|needs|after)\b[\s:]*/gi;
/** One reference: optional "task(s)" word, optional #, a number, optionally a range "1-3" / "1 to 3". */
const REF = /((?:sub-?)?tasks?\s*)?(#)?(\d{1,6})(?![\w]|\.\d)(?:\s*(?:-|–|to\b)\s*#?(\d{1,6})(?![\w]|\.\d))?/iy;
const SEPARATOR = /\s*(?:,\s*(?:(?:and|or)\s+)?|;\s*|&\s*|\/\s*|\+\s*|\band\s+|\bor\s+)/iy;
/** Ranges larger than this are typos or not ranges; only their first number is kept. */
const MAX_RANGE = 100;
/**
 * Dependency references in prose. "depends on", "dependent on", "blocked by", "waits for" take bare
 * numbers (`Depends on: 1, 3`), task numbers and `#N`; "requires" and "needs" take `task N` or `#N`
 * (not "requires 3 files"); "after" takes only `task N` ("after #12 was merged" is history, not a
 * dependency). Lists continue over `,`, `and`, `or`, `&`, `/`.
 */
function findDependencyRefs(text) {
    const refs = [];
    for (const keyword of text.matchAll(KEYWORD)) {
        const word = (keyword[1] ?? "").toLowerCase();
        const weak = word === "requires" || word === "needs";
        const after = word === "after";
        let sawTaskWord = false;
        let pos = keyword.index + keyword[0].length;
        for (;;) {
            REF.lastIndex = pos;
            const m = REF.exec(text);
            if (!m)
                break;
            const taskWord = m[1] !== undefined;
            const hash = m[2] !== undefined;
            sawTaskWord ||= taskWord;
            const allowed = after ? sawTaskWord : weak ? sawTaskWord || hash : true;
            if (!allowed)
                break;
            const kind = taskWord || !hash ? "task" : "hash";
            const from = Number(m[3]);
            const to = m[4] === undefined ? from : Number(m[4]);
            const last = to >= from && to - from < MAX_RANGE ? to : from;
            for (let n = from; n <= last; n++)
                refs.push({ kind, n });
            SEPARATOR.lastIndex = REF.lastIndex;
            if (!SEPARATOR.exec(text))
                break;
            pos = SEPARATOR.lastIndex;
        }
    }
    return refs;
}

;// CONCATENATED MODULE: ./src/plan/find-task-candidates.ts

const TASKS_HEADING = /^(?:sub[- ]?tasks|tasks|task list|task breakdown|work breakdown|work items|to[- ]?dos?|to do|bugs|bug list|implementation (?:tasks|plan|steps)|parallel tasks)(?:\s|$)/;
const EXCLUDED_HEADING = /^(?:(?:overall|global|master)\s+)?acceptance(?:\s+criteria)?$|^(?:definition of done|done when|success criteria|out of scope|non[- ]?goals|references|related(?: issues)?)$/;
/** `Task 1: Title`, `Task 2 - Title`, `Sub-task 3: Title`, `Task #4`. */
const HEADING_LABEL = /^(?:sub[- ]?task|task)\s*#?(\d{1,6})\s*(?:[:.)\-–—]\s*|$)/i;
const INVISIBLE = /[\u200b-\u200f\u2060-\u2064\ufeff]/g;
function sectionKind(text) {
    const name = collapseWhitespace(text.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, " "));
    if (TASKS_HEADING.test(name))
        return "tasks";
    return EXCLUDED_HEADING.test(name) ? "excluded" : "plain";
}
/** Whether a list item is a GFM task-list item (`[ ]` or `[x]`); plain items have `checked: null`. */
function isCheckbox(item) {
    return typeof item.checked === "boolean";
}
function hasCheckbox(list) {
    return list.children.some((item) => isCheckbox(item) || item.children.some((c) => c.type === "list" && hasCheckbox(c)));
}
/** First line of a list item's text, as a group name for the checkbox items nested under it. */
function itemHeadline(item) {
    const first = item.children[0];
    const line = first?.type === "paragraph" ? (nodeText(first).split("\n")[0] ?? "") : "";
    return collapseWhitespace(line).replace(/:$/, "");
}
/** The nearest heading above that names a group: not a tasks heading, not a task itself. */
function innermostGroup(stack) {
    for (let i = stack.length - 1; i >= 0; i--) {
        const s = stack[i];
        if (s.kind !== "tasks" && s.label === undefined)
            return s.text.replace(/:$/, "") || undefined;
    }
    return undefined;
}
/**
 * Finds which parts of the master issue are tasks (the rules are listed in parse-master-issue.ts).
 * Sections are computed in one pass with a heading stack, so a body of many thousands of headings stays
 * linear.
 */
function findTaskCandidates(tree) {
    const blocks = tree.children;
    const stacks = [];
    const hidden = [];
    const sections = [];
    let stack = [];
    let detailsDepth = 0;
    blocks.forEach((node, index) => {
        if (node.type === "heading") {
            stack = stack.filter((s) => {
                if (s.depth < node.depth)
                    return true;
                s.end = index;
                return false;
            });
            const text = collapseWhitespace(nodeText(node));
            const label = HEADING_LABEL.exec(text)?.[1];
            const section = {
                node,
                index,
                end: blocks.length,
                depth: node.depth,
                text,
                kind: sectionKind(text),
            };
            if (label !== undefined)
                section.label = Number(label);
            sections.push(section);
            stack = [...stack, section];
        }
        stacks.push(stack);
        // Lists between `<details>` and `</details>` are collapsed, usually history or logs: never tasks.
        hidden.push(detailsDepth > 0 || node.type === "html");
        detailsDepth = Math.max(0, detailsDepth + detailsDelta(node));
    });
    const checkboxBlocksBefore = [0];
    blocks.forEach((node, i) => {
        const counts = node.type === "list" && !hidden[i] && hasCheckbox(node);
        checkboxBlocksBefore.push((checkboxBlocksBefore[i] ?? 0) + (counts ? 1 : 0));
    });
    const sectionHasCheckbox = (s) => (checkboxBlocksBefore[s.end] ?? 0) - (checkboxBlocksBefore[s.index + 1] ?? 0) > 0;
    const isExcluded = (i) => (stacks[i] ?? []).some((s) => s.kind === "excluded");
    const headingTasks = new Set();
    const ownedBlocks = new Set();
    const headings = [];
    for (const section of sections) {
        const ancestors = (stacks[section.index] ?? []).slice(0, -1);
        const parent = ancestors[ancestors.length - 1];
        // Under a tasks heading, a subsection with checkboxes groups them; one without is a task itself.
        const tentative = parent?.kind === "tasks" && section.kind === "plain" && !sectionHasCheckbox(section);
        const insideTask = ancestors.some((a) => headingTasks.has(a));
        // A labelled heading is a task wherever it is; inside another heading task it ends that one's text.
        const isTask = section.label !== undefined || (tentative && !insideTask);
        if (!isTask || isExcluded(section.index))
            continue;
        headingTasks.add(section);
        const previous = headings[headings.length - 1];
        if (previous && previous.end > section.index)
            previous.end = section.index;
        const inTasksSection = ancestors.some((a) => a.kind === "tasks");
        const group = innermostGroup(ancestors);
        const candidate = { kind: "heading", section, end: section.end, inTasksSection };
        if (group !== undefined)
            candidate.group = group;
        headings.push(candidate);
    }
    for (const h of headings)
        for (let i = h.section.index; i < h.end; i++)
            ownedBlocks.add(i);
    const items = [];
    blocks.forEach((node, i) => {
        if (node.type !== "list" || hidden[i] || ownedBlocks.has(i) || isExcluded(i))
            return;
        const sectionStack = stacks[i] ?? [];
        const inTasksSection = sectionStack.some((s) => s.kind === "tasks");
        const directlyInTasks = sectionStack[sectionStack.length - 1]?.kind === "tasks";
        const add = (item, rootItem, list, k, group) => {
            // An item with nothing visible in it (only zero-width characters) is no task.
            if (collapseWhitespace(nodeText(item).replace(INVISIBLE, "")) === "")
                return;
            const checkbox = isCheckbox(item);
            const form = checkbox ? "checkbox" : list.ordered ? "ordered" : "plain";
            const candidate = {
                kind: "item",
                item,
                rootItem,
                form,
                ordered: list.ordered === true,
                completed: item.checked === true,
                inTasksSection,
            };
            if (list.ordered)
                candidate.number = (list.start ?? 1) + k;
            if (group !== undefined)
                candidate.group = group;
            items.push(candidate);
        };
        // Checkbox items nested under plain items are tasks grouped by that item; under a checkbox item,
        // nested items are that task's steps.
        const walkNested = (parent, rootItem) => {
            for (const list of parent.children) {
                if (list.type !== "list")
                    continue;
                list.children.forEach((item, k) => {
                    if (isCheckbox(item))
                        add(item, rootItem, list, k, itemHeadline(parent));
                    else
                        walkNested(item, rootItem);
                });
            }
        };
        const headingGroup = innermostGroup(sectionStack);
        node.children.forEach((item, k) => {
            const checkbox = isCheckbox(item);
            if (checkbox || node.ordered || directlyInTasks)
                add(item, item, node, k, headingGroup);
            if (!checkbox)
                walkNested(item, item);
        });
    });
    return { candidates: selectCandidates(headings, items), ownedBlocks };
}
/**
 * Heading tasks always count. Of the list items, checkbox items win over numbered items, which win over
 * plain bullets (collected only directly under a tasks heading). When a tasks heading holds any of
 * them, items outside tasks headings are context.
 */
function selectCandidates(headings, items) {
    const scope = [...headings, ...items].some((c) => c.inTasksSection);
    const scoped = scope ? items.filter((c) => c.inTasksSection) : items;
    const byForm = (form) => scoped.filter((c) => c.form === form);
    const checkboxes = byForm("checkbox");
    const ordered = byForm("ordered");
    const chosen = checkboxes.length > 0 ? checkboxes : ordered.length > 0 ? ordered : byForm("plain");
    const at = (c) => startOf(c.kind === "item" ? c.item : c.section.node);
    return [...headings, ...chosen].sort((a, b) => at(a) - at(b));
}

;// CONCATENATED MODULE: ./src/plan/master-issue-context.ts

/** Agents get the context in their prompt; beyond this the master issue is an essay, not context. */
const MAX_CONTEXT_LENGTH = 4000;
/**
 * The master issue without its tasks: intro, goal, constraints, notes. Task items, completed items and
 * heading-task sections are left out, and so are HTML comments (invisible on GitHub, usually template
 * hints). A heading left with nothing under it ("## Sub-Tasks" once its items are gone) goes too.
 */
function buildContext(tree, source, layout) {
    const removed = new Set();
    for (const c of layout.candidates)
        if (c.kind === "item")
            removed.add(c.rootItem);
    const slice = (from, to) => source.slice(lineStart(source, from), to).trimEnd();
    const kept = [];
    tree.children.forEach((node, i) => {
        if (layout.ownedBlocks.has(i) || isHtmlComment(node))
            return;
        if (node.type === "list") {
            const rest = node.children.filter((item) => !removed.has(item));
            if (rest.length === node.children.length)
                kept.push({ text: slice(startOf(node), endOf(node)) });
            else if (rest.length > 0) {
                const items = rest.map((item) => slice(startOf(item), endOf(item)));
                kept.push({ text: items.join(node.spread ? "\n\n" : "\n") });
            }
            return;
        }
        const text = slice(startOf(node), endOf(node));
        kept.push(node.type === "heading" ? { text, depth: node.depth } : { text });
    });
    // Walking backwards, contentBelow[d] says whether anything is kept between here and the next heading
    // of depth <= d: a heading is kept when its own depth has content. Linear in the number of blocks.
    const contentBelow = [false, false, false, false, false, false, false];
    const out = [];
    for (let i = kept.length - 1; i >= 0; i--) {
        const block = kept[i];
        if (block.depth === undefined) {
            contentBelow.fill(true);
            out.push(block.text);
            continue;
        }
        const keep = contentBelow[block.depth] === true;
        for (let d = block.depth; d < contentBelow.length; d++)
            contentBelow[d] = false;
        if (keep)
            out.push(block.text);
    }
    return truncate(out.reverse().join("\n\n").trim(), MAX_CONTEXT_LENGTH);
}

;// CONCATENATED MODULE: ./src/plan/parse-master-issue.ts




/** Longest title kept; GitHub shows about this much of an issue title in lists. */
const MAX_TITLE_LENGTH = 200;
/** A `Title: description` split is only believed when the part before the colon reads like a title. */
const MAX_COLON_TITLE = 80;
/** `Task 1:`, `**Task 1:**`, `Sub-task 2 -` opening an item. */
const ITEM_LABEL = /^[*_]{0,3}(?:sub[- ]?task|task)\s*#?(\d{1,6})[*_]{0,3}\s*[:.)\-–—][*_]{0,3}\s*/i;
/** A sentence ends at . ! or ? before a word that does not start in lower case ("e.g. the" goes on). */
const parse_master_issue_SENTENCE_END = new RegExp(`${NOT_AN_ABBREVIATION}[.!?](?=[ \\t]+[^\\sa-z])`);
/** Splits a list item into title and description (rule 6). */
function draftItem(candidate, item, source) {
    const first = item.children[0];
    const markerLine = source.slice(lineStart(source, startOf(item)), startOf(item) + 16);
    const marker = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/.exec(markerLine);
    const indent = marker?.[0].length ?? 0;
    const rest = (from) => dedent(source.slice(from, endOf(item)).replace(/^[ \t]*(?::|[-–—](?=\s))?[ \t]*/, ""), indent).trim();
    if (first?.type !== "paragraph" || first.children.length === 0) {
        const title = collapseWhitespace(nodeText(item).split("\n")[0] ?? "");
        const description = first ? rest(startOf(first)) : "";
        return { candidate, title, blocks: [item], titleEnd: -1, description };
    }
    const base = startOf(first);
    const contentStart = startOf(first.children[0]);
    const masked = maskInline(first, source, { emphasis: true });
    let pos = contentStart - base;
    let label;
    const labelled = ITEM_LABEL.exec(source.slice(base + pos, endOf(first)));
    if (labelled && base + pos + labelled[0].length < endOf(first)) {
        label = Number(labelled[1]);
        pos += labelled[0].length;
    }
    const lineEnd = masked.indexOf("\n", pos) === -1 ? masked.length : masked.indexOf("\n", pos);
    let titleEnd = lineEnd;
    let descriptionStart = lineEnd;
    let title;
    const strong = first.children.find((c) => c.type === "strong" && startOf(c) === base + pos);
    const introducesText = (n) => /:\s*$/.test(nodeText(n)) || /^[ \t]*(?:[:\-–—]|\n|$)/.test(masked.slice(endOf(n) - base));
    if (strong && introducesText(strong)) {
        title = nodeText(strong);
        titleEnd = descriptionStart = endOf(strong) - base;
    }
    else {
        const line = masked.slice(pos, lineEnd);
        const colon = line.search(/:(?=\s|$)/);
        const sentence = line.search(parse_master_issue_SENTENCE_END);
        const before = colon > 0 ? collapseWhitespace(textInRange(first, source, base + pos, base + pos + colon)) : "";
        if (sentence > 0 && (colon <= 0 || sentence < colon)) {
            // "Add login page. Use the Figma design." reads as a title and a description.
            titleEnd = pos + sentence + (line[sentence] === "." ? 0 : 1);
            descriptionStart = pos + sentence + 1;
        }
        else if (before.length > 0 && before.length <= MAX_COLON_TITLE) {
            titleEnd = pos + colon;
            descriptionStart = titleEnd + 1;
        }
    }
    title ??= textInRange(first, source, base + pos, base + titleEnd);
    const draft = {
        candidate,
        title: collapseWhitespace(title).replace(/\s*:$|(?<!\.)\.$/, ""),
        blocks: [item],
        titleEnd: base + titleEnd,
        description: rest(base + descriptionStart),
    };
    if (label !== undefined)
        draft.label = label;
    return draft;
}
/** A heading task: title from the heading (label dropped), description = the rest of its section. */
function draftHeading(candidate, blocks, sectionEnd, source) {
    const heading = blocks[0];
    const text = collapseWhitespace(nodeText(heading));
    const labelled = HEADING_LABEL.exec(text);
    const title = labelled && text.length > labelled[0].length ? text.slice(labelled[0].length) : text;
    const draft = {
        candidate,
        title,
        blocks,
        titleEnd: endOf(heading),
        description: source.slice(endOf(heading), sectionEnd).trim(),
    };
    if (labelled)
        draft.label = Number(labelled[1]);
    return draft;
}
function formOf(candidate) {
    if (candidate.kind === "heading")
        return "headings";
    return candidate.ordered ? "numbered" : "checklist";
}
/**
 * Numbers the author can use for a task (rule 8): their own labels when every draft has a distinct one,
 * else 1-based positions counting completed items. Maps to the task id, or null for a completed item.
 */
function numberTasks(drafts, ids) {
    const labels = drafts.map((d) => d.label ?? (d.candidate.kind === "item" ? d.candidate.number : undefined));
    const explicit = labels.every((l) => l !== undefined) && new Set(labels).size === labels.length;
    const byNumber = new Map();
    drafts.forEach((_, i) => byNumber.set(explicit ? labels[i] : i + 1, ids[i] ?? null));
    return byNumber;
}
function resolveDependencies(refs, self, byNumber) {
    const tasks = new Set();
    const issues = new Set();
    const unknown = new Set();
    for (const ref of refs) {
        const target = byNumber.get(ref.n);
        if (target === undefined) {
            // `#N` may be any issue of the repository; `task N` can only mean a task, so it is a mistake.
            if (ref.kind === "hash")
                issues.add(ref.n);
            else
                unknown.add(ref.n);
        }
        else if (target !== null && target !== self)
            tasks.add(target);
    }
    return {
        dependsOn: [...tasks].sort((a, b) => Number(a) - Number(b)),
        dependsOnIssues: [...issues].sort((a, b) => a - b),
        ...(unknown.size === 0 ? {} : { unknownDependencies: [...unknown].sort((a, b) => a - b) }),
    };
}
/** Parses a master issue's body into its tasks and its context. Pure; never throws on any input. */
function parseMasterIssue(body) {
    // 1. Normalise line endings so offsets, descriptions and fixtures do not depend on the author's OS.
    const source = defuseEmphasisBombs(body.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
    const tree = parseMarkdown(source);
    // 2. Decide which items and headings are tasks.
    const layout = findTaskCandidates(tree);
    const sectionEnd = (index) => {
        const next = tree.children[index];
        return next ? lineStart(source, startOf(next)) : source.length;
    };
    // 3. Split each into title and description; number the open ones.
    const drafts = layout.candidates.map((c) => c.kind === "item"
        ? draftItem(c, c.item, source)
        : draftHeading(c, tree.children.slice(c.section.index, c.end), sectionEnd(c.end), source));
    let nextId = 1;
    const ids = drafts.map((d) => d.candidate.kind === "item" && d.candidate.completed ? null : String(nextId++));
    const byNumber = numberTasks(drafts, ids);
    // 4. Extract details and resolve dependencies against the other tasks.
    const tasks = [];
    drafts.forEach((draft, i) => {
        const id = ids[i];
        if (id === null || id === undefined)
            return;
        const details = extractTaskDetails(draft.blocks, source, draft.titleEnd);
        const group = draft.candidate.group;
        const task = {
            id,
            title: truncate(draft.title || `Task ${id}`, MAX_TITLE_LENGTH),
            description: draft.description,
            ...(group === undefined ? {} : { group: truncate(group, MAX_TITLE_LENGTH) }),
            acceptanceCriteria: details.acceptanceCriteria,
            files: details.files,
            ...resolveDependencies(details.dependencyRefs, id, byNumber),
        };
        tasks.push(task);
    });
    // 5. A group shared by every task groups nothing.
    if (new Set(tasks.map((t) => t.group)).size < 2)
        for (const t of tasks)
            delete t.group;
    const forms = new Set(drafts.map((d) => formOf(d.candidate)));
    const format = forms.size === 0 ? "none" : forms.size > 1 ? "mixed" : ([...forms][0] ?? "none");
    return {
        context: buildContext(tree, source, layout),
        tasks,
        format,
        skippedCompleted: ids.filter((id) => id === null).length,
    };
}

// EXTERNAL MODULE: ./src/plan/plan-schema.ts
var plan_schema = __webpack_require__(30030);
// EXTERNAL MODULE: ./src/github/fit-rows.ts
var fit_rows = __webpack_require__(5184);
// EXTERNAL MODULE: ./src/security/neutralize-mentions.ts + 2 modules
var neutralize_mentions = __webpack_require__(71599);
;// CONCATENATED MODULE: ./src/plan/render-plan-report.ts



/** GitHub rejects comment bodies over 65,536 characters; stay well clear of it. */
const COMMENT_BUDGET = 60_000;
const VERDICT = {
    proceed: "✅ **Proceed**: the selected tasks are independent.",
    warn: "⚠️ **Warning**: potential conflicts found; read the findings before merging.",
    abort: "❌ **Abort**: the tasks cannot run in parallel as written. Nothing was started.",
};
const LEVEL_ICON = { error: "❌", warning: "⚠️", info: "ℹ️" };
const LEVEL_RANK = { error: 0, warning: 1, info: 2 };
/**
 * Findings as report lines, most severe first: what stops or endangers the run is read before notes
 * (which can number one per task). Stable, so findings of a level keep validation's order.
 */
function renderFindings(findings) {
    if (findings.length === 0)
        return ["✅ No dependencies between tasks, no shared files."];
    return ([...findings]
        .sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level])
        // Messages quote issue text (paths, `#N` of other issues): inert, so our comment pings and links nobody.
        .map((f) => `- ${LEVEL_ICON[f.level]} ${(0,neutralize_mentions/* neutralizeMentionsInline */.mO)(f.message)}`));
}
function cell(text, max = 80) {
    const short = text.length > max ? `${text.slice(0, max - 1)}…` : text;
    return (0,sanitize_untrusted_text/* escapeMarkdownInline */.E)(short);
}
function filesCell(files) {
    if (files.length === 0)
        return "";
    const shown = files.slice(0, 4).map((f) => `\`${f.replace(/[`|]/g, "")}\``);
    return shown.join(", ") + (files.length > 4 ? ` +${files.length - 4}` : "");
}
/**
 * The plan as markdown, for the dry-run comment on the master issue and for the job summary: the
 * verdict, one row per selected task, and every finding. Untrusted titles are escaped so they cannot
 * break the table or mention anyone. Rows are dropped, with a note, to fit `budget` characters.
 */
function renderPlanReport(plan, options = {}) {
    const budget = options.budget ?? COMMENT_BUDGET;
    const { validation, tasks } = plan;
    const head = [
        options.header ?? "",
        `## 🗂️ Orchestration plan for #${plan.master_issue.number}`,
        "",
        VERDICT[validation.outcome],
        "",
        `**Tasks**: ${tasks.length} selected of ${plan.task_count} found${plan.dry_run ? " · **Dry run**: nothing was created" : ""}`,
        "",
    ].filter((line, i) => i > 0 || line !== "");
    const findings = ["### Findings", "", ...renderFindings(validation.findings), ""];
    const footer = plan.dry_run
        ? [
            "---",
            validation.outcome === "abort"
                ? "*Fix the findings above, then run the plan again.*"
                : "*To run it: start the workflow without dry run, or add the trigger label to this issue.*",
        ]
        : [];
    const tableHead = ["| # | Task | Group | Files | Depends on | Sub-issue |", "|---|---|---|---|---|---|"];
    const rows = tasks.map((t) => `| ${t.id} | ${cell(t.title)} | ${cell(t.group ?? "", 30)} | ${filesCell(t.files)} | ${t.dependsOn.join(", ")} | ${t.subIssue ? `#${t.subIssue}` : "—"} |`);
    const fixed = [...head, ...tableHead, "", ...findings, ...footer].join("\n").length + 200;
    const { kept, omitted } = (0,fit_rows/* fitRows */.z)(rows, budget, fixed);
    const table = tasks.length === 0 ? [] : [...tableHead, ...kept, ""];
    if (omitted > 0)
        table.push(`*…and ${omitted} more tasks, listed in the plan output of the workflow run.*`, "");
    return [...head, ...table, ...findings, ...footer].join("\n");
}

;// CONCATENATED MODULE: ./src/plan/group-sub-issues.ts

/**
 * GitHub allows at most 100 sub-issues per parent (and 8 levels of nesting). A master issue with more
 * than 100 tasks gets one group sub-issue per hundred task ids — `[Master #N] Tasks 101–200` — linked
 * under the master, and each task's sub-issue is linked under its group: master → group → task (→ the
 * task's follow-up issue), four levels.
 *
 * Groups are keyed by task id, not by position in this run's selection, so a task belongs to the same
 * group in every run (a retry or a `tasks` selection finds and reuses it), and a group never holds more
 * than 100 task sub-issues.
 */
const SUB_ISSUES_PER_PARENT = 100;
/** Whether a master issue with `taskCount` tasks links its task sub-issues through group sub-issues. */
function usesGroups(taskCount) {
    return taskCount > SUB_ISSUES_PER_PARENT;
}
/** The 1-based group of a task id: ids 1–100 are group 1, 101–200 group 2, … */
function groupOfTask(taskId) {
    const id = Number.parseInt(taskId, 10);
    if (!Number.isSafeInteger(id) || id < 1)
        throw new Error(`Task id ${taskId} is not a positive integer`);
    return Math.floor((id - 1) / SUB_ISSUES_PER_PARENT) + 1;
}
/** The task ids a group covers, e.g. group 2 → [101, 200]. */
function groupRange(group) {
    return [(group - 1) * SUB_ISSUES_PER_PARENT + 1, group * SUB_ISSUES_PER_PARENT];
}
/** Marker attributes of a group sub-issue. */
function groupMarker(master, group) {
    return { master, group };
}
const GROUP_MARKER_KIND = "sub-issue-group";
function renderGroupTitle(master, group) {
    const [from, to] = groupRange(group);
    return `[Master #${master}] Tasks ${from}–${to}`;
}
function renderGroupBody(master, group) {
    const [from, to] = groupRange(group);
    return [
        (0,markers/* renderMarker */.Bd)(GROUP_MARKER_KIND, groupMarker(master, group)),
        `Groups the sub-issues of tasks ${from}–${to} of #${master}.`,
        "",
        `GitHub allows at most ${SUB_ISSUES_PER_PARENT} sub-issues per issue, so the orchestrator links the sub-issues of a master issue with more than ${SUB_ISSUES_PER_PARENT} tasks through one group issue per hundred tasks. Close it when its tasks are done.`,
    ].join("\n");
}

;// CONCATENATED MODULE: ./src/plan/select-tasks.ts
/**
 * The `tasks` input: which of the master issue's tasks to run, as `1,3,5-7`. An empty input selects them
 * all. Anything the input cannot mean exactly is an error that names the input and the bad entry: a
 * typo must not silently run a different set of agents.
 */
const EXPECTED = "expected task ids like 1,3,5-7";
const ENTRY = /^(\d{1,9})(?:\s*[-–]\s*(\d{1,9}))?$/;
/** Available ids as short ranges for messages: `1-5`, `1-3, 7`. */
function describeIds(ids) {
    const parts = [];
    let i = 0;
    while (i < ids.length) {
        let j = i;
        while (j + 1 < ids.length && ids[j + 1] === ids[j] + 1)
            j++;
        parts.push(i === j ? `${ids[i]}` : `${ids[i]}-${ids[j]}`);
        i = j + 1;
    }
    return parts.join(", ");
}
/**
 * Parses the `tasks` input against the ids of the parsed tasks. Returns the selected ids, ascending and
 * de-duplicated; throws an `Error` naming the bad entry for malformed entries, reversed ranges, ids the
 * master issue does not have, and a selection of nothing.
 *
 * @example parseTaskSelection("5-7, 1,3", ["1", …, "9"]) // ["1", "3", "5", "6", "7"]
 */
function parseTaskSelection(spec, available) {
    const ids = [...new Set(available.map(Number))].sort((a, b) => a - b);
    const byNumber = new Set(ids);
    if (spec.trim() === "")
        return ids.map(String);
    const where = `in "${spec.trim()}"`;
    const missing = (n, entry) => new Error(ids.length === 0
        ? `Input "tasks" selects task ${n} (entry "${entry}" ${where}), but the master issue has no tasks`
        : `Input "tasks" selects task ${n} (entry "${entry}" ${where}), but the master issue has tasks ${describeIds(ids)}`);
    const selected = new Set();
    for (const raw of spec.split(",")) {
        const entry = raw.trim();
        // "1,3," and "1,,3" mean what they say; only the entries themselves must be exact.
        if (entry === "")
            continue;
        const m = ENTRY.exec(entry);
        if (!m)
            throw new Error(`Input "tasks" has an invalid entry "${entry}" ${where}: ${EXPECTED}`);
        const from = Number(m[1]);
        const to = m[2] === undefined ? from : Number(m[2]);
        if (to < from) {
            throw new Error(`Input "tasks" has a reversed range "${entry}" ${where}: write it as ${to}-${from}`);
        }
        // Walk the available ids, not the range, so "1-999999999" costs nothing before it is rejected.
        const inRange = ids.filter((id) => id >= from && id <= to);
        if (inRange.length !== to - from + 1) {
            let n = from;
            while (byNumber.has(n))
                n++;
            throw missing(n, entry);
        }
        for (const id of inRange)
            selected.add(id);
    }
    if (selected.size === 0)
        throw new Error(`Input "tasks" selects no task ${where}: ${EXPECTED}`);
    return [...selected].sort((a, b) => a - b).map(String);
}

;// CONCATENATED MODULE: ./src/plan/settle-duplicates.ts


/**
 * What a sub-issue of ours stands for: `task:<id>` or `group:<n>` of this master issue; undefined for
 * anything else (other people's issues, other master issues, issues already closed as duplicates).
 */
function duplicateKey(issue, trusted, master) {
    if (!(0,markers/* isTrustedAuthor */.Xw)(issue.user, trusted))
        return undefined;
    for (const marker of (0,markers/* findMarkers */.Xh)(issue.body)) {
        if (marker.attributes.master !== String(master))
            continue;
        if (marker.kind === "sub-issue" && marker.attributes.task)
            return `task:${marker.attributes.task}`;
        if (marker.kind === GROUP_MARKER_KIND && marker.attributes.group)
            return `group:${marker.attributes.group}`;
    }
    return undefined;
}
/**
 * Two runs of one master issue that plan at the same time (a workflow without our concurrency group)
 * each create the sub-issues they do not see yet. Issue numbers grow with creation time, and each run
 * re-reads after creating, so every run sees at least the oldest copy and both agree on it: the lowest
 * number wins; the others are duplicates to close.
 */
function settleDuplicates(linked, keyOf) {
    const byKey = new Map();
    for (const entry of linked) {
        const key = keyOf(entry.issue);
        if (key === undefined)
            continue;
        byKey.set(key, [...(byKey.get(key) ?? []), entry]);
    }
    const winners = new Map();
    const losers = [];
    for (const [key, entries] of byKey) {
        const [winner, ...rest] = [...entries].sort((a, b) => a.issue.number - b.issue.number);
        if (!winner)
            continue;
        winners.set(key, winner);
        for (const loser of rest) {
            if (loser.issue.number !== winner.issue.number)
                losers.push({ loser, winner });
        }
    }
    return { winners, losers };
}

;// CONCATENATED MODULE: ./src/plan/validate-plan.ts

const DEFAULT_VALIDATION_OPTIONS = {
    onOverlap: "warn",
    maxTasks: 256,
    minUsefulTasks: 3,
};
/** The part of a path or glob before its first wildcard: what it certainly names. */
function staticPrefix(path) {
    const wildcard = path.search(/[*?[{]/);
    return wildcard === -1 ? path : path.slice(0, wildcard);
}
/**
 * Whether two file claims can touch the same file: equal paths, a directory containing the other path,
 * or globs whose fixed prefixes nest. Conservative on purpose: a false warning costs a glance, a missed
 * overlap costs a merge conflict.
 */
function pathsOverlap(a, b) {
    if (a === b)
        return true;
    return covers(a, b) || covers(b, a);
}
/** Whether claim `a` (a directory ending in `/` or a glob) includes what claim `b` names. */
function covers(a, b) {
    const prefix = staticPrefix(a);
    const isDirectoryOrGlob = a.endsWith("/") || prefix !== a;
    if (!isDirectoryOrGlob)
        return false;
    const bPrefix = staticPrefix(b);
    return bPrefix.startsWith(prefix) || b === prefix.replace(/\/$/, "");
}
/** "a", "a and b", "a, b and c". */
function joinList(items) {
    return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1) ?? ""}`;
}
/** "task 9", "tasks 9 and 12", …: how the author would write the numbers; long lists are cut at 10. */
function taskNumbers(numbers) {
    const shown = numbers.slice(0, 10).map(String);
    if (numbers.length > 10)
        shown.push(`${numbers.length - 10} more`);
    return `task${numbers.length === 1 ? "" : "s"} ${joinList(shown)}`;
}
function dependencyFindings(all, selected) {
    const selectedIds = new Set(selected.map((t) => t.id));
    const known = new Set(all.map((t) => t.id));
    const findings = [];
    for (const task of selected) {
        for (const dep of task.dependsOn) {
            if (selectedIds.has(dep)) {
                findings.push({
                    level: "error",
                    code: "dependency",
                    message: `Task ${task.id} depends on task ${dep}; both are selected, so they cannot run in parallel. Run task ${dep} first (select it alone with the tasks input), merge it, then run task ${task.id}.`,
                    tasks: [task.id, dep],
                });
            }
            else if (known.has(dep)) {
                findings.push({
                    level: "warning",
                    code: "dependency-not-selected",
                    message: `Task ${task.id} depends on task ${dep}, which is not selected in this run: make sure its work is merged first.`,
                    tasks: [task.id, dep],
                });
            }
        }
        const unknown = task.unknownDependencies ?? [];
        if (unknown.length > 0) {
            // A typo or a task since removed: the reference is all we have, so say which one it is.
            findings.push({
                level: "warning",
                code: "unknown-dependency",
                message: `Task ${task.id} depends on ${taskNumbers(unknown)}, but the master issue has no such task: the dependency is ignored. Correct the number or remove the reference.`,
                tasks: [task.id],
            });
        }
        for (const issue of task.dependsOnIssues) {
            findings.push({
                level: "warning",
                code: "external-dependency",
                message: `Task ${task.id} depends on issue #${issue}, outside this plan: make sure it is done first.`,
                tasks: [task.id],
            });
        }
    }
    return findings;
}
function overlapFindings(selected, onOverlap) {
    const findings = [];
    for (let i = 0; i < selected.length; i++) {
        for (let j = i + 1; j < selected.length; j++) {
            const a = selected[i];
            const b = selected[j];
            const shared = a.files.flatMap((fa) => b.files.filter((fb) => pathsOverlap(fa, fb)).map((fb) => [fa, fb]));
            if (shared.length === 0)
                continue;
            const names = [...new Set(shared.flat())].map((p) => `\`${p}\``).join(", ");
            findings.push({
                level: onOverlap === "fail" ? "error" : "warning",
                code: "file-overlap",
                message: `Tasks ${a.id} and ${b.id} both touch ${names}: their pull requests may conflict at merge.`,
                tasks: [a.id, b.id],
            });
        }
    }
    return findings;
}
/**
 * Past 100 tasks the plan links sub-issues through group issues (group-sub-issues.ts). Nothing is wrong
 * with that, but the user sees extra issues appear under the master, so the report says why. Grouping
 * depends on the master issue's task count, not the selection: groups are keyed by task id.
 */
function groupingFinding(all, selected) {
    if (!usesGroups(all.length))
        return undefined;
    const groups = [...new Set(selected.map((t) => groupOfTask(t.id)))].sort((a, b) => a - b);
    const ranges = groups.map((g) => {
        const [from, to] = groupRange(g);
        const last = Math.min(to, all.length);
        return last === from ? String(from) : `${from}–${last}`;
    });
    const k = `${groups.length} group issue${groups.length === 1 ? "" : "s"}`;
    const n = selected.length;
    const these = n === all.length ? k : `this run's ${n} task${n === 1 ? "" : "s"} go under ${k}`;
    return {
        level: "info",
        code: "grouped-sub-issues",
        message: `${all.length} tasks exceed GitHub's limit of ${SUB_ISSUES_PER_PARENT} sub-issues per issue, so their sub-issues are grouped under group issues of at most ${SUB_ISSUES_PER_PARENT} tasks each, linked under the master issue: ${these}, for tasks ${joinList(ranges)}.`,
        tasks: [],
    };
}
function sizeFindings(all, selected, options) {
    const n = selected.length;
    if (n === 0) {
        return [
            {
                level: "error",
                code: "no-tasks",
                message: "No sub-tasks found. Write them as a checklist (`- [ ] Title: description`), a numbered list, or `## Task 1: Title` headings.",
                tasks: [],
            },
        ];
    }
    if (n > options.maxTasks) {
        return [
            {
                level: "error",
                code: "too-many-tasks",
                message: `${n} tasks selected, but a workflow matrix holds at most ${options.maxTasks} jobs. Split the master issue into issues of at most ${options.maxTasks} tasks, or run a part at a time with the tasks input (e.g. tasks: 1-${options.maxTasks}).`,
                tasks: [],
            },
        ];
    }
    const findings = [];
    if (n < options.minUsefulTasks) {
        findings.push({
            level: "warning",
            code: "few-tasks",
            message: `Only ${n} task${n === 1 ? "" : "s"}: below ${options.minUsefulTasks}, the orchestration overhead (sub-issues, one runner per task) usually outweighs running them in parallel.`,
            tasks: selected.map((t) => t.id),
        });
    }
    const grouping = groupingFinding(all, selected);
    if (grouping)
        findings.push(grouping);
    return findings;
}
function qualityFindings(selected) {
    const findings = [];
    const byTitle = new Map();
    for (const task of selected) {
        const key = task.title.toLowerCase();
        byTitle.set(key, [...(byTitle.get(key) ?? []), task.id]);
        if (task.acceptanceCriteria.length === 0) {
            findings.push({
                level: "info",
                code: "no-acceptance-criteria",
                message: `Task ${task.id} states no acceptance criteria (sentences with must/should/will or an "Acceptance" list).`,
                tasks: [task.id],
            });
        }
    }
    for (const ids of byTitle.values()) {
        if (ids.length > 1) {
            findings.push({
                level: "warning",
                code: "duplicate-title",
                message: `Tasks ${ids.join(", ")} have the same title: agents may do the same work twice.`,
                tasks: ids,
            });
        }
    }
    return findings;
}
/**
 * Checks that the selected tasks can run as independent parallel jobs. Declared dependencies between
 * selected tasks abort; dependencies on unselected or unknown tasks and shared files warn (shared files
 * abort with on-overlap: fail); limits of GitHub abort with a message that says what to do, or, for the
 * 100 sub-issues per issue, are worked around and noted.
 */
function validatePlan(all, selected, options = DEFAULT_VALIDATION_OPTIONS) {
    const findings = [
        ...sizeFindings(all, selected, options),
        ...dependencyFindings(all, selected),
        ...overlapFindings(selected, options.onOverlap),
        ...qualityFindings(selected),
    ];
    const outcome = findings.some((f) => f.level === "error")
        ? "abort"
        : findings.some((f) => f.level === "warning")
            ? "warn"
            : "proceed";
    return { outcome, findings };
}

// EXTERNAL MODULE: ./src/aggregate/summary-data.ts
var summary_data = __webpack_require__(64168);
// EXTERNAL MODULE: ./src/stage-context.ts
var stage_context = __webpack_require__(43667);
;// CONCATENATED MODULE: ./src/plan/plan.ts















/** Raised when the actor may not start work: nothing has been written when it is thrown. */
class ActorRefusedError extends Error {
    constructor(message) {
        super(message);
        this.name = "ActorRefusedError";
    }
}
/**
 * Plan mode:
 * 1. check that the actor may start work (before any write)
 * 2. read the master issue (the event's copy for label events) and parse its tasks
 * 3. select and validate the tasks
 * 4. dry run or abort: upsert the plan comment and stop
 * 5. create or reuse one linked sub-issue per task
 * 6. store the plan document for the agents and emit the matrix
 */
async function runPlan(deps, inputs) {
    const { github, log } = deps;
    const master = (0,stage_context/* resolveMasterIssue */.mi)(inputs["master-issue"], deps.event);
    const actor = deps.event.sender ?? { login: deps.actor, type: "User" };
    const decision = await checkActor(github, actor, inputs["allowed-bots"]);
    log.info(decision.reason);
    if (!decision.allowed)
        throw new ActorRefusedError(decision.reason);
    const issue = await readMasterIssue(deps, master);
    const parsed = parseMasterIssue(issue.body);
    const trusted = await (0,stage_context/* resolveTrustedLogin */.Rf)(github, inputs["bot-login"]);
    let selectedIds = parseTaskSelection(inputs.tasks ?? "", parsed.tasks.map((t) => t.id));
    if (inputs.retry) {
        const retryIds = await findTasksToRetry(github, master, trusted);
        log.info(`Retry: tasks that did not succeed last time: ${retryIds.join(", ") || "none"}`);
        selectedIds = selectedIds.filter((id) => retryIds.includes(id));
    }
    const selected = parsed.tasks.filter((t) => selectedIds.includes(t.id));
    const nothingToRetry = inputs.retry && selected.length === 0;
    const validation = nothingToRetry
        ? {
            outcome: "proceed",
            findings: [
                {
                    level: "info",
                    code: "nothing-to-retry",
                    message: "Nothing to retry: every task succeeded last time.",
                    tasks: [],
                },
            ],
        }
        : validatePlan(parsed.tasks, selected, {
            ...DEFAULT_VALIDATION_OPTIONS,
            onOverlap: inputs["on-overlap"],
        });
    log.info(`Master issue #${master}: ${parsed.tasks.length} tasks found (${parsed.format}), ${selected.length} selected, verdict ${validation.outcome}`);
    const branchFor = (task) => taskBranchName({ prefix: inputs["branch-prefix"], master, taskId: task.id, title: task.title });
    const plan = {
        schema_version: plan_schema/* PLAN_SCHEMA_VERSION */.jk,
        master_issue: { number: master, title: issue.title, url: issue.htmlUrl },
        context: parsed.context,
        created_at: deps.now().toISOString(),
        dry_run: inputs["dry-run"],
        validation,
        task_count: parsed.tasks.length,
        tasks: selected.map((t) => (0,plan_schema/* plannedTaskOf */.DF)(t, branchFor(t))),
        run: { run_id: deps.run.runId, run_attempt: deps.run.runAttempt },
    };
    const aborted = validation.outcome === "abort";
    if (inputs["dry-run"] || aborted) {
        await upsertPlanComment(github, master, trusted, renderPlanReport(plan, { header: planMarker(master) }));
        return { plan, matrix: buildMatrix([]), report: renderPlanReport(plan), aborted, createdSubIssues: [] };
    }
    const { tasks, created } = await log.group("Creating sub-issues", () => ensureSubIssues(deps, inputs, { master, context: parsed.context, taskCount: parsed.tasks.length, trusted }, plan.tasks));
    plan.tasks = tasks;
    // Read once here rather than once in every agent job.
    plan.default_branch = await github.getDefaultBranch();
    let stored;
    if (deps.uploadPlan) {
        stored = await deps.uploadPlan((0,plan_schema/* planArtifactName */.nU)(master, deps.run.runAttempt), plan);
    }
    else {
        log.warning("No artifact service (ACTIONS_RUNTIME_TOKEN is unset): the plan document was not stored for agents.");
    }
    return {
        plan,
        matrix: buildMatrix(plan.tasks),
        report: renderPlanReport(plan),
        aborted,
        createdSubIssues: created,
        ...(stored ? { stored } : {}),
    };
}
/**
 * The tasks that did not succeed in the runs recorded in our summary comment on the master issue: the
 * aggregator's machine-readable data, trusted only in the comment our own account wrote.
 */
async function findTasksToRetry(github, master, trusted) {
    const comments = await github.listComments(master);
    const ours = comments.find((c) => (0,markers/* isTrustedAuthor */.Xw)(c.user, trusted) && (0,markers/* hasMarker */.xY)(c.body, "summary", { master }));
    const data = ours ? (0,summary_data/* readSummaryData */.Ls)(ours.body, master) : undefined;
    if (!data) {
        throw new Error(`Input "retry" is true, but master issue #${master} has no summary of an earlier run written by ${trusted}: run the orchestration once without retry.`);
    }
    return Object.entries(data.tasks)
        .filter(([, state]) => !state.succeeded)
        .map(([id]) => id);
}
function planMarker(master) {
    return (0,markers/* renderMarker */.Bd)("plan", { master });
}
async function readMasterIssue(deps, master) {
    const fromEvent = deps.event.issue;
    if (fromEvent && fromEvent.number === master) {
        // Use the text the labelling user saw, not whatever the issue says now (time-of-check to time-of-use).
        deps.log.info(`Using master issue #${master} as it was when the ${deps.event.name} event fired.`);
        if (fromEvent.isPullRequest)
            throw new Error(`#${master} is a pull request, not an issue: use a master issue.`);
        return fromEvent;
    }
    const issue = await deps.github.getIssue(master);
    if (issue.isPullRequest)
        throw new Error(`#${master} is a pull request, not an issue: use a master issue.`);
    return issue;
}
async function upsertPlanComment(github, master, trusted, body) {
    const comments = await github.listComments(master);
    const ours = comments.find((c) => (0,markers/* isTrustedAuthor */.Xw)(c.user, trusted) && (0,markers/* hasMarker */.xY)(c.body, "plan", { master }));
    if (ours)
        await github.updateComment(ours.id, body);
    else
        await github.createComment(master, body);
}
/** Finds the sub-issue we created earlier for a task: our account wrote it and it carries the task's marker. */
function findTaskIssue(issues, trusted, master, taskId) {
    return issues.find((i) => (0,markers/* isTrustedAuthor */.Xw)(i.user, trusted) && (0,markers/* hasMarker */.xY)(i.body, "sub-issue", (0,render_sub_issue/* subIssueMarker */.a1)(master, taskId)));
}
/** Finds a group sub-issue we created earlier: our account wrote it and it carries the group's marker. */
function findGroupIssue(issues, trusted, master, group) {
    return issues.find((i) => (0,markers/* isTrustedAuthor */.Xw)(i.user, trusted) && (0,markers/* hasMarker */.xY)(i.body, GROUP_MARKER_KIND, groupMarker(master, group)));
}
/**
 * Creates or reuses one sub-issue per task, linked under the master issue — or, past 100 tasks, under
 * the task's group sub-issue (see group-sub-issues.ts). Every step is found again by its marker, so a
 * run interrupted at any point (issue created but not linked, group created but empty, …) is completed
 * by the next run without duplicates.
 */
async function ensureSubIssues(deps, inputs, ctx, tasks) {
    const { github, log } = deps;
    const grouped = usesGroups(ctx.taskCount);
    const underMaster = await github.listSubIssues(ctx.master);
    // A task's sub-issue is linked under the master (up to 100 tasks) or under its group: read both.
    const groups = new Map();
    const linked = [...underMaster];
    if (grouped) {
        for (const group of new Set(tasks.map((t) => groupOfTask(t.id)))) {
            const issue = findGroupIssue(underMaster, ctx.trusted, ctx.master, group);
            if (!issue)
                continue;
            groups.set(group, issue);
            linked.push(...(await github.listSubIssues(issue.number)));
        }
    }
    const missing = tasks.filter((t) => !findTaskIssue(linked, ctx.trusted, ctx.master, t.id));
    // An issue created by an earlier run that failed before linking it is found by its label.
    const label = inputs["sub-issue-labels"][0];
    // (Only where creating and linking are two requests: reading every labelled issue grows with the
    // repository's history, and an atomic creation never leaves an orphan.)
    const orphans = missing.length > 0 && label && !(await github.createsLinkedIssues())
        ? await github.listIssuesWithLabel(label)
        : [];
    /** The issue a task's sub-issue is linked under: the master, or its group (created or linked on demand). */
    const parentFor = async (task) => {
        if (!grouped)
            return ctx.master;
        const group = groupOfTask(task.id);
        let issue = groups.get(group);
        if (!issue) {
            issue = findGroupIssue(orphans, ctx.trusted, ctx.master, group);
            if (issue) {
                await github.addSubIssue(ctx.master, issue.id);
            }
            else {
                issue = await github.createSubIssue(ctx.master, {
                    title: renderGroupTitle(ctx.master, group),
                    body: renderGroupBody(ctx.master, group),
                    labels: inputs["sub-issue-labels"],
                });
                log.info(`Group sub-issue #${issue.number} created for ${renderGroupTitle(ctx.master, group)}`);
            }
            groups.set(group, issue);
        }
        return issue.number;
    };
    const created = [];
    const result = [];
    for (const task of tasks) {
        const existing = findTaskIssue(linked, ctx.trusted, ctx.master, task.id);
        if (existing) {
            log.info(`Task ${task.id}: reusing sub-issue #${existing.number}`);
            result.push({ ...task, subIssue: existing.number, subIssueCreated: false });
            continue;
        }
        try {
            const parent = await parentFor(task);
            // An orphan (created by an earlier run that stopped before linking it) is linked; a new issue is
            // created already under its parent, in one content-creating request.
            let issue = findTaskIssue(orphans, ctx.trusted, ctx.master, task.id);
            if (issue) {
                await github.addSubIssue(parent, issue.id);
            }
            else {
                issue = await github.createSubIssue(parent, {
                    title: (0,render_sub_issue/* renderSubIssueTitle */.Kr)(inputs["sub-issue-title"], ctx.master, task),
                    body: (0,render_sub_issue/* renderSubIssueBody */._u)({ ...ctx, task, branch: task.branch }),
                    labels: inputs["sub-issue-labels"],
                });
                created.push(issue.number);
            }
            log.info(`Task ${task.id}: sub-issue #${issue.number} linked under #${parent}`);
            result.push({ ...task, subIssue: issue.number, subIssueCreated: created.includes(issue.number) });
        }
        catch (error) {
            throw new Error(`Creating the sub-issue of task ${task.id} failed after ${result.length} of ${tasks.length} were ready; run the plan again to finish (it reuses what exists): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
    }
    if (created.length === 0)
        return { tasks: result, created };
    return settleRaces(deps, ctx, grouped, result, created);
}
/**
 * After creating sub-issues, reads them back once: when another run of the same master issue created
 * the same ones meanwhile, every run keeps the oldest copy and closes the others as duplicates (unlinked,
 * so the master's progress counts each task once). Costs one read (plus one per group) per run.
 */
async function settleRaces(deps, ctx, grouped, tasks, created) {
    const { github, log } = deps;
    const underMaster = await github.listSubIssues(ctx.master);
    const linked = underMaster.map((issue) => ({ issue, parent: ctx.master }));
    const keyOf = (issue) => duplicateKey(issue, ctx.trusted, ctx.master);
    if (grouped) {
        for (const group of underMaster.filter((i) => keyOf(i)?.startsWith("group:"))) {
            const children = await github.listSubIssues(group.number);
            linked.push(...children.map((issue) => ({ issue, parent: group.number })));
        }
    }
    const { winners, losers } = settleDuplicates(linked, keyOf);
    for (const { loser, winner } of losers) {
        log.warning(`Sub-issue #${loser.issue.number} duplicates #${winner.issue.number}: another run of master issue #${ctx.master} created it at the same time. Closing it as a duplicate.`);
        try {
            await github.closeAsDuplicate(loser.issue.number, winner.issue.id);
            await github.removeSubIssue(loser.parent, loser.issue.id);
        }
        catch (error) {
            // The other run may be closing the same duplicate: what matters is that both use the winner.
            log.warning(`Could not close duplicate #${loser.issue.number}: ${(0,logger/* errorMessage */.g)(error)}`);
        }
    }
    const lost = new Set(losers.map((l) => l.loser.issue.number));
    return {
        tasks: tasks.map((task) => {
            const winner = winners.get(`task:${task.id}`)?.issue.number;
            return winner === undefined || winner === task.subIssue
                ? task
                : { ...task, subIssue: winner, subIssueCreated: false };
        }),
        created: created.filter((n) => !lost.has(n)),
    };
}

// EXTERNAL MODULE: ./src/runner/runner-context.ts + 1 modules
var runner_context = __webpack_require__(75457);
;// CONCATENATED MODULE: ./src/runner/plan-step.ts



/** Plan mode in the runner: stores the plan for the agents, writes the matrix and the report. */
async function runPlanStep(inputs, github) {
    const event = await (0,runner_context/* readEvent */.j_)();
    const store = (0,runner_context/* hasArtifactService */.ob)() && !inputs["dry-run"] ? await loadArtifactStore() : undefined;
    const result = await runPlan({
        github,
        log: runner_context/* logger */.vF,
        event,
        actor: process.env.GITHUB_ACTOR ?? "",
        run: (0,runner_context/* runContext */.pO)(),
        now: () => new Date(),
        uploadPlan: store
            ? async (name, plan) => {
                const stored = await store.uploadJson(name, plan);
                return { id: stored.id, sha256: stored.sha256 ?? "" };
            }
            : undefined,
    }, inputs);
    core/* setOutput */.uH("matrix", JSON.stringify(result.matrix));
    core/* setOutput */.uH("count", String(result.matrix.include.length));
    core/* setOutput */.uH("master-issue", String(result.plan.master_issue.number));
    core/* setOutput */.uH("task-count", String(result.plan.tasks.length));
    core/* setOutput */.uH("outcome", result.plan.validation.outcome);
    core/* setOutput */.uH("plan", JSON.stringify(result.plan));
    core/* setOutput */.uH("plan-artifact-id", result.stored ? String(result.stored.id) : "");
    core/* setOutput */.uH("plan-sha256", result.stored?.sha256 ?? "");
    await core/* summary */.z.addRaw(result.report, true).write();
    if (result.aborted) {
        throw new Error(`Plan aborted: ${result.plan.validation.findings.find((f) => f.level === "error")?.message ?? "validation failed"}`);
    }
}
async function loadArtifactStore() {
    const { createArtifactStore } = await __webpack_require__.e(/* import() */ 217).then(__webpack_require__.bind(__webpack_require__, 67217));
    return createArtifactStore();
}


/***/ })

};
