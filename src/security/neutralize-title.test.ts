import { describe, expect, it } from "vitest";
import { neutralizeTitle, truncateTitle } from "./neutralize-title.js";

describe("neutralizeTitle", () => {
  it.each([
    ["Ping @everyone about #12", "Ping `@everyone` about `#12`"],
    [
      "See o/r#3, GH-4 and https://github.com/o/r/pull/5",
      "See `o/r#3`, `GH-4` and `https://github.com/o/r/pull/5`",
    ],
    ["Fix `parse()` for @org/team", "Fix 'parse()' for `@org/team`"],
    ["@a-#1", "`@a-` `#1`"],
    ["Plain title, a@b.c and #fff", "Plain title, a@b.c and #fff"],
  ])("%j → %j", (title, expected) => {
    expect(neutralizeTitle(title)).toBe(expected);
  });
});

describe("truncateTitle", () => {
  it("cuts before a code span rather than inside it", () => {
    const title = neutralizeTitle(`${"x".repeat(20)} @everyone`);
    expect(truncateTitle(title, 25)).toBe(`${"x".repeat(20)} …`);
    expect(truncateTitle(title, 40)).toBe(title);
    expect(truncateTitle("a `#1` b c d e", 9)).toBe("a `#1` b…");
  });
});
