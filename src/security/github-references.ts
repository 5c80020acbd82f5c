/**
 * What GitHub turns into a notification or a cross-reference when it renders text: `@user` and
 * `@org/team` mentions, `#12`, `owner/repo#12` and `GH-12` issue references, and links to issues, pull
 * requests and discussions. GitHub looks for them in the rendered text (entities decoded), outside
 * `<code>`, `<pre>` and `<a>` elements, so callers pass decoded text.
 *
 * The patterns are broader than GitHub's own (a mention after `_`, which may be emphasis, or followed
 * by a slash; a reference followed by letters): making a harmless token inert costs a little markup,
 * missing a real one pings someone.
 */

/** The kind of each match, for tests and reports. */
export type ReferenceKind = "url" | "cross-repo" | "gh-id" | "issue" | "mention";

/** One mention or reference found in decoded text: `text.slice(start, end)`. */
export interface Reference {
  kind: ReferenceKind;
  start: number;
  end: number;
}

/**
 * One alternation, each branch anchored by a lookbehind so it only starts where a word starts: every
 * character is the start of at most one scan of its word, which keeps a 64 KB input linear.
 */
const REFERENCE = new RegExp(
  [
    // Issue, pull request and discussion links (a comment anchor or a sub-page included).
    String.raw`(?<url>(?:https?:\/\/)?(?:www\.)?github\.com\/[\w.-]+\/[\w.-]+\/(?:issues|pulls?|discussions)\/\d+[^\s<>\x60]*)`,
    String.raw`(?<![a-z0-9.\/-])(?<crossRepo>[a-z0-9][a-z0-9-]*\/[\w.-]+#\d+)`,
    String.raw`(?<![a-z0-9])(?<ghId>gh-\d+)`,
    String.raw`(?<![a-z0-9])(?<issue>#\d+)`,
    String.raw`(?<![a-z0-9])(?<mention>@[a-z0-9][a-z0-9-]*(?:\/[a-z0-9][\w.-]*)?)`,
  ].join("|"),
  "gi",
);
/** Sentence punctuation after a link belongs to the sentence, as in GitHub's own autolinker. */
const TRAILING_PUNCTUATION = /[.,:;!?'")\]]+$/;

/** Every mention and reference in `text`, in order, not overlapping. */
export function findReferences(text: string): Reference[] {
  const found: Reference[] = [];
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(text); m; m = REFERENCE.exec(text)) {
    const groups = m.groups ?? {};
    let end = m.index + m[0].length;
    if (groups.url !== undefined) end -= TRAILING_PUNCTUATION.exec(m[0])?.[0].length ?? 0;
    const kind: ReferenceKind =
      groups.url !== undefined
        ? "url"
        : groups.crossRepo !== undefined
          ? "cross-repo"
          : groups.ghId !== undefined
            ? "gh-id"
            : groups.issue !== undefined
              ? "issue"
              : "mention";
    found.push({ kind, start: m.index, end });
  }
  return found;
}

/** Whether `url` points at an issue, pull request or discussion (a link there adds a cross-reference). */
export function isReferenceUrl(url: string): boolean {
  const [first] = findReferences(url);
  return first?.kind === "url" && first.start === 0;
}

/**
 * A reference as markdown that renders the same text but that GitHub neither links nor notifies: an
 * HTML `<code>` element (its mention and reference filters skip code). A link is also split by an
 * empty comment after its scheme or `www`, because GFM's autolinker works inside raw HTML: no
 * autolinker, reading the source or the decoded text, then sees a URL.
 */
export function inertReference(decoded: string, kind: ReferenceKind): string {
  let content = decoded.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  if (kind === "url") content = content.replace(/^(https?:|(?:https?:\/\/)?www)/i, "$1<!-- -->");
  return `<code>${content}</code>`;
}
