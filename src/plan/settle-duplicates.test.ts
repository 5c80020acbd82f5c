import { describe, expect, it } from "vitest";
import type { Issue } from "../github/github-client.js";
import { duplicateKey, settleDuplicates, type Linked } from "./settle-duplicates.js";

const BOT = { login: "github-actions[bot]", type: "Bot" };

function issue(number: number, body: string, user = BOT): Issue {
  return {
    id: number * 1000,
    number,
    title: `#${number}`,
    body,
    state: "open",
    user,
    labels: [],
    htmlUrl: `https://github.com/o/r/issues/${number}`,
    isPullRequest: false,
  };
}

const task = (master: number, id: string) =>
  `Task\n<!-- parallel-task-orchestrator:sub-issue master=${master} task=${id} -->`;
const group = (master: number, n: number) =>
  `Group\n<!-- parallel-task-orchestrator:sub-issue-group master=${master} group=${n} -->`;
const keyOf = (i: Issue) => duplicateKey(i, "github-actions[bot]", 7);
const under = (parent: number, ...issues: Issue[]): Linked[] => issues.map((i) => ({ issue: i, parent }));

describe("duplicateKey", () => {
  it("names tasks and groups of this master issue written by our account, nothing else", () => {
    expect(keyOf(issue(10, task(7, "3")))).toBe("task:3");
    expect(keyOf(issue(11, group(7, 2)))).toBe("group:2");
    expect(keyOf(issue(12, task(8, "3")))).toBeUndefined();
    expect(keyOf(issue(13, task(7, "3"), { login: "mallory", type: "User" }))).toBeUndefined();
    expect(keyOf(issue(14, "no marker"))).toBeUndefined();
  });
});

describe("settleDuplicates", () => {
  it("keeps the lowest-numbered copy of each task and names the others as its duplicates", () => {
    const linked = under(
      7,
      issue(12, task(7, "1")),
      issue(10, task(7, "1")),
      issue(11, task(7, "2")),
      issue(15, task(7, "1")),
      issue(13, "someone's unrelated sub-issue"),
    );
    const { winners, losers } = settleDuplicates(linked, keyOf);
    expect([...winners].map(([k, v]) => [k, v.issue.number])).toEqual([
      ["task:1", 10],
      ["task:2", 11],
    ]);
    expect(losers.map((l) => [l.loser.issue.number, l.winner.issue.number])).toEqual([
      [12, 10],
      [15, 10],
    ]);
  });

  it("settles across parents: a task's copies under two group issues, and the groups themselves", () => {
    const linked = [
      ...under(7, issue(20, group(7, 1)), issue(30, group(7, 1))),
      ...under(20, issue(21, task(7, "1"))),
      ...under(30, issue(31, task(7, "1"))),
    ];
    const { winners, losers } = settleDuplicates(linked, keyOf);
    expect(winners.get("group:1")?.issue.number).toBe(20);
    expect(winners.get("task:1")).toMatchObject({ parent: 20 });
    expect(losers.map((l) => [l.loser.issue.number, l.loser.parent])).toEqual([
      [30, 7],
      [31, 30],
    ]);
  });

  it("finds nothing to do without duplicates, and ignores the same issue listed twice", () => {
    const one = issue(10, task(7, "1"));
    expect(settleDuplicates([...under(7, one), ...under(7, one)], keyOf).losers).toEqual([]);
  });
});
