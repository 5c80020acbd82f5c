import type { Tokens } from "../../status/status-schema.js";

/** USD per million tokens. */
export interface ModelPrice {
  input: number;
  cachedInput: number;
  output: number;
}

/**
 * OpenAI list prices for models Codex commonly runs, in USD per million tokens (standard tier, as
 * published in 2025). Codex's event stream has no cost, so we estimate tokens × price; an unknown model
 * gives no estimate rather than a wrong one. Check these when upgrading Codex or changing models.
 */
export const OPENAI_PRICES: Readonly<Record<string, ModelPrice>> = {
  "gpt-5": { input: 1.25, cachedInput: 0.125, output: 10 },
  "gpt-5-codex": { input: 1.25, cachedInput: 0.125, output: 10 },
  "gpt-5.1": { input: 1.25, cachedInput: 0.125, output: 10 },
  "gpt-5.1-codex": { input: 1.25, cachedInput: 0.125, output: 10 },
  "gpt-5-mini": { input: 0.25, cachedInput: 0.025, output: 2 },
  "gpt-5.1-codex-mini": { input: 0.25, cachedInput: 0.025, output: 2 },
  "gpt-5-nano": { input: 0.05, cachedInput: 0.005, output: 0.4 },
  "codex-mini-latest": { input: 1.5, cachedInput: 0.375, output: 6 },
  "o4-mini": { input: 1.1, cachedInput: 0.275, output: 4.4 },
  "gpt-4.1": { input: 2, cachedInput: 0.5, output: 8 },
};

/**
 * Estimated cost of `tokens` on `model` in USD, or null when the model or the usage is unknown. A dated
 * snapshot name (`gpt-5-2025-08-07`) is priced as its family.
 */
export function estimateCostUsd(model: string | null | undefined, tokens: Tokens | null): number | null {
  if (!model || !tokens) return null;
  const price = OPENAI_PRICES[model] ?? OPENAI_PRICES[model.replace(/-\d{4}-\d{2}-\d{2}$/, "")];
  if (!price) return null;
  const usd =
    (tokens.input * price.input + tokens.cache_read * price.cachedInput + tokens.output * price.output) / 1e6;
  return Math.round(usd * 1e6) / 1e6;
}
