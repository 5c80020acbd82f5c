/**
 * Markup whose text GitHub does not display: hidden elements, CDATA sections, processing instructions
 * and declarations (`<!DOCTYPE …>`), every attribute but a few harmless ones, image alt text, link
 * titles, link targets that hold words, and link definitions nothing refers to (`[//]: # (…)` is the
 * classic markdown comment). Every pattern here is bounded (tag bodies stop at `<`, lengths are capped,
 * quoted values may be unterminated, delimited sections are found with `indexOf`) so a hostile 64 KB
 * issue body is processed in linear time.
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
const ANY_TAG = /<([a-zA-Z][a-zA-Z0-9-]*)([^<>]*)>/g;
const HIDDEN_FLAG = /(?:^|\s)hidden(?=[\s=/]|$)/i;
/** Checked on the tag's attributes with whitespace removed; `font-size:0.5em` is visible, `0px` is not. */
const HIDING_STYLE = /display:none|visibility:hidden|font-size:0(?![.\d]*[1-9])|opacity:0(?![.\d]*[1-9])/;
/** One attribute with the space before it (or right after a quoted value); a quote may be unterminated. */
const ATTRIBUTE = /(?:(?<!\s)\s+|(?<=["']))([^\s"'<>/=]+)(?:\s*=\s*("[^"]*"?|'[^']*'?|[^\s"'<>]*))?/g;
/**
 * No attribute's value is shown as content. GitHub's sanitiser drops most (`onclick`, `style`, `class`,
 * `data-*`) and keeps some that hold free text (`alt`, `title`, `aria-label`, `value`). Only these
 * stay, with a short value without spaces (links: http, https or mailto, as GitHub allows).
 */
const KEPT_ATTRIBUTES = new Set([
  "href",
  "src",
  "width",
  "height",
  "align",
  "valign",
  "colspan",
  "rowspan",
  "start",
  "type",
  "open",
  "checked",
  "disabled",
  "dir",
  "lang",
]);
/** Link targets are URLs; one up to 2048 characters without spaces is kept, like GitHub's own limit. */
const MAX_URL = 2048;
const MAX_VALUE = 32;
/** Sections GitHub's HTML parser turns into nothing: CDATA, processing instructions, declarations. */
const DELIMITED: ReadonlyArray<readonly [RegExp, string]> = [
  [/<!\[CDATA\[/g, "]]>"],
  [/<\?/g, "?>"],
  [/<![A-Za-z]/g, ">"],
];
/** A link target in angle brackets may hold spaces, so whole sentences nobody sees unless they hover. */
const WORDY_TARGET = /(\]\(\s*|^ {0,3}\[[^\][\n]{1,999}\]:[ \t]*)<([^<>\n]{0,2048})>/gm;

const IMAGE_ALT = /!\[[^\][\n]+\](?=[([])/g;
const LINK_TITLE = /(\]\(\s*<?[^\s()<>[\]]{1,2048}>?)\s+("[^"\n]*"|'[^'\n]*'|\([^()\n]*\))\s*\)/g;
const LINK_DEFINITION = /^ {0,3}\[([^\][\n]{1,999})\]:[^\n]*(?:\n|$)/gm;
const DEFINITION_TITLE = /(\]:\s*<?[^\s<>]{1,2048}>?)\s+("[^"\n]*"|'[^'\n]*'|\([^()\n]*\))\s*$/;
const LINK_LABEL = /\[([^\][\n]{1,999})\]/g;

const LINK_ATTRIBUTES = new Set(["href", "src"]);
const ALLOWED_SCHEME = /^(?:https?|mailto):/i;

function keepsAttribute(name: string, value: string | undefined): boolean {
  const lower = name.toLowerCase();
  if (!KEPT_ATTRIBUTES.has(lower)) return false;
  const bare = (value ?? "").replace(/^["']|["']$/g, "");
  if (/\s/.test(bare)) return false;
  if (!LINK_ATTRIBUTES.has(lower)) return bare.length <= MAX_VALUE;
  return bare.length <= MAX_URL && (!/^[a-z][a-z0-9+.-]*:/i.test(bare) || ALLOWED_SCHEME.test(bare));
}

/** A tag without the attributes that are not kept; unchanged (spacing included) when all are kept. */
function stripAttributes(tag: string, name: string, body: string, count: () => void): string {
  let dropped = false;
  const kept = body.replace(ATTRIBUTE, (attribute: string, attrName: string, value: string | undefined) => {
    if (keepsAttribute(attrName, value)) return attribute;
    dropped = true;
    count();
    return "";
  });
  return dropped ? `<${name}${kept}>` : tag;
}

/** Removes each section from `open` to the next `close`; an unterminated one is left, as markdown shows it. */
function removeDelimited(text: string, open: RegExp, close: string, count: () => void): string {
  let out = "";
  let cursor = 0;
  open.lastIndex = 0;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    const end = text.indexOf(close, m.index + m[0].length);
    if (end < 0) break;
    out += text.slice(cursor, m.index);
    cursor = end + close.length;
    open.lastIndex = cursor;
    count();
  }
  return out + text.slice(cursor);
}

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
  let text = input;
  for (const [open, close] of DELIMITED) text = removeDelimited(text, open, close, count);
  text = removeHiddenElements(text, count);
  // Before attributes: `<a b c>` as a link target is not a tag.
  text = text.replace(WORDY_TARGET, (target: string, before: string, url: string) =>
    /\s/.test(url) ? (count(), `${before}<>`) : target,
  );
  text = text.replace(ANY_TAG, (tag: string, name: string, body: string) =>
    stripAttributes(tag, name, body, count),
  );
  text = text.replace(IMAGE_ALT, () => (count(), "![]"));
  text = text.replace(LINK_TITLE, (_m, target: string) => (count(), `${target})`));
  text = removeLinkDefinitionText(text, count);
  return { text, removed };
}
