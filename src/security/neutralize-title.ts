import { findReferences } from "./github-references.js";

/**
 * Issue and pull request titles are plain text: no HTML, no escapes, but GitHub renders code spans in
 * them and links `#12` there. A mention in a title notifies nobody, yet the same title is shown in
 * lists and boards where it may be rendered as markdown, so references in titles are made inert too:
 * each is put in a code span. The title's own backticks become `'` first, since a title cannot escape
 * them and one of them could pair with ours.
 */
export function neutralizeTitle(title: string): string {
  const plain = title.replace(/`/g, "'");
  let out = "";
  let cursor = 0;
  for (const ref of findReferences(plain)) {
    out += plain.slice(cursor, ref.start);
    // Two spans side by side would read as one longer backtick string.
    out += `${out.endsWith("`") ? " " : ""}\`${plain.slice(ref.start, ref.end)}\``;
    cursor = ref.end;
  }
  return out + plain.slice(cursor);
}

/**
 * Cuts a neutralized title to `max` characters with `…`, before a code span rather than inside it: half
 * a span leaves a lone backtick and the reference outside code.
 */
export function truncateTitle(title: string, max: number): string {
  if (title.length <= max) return title;
  let cut = max - 1;
  const opened = (title.slice(0, cut).match(/`/g) ?? []).length;
  if (opened % 2 === 1) cut = title.lastIndexOf("`", cut - 1);
  return `${title.slice(0, cut)}…`;
}
