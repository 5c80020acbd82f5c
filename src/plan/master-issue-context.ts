import type { ListItem, Root } from "mdast";
import type { TaskLayout } from "./find-task-candidates.js";
import { endOf, isHtmlComment, lineStart, startOf, truncate } from "./master-issue-markdown.js";

/** Agents get the context in their prompt; beyond this the master issue is an essay, not context. */
export const MAX_CONTEXT_LENGTH = 4000;

interface Kept {
  text: string;
  /** Heading depth, for headings. */
  depth?: number;
}

/**
 * The master issue without its tasks: intro, goal, constraints, notes. Task items, completed items and
 * heading-task sections are left out, and so are HTML comments (invisible on GitHub, usually template
 * hints). A heading left with nothing under it ("## Sub-Tasks" once its items are gone) goes too.
 */
export function buildContext(tree: Root, source: string, layout: TaskLayout): string {
  const removed = new Set<ListItem>();
  for (const c of layout.candidates) if (c.kind === "item") removed.add(c.rootItem);
  const slice = (from: number, to: number): string => source.slice(lineStart(source, from), to).trimEnd();

  const kept: Kept[] = [];
  tree.children.forEach((node, i) => {
    if (layout.ownedBlocks.has(i) || isHtmlComment(node)) return;
    if (node.type === "list") {
      const rest = node.children.filter((item) => !removed.has(item));
      if (rest.length === node.children.length) kept.push({ text: slice(startOf(node), endOf(node)) });
      else if (rest.length > 0) {
        const items = rest.map((item) => slice(startOf(item), endOf(item)));
        kept.push({ text: items.join(node.spread ? "\n\n" : "\n") });
      }
      return;
    }
    const text = slice(startOf(node), endOf(node));
    kept.push(node.type === "heading" ? { text, depth: node.depth } : { text });
  });

  // Walking backwards, contentBelow[d] says whether anything is kept between here and the next heading
  // of depth <= d: a heading is kept when its own depth has content. Linear in the number of blocks.
  const contentBelow = [false, false, false, false, false, false, false];
  const out: string[] = [];
  for (let i = kept.length - 1; i >= 0; i--) {
    const block = kept[i] as Kept;
    if (block.depth === undefined) {
      contentBelow.fill(true);
      out.push(block.text);
      continue;
    }
    const keep = contentBelow[block.depth] === true;
    for (let d = block.depth; d < contentBelow.length; d++) contentBelow[d] = false;
    if (keep) out.push(block.text);
  }
  return truncate(out.reverse().join("\n\n").trim(), MAX_CONTEXT_LENGTH);
}
