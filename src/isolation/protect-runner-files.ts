import { chmodSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { type Privilege, requireSystemTool, runPrivileged } from "./privilege.js";

/** One permission change, enough to undo it. */
export interface PermissionChange {
  path: string;
  before: number;
  after: number;
}

/** What `protectRunnerFiles` did. */
export interface ProtectionReport {
  changed: PermissionChange[];
  /** Paths that were already closed to other users. */
  unchanged: string[];
  /** Paths given that do not exist (nothing to protect). */
  missing: string[];
}

/** The account database, read to tell a private group from a shared one. */
export interface AccountDatabase {
  passwd: string;
  group: string;
}

/**
 * Whether group `gid` may hold someone other than `ownerUid`: anything but the owner's own primary group
 * with no listed members and no other user whose primary group it is. Unknown groups count as shared.
 */
export function isGroupShared(db: AccountDatabase, ownerUid: number, gid: number): boolean {
  const users = db.passwd
    .split("\n")
    .map((line) => line.split(":"))
    .filter((fields) => fields.length >= 7);
  const owner = users.find((fields) => Number(fields[2]) === ownerUid);
  if (!owner || Number(owner[3]) !== gid) return true;
  if (users.some((fields) => Number(fields[3]) === gid && Number(fields[2]) !== ownerUid)) return true;
  const group = db.group
    .split("\n")
    .map((line) => line.split(":"))
    .find((fields) => Number(fields[2]) === gid);
  return !group || (group[3] ?? "").trim() !== "";
}

/** The mode with no access for others, and none for the group when the group is shared. */
export function protectedMode(mode: number, groupShared: boolean): number {
  return mode & 0o7777 & ~0o007 & (groupShared ? ~0o070 : ~0);
}

/**
 * The paths whose permissions must close: each path given (its real location), and for a file also its
 * directory — an attacker who can list the directory learns the names of files such as
 * `git-credentials-<uuid>.config`, and one who can enter it reaches files that are readable by everyone.
 */
export function protectionTargets(
  paths: readonly string[],
  resolve: (path: string) => { real: string; isDirectory: boolean } | undefined,
): { targets: string[]; missing: string[] } {
  const targets: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    if (!path) continue;
    const found = resolve(path);
    if (!found) {
      missing.push(path);
      continue;
    }
    for (const target of found.isDirectory ? [found.real] : [found.real, dirname(found.real)]) {
      if (!targets.includes(target)) targets.push(target);
    }
  }
  return { targets, missing };
}

function resolveExisting(path: string): { real: string; isDirectory: boolean } | undefined {
  try {
    const real = realpathSync(path);
    return { real, isDirectory: statSync(real).isDirectory() };
  } catch {
    return undefined;
  }
}

/** Sets a mode: directly when this process owns the file or is root, else through the privilege. */
async function setMode(
  path: string,
  ownerUid: number,
  mode: number,
  privilege: Privilege | undefined,
): Promise<void> {
  const myUid = process.getuid?.() ?? -1;
  if (myUid === 0 || myUid === ownerUid || !privilege) {
    chmodSync(path, mode);
    return;
  }
  await runPrivileged(privilege, [requireSystemTool("chmod"), mode.toString(8).padStart(4, "0"), "--", path]);
}

/**
 * Closes the runner's own files to other users before the agent starts: each path (RUNNER_TEMP, the files
 * behind GITHUB_ENV, GITHUB_OUTPUT, GITHUB_PATH, GITHUB_STATE, GITHUB_STEP_SUMMARY, the action user's HOME)
 * and each file's directory lose every permission for others, and for their group where the group is shared.
 * Only the given paths change, never what is inside a directory: a closed directory already keeps others
 * out of everything below it. Returns what changed so `restoreRunnerFiles` can undo it.
 */
export async function protectRunnerFiles(options: {
  paths: readonly string[];
  privilege?: Privilege;
  accounts?: AccountDatabase;
}): Promise<ProtectionReport> {
  const db = options.accounts ?? {
    passwd: readFileSync("/etc/passwd", "utf8"),
    group: readFileSync("/etc/group", "utf8"),
  };
  const { targets, missing } = protectionTargets(options.paths, resolveExisting);
  const report: ProtectionReport = { changed: [], unchanged: [], missing };
  for (const path of targets) {
    const stat = statSync(path);
    const before = stat.mode & 0o7777;
    const after = protectedMode(before, isGroupShared(db, stat.uid, stat.gid));
    if (after === before) {
      report.unchanged.push(path);
      continue;
    }
    await setMode(path, stat.uid, after, options.privilege);
    report.changed.push({ path, before, after });
  }
  return report;
}

/** Puts back the modes `protectRunnerFiles` changed, in reverse order; paths gone since are skipped. */
export async function restoreRunnerFiles(
  changes: readonly PermissionChange[],
  privilege?: Privilege,
): Promise<void> {
  for (const change of [...changes].reverse()) {
    let owner: number;
    try {
      owner = statSync(change.path).uid;
    } catch {
      continue;
    }
    await setMode(change.path, owner, change.before, privilege);
  }
}
