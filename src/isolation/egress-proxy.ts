/**
 * The agent's only way out besides the model proxy: an HTTP proxy (for `HTTPS_PROXY`) that opens
 * `CONNECT` tunnels to the hosts a maintainer listed, resolving the names itself, and refuses
 * everything else — other hosts and ports, IP literals not listed, and plain `http://` requests.
 */
import { lookup } from "node:dns/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import type { Duplex } from "node:stream";
import {
  decideConnect,
  isPublicAddress,
  parseAllowEntry,
  parseConnectTarget,
  type AllowRule,
  type ConnectTarget,
} from "./egress-proxy-policy.js";

/** Resolves a host name to its addresses, in the order to try them. */
export type ResolveHost = (host: string) => Promise<string[]>;

/** How to start an egress proxy. */
export interface EgressProxyOptions {
  /** `host`, `host:port`, `*.suffix`, `*.suffix:port`, or an IP literal; the port defaults to 443. */
  allowHosts: string[];
  /** One line per tunnel opened or refused. */
  log?: (line: string) => void;
  /** @default "127.0.0.1" */
  host?: "127.0.0.1";
  /** @default the system resolver (`dns.lookup`, every address) */
  resolve?: ResolveHost;
}

/** A running egress proxy. */
export interface EgressProxy {
  /** `http://127.0.0.1:<port>`, for the agent's `HTTPS_PROXY`. */
  url: string;
  close(): Promise<void>;
}

const systemResolve: ResolveHost = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/** A minimal HTTP/1.1 answer on a raw socket, after which the connection closes. */
function refuse(
  socket: Duplex,
  status: "403 Forbidden" | "400 Bad Request" | "502 Bad Gateway",
  text: string,
) {
  const body = `${text}\n`;
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Opens a TCP connection to the first address that answers. */
function connectToAny(addresses: string[], port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const attempt = (index: number, lastError?: Error) => {
      const address = addresses[index];
      if (address === undefined) {
        reject(lastError ?? new Error("no address to connect to"));
        return;
      }
      const socket = connect({ host: address, port });
      socket.once("connect", () => {
        socket.removeAllListeners("error");
        resolve(socket);
      });
      socket.once("error", (error) => attempt(index + 1, error));
    };
    attempt(0);
  });
}

/**
 * The addresses a tunnel may go to: an IP literal as it is; a name as resolved, where a name matched
 * only by a `*.suffix` pattern must resolve to public addresses (no pattern leads to loopback, the
 * private network or a cloud metadata service), while an exactly listed name may resolve anywhere.
 */
async function tunnelAddresses(
  target: ConnectTarget,
  rule: AllowRule,
  resolve: ResolveHost,
): Promise<{ addresses: string[] } | { refused: string }> {
  if (target.ip !== 0) return { addresses: [target.host] };
  const addresses = await resolve(target.host);
  const usable = rule.wildcard ? addresses.filter(isPublicAddress) : addresses;
  if (addresses.length > 0 && usable.length === 0)
    return { refused: "the name resolves to no public address" };
  return { addresses: usable };
}

const failureText = (error: unknown) =>
  error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);

/** Starts the proxy on a free loopback port. The allow-list is checked first, naming a bad entry. */
export async function startEgressProxy(options: EgressProxyOptions): Promise<EgressProxy> {
  const rules = options.allowHosts.map(parseAllowEntry);
  const log = options.log ?? (() => undefined);
  const resolve = options.resolve ?? systemResolve;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  };

  async function openTunnel(req: IncomingMessage, client: Duplex, head: Buffer): Promise<void> {
    const requested = req.url ?? "";
    const target = parseConnectTarget(requested);
    if (!target) {
      log(`egress proxy: refused CONNECT ${JSON.stringify(requested)}: not a host:port target`);
      refuse(client, "400 Bad Request", "CONNECT needs a host:port target.");
      return;
    }
    const name = `${target.ip === 6 ? `[${target.host}]` : target.host}:${target.port}`;
    const decision = decideConnect(rules, target);
    if (!decision.allowed) {
      log(`egress proxy: refused CONNECT ${name}: ${decision.reason}`);
      refuse(client, "403 Forbidden", `The egress proxy refuses ${name}: ${decision.reason}.`);
      return;
    }
    // A client that gives up while the name resolves or the connection opens needs no answer.
    client.on("error", () => client.destroy());
    let upstream: Socket;
    try {
      const route = await tunnelAddresses(target, decision.rule, resolve);
      if ("refused" in route) {
        log(`egress proxy: refused CONNECT ${name}: ${route.refused}`);
        refuse(client, "403 Forbidden", `The egress proxy refuses ${name}: ${route.refused}.`);
        return;
      }
      upstream = await connectToAny(route.addresses, target.port);
    } catch (error) {
      log(`egress proxy: CONNECT ${name} failed: ${failureText(error)}`);
      refuse(client, "502 Bad Gateway", `The egress proxy could not reach ${name}: ${failureText(error)}.`);
      return;
    }
    if (client.destroyed) {
      upstream.destroy();
      return;
    }
    track(upstream);
    log(
      `egress proxy: CONNECT ${name} allowed by ${JSON.stringify(decision.rule.entry)} (${upstream.remoteAddress})`,
    );
    client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
    if (head.length > 0) upstream.write(head);
    // Either side closing or failing ends the tunnel; errors are expected there and need no handler beyond it.
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
    upstream.pipe(client);
    client.pipe(upstream);
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    log(`egress proxy: refused ${req.method ?? ""} ${JSON.stringify(req.url ?? "")}: only CONNECT tunnels`);
    res.writeHead(403, { "content-type": "text/plain; charset=utf-8", connection: "close" });
    res.end("The egress proxy only opens CONNECT tunnels to allowed hosts.\n");
  });
  server.on("connection", track);
  server.on(
    "connect",
    (req: IncomingMessage, client: Duplex, head: Buffer) => void openTunnel(req, client, head),
  );
  server.on("upgrade", (req: IncomingMessage, client: Duplex) => {
    log(`egress proxy: refused upgrade ${JSON.stringify(req.url ?? "")}: only CONNECT tunnels`);
    refuse(client, "403 Forbidden", "The egress proxy only opens CONNECT tunnels to allowed hosts.");
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(0, options.host ?? "127.0.0.1", resolveListen);
  });
  const { address, port } = server.address() as AddressInfo;

  return {
    url: `http://${address}:${port}`,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolveClose, reject) =>
        server.close((error) => (error ? reject(error) : resolveClose())),
      );
    },
  };
}
