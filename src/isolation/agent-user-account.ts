import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import {
  type Privilege,
  type PrivilegedResult,
  findSystemTool,
  requireSystemTool,
  runPrivileged,
} from "./privilege.js";

/** An OS account made for one agent job. */
export interface AgentAccount {
  name: string;
  uid: number;
  gid: number;
}

/** One `name:x:uid:gid:…` line of /etc/passwd; undefined when `name` has none. */
export function findPasswdEntry(
  passwd: string,
  name: string,
): { uid: number; gid: number; home: string } | undefined {
  for (const line of passwd.split("\n")) {
    const fields = line.split(":");
    if (fields[0] !== name || fields.length < 7) continue;
    return { uid: Number(fields[2]), gid: Number(fields[3]), home: fields[5] ?? "" };
  }
  return undefined;
}

/** Whether /etc/group has a group called `name`. */
export function hasGroup(group: string, name: string): boolean {
  return group.split("\n").some((line) => line.split(":")[0] === name);
}

/** A fresh account name `<prefix>-<8 hex>`; throws when the prefix would make an invalid or too long name. */
export function newAccountName(
  prefix: string,
  random: () => string = () => randomBytes(4).toString("hex"),
): string {
  const name = `${prefix}-${random()}`;
  if (!/^[a-z_][a-z0-9_-]*$/.test(name) || name.length > 32) {
    throw new Error(
      `account name prefix ${JSON.stringify(prefix)} gives ${JSON.stringify(name)}: use [a-z0-9_-], at most 23 characters`,
    );
  }
  return name;
}

/** useradd/userdel report a held /etc/passwd or /etc/group lock like this; another job may be creating its user. */
export function isLockContention(result: PrivilegedResult): boolean {
  return /cannot lock|unable to lock|try again later/i.test(result.stderr);
}

/** Backoff before attempt `attempt` (1-based) of a locked account command: 50 ms doubling to 1 s, with jitter. */
export function lockBackoffMs(attempt: number, jitter: number = Math.random()): number {
  return Math.min(1_000, 50 * 2 ** (attempt - 1)) * (0.5 + jitter);
}

/** Runs a useradd/userdel argv, retrying (bounded) while another process holds the account database lock. */
async function runAccountCommand(
  privilege: Privilege,
  argv: string[],
  attempts = 12,
): Promise<PrivilegedResult> {
  for (let attempt = 1; ; attempt++) {
    const result = await runPrivileged(privilege, argv, { allowFailure: true });
    if (result.exitCode === 0 || !isLockContention(result) || attempt >= attempts) return result;
    await delay(lockBackoffMs(attempt));
  }
}

/** useradd's exit code for "username already in use". */
const USERADD_NAME_IN_USE = 9;
/** userdel's exit code for "the user does not exist". */
const USERDEL_NO_SUCH_USER = 6;

/**
 * Creates a system account with its own group, no login shell and `home` as its home directory (which must
 * exist; it is not created): `useradd --system --no-create-home --shell nologin --user-group`. The name is
 * fresh for every call, so concurrent jobs on one runner never share an agent user.
 */
export async function createAgentAccount(
  privilege: Privilege,
  options: { namePrefix: string; home: string; readPasswd?: () => string },
): Promise<AgentAccount> {
  const readPasswd = options.readPasswd ?? (() => readFileSync("/etc/passwd", "utf8"));
  const useradd = requireSystemTool("useradd");
  const shell = findSystemTool("nologin") ?? "/bin/false";
  for (let tries = 0; tries < 3; tries++) {
    const name = newAccountName(options.namePrefix);
    const argv = [
      useradd,
      "--system",
      "--no-create-home",
      "--home-dir",
      options.home,
      "--shell",
      shell,
      "--user-group",
      name,
    ];
    const result = await runAccountCommand(privilege, argv);
    if (result.exitCode === USERADD_NAME_IN_USE) continue;
    if (result.exitCode !== 0) {
      throw new Error(
        `useradd ${name} failed (exit ${result.exitCode}): ${result.stderr.trim().slice(0, 500)}`,
      );
    }
    const entry = findPasswdEntry(readPasswd(), name);
    if (!entry || !(entry.uid > 0) || !(entry.gid > 0)) {
      throw new Error(`useradd ${name} succeeded but /etc/passwd has no unprivileged entry for it`);
    }
    return { name, uid: entry.uid, gid: entry.gid };
  }
  throw new Error(`useradd found every generated name with prefix ${options.namePrefix} in use`);
}

/**
 * Deletes the account and its group; an account that no longer exists is not an error. userdel refuses
 * while a live process runs as the user: kill them first.
 */
export async function deleteAgentAccount(
  privilege: Privilege,
  name: string,
  readGroup: () => string = () => readFileSync("/etc/group", "utf8"),
): Promise<void> {
  const result = await runAccountCommand(privilege, [requireSystemTool("userdel"), name]);
  if (result.exitCode !== 0 && result.exitCode !== USERDEL_NO_SUCH_USER) {
    throw new Error(
      `userdel ${name} failed (exit ${result.exitCode}): ${result.stderr.trim().slice(0, 500)}`,
    );
  }
  // userdel removes the user's private group only where USERGROUPS_ENAB is set in login.defs.
  if (hasGroup(readGroup(), name)) {
    const groupdel = await runAccountCommand(privilege, [requireSystemTool("groupdel"), name]);
    if (groupdel.exitCode !== 0 && hasGroup(readGroup(), name)) {
      throw new Error(
        `groupdel ${name} failed (exit ${groupdel.exitCode}): ${groupdel.stderr.trim().slice(0, 500)}`,
      );
    }
  }
}
