import { describe, expect, it } from "vitest";
import { findMarkers } from "../github/markers.js";
import {
  groupOfTask,
  groupRange,
  renderGroupBody,
  renderGroupTitle,
  SUB_ISSUES_PER_PARENT,
  usesGroups,
} from "./group-sub-issues.js";

describe("group sub-issues", () => {
  it("groups only past GitHub's 100 sub-issues per parent", () => {
    expect(usesGroups(100)).toBe(false);
    expect(usesGroups(101)).toBe(true);
    expect(usesGroups(256)).toBe(true);
  });

  it("keys groups by task id, so a group never holds more than 100 tasks", () => {
    expect(groupOfTask("1")).toBe(1);
    expect(groupOfTask("100")).toBe(1);
    expect(groupOfTask("101")).toBe(2);
    expect(groupOfTask("256")).toBe(3);
    const sizes = new Map<number, number>();
    for (let id = 1; id <= 1000; id++) {
      const group = groupOfTask(String(id));
      sizes.set(group, (sizes.get(group) ?? 0) + 1);
    }
    expect(Math.max(...sizes.values())).toBe(SUB_ISSUES_PER_PARENT);
    expect(() => groupOfTask("x")).toThrow(/positive integer/);
  });

  it("titles and marks each group", () => {
    expect(groupRange(2)).toEqual([101, 200]);
    expect(renderGroupTitle(7, 2)).toBe("[Master #7] Tasks 101–200");
    expect(findMarkers(renderGroupBody(7, 3))).toEqual([
      { kind: "sub-issue-group", attributes: { master: "7", group: "3" } },
    ]);
  });
});
