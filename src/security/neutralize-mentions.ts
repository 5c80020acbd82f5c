import { codeSpans } from "./code-spans.js";
import { decodeSourceUnits, joinUnits } from "./decode-markdown-text.js";
import { MAX_PASSES, breakReference, breaksAfter, findReferences } from "./github-references.js";

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

/**
 * Breaks the references in `segment`, a piece of one line. `escapes` says whether backslash escapes
 * exist there (prose) or not (HTML): the decoded text decides what is a reference and where the breaks
 * go; the source is kept as written, each break going between two of its characters or entities. As in
 * `breakReferences`, searched again until nothing is found, and after `MAX_PASSES` broken everywhere.
 */
function neutralizeSegment(segment: string, escapes: boolean, meter: Meter): string {
  let out = segment;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = breakOnce(out, escapes, meter, false);
    meter.work += next.shown.length;
    if (next.out === out || findReferences(next.shown).length === 0) return next.out;
    out = next.out;
  }
  return breakOnce(out, escapes, meter, true).out;
}

/**
 * One pass of `neutralizeSegment`: the new source, and the text it shows (breaks as U+200B), so that
 * the next search needs no second decoding. With `everywhere`, a break after every `@ # / : . -`.
 */
function breakOnce(
  segment: string,
  escapes: boolean,
  meter: Meter,
  everywhere: boolean,
): { out: string; shown: string } {
  if (!segment.includes("&") && !segment.includes("\\")) {
    // Nothing to decode: the text is the source.
    meter.work += 2 * segment.length;
    if (everywhere) return { out: breakReference(segment, ZERO_WIDTH), shown: "" };
    let out = "";
    let shown = "";
    let cursor = 0;
    for (const ref of findReferences(segment)) {
      const before = segment.slice(cursor, ref.start);
      const reference = segment.slice(ref.start, ref.end);
      out += before + breakReference(reference, ZERO_WIDTH);
      shown += before + breakReference(reference, "\u200B");
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
  const references = everywhere ? [{ start: 0, end: text.length }] : findReferences(text);
  for (const ref of references) {
    for (; unit < units.length && (offsets[unit] ?? 0) < ref.start; unit++) shown += units[unit]?.text ?? "";
    for (; unit < units.length && (offsets[unit] ?? 0) < ref.end; unit++) {
      const { start, end, text: decoded } = units[unit] ?? { start: 0, end: 0, text: "" };
      const broken = breaksAfter(decoded.slice(-1));
      out += segment.slice(cursor, end) + (broken ? ZERO_WIDTH : "");
      shown += decoded + (broken ? "\u200B" : "");
      cursor = end;
      meter.work += end - start;
    }
  }
  for (; unit < units.length; unit++) shown += units[unit]?.text ?? "";
  return { out: out + segment.slice(cursor), shown };
}

/** Breaks the references of one prose line outside the given code spans. */
function neutralizeProse(line: string, spans: ReadonlyArray<[number, number]>, meter: Meter): string {
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
function neutralizeEitherWay(line: string, meter: Meter): string {
  return neutralizeSegment(neutralizeSegment(line, false, meter), true, meter);
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

/** A line in what may be an HTML block, tracking where the block may end. */
function neutralizeHtmlLine(line: string, html: Set<RegExp>, state: State): string {
  for (const [start, end] of HTML_SPANS_BLANK_LINES) if (start.test(line)) html.add(end);
  for (const end of html) if (end.test(line)) html.delete(end);
  if (BLANK.test(line) && html.size === 0) state.html = null;
  state.clean = true;
  state.work += line.length * (2 * HTML_SPANS_BLANK_LINES.length + 1);
  return neutralizeEitherWay(line, state);
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
 * Makes every `@mention`, issue reference and issue link in untrusted markdown inert with zero-width
 * spaces; code that is certainly code is left alone. Linear in the input's length.
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
  const meter = { work: 0 };
  if (HTML_START.test(line)) return neutralizeEitherWay(line, meter);
  const plain = !line.includes("`") || UNPAIRED_BACKTICKS.test(line);
  return neutralizeProse(line, plain ? [] : codeSpans(line).spans, meter);
}
