import { describe, expect, it } from "vitest";
import { decodeSourceUnits, joinUnits } from "./decode-markdown-text.js";
import { findReferences } from "./github-references.js";
import { findLiveReferences } from "./live-references.js";
import {
  neutralizeMentions,
  neutralizeMentionsInline,
  neutralizeMentionsMetered,
} from "./neutralize-mentions.js";

const c = (text: string) => `<code>${text}</code>`;

describe("neutralizeMentions", () => {
  it.each([
    ["ping @everyone now", `ping ${c("@everyone")} now`],
    ["@octocat and @org/team", `${c("@octocat")} and ${c("@org/team")}`],
    ["see #123 and (#7)", `see ${c("#123")} and (${c("#7")})`],
    ["mail me at a@b.com", "mail me at a@b.com"],
    ["colour #fff stays", "colour #fff stays"],
    ["`@everyone` in code", "`@everyone` in code"],
    ["```\n@everyone #1\n```", "```\n@everyone #1\n```"],
    [
      "~~~~ js\n@everyone\n~~~\n@still code\n~~~~\n@x",
      `~~~~ js\n@everyone\n~~~\n@still code\n~~~~\n${c("@x")}`,
    ],
    ["<div>\n@everyone\n</div>", `<div>\n${c("@everyone")}\n</div>`],
    ["- [ ] **Fix** for @alice, closes #9", `- [ ] **Fix** for ${c("@alice")}, closes ${c("#9")}`],
    ["## Heading #1", `## Heading ${c("#1")}`],
    ["&commat;a &#64;b &#x40;c &amp;commat;d", `${c("@a")} ${c("@b")} ${c("@c")} &amp;commat;d`],
    ["x &#35;12 o/r#3 GH-4", `x ${c("#12")} ${c("o/r#3")} ${c("GH-4")}`],
    ["a ` b @u", `a \` b ${c("@u")}`],
    ["`a\nb` @x `c`", `\`a\nb\` ${c("@x")} \`c\``],
    ["\\https://github.com/o/r/issues/1", `\\ ${c("https:<!-- -->//github.com/o/r/issues/1")}`],
    ["a\r\n```\r\n@x\r\n```\r\n@y", `a\r\n\`\`\`\r\n@x\r\n\`\`\`\r\n${c("@y")}`],
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
  ];
  const after = ["", "`", " `x`", "\n```", " |", "_", "\n    x", "]"];
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

describe("neutralizeMentionsInline", () => {
  it("joins lines before deciding what is code, so no fence or indented block can form", () => {
    expect(neutralizeMentionsInline("```\n@everyone")).toBe(`\`\`\` ${c("@everyone")}`);
    expect(neutralizeMentionsInline("failed:\n\n    @bob")).toBe(`failed: ${c("@bob")}`);
    expect(neutralizeMentionsInline("keeps `@code` and @x")).toBe(`keeps \`@code\` and ${c("@x")}`);
  });
  it("pairs no backtick across a tag or a table pipe", () => {
    expect(neutralizeMentionsInline("<img src='`'>@x`")).toBe(`<img src='\`'>${c("@x")}\``);
    expect(neutralizeMentionsInline("`a | @x`")).toBe(`\`a | ${c("@x")}\``);
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
    const outside = neutralizeMentions(repeat(unit, 64 * 1024)).replace(/<code>.*?<\/code>/g, " ");
    expect(findReferences(joinUnits(decodeSourceUnits(outside, true)).text)).toEqual([]);
  });
});
