export const id = 820;
export const ids = [820];
export const modules = {

/***/ 61211:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bd: () => (/* binding */ renderMarker),
/* harmony export */   Xh: () => (/* binding */ findMarkers),
/* harmony export */   Xw: () => (/* binding */ isTrustedAuthor),
/* harmony export */   xY: () => (/* binding */ hasMarker)
/* harmony export */ });
/**
 * Hidden HTML-comment markers make every write idempotent: before creating a sub-issue or a comment we
 * look for the marker and update or reuse what carries it. Anyone can paste a marker into an issue, so
 * a marker counts only in content authored by the account our token acts as.
 */
const PREFIX = "parallel-task-orchestrator";
const ATTRIBUTE_VALUE = /^[A-Za-z0-9._-]+$/;
/** Renders a marker; attribute values are restricted so a marker can never close its own comment. */
function renderMarker(kind, attributes) {
    const parts = Object.entries(attributes).map(([key, value]) => {
        const text = String(value);
        if (!ATTRIBUTE_VALUE.test(key) || !ATTRIBUTE_VALUE.test(text)) {
            throw new Error(`Invalid marker attribute ${key}=${text}`);
        }
        return `${key}=${text}`;
    });
    return `<!-- ${PREFIX}:${kind} ${parts.join(" ")} -->`;
}
const MARKER_PATTERN = new RegExp(`<!-- ${PREFIX}:([a-z-]+)((?: [A-Za-z0-9._-]+=[A-Za-z0-9._-]+)*) -->`, "g");
/** Every marker in a body, in order. */
function findMarkers(body) {
    const markers = [];
    for (const match of body.matchAll(MARKER_PATTERN)) {
        const attributes = {};
        for (const pair of (match[2] ?? "").trim().split(" ").filter(Boolean)) {
            const [key, value] = pair.split("=");
            if (key !== undefined && value !== undefined)
                attributes[key] = value;
        }
        markers.push({ kind: match[1] ?? "", attributes });
    }
    return markers;
}
/** True when `body` carries a marker of `kind` whose attributes include all of `attributes`. */
function hasMarker(body, kind, attributes) {
    return findMarkers(body).some((m) => m.kind === kind && Object.entries(attributes).every(([k, v]) => m.attributes[k] === String(v)));
}
/** Markers are trusted only in content written by our own account (logins compare case-insensitively). */
function isTrustedAuthor(author, trustedLogin) {
    return author !== null && author.login.toLowerCase() === trustedLogin.toLowerCase();
}


/***/ }),

/***/ 26009:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DF: () => (/* binding */ plannedTaskOf),
/* harmony export */   Ey: () => (/* binding */ parsePlanDocument),
/* harmony export */   jk: () => (/* binding */ PLAN_SCHEMA_VERSION),
/* harmony export */   nU: () => (/* binding */ planArtifactName)
/* harmony export */ });
/* unused harmony exports plannedTaskSchema, findingSchema, planDocumentSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46756);

/**
 * The plan document: what the plan job validated, handed to every agent job as an artifact. Agents build
 * their prompt from this document, not from the sub-issue as it reads later, so an edit made to an issue
 * after planning cannot smuggle instructions into an agent.
 */
const PLAN_SCHEMA_VERSION = "1";
const plannedTaskSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^\d+$/),
    title: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    description: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    group: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    acceptanceCriteria: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()),
    files: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()),
    dependsOn: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()),
    dependsOnIssues: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int()),
    /** The task's sub-issue number; null in a dry run, which creates none. */
    subIssue: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().nullable(),
    /** The branch the agent works on: deterministic, so a re-run reuses it. */
    branch: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    /**
     * True when this plan created the sub-issue: no agent has commented on it yet, so the first attempt
     * comments without reading the sub-issue's comments first.
     */
    subIssueCreated: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
});
const findingSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    level: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["error", "warning", "info"]),
    code: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    message: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    tasks: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()),
});
const planDocumentSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    schema_version: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(PLAN_SCHEMA_VERSION),
    master_issue: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ number: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive(), title: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), url: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() }),
    /** The master issue's text outside the tasks, given to agents as context. */
    context: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    created_at: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    dry_run: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    validation: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ outcome: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["proceed", "warn", "abort"]), findings: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(findingSchema) }),
    /** Every task parsed from the master issue, by id. */
    task_count: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative(),
    /** The tasks selected for this run, in id order. */
    tasks: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(plannedTaskSchema),
    run: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ run_id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), run_attempt: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive() }),
    /** The repository's default branch when the plan ran: agents without a base-branch input use it. */
    default_branch: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
});
/**
 * A selected task as the plan document carries it, before its sub-issue exists. Unknown dependency
 * numbers stay out: validation has reported them, and agents have no use for them.
 */
function plannedTaskOf(task, branch) {
    const { unknownDependencies: _reported, ...planned } = task;
    return { ...planned, subIssue: null, branch };
}
/** Artifact name of the plan of a run attempt; names must be unique per workflow run. */
function planArtifactName(master, attempt) {
    return `plan-${master}-${attempt}`;
}
/** Parses a plan document, naming the first invalid field. */
function parsePlanDocument(json) {
    const parsed = planDocumentSchema.safeParse(json);
    if (parsed.success)
        return parsed.data;
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid plan document: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`);
}


/***/ }),

/***/ 42259:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _u: () => (/* binding */ renderSubIssueBody),
  Kr: () => (/* binding */ renderSubIssueTitle),
  fH: () => (/* binding */ safeMarkdown),
  CL: () => (/* binding */ safeTitle),
  a1: () => (/* binding */ subIssueMarker)
});

// EXTERNAL MODULE: ./src/github/markers.ts
var markers = __webpack_require__(61211);
// EXTERNAL MODULE: ../../work/main/node_modules/mdast-util-from-markdown/lib/index.js + 45 modules
var lib = __webpack_require__(83391);
// EXTERNAL MODULE: ../../work/main/node_modules/mdast-util-gfm/lib/index.js + 12 modules
var mdast_util_gfm_lib = __webpack_require__(36824);
// EXTERNAL MODULE: ../../work/main/node_modules/micromark-extension-gfm/index.js + 7 modules
var micromark_extension_gfm = __webpack_require__(95713);
;// CONCATENATED MODULE: ./src/security/neutralize-mentions.ts



/**
 * When we copy untrusted markdown (a task's description) into an issue or comment we write, an
 * `@user`, `@org/team` or `@everyone` in it would notify those people again under our name, and a
 * `#123` would add a cross-reference to that issue. Rewriting `@` and `#` as HTML entities keeps the
 * text readable but inert. Only prose is touched: code spans and fences never notify anyone, and an
 * entity there would show literally.
 */
const MENTION = /(^|[^\w`&])@(?=[A-Za-z0-9])/g;
const ISSUE_REF = /(^|[^\w&/#])#(?=\d)/g;
function neutralizeProse(text) {
    return text.replace(MENTION, "$1&#64;").replace(ISSUE_REF, "$1&#35;");
}
/** Rewrites mentions and issue references in the prose of a markdown document; code is left alone. */
function neutralizeMentions(markdown) {
    const tree = (0,lib/* fromMarkdown */.Y)(markdown, { extensions: [(0,micromark_extension_gfm/* gfm */.T)()], mdastExtensions: [(0,mdast_util_gfm_lib/* gfmFromMarkdown */.C)()] });
    const ranges = [];
    const visit = (node) => {
        // Raw HTML is included: GitHub links mentions inside HTML blocks too, and entities are valid there.
        if (node.type === "text" || node.type === "html") {
            const start = node.position?.start.offset;
            const end = node.position?.end.offset;
            if (start !== undefined && end !== undefined)
                ranges.push([start, end]);
            return;
        }
        if ("children" in node)
            for (const child of node.children)
                visit(child);
    };
    visit(tree);
    ranges.sort((a, b) => a[0] - b[0]);
    let out = "";
    let cursor = 0;
    for (const [start, end] of ranges) {
        if (start < cursor)
            continue;
        out += markdown.slice(cursor, start) + neutralizeProse(markdown.slice(start, end));
        cursor = end;
    }
    return out + markdown.slice(cursor);
}

// EXTERNAL MODULE: ./src/security/sanitize-untrusted-text.ts + 1 modules
var sanitize_untrusted_text = __webpack_require__(5848);
;// CONCATENATED MODULE: ./src/plan/render-sub-issue.ts



/** Marker attributes identifying the sub-issue of one task of one master issue. */
function subIssueMarker(master, taskId) {
    return { master, task: taskId };
}
const MAX_CONTEXT = 2_000;
/** Untrusted markdown made safe to re-post: hidden content dropped, mentions and references inert. */
function safeMarkdown(text) {
    return neutralizeMentions((0,sanitize_untrusted_text/* sanitizeUntrustedText */.T)(text).text).trim();
}
/** Untrusted single-line text made safe for a title: hidden characters dropped, whitespace collapsed. */
function safeTitle(text, max = 200) {
    const clean = (0,sanitize_untrusted_text/* sanitizeUntrustedText */.T)(text).text.replace(/\s+/g, " ").trim();
    return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
/** Fills the sub-issue title template (`{master}`, `{id}`, `{title}`). */
function renderSubIssueTitle(template, master, task) {
    const title = template
        .replaceAll("{master}", String(master))
        .replaceAll("{id}", task.id)
        .replaceAll("{title}", safeTitle(task.title));
    // GitHub caps issue titles at 256 characters.
    return title.length > 256 ? `${title.slice(0, 255)}…` : title;
}
function quote(markdown) {
    return markdown
        .split("\n")
        .map((line) => (line === "" ? ">" : `> ${line}`))
        .join("\n");
}
/**
 * The body of a task's sub-issue: the task, its acceptance criteria and file hints, the master issue's
 * context, and the hidden marker that makes creation idempotent.
 */
function renderSubIssueBody(args) {
    const { master, task, taskCount, context, branch } = args;
    const lines = [
        (0,markers/* renderMarker */.Bd)("sub-issue", subIssueMarker(master, task.id)),
        `**Master issue**: #${master} · **Task** ${task.id} of ${taskCount}${task.group ? ` · **Group**: ${(0,sanitize_untrusted_text/* escapeMarkdownInline */.E)(safeTitle(task.group, 100))}` : ""}`,
        "",
        "## Task",
        "",
        `**${(0,sanitize_untrusted_text/* escapeMarkdownInline */.E)(safeTitle(task.title))}**`,
        "",
    ];
    const description = safeMarkdown(task.description);
    if (description)
        lines.push(description, "");
    lines.push("## Acceptance criteria", "");
    if (task.acceptanceCriteria.length > 0) {
        lines.push(...task.acceptanceCriteria.map((c) => `- [ ] ${safeMarkdown(c).replace(/\n+/g, " ")}`));
    }
    else {
        lines.push("- [ ] The task as described is implemented", "- [ ] Tests cover the change and pass");
    }
    lines.push("");
    if (task.files.length > 0) {
        lines.push("## Files", "", ...task.files.map((f) => `- \`${f.replace(/`/g, "")}\``), "");
    }
    const cleanContext = safeMarkdown(context);
    if (cleanContext) {
        const cut = cleanContext.length > MAX_CONTEXT ? `${cleanContext.slice(0, MAX_CONTEXT)}…` : cleanContext;
        lines.push("## Context from the master issue", "", quote(cut), "");
    }
    lines.push("## Implementation notes", "", `- **Branch**: \`${branch}\``, "- One coding agent works on this task alone, in parallel with the other tasks of the master issue: it stays within this task's scope and files.", `- The pull request for this task closes this issue. See master issue #${master} for the whole picture.`, "", "---", "*Created by Parallel Task Orchestrator.*");
    return lines.join("\n");
}


/***/ }),

/***/ 5848:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E: () => (/* binding */ escapeMarkdownInline),
  T: () => (/* binding */ sanitizeUntrustedText)
});

;// CONCATENATED MODULE: ./src/security/strip-hidden-markup.ts
/**
 * Markup whose text GitHub does not display: hidden elements, text-carrying attributes, image alt text,
 * link titles and link definitions nothing refers to (`[//]: # (…)` is the classic markdown comment).
 * Every pattern here is bounded (tag bodies stop at `<`, lengths are capped, quoted values may be
 * unterminated) so a hostile 64 KB issue body is processed in linear time.
 */
/** Elements whose content GitHub never shows (its sanitiser drops them). */
const ALWAYS_HIDDEN_TAGS = new Set(["script", "style", "template", "noscript", "textarea", "title"]);
const VOID_TAGS = new Set([
    "img",
    "input",
    "br",
    "hr",
    "meta",
    "link",
    "source",
    "area",
    "wbr",
    "embed",
    "col",
    "track",
]);
const OPEN_TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s[^<>]*?)?)(\/?)>/g;
const ANY_TAG = /<[a-zA-Z][^<>]*>/g;
const HIDDEN_FLAG = /(?:^|\s)hidden(?=[\s=/]|$)/i;
/** Checked on the tag's attributes with whitespace removed; `font-size:0.5em` is visible, `0px` is not. */
const HIDING_STYLE = /display:none|visibility:hidden|font-size:0(?![.\d]*[1-9])|opacity:0(?![.\d]*[1-9])/;
/** Attributes whose text is not shown as content: alt text, tooltips, screen-reader labels, data. */
const INVISIBLE_ATTRIBUTE = /\s(?:alt|title|placeholder|aria-[\w-]+|data-[\w-]+)\s*=\s*(?:"[^"]*"?|'[^']*'?|[^\s"'>]+)/gi;
const IMAGE_ALT = /!\[[^\][\n]+\](?=[([])/g;
const LINK_TITLE = /(\]\(\s*<?[^\s()<>[\]]{1,2048}>?)\s+("[^"\n]*"|'[^'\n]*'|\([^()\n]*\))\s*\)/g;
const LINK_DEFINITION = /^ {0,3}\[([^\][\n]{1,999})\]:[^\n]*(?:\n|$)/gm;
const DEFINITION_TITLE = /(\]:\s*<?[^\s<>]{1,2048}>?)\s+("[^"\n]*"|'[^'\n]*'|\([^()\n]*\))\s*$/;
const LINK_LABEL = /\[([^\][\n]{1,999})\]/g;
function isHidden(tag, attributes) {
    if (ALWAYS_HIDDEN_TAGS.has(tag) || HIDDEN_FLAG.test(attributes))
        return true;
    const compact = attributes.toLowerCase().replace(/\s+/g, "");
    return compact.includes("style=") && HIDING_STYLE.test(compact);
}
/** The end of the element whose open tag ends at `from`, honouring nesting of the same tag; text end if unclosed. */
function elementEnd(text, tag, from) {
    const re = new RegExp(`<(/?)${tag}(?=[\\s/>])[^<>]*>`, "gi");
    re.lastIndex = from;
    let depth = 1;
    for (let m = re.exec(text); m; m = re.exec(text)) {
        depth += m[1] === "/" ? -1 : m[0].endsWith("/>") ? 0 : 1;
        if (depth === 0)
            return m.index + m[0].length;
    }
    // Unclosed: like an unterminated comment, everything after it may be hidden.
    return text.length;
}
function removeHiddenElements(text, count) {
    let out = "";
    let cursor = 0;
    OPEN_TAG.lastIndex = 0;
    for (let m = OPEN_TAG.exec(text); m; m = OPEN_TAG.exec(text)) {
        const tag = (m[1] ?? "").toLowerCase();
        if (!isHidden(tag, m[2] ?? ""))
            continue;
        const openEnd = m.index + m[0].length;
        const end = m[3] === "/" || VOID_TAGS.has(tag) ? openEnd : elementEnd(text, tag, openEnd);
        out += text.slice(cursor, m.index);
        cursor = end;
        OPEN_TAG.lastIndex = end;
        count();
    }
    return out + text.slice(cursor);
}
/** Drops link definitions whose label is used nowhere else, and the titles of those that are used. */
function removeLinkDefinitionText(text, count) {
    const withoutDefinitions = text.replace(LINK_DEFINITION, "");
    const used = new Set([...withoutDefinitions.matchAll(LINK_LABEL)].map((m) => (m[1] ?? "").toLowerCase()));
    return text.replace(LINK_DEFINITION, (line, label) => {
        if (!used.has(label.toLowerCase())) {
            count();
            return "";
        }
        const newline = line.endsWith("\n") ? "\n" : "";
        const body = line.slice(0, line.length - newline.length);
        if (!DEFINITION_TITLE.test(body))
            return line;
        count();
        return body.replace(DEFINITION_TITLE, "$1") + newline;
    });
}
/** Removes hidden markup from markdown; returns the text and how many pieces were removed. */
function stripHiddenMarkup(input) {
    let removed = 0;
    const count = () => void removed++;
    let text = removeHiddenElements(input, count);
    text = text.replace(ANY_TAG, (tag) => tag.replace(INVISIBLE_ATTRIBUTE, () => (count(), "")));
    text = text.replace(IMAGE_ALT, () => (count(), "![]"));
    text = text.replace(LINK_TITLE, (_m, target) => (count(), `${target})`));
    text = removeLinkDefinitionText(text, count);
    return { text, removed };
}

;// CONCATENATED MODULE: ./src/security/sanitize-untrusted-text.ts

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
/**
 * Controls except `\n` and `\t` (CR is normalised first), format characters (zero-width space/joiners,
 * word joiner, BOM, soft hyphen, Mongolian vowel separator…), Unicode tag characters (used for "ASCII
 * smuggling"), supplementary variation selectors, invisible fillers and lone surrogates.
 */
const INVISIBLE = 
// eslint-disable-next-line no-control-regex, no-misleading-character-class -- these characters are what we look for
/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u034F\u115F\u1160\u17B4\u17B5\u3164\uFFA0\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]|\p{Cf}|\p{Cs}/gu;
/** Two or more variation selectors in a row carry hidden bytes ("emoji smuggling"); a single one styles an emoji. */
const VARIATION_RUN = /[\uFE00-\uFE0F]{2,}/gu;
const NUMERIC_ENTITY = /&#(?:[xX]([0-9a-fA-F]{1,6})|(\d{1,7}));/g;
/** Named entities for invisible characters (`&zwj;`, `&lrm;`, `&ZeroWidthSpace;`, …). */
const INVISIBLE_ENTITY = /&(?:zwj|zwnj|lrm|rlm|shy|ZeroWidthSpace|NoBreak|Negative(?:VeryThin|Thin|Medium|Thick)Space|InvisibleTimes|InvisibleComma|ic|it|af|ApplyFunction);/g;
function isInvisibleCodePoint(codePoint) {
    const ch = String.fromCodePoint(codePoint);
    return ch.replace(INVISIBLE, "").replace(BIDI, "") === "";
}
/**
 * Removes HTML comments as the HTML spec ends them: at `-->` or `--!>`, or at once for the abrupt `<!-->`
 * and `<!--->`; an unterminated comment runs to the end of the text. A scan, not a regex, so a text full
 * of `<!--` is handled in linear time.
 */
function removeComments(text, count) {
    let out = "";
    let cursor = 0;
    for (let open = text.indexOf("<!--"); open >= 0; open = text.indexOf("<!--", cursor)) {
        out += text.slice(cursor, open);
        count();
        const body = open + 4;
        if (text.startsWith(">", body))
            cursor = body + 1;
        else if (text.startsWith("->", body))
            cursor = body + 2;
        else {
            const close = /--!?>/g;
            close.lastIndex = body;
            const m = close.exec(text);
            if (!m)
                return out;
            cursor = m.index + m[0].length;
        }
    }
    return out + text.slice(cursor);
}
/**
 * Removes everything from untrusted markdown that GitHub does not display but an agent reading the raw
 * text would see, and normalises line endings. Visible content, `<details>` bodies included, is kept.
 */
function sanitizeUntrustedText(input) {
    const removed = { htmlComments: 0, invisibleChars: 0, bidiControls: 0, hiddenHtml: 0 };
    let text = input.replace(/\r\n?|[\u2028\u2029]/g, "\n");
    text = text.replace(BIDI, () => (removed.bidiControls++, ""));
    text = text.replace(INVISIBLE, () => (removed.invisibleChars++, ""));
    text = text.replace(VARIATION_RUN, (run) => ((removed.invisibleChars += run.length), ""));
    // `&#8203;` renders as nothing on GitHub, so the encoded forms are as hidden as the characters.
    text = text.replace(NUMERIC_ENTITY, (entity, hex, dec) => {
        const codePoint = hex !== undefined ? parseInt(hex, 16) : Number(dec);
        if (codePoint > 0x10ffff || !isInvisibleCodePoint(codePoint))
            return entity;
        removed.invisibleChars++;
        return "";
    });
    text = text.replace(INVISIBLE_ENTITY, () => (removed.invisibleChars++, ""));
    text = removeComments(text, () => removed.htmlComments++);
    const markup = stripHiddenMarkup(text);
    removed.hiddenHtml = markup.removed;
    return { text: markup.text, removed };
}
/**
 * Makes untrusted text safe as one markdown table cell or comment line: hidden content removed, newlines
 * collapsed, markdown syntax escaped, HTML neutralised, and `@mentions` / `#123` references written as
 * entities (`&#64;`, `&#35;`) that render the same but notify and link nobody.
 */
function escapeMarkdownInline(input) {
    const flat = sanitizeUntrustedText(input)
        .text.split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "")
        .join(" ");
    const escaped = flat.replace(/[\\|`*_[\]~<>]|@(?=[A-Za-z0-9])|#(?=\d)/g, (ch) => {
        switch (ch) {
            case "<":
                return "&lt;";
            case ">":
                return "&gt;";
            case "@":
                return "&#64;";
            case "#":
                return "&#35;";
            default:
                return `\\${ch}`;
        }
    });
    // Block syntax only matters at the start of a line: headings, list items, ordered-list numbers.
    return escaped.replace(/^(\s*)([#+-])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2");
}


/***/ }),

/***/ 16810:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rf: () => (/* binding */ resolveTrustedLogin),
/* harmony export */   mi: () => (/* binding */ resolveMasterIssue)
/* harmony export */ });
/* unused harmony export DEFAULT_BOT_LOGIN */
/** The account GITHUB_TOKEN acts as; the fallback when the token cannot tell us who it is. */
const DEFAULT_BOT_LOGIN = "github-actions[bot]";
/** The master issue: the input when given, else the issue of an `issues` event. */
function resolveMasterIssue(input, event) {
    if (input !== undefined)
        return input;
    if (event.issue)
        return event.issue.number;
    throw new Error(`Input "master-issue" is required when the workflow is started by a ${event.name || "unknown"} event: pass the issue number.`);
}
/**
 * The login whose markers we trust: the bot-login input, else the token's own login (a personal token
 * can ask GitHub), else github-actions[bot] (what GITHUB_TOKEN writes as). App tokens must set bot-login.
 */
async function resolveTrustedLogin(github, input) {
    return input ?? (await github.getAuthenticatedLogin()) ?? DEFAULT_BOT_LOGIN;
}


/***/ }),

/***/ 19143:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fq: () => (/* binding */ TASK_ID_PATTERN),
/* harmony export */   KY: () => (/* binding */ STATUS_LIMITS),
/* harmony export */   QB: () => (/* binding */ TASK_STATUS_SCHEMA_VERSION),
/* harmony export */   eN: () => (/* binding */ statusArtifactName),
/* harmony export */   r: () => (/* binding */ parseTaskStatus),
/* harmony export */   yA: () => (/* binding */ capText),
/* harmony export */   yV: () => (/* binding */ capFilesChanged)
/* harmony export */ });
/* unused harmony exports OUTCOMES, ERROR_TYPES, taskStatusSchema, StatusDocumentError */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(56497);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46756);

/**
 * The status document one agent job writes and the aggregate job reads: one versioned JSON file per
 * task and run attempt, uploaded as the artifact `status-<master>-<task>-<attempt>`.
 *
 * Version 2.0. Field names of the original system's v1.0 schema are kept where they fit (`agent_id`,
 * `sub_issue`, `status`, `start_time`, `last_update`, `completion_time`, `branch_name`, `pr_number`,
 * `error` as `"TYPE: message"`, `metadata`); the rest is what users need to see why a run ended.
 * Each field's `.describe()` text is its reference documentation: `STATUS_FIELDS_DOC` renders them as
 * the README's table. Unknown fields are ignored on read so a newer writer does not break an older reader.
 */
const TASK_STATUS_SCHEMA_VERSION = "2.0";
/** Task ids: ASCII letters and digits in hyphen-separated groups (the plan numbers them "1", "2", …). */
const TASK_ID_PATTERN = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
/** Caps that keep one status document small enough to read at a glance and to aggregate by the hundred. */
const STATUS_LIMITS = {
    filesChanged: 300,
    finalMessageChars: 4_000,
    logExcerptChars: 8_192,
    reasonChars: 1_000,
    errorChars: 1_000,
    deniedTools: 10,
    deniedToolChars: 120,
};
const OUTCOMES = [
    "success",
    "no_changes",
    "agent_error",
    "timeout",
    "hung",
    "cancelled",
    "limit",
    "push_failed",
    "pr_failed",
    "api_error",
    "crashed",
];
const ERROR_TYPES = [
    "TIMEOUT",
    "HUNG",
    "AGENT_ERROR",
    "NO_CHANGES",
    "PUSH_FAILED",
    "SECRET_IN_CHANGES",
    "PR_FAILED",
    "API_ERROR",
    "LIMIT_EXCEEDED",
    "CANCELLED",
    "CRASHED",
    "INSTALL_FAILED",
    "VALIDATION_ERROR",
    "UNKNOWN",
];
const isoUtc = zod__WEBPACK_IMPORTED_MODULE_0__/* .datetime */ .w$({ offset: false });
const count = zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative();
const taskId = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .max(40)
    .regex(TASK_ID_PATTERN, "must be letters and digits separated by single hyphens");
const tokensSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    input: count.describe("Input tokens, not counting cache reads."),
    output: count.describe("Output tokens."),
    cache_read: count.describe("Input tokens served from the prompt cache."),
    cache_write: count.describe("Input tokens written to the prompt cache (0 when the agent does not report it)."),
});
const taskStatusSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    schema_version: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(TASK_STATUS_SCHEMA_VERSION).describe('Document version, `"2.0"`.'),
    agent_id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().describe('`"agent-<task_id>"`, as in v1.0.'),
    task_id: taskId.describe('The task\'s id in the plan, e.g. `"3"`.'),
    master_issue: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().positive().describe("Number of the master issue."),
    sub_issue: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
        .int()
        .positive()
        .nullable()
        .describe("Number of the task's sub-issue; null when none was created."),
    status: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(["completed", "failed"])
        .describe("`completed` exactly when `outcome` is `success`, else `failed`."),
    outcome: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(OUTCOMES).describe("Why the run ended, finer than `status`."),
    outcome_reason: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .min(1)
        .max(STATUS_LIMITS.reasonChars)
        .describe("One human sentence explaining `outcome`."),
    error: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .max(STATUS_LIMITS.errorChars)
        .nullable()
        .describe('v1 format `"ERROR_TYPE: message"`, redacted; null on success.'),
    error_type: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(ERROR_TYPES).nullable().describe("The `ERROR_TYPE` of `error`; null on success."),
    start_time: isoUtc.describe("When the agent job started (ISO-8601 UTC)."),
    last_update: isoUtc.describe("When this document was last written (ISO-8601 UTC)."),
    completion_time: isoUtc.describe("When the run ended (ISO-8601 UTC)."),
    duration_seconds: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
        .nonnegative()
        .describe("Wall-clock seconds of the agent process, measured by the action."),
    branch_name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).describe("The task branch, e.g. `orchestrator/12/3-add-auth`."),
    base_branch: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).describe("The branch the task branch starts from and the PR targets."),
    pr_number: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
        .int()
        .positive()
        .nullable()
        .describe("The task's pull request; null when none was opened."),
    pr_url: zod__WEBPACK_IMPORTED_MODULE_1__/* .url */ .OZ5().nullable().describe("Web address of the pull request; null when none was opened."),
    commits: count.describe("Commits on the branch beyond the base."),
    files_changed: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())
        .max(STATUS_LIMITS.filesChanged)
        .describe(`Paths changed on the branch, at most ${STATUS_LIMITS.filesChanged}.`),
    files_changed_truncated: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().describe("True when more files changed than `files_changed` lists."),
    lines_added: count.describe("Lines added on the branch."),
    lines_removed: count.describe("Lines removed on the branch."),
    agent: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        kind: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(["claude", "codex", "command"]).describe("Which adapter ran the agent."),
        model: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
            .nullable()
            .describe("Model used, as reported by the agent or configured; null when unknown."),
        version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional().describe("The agent CLI's version, when known."),
    })
        .describe("The agent that ran."),
    exit_code: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
        .int()
        .nullable()
        .describe("Exit code of the agent process; null when killed by a signal or never started."),
    signal: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .nullable()
        .describe("Signal that ended the process (e.g. `SIGTERM` after a timeout); null otherwise."),
    result_subtype: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .nullable()
        .describe("Claude's result `subtype` (e.g. `error_max_turns`); null for other agents."),
    is_error: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY()
        .nullable()
        .describe("Claude's result `is_error`; null when there was no result object."),
    num_turns: count
        .nullable()
        .describe("Turns the agent reported (Claude counts the prompt as one); null when unknown."),
    max_turns: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
        .int()
        .positive()
        .nullable()
        .describe("The configured turn limit; null when unlimited."),
    cost_usd: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
        .nonnegative()
        .nullable()
        .describe("Cost estimate in USD (Claude's own, or tokens × price for Codex); null when unknown."),
    tokens: tokensSchema.nullable().describe("Token usage; null when the agent did not report it."),
    final_message: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .max(STATUS_LIMITS.finalMessageChars)
        .nullable()
        .describe(`The agent's last message, redacted, at most ${STATUS_LIMITS.finalMessageChars} characters.`),
    denied_tools: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(STATUS_LIMITS.deniedToolChars))
        .max(STATUS_LIMITS.deniedTools)
        .default([])
        .describe("Tool uses the agent's permissions refused, e.g. `Bash(npm test)` (Claude's `permission_denials`), redacted, at most 10: widen `allowed-tools` if the task needs them."),
    log_excerpt: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .max(STATUS_LIMITS.logExcerptChars)
        .describe("First and last lines of the agent's output, redacted, with a count of the lines left out."),
    run: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        run_id: count.describe("`GITHUB_RUN_ID`."),
        run_attempt: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().positive().describe("`GITHUB_RUN_ATTEMPT`."),
        job: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().describe("`GITHUB_JOB`."),
    })
        .describe("The workflow run that produced this document."),
    metadata: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J())
        .describe("Free-form extras (e.g. `timeout_seconds`, `retry_count`)."),
})
    .superRefine((doc, ctx) => {
    // Cross-field rules, so a reader can trust `status` and `error` without re-deriving them.
    const expectedAgentId = `agent-${doc.task_id}`;
    if (doc.agent_id !== expectedAgentId) {
        ctx.addIssue({ code: "custom", path: ["agent_id"], message: `must be "${expectedAgentId}"` });
    }
    const success = doc.outcome === "success";
    if (doc.status !== (success ? "completed" : "failed")) {
        ctx.addIssue({
            code: "custom",
            path: ["status"],
            message: `must be "${success ? "completed" : "failed"}" when outcome is "${doc.outcome}"`,
        });
    }
    if (success && (doc.error !== null || doc.error_type !== null)) {
        ctx.addIssue({
            code: "custom",
            path: [doc.error !== null ? "error" : "error_type"],
            message: "must be null on success",
        });
    }
    if (!success && doc.error_type === null) {
        ctx.addIssue({
            code: "custom",
            path: ["error_type"],
            message: "is required when the run did not succeed",
        });
    }
    if (doc.error !== null && doc.error_type !== null && !doc.error.startsWith(`${doc.error_type}: `)) {
        ctx.addIssue({ code: "custom", path: ["error"], message: `must start with "${doc.error_type}: "` });
    }
});
/** Raised when a status document does not match the schema; the message names the first bad field. */
class StatusDocumentError extends Error {
    field;
    constructor(message, field) {
        super(message);
        this.field = field;
        this.name = "StatusDocumentError";
    }
}
/** Validates a parsed JSON value as a status document; throws a StatusDocumentError naming the first bad field. */
function parseTaskStatus(json) {
    const parsed = taskStatusSchema.safeParse(json);
    if (parsed.success)
        return parsed.data;
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.map(String).join(".") : "(document)";
    throw new StatusDocumentError(`Invalid status document: field "${field}" ${issue?.message ?? "is invalid"}`, field);
}
/**
 * The artifact name of one status document: `status-<master>-<task>-<attempt>`. Artifact names must be
 * unique per run; the attempt keeps a re-run's document apart from the first try's.
 */
function statusArtifactName(master, taskIdValue, attempt) {
    if (!Number.isSafeInteger(master) || master <= 0)
        throw new Error(`Invalid master issue number: ${master}`);
    if (!Number.isSafeInteger(attempt) || attempt <= 0)
        throw new Error(`Invalid run attempt: ${attempt}`);
    if (taskIdValue.length > 40 || !TASK_ID_PATTERN.test(taskIdValue)) {
        throw new Error(`Invalid task id ${JSON.stringify(taskIdValue)}: use letters and digits separated by single hyphens`);
    }
    return `status-${master}-${taskIdValue}-${attempt}`;
}
/** Shortens text to at most `max` characters, marking the cut with an ellipsis. */
function capText(text, max) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
/** Caps a changed-files list for the status document and says whether anything was left out. */
function capFilesChanged(files) {
    return {
        files_changed: files.slice(0, STATUS_LIMITS.filesChanged),
        files_changed_truncated: files.length > STATUS_LIMITS.filesChanged,
    };
}


/***/ })

};
