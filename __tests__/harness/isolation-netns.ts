import { spawn } from "node:child_process";

/** How a child run in a network namespace ended. */
export interface NetnsResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Brings up `lo` in the new namespace, adds the extra addresses to it, then execs the command. The
 * addresses come in $1 (space-separated); the command is "$@" after it. A fixed script, never built from input.
 */
const SETUP = 'set -e; ip link set lo up; for a in $1; do ip addr add "$a" dev lo; done; shift; exec "$@"';

/**
 * Runs argv inside a fresh network namespace (`unshare --net`, needs root) in which only `lo` exists, so
 * iptables rules made there never touch the host's tables and no packet leaves the machine. Extra
 * addresses (e.g. "192.0.2.1/32" from TEST-NET-1) stand in for non-loopback hosts. The namespace ends with
 * its last process.
 */
export function runInNetns(
  argv: readonly string[],
  options: { env?: Record<string, string>; addresses?: readonly string[]; timeoutMs?: number } = {},
): Promise<NetnsResult> {
  const args = ["--net", "--", "/bin/sh", "-c", SETUP, "sh", (options.addresses ?? []).join(" "), ...argv];
  return new Promise((resolve, reject) => {
    const child = spawn("unshare", args, {
      env: options.env ?? { PATH: "/usr/sbin:/usr/bin:/sbin:/bin" },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: options.timeoutMs ?? 120_000,
      killSignal: "SIGKILL",
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}
