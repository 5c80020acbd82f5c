import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { updateReadme } from "../scripts/readme-sections.js";

describe("README.md", () => {
  const readme = readFileSync(resolve(import.meta.dirname, "../README.md"), "utf8");

  it("has its generated reference sections up to date (run `npm run docs`)", () => {
    expect(readme).toBe(updateReadme(readme));
  });

  it("gives the newcomer's two commands, and CI runs the test one", () => {
    expect(readme).toContain("npm ci && npm run demo");
    expect(readme).toMatch(/^npm test\b/m);
    expect(readFileSync(resolve(import.meta.dirname, "../.ci/run"), "utf8")).toMatch(/^npm test\b/m);
  });
});
