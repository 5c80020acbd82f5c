const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/**
 * The code spans of one line, paired as CommonMark pairs backtick strings: an opener that is not
 * escaped closes at the next backtick string of the same length (backslashes are literal inside a
 * span). `balanced` is false when an opener found no closer on the line: in a paragraph it might close
 * on a later line. Linear: one pointer per string length only moves forward.
 */
export function codeSpans(line: string): { spans: Array<[number, number]>; balanced: boolean } {
  const runs = new Map<number, number[]>();
  for (const m of line.matchAll(/`+/g)) {
    const list = runs.get(m[0].length) ?? [];
    list.push(m.index);
    runs.set(m[0].length, list);
  }
  const next = new Map<number, number>();
  const spans: Array<[number, number]> = [];
  let balanced = true;
  for (let i = 0; i < line.length;) {
    const ch = line[i];
    if (ch === "\\" && ASCII_PUNCTUATION.test(line[i + 1] ?? "")) {
      i += 2;
      continue;
    }
    if (ch !== "`") {
      i++;
      continue;
    }
    let end = i;
    while (line[end] === "`") end++;
    const length = end - i;
    // Closers are whole backtick strings starting after the opener.
    const list = runs.get(length) ?? [];
    let k = next.get(length) ?? 0;
    while (k < list.length && (list[k] ?? 0) < end) k++;
    next.set(length, k);
    const close = list[k];
    if (close === undefined) {
      balanced = false;
      i = end;
      continue;
    }
    spans.push([i, close + length]);
    i = close + length;
  }
  return { spans, balanced };
}
