/** A JSON object, as read from an agent's output: every field must be checked before use. */
export type JsonObject = Record<string, unknown>;

/**
 * The JSON objects printed one per line in `text`, in order. Lines that are not a JSON object (log
 * lines, a truncated first line, a half-written last line of a killed process) are skipped.
 */
export function parseJsonObjectLines(text: string): JsonObject[] {
  const objects: JsonObject[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line.startsWith("{") || !line.endsWith("}")) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (value !== null && typeof value === "object" && !Array.isArray(value))
        objects.push(value as JsonObject);
    } catch {
      // not JSON after all
    }
  }
  return objects;
}

/** The last object of `text` matching `accept`, scanning from the end. */
export function lastJsonObject(text: string, accept: (o: JsonObject) => boolean): JsonObject | undefined {
  const objects = parseJsonObjectLines(text);
  for (let i = objects.length - 1; i >= 0; i--) {
    const object = objects[i];
    if (object && accept(object)) return object;
  }
  return undefined;
}

export const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
export const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
export const obj = (v: unknown): JsonObject | null =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as JsonObject) : null;
/** A non-negative whole count, or 0: token counts feed sums and a schema that rejects anything else. */
export const countOf = (v: unknown): number => {
  const n = num(v);
  return n !== null && n >= 0 ? Math.round(n) : 0;
};
