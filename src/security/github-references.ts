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

/** The kind of each match, for tests and reports. */
export type ReferenceKind = "url" | "cross-repo" | "gh-id" | "issue" | "mention";

/** One mention or reference found in decoded text: `text.slice(start, end)`. */
export interface Reference {
  kind: ReferenceKind;
  start: number;
  end: number;
}

/** Each kind's pattern, and what may not come before it (a word it would be part of). */
const KINDS: ReadonlyArray<readonly [ReferenceKind, string, string]> = [
  // Issue, pull request and discussion links (a comment anchor or a sub-page included).
  [
    "url",
    "",
    String.raw`(?:https?:\/\/)?(?:www\.)?github\.com\/[\w.-]+\/[\w.-]+\/(?:issues|pulls?|discussions)\/\d+[^\s<>\x60]*`,
  ],
  ["cross-repo", String.raw`(?<![a-z0-9.\/-])`, String.raw`[a-z0-9][a-z0-9-]*\/[\w.-]+#\d+`],
  ["gh-id", String.raw`(?<![a-z0-9])`, String.raw`gh-\d+`],
  ["issue", "", String.raw`#\d+`],
  ["mention", "", String.raw`@[a-z0-9][a-z0-9-]*(?:\/[a-z0-9][\w.-]*)?`],
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

function referenceOf(m: RegExpExecArray): Reference {
  const index = m.slice(1).findIndex((group) => group !== undefined);
  const kind = KINDS[index]?.[0] ?? "mention";
  let end = m.index + m[0].length;
  if (kind === "url") end -= TRAILING_PUNCTUATION.exec(m[0])?.[0].length ?? 0;
  return { kind, start: m.index, end };
}

/**
 * Every mention and reference in `text`, in order, not overlapping; the text right after one counts as
 * the start of a word.
 */
export function findReferences(text: string): Reference[] {
  const found: Reference[] = [];
  for (let pos = 0; pos < text.length;) {
    let m: RegExpExecArray | null = null;
    if (found.length > 0) {
      AT_BOUNDARY.lastIndex = pos;
      m = AT_BOUNDARY.exec(text);
    }
    if (!m) {
      REFERENCE.lastIndex = pos;
      m = REFERENCE.exec(text);
    }
    if (!m) break;
    const ref = referenceOf(m);
    found.push(ref);
    pos = ref.end;
  }
  return found;
}

/** Whether `url` points at an issue, pull request or discussion (a link there adds a cross-reference). */
export function isReferenceUrl(url: string): boolean {
  const [first] = findReferences(url);
  return first?.kind === "url" && first.start === 0;
}

/** After these characters a zero-width space leaves no piece of a reference that any pattern matches. */
const BREAK_AFTER = /[@#/:.-]/;

/** Whether a zero-width space goes right after `ch` (the last character of a piece of a reference). */
export function breaksAfter(ch: string): boolean {
  return BREAK_AFTER.test(ch);
}

/**
 * A reference made inert by a zero-width space after each `@ # / : . -` in it: it looks the same, but
 * GitHub's patterns (a name right after `@`, digits right after `#` or `GH-`, a whole `github.com/…`
 * link) no longer match, in any context: prose, HTML, a table cell, a title. `zeroWidth` is how to
 * write the space: the entity `&#x200B;` in markdown, the character itself in a plain-text title.
 */
export function breakReference(reference: string, zeroWidth: string): string {
  let out = "";
  for (const ch of reference) out += breaksAfter(ch) ? ch + zeroWidth : ch;
  return out;
}

/** Passes before giving up on finding references one by one (see `breakReferences`). */
export const MAX_PASSES = 4;

/**
 * Plain text (a title, a table cell before escaping) with every reference broken by U+200B. A break can
 * start a word where there was none (`@https://github.com/…`: the mention is `@https`, after it the
 * link begins a word), so the text is searched again until nothing is found; after `MAX_PASSES`, every
 * `@ # / : . -` gets a break, which leaves nothing to find.
 */
export function breakReferences(text: string): string {
  let out = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const found = findReferences(out);
    if (found.length === 0) return out;
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
