/**
 * Markup whose text GitHub does not display: hidden elements, text-carrying attributes, image alt text,
 * link titles and link definitions nothing refers to (`[//]: # (…)` is the classic markdown comment).
 * Every pattern here is bounded (tag bodies stop at `<`, lengths are capped, quoted values may be
 * unterminated) so a hostile 64 KB issue body is processed in linear time.
 */

/** Elements whose content GitHub never shows (its sanitiser drops them). */
const ALWAYS_HIDDEN_TAGS = new Set(["script", "style", "template", "noscript", "textarea", "title"]);
const VOID_TAGS = new Set([
  "img",
  "input",
  "br",
  "hr",
  "meta",
  "link",
  "source",
  "area",
  "wbr",
  "embed",
  "col",
  "track",
]);
const OPEN_TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s[^<>]*?)?)(\/?)>/g;
const ANY_TAG = /<[a-zA-Z][^<>]*>/g;
const HIDDEN_FLAG = /(?:^|\s)hidden(?=[\s=/]|$)/i;
/** Checked on the tag's attributes with whitespace removed; `font-size:0.5em` is visible, `0px` is not. */
const HIDING_STYLE = /display:none|visibility:hidden|font-size:0(?![.\d]*[1-9])|opacity:0(?![.\d]*[1-9])/;
/** Attributes whose text is not shown as content: alt text, tooltips, screen-reader labels, data. */
const INVISIBLE_ATTRIBUTE =
  /\s(?:alt|title|placeholder|aria-[\w-]+|data-[\w-]+)\s*=\s*(?:"[^"]*"?|'[^']*'?|[^\s"'>]+)/gi;

const IMAGE_ALT = /!\[[^\][\n]+\](?=[([])/g;
const LINK_TITLE = /(\]\(\s*<?[^\s()<>[\]]{1,2048}>?)\s+("[^"\n]*"|'[^'\n]*'|\([^()\n]*\))\s*\)/g;
const LINK_DEFINITION = /^ {0,3}\[([^\][\n]{1,999})\]:[^\n]*(?:\n|$)/gm;
const DEFINITION_TITLE = /(\]:\s*<?[^\s<>]{1,2048}>?)\s+("[^"\n]*"|'[^'\n]*'|\([^()\n]*\))\s*$/;
const LINK_LABEL = /\[([^\][\n]{1,999})\]/g;

function isHidden(tag: string, attributes: string): boolean {
  if (ALWAYS_HIDDEN_TAGS.has(tag) || HIDDEN_FLAG.test(attributes)) return true;
  const compact = attributes.toLowerCase().replace(/\s+/g, "");
  return compact.includes("style=") && HIDING_STYLE.test(compact);
}

/** The end of the element whose open tag ends at `from`, honouring nesting of the same tag; text end if unclosed. */
function elementEnd(text: string, tag: string, from: number): number {
  const re = new RegExp(`<(/?)${tag}(?=[\\s/>])[^<>]*>`, "gi");
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    depth += m[1] === "/" ? -1 : m[0].endsWith("/>") ? 0 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  // Unclosed: like an unterminated comment, everything after it may be hidden.
  return text.length;
}

function removeHiddenElements(text: string, count: () => void): string {
  let out = "";
  let cursor = 0;
  OPEN_TAG.lastIndex = 0;
  for (let m = OPEN_TAG.exec(text); m; m = OPEN_TAG.exec(text)) {
    const tag = (m[1] ?? "").toLowerCase();
    if (!isHidden(tag, m[2] ?? "")) continue;
    const openEnd = m.index + m[0].length;
    const end = m[3] === "/" || VOID_TAGS.has(tag) ? openEnd : elementEnd(text, tag, openEnd);
    out += text.slice(cursor, m.index);
    cursor = end;
    OPEN_TAG.lastIndex = end;
    count();
  }
  return out + text.slice(cursor);
}

/** Drops link definitions whose label is used nowhere else, and the titles of those that are used. */
function removeLinkDefinitionText(text: string, count: () => void): string {
  const withoutDefinitions = text.replace(LINK_DEFINITION, "");
  const used = new Set([...withoutDefinitions.matchAll(LINK_LABEL)].map((m) => (m[1] ?? "").toLowerCase()));
  return text.replace(LINK_DEFINITION, (line: string, label: string) => {
    if (!used.has(label.toLowerCase())) {
      count();
      return "";
    }
    const newline = line.endsWith("\n") ? "\n" : "";
    const body = line.slice(0, line.length - newline.length);
    if (!DEFINITION_TITLE.test(body)) return line;
    count();
    return body.replace(DEFINITION_TITLE, "$1") + newline;
  });
}

/** Removes hidden markup from markdown; returns the text and how many pieces were removed. */
export function stripHiddenMarkup(input: string): { text: string; removed: number } {
  let removed = 0;
  const count = () => void removed++;
  let text = removeHiddenElements(input, count);
  text = text.replace(ANY_TAG, (tag) => tag.replace(INVISIBLE_ATTRIBUTE, () => (count(), "")));
  text = text.replace(IMAGE_ALT, () => (count(), "![]"));
  text = text.replace(LINK_TITLE, (_m, target: string) => (count(), `${target})`));
  text = removeLinkDefinitionText(text, count);
  return { text, removed };
}
