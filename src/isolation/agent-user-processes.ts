import { readdirSync, readFileSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";

/** The uids (real, effective, saved, filesystem) and state letter of a process, from /proc/<pid>/status. */
export interface ProcessIdentity {
  uids: number[];
  state: string;
}

/** Reads the `State:` and `Uid:` lines of a /proc/<pid>/status text; undefined when either is missing. */
export function parseProcessStatus(status: string): ProcessIdentity | undefined {
  const state = /^State:\s+(\S)/m.exec(status)?.[1];
  const uids = /^Uid:\s+(.+)$/m.exec(status)?.[1];
  if (!state || !uids) return undefined;
  return { state, uids: uids.trim().split(/\s+/).map(Number) };
}

/** Whether a process counts as running as `uid`: any of its uids is it, and it is not a zombie. */
export function isLiveProcessOf(identity: ProcessIdentity, uid: number): boolean {
  return identity.uids.includes(uid) && identity.state !== "Z" && identity.state !== "X";
}

/**
 * The live processes of `uid`. Zombies do not count: they run nothing, cannot be killed, and in containers
 * whose init does not reap orphans (this machine's) they stay forever.
 */
export function listProcessesOfUid(uid: number, procRoot = "/proc"): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync(procRoot)) {
    if (!/^\d+$/.test(entry)) continue;
    let status: string;
    try {
      status = readFileSync(`${procRoot}/${entry}/status`, "utf8");
    } catch {
      continue; // exited while we looked
    }
    const identity = parseProcessStatus(status);
    if (identity && isLiveProcessOf(identity, uid)) pids.push(Number(entry));
  }
  return pids;
}

/** What `killAllProcesses` needs: how to list the user's processes, and how to SIGKILL all of them at once. */
export interface KillAllPorts {
  list: () => number[];
  /** SIGKILLs every process of the user in one kernel pass (`kill -9 -1` run as that user). */
  killEverything: () => Promise<void>;
}

/** Bounds of `killAllProcesses`. */
export interface KillAllLimits {
  /** Rounds of kill-and-wait before giving up. @default 20 */
  rounds?: number;
  /** How long one round waits for the killed processes to disappear. @default 1000 */
  settleMs?: number;
}

/**
 * SIGKILLs every process of one user until none is left — also those that left the agent's process group
 * (`setsid`, `nohup`, double-forked daemons): `kill -9 -1` run as the user reaches all of them in one pass,
 * during which no new process can be forked, and a later round catches any that a dying process forked
 * first. Returns how many distinct processes were seen and killed; throws naming the survivors when some
 * outlive every round (e.g. stuck in uninterruptible sleep).
 */
export async function killAllProcesses(ports: KillAllPorts, limits: KillAllLimits = {}): Promise<number> {
  const rounds = limits.rounds ?? 20;
  const settleMs = limits.settleMs ?? 1_000;
  const killed = new Set<number>();
  for (let round = 0; round < rounds; round++) {
    const alive = ports.list();
    // The first pass is sent even when /proc shows nothing: mounted with hidepid, it hides other users' processes.
    if (alive.length === 0 && round > 0) return killed.size;
    for (const pid of alive) killed.add(pid);
    await ports.killEverything();
    const deadline = Date.now() + settleMs;
    while (ports.list().length > 0 && Date.now() < deadline) await delay(10);
  }
  const survivors = ports.list();
  if (survivors.length === 0) return killed.size;
  throw new Error(`processes ${survivors.join(", ")} survived ${rounds} rounds of SIGKILL`);
}
