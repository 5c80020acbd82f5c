import { describe, expect, it } from "vitest";
import { decodeSourceUnits, joinUnits } from "./decode-markdown-text.js";
import { findReferences } from "./github-references.js";
import { findLiveReferences } from "./live-references.js";
import {
  neutralizeMentions,
  neutralizeMentionsInline,
  neutralizeMentionsMetered,
} from "./neutralize-mentions.js";

/** A reference as we write it: a zero-width space (as an entity) after each `@ # / : . -`. */
const z = (text: string) => text.replace(/[@#/:.-]/g, "$&&#x200B;");

describe("neutralizeMentions", () => {
  it.each([
    ["ping @everyone now", `ping ${z("@everyone")} now`],
    ["@octocat and @org/team", `${z("@octocat")} and ${z("@org/team")}`],
    ["see #123 and (#7)", `see ${z("#123")} and (${z("#7")})`],
    // GitHub may link the address and start a new text node at "@b": broken too, invisibly.
    ["mail me at a@b.com, a@b.c@x", `mail me at a${z("@b")}.com, a${z("@b")}.c${z("@x")}`],
    ["colour #fff stays", "colour #fff stays"],
    ["`@everyone` in code", "`@everyone` in code"],
    ["```\n@everyone #1\n```", "```\n@everyone #1\n```"],
    [
      "~~~~ js\n@everyone\n~~~\n@still code\n~~~~\n@x",
      `~~~~ js\n@everyone\n~~~\n@still code\n~~~~\n${z("@x")}`,
    ],
    ["<div>\n@everyone\n</div>", `<div>\n${z("@everyone")}\n</div>`],
    ["- [ ] **Fix** for @alice, closes #9", `- [ ] **Fix** for ${z("@alice")}, closes ${z("#9")}`],
    ["## Heading #1", `## Heading ${z("#1")}`],
    // The break goes right after the entity that writes the @ or #.
    [
      "&commat;a &#64;b &#x40;c &amp;commat;d",
      "&commat;&#x200B;a &#64;&#x200B;b &#x40;&#x200B;c &amp;commat;d",
    ],
    ["x &#35;12 o/r#3 GH-4", `x &#35;&#x200B;12 ${z("o/r#3")} ${z("GH-4")}`],
    ["a ` b @u", `a \` b ${z("@u")}`],
    ["`a\nb` @x `c`", `\`a\nb\` ${z("@x")} \`c\``],
    ["\\https://github.com/o/r/issues/1.", `\\${z("https://github.com/o/r/issues/1")}.`],
    ["GH-1GH-2 @x/y#3", `${z("GH-1")}${z("GH-2")} ${z("@x/y")}${z("#3")}`],
    ["a\r\n```\r\n@x\r\n```\r\n@y", `a\r\n\`\`\`\r\n@x\r\n\`\`\`\r\n${z("@y")}`],
  ])("%j → %j", (input, expected) => {
    expect(neutralizeMentions(input)).toBe(expected);
  });

  it("leaves text without mentions or references byte for byte", () => {
    const text = "# Title\n\n- a *b* `c`\n\n```ts\nx\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
    expect(neutralizeMentions(text)).toBe(text);
  });
});

describe("neutralizeMentions against a full CommonMark parser", () => {
  // Every reference in every context: the result, rendered by micromark, links and notifies nobody.
  const references = [
    "@u",
    "&#64;u",
    "&commat;u",
    "\\@u",
    "#1",
    "&#35;1",
    "o/r#1",
    "GH-1",
    "https://github.com/o/r/issues/1",
  ];
  const before = [
    "",
    "> ",
    "- ",
    "1. ",
    "# ",
    "| a | ",
    "    ",
    "\t",
    "<div>\n",
    "```\n",
    "`",
    "``",
    "\\",
    "_",
    "*",
    "[",
    "](",
    "<",
    "&",
    "x\n\n    ",
    "<pre>\n\n",
    "~~~\n",
    "- ```\n  x\n  ```\n\n",
    "<a title='`'>",
    "https://a.com/` ",
    "www.a.com/`",
    "[a](`) ",
    "[a](x '`') ",
    "[`]: /u\n\n[x][`] ",
    "[^`] ",
    "$`$ ",
  ];
  const after = ["", "`", " `x`", "\n```", " |", "_", "\n    x", "]", "\n\n[`]: /u\n\n[^`]: x"];
  const cases = before.flatMap((b) => references.flatMap((r) => after.map((a) => `${b}${r}${a}`)));

  it(`leaves nothing live in ${cases.length} combinations`, () => {
    const live = cases.flatMap((input) => {
      const found = findLiveReferences(neutralizeMentions(input));
      return found.length > 0 ? [{ input, found }] : [];
    });
    expect(live).toEqual([]);
  });

  it("finds every one of them live before", () => {
    const inert = cases.filter((input) => findLiveReferences(input).length === 0);
    // The ones already inert are in code (fences, indented code, code spans) or escaped away.
    expect(inert.length).toBeLessThan(cases.length / 2);
  });
});

describe("random documents of markdown's special pieces", () => {
  // A seeded generator (mulberry32), so a failure names an input that reproduces.
  const PIECES = [
    "`",
    "``",
    "```",
    "~~~",
    "\n",
    "\n\n",
    " ",
    "    ",
    "@u",
    "@gh-1",
    "@https",
    "#1",
    "&#64;",
    "&#35;",
    "&commat;",
    "&",
    ";",
    "\\",
    "\\`",
    "<",
    ">",
    "<div>",
    "</div>",
    "<pre>",
    "<a>",
    "<x_",
    "'",
    "<code>",
    "<!--",
    "-->",
    "<![CDATA[",
    "<?",
    "[",
    "]",
    "(",
    ")",
    "[a](",
    "|",
    "*",
    "_",
    "$",
    "- ",
    "> ",
    "https://github.com/o/r/issues/1",
    "www.",
    "github.com/o/r/pull/2",
    "o/r#2",
    "GH-3",
    "x",
    "9",
    ":",
    "/",
    ".",
    "-",
    "[^1]",
    "[1]: ",
    "\r\n",
    "a@b.c",
  ];
  let seed = 20_260_101;
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const documents = Array.from({ length: 1500 }, () =>
    Array.from(
      { length: 1 + Math.floor(next() * 16) },
      () => PIECES[Math.floor(next() * PIECES.length)],
    ).join(""),
  );

  it.each([
    ["a body", neutralizeMentions, (out: string) => out],
    ["a list item", neutralizeMentionsInline, (out: string) => `- [ ] ${out}`],
  ] as const)("leave nothing live as %s", (_, neutralize, place) => {
    const live = documents.flatMap((input) => {
      const found = findLiveReferences(place(neutralize(input)));
      return found.length > 0 ? [{ input, found }] : [];
    });
    expect(live).toEqual([]);
  });
});

describe("neutralizeMentionsInline", () => {
  it("joins lines before deciding what is code, so no fence or indented block can form", () => {
    expect(neutralizeMentionsInline("```\n@everyone")).toBe(`\`\`\` ${z("@everyone")}`);
    expect(neutralizeMentionsInline("failed:\n\n    @bob")).toBe(`failed: ${z("@bob")}`);
    expect(neutralizeMentionsInline("keeps `@code` and @x")).toBe(`keeps \`@code\` and ${z("@x")}`);
  });
  it("pairs no backtick across a tag or a table pipe", () => {
    expect(neutralizeMentionsInline("<img src='`'>@x`")).toBe(`<img src='\`'>${z("@x")}\``);
    expect(neutralizeMentionsInline("`a | @x`")).toBe(`\`a | ${z("@x")}\``);
  });
  it("breaks what either reading of a line that may be HTML shows", () => {
    // As HTML `&#35;` is `#` (the #1 is broken after it); as prose `\\&` is an escape, leaving the text
    // `&#35;1`, whose #35 is broken too, at the cost of HTML showing the entity as text.
    expect(neutralizeMentionsInline("<b>\\&#35;1")).toBe("<b>\\&#&#x200B;35;&#x200B;1");
    expect(neutralizeMentionsInline("<b>\\&#35;x &#64;y")).toBe("<b>\\&#&#x200B;35;x &#64;&#x200B;y");
  });
});

describe("linear time", () => {
  // Shapes that make parsers backtrack or rescan: emphasis runs, backtick strings, tags, containers.
  const shapes: Record<string, string> = {
    "emphasis *_": "*_",
    "backtick pairs": "`a",
    "unequal backtick strings": "``a`",
    "unclosed tags": "<a ",
    "nested quotes": "> ",
    mentions: "@a ",
    entities: "&#64;",
    backslashes: "\\",
    brackets: "[",
    "pipes and backticks": "|`",
    fences: "```\n",
    "html blocks": "<pre>\n",
    spaces: " ",
    "issue links": "https://github.com/o/r/issues/1 ",
  };
  const repeat = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

  it.each(Object.entries(shapes))("does proportional work on %s (16 KB against 64 KB)", (_, unit) => {
    const small = neutralizeMentionsMetered(repeat(unit, 16 * 1024)).work;
    const large = neutralizeMentionsMetered(repeat(unit, 64 * 1024)).work;
    expect(large / small).toBeLessThan(4.5);
  });

  it.each(Object.entries(shapes))("finishes 64 KB of %s with every reference inert", (_, unit) => {
    const out = neutralizeMentions(repeat(unit, 64 * 1024));
    expect(findReferences(joinUnits(decodeSourceUnits(out, true)).text)).toEqual([]);
  });
});
