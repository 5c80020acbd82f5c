/**
 * The egress proxy's decisions as pure functions: parsing the allow-list, parsing a `CONNECT` target,
 * matching one against the other, and telling public addresses from loopback, private and link-local
 * ones.
 */
import { BlockList, isIP } from "node:net";

/** One allow-list entry: an exact host or a `*.suffix` pattern, on one port. */
export interface AllowRule {
  /** Lower-case host name or IP literal (IPv6 without brackets); for a pattern, the suffix after `*.`. */
  host: string;
  wildcard: boolean;
  port: number;
  /** The entry as written, for logs. */
  entry: string;
}

/** A `CONNECT` request's target. */
export interface ConnectTarget {
  host: string;
  port: number;
  /** 4 or 6 for an IP literal, 0 for a name. */
  ip: 0 | 4 | 6;
}

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;
const DEFAULT_PORT = 443;

const isHostName = (host: string) =>
  host.length <= 253 && host.split(".").every((label) => LABEL.test(label));

function parsePort(text: string | undefined, what: string): number {
  if (text === undefined) return DEFAULT_PORT;
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 1 && port <= 65535)) throw new Error(`${what} has an invalid port ${JSON.stringify(text)}`);
  return port;
}

/** Splits `host`, `host:port`, `[v6]`, `[v6]:port` or a bare IPv6 literal into host and port text. */
function splitHostPort(text: string): { host: string; port: string | undefined } {
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(text);
  if (bracketed) return { host: bracketed[1] ?? "", port: bracketed[2] };
  if (isIP(text) === 6) return { host: text, port: undefined };
  const colon = text.lastIndexOf(":");
  return colon < 0
    ? { host: text, port: undefined }
    : { host: text.slice(0, colon), port: text.slice(colon + 1) };
}

/** A host name without its root dot (`example.com.` names `example.com`), lower-cased. */
const normalHost = (host: string) => host.toLowerCase().replace(/\.$/, "");

/**
 * Parses one allow-list entry: `registry.npmjs.org`, `*.pythonhosted.org`, `localhost:8080`,
 * `10.0.0.5:3128`, `[::1]:8080`; the port defaults to 443. A pattern needs at least two labels after
 * `*.`, so no entry opens a whole top-level domain (where the agent could register its own server).
 */
export function parseAllowEntry(entry: string): AllowRule {
  const what = `Allowed host ${JSON.stringify(entry)}`;
  const { host: rawHost, port } = splitHostPort(entry.trim());
  const wildcard = rawHost.startsWith("*.");
  const host = normalHost(wildcard ? rawHost.slice(2) : rawHost);
  if (isIP(host) !== 0) {
    if (wildcard) throw new Error(`${what}: a pattern cannot cover IP addresses`);
  } else if (!isHostName(host)) {
    throw new Error(`${what} is neither a host name, a *.suffix pattern nor an IP address`);
  } else if (wildcard && !host.includes(".")) {
    throw new Error(`${what}: a pattern must name at least two labels after "*." (e.g. *.example.com)`);
  }
  return { host, wildcard, port: parsePort(port, what), entry };
}

/** Parses a `CONNECT` request-target (`host:port`, `[v6]:port`); the port is required. */
export function parseConnectTarget(target: string): ConnectTarget | undefined {
  const { host: rawHost, port } = splitHostPort(target);
  const host = normalHost(rawHost);
  if (port === undefined || !/^\d{1,5}$/.test(port)) return undefined;
  const portNumber = Number(port);
  if (portNumber < 1 || portNumber > 65535) return undefined;
  const ip = isIP(host) as 0 | 4 | 6;
  if (ip === 0 && !isHostName(host)) return undefined;
  return { host, port: portNumber, ip };
}

/** The verdict on a target: the rule that allows it, or why none does. */
export type ConnectDecision = { allowed: true; rule: AllowRule } | { allowed: false; reason: string };

/** Finds the rule allowing `target`: same port, and the exact host or a name under a pattern's suffix. */
export function decideConnect(rules: readonly AllowRule[], target: ConnectTarget): ConnectDecision {
  const hostMatches = rules.filter((rule) =>
    rule.wildcard ? target.ip === 0 && target.host.endsWith(`.${rule.host}`) : rule.host === target.host,
  );
  const rule = hostMatches.find((candidate) => candidate.port === target.port);
  if (rule) return { allowed: true, rule };
  if (hostMatches.length > 0)
    return { allowed: false, reason: `port ${target.port} is not allowed for this host` };
  return { allowed: false, reason: "the host is not in the allow-list" };
}

/** Special-purpose ranges (RFC 6890 and friends) a name matched by a pattern must not resolve into. */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, "ipv6");
}

/** Whether an address is an ordinary public one (not loopback, private, link-local, multicast…). */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPublicAddress(mapped);
  const family = isIP(address);
  if (family === 0) return false;
  return !NON_PUBLIC.check(address, family === 4 ? "ipv4" : "ipv6");
}
