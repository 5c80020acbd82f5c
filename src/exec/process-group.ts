import { readdirSync, readFileSync } from "node:fs";

/** Sends `signal` to every process of group `pgid`; false when the group has no process left. */
export function signalProcessGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    return process.kill(-pgid, signal);
  } catch {
    return false;
  }
}

/** The live (non-zombie) processes of group `pgid`, read from /proc; undefined where there is no /proc. */
function liveMembersFromProc(pgid: number): number[] | undefined {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return undefined;
  }
  const members: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited while we looked
    }
    // "pid (comm) state ppid pgrp …": comm may contain spaces and parentheses, so split after the last ")".
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === pgid && state !== "Z" && state !== "X") members.push(Number(entry));
  }
  return members;
}

/**
 * Whether any process of group `pgid` still runs. Zombies do not count: in containers whose init does not
 * reap orphans, a killed grandchild stays a zombie forever and would otherwise look alive.
 */
export function isProcessGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch {
    return false;
  }
  const members = liveMembersFromProc(pgid);
  return members === undefined ? true : members.length > 0;
}

/** Whether process `pid` still runs (a zombie counts as ended). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0];
    return state !== "Z" && state !== "X";
  } catch {
    return true;
  }
}
