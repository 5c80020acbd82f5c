import type { Heading, List, ListItem, Root, RootContent } from "mdast";
import { collapseWhitespace, detailsDelta, nodeText, startOf } from "./master-issue-markdown.js";

/** A heading of the master issue with the extent of its section (root child indexes, end exclusive). */
export interface Section {
  node: Heading;
  index: number;
  end: number;
  depth: number;
  text: string;
  /** `tasks`: "Sub-Tasks", "Tasks", "Bugs"…; `excluded`: "Acceptance criteria", "Out of scope"…. */
  kind: "tasks" | "excluded" | "plain";
  /** N of a `Task N: Title` / `Sub-task N - Title` heading. */
  label?: number;
}

/** A list item that is (or, when checked, was) a task. */
export interface ItemCandidate {
  kind: "item";
  item: ListItem;
  /** The top-level list item holding it: what the context leaves out. */
  rootItem: ListItem;
  form: "checkbox" | "ordered" | "plain";
  ordered: boolean;
  completed: boolean;
  /** Its number in an ordered list. */
  number?: number;
  /** Title of the plain list item it is nested in, else the nearest heading that is not a tasks heading. */
  group?: string;
  inTasksSection: boolean;
}

/** A heading whose section is one task. */
export interface HeadingCandidate {
  kind: "heading";
  section: Section;
  /** Root child index where the task's text ends: its section's end, or a labelled heading inside it. */
  end: number;
  group?: string;
  inTasksSection: boolean;
}

export type Candidate = ItemCandidate | HeadingCandidate;

export interface TaskLayout {
  /** Tasks and completed items, in document order. */
  candidates: Candidate[];
  /** Root child indexes that belong to heading tasks (the heading and its section). */
  ownedBlocks: Set<number>;
}

const TASKS_HEADING =
  /^(?:sub[- ]?tasks|tasks|task list|task breakdown|work breakdown|work items|to[- ]?dos?|to do|bugs|bug list|implementation (?:tasks|plan|steps)|parallel tasks)(?:\s|$)/;
const EXCLUDED_HEADING =
  /^(?:(?:overall|global|master)\s+)?acceptance(?:\s+criteria)?$|^(?:definition of done|done when|success criteria|out of scope|non[- ]?goals|references|related(?: issues)?)$/;
/** `Task 1: Title`, `Task 2 - Title`, `Sub-task 3: Title`, `Task #4`. */
export const HEADING_LABEL = /^(?:sub[- ]?task|task)\s*#?(\d{1,6})\s*(?:[:.)\-–—]\s*|$)/i;

const INVISIBLE = /[\u200b-\u200f\u2060-\u2064\ufeff]/g;

function sectionKind(text: string): Section["kind"] {
  const name = collapseWhitespace(text.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, " "));
  if (TASKS_HEADING.test(name)) return "tasks";
  return EXCLUDED_HEADING.test(name) ? "excluded" : "plain";
}

/** Whether a list item is a GFM task-list item (`[ ]` or `[x]`); plain items have `checked: null`. */
function isCheckbox(item: ListItem): boolean {
  return typeof item.checked === "boolean";
}

function hasCheckbox(list: List): boolean {
  return list.children.some(
    (item) => isCheckbox(item) || item.children.some((c) => c.type === "list" && hasCheckbox(c)),
  );
}

/** First line of a list item's text, as a group name for the checkbox items nested under it. */
function itemHeadline(item: ListItem): string {
  const first = item.children[0];
  const line = first?.type === "paragraph" ? (nodeText(first).split("\n")[0] ?? "") : "";
  return collapseWhitespace(line).replace(/:$/, "");
}

/** The nearest heading above that names a group: not a tasks heading, not a task itself. */
function innermostGroup(stack: readonly Section[]): string | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    const s = stack[i] as Section;
    if (s.kind !== "tasks" && s.label === undefined) return s.text.replace(/:$/, "") || undefined;
  }
  return undefined;
}

/**
 * Finds which parts of the master issue are tasks (the rules are listed in parse-master-issue.ts).
 * Sections are computed in one pass with a heading stack, so a body of many thousands of headings stays
 * linear.
 */
export function findTaskCandidates(tree: Root): TaskLayout {
  const blocks = tree.children;
  const stacks: Section[][] = [];
  const hidden: boolean[] = [];
  const sections: Section[] = [];
  let stack: Section[] = [];
  let detailsDepth = 0;
  blocks.forEach((node: RootContent, index) => {
    if (node.type === "heading") {
      stack = stack.filter((s) => {
        if (s.depth < node.depth) return true;
        s.end = index;
        return false;
      });
      const text = collapseWhitespace(nodeText(node));
      const label = HEADING_LABEL.exec(text)?.[1];
      const section: Section = {
        node,
        index,
        end: blocks.length,
        depth: node.depth,
        text,
        kind: sectionKind(text),
      };
      if (label !== undefined) section.label = Number(label);
      sections.push(section);
      stack = [...stack, section];
    }
    stacks.push(stack);
    // Lists between `<details>` and `</details>` are collapsed, usually history or logs: never tasks.
    hidden.push(detailsDepth > 0 || node.type === "html");
    detailsDepth = Math.max(0, detailsDepth + detailsDelta(node));
  });

  const checkboxBlocksBefore = [0];
  blocks.forEach((node, i) => {
    const counts = node.type === "list" && !hidden[i] && hasCheckbox(node);
    checkboxBlocksBefore.push((checkboxBlocksBefore[i] ?? 0) + (counts ? 1 : 0));
  });
  const sectionHasCheckbox = (s: Section): boolean =>
    (checkboxBlocksBefore[s.end] ?? 0) - (checkboxBlocksBefore[s.index + 1] ?? 0) > 0;
  const isExcluded = (i: number): boolean => (stacks[i] ?? []).some((s) => s.kind === "excluded");

  const headingTasks = new Set<Section>();
  const ownedBlocks = new Set<number>();
  const headings: HeadingCandidate[] = [];
  for (const section of sections) {
    const ancestors = (stacks[section.index] ?? []).slice(0, -1);
    const parent = ancestors[ancestors.length - 1];
    // Under a tasks heading, a subsection with checkboxes groups them; one without is a task itself.
    const tentative = parent?.kind === "tasks" && section.kind === "plain" && !sectionHasCheckbox(section);
    const insideTask = ancestors.some((a) => headingTasks.has(a));
    // A labelled heading is a task wherever it is; inside another heading task it ends that one's text.
    const isTask = section.label !== undefined || (tentative && !insideTask);
    if (!isTask || isExcluded(section.index)) continue;
    headingTasks.add(section);
    const previous = headings[headings.length - 1];
    if (previous && previous.end > section.index) previous.end = section.index;
    const inTasksSection = ancestors.some((a) => a.kind === "tasks");
    const group = innermostGroup(ancestors);
    const candidate: HeadingCandidate = { kind: "heading", section, end: section.end, inTasksSection };
    if (group !== undefined) candidate.group = group;
    headings.push(candidate);
  }
  for (const h of headings) for (let i = h.section.index; i < h.end; i++) ownedBlocks.add(i);

  const items: ItemCandidate[] = [];
  blocks.forEach((node, i) => {
    if (node.type !== "list" || hidden[i] || ownedBlocks.has(i) || isExcluded(i)) return;
    const sectionStack = stacks[i] ?? [];
    const inTasksSection = sectionStack.some((s) => s.kind === "tasks");
    const directlyInTasks = sectionStack[sectionStack.length - 1]?.kind === "tasks";
    const add = (
      item: ListItem,
      rootItem: ListItem,
      list: List,
      k: number,
      group: string | undefined,
    ): void => {
      // An item with nothing visible in it (only zero-width characters) is no task.
      if (collapseWhitespace(nodeText(item).replace(INVISIBLE, "")) === "") return;
      const checkbox = isCheckbox(item);
      const form = checkbox ? "checkbox" : list.ordered ? "ordered" : "plain";
      const candidate: ItemCandidate = {
        kind: "item",
        item,
        rootItem,
        form,
        ordered: list.ordered === true,
        completed: item.checked === true,
        inTasksSection,
      };
      if (list.ordered) candidate.number = (list.start ?? 1) + k;
      if (group !== undefined) candidate.group = group;
      items.push(candidate);
    };
    // Checkbox items nested under plain items are tasks grouped by that item; under a checkbox item,
    // nested items are that task's steps.
    const walkNested = (parent: ListItem, rootItem: ListItem): void => {
      for (const list of parent.children) {
        if (list.type !== "list") continue;
        list.children.forEach((item, k) => {
          if (isCheckbox(item)) add(item, rootItem, list, k, itemHeadline(parent));
          else walkNested(item, rootItem);
        });
      }
    };
    const headingGroup = innermostGroup(sectionStack);
    node.children.forEach((item, k) => {
      const checkbox = isCheckbox(item);
      if (checkbox || node.ordered || directlyInTasks) add(item, item, node, k, headingGroup);
      if (!checkbox) walkNested(item, item);
    });
  });

  return { candidates: selectCandidates(headings, items), ownedBlocks };
}

/**
 * Heading tasks always count. Of the list items, checkbox items win over numbered items, which win over
 * plain bullets (collected only directly under a tasks heading). When a tasks heading holds any of
 * them, items outside tasks headings are context.
 */
function selectCandidates(headings: HeadingCandidate[], items: ItemCandidate[]): Candidate[] {
  const scope = [...headings, ...items].some((c) => c.inTasksSection);
  const scoped = scope ? items.filter((c) => c.inTasksSection) : items;
  const byForm = (form: ItemCandidate["form"]): ItemCandidate[] => scoped.filter((c) => c.form === form);
  const checkboxes = byForm("checkbox");
  const ordered = byForm("ordered");
  const chosen = checkboxes.length > 0 ? checkboxes : ordered.length > 0 ? ordered : byForm("plain");
  const at = (c: Candidate): number => startOf(c.kind === "item" ? c.item : c.section.node);
  return [...headings, ...chosen].sort((a, b) => at(a) - at(b));
}
