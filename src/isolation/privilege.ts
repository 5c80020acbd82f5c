import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { join } from "node:path";

/** How this process can act as another user: it is root, or it may run anything through passwordless sudo. */
export type Privilege = { kind: "root" } | { kind: "sudo"; /** Absolute path of sudo. */ sudo: string };

/** What the agent job prints when isolation was asked for and neither root nor passwordless sudo exists. */
export const ISOLATION_UNAVAILABLE_MESSAGE =
  "isolation needs root or passwordless sudo; set `isolation: none` to run the agent as the runner's user (unsafe)";

/** The outcome of one privileged command. */
export interface PrivilegedResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Raised when a privileged command fails; the message names the command, its exit code and its stderr. */
export class PrivilegedCommandError extends Error {
  constructor(
    readonly argv: readonly string[],
    readonly result: PrivilegedResult,
  ) {
    super(`${argv.join(" ")} failed (exit ${result.exitCode}): ${result.stderr.trim().slice(0, 500)}`);
    this.name = "PrivilegedCommandError";
  }
}

/**
 * Where privileged tools are looked up. Never PATH: on GitHub-hosted images /usr/local/bin is writable by
 * every user, so a tool found there could be the agent's and would then run as root.
 */
const SYSTEM_DIRS = ["/usr/sbin", "/usr/bin", "/sbin", "/bin"];

/** The environment of every privileged command: fixed, so nothing of the action's environment reaches root. */
const PRIVILEGED_ENV = { PATH: SYSTEM_DIRS.join(":"), LC_ALL: "C" };

/**
 * The absolute path of a system tool (e.g. `useradd`), from root-owned directories only, and only when the
 * file itself is owned by root and writable by nobody else; undefined when there is none.
 */
export function findSystemTool(name: string, dirs: readonly string[] = SYSTEM_DIRS): string | undefined {
  for (const dir of dirs) {
    const path = join(dir, name);
    try {
      const stat = statSync(path);
      if (stat.isFile() && stat.uid === 0 && (stat.mode & 0o022) === 0 && (stat.mode & 0o111) !== 0) {
        return path;
      }
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** Like `findSystemTool`, but throws an error naming the tool when it is missing. */
export function requireSystemTool(name: string): string {
  const path = findSystemTool(name);
  if (!path) throw new Error(`${name} was not found in ${SYSTEM_DIRS.join(", ")} (owned by root)`);
  return path;
}

/** Runs argv without a shell and collects its output; never rejects except when it cannot be started. */
export function runCollecting(
  argv: readonly string[],
  options: { input?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<PrivilegedResult> {
  const [command, ...args] = argv;
  if (!command) throw new Error("runCollecting needs a command");
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env ?? PRIVILEGED_ENV,
      shell: false,
      stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
      timeout: options.timeoutMs ?? 60_000,
      killSignal: "SIGKILL",
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.stdin?.on("error", () => undefined);
    if (options.input !== undefined) child.stdin?.end(options.input);
    child.on("error", (error) => reject(new Error(`cannot run ${argv.join(" ")}: ${error.message}`)));
    child.on("close", (code, signal) =>
      resolve({
        exitCode: code ?? (signal ? 128 : 1),
        stdout,
        stderr: signal ? `${stderr}killed by ${signal}` : stderr,
      }),
    );
  });
}

/** The argv that runs `argv` with privilege: itself as root, or through `sudo -n` (never prompting). */
export function privilegedArgv(privilege: Privilege, argv: readonly string[]): string[] {
  return privilege.kind === "root" ? [...argv] : [privilege.sudo, "-n", "--", ...argv];
}

/**
 * Runs a fixed argv with privilege — directly as root, or `sudo -n -- argv` — never through a shell, with a
 * fixed environment. Throws a `PrivilegedCommandError` on a non-zero exit unless `allowFailure` is set.
 * Arguments are visible to every user in /proc/<pid>/cmdline: never pass a secret.
 */
export async function runPrivileged(
  privilege: Privilege,
  argv: readonly string[],
  options: { input?: string; allowFailure?: boolean; timeoutMs?: number } = {},
): Promise<PrivilegedResult> {
  const result = await runCollecting(privilegedArgv(privilege, argv), options);
  if (result.exitCode !== 0 && !options.allowFailure) throw new PrivilegedCommandError(argv, result);
  return result;
}

/** What `detectPrivilege` looks at; tests pass their own. */
export interface PrivilegeProbe {
  getuid: () => number;
  /** Absolute path of sudo, or undefined when there is none. */
  findSudo: () => string | undefined;
}

const defaultProbe: PrivilegeProbe = {
  getuid: () => process.getuid?.() ?? -1,
  findSudo: () => findSystemTool("sudo"),
};

/**
 * Root when this process runs as uid 0; else sudo when `sudo -n true` succeeds (passwordless, as on
 * GitHub-hosted runners); else undefined — the caller then prints `ISOLATION_UNAVAILABLE_MESSAGE`.
 */
export async function detectPrivilege(probe: PrivilegeProbe = defaultProbe): Promise<Privilege | undefined> {
  if (probe.getuid() === 0) return { kind: "root" };
  const sudo = probe.findSudo();
  if (!sudo) return undefined;
  try {
    const result = await runCollecting([sudo, "-n", "true"], { timeoutMs: 15_000 });
    return result.exitCode === 0 ? { kind: "sudo", sudo } : undefined;
  } catch {
    return undefined;
  }
}
