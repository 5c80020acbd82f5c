import { describe, expect, it } from "vitest";
import { codeSpans } from "./code-spans.js";
import { decodeSourceUnits, joinUnits } from "./decode-markdown-text.js";

const decode = (source: string, escapes: boolean) => joinUnits(decodeSourceUnits(source, escapes)).text;

describe("decodeSourceUnits", () => {
  it("decodes character references as CommonMark does, and escapes only in prose", () => {
    expect(decode("&#64;a &#x40;b &commat;c &COMMAT;d &num;1 &#0; &#99999999; &copy; \\@e \\q", true)).toBe(
      "@a @b @c &COMMAT;d #1 \uFFFD &#99999999; &copy; @e \\q",
    );
    expect(decode("\\@e \\&#64;f", false)).toBe("\\@e \\@f");
    expect(decode("\\&#64;f", true)).toBe("&#64;f");
  });

  it("keeps each unit's source range, surrogate pairs whole", () => {
    expect(decodeSourceUnits("😀&#64;\\#", true)).toEqual([
      { start: 0, end: 2, text: "😀" },
      { start: 2, end: 7, text: "@" },
      { start: 7, end: 9, text: "#" },
    ]);
  });
});

describe("codeSpans", () => {
  it.each([
    ["a `b` c", [[2, 5]], true],
    ["`` a ` b `` `c", [[0, 11]], false],
    ["\\`a` `b`", [[3, 6]], false],
    ["`a\\` b", [[0, 4]], true],
    ["``a` b`", [[3, 7]], false],
  ] as const)("%j", (line, spans, balanced) => {
    expect(codeSpans(line)).toEqual({ spans, balanced });
  });
});
