import type { Nodes, Root, RootContent } from "mdast";
import { findFiles } from "./find-task-files.js";
import {
  collapseWhitespace,
  descendants,
  endOf,
  maskInline,
  NOT_AN_ABBREVIATION,
  nodeText,
  startOf,
} from "./master-issue-markdown.js";

/** A dependency a task declares, before it is resolved against the other tasks of the master issue. */
export interface DependencyRef {
  /** `task`: written as a task number (`task 3`, `Depends on: 3`); `hash`: written as `#3`. */
  kind: "task" | "hash";
  n: number;
}

/** What a task's own text says beyond its title: criteria, files it touches, declared dependencies. */
export interface TaskDetails {
  acceptanceCriteria: string[];
  files: string[];
  dependencyRefs: DependencyRef[];
}

/** Blocks whose inline text we read: everything a reader sees as prose. Code blocks are skipped. */
const PROSE = new Set(["paragraph", "heading", "tableCell"]);

/**
 * Extracts criteria, files and dependency references from a task's blocks (its list item, or its heading
 * and section) in the master issue's tree. Working on the one tree of the whole issue, rather than
 * parsing each task's text again, keeps a 300-task issue at a single parse. `titleEnd` is where the title
 * ends in `source`: a sentence never runs from the title into the description.
 */
export function extractTaskDetails(blocks: Nodes[], source: string, titleEnd = -1): TaskDetails {
  const tree: Root = { type: "root", children: blocks as RootContent[] };
  return {
    acceptanceCriteria: extractAcceptanceCriteria(tree, source, titleEnd),
    files: findFiles(tree, source),
    dependencyRefs: findDependencyRefs(proseBlocks(tree).map(nodeText).join("\n")),
  };
}

function proseBlocks(tree: Root): Nodes[] {
  return descendants(tree).filter((n) => PROSE.has(n.type));
}

const ACCEPTANCE = /^\s*acceptance(?:\s+criteria)?\b\s*:?\s*/i;

/**
 * The items of an "Acceptance" / "Acceptance criteria" list (a list item with that text and a nested
 * list, or a paragraph or heading with that text followed by a list); without one, the sentences that
 * say must / should / will. Criteria keep their inline markdown (backticks matter to an agent).
 */
export function extractAcceptanceCriteria(tree: Root, source: string, titleEnd = -1): string[] {
  const explicit: string[] = [];
  for (const node of descendants(tree)) {
    if (!("children" in node)) continue;
    node.children.forEach((child: Nodes, i: number) => {
      const next = node.children[i + 1] as Nodes | undefined;
      if (child.type === "listItem") {
        const first = child.children[0];
        const text = first?.type === "paragraph" ? nodeText(first) : "";
        if (!ACCEPTANCE.test(text)) return;
        const nested = child.children.find((c) => c.type === "list");
        if (nested) explicit.push(...listItemSources(nested, source));
        else explicit.push(collapseWhitespace(text.replace(ACCEPTANCE, "")));
      } else if (child.type === "paragraph" || child.type === "heading") {
        const text = nodeText(child);
        if (!ACCEPTANCE.test(text)) return;
        if (next?.type === "list") explicit.push(...listItemSources(next, source));
        else explicit.push(collapseWhitespace(text.replace(ACCEPTANCE, "")));
      }
    });
  }
  const criteria = explicit.length > 0 ? explicit : modalSentences(tree, source, titleEnd);
  return [...new Set(criteria.filter((c) => c.length > 0))];
}

function listItemSources(list: Nodes, source: string): string[] {
  if (list.type !== "list") return [];
  return list.children.map((item) => {
    const first = item.children[0];
    const text = first ? source.slice(startOf(first), endOf(item)) : "";
    return collapseWhitespace(text.replace(/^\s*\[[ xX]\]\s+/, ""));
  });
}

/** Heading hashes, a task-list checkbox, a table pipe or the title's `:` / `-` separator opening a sentence. */
const SENTENCE_MARKERS = /^\s*(?:#{1,6}\s+|\[[ xX]\]\s+|\|\s*|[:\-–—]\s+)/;
const MODAL = /\b(?:must|should|will)\b/i;
/** A sentence ends at . ! or ? followed by whitespace and not a lower-case word ("e.g. the" goes on). */
const SENTENCE_END = new RegExp(`${NOT_AN_ABBREVIATION}[.!?]+(?=\\s+[^\\sa-z]|\\s*$)`, "g");

function modalSentences(tree: Root, source: string, titleEnd: number): string[] {
  const found: string[] = [];
  for (const block of proseBlocks(tree)) {
    const base = startOf(block);
    const blockSource = source.slice(base, endOf(block));
    // Split on the masked text so that a "." inside `a.b` or a link never ends a sentence.
    const masked = maskInline(block, source, { emphasis: false });
    let from = 0;
    const cuts = [...masked.matchAll(SENTENCE_END)].map((m) => m.index + m[0].length);
    if (titleEnd > base && titleEnd < base + masked.length) cuts.push(titleEnd - base);
    cuts.sort((a, b) => a - b);
    for (const to of [...cuts, masked.length]) {
      if (to <= from) continue;
      const sentence = blockSource.slice(from, to);
      // "Depends on task 1 (it must exist first)" is a dependency, not a criterion.
      if (MODAL.test(masked.slice(from, to)) && findDependencyRefs(sentence).length === 0) {
        found.push(collapseWhitespace(sentence.replace(SENTENCE_MARKERS, "")));
      }
      from = to;
    }
  }
  return found;
}

const KEYWORD =
  /\b(depends\s+(?:up)?on|dependent\s+(?:up)?on|blocked\s+by|waits?\s+for|waiting\s+(?:on|for)|requires|needs|after)\b[\s:]*/gi;
/** One reference: optional "task(s)" word, optional #, a number, optionally a range "1-3" / "1 to 3". */
const REF =
  /((?:sub-?)?tasks?\s*)?(#)?(\d{1,6})(?![\w]|\.\d)(?:\s*(?:-|–|to\b)\s*#?(\d{1,6})(?![\w]|\.\d))?/iy;
const SEPARATOR = /\s*(?:,\s*(?:(?:and|or)\s+)?|;\s*|&\s*|\/\s*|\+\s*|\band\s+|\bor\s+)/iy;
/** Ranges larger than this are typos or not ranges; only their first number is kept. */
const MAX_RANGE = 100;

/**
 * Dependency references in prose. "depends on", "dependent on", "blocked by", "waits for" take bare
 * numbers (`Depends on: 1, 3`), task numbers and `#N`; "requires" and "needs" take `task N` or `#N`
 * (not "requires 3 files"); "after" takes only `task N` ("after #12 was merged" is history, not a
 * dependency). Lists continue over `,`, `and`, `or`, `&`, `/`.
 */
export function findDependencyRefs(text: string): DependencyRef[] {
  const refs: DependencyRef[] = [];
  for (const keyword of text.matchAll(KEYWORD)) {
    const word = (keyword[1] ?? "").toLowerCase();
    const weak = word === "requires" || word === "needs";
    const after = word === "after";
    let sawTaskWord = false;
    let pos = keyword.index + keyword[0].length;
    for (;;) {
      REF.lastIndex = pos;
      const m = REF.exec(text);
      if (!m) break;
      const taskWord = m[1] !== undefined;
      const hash = m[2] !== undefined;
      sawTaskWord ||= taskWord;
      const allowed = after ? sawTaskWord : weak ? sawTaskWord || hash : true;
      if (!allowed) break;
      const kind = taskWord || !hash ? "task" : "hash";
      const from = Number(m[3]);
      const to = m[4] === undefined ? from : Number(m[4]);
      const last = to >= from && to - from < MAX_RANGE ? to : from;
      for (let n = from; n <= last; n++) refs.push({ kind, n });
      SEPARATOR.lastIndex = REF.lastIndex;
      if (!SEPARATOR.exec(text)) break;
      pos = SEPARATOR.lastIndex;
    }
  }
  return refs;
}
