import { describe, expect, it } from "vitest";
import { neutralizeMentions } from "./neutralize-mentions.js";

describe("neutralizeMentions", () => {
  it.each([
    ["ping @everyone now", "ping &#64;everyone now"],
    ["@octocat and @org/team", "&#64;octocat and &#64;org/team"],
    ["see #123 and (#7)", "see &#35;123 and (&#35;7)"],
    ["mail me at a@b.com", "mail me at a@b.com"],
    ["colour #fff stays", "colour #fff stays"],
    ["`@everyone` in code", "`@everyone` in code"],
    ["```\n@everyone #1\n```", "```\n@everyone #1\n```"],
    ["<div>\n@everyone\n</div>", "<div>\n&#64;everyone\n</div>"],
    ["- [ ] **Fix** for @alice, closes #9", "- [ ] **Fix** for &#64;alice, closes &#35;9"],
    ["## Heading #1", "## Heading &#35;1"],
  ])("%j → %j", (input, expected) => {
    expect(neutralizeMentions(input)).toBe(expected);
  });
});
