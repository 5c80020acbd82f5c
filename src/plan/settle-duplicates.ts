import type { Issue } from "../github/github-client.js";
import { findMarkers, isTrustedAuthor } from "../github/markers.js";
import { GROUP_MARKER_KIND } from "./group-sub-issues.js";

/** An issue and the parent it is linked under. */
export interface Linked {
  issue: Issue;
  parent: number;
}

export interface Settlement {
  /** Per key (`task:3`, `group:2`): the issue every run uses — the oldest, i.e. the lowest number. */
  winners: Map<string, Linked>;
  /** Every other issue of ours with the same key, with the winner it duplicates. */
  losers: Array<{ loser: Linked; winner: Linked }>;
}

/**
 * What a sub-issue of ours stands for: `task:<id>` or `group:<n>` of this master issue; undefined for
 * anything else (other people's issues, other master issues, issues already closed as duplicates).
 */
export function duplicateKey(issue: Issue, trusted: string, master: number): string | undefined {
  if (!isTrustedAuthor(issue.user, trusted)) return undefined;
  for (const marker of findMarkers(issue.body)) {
    if (marker.attributes.master !== String(master)) continue;
    if (marker.kind === "sub-issue" && marker.attributes.task) return `task:${marker.attributes.task}`;
    if (marker.kind === GROUP_MARKER_KIND && marker.attributes.group)
      return `group:${marker.attributes.group}`;
  }
  return undefined;
}

/**
 * Two runs of one master issue that plan at the same time (a workflow without our concurrency group)
 * each create the sub-issues they do not see yet. Issue numbers grow with creation time, and each run
 * re-reads after creating, so every run sees at least the oldest copy and both agree on it: the lowest
 * number wins; the others are duplicates to close.
 */
export function settleDuplicates(linked: Linked[], keyOf: (issue: Issue) => string | undefined): Settlement {
  const byKey = new Map<string, Linked[]>();
  for (const entry of linked) {
    const key = keyOf(entry.issue);
    if (key === undefined) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  const winners = new Map<string, Linked>();
  const losers: Settlement["losers"] = [];
  for (const [key, entries] of byKey) {
    const [winner, ...rest] = [...entries].sort((a, b) => a.issue.number - b.issue.number);
    if (!winner) continue;
    winners.set(key, winner);
    for (const loser of rest) {
      if (loser.issue.number !== winner.issue.number) losers.push({ loser, winner });
    }
  }
  return { winners, losers };
}
