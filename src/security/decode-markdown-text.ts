/**
 * Markdown source as the reader sees it: character references (`&#64;`, `&#x40;`, `&commat;`) and
 * backslash escapes (`\@`) decoded, each decoded piece keeping the source range it came from. GitHub
 * finds mentions after decoding, so a rewrite must look at decoded text and edit the source.
 */

/** One piece of source: a plain character, a character reference or a backslash escape. */
export interface SourceUnit {
  /** Offset in the source. */
  start: number;
  /** Offset after the unit in the source. */
  end: number;
  /** What it renders as. */
  text: string;
}

/**
 * Named references that decode to ASCII punctuation: the only ones that can form or end a mention or a
 * reference. Any other valid name decodes to a non-ASCII character, which the patterns treat like the
 * `;` that ends the reference left undecoded.
 */
const ASCII_ENTITIES: Readonly<Record<string, string>> = {
  Tab: "\t",
  NewLine: "\n",
  excl: "!",
  quot: '"',
  QUOT: '"',
  num: "#",
  dollar: "$",
  percnt: "%",
  amp: "&",
  AMP: "&",
  apos: "'",
  lpar: "(",
  rpar: ")",
  ast: "*",
  midast: "*",
  plus: "+",
  comma: ",",
  period: ".",
  sol: "/",
  colon: ":",
  semi: ";",
  lt: "<",
  LT: "<",
  equals: "=",
  gt: ">",
  GT: ">",
  quest: "?",
  commat: "@",
  lsqb: "[",
  lbrack: "[",
  bsol: "\\",
  rsqb: "]",
  rbrack: "]",
  Hat: "^",
  lowbar: "_",
  UnderBar: "_",
  grave: "`",
  DiacriticalGrave: "`",
  lcub: "{",
  lbrace: "{",
  verbar: "|",
  vert: "|",
  VerticalLine: "|",
  rcub: "}",
  rbrace: "}",
};

const REFERENCE_AT = /&(?:#[xX]([0-9a-fA-F]{1,6});|#(\d{1,7});|([A-Za-z][A-Za-z0-9]{0,31});)/y;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

function decodeReference(hex: string | undefined, dec: string | undefined, name: string | undefined): string {
  if (name !== undefined) return ASCII_ENTITIES[name] ?? `&${name};`;
  const codePoint = hex !== undefined ? parseInt(hex, 16) : Number(dec);
  // CommonMark renders NUL, surrogates and out-of-range code points as U+FFFD.
  const valid = codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
  return String.fromCodePoint(valid ? codePoint : 0xfffd);
}

/**
 * Splits `source` into units. With `escapes`, a backslash before ASCII punctuation is an escape (markdown
 * prose); without, it is a plain character (HTML, where only references are decoded).
 */
export function decodeSourceUnits(source: string, escapes: boolean): SourceUnit[] {
  const units: SourceUnit[] = [];
  for (let i = 0; i < source.length;) {
    const ch = source[i] ?? "";
    if (ch === "&") {
      REFERENCE_AT.lastIndex = i;
      const m = REFERENCE_AT.exec(source);
      if (m) {
        const end = i + m[0].length;
        units.push({ start: i, end, text: decodeReference(m[1], m[2], m[3]) });
        i = end;
        continue;
      }
    }
    const next = source[i + 1] ?? "";
    if (escapes && ch === "\\" && ASCII_PUNCTUATION.test(next)) {
      units.push({ start: i, end: i + 2, text: next });
      i += 2;
      continue;
    }
    // Keep surrogate pairs whole so decoded text stays valid UTF-16.
    const width = (source.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    units.push({ start: i, end: i + width, text: source.slice(i, i + width) });
    i += width;
  }
  return units;
}

/** The decoded text of `units`, with the index in it where each unit starts. */
export function joinUnits(units: readonly SourceUnit[]): { text: string; offsets: number[] } {
  const offsets: number[] = [];
  let text = "";
  for (const unit of units) {
    offsets.push(text.length);
    text += unit.text;
  }
  return { text, offsets };
}
