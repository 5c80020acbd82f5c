import { existsSync } from "node:fs";
import { type Privilege, findSystemTool, runPrivileged } from "./privilege.js";

/** A loopback endpoint the agent's user may connect to (the model proxy, the egress proxy). */
export interface AllowedEndpoint {
  host: "127.0.0.1" | "::1";
  port: number;
}

/** An IP family and the tools that manage its tables. */
export interface FirewallFamily {
  name: "ipv4" | "ipv6";
  iptables: string;
  restore: string;
}

/** The chain holding one user's rules; one per uid, so concurrent jobs' agents never share rules. */
export function chainName(uid: number): string {
  return `PTO-${uid}`;
}

/** The jump from OUTPUT into the user's chain, as `iptables -S` prints it (without the leading -A/-I/-D). */
function jumpRule(uid: number): string {
  return `OUTPUT -m owner --uid-owner ${uid} -j ${chainName(uid)}`;
}

/**
 * An `iptables-restore --noflush` script that puts the user's chain in place: replies on connections that
 * already exist (a server the agent runs answering another user) pass; new connections pass only to the
 * allowed loopback ports; everything else is rejected — TCP with a reset, the rest with "port unreachable"
 * — so a refused connection fails at once instead of hanging. Declaring the chain empties a stale one left
 * by an earlier job with the same uid. The jump is inserted first in OUTPUT so no host rule accepts first.
 */
export function buildFirewallScript(
  family: "ipv4" | "ipv6",
  uid: number,
  allow: readonly AllowedEndpoint[],
): string {
  const chain = chainName(uid);
  const loopback = family === "ipv4" ? "127.0.0.1" : "::1";
  const unreachable = family === "ipv4" ? "icmp-port-unreachable" : "icmp6-port-unreachable";
  const ports = [...new Set(allow.filter((e) => e.host === loopback).map((e) => e.port))];
  for (const port of ports) {
    if (!Number.isInteger(port) || port < 1 || port > 65_535)
      throw new Error(`allowed port ${port} is not a TCP port`);
  }
  const prefix = family === "ipv4" ? "/32" : "/128";
  return [
    "*filter",
    `:${chain} - [0:0]`,
    `-A ${chain} -m conntrack --ctstate ESTABLISHED -j ACCEPT`,
    ...ports.map(
      (port) => `-A ${chain} -o lo -d ${loopback}${prefix} -p tcp -m tcp --dport ${port} -j ACCEPT`,
    ),
    `-A ${chain} -p tcp -j REJECT --reject-with tcp-reset`,
    `-A ${chain} -j REJECT --reject-with ${unreachable}`,
    `-I ${jumpRule(uid)}`,
    "COMMIT",
    "",
  ].join("\n");
}

/**
 * An `iptables-restore --noflush` script that deletes every jump to the user's chain and the chain itself,
 * given what `iptables -S` prints now; undefined when nothing of it is left (removal is idempotent).
 */
export function buildRemovalScript(uid: number, listing: string): string | undefined {
  const chain = chainName(uid);
  const lines = listing.split("\n").map((line) => line.trim());
  const jumps = lines.filter((line) => line.startsWith("-A OUTPUT ") && line.endsWith(` -j ${chain}`));
  const hasChain = lines.includes(`-N ${chain}`);
  if (jumps.length === 0 && !hasChain) return undefined;
  return [
    "*filter",
    ...jumps.map((line) => `-D ${line.slice(3)}`),
    ...(hasChain ? [`-F ${chain}`, `-X ${chain}`] : []),
    "COMMIT",
    "",
  ].join("\n");
}

/** The families to filter: IPv6 too wherever the kernel has it (an agent could otherwise go around by ::1). */
function firewallFamilies(): FirewallFamily[] | string {
  const families: FirewallFamily[] = [];
  const wanted: Array<[FirewallFamily["name"], string, string]> = [["ipv4", "iptables", "iptables-restore"]];
  if (existsSync("/proc/net/if_inet6")) wanted.push(["ipv6", "ip6tables", "ip6tables-restore"]);
  for (const [name, tool, restoreTool] of wanted) {
    const iptables = findSystemTool(tool);
    const restore = findSystemTool(restoreTool);
    if (!iptables || !restore) return `${!iptables ? tool : restoreTool} is not installed`;
    families.push({ name, iptables, restore });
  }
  return families;
}

/** Whether `applyEgressFirewall` can work here, and if not, why. */
export type IptablesSupport =
  { usable: true; families: FirewallFamily[] } | { usable: false; reason: string };

/**
 * Whether the egress firewall can work: iptables (and ip6tables where the kernel has IPv6) are installed and
 * `iptables -S OUTPUT` works with this privilege (it does not in a container without CAP_NET_ADMIN).
 */
export async function iptablesUsable(privilege: Privilege): Promise<IptablesSupport> {
  const families = firewallFamilies();
  if (typeof families === "string") return { usable: false, reason: families };
  for (const family of families) {
    const listed = await runPrivileged(privilege, [family.iptables, "-w", "10", "-S", "OUTPUT"], {
      allowFailure: true,
    });
    if (listed.exitCode !== 0) {
      return {
        usable: false,
        reason: `${family.iptables} -S OUTPUT failed: ${listed.stderr.trim().slice(0, 300)}`,
      };
    }
  }
  return { usable: true, families };
}

/** Rules in place for one user; `remove` deletes them (idempotent). */
export interface EgressFirewall {
  remove(): Promise<void>;
}

/** Deletes the user's jump and chain from every family, whatever an earlier attempt left. */
async function removeRules(
  privilege: Privilege,
  families: readonly FirewallFamily[],
  uid: number,
): Promise<void> {
  const errors: string[] = [];
  for (const family of families) {
    try {
      const listing = await runPrivileged(privilege, [family.iptables, "-w", "10", "-S"]);
      const script = buildRemovalScript(uid, listing.stdout);
      if (script)
        await runPrivileged(privilege, [family.restore, "-w", "10", "--noflush"], { input: script });
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (errors.length > 0)
    throw new Error(`removing the egress rules of uid ${uid} failed: ${errors.join("; ")}`);
}

/**
 * Lets the processes of `uid` open connections only to the `allow`ed loopback ports: a chain `PTO-<uid>` per
 * IP family, jumped to from OUTPUT with `-m owner --uid-owner <uid>`, loaded atomically per family with
 * iptables-restore. Fails closed: when a family cannot be set up, what was set up is removed and this throws.
 * Not covered by iptables: Unix sockets (e.g. a DNS resolver's D-Bus or varlink socket, a docker socket).
 */
export async function applyEgressFirewall(options: {
  privilege: Privilege;
  uid: number;
  allow: readonly AllowedEndpoint[];
}): Promise<EgressFirewall> {
  const { privilege, uid, allow } = options;
  if (!Number.isInteger(uid) || uid <= 0)
    throw new Error(`refusing to filter uid ${uid}: not an unprivileged user`);
  const families = firewallFamilies();
  if (typeof families === "string") throw new Error(`egress firewall unavailable: ${families}`);
  const applied: FirewallFamily[] = [];
  try {
    for (const family of families) {
      applied.push(family);
      const script = buildFirewallScript(family.name, uid, allow);
      await runPrivileged(privilege, [family.restore, "-w", "10", "--noflush"], { input: script });
    }
  } catch (error) {
    await removeRules(privilege, applied, uid).catch(() => undefined);
    throw error;
  }
  let removed = false;
  return {
    async remove() {
      if (removed) return;
      await removeRules(privilege, families, uid);
      removed = true;
    },
  };
}
