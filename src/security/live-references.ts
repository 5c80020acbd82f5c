import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import type { Nodes, Parents } from "mdast";
import { decodeSourceUnits, joinUnits } from "./decode-markdown-text.js";
import { findReferences, isReferenceUrl } from "./github-references.js";

/**
 * An independent check of what we write: the mentions and references GitHub would act on in a markdown
 * document, found by rendering it with a full CommonMark + GFM parser (micromark) rather than by the
 * line scanner `neutralizeMentions` uses. Tests run every hostile vector through both. Like GitHub, it
 * skips text inside links and `<code>`/`<pre>`/`<a>`; stricter, an unclosed `<code>` ends with its block.
 * Quadratic on some hostile inputs (nested containers): for tests, not for the action's own text.
 */

/** Tags, and what shows nothing: comments (unterminated, to the end), declarations, processing instructions. */
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)[^>]*>|<!--[\s\S]*?(?:-->|$)|<![^>]*>|<\?[^>]*>/g;
/** Elements whose text GitHub's mention and reference filters skip. */
const INERT_ELEMENTS = new Set(["code", "pre", "a"]);
/** Where inline content starts afresh: an unclosed `<code>` does not carry over (strict). */
const INLINE_ROOTS = new Set(["paragraph", "heading", "tableCell"]);
const FLOW_PARENTS = new Set(["root", "blockquote", "listItem", "footnoteDefinition"]);

function referencesIn(text: string): string[] {
  return findReferences(text).map((r) => text.slice(r.start, r.end));
}

/** The text of an HTML node outside tags, entities decoded, skipping what sits inside inert elements. */
function htmlText(html: string, depth: { value: number }): string[] {
  const found: string[] = [];
  let cursor = 0;
  const check = (segment: string) => {
    if (depth.value === 0) found.push(...referencesIn(joinUnits(decodeSourceUnits(segment, false)).text));
  };
  for (const m of html.matchAll(TAG)) {
    check(html.slice(cursor, m.index));
    const name = m[2]?.toLowerCase();
    if (name && INERT_ELEMENTS.has(name) && !m[0].endsWith("/>"))
      depth.value = Math.max(0, depth.value + (m[1] === "/" ? -1 : 1));
    cursor = m.index + m[0].length;
  }
  check(html.slice(cursor));
  return found;
}

/** Every mention or reference GitHub would link in `markdown` (the matched text of each). */
export function findLiveReferences(markdown: string): string[] {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const found: string[] = [];
  const depth = { value: 0 };
  const visit = (node: Nodes, parent: Parents | null): void => {
    if (INLINE_ROOTS.has(node.type)) depth.value = 0;
    switch (node.type) {
      case "text":
        if (depth.value === 0) found.push(...referencesIn(node.value));
        return;
      case "html":
        if (!parent || FLOW_PARENTS.has(parent.type)) depth.value = 0;
        found.push(...htmlText(node.value, depth));
        return;
      // GitHub skips the text of a link, not where it points.
      case "link":
      case "definition":
        if (isReferenceUrl(node.url)) found.push(node.url);
        return;
      case "linkReference":
        return;
      case "inlineCode":
      case "code":
        return;
    }
    if ("children" in node) for (const child of node.children) visit(child as Nodes, node);
  };
  visit(tree, null);
  return found;
}
