/**
 * Prices one response's usage for the proxy's budget. OpenAI models use the table the codex adapter
 * already estimates with (`OPENAI_PRICES`, `estimateCostUsd`); Anthropic's list prices live here until
 * that table carries them too. A budget must not be escaped by a model name the table lacks, so an
 * unknown model is priced high: at the dearest member of its family (`claude-opus-*`), else at the
 * dearest price of each kind in the provider's table.
 */
import { estimateCostUsd, OPENAI_PRICES, type ModelPrice } from "../agent/adapters/model-prices.js";
import type { ModelProvider } from "./model-provider.js";
import type { ModelUsage } from "./model-usage.js";

/** Anthropic input and output list prices, USD per million tokens (standard tier, 2025). */
export const ANTHROPIC_PRICES: Readonly<Record<string, { input: number; output: number }>> = {
  "claude-opus-4-5": { input: 5, output: 25 },
  "claude-opus-4-1": { input: 15, output: 75 },
  "claude-opus-4-0": { input: 15, output: 75 },
  "claude-opus-4": { input: 15, output: 75 },
  "claude-sonnet-4-5": { input: 3, output: 15 },
  "claude-sonnet-4-0": { input: 3, output: 15 },
  "claude-sonnet-4": { input: 3, output: 15 },
  "claude-3-7-sonnet": { input: 3, output: 15 },
  "claude-haiku-4-5": { input: 1, output: 5 },
  "claude-3-5-haiku": { input: 0.8, output: 4 },
  "claude-3-haiku": { input: 0.25, output: 1.25 },
};

/**
 * Anthropic prices cache traffic as multiples of the input price: reads 0.1×, writes 1.25× (5-minute
 * lifetime) or 2× (1-hour lifetime).
 */
const ANTHROPIC_CACHE = { read: 0.1, write5m: 1.25, write1h: 2 };

/** How a cost was found: from the model's own price, or the high stand-in price for an unknown model. */
export type PriceSource = "listed" | "fallback";

/** The cost of one response and where its price came from. */
export interface PricedUsage {
  usd: number;
  source: PriceSource;
}

const dearest = <T extends object>(prices: T[], keys: Array<keyof T>): T =>
  Object.fromEntries(keys.map((key) => [key, Math.max(...prices.map((price) => Number(price[key])))])) as T;

function anthropicPrice(model: string | null): {
  price: { input: number; output: number };
  source: PriceSource;
} {
  const name = (model ?? "").replace(/-\d{8}$/, "");
  const listed = ANTHROPIC_PRICES[name];
  if (listed) return { price: listed, source: "listed" };
  const family = /\b(opus|sonnet|haiku)\b/.exec(name)?.[1];
  const members = Object.entries(ANTHROPIC_PRICES)
    .filter(([key]) => family !== undefined && key.includes(family))
    .map(([, price]) => price);
  const pool = members.length > 0 ? members : Object.values(ANTHROPIC_PRICES);
  return { price: dearest(pool, ["input", "output"]), source: "fallback" };
}

function openaiCost(usage: ModelUsage): PricedUsage {
  const tokens = { input: usage.input, output: usage.output, cache_read: usage.cacheRead, cache_write: 0 };
  const usd = estimateCostUsd(usage.model, tokens);
  if (usd !== null) return { usd, source: "listed" };
  const price: ModelPrice = dearest(Object.values(OPENAI_PRICES), ["input", "cachedInput", "output"]);
  const fallback =
    (usage.input * price.input + usage.cacheRead * price.cachedInput + usage.output * price.output) / 1e6;
  return { usd: fallback, source: "fallback" };
}

/** The cost of one response's usage in USD. */
export function priceUsage(provider: ModelProvider, usage: ModelUsage): PricedUsage {
  if (provider === "openai") return openaiCost(usage);
  const { price, source } = anthropicPrice(usage.model);
  const inputEquivalent =
    usage.input +
    usage.cacheRead * ANTHROPIC_CACHE.read +
    usage.cacheWrite5m * ANTHROPIC_CACHE.write5m +
    usage.cacheWrite1h * ANTHROPIC_CACHE.write1h;
  return { usd: (inputEquivalent * price.input + usage.output * price.output) / 1e6, source };
}
