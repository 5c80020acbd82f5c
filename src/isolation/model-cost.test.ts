import { describe, expect, it } from "vitest";
import { priceUsage } from "./model-cost.js";
import type { ModelUsage } from "./model-usage.js";

const usage = (fields: Partial<ModelUsage>): ModelUsage => ({
  model: null,
  input: 0,
  output: 0,
  cacheRead: 0,
  cacheWrite5m: 0,
  cacheWrite1h: 0,
  ...fields,
});

describe("priceUsage", () => {
  it("prices Anthropic input, output and cache traffic at the listed model's rates", () => {
    // Sonnet 4.5: $3 input, $15 output; cache reads 0.1×, 5-minute writes 1.25×, 1-hour writes 2× input.
    const priced = priceUsage(
      "anthropic",
      usage({
        model: "claude-sonnet-4-5",
        input: 1_000_000,
        output: 1_000_000,
        cacheRead: 1_000_000,
        cacheWrite5m: 1_000_000,
        cacheWrite1h: 1_000_000,
      }),
    );
    expect(priced.source).toBe("listed");
    expect(priced.usd).toBeCloseTo(3 + 15 + 0.3 + 3.75 + 6, 9);
  });

  it("prices a dated Anthropic snapshot as its model", () => {
    expect(priceUsage("anthropic", usage({ model: "claude-haiku-4-5-20251001", output: 1_000_000 }))).toEqual(
      {
        usd: 5,
        source: "listed",
      },
    );
  });

  it("prices an unknown Anthropic model at the dearest of its family, or of the whole table", () => {
    expect(priceUsage("anthropic", usage({ model: "claude-opus-5-5", input: 1_000_000 }))).toEqual({
      usd: 15,
      source: "fallback",
    });
    expect(priceUsage("anthropic", usage({ model: "claude-sonnet-9", output: 1_000_000 })).usd).toBe(15);
    expect(priceUsage("anthropic", usage({ model: "mystery", output: 1_000_000 })).usd).toBe(75);
    expect(priceUsage("anthropic", usage({ model: null, input: 1_000_000 })).usd).toBe(15);
  });

  it("prices OpenAI usage with the codex adapter's table", () => {
    expect(
      priceUsage(
        "openai",
        usage({ model: "gpt-5-mini", input: 1_000_000, cacheRead: 1_000_000, output: 1_000_000 }),
      ),
    ).toEqual({ usd: 0.25 + 0.025 + 2, source: "listed" });
  });

  it("prices an unknown OpenAI model at the dearest price of each kind in that table", () => {
    expect(
      priceUsage(
        "openai",
        usage({ model: "gpt-6.1-sol", input: 1_000_000, cacheRead: 1_000_000, output: 1_000_000 }),
      ),
    ).toEqual({ usd: 2 + 0.5 + 10, source: "fallback" });
  });
});
