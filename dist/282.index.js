export const id = 282;
export const ids = [282];
export const modules = {

/***/ 23400:
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

/***/ 30030:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DF: () => (/* binding */ plannedTaskOf),
/* harmony export */   Ey: () => (/* binding */ parsePlanDocument),
/* harmony export */   jk: () => (/* binding */ PLAN_SCHEMA_VERSION),
/* harmony export */   nU: () => (/* binding */ planArtifactName)
/* harmony export */ });
/* unused harmony exports plannedTaskSchema, findingSchema, planDocumentSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32716);

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

/***/ 8782:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CL: () => (/* binding */ safeTitle),
/* harmony export */   Kr: () => (/* binding */ renderSubIssueTitle),
/* harmony export */   _u: () => (/* binding */ renderSubIssueBody),
/* harmony export */   a1: () => (/* binding */ subIssueMarker),
/* harmony export */   fH: () => (/* binding */ safeMarkdown),
/* harmony export */   om: () => (/* binding */ safeLine)
/* harmony export */ });
/* harmony import */ var _github_markers_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(23400);
/* harmony import */ var _security_neutralize_mentions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(71599);
/* harmony import */ var _security_neutralize_title_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(21676);
/* harmony import */ var _security_sanitize_untrusted_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6183);




/** Marker attributes identifying the sub-issue of one task of one master issue. */
function subIssueMarker(master, taskId) {
    return { master, task: taskId };
}
const MAX_CONTEXT = 2_000;
/**
 * Untrusted markdown made safe to re-post: hidden content dropped, cut to `max` characters, mentions and
 * references inert. Neutralised last, since trimming or cutting afterwards can turn code into prose.
 */
function safeMarkdown(text, max = Number.POSITIVE_INFINITY) {
    const clean = (0,_security_sanitize_untrusted_text_js__WEBPACK_IMPORTED_MODULE_3__/* .sanitizeUntrustedText */ .T)(text).text.trim();
    return (0,_security_neutralize_mentions_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralizeMentions */ .tI)(clean.length > max ? `${clean.slice(0, max)}…` : clean);
}
/** Untrusted text for one line of markdown (a list item, a sentence): lines joined, then made inert. */
function safeLine(text) {
    return (0,_security_neutralize_mentions_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralizeMentionsInline */ .mO)((0,_security_sanitize_untrusted_text_js__WEBPACK_IMPORTED_MODULE_3__/* .sanitizeUntrustedText */ .T)(text).text.trim());
}
/**
 * Untrusted single-line text, cleaned: hidden characters dropped, whitespace collapsed. Not yet inert:
 * pass it to `escapeMarkdownInline` for markdown, or `neutralizeTitle` for a title.
 */
function safeTitle(text, max = 200) {
    const clean = (0,_security_sanitize_untrusted_text_js__WEBPACK_IMPORTED_MODULE_3__/* .sanitizeUntrustedText */ .T)(text).text.replace(/\s+/g, " ").trim();
    return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
/** Fills the sub-issue title template (`{master}`, `{id}`, `{title}`); the task's title is made inert. */
function renderSubIssueTitle(template, master, task) {
    const title = template
        .replaceAll("{master}", String(master))
        .replaceAll("{id}", task.id)
        .replaceAll("{title}", (0,_security_neutralize_title_js__WEBPACK_IMPORTED_MODULE_2__/* .neutralizeTitle */ ._)(safeTitle(task.title)));
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
        (0,_github_markers_js__WEBPACK_IMPORTED_MODULE_0__/* .renderMarker */ .Bd)("sub-issue", subIssueMarker(master, task.id)),
        `**Master issue**: #${master} · **Task** ${task.id} of ${taskCount}${task.group ? ` · **Group**: ${(0,_security_sanitize_untrusted_text_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdownInline */ .E)(safeTitle(task.group, 100))}` : ""}`,
        "",
        "## Task",
        "",
        `**${(0,_security_sanitize_untrusted_text_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdownInline */ .E)(safeTitle(task.title))}**`,
        "",
    ];
    const description = safeMarkdown(task.description);
    if (description)
        lines.push(description, "");
    lines.push("## Acceptance criteria", "");
    if (task.acceptanceCriteria.length > 0) {
        lines.push(...task.acceptanceCriteria.map((c) => `- [ ] ${safeLine(c)}`));
    }
    else {
        lines.push("- [ ] The task as described is implemented", "- [ ] Tests cover the change and pass");
    }
    lines.push("");
    if (task.files.length > 0) {
        lines.push("## Files", "", ...task.files.map((f) => `- \`${f.replace(/`/g, "")}\``), "");
    }
    const cleanContext = safeMarkdown(context, MAX_CONTEXT);
    if (cleanContext)
        lines.push("## Context from the master issue", "", quote(cleanContext), "");
    lines.push("## Implementation notes", "", `- **Branch**: \`${branch}\``, "- One coding agent works on this task alone, in parallel with the other tasks of the master issue: it stays within this task's scope and files.", `- The pull request for this task closes this issue. See master issue #${master} for the whole picture.`, "", "---", "*Created by Parallel Task Orchestrator.*");
    return lines.join("\n");
}


/***/ }),

/***/ 61126:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $F: () => (/* binding */ breaksAfter),
/* harmony export */   m3: () => (/* binding */ breakReferences),
/* harmony export */   v$: () => (/* binding */ breakReference),
/* harmony export */   xJ: () => (/* binding */ MAX_PASSES),
/* harmony export */   yU: () => (/* binding */ findReferences)
/* harmony export */ });
/* unused harmony export isReferenceUrl */
/**
 * What GitHub turns into a notification or a cross-reference when it renders text: `@user` and
 * `@org/team` mentions, `#12`, `owner/repo#12` and `GH-12` issue references, and links to issues, pull
 * requests and discussions. GitHub looks for them in the rendered text (entities decoded), outside
 * `<code>`, `<pre>` and `<a>` elements, so callers pass decoded text. `breakReference` makes one inert.
 *
 * The patterns are broader than GitHub's own: an `@name` or `#123` counts even right after a letter
 * (`a@b.c@user`, `deadbeef#1`), because GitHub starts a new text node after anything it links (an
 * email, a commit SHA, a custom autolink), and the next mention is then at the start of a word. An
 * email's `@domain` is broken too: the break is invisible, the address loses only its mailto link.
 * Missing a real mention pings someone; breaking a harmless one costs a zero-width space.
 */
/** Each kind's pattern, and what may not come before it (a word it would be part of). */
const KINDS = [
    // Issue, pull request and discussion links (a comment anchor or a sub-page included).
    [
        "url",
        "",
        String.raw `(?:https?:\/\/)?(?:www\.)?github\.com\/[\w.-]+\/[\w.-]+\/(?:issues|pulls?|discussions)\/\d+[^\s<>\x60]*`,
    ],
    ["cross-repo", String.raw `(?<![a-z0-9.\/-])`, String.raw `[a-z0-9][a-z0-9-]*\/[\w.-]+#\d+`],
    ["gh-id", String.raw `(?<![a-z0-9])`, String.raw `gh-\d+`],
    ["issue", "", String.raw `#\d+`],
    ["mention", "", String.raw `@[a-z0-9][a-z0-9-]*(?:\/[a-z0-9][\w.-]*)?`],
];
/**
 * One alternation. Branches that start with a letter have a lookbehind so they only start where a word
 * starts: every character is the start of at most one scan of its word, which keeps 64 KB linear.
 */
const REFERENCE = new RegExp(KINDS.map(([, before, body]) => `${before}(${body})`).join("|"), "gi");
/**
 * Right after a reference the text starts afresh (no lookbehind): GitHub links the reference, which ends
 * its text node, so `GH-1GH-2` holds two references, and both are found.
 */
const AT_BOUNDARY = new RegExp(KINDS.map(([, , body]) => `(${body})`).join("|"), "iy");
/** Sentence punctuation after a link belongs to the sentence, as in GitHub's own autolinker. */
const TRAILING_PUNCTUATION = /[.,:;!?'")\]]+$/;
function referenceOf(m) {
    const index = m.slice(1).findIndex((group) => group !== undefined);
    const kind = KINDS[index]?.[0] ?? "mention";
    let end = m.index + m[0].length;
    if (kind === "url")
        end -= TRAILING_PUNCTUATION.exec(m[0])?.[0].length ?? 0;
    return { kind, start: m.index, end };
}
/**
 * Every mention and reference in `text`, in order, not overlapping; the text right after one counts as
 * the start of a word.
 */
function findReferences(text) {
    const found = [];
    for (let pos = 0; pos < text.length;) {
        let m = null;
        if (found.length > 0) {
            AT_BOUNDARY.lastIndex = pos;
            m = AT_BOUNDARY.exec(text);
        }
        if (!m) {
            REFERENCE.lastIndex = pos;
            m = REFERENCE.exec(text);
        }
        if (!m)
            break;
        const ref = referenceOf(m);
        found.push(ref);
        pos = ref.end;
    }
    return found;
}
/** Whether `url` points at an issue, pull request or discussion (a link there adds a cross-reference). */
function isReferenceUrl(url) {
    const [first] = findReferences(url);
    return first?.kind === "url" && first.start === 0;
}
/** After these characters a zero-width space leaves no piece of a reference that any pattern matches. */
const BREAK_AFTER = /[@#/:.-]/;
/** Whether a zero-width space goes right after `ch` (the last character of a piece of a reference). */
function breaksAfter(ch) {
    return BREAK_AFTER.test(ch);
}
/**
 * A reference made inert by a zero-width space after each `@ # / : . -` in it: it looks the same, but
 * GitHub's patterns (a name right after `@`, digits right after `#` or `GH-`, a whole `github.com/…`
 * link) no longer match, in any context: prose, HTML, a table cell, a title. `zeroWidth` is how to
 * write the space: the entity `&#x200B;` in markdown, the character itself in a plain-text title.
 */
function breakReference(reference, zeroWidth) {
    let out = "";
    for (const ch of reference)
        out += breaksAfter(ch) ? ch + zeroWidth : ch;
    return out;
}
/** Passes before giving up on finding references one by one (see `breakReferences`). */
const MAX_PASSES = 4;
/**
 * Plain text (a title, a table cell before escaping) with every reference broken by U+200B. A break can
 * start a word where there was none (`@https://github.com/…`: the mention is `@https`, after it the
 * link begins a word), so the text is searched again until nothing is found; after `MAX_PASSES`, every
 * `@ # / : . -` gets a break, which leaves nothing to find.
 */
function breakReferences(text) {
    let out = text;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
        const found = findReferences(out);
        if (found.length === 0)
            return out;
        let next = "";
        let cursor = 0;
        for (const ref of found) {
            next += out.slice(cursor, ref.start) + breakReference(out.slice(ref.start, ref.end), "\u200B");
            cursor = ref.end;
        }
        out = next + out.slice(cursor);
    }
    return findReferences(out).length === 0 ? out : breakReference(out, "\u200B");
}


/***/ }),

/***/ 71599:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  tI: () => (/* binding */ neutralizeMentions),
  mO: () => (/* binding */ neutralizeMentionsInline)
});

// UNUSED EXPORTS: neutralizeMentionsMetered

;// CONCATENATED MODULE: ./src/security/code-spans.ts
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
/**
 * The code spans of one line, paired as CommonMark pairs backtick strings: an opener that is not
 * escaped closes at the next backtick string of the same length (backslashes are literal inside a
 * span). `balanced` is false when an opener found no closer on the line: in a paragraph it might close
 * on a later line. Linear: one pointer per string length only moves forward.
 */
function codeSpans(line) {
    const runs = new Map();
    for (const m of line.matchAll(/`+/g)) {
        const list = runs.get(m[0].length) ?? [];
        list.push(m.index);
        runs.set(m[0].length, list);
    }
    const next = new Map();
    const spans = [];
    let balanced = true;
    for (let i = 0; i < line.length;) {
        const ch = line[i];
        if (ch === "\\" && ASCII_PUNCTUATION.test(line[i + 1] ?? "")) {
            i += 2;
            continue;
        }
        if (ch !== "`") {
            i++;
            continue;
        }
        let end = i;
        while (line[end] === "`")
            end++;
        const length = end - i;
        // Closers are whole backtick strings starting after the opener.
        const list = runs.get(length) ?? [];
        let k = next.get(length) ?? 0;
        while (k < list.length && (list[k] ?? 0) < end)
            k++;
        next.set(length, k);
        const close = list[k];
        if (close === undefined) {
            balanced = false;
            i = end;
            continue;
        }
        spans.push([i, close + length]);
        i = close + length;
    }
    return { spans, balanced };
}

;// CONCATENATED MODULE: ./src/security/decode-markdown-text.ts
/**
 * Markdown source as the reader sees it: character references (`&#64;`, `&#x40;`, `&commat;`) and
 * backslash escapes (`\@`) decoded, each decoded piece keeping the source range it came from. GitHub
 * finds mentions after decoding, so a rewrite must look at decoded text and edit the source.
 */
/**
 * Named references that decode to ASCII punctuation: the only ones that can form or end a mention or a
 * reference. Any other valid name decodes to a non-ASCII character, which the patterns treat like the
 * `;` that ends the reference left undecoded.
 */
const ASCII_ENTITIES = {
    Tab: "\t",
    NewLine: "\n",
    excl: "!",
    quot: '"',
    QUOT: '"',
    num: "#",
    dollar: "$",
    percnt: "%",
    amp: "&",
    AMP: "&",
    apos: "'",
    lpar: "(",
    rpar: ")",
    ast: "*",
    midast: "*",
    plus: "+",
    comma: ",",
    period: ".",
    sol: "/",
    colon: ":",
    semi: ";",
    lt: "<",
    LT: "<",
    equals: "=",
    gt: ">",
    GT: ">",
    quest: "?",
    commat: "@",
    lsqb: "[",
    lbrack: "[",
    bsol: "\\",
    rsqb: "]",
    rbrack: "]",
    Hat: "^",
    lowbar: "_",
    UnderBar: "_",
    grave: "`",
    DiacriticalGrave: "`",
    lcub: "{",
    lbrace: "{",
    verbar: "|",
    vert: "|",
    VerticalLine: "|",
    rcub: "}",
    rbrace: "}",
};
const REFERENCE_AT = /&(?:#[xX]([0-9a-fA-F]{1,6});|#(\d{1,7});|([A-Za-z][A-Za-z0-9]{0,31});)/y;
const decode_markdown_text_ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
function decodeReference(hex, dec, name) {
    if (name !== undefined)
        return ASCII_ENTITIES[name] ?? `&${name};`;
    const codePoint = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    // CommonMark renders NUL, surrogates and out-of-range code points as U+FFFD.
    const valid = codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
    return String.fromCodePoint(valid ? codePoint : 0xfffd);
}
/**
 * Splits `source` into units. With `escapes`, a backslash before ASCII punctuation is an escape (markdown
 * prose); without, it is a plain character (HTML, where only references are decoded).
 */
function decodeSourceUnits(source, escapes) {
    const units = [];
    for (let i = 0; i < source.length;) {
        const ch = source[i] ?? "";
        if (ch === "&") {
            REFERENCE_AT.lastIndex = i;
            const m = REFERENCE_AT.exec(source);
            if (m) {
                const end = i + m[0].length;
                units.push({ start: i, end, text: decodeReference(m[1], m[2], m[3]) });
                i = end;
                continue;
            }
        }
        const next = source[i + 1] ?? "";
        if (escapes && ch === "\\" && decode_markdown_text_ASCII_PUNCTUATION.test(next)) {
            units.push({ start: i, end: i + 2, text: next });
            i += 2;
            continue;
        }
        // Keep surrogate pairs whole so decoded text stays valid UTF-16.
        const width = (source.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
        units.push({ start: i, end: i + width, text: source.slice(i, i + width) });
        i += width;
    }
    return units;
}
/** The decoded text of `units`, with the index in it where each unit starts. */
function joinUnits(units) {
    const offsets = [];
    let text = "";
    for (const unit of units) {
        offsets.push(text.length);
        text += unit.text;
    }
    return { text, offsets };
}

// EXTERNAL MODULE: ./src/security/github-references.ts
var github_references = __webpack_require__(61126);
;// CONCATENATED MODULE: ./src/security/neutralize-mentions.ts



/**
 * When we copy untrusted markdown (a task's description, an agent's message) into an issue or comment
 * we write, an `@user` or `@org/team` in it would notify those people under our name, and `#123`,
 * `owner/repo#123`, `GH-123` or an issue link would add a cross-reference to that issue (and a
 * "fixes #123" in a pull request would close it). Each gets a zero-width space, written `&#x200B;`,
 * after each `@ # / : . -` in it (`@&#x200B;user`, `#&#x200B;123`), as Renovate does in its pull
 * requests. Why this form:
 *
 * - GitHub looks for mentions and references after decoding entities, so `&#64;user` still pings: the
 *   check runs on decoded text, and the break survives decoding.
 * - It adds no markup. A code span can be undone by a stray backtick in the input or by table
 *   escaping, and does nothing in an HTML block; an HTML `<code>` can be swallowed by a tag or comment
 *   the input left open. A character inside the reference works wherever text is rendered.
 *
 * Mentions inside code are left alone where the code is certain: code spans and top-level fenced code
 * blocks. Deciding that needs no full markdown parse (micromark is quadratic on nested containers and
 * emphasis): one pass over the lines, treating as prose every line that might be prose. A mention
 * broken inside code that was not recognised shows the entity: a cosmetic cost, never a ping.
 *
 * Neutralise last: trimming or joining lines afterwards can turn code into prose (an indented first
 * line becomes a paragraph once trimmed).
 */
/** A zero-width space as markdown writes it: decoded in prose and HTML alike. */
const ZERO_WIDTH = "&#x200B;";
const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
const BLANK = /^[ \t]*$/;
/** A fence at column 0 cannot belong to a list item, block quote or footnote: it is top-level. */
const FENCE_OPEN = /^(`{3,}(?=[^`]*$)|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`+|~+)[ \t]*$/;
/**
 * Lines where a backtick may belong to something other than a code span: a table row splits at pipes
 * first; a link destination or title, a reference or footnote label, GitHub's `$…$` math and a GFM
 * autolink (`https://…`, `www.…`, which runs to the next space) can each take a backtick in. Rather
 * than model them, code spans are not looked for on such lines (tags are handled as HTML lines).
 */
const UNPAIRED_BACKTICKS = /[|[\]$]|:\/\/|www\./i;
/** Where an HTML block may start; HTML blocks switch markdown (and code spans) off until they end. */
const HTML_START = /<[A-Za-z/!?]/;
/** HTML blocks that run past blank lines until an end marker (CommonMark types 1–5): start, end. */
const HTML_SPANS_BLANK_LINES = [
    [/<(?:script|pre|style|textarea)(?![\w-])/i, /<\/(?:script|pre|style|textarea)>/i],
    [/<!--/, /-->/],
    [/<\?/, /\?>/],
    [/<![A-Za-z]/, />/],
    [/<!\[CDATA\[/, /\]\]>/],
];
/**
 * Breaks the references in `segment`, a piece of one line. `escapes` says whether backslash escapes
 * exist there (prose) or not (HTML): the decoded text decides what is a reference and where the breaks
 * go; the source is kept as written, each break going between two of its characters or entities. As in
 * `breakReferences`, searched again until nothing is found, and after `MAX_PASSES` broken everywhere.
 */
function neutralizeSegment(segment, escapes, meter) {
    let out = segment;
    for (let pass = 0; pass < github_references/* MAX_PASSES */.xJ; pass++) {
        const next = breakOnce(out, escapes, meter, false);
        meter.work += next.shown.length;
        if (next.out === out || (0,github_references/* findReferences */.yU)(next.shown).length === 0)
            return next.out;
        out = next.out;
    }
    return breakOnce(out, escapes, meter, true).out;
}
/**
 * One pass of `neutralizeSegment`: the new source, and the text it shows (breaks as U+200B), so that
 * the next search needs no second decoding. With `everywhere`, a break after every `@ # / : . -`.
 */
function breakOnce(segment, escapes, meter, everywhere) {
    if (!segment.includes("&") && !segment.includes("\\")) {
        // Nothing to decode: the text is the source.
        meter.work += 2 * segment.length;
        if (everywhere)
            return { out: (0,github_references/* breakReference */.v$)(segment, ZERO_WIDTH), shown: "" };
        let out = "";
        let shown = "";
        let cursor = 0;
        for (const ref of (0,github_references/* findReferences */.yU)(segment)) {
            const before = segment.slice(cursor, ref.start);
            const reference = segment.slice(ref.start, ref.end);
            out += before + (0,github_references/* breakReference */.v$)(reference, ZERO_WIDTH);
            shown += before + (0,github_references/* breakReference */.v$)(reference, "\u200B");
            cursor = ref.end;
        }
        return { out: out + segment.slice(cursor), shown: shown + segment.slice(cursor) };
    }
    const units = decodeSourceUnits(segment, escapes);
    const { text, offsets } = joinUnits(units);
    meter.work += segment.length + units.length + 2 * text.length;
    let out = "";
    let shown = "";
    let cursor = 0;
    let unit = 0;
    const references = everywhere ? [{ start: 0, end: text.length }] : (0,github_references/* findReferences */.yU)(text);
    for (const ref of references) {
        for (; unit < units.length && (offsets[unit] ?? 0) < ref.start; unit++)
            shown += units[unit]?.text ?? "";
        for (; unit < units.length && (offsets[unit] ?? 0) < ref.end; unit++) {
            const { start, end, text: decoded } = units[unit] ?? { start: 0, end: 0, text: "" };
            const broken = (0,github_references/* breaksAfter */.$F)(decoded.slice(-1));
            out += segment.slice(cursor, end) + (broken ? ZERO_WIDTH : "");
            shown += decoded + (broken ? "\u200B" : "");
            cursor = end;
            meter.work += end - start;
        }
    }
    for (; unit < units.length; unit++)
        shown += units[unit]?.text ?? "";
    return { out: out + segment.slice(cursor), shown };
}
/** Breaks the references of one prose line outside the given code spans. */
function neutralizeProse(line, spans, meter) {
    let out = "";
    let cursor = 0;
    for (const [start, end] of spans) {
        out += neutralizeSegment(line.slice(cursor, start), true, meter) + line.slice(start, end);
        cursor = end;
    }
    return out + neutralizeSegment(line.slice(cursor), true, meter);
}
/**
 * Breaks the references of a line that may be HTML or prose. The readings differ only in backslashes
 * (`\&#35;1` is the text `&#35;1` in prose, `\#1` in HTML): breaking what either shows covers both.
 */
function neutralizeEitherWay(line, meter) {
    return neutralizeSegment(neutralizeSegment(line, false, meter), true, meter);
}
function isFenceClose(line, fence) {
    const m = FENCE_CLOSE.exec(line);
    return m?.[1]?.[0] === fence.char && m[1].length >= fence.length;
}
/** A line in what may be an HTML block, tracking where the block may end. */
function neutralizeHtmlLine(line, html, state) {
    for (const [start, end] of HTML_SPANS_BLANK_LINES)
        if (start.test(line))
            html.add(end);
    for (const end of html)
        if (end.test(line))
            html.delete(end);
    if (BLANK.test(line) && html.size === 0)
        state.html = null;
    state.clean = true;
    state.work += line.length * (2 * HTML_SPANS_BLANK_LINES.length + 1);
    return neutralizeEitherWay(line, state);
}
/** One line (without its line ending): the rewritten line, updating the state. */
function neutralizeLine(line, state) {
    state.work += line.length * 4;
    if (state.fence) {
        if (isFenceClose(line, state.fence)) {
            state.fence = null;
            state.clean = true;
        }
        return line;
    }
    if (state.html === null && HTML_START.test(line))
        state.html = new Set();
    if (state.html !== null)
        return neutralizeHtmlLine(line, state.html, state);
    if (BLANK.test(line)) {
        state.clean = true;
        return line;
    }
    const fence = FENCE_OPEN.exec(line)?.[1];
    // A fence interrupts a paragraph, so whatever the line before was, this one opens a fence.
    if (fence) {
        state.fence = { char: fence[0] ?? "`", length: fence.length };
        return line;
    }
    if (!line.includes("`"))
        return neutralizeProse(line, [], state);
    if (!state.clean || UNPAIRED_BACKTICKS.test(line)) {
        state.clean = false;
        return neutralizeProse(line, [], state);
    }
    const { spans, balanced } = codeSpans(line);
    state.work += line.length * 3;
    state.clean = balanced;
    return neutralizeProse(line, spans, state);
}
/** `neutralizeMentions` with the work it did: characters examined, summed over passes (for tests). */
function neutralizeMentionsMetered(markdown) {
    const state = { fence: null, html: null, clean: true, work: 0 };
    let out = "";
    LINE.lastIndex = 0;
    for (let m = LINE.exec(markdown); m && m[0] !== ""; m = LINE.exec(markdown)) {
        const ending = /(?:\r\n|\r|\n)$/.exec(m[0])?.[0] ?? "";
        out += neutralizeLine(m[0].slice(0, m[0].length - ending.length), state) + ending;
        state.work += m[0].length;
    }
    return { text: out, work: state.work };
}
/**
 * Makes every `@mention`, issue reference and issue link in untrusted markdown inert with zero-width
 * spaces; code that is certainly code is left alone. Linear in the input's length.
 */
function neutralizeMentions(markdown) {
    return neutralizeMentionsMetered(markdown).text;
}
/**
 * The same for text that will sit inside one line of markdown (a list item, a sentence after a label):
 * line breaks become spaces first, and no line can start a fence or an HTML block there.
 */
function neutralizeMentionsInline(text) {
    // The lookbehind starts a match only at the start of a run of spaces, which keeps this linear.
    const line = text.replace(/(?<![ \t])[ \t]*[\r\n]\s*/g, " ");
    const meter = { work: 0 };
    if (HTML_START.test(line))
        return neutralizeEitherWay(line, meter);
    const plain = !line.includes("`") || UNPAIRED_BACKTICKS.test(line);
    return neutralizeProse(line, plain ? [] : codeSpans(line).spans, meter);
}


/***/ }),

/***/ 21676:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ neutralizeTitle)
/* harmony export */ });
/* harmony import */ var _github_references_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61126);

/**
 * Issue and pull request titles are plain text: no HTML, no entities. A mention in a title notifies
 * nobody, but `#12` there may be linked, and the same title is shown in lists and boards, so titles
 * get the same treatment as bodies: a zero-width space after each `@ # / : . -` of every mention and
 * reference, here as the character itself. The title reads the same and keeps its own backticks.
 */
function neutralizeTitle(title) {
    return (0,_github_references_js__WEBPACK_IMPORTED_MODULE_0__/* .breakReferences */ .m3)(title);
}


/***/ }),

/***/ 6183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E: () => (/* binding */ escapeMarkdownInline),
  T: () => (/* binding */ sanitizeUntrustedText)
});

// EXTERNAL MODULE: ./src/security/github-references.ts
var github_references = __webpack_require__(61126);
;// CONCATENATED MODULE: ./src/security/strip-hidden-markup.ts
/**
 * Markup whose text GitHub does not display: hidden elements, CDATA sections, processing instructions
 * and declarations (`<!DOCTYPE …>`), every attribute but a few harmless ones, image alt text, link
 * titles, link targets that hold words, and link definitions nothing refers to (`[//]: # (…)` is the
 * classic markdown comment). Every pattern here is bounded (tag bodies stop at `<`, lengths are capped,
 * quoted values may be unterminated, delimited sections are found with `indexOf`) so a hostile 64 KB
 * issue body is processed in linear time.
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
const ANY_TAG = /<([a-zA-Z][a-zA-Z0-9-]*)([^<>]*)>/g;
const HIDDEN_FLAG = /(?:^|\s)hidden(?=[\s=/]|$)/i;
/** Checked on the tag's attributes with whitespace removed; `font-size:0.5em` is visible, `0px` is not. */
const HIDING_STYLE = /display:none|visibility:hidden|font-size:0(?![.\d]*[1-9])|opacity:0(?![.\d]*[1-9])/;
/** One attribute with the space before it (or right after a quoted value); a quote may be unterminated. */
const ATTRIBUTE = /(?:(?<!\s)\s+|(?<=["']))([^\s"'<>/=]+)(?:\s*=\s*("[^"]*"?|'[^']*'?|[^\s"'<>]*))?/g;
/**
 * No attribute's value is shown as content. GitHub's sanitiser drops most (`onclick`, `style`, `class`,
 * `data-*`) and keeps some that hold free text (`alt`, `title`, `aria-label`, `value`). Only these
 * stay, with a short value without spaces (links: http, https or mailto, as GitHub allows).
 */
const KEPT_ATTRIBUTES = new Set([
    "href",
    "src",
    "width",
    "height",
    "align",
    "valign",
    "colspan",
    "rowspan",
    "start",
    "type",
    "open",
    "checked",
    "disabled",
    "dir",
    "lang",
]);
/** Link targets are URLs; one up to 2048 characters without spaces is kept, like GitHub's own limit. */
const MAX_URL = 2048;
const MAX_VALUE = 32;
/** Sections GitHub's HTML parser turns into nothing: CDATA, processing instructions, declarations. */
const DELIMITED = [
    [/<!\[CDATA\[/g, "]]>"],
    [/<\?/g, "?>"],
    [/<![A-Za-z]/g, ">"],
];
/** A link target in angle brackets may hold spaces, so whole sentences nobody sees unless they hover. */
const WORDY_TARGET = /(\]\(\s*|^ {0,3}\[[^\][\n]{1,999}\]:[ \t]*)<([^<>\n]{0,2048})>/gm;
const IMAGE_ALT = /!\[[^\][\n]+\](?=[([])/g;
const LINK_TITLE = /(\]\(\s*<?[^\s()<>[\]]{1,2048}>?)\s+("[^"\n]*"|'[^'\n]*'|\([^()\n]*\))\s*\)/g;
const LINK_DEFINITION = /^ {0,3}\[([^\][\n]{1,999})\]:[^\n]*(?:\n|$)/gm;
const DEFINITION_TITLE = /(\]:\s*<?[^\s<>]{1,2048}>?)\s+("[^"\n]*"|'[^'\n]*'|\([^()\n]*\))\s*$/;
const LINK_LABEL = /\[([^\][\n]{1,999})\]/g;
const LINK_ATTRIBUTES = new Set(["href", "src"]);
const ALLOWED_SCHEME = /^(?:https?|mailto):/i;
function keepsAttribute(name, value) {
    const lower = name.toLowerCase();
    if (!KEPT_ATTRIBUTES.has(lower))
        return false;
    const bare = (value ?? "").replace(/^["']|["']$/g, "");
    if (/\s/.test(bare))
        return false;
    if (!LINK_ATTRIBUTES.has(lower))
        return bare.length <= MAX_VALUE;
    return bare.length <= MAX_URL && (!/^[a-z][a-z0-9+.-]*:/i.test(bare) || ALLOWED_SCHEME.test(bare));
}
/** A tag without the attributes that are not kept; unchanged (spacing included) when all are kept. */
function stripAttributes(tag, name, body, count) {
    let dropped = false;
    const kept = body.replace(ATTRIBUTE, (attribute, attrName, value) => {
        if (keepsAttribute(attrName, value))
            return attribute;
        dropped = true;
        count();
        return "";
    });
    return dropped ? `<${name}${kept}>` : tag;
}
/** Removes each section from `open` to the next `close`; an unterminated one is left, as markdown shows it. */
function removeDelimited(text, open, close, count) {
    let out = "";
    let cursor = 0;
    open.lastIndex = 0;
    for (let m = open.exec(text); m; m = open.exec(text)) {
        const end = text.indexOf(close, m.index + m[0].length);
        if (end < 0)
            break;
        out += text.slice(cursor, m.index);
        cursor = end + close.length;
        open.lastIndex = cursor;
        count();
    }
    return out + text.slice(cursor);
}
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
    let text = input;
    for (const [open, close] of DELIMITED)
        text = removeDelimited(text, open, close, count);
    text = removeHiddenElements(text, count);
    // Before attributes: `<a b c>` as a link target is not a tag.
    text = text.replace(WORDY_TARGET, (target, before, url) => /\s/.test(url) ? (count(), `${before}<>`) : target);
    text = text.replace(ANY_TAG, (tag, name, body) => stripAttributes(tag, name, body, count));
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
/** Markdown syntax in one line of plain text, written so it shows as typed. */
function escapeInline(text) {
    return text.replace(/[\\|`*_[\]~<>&]/g, (ch) => {
        switch (ch) {
            case "<":
                return "&lt;";
            case ">":
                return "&gt;";
            case "&":
                return "&amp;";
            default:
                return `\\${ch}`;
        }
    });
}
/**
 * Makes untrusted text safe as one markdown table cell or comment line: hidden content removed, newlines
 * collapsed, the rest shown as typed (markdown syntax escaped, `&` and HTML written as entities), and
 * every `@mention` and issue reference broken by zero-width spaces (see neutralize-mentions.ts), so
 * GitHub neither notifies nor links. The breaks are added after escaping, which cannot undo them.
 */
function escapeMarkdownInline(input) {
    const flat = sanitizeUntrustedText(input)
        .text.split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "")
        .join(" ");
    // The text has no U+200B of its own (sanitising removed it): each one is a break, written as an entity.
    const escaped = escapeInline((0,github_references/* breakReferences */.m3)(flat)).replace(/\u200B/g, "&#x200B;");
    // Block syntax only matters at the start of a line: headings, list items, ordered-list numbers.
    return escaped.replace(/^(\s*)([#+-])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2");
}


/***/ }),

/***/ 43667:
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

/***/ 18452:
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
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(64377);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32716);

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
    "refused",
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
    "PROTECTED_PATH",
    "UNSAFE_FILE",
    "WORK_LIMIT",
    "ISOLATION_UNAVAILABLE",
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
