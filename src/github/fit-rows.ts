/**
 * The table rows that fit in `budget` characters next to `fixedLength` characters of other content,
 * in order, and how many were left out. GitHub refuses comments over 65,536 characters, so long reports
 * drop rows rather than fail to post.
 */
export function fitRows(
  rows: string[],
  budget: number,
  fixedLength: number,
): { kept: string[]; omitted: number } {
  const kept: string[] = [];
  let used = fixedLength;
  for (const row of rows) {
    if (used + row.length + 1 > budget) break;
    kept.push(row);
    used += row.length + 1;
  }
  return { kept, omitted: rows.length - kept.length };
}
