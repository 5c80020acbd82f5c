import { codeSpans } from "./code-spans.js";
import { decodeSourceUnits, joinUnits } from "./decode-markdown-text.js";
import { findReferences, inertReference } from "./github-references.js";

/**
 * When we copy untrusted markdown (a task's description, an agent's message) into an issue or comment
 * we write, an `@user` or `@org/team` in it would notify those people under our name, and `#123`,
 * `owner/repo#123`, `GH-123` or an issue link would add a cross-reference to that issue (and a
 * "fixes #123" in a pull request would close it). Each becomes `<code>@user</code>`:
 *
 * - GitHub looks for mentions and references after decoding entities, so `&#64;user` still pings;
 *   text inside `<code>`, `<pre>` and `<a>` is skipped by its mention and reference filters.
 * - An HTML `<code>` element, unlike a code span, works in an HTML block as well as in prose, and no
 *   stray backtick in the input can pair with it and push the mention back out into prose.
 *
 * Mentions inside code are left alone where the code is certain: code spans and top-level fenced code
 * blocks. Deciding that needs no full markdown parse (micromark is quadratic on nested containers and
 * emphasis): one pass over the lines, treating as prose every line that might be prose. A mention made
 * inert inside code that was not recognised shows its `<code>` tags: a cosmetic cost, never a ping.
 *
 * Neutralise last: trimming or joining lines afterwards can turn code into prose (an indented first
 * line becomes a paragraph once trimmed).
 */

const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
const BLANK = /^[ \t]*$/;
/** A fence at column 0 cannot belong to a list item, block quote or footnote: it is top-level. */
const FENCE_OPEN = /^(`{3,}(?=[^`]*$)|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`+|~+)[ \t]*$/;
/** Where an HTML block may start; HTML blocks switch markdown (and code spans) off until they end. */
const HTML_START = /<[A-Za-z/!?]/;
/** HTML blocks that run past blank lines until an end marker (CommonMark types 1–5): start, end. */
const HTML_SPANS_BLANK_LINES: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/<(?:script|pre|style|textarea)(?![\w-])/i, /<\/(?:script|pre|style|textarea)>/i],
  [/<!--/, /-->/],
  [/<\?/, /\?>/],
  [/<![A-Za-z]/, />/],
  [/<!\[CDATA\[/, /\]\]>/],
];

/** Characters examined, pass by pass: what the linearity test compares between sizes. */
interface Meter {
  work: number;
}

/** Whether an odd number of backslashes sits just before `at` (after `from`): it would escape our `<`. */
function escapedAt(text: string, from: number, at: number): boolean {
  let count = 0;
  for (let i = at - 1; i >= from && text[i] === "\\"; i--) count++;
  return count % 2 === 1;
}

/**
 * Rewrites the references in `segment`, a piece of one line that starts after a line ending or a code
 * span. `escapes` says whether backslash escapes exist there (prose) or not (HTML): the decoded text
 * decides what is a reference, the source is what is kept around it.
 */
function neutralizeSegment(segment: string, escapes: boolean, meter: Meter): string {
  if (!segment.includes("&") && !segment.includes("\\")) {
    // Nothing to decode: the text is the source.
    meter.work += 2 * segment.length;
    let out = "";
    let cursor = 0;
    for (const ref of findReferences(segment)) {
      out += segment.slice(cursor, ref.start) + inertReference(segment.slice(ref.start, ref.end), ref.kind);
      cursor = ref.end;
    }
    return out + segment.slice(cursor);
  }
  const units = decodeSourceUnits(segment, escapes);
  const { text, offsets } = joinUnits(units);
  const references = findReferences(text);
  meter.work += segment.length + units.length + 2 * text.length;
  let out = "";
  let cursor = 0;
  let unit = 0;
  for (const ref of references) {
    // The units the reference covers, whole.
    while (unit + 1 < units.length && (offsets[unit + 1] ?? 0) <= ref.start) unit++;
    let last = unit;
    while (last + 1 < units.length && (offsets[last + 1] ?? 0) < ref.end) last++;
    const from = units[unit]?.start ?? 0;
    const decoded = units
      .slice(unit, last + 1)
      .map((u) => u.text)
      .join("");
    const pad = escapedAt(segment, cursor, from) ? " " : "";
    out += `${segment.slice(cursor, from)}${pad}${inertReference(decoded, ref.kind)}`;
    meter.work += last - unit + 1 + (from - cursor);
    cursor = units[last]?.end ?? segment.length;
    unit = last + 1;
  }
  return out + segment.slice(cursor);
}

/** Rewrites one prose line outside the given code spans. */
function neutralizeProse(line: string, spans: ReadonlyArray<[number, number]>, meter: Meter): string {
  let out = "";
  let cursor = 0;
  for (const [start, end] of spans) {
    out += neutralizeSegment(line.slice(cursor, start), true, meter) + line.slice(start, end);
    cursor = end;
  }
  return out + neutralizeSegment(line.slice(cursor), true, meter);
}

/** Scanner state across lines. */
interface State extends Meter {
  fence: { char: string; length: number } | null;
  /** Inside what may be an HTML block; the end markers still to see before a blank line ends it. */
  html: Set<RegExp> | null;
  /** No backtick string in this paragraph so far can still be waiting for its closer. */
  clean: boolean;
}

function isFenceClose(line: string, fence: { char: string; length: number }): boolean {
  const m = FENCE_CLOSE.exec(line);
  return m?.[1]?.[0] === fence.char && m[1].length >= fence.length;
}

/** In what may be an HTML block: backslashes are literal there, so decoding without escapes finds what either reading shows. */
function neutralizeHtmlLine(line: string, html: Set<RegExp>, state: State): string {
  for (const [start, end] of HTML_SPANS_BLANK_LINES) if (start.test(line)) html.add(end);
  for (const end of html) if (end.test(line)) html.delete(end);
  if (BLANK.test(line) && html.size === 0) state.html = null;
  state.clean = true;
  state.work += line.length * (2 * HTML_SPANS_BLANK_LINES.length + 1);
  return neutralizeSegment(line, false, state);
}

/** One line (without its line ending): the rewritten line, updating the state. */
function neutralizeLine(line: string, state: State): string {
  state.work += line.length * 4;
  if (state.fence) {
    if (isFenceClose(line, state.fence)) {
      state.fence = null;
      state.clean = true;
    }
    return line;
  }
  if (state.html === null && HTML_START.test(line)) state.html = new Set();
  if (state.html !== null) return neutralizeHtmlLine(line, state.html, state);
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
  if (!line.includes("`")) return neutralizeProse(line, [], state);
  // A table row splits at pipes before code spans are paired; rather than model that, give up on spans.
  if (!state.clean || line.includes("|")) {
    state.clean = false;
    return neutralizeProse(line, [], state);
  }
  const { spans, balanced } = codeSpans(line);
  state.work += line.length * 3;
  state.clean = balanced;
  return neutralizeProse(line, spans, state);
}

/** `neutralizeMentions` with the work it did: characters examined, summed over passes (for tests). */
export function neutralizeMentionsMetered(markdown: string): { text: string; work: number } {
  const state: State = { fence: null, html: null, clean: true, work: 0 };
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
 * Makes every `@mention`, issue reference and issue link in untrusted markdown inert by wrapping it in
 * `<code>`; code that is certainly code is left alone. Linear in the input's length.
 */
export function neutralizeMentions(markdown: string): string {
  return neutralizeMentionsMetered(markdown).text;
}

/**
 * The same for text that will sit inside one line of markdown (a list item, a sentence after a label):
 * line breaks become spaces first, and no line can start a fence or an HTML block there.
 */
export function neutralizeMentionsInline(text: string): string {
  // The lookbehind starts a match only at the start of a run of spaces, which keeps this linear.
  const line = text.replace(/(?<![ \t])[ \t]*[\r\n]\s*/g, " ");
  // A tag can hide a backtick from the pairing, and a table row splits at pipes first: no spans then.
  const plain = !line.includes("`") || line.includes("|") || HTML_START.test(line);
  return neutralizeProse(line, plain ? [] : codeSpans(line).spans, { work: 0 });
}
