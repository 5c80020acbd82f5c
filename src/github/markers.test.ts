import { describe, expect, it } from "vitest";
import { findMarkers, hasMarker, isTrustedAuthor, renderMarker } from "./markers.js";

describe("markers", () => {
  it("round-trips kind and attributes", () => {
    const marker = renderMarker("sub-issue", { master: 12, task: "3" });
    expect(marker).toBe("<!-- parallel-task-orchestrator:sub-issue master=12 task=3 -->");
    expect(findMarkers(`text\n${marker}\nmore`)).toEqual([
      { kind: "sub-issue", attributes: { master: "12", task: "3" } },
    ]);
    expect(hasMarker(marker, "sub-issue", { master: 12, task: "3" })).toBe(true);
    expect(hasMarker(marker, "sub-issue", { master: 12, task: "4" })).toBe(false);
    expect(hasMarker(marker, "plan", { master: 12 })).toBe(false);
  });

  it("refuses values that could end the comment or inject attributes", () => {
    expect(() => renderMarker("plan", { master: "1 -->" })).toThrow("Invalid marker attribute");
    expect(() => renderMarker("plan", { "a b": 1 })).toThrow("Invalid marker attribute");
  });

  it("trusts only our own account, case-insensitively", () => {
    expect(isTrustedAuthor({ login: "GitHub-Actions[bot]", type: "Bot" }, "github-actions[bot]")).toBe(true);
    expect(isTrustedAuthor({ login: "mallory", type: "User" }, "github-actions[bot]")).toBe(false);
    expect(isTrustedAuthor(null, "github-actions[bot]")).toBe(false);
  });
});
