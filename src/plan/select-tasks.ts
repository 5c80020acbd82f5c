/**
 * The `tasks` input: which of the master issue's tasks to run, as `1,3,5-7`. An empty input selects them
 * all. Anything the input cannot mean exactly is an error that names the input and the bad entry: a
 * typo must not silently run a different set of agents.
 */

const EXPECTED = "expected task ids like 1,3,5-7";
const ENTRY = /^(\d{1,9})(?:\s*[-–]\s*(\d{1,9}))?$/;

/** Available ids as short ranges for messages: `1-5`, `1-3, 7`. */
function describeIds(ids: number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < ids.length) {
    let j = i;
    while (j + 1 < ids.length && (ids[j + 1] as number) === (ids[j] as number) + 1) j++;
    parts.push(i === j ? `${ids[i]}` : `${ids[i]}-${ids[j]}`);
    i = j + 1;
  }
  return parts.join(", ");
}

/**
 * Parses the `tasks` input against the ids of the parsed tasks. Returns the selected ids, ascending and
 * de-duplicated; throws an `Error` naming the bad entry for malformed entries, reversed ranges, ids the
 * master issue does not have, and a selection of nothing.
 *
 * @example parseTaskSelection("5-7, 1,3", ["1", …, "9"]) // ["1", "3", "5", "6", "7"]
 */
export function parseTaskSelection(spec: string, available: string[]): string[] {
  const ids = [...new Set(available.map(Number))].sort((a, b) => a - b);
  const byNumber = new Set(ids);
  if (spec.trim() === "") return ids.map(String);
  const where = `in "${spec.trim()}"`;
  const missing = (n: number, entry: string): Error =>
    new Error(
      ids.length === 0
        ? `Input "tasks" selects task ${n} (entry "${entry}" ${where}), but the master issue has no tasks`
        : `Input "tasks" selects task ${n} (entry "${entry}" ${where}), but the master issue has tasks ${describeIds(ids)}`,
    );

  const selected = new Set<number>();
  for (const raw of spec.split(",")) {
    const entry = raw.trim();
    // "1,3," and "1,,3" mean what they say; only the entries themselves must be exact.
    if (entry === "") continue;
    const m = ENTRY.exec(entry);
    if (!m) throw new Error(`Input "tasks" has an invalid entry "${entry}" ${where}: ${EXPECTED}`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) {
      throw new Error(`Input "tasks" has a reversed range "${entry}" ${where}: write it as ${to}-${from}`);
    }
    // Walk the available ids, not the range, so "1-999999999" costs nothing before it is rejected.
    const inRange = ids.filter((id) => id >= from && id <= to);
    if (inRange.length !== to - from + 1) {
      let n = from;
      while (byNumber.has(n)) n++;
      throw missing(n, entry);
    }
    for (const id of inRange) selected.add(id);
  }
  if (selected.size === 0) throw new Error(`Input "tasks" selects no task ${where}: ${EXPECTED}`);
  return [...selected].sort((a, b) => a - b).map(String);
}
