import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ATTACKS, updateSecurityMd } from "./catalog.js";

describe("SECURITY.md", () => {
  const text = readFileSync(resolve(import.meta.dirname, "../../SECURITY.md"), "utf8");

  it("has the attack table of the adversarial suite (run `npx tsx scripts/update-security.ts`)", () => {
    expect(text).toBe(updateSecurityMd(text));
  });

  it("lists only attacks a test of the suite tries, each exactly once", () => {
    const suite = readdirSync(import.meta.dirname)
      .filter((f) => f.endsWith(".adversarial.test.ts"))
      .map((f) => readFileSync(resolve(import.meta.dirname, f), "utf8"))
      .join("\n");
    const used = new Map<string, number>();
    for (const m of suite.matchAll(/attack\("([a-z-]+)"\)|\["([a-z-]+)", "[^"]+", "(?:User|Bot)"/g)) {
      const id = m[1] ?? m[2] ?? "";
      used.set(id, (used.get(id) ?? 0) + 1);
    }
    for (const a of ATTACKS) expect(used.get(a.id), a.id).toBe(1);
    expect(new Set(ATTACKS.map((a) => a.id)).size).toBe(ATTACKS.length);
  });
});
