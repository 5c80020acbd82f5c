/**
 * Parsing a master issue into tasks.
 *
 * The body is parsed as GitHub-flavoured markdown (CRLF and a leading BOM are normalised first), and
 * these rules are applied to the syntax tree:
 *
 * 1. **Hidden text is never a task.** Lists inside code fences, block quotes, tables, HTML comments and
 *    `<details>` blocks are ignored, and so are sections under an "Acceptance criteria", "Definition of
 *    done", "Success criteria", "Out of scope", "Non-goals", "References" or "Related issues" heading.
 * 2. **Heading tasks.** A `## Task 1: Title` heading (also `### Task 2 - Title`, `## Sub-task 3: Title`)
 *    is one task; everything up to the next heading of the same or a higher level is its description.
 *    Under a tasks heading (`## Sub-Tasks`, `## Subtasks`, `## Tasks`, `## Bugs`, `## To do`,
 *    `## Work items`…), each `### Title` subsection is one task, unless it contains checkboxes: then it
 *    is a group heading for them (`### Data Layer`).
 * 3. **List tasks**, outside heading tasks: if there are checkbox items (`- [ ]`, `* [ ]`, `1. [ ]`),
 *    only they are tasks; otherwise the items of top-level numbered lists; otherwise plain bullets
 *    directly under a tasks heading. Plain bullets anywhere else are context. Items nested under a task
 *    are part of its description; checkbox items nested under a plain bullet are tasks grouped by it.
 * 4. **Tasks headings scope the search.** When a tasks heading holds any task, lists outside tasks
 *    headings are context (a "Checklist before merging" at the end is not a task).
 * 5. **Completed items** (`[x]`, `[X]`) are skipped and counted. Ids are `1`, `2`, … in document order
 *    over the remaining tasks.
 * 6. **Titles.** A `Task N:` / `Sub-task N -` label is dropped (ids are positional; the label is
 *    remembered for dependencies). Then `**Title**: description` takes the bold part; `Title: description`
 *    splits at the first `: ` when the title is at most 80 characters; otherwise the first line is the
 *    title. Markdown markers are removed, whitespace collapsed, and titles cut at 200 characters with "…".
 *    The rest of the item (its line, continuation lines, nested lists and paragraphs) is the description,
 *    as the author's markdown, un-indented.
 * 7. **Groups.** A task's group is the plain bullet it is nested in, else the nearest heading above it
 *    that is not a tasks heading. Groups are dropped when all tasks share the same one (it groups nothing).
 * 8. **Dependencies** (`depends on #3`, `Depends on: 1, 3`, `depends on tasks 1 and 3`, `blocked by #4`,
 *    `requires task 5`, `needs task 2`, `after task 2`): numbers refer to tasks as the author numbered
 *    them, the `Task N` labels or list numbers when every task has a distinct one, else positions
 *    counting completed items too. `#N` that is no task is an issue (`dependsOnIssues`). References to
 *    completed tasks (already done) and self-references are dropped; a task number that is no task
 *    (`depends on task 99`) is kept in `unknownDependencies`, for validation to report.
 * 9. **Context** is the markdown outside tasks and completed items, without HTML comments and emptied
 *    headings, capped at 4,000 characters.
 * 10. **Format** is `checklist` (unordered items, checkboxes or plain bullets under a tasks heading),
 *    `numbered` (ordered items, with or without checkboxes), `headings`, `mixed` when tasks (completed
 *    ones included) use more than one, or `none`.
 *
 * Items with nothing visible in them (empty, or only zero-width characters) are not tasks; zero-width
 * characters elsewhere are kept for the sanitiser. A paragraph with more than 1,000 emphasis markers
 * (`*`, `_`, `~`) has them replaced by look-alikes before parsing, as the parser is quadratic in them.
 */
import type { Heading, ListItem, Nodes, PhrasingContent } from "mdast";
import { extractTaskDetails, type DependencyRef } from "./extract-task-details.js";
import { findTaskCandidates, HEADING_LABEL, type Candidate } from "./find-task-candidates.js";
import { buildContext } from "./master-issue-context.js";
import {
  collapseWhitespace,
  dedent,
  defuseEmphasisBombs,
  endOf,
  lineStart,
  maskInline,
  nodeText,
  NOT_AN_ABBREVIATION,
  parseMarkdown,
  startOf,
  textInRange,
  truncate,
} from "./master-issue-markdown.js";
import type { ParsedMasterIssue, Task, TaskFormat } from "./task.js";

/** Longest title kept; GitHub shows about this much of an issue title in lists. */
export const MAX_TITLE_LENGTH = 200;
/** A `Title: description` split is only believed when the part before the colon reads like a title. */
const MAX_COLON_TITLE = 80;
/** `Task 1:`, `**Task 1:**`, `Sub-task 2 -` opening an item. */
const ITEM_LABEL = /^[*_]{0,3}(?:sub[- ]?task|task)\s*#?(\d{1,6})[*_]{0,3}\s*[:.)\-–—][*_]{0,3}\s*/i;

/** A sentence ends at . ! or ? before a word that does not start in lower case ("e.g. the" goes on). */
const SENTENCE_END = new RegExp(`${NOT_AN_ABBREVIATION}[.!?](?=[ \\t]+[^\\sa-z])`);

interface Draft {
  candidate: Candidate;
  title: string;
  /** The task's blocks in the tree, read for criteria, files and dependencies. */
  blocks: Nodes[];
  /** Source offset where the title ends. */
  titleEnd: number;
  description: string;
  label?: number;
}

/** Splits a list item into title and description (rule 6). */
function draftItem(candidate: Candidate, item: ListItem, source: string): Draft {
  const first = item.children[0];
  const markerLine = source.slice(lineStart(source, startOf(item)), startOf(item) + 16);
  const marker = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/.exec(markerLine);
  const indent = marker?.[0].length ?? 0;
  const rest = (from: number): string =>
    dedent(source.slice(from, endOf(item)).replace(/^[ \t]*(?::|[-–—](?=\s))?[ \t]*/, ""), indent).trim();
  if (first?.type !== "paragraph" || first.children.length === 0) {
    const title = collapseWhitespace(nodeText(item).split("\n")[0] ?? "");
    const description = first ? rest(startOf(first)) : "";
    return { candidate, title, blocks: [item], titleEnd: -1, description };
  }
  const base = startOf(first);
  const contentStart = startOf(first.children[0] as PhrasingContent);
  const masked = maskInline(first, source, { emphasis: true });
  let pos = contentStart - base;
  let label: number | undefined;
  const labelled = ITEM_LABEL.exec(source.slice(base + pos, endOf(first)));
  if (labelled && base + pos + labelled[0].length < endOf(first)) {
    label = Number(labelled[1]);
    pos += labelled[0].length;
  }
  const lineEnd = masked.indexOf("\n", pos) === -1 ? masked.length : masked.indexOf("\n", pos);
  let titleEnd = lineEnd;
  let descriptionStart = lineEnd;
  let title: string | undefined;
  const strong = first.children.find((c) => c.type === "strong" && startOf(c) === base + pos);
  const introducesText = (n: Nodes): boolean =>
    /:\s*$/.test(nodeText(n)) || /^[ \t]*(?:[:\-–—]|\n|$)/.test(masked.slice(endOf(n) - base));
  if (strong && introducesText(strong)) {
    title = nodeText(strong);
    titleEnd = descriptionStart = endOf(strong) - base;
  } else {
    const line = masked.slice(pos, lineEnd);
    const colon = line.search(/:(?=\s|$)/);
    const sentence = line.search(SENTENCE_END);
    const before =
      colon > 0 ? collapseWhitespace(textInRange(first, source, base + pos, base + pos + colon)) : "";
    if (sentence > 0 && (colon <= 0 || sentence < colon)) {
      // "Add login page. Use the Figma design." reads as a title and a description.
      titleEnd = pos + sentence + (line[sentence] === "." ? 0 : 1);
      descriptionStart = pos + sentence + 1;
    } else if (before.length > 0 && before.length <= MAX_COLON_TITLE) {
      titleEnd = pos + colon;
      descriptionStart = titleEnd + 1;
    }
  }
  title ??= textInRange(first, source, base + pos, base + titleEnd);
  const draft: Draft = {
    candidate,
    title: collapseWhitespace(title).replace(/\s*:$|(?<!\.)\.$/, ""),
    blocks: [item],
    titleEnd: base + titleEnd,
    description: rest(base + descriptionStart),
  };
  if (label !== undefined) draft.label = label;
  return draft;
}

/** A heading task: title from the heading (label dropped), description = the rest of its section. */
function draftHeading(candidate: Candidate, blocks: Nodes[], sectionEnd: number, source: string): Draft {
  const heading = blocks[0] as Heading;
  const text = collapseWhitespace(nodeText(heading));
  const labelled = HEADING_LABEL.exec(text);
  const title = labelled && text.length > labelled[0].length ? text.slice(labelled[0].length) : text;
  const draft: Draft = {
    candidate,
    title,
    blocks,
    titleEnd: endOf(heading),
    description: source.slice(endOf(heading), sectionEnd).trim(),
  };
  if (labelled) draft.label = Number(labelled[1]);
  return draft;
}

function formOf(candidate: Candidate): Exclude<TaskFormat, "mixed" | "none"> {
  if (candidate.kind === "heading") return "headings";
  return candidate.ordered ? "numbered" : "checklist";
}

/**
 * Numbers the author can use for a task (rule 8): their own labels when every draft has a distinct one,
 * else 1-based positions counting completed items. Maps to the task id, or null for a completed item.
 */
function numberTasks(drafts: Draft[], ids: (string | null)[]): Map<number, string | null> {
  const labels = drafts.map((d) => d.label ?? (d.candidate.kind === "item" ? d.candidate.number : undefined));
  const explicit = labels.every((l) => l !== undefined) && new Set(labels).size === labels.length;
  const byNumber = new Map<number, string | null>();
  drafts.forEach((_, i) => byNumber.set(explicit ? (labels[i] as number) : i + 1, ids[i] ?? null));
  return byNumber;
}

function resolveDependencies(
  refs: DependencyRef[],
  self: string,
  byNumber: Map<number, string | null>,
): Pick<Task, "dependsOn" | "dependsOnIssues" | "unknownDependencies"> {
  const tasks = new Set<string>();
  const issues = new Set<number>();
  const unknown = new Set<number>();
  for (const ref of refs) {
    const target = byNumber.get(ref.n);
    if (target === undefined) {
      // `#N` may be any issue of the repository; `task N` can only mean a task, so it is a mistake.
      if (ref.kind === "hash") issues.add(ref.n);
      else unknown.add(ref.n);
    } else if (target !== null && target !== self) tasks.add(target);
  }
  return {
    dependsOn: [...tasks].sort((a, b) => Number(a) - Number(b)),
    dependsOnIssues: [...issues].sort((a, b) => a - b),
    ...(unknown.size === 0 ? {} : { unknownDependencies: [...unknown].sort((a, b) => a - b) }),
  };
}

/** Parses a master issue's body into its tasks and its context. Pure; never throws on any input. */
export function parseMasterIssue(body: string): ParsedMasterIssue {
  // 1. Normalise line endings so offsets, descriptions and fixtures do not depend on the author's OS.
  const source = defuseEmphasisBombs(body.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
  const tree = parseMarkdown(source);
  // 2. Decide which items and headings are tasks.
  const layout = findTaskCandidates(tree);
  const sectionEnd = (index: number): number => {
    const next = tree.children[index];
    return next ? lineStart(source, startOf(next)) : source.length;
  };
  // 3. Split each into title and description; number the open ones.
  const drafts = layout.candidates.map((c) =>
    c.kind === "item"
      ? draftItem(c, c.item, source)
      : draftHeading(c, tree.children.slice(c.section.index, c.end), sectionEnd(c.end), source),
  );
  let nextId = 1;
  const ids = drafts.map((d) =>
    d.candidate.kind === "item" && d.candidate.completed ? null : String(nextId++),
  );
  const byNumber = numberTasks(drafts, ids);
  // 4. Extract details and resolve dependencies against the other tasks.
  const tasks: Task[] = [];
  drafts.forEach((draft, i) => {
    const id = ids[i];
    if (id === null || id === undefined) return;
    const details = extractTaskDetails(draft.blocks, source, draft.titleEnd);
    const group = draft.candidate.group;
    const task: Task = {
      id,
      title: truncate(draft.title || `Task ${id}`, MAX_TITLE_LENGTH),
      description: draft.description,
      ...(group === undefined ? {} : { group: truncate(group, MAX_TITLE_LENGTH) }),
      acceptanceCriteria: details.acceptanceCriteria,
      files: details.files,
      ...resolveDependencies(details.dependencyRefs, id, byNumber),
    };
    tasks.push(task);
  });
  // 5. A group shared by every task groups nothing.
  if (new Set(tasks.map((t) => t.group)).size < 2) for (const t of tasks) delete t.group;
  const forms = new Set(drafts.map((d) => formOf(d.candidate)));
  const format: TaskFormat = forms.size === 0 ? "none" : forms.size > 1 ? "mixed" : ([...forms][0] ?? "none");
  return {
    context: buildContext(tree, source, layout),
    tasks,
    format,
    skippedCompleted: ids.filter((id) => id === null).length,
  };
}
