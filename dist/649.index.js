export const id = 649;
export const ids = [649];
export const modules = {

/***/ 2649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createRedactor: () => (/* binding */ createRedactor),
/* harmony export */   createStreamRedactor: () => (/* binding */ createStreamRedactor),
/* harmony export */   secretForms: () => (/* binding */ secretForms)
/* harmony export */ });
/**
 * Anything an agent prints can end up in a status document, a job summary or a follow-up issue. The
 * redactor replaces every known secret value, and anything shaped like a well-known credential, with
 * `***` before text leaves the job.
 */
const MASK = "***";
/** Shorter values would mask ordinary words ("true", "main"); GitHub's own masking has the same floor. */
const MIN_SECRET_LENGTH = 4;
/** Base64 fragments shorter than this could match unrelated base64 by chance. */
const MIN_BASE64_FRAGMENT = 8;
/**
 * What may sit right before a token in printed text without being part of it: not a letter or digit, or
 * the end of an escape sequence that ends in one. Terminal colours (`\x1b[31m`, also JSON-escaped as
 * `\u001b[31m`) and JSON escapes (`\n`, `\t`, `\u0041`) glue a letter to the token, so `\b` would miss it.
 */
const START = String.raw `(?<=^|[^A-Za-z0-9]|(?:\x1b|\\u001[bB]|\\x1[bB]|\\e|\\033)\[[0-9;]*[A-Za-z]|\\[bfnrtv]|\\u[0-9a-fA-F]{4})`;
/** The token ends where a letter or digit cannot continue it. */
const END = String.raw `(?![A-Za-z0-9])`;
function shape(body, flags = "g") {
    return new RegExp(START + body, flags);
}
/**
 * Credential shapes masked even when we were not told the value. Each is a [pattern, replacement];
 * replacements keep the non-secret prefix so the log still says what was there.
 */
const TOKEN_SHAPES = [
    [shape(String.raw `gh[pousr]_[A-Za-z0-9]{20,}` + END), MASK], // GitHub classic, OAuth, user-to-server, server-to-server, refresh
    [shape(String.raw `github_pat_[A-Za-z0-9_]{20,}`), MASK], // GitHub fine-grained PAT
    [shape(String.raw `sk-ant-[A-Za-z0-9_-]{10,}`), MASK], // Anthropic API key / OAuth token
    [shape(String.raw `sk-[A-Za-z0-9_-]{20,}`), MASK], // OpenAI keys (sk-…, sk-proj-…, sk-svcacct-…)
    [shape(String.raw `(?:AKIA|ASIA)[0-9A-Z]{16}` + END), MASK], // AWS access key id, long-lived and temporary
    [shape(String.raw `xox[abeprs]-[A-Za-z0-9-]{10,}`), MASK], // Slack bot, user, app, refresh, config tokens
    [shape(String.raw `AIza[0-9A-Za-z_-]{35}` + END), MASK], // Google API key
    [shape(String.raw `eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*`), MASK], // JWT
    // A bearer token has a digit somewhere; "Bearer authentication" in prose is left alone.
    [/\b(Bearer\s+)(?=[A-Za-z._~+/=-]*\d)[A-Za-z0-9._~+/=-]{8,}/gi, `$1${MASK}`],
    [/\b(Authorization:\s*(?:Basic|token)\s+)\S+/gi, `$1${MASK}`],
    [/\b(x-access-token:)[^@\s]+@/gi, `$1${MASK}@`],
    // Credentials in a URL, with a scheme or protocol-relative (`//user:pass@host`).
    [/((?:\b[a-z][a-z0-9+.-]*:)?\/\/[^/\s:@]+:)[^@\s/]+@/gi, `$1${MASK}@`],
];
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
/**
 * The parts of `secret`'s base64 encoding that appear whatever bytes precede it: a secret inside a
 * larger encoded value (such as `x-access-token:<token>` in a Basic auth header) sits at one of three
 * alignments, and at each the characters that depend only on the secret's own bytes are fixed.
 */
function base64Fragments(secret) {
    const bytes = Buffer.from(secret, "utf8");
    const out = [];
    for (let pad = 0; pad < 3; pad++) {
        const encoded = Buffer.concat([Buffer.alloc(pad), bytes]).toString("base64");
        const start = Math.ceil((8 * pad) / 6);
        const end = Math.floor((8 * (pad + bytes.length)) / 6);
        const fragment = encoded.slice(start, end);
        if (fragment.length >= MIN_BASE64_FRAGMENT)
            out.push(fragment, fragment.replace(/\+/g, "-").replace(/\//g, "_"));
    }
    return out;
}
/** Every form in which a secret may be printed: as is, URL-encoded, and base64 (standard and URL-safe). */
function secretForms(secrets) {
    const forms = new Set();
    for (const secret of secrets) {
        if (secret.length < MIN_SECRET_LENGTH)
            continue;
        forms.add(secret);
        forms.add(encodeURIComponent(secret));
        for (const fragment of base64Fragments(secret))
            forms.add(fragment);
    }
    // Longest first: the alternation takes the first alternative that matches, so a secret that contains
    // another is masked whole.
    return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}
function buildSecretPattern(secrets) {
    const forms = secretForms(secrets);
    return {
        pattern: forms.length > 0 ? new RegExp(forms.map(escapeRegExp).join("|"), "g") : undefined,
        maxLength: forms[0]?.length ?? 0,
        multiLine: forms.some((f) => f.includes("\n")),
    };
}
function maskShapes(text) {
    let out = text;
    for (const [pattern, replacement] of TOKEN_SHAPES)
        out = out.replace(pattern, replacement);
    return out;
}
/**
 * Builds a redactor for the given secret values (values shorter than 4 characters are ignored) that also
 * masks well-known token shapes (GitHub, Anthropic, OpenAI, AWS long-lived and temporary key ids, Slack,
 * Google, JWTs, bearer and basic credentials, credentials in URLs), also right after a terminal colour
 * code or a JSON escape.
 */
function createRedactor(secrets) {
    const { pattern } = buildSecretPattern(secrets);
    return (text) => maskShapes(pattern ? text.replace(pattern, MASK) : text);
}
/** Text held back to find the end of the current line, so token shapes are matched on whole lines. */
const MAX_LINE_HOLD = 64 * 1024;
/**
 * A redactor for a stream: a secret split across two chunks is still masked. It emits whole lines and
 * holds back the unfinished one, so secrets and the variable-length token shapes are matched on whole
 * lines; a line longer than 64 KB is emitted except its last (longest secret − 1) characters. Memory
 * stays bounded by that hold plus one chunk.
 */
function createStreamRedactor(secrets) {
    const { pattern, maxLength, multiLine } = buildSecretPattern(secrets);
    const redact = (text) => maskShapes(pattern ? text.replace(pattern, MASK) : text);
    let pending = "";
    return {
        push(chunk) {
            pending += chunk;
            // Past this point a secret may be incomplete. Single-line secrets cannot cross a newline, so
            // every complete line is safe; a multi-line secret (a PEM key) needs the tail held back too.
            const cut = pending.length - Math.max(0, maxLength - 1);
            const lineStart = pending.lastIndexOf("\n", (multiLine ? cut : pending.length) - 1) + 1;
            let boundary = pending.length - lineStart <= MAX_LINE_HOLD ? lineStart : cut;
            if (boundary <= 0)
                return "";
            // A complete secret straddling the boundary is emitted whole rather than split.
            if (pattern) {
                pattern.lastIndex = 0;
                for (let m = pattern.exec(pending); m; m = pattern.exec(pending)) {
                    if (m.index >= boundary)
                        break;
                    if (m.index + m[0].length > boundary) {
                        boundary = m.index + m[0].length;
                        break;
                    }
                }
            }
            const out = pending.slice(0, boundary);
            pending = pending.slice(boundary);
            return redact(out);
        },
        flush() {
            const out = redact(pending);
            pending = "";
            return out;
        },
    };
}


/***/ })

};
