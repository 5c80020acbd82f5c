import { describe, expect, it } from "vitest";
import { mapConcurrent } from "./collect-statuses.js";

/** Runs `mapConcurrent` over `count` items whose work waits a moment, counting how many ran at once. */
async function observe(count: number, limit: number) {
  let inFlight = 0;
  let maxInFlight = 0;
  const results = await mapConcurrent(
    Array.from({ length: count }, (_, i) => i),
    limit,
    async (item) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      // Later items finish sooner, so results arriving out of order must still come back in order.
      await new Promise((resume) => setTimeout(resume, (count - item) * 2));
      inFlight--;
      return item * 10;
    },
  );
  return { results, maxInFlight };
}

describe("mapConcurrent", () => {
  it("keeps exactly `limit` calls in flight while work remains, and keeps the order", async () => {
    const { results, maxInFlight } = await observe(20, 8);
    expect(maxInFlight).toBe(8);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i * 10));
  });

  it("starts no idle workers for fewer items than the limit, and handles none", async () => {
    expect((await observe(3, 8)).maxInFlight).toBe(3);
    expect(await observe(0, 8)).toEqual({ results: [], maxInFlight: 0 });
  });
});
