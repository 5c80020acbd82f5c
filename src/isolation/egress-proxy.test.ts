/**
 * The egress proxy over real loopback sockets: a CONNECT to an allowed name tunnels bytes both ways to
 * a local TCP server; other hosts, unlisted ports and IP literals, plain HTTP requests and a pattern
 * whose name resolves to a loopback address are refused.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { request } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { connect, createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { startEgressProxy, type EgressProxy, type EgressProxyOptions } from "./egress-proxy.js";

const cleanups: Array<() => Promise<void>> = [];
let logLines: string[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  logLines = [];
});

async function proxyFor(options: Omit<EgressProxyOptions, "log">): Promise<EgressProxy> {
  const proxy = await startEgressProxy({ ...options, log: (line) => logLines.push(line) });
  cleanups.push(() => proxy.close());
  return proxy;
}

/** A TCP server on 127.0.0.1 that greets each connection, then echoes what it receives in upper case. */
async function startEchoServer(): Promise<{ port: number; connections: () => number }> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on("error", () => undefined);
    socket.write("hello from upstream\n");
    socket.on("data", (chunk) => socket.write(chunk.toString().toUpperCase()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  return { port: (server.address() as AddressInfo).port, connections: () => connections };
}

/** A raw client socket to the proxy that collects everything it receives and can wait for a text. */
async function openClient(proxy: EgressProxy) {
  const { hostname, port } = new URL(proxy.url);
  const socket = connect({ host: hostname, port: Number(port) });
  cleanups.push(async () => void socket.destroy());
  let received = "";
  const waiters: Array<() => void> = [];
  socket.on("data", (chunk) => {
    received += chunk.toString();
    for (const wake of waiters.splice(0)) wake();
  });
  const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
  socket.on("error", () => undefined);
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  return {
    socket,
    closed,
    received: () => received,
    /** Resolves once the received text contains `text`; rejects if the socket closes first. */
    async waitFor(text: string): Promise<void> {
      while (!received.includes(text)) {
        const more = new Promise<void>((resolve) => waiters.push(resolve));
        const ended = closed.then(() => {
          if (!received.includes(text))
            throw new Error(`closed before ${JSON.stringify(text)}; got ${JSON.stringify(received)}`);
        });
        await Promise.race([more, ended]);
      }
    },
  };
}

const execFileAsync = promisify(execFile);

/** Runs a tool without blocking the event loop the proxy and servers of this process run on. */
const run = (file: string, args: string[], env?: Record<string, string>) =>
  execFileAsync(file, args, { env: env ?? { PATH: process.env.PATH ?? "/usr/bin:/bin" }, encoding: "utf8" });

/** Sends a CONNECT and returns the whole answer of a refused one (the proxy closes after it). */
async function refusedConnect(proxy: EgressProxy, target: string): Promise<string> {
  const client = await openClient(proxy);
  client.socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`);
  await client.closed;
  return client.received();
}

describe("egress proxy", () => {
  it("tunnels bytes both ways to an allowed host:port, resolving the name itself", async () => {
    const echo = await startEchoServer();
    const proxy = await proxyFor({ allowHosts: [`localhost:${echo.port}`] });
    const client = await openClient(proxy);

    client.socket.write(`CONNECT localhost:${echo.port} HTTP/1.1\r\nHost: localhost:${echo.port}\r\n\r\n`);
    await client.waitFor("hello from upstream\n");
    expect(client.received()).toBe("HTTP/1.1 200 Connection Established\r\n\r\nhello from upstream\n");
    client.socket.write("ping through the tunnel");
    await client.waitFor("PING THROUGH THE TUNNEL");

    expect(echo.connections()).toBe(1);
    expect(logLines).toEqual([
      `egress proxy: CONNECT localhost:${echo.port} allowed by "localhost:${echo.port}" (127.0.0.1)`,
    ]);
  });

  it("carries a real HTTPS client (curl with HTTPS_PROXY) to an allowed TLS server", async () => {
    const dir = await mkdtemp(join(tmpdir(), "egress-proxy-tls-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const [key, cert] = [join(dir, "key.pem"), join(dir, "cert.pem")];
    await run("openssl", [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost",
      "-keyout",
      key,
      "-out",
      cert,
    ]);
    const server = createHttpsServer({ key: await readFile(key), cert: await readFile(cert) }, (req, res) => {
      res.end(`tls says hello to ${req.url}`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const port = (server.address() as AddressInfo).port;
    const proxy = await proxyFor({ allowHosts: [`localhost:${port}`] });

    const { stdout } = await run("curl", ["-sS", "--cacert", cert, `https://localhost:${port}/package.tgz`], {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HTTPS_PROXY: proxy.url,
    });

    expect(stdout).toBe("tls says hello to /package.tgz");
    expect(logLines).toEqual([
      `egress proxy: CONNECT localhost:${port} allowed by "localhost:${port}" (127.0.0.1)`,
    ]);
  });

  it("refuses a host outside the allow-list, an unlisted port and an unlisted IP literal with 403", async () => {
    const echo = await startEchoServer();
    const proxy = await proxyFor({ allowHosts: [`localhost:${echo.port}`, "registry.npmjs.org"] });

    const answers = await Promise.all([
      refusedConnect(proxy, "example.com:443"),
      refusedConnect(proxy, "localhost:22"),
      refusedConnect(proxy, `127.0.0.1:${echo.port}`),
      refusedConnect(proxy, "registry.npmjs.org:80"),
    ]);

    for (const answer of answers) expect(answer).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/);
    expect(answers[0]).toContain(
      "The egress proxy refuses example.com:443: the host is not in the allow-list.",
    );
    expect(answers[1]).toContain("localhost:22: port 22 is not allowed for this host.");
    expect(answers[2]).toContain(`127.0.0.1:${echo.port}: the host is not in the allow-list.`);
    expect(echo.connections()).toBe(0);
  });

  it("refuses plain HTTP requests, absolute-form or not, even to an allowed host", async () => {
    const echo = await startEchoServer();
    const proxy = await proxyFor({ allowHosts: [`localhost:${echo.port}`] });
    const get = (path: string) =>
      new Promise<{ status?: number; body: string }>((resolve, reject) => {
        const req = request(proxy.url, { path, headers: { host: `localhost:${echo.port}` } });
        req.on("response", (res) => {
          let body = "";
          res.on("data", (chunk: Buffer) => (body += chunk.toString()));
          res.on("end", () => resolve({ status: res.statusCode, body }));
        });
        req.on("error", reject);
        req.end();
      });

    const absolute = await get(`http://localhost:${echo.port}/`);
    const origin = await get("/");

    expect([absolute.status, origin.status]).toEqual([403, 403]);
    expect(absolute.body).toBe("The egress proxy only opens CONNECT tunnels to allowed hosts.\n");
    expect(echo.connections()).toBe(0);
  });

  it("refuses a name matched only by a pattern when it resolves to a non-public address", async () => {
    const echo = await startEchoServer();
    const proxy = await proxyFor({
      allowHosts: [`*.example.test:${echo.port}`],
      resolve: (host) =>
        Promise.resolve(host === "metadata.example.test" ? ["169.254.169.254", "127.0.0.1"] : []),
    });

    const answer = await refusedConnect(proxy, `metadata.example.test:${echo.port}`);

    expect(answer).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/);
    expect(answer).toContain("the name resolves to no public address");
    expect(echo.connections()).toBe(0);
  });

  it("answers 502 when an allowed name does not resolve or nothing listens", async () => {
    const echo = await startEchoServer();
    const proxy = await proxyFor({
      allowHosts: ["gone.example.test", `localhost:${echo.port}`, "localhost:1"],
      resolve: (host) =>
        host === "localhost" ? Promise.resolve(["127.0.0.1"]) : Promise.reject(new Error("ENOTFOUND")),
    });

    const [unresolved, refused] = await Promise.all([
      refusedConnect(proxy, "gone.example.test:443"),
      refusedConnect(proxy, "localhost:1"),
    ]);

    expect(unresolved).toMatch(
      /^HTTP\/1\.1 502 Bad Gateway\r\n[\s\S]*could not reach gone\.example\.test:443: ENOTFOUND/,
    );
    expect(refused).toMatch(
      /^HTTP\/1\.1 502 Bad Gateway\r\n[\s\S]*could not reach localhost:1: ECONNREFUSED/,
    );
  });

  it("refuses to start with a bad allow-list entry, naming it", async () => {
    await expect(startEgressProxy({ allowHosts: ["registry.npmjs.org", "*.com"] })).rejects.toThrow(
      '"*.com"',
    );
  });
});
