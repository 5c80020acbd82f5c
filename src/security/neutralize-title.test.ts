import { describe, expect, it } from "vitest";
import { neutralizeTitle } from "./neutralize-title.js";

/** A reference as a title holds it: a zero-width space after each `@ # / : . -`. */
const z = (text: string) => text.replace(/[@#/:.-]/g, "$&\u200B");

describe("neutralizeTitle", () => {
  it.each([
    ["Ping @everyone about #12", `Ping ${z("@everyone")} about ${z("#12")}`],
    [
      "See o/r#3, GH-4 and https://github.com/o/r/pull/5",
      `See ${z("o/r#3")}, ${z("GH-4")} and ${z("https://github.com/o/r/pull/5")}`,
    ],
    ["Fix `parse()` for @org/team", `Fix \`parse()\` for ${z("@org/team")}`],
    ["@a-#1 GH-1GH-2", `${z("@a-")}${z("#1")} ${z("GH-1")}${z("GH-2")}`],
    ["Plain title, C#, #fff and x#y", "Plain title, C#, #fff and x#y"],
  ])("%j → %j", (title, expected) => {
    expect(neutralizeTitle(title)).toBe(expected);
  });
});
