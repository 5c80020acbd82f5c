import { describe, expect, it } from "vitest";
import { acquireConcurrencySlot } from "./concurrency-groups.js";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("concurrency groups (cancel-in-progress: false)", () => {
  it("runs one at a time, lets the newest waiting run replace an older one, and keeps groups apart", async () => {
    const order: string[] = [];
    const first = await acquireConcurrencySlot("repo|g");
    if (first === "replaced") throw new Error("the first run cannot be replaced");
    const second = acquireConcurrencySlot("repo|g");
    await tick();
    const third = acquireConcurrencySlot("repo|g");
    const other = await acquireConcurrencySlot("repo|other");
    expect(other).not.toBe("replaced");
    // The second run was pending and the third replaced it, before the first finished.
    expect(await second).toBe("replaced");
    void third.then(() => order.push("third"));
    await tick();
    expect(order).toEqual([]);
    order.push("first done");
    first.release();
    const slot = await third;
    expect(order).toEqual(["first done", "third"]);
    expect(slot).not.toBe("replaced");
    if (slot !== "replaced") {
      expect(slot.queuedMs).toBeGreaterThan(0);
      slot.release();
    }
    // Once free, a run starts at once.
    const again = await acquireConcurrencySlot("repo|g");
    expect(again !== "replaced" && again.queuedMs).toBeLessThan(50);
  });
});
