/** Bounds of a log excerpt. */
export interface ExcerptLimits {
  /** Lines kept from the start. @default 40 */
  headLines: number;
  /** Lines kept from the end. @default 80 */
  tailLines: number;
  /** Longer lines are cut, with an ellipsis. @default 400 */
  maxLineChars: number;
  /** Upper bound on the whole excerpt, marker included. @default 8000 */
  maxChars: number;
}

export const DEFAULT_EXCERPT_LIMITS: ExcerptLimits = {
  headLines: 40,
  tailLines: 80,
  maxLineChars: 400,
  maxChars: 8_000,
};

/** Room reserved for the "… N lines omitted …" marker. */
const MARKER_RESERVE = 64;

/** A log excerpt built line by line in constant memory: the first and last lines of an output of any size. */
export interface LineExcerpt {
  add(line: string): void;
  /** Lines seen so far. */
  readonly totalLines: number;
  /** The excerpt: head lines, a marker counting the omitted lines, tail lines; at most `maxChars` long. */
  toString(): string;
}

function cut(line: string, max: number): string {
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/**
 * Keeps the first lines while they fit a third of the budget, then a ring of the last lines; memory
 * is bounded by `(headLines + tailLines) × maxLineChars` whatever the output's size.
 */
export function createLineExcerpt(limits: Partial<ExcerptLimits> = {}): LineExcerpt {
  const { headLines, tailLines, maxLineChars, maxChars } = { ...DEFAULT_EXCERPT_LIMITS, ...limits };
  const lineMax = Math.max(1, Math.min(maxLineChars, Math.floor(maxChars / 4)));
  const headBudget = Math.floor((maxChars - MARKER_RESERVE) / 3);
  const tailBudget = maxChars - MARKER_RESERVE - headBudget;
  const head: string[] = [];
  let headChars = 0;
  let headOpen = true;
  const tail: string[] = [];
  let total = 0;

  return {
    add(raw) {
      total++;
      const line = cut(raw, lineMax);
      // The head is a contiguous prefix: once a line does not fit, everything else goes to the tail.
      if (headOpen && head.length < headLines && headChars + line.length + 1 <= headBudget) {
        head.push(line);
        headChars += line.length + 1;
        return;
      }
      headOpen = false;
      tail.push(line);
      if (tail.length > tailLines) tail.shift();
    },
    get totalLines() {
      return total;
    },
    toString() {
      const kept: string[] = [];
      let chars = 0;
      for (let i = tail.length - 1; i >= 0; i--) {
        const line = tail[i] ?? "";
        if (chars + line.length + 1 > tailBudget) break;
        kept.unshift(line);
        chars += line.length + 1;
      }
      const omitted = total - head.length - kept.length;
      const marker = omitted > 0 ? [`… ${omitted} line${omitted === 1 ? "" : "s"} omitted …`] : [];
      return [...head, ...marker, ...kept].join("\n");
    },
  };
}
