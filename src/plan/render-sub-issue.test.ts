import { describe, expect, it } from "vitest";
import { findLiveReferences } from "../security/live-references.js";
import { renderSubIssueBody, renderSubIssueTitle, safeLine, safeMarkdown } from "./render-sub-issue.js";
import type { Task } from "./task.js";

/** Mentions and references in every form the peers' suites and issue 10 list. */
const HOSTILE = [
  "@everyone",
  "@org/team",
  "&#64;octocat",
  "&commat;alice",
  "#12",
  "&#35;13",
  "owner/repo#14",
  "GH-15",
  "https://github.com/o/r/issues/16",
].join(" ");

function task(fields: Partial<Task> = {}): Task {
  return {
    id: "3",
    title: `Ping ${HOSTILE}`,
    description: `    ${HOSTILE}\n\nAlso \` ${HOSTILE}\n\n\`\`\`\n${HOSTILE}\n\`\`\`\n${HOSTILE}`,
    group: `Group ${HOSTILE}`,
    acceptanceCriteria: [`\`\`\`\n${HOSTILE}`, `first\n\n    ${HOSTILE}`],
    files: ["src/a.ts"],
    dependsOn: [],
    dependsOnIssues: [],
    ...fields,
  };
}

describe("renderSubIssueBody", () => {
  const body = renderSubIssueBody({
    master: 7,
    task: task(),
    taskCount: 4,
    context: `Intro ${HOSTILE}\n\n${"long ".repeat(396)}\`${HOSTILE}`,
    branch: "orchestrator/7/3-ping",
  });

  it("writes no live mention or reference of the task's text, only its own link to the master issue", () => {
    expect(findLiveReferences(body)).toEqual(["#7", "#7"]);
  });

  it("keeps code that is certainly code as written", () => {
    expect(body).toContain(`\`\`\`\n${HOSTILE}\n\`\`\``);
  });

  it("cuts the context before neutralising, so the cut cannot split what it wrote", () => {
    const context = body.split("## Context from the master issue")[1] ?? "";
    expect(context).toContain("…");
    expect(context).not.toMatch(/@…|@&#x200B;…/);
  });
});

describe("titles", () => {
  it("breaks the title's mentions and references with zero-width spaces, within GitHub's 256 characters", () => {
    const title = renderSubIssueTitle("[#{master}] {id}: {title}", 7, task());
    // A title is plain text: `&#64;` shows as typed, but its #64 reads like a reference and is broken.
    const z = (text: string) => text.replace(/[@#/:.-]/g, "$&\u200B");
    expect(title).toBe(
      `[#7] 3: Ping ${z("@everyone")} ${z("@org/team")} &${z("#64")};octocat &commat;alice ${z("#12")} &${z("#35")};13 ${z("owner/repo#14")} ${z("GH-15")} ${z("https://github.com/o/r/issues/16")}`,
    );
    const long = renderSubIssueTitle("{title}", 7, task({ title: `${"x".repeat(190)} ${HOSTILE}` }));
    expect(long.length).toBeLessThanOrEqual(256);
    expect(findLiveReferences(long)).toEqual([]);
  });
});

describe("safeMarkdown and safeLine", () => {
  it("neutralise after trimming and joining, so code cannot turn into prose after the check", () => {
    expect(safeMarkdown("    @everyone")).toBe("@&#x200B;everyone");
    expect(safeLine("```\n@everyone")).toBe("``` @&#x200B;everyone");
    expect(findLiveReferences(`- [ ] ${safeLine(`x\n\n    ${HOSTILE}`)}`)).toEqual([]);
  });
});
