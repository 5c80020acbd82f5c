import type { Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";

/**
 * Small helpers over the GFM syntax tree shared by the master-issue parser and the task-detail
 * extractors. They work with source offsets so that the markdown we hand on is the author's own text,
 * not a re-serialisation of it.
 */

/** Parses GitHub-flavoured markdown. Offsets in the tree refer to `markdown` exactly. */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** Start offset of a node in its source (0 for nodes built without positions). */
export function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

/** End offset of a node in its source. */
export function endOf(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

/** Offset of the beginning of the line holding `offset`. */
export function lineStart(source: string, offset: number): number {
  return source.lastIndexOf("\n", offset - 1) + 1;
}

/** Plain text of a node: emphasis, code and link markers dropped, image alt text kept, html kept raw. */
export function nodeText(node: Nodes): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
    case "html":
      return node.value;
    case "break":
      return "\n";
    case "image":
      return node.alt ?? "";
    default:
      return "children" in node ? node.children.map((child) => nodeText(child)).join("") : "";
  }
}

/**
 * Plain text of the part of `node` that lies in the source range [start, end). Split points are always
 * chosen outside code, links and html (see `maskInline`), so only text nodes can be cut; a cut text node
 * contributes its raw source, which differs from its value only around backslash escapes.
 */
export function textInRange(node: Nodes, source: string, start: number, end: number): string {
  const from = startOf(node);
  const to = endOf(node);
  if (to <= start || from >= end) return "";
  if (from >= start && to <= end) return nodeText(node);
  if (node.type === "text") return source.slice(Math.max(from, start), Math.min(to, end));
  return "children" in node ? node.children.map((c) => textInRange(c, source, start, end)).join("") : "";
}

/** What `maskInline` puts in place of masked text: a noncharacter, which no prose contains. */
export const MASK = "\uFFFF";

const MASKED_ALWAYS = new Set(["inlineCode", "html", "link", "linkReference", "image", "imageReference"]);
const MASKED_EMPHASIS = new Set(["strong", "emphasis", "delete", "footnoteReference"]);

/**
 * The source of `node` with code spans, html, links and images (and, when asked, emphasis) replaced by
 * a filler character of the same length, so that searches for `:`, `.` or `/` only see the author's
 * plain prose while every index still maps onto the source.
 */
export function maskInline(node: Nodes, source: string, options: { emphasis: boolean }): string {
  const base = startOf(node);
  const chars = source.slice(base, endOf(node)).split("");
  const visit = (n: Nodes): void => {
    if (MASKED_ALWAYS.has(n.type) || (options.emphasis && MASKED_EMPHASIS.has(n.type))) {
      for (let i = startOf(n) - base; i < endOf(n) - base; i++) chars[i] = MASK;
      return;
    }
    if ("children" in n) for (const child of n.children) visit(child);
  };
  visit(node);
  return chars.join("");
}

/** Every node of the subtree, parents before children, without descending into `skip` types. */
export function descendants(node: Nodes, skip: ReadonlySet<string> = new Set()): Nodes[] {
  const out: Nodes[] = [];
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as Nodes;
    out.push(n);
    if ("children" in n && !skip.has(n.type)) {
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
    }
  }
  return out;
}

/**
 * Collapses runs of whitespace to one space. U+FEFF counts as whitespace for `\s` in JavaScript but is a
 * zero-width character here: it is kept like the other zero-width characters, for the sanitiser to judge.
 */
export function collapseWhitespace(text: string): string {
  return text.replace(/[^\S\uFEFF]+/g, " ").trim();
}

/** Cuts `text` to at most `max` UTF-16 units, ending with "…", without splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}

/** Removes up to `indent` leading spaces from every line but the first (list-item continuation indent). */
export function dedent(text: string, indent: number): string {
  if (indent <= 0) return text;
  const pattern = new RegExp(`\\n {1,${indent}}`, "g");
  return text.replace(pattern, "\n");
}

/** Lookbehind for a sentence end: "e.g. Redis", "vs. Postgres", "Fig. 2" do not end a sentence. */
export const NOT_AN_ABBREVIATION = String.raw`(?<!\b(?:[eE]\.g|[iI]\.e|etc|vs|cf|approx|incl|[fF]ig|[nN]o))`;

/** Whether an html block is a comment, which GitHub does not render: template hints, hidden notes. */
export function isHtmlComment(node: Nodes): boolean {
  return node.type === "html" && node.value.trimStart().startsWith("<!--");
}

/** How many `<details>` blocks an html node opens (positive) or closes (negative). */
export function detailsDelta(node: Nodes): number {
  if (node.type !== "html") return 0;
  const opens = node.value.match(/<details\b/gi)?.length ?? 0;
  const closes = node.value.match(/<\/details\s*>/gi)?.length ?? 0;
  return opens - closes;
}

/**
 * Above this many emphasis delimiters (`*`, `_`, `~`) in one paragraph, the markdown parser's emphasis
 * matching goes quadratic: 65,536 `*_` characters take minutes. No real paragraph comes near it.
 */
const MAX_DELIMITERS_PER_PARAGRAPH = 1000;
const LIST_OR_HEADING = /^\s*(?:[-*+]\s|\d{1,9}[.)]\s|#{1,6}\s)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LEADING_MARKER = /^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?|#{1,6}\s+)?/;

function countDelimiters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 42 || c === 95 || c === 126) n++;
  }
  return n;
}

/** Inert stand-ins: backslash escapes and entities would be safe too, but parse slowly in bulk. */
const LOOK_ALIKES: Record<string, string> = { "*": "\u2217", _: "\uFF3F", "~": "\u223C" };

/**
 * Replaces the emphasis delimiters of paragraphs that hold more than MAX_DELIMITERS_PER_PARAGRAPH of
 * them by look-alike characters (∗ ＿ ∼), so that a hostile body cannot stall the plan job. Paragraphs
 * are approximated by lines between blank lines, list items and headings; code fences are left alone
 * (the parser matches no emphasis inside them). Ordinary bodies are returned unchanged.
 */
export function defuseEmphasisBombs(markdown: string): string {
  if (countDelimiters(markdown) <= MAX_DELIMITERS_PER_PARAGRAPH) return markdown;
  const lines = markdown.split("\n");
  let chunk: number[] = [];
  let count = 0;
  let fence: string | undefined;
  const flush = (): void => {
    if (count > MAX_DELIMITERS_PER_PARAGRAPH) {
      for (const i of chunk) {
        const line = lines[i] as string;
        const marker = LEADING_MARKER.exec(line)?.[0] ?? "";
        lines[i] = marker + line.slice(marker.length).replace(/[*_~]/g, (c) => LOOK_ALIKES[c] ?? c);
      }
    }
    chunk = [];
    count = 0;
  };
  lines.forEach((line, i) => {
    const opener = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (opener !== undefined && opener[0] === fence[0] && opener.length >= fence.length) fence = undefined;
      return;
    }
    if (opener !== undefined) {
      flush();
      fence = opener;
      return;
    }
    if (line.trim() === "" || LIST_OR_HEADING.test(line)) flush();
    if (line.trim() === "") return;
    chunk.push(i);
    count += countDelimiters(line.slice((LEADING_MARKER.exec(line)?.[0] ?? "").length));
  });
  flush();
  return lines.join("\n");
}
