import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import type { Nodes } from "mdast";

/**
 * When we copy untrusted markdown (a task's description) into an issue or comment we write, an
 * `@user`, `@org/team` or `@everyone` in it would notify those people again under our name, and a
 * `#123` would add a cross-reference to that issue. Rewriting `@` and `#` as HTML entities keeps the
 * text readable but inert. Only prose is touched: code spans and fences never notify anyone, and an
 * entity there would show literally.
 */
const MENTION = /(^|[^\w`&])@(?=[A-Za-z0-9])/g;
const ISSUE_REF = /(^|[^\w&/#])#(?=\d)/g;

function neutralizeProse(text: string): string {
  return text.replace(MENTION, "$1&#64;").replace(ISSUE_REF, "$1&#35;");
}

/** Rewrites mentions and issue references in the prose of a markdown document; code is left alone. */
export function neutralizeMentions(markdown: string): string {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const ranges: Array<[number, number]> = [];
  const visit = (node: Nodes): void => {
    // Raw HTML is included: GitHub links mentions inside HTML blocks too, and entities are valid there.
    if (node.type === "text" || node.type === "html") {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) ranges.push([start, end]);
      return;
    }
    if ("children" in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  ranges.sort((a, b) => a[0] - b[0]);
  let out = "";
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (start < cursor) continue;
    out += markdown.slice(cursor, start) + neutralizeProse(markdown.slice(start, end));
    cursor = end;
  }
  return out + markdown.slice(cursor);
}
