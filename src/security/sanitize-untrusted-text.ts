import { breakReferences } from "./github-references.js";
import { stripHiddenMarkup } from "./strip-hidden-markup.js";

/**
 * Issue text is written by people we do not control and read by a coding agent that acts on it. Text a
 * reviewer cannot see on GitHub must not reach the agent: that is where prompt injections hide. This
 * module removes it; it works on the raw markdown with regular expressions, so it also strips such
 * content inside code blocks (a visible `<!-- -->` in a code sample is lost, which we accept).
 */

/** How much of each kind of hidden content was removed. */
export interface SanitizeReport {
  text: string;
  removed: {
    /** `<!-- … -->` comments, including an unterminated one (dropped to the end of the text). */
    htmlComments: number;
    /** Zero-width and other invisible characters: Cc/Cf controls, tag characters, variation-selector runs, fillers. */
    invisibleChars: number;
    /** Bidirectional controls that reorder what is displayed (the "Trojan Source" characters). */
    bidiControls: number;
    /**
     * Hidden markup: hidden elements, CDATA, processing instructions, declarations, attributes, image alt
     * text, link titles, link targets with spaces, unused link definitions.
     */
    hiddenHtml: number;
  };
}

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
/**
 * Controls except `\n` and `\t` (CR is normalised first), format characters (zero-width space/joiners,
 * word joiner, BOM, soft hyphen, Mongolian vowel separator…), Unicode tag characters (used for "ASCII
 * smuggling"), supplementary variation selectors, invisible fillers and lone surrogates.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- these characters are what we look for
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u034F\u115F\u1160\u17B4\u17B5\u3164\uFFA0\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]|\p{Cf}|\p{Cs}/gu;
/** Two or more variation selectors in a row carry hidden bytes ("emoji smuggling"); a single one styles an emoji. */
const VARIATION_RUN = /[\uFE00-\uFE0F]{2,}/gu;
const NUMERIC_ENTITY = /&#(?:[xX]([0-9a-fA-F]{1,6})|(\d{1,7}));/g;
/** Named entities for invisible characters (`&zwj;`, `&lrm;`, `&ZeroWidthSpace;`, …). */
const INVISIBLE_ENTITY =
  /&(?:zwj|zwnj|lrm|rlm|shy|ZeroWidthSpace|NoBreak|Negative(?:VeryThin|Thin|Medium|Thick)Space|InvisibleTimes|InvisibleComma|ic|it|af|ApplyFunction);/g;

function isInvisibleCodePoint(codePoint: number): boolean {
  const ch = String.fromCodePoint(codePoint);
  return ch.replace(INVISIBLE, "").replace(BIDI, "") === "";
}

/**
 * Removes HTML comments as the HTML spec ends them: at `-->` or `--!>`, or at once for the abrupt `<!-->`
 * and `<!--->`; an unterminated comment runs to the end of the text. A scan, not a regex, so a text full
 * of `<!--` is handled in linear time.
 */
function removeComments(text: string, count: () => void): string {
  let out = "";
  let cursor = 0;
  for (let open = text.indexOf("<!--"); open >= 0; open = text.indexOf("<!--", cursor)) {
    out += text.slice(cursor, open);
    count();
    const body = open + 4;
    if (text.startsWith(">", body)) cursor = body + 1;
    else if (text.startsWith("->", body)) cursor = body + 2;
    else {
      const close = /--!?>/g;
      close.lastIndex = body;
      const m = close.exec(text);
      if (!m) return out;
      cursor = m.index + m[0].length;
    }
  }
  return out + text.slice(cursor);
}

/**
 * Removes everything from untrusted markdown that GitHub does not display but an agent reading the raw
 * text would see, and normalises line endings. Visible content, `<details>` bodies included, is kept.
 */
export function sanitizeUntrustedText(input: string): SanitizeReport {
  const removed = { htmlComments: 0, invisibleChars: 0, bidiControls: 0, hiddenHtml: 0 };
  let text = input.replace(/\r\n?|[\u2028\u2029]/g, "\n");

  text = text.replace(BIDI, () => (removed.bidiControls++, ""));
  text = text.replace(INVISIBLE, () => (removed.invisibleChars++, ""));
  text = text.replace(VARIATION_RUN, (run) => ((removed.invisibleChars += run.length), ""));
  // `&#8203;` renders as nothing on GitHub, so the encoded forms are as hidden as the characters.
  text = text.replace(NUMERIC_ENTITY, (entity, hex: string | undefined, dec: string | undefined) => {
    const codePoint = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    if (codePoint > 0x10ffff || !isInvisibleCodePoint(codePoint)) return entity;
    removed.invisibleChars++;
    return "";
  });
  text = text.replace(INVISIBLE_ENTITY, () => (removed.invisibleChars++, ""));

  text = removeComments(text, () => removed.htmlComments++);
  const markup = stripHiddenMarkup(text);
  removed.hiddenHtml = markup.removed;
  return { text: markup.text, removed };
}

/** Markdown syntax in one line of plain text, written so it shows as typed. */
function escapeInline(text: string): string {
  return text.replace(/[\\|`*_[\]~<>&]/g, (ch) => {
    switch (ch) {
      case "<":
        return "&lt;";
      case ">":
        return "&gt;";
      case "&":
        return "&amp;";
      default:
        return `\\${ch}`;
    }
  });
}

/**
 * Makes untrusted text safe as one markdown table cell or comment line: hidden content removed, newlines
 * collapsed, the rest shown as typed (markdown syntax escaped, `&` and HTML written as entities), and
 * every `@mention` and issue reference broken by zero-width spaces (see neutralize-mentions.ts), so
 * GitHub neither notifies nor links. The breaks are added after escaping, which cannot undo them.
 */
export function escapeMarkdownInline(input: string): string {
  const flat = sanitizeUntrustedText(input)
    .text.split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join(" ");
  // The text has no U+200B of its own (sanitising removed it): each one is a break, written as an entity.
  const escaped = escapeInline(breakReferences(flat)).replace(/\u200B/g, "&#x200B;");
  // Block syntax only matters at the start of a line: headings, list items, ordered-list numbers.
  return escaped.replace(/^(\s*)([#+-])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2");
}
