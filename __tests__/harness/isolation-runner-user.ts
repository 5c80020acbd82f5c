import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { listProcessesOfUid } from "../../src/isolation/agent-user-processes.js";

/** An unprivileged user with passwordless sudo, as the runner's user on GitHub-hosted runners. */
export interface SudoRunnerUser {
  name: string;
  uid: number;
  gid: number;
  /** Its HOME: a fresh directory it owns, mode 0755 (the tests decide what to close). */
  home: string;
  /**
   * argv that runs `argv` as this user with exactly `env` (nothing inherited), through setpriv; the
   * user's own processes can then use sudo like a runner's.
   */
  runAs(argv: readonly string[], env: Record<string, string>): string[];
  /** Removes its sudoers drop-in: from then on it is a runner with neither root nor sudo. */
  revokeSudo(): void;
  /** Removes the sudoers drop-in first (no privilege lingers), kills the user's processes, deletes it. */
  dispose(): void;
}

/** Retries useradd/userdel while another test holds the /etc/passwd lock. */
function accountCommand(argv: string[]): void {
  for (let attempt = 1; ; attempt++) {
    try {
      execFileSync(argv[0] as string, argv.slice(1), { stdio: ["ignore", "ignore", "pipe"] });
      return;
    } catch (error) {
      const stderr = String((error as { stderr?: Buffer }).stderr ?? "");
      if (attempt >= 10 || !/lock/i.test(stderr)) throw error;
      execFileSync("sleep", [String(0.1 * attempt)]);
    }
  }
}

/**
 * Creates `pto-runner-<hex>` with a sudoers drop-in `/etc/sudoers.d/pto-test-<hex>` granting
 * `NOPASSWD:ALL` (checked with `visudo -cf` before it is installed). Needs root.
 */
export function createSudoRunnerUser(): SudoRunnerUser {
  const hex = randomBytes(4).toString("hex");
  const name = `pto-runner-${hex}`;
  const sudoers = `/etc/sudoers.d/pto-test-${hex}`;
  const home = mkdtempSync(join(tmpdir(), "pto-runner-home-"));
  accountCommand([
    "useradd",
    "--system",
    "--no-create-home",
    "--home-dir",
    home,
    "--shell",
    "/bin/sh",
    "--user-group",
    name,
  ]);
  const entry = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .map((line) => line.split(":"))
    .find((fields) => fields[0] === name);
  const uid = Number(entry?.[2]);
  const gid = Number(entry?.[3]);
  let installed = false;
  const dispose = () => {
    if (installed) rmSync(sudoers, { force: true });
    for (const pid of listProcessesOfUid(uid)) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    accountCommand(["userdel", name]);
    rmSync(home, { recursive: true, force: true });
  };
  try {
    chownSync(home, uid, gid);
    chmodSync(home, 0o755);
    const draft = join(home, "sudoers");
    writeFileSync(draft, `${name} ALL=(ALL) NOPASSWD:ALL\n`, { mode: 0o440 });
    execFileSync("visudo", ["-cf", draft], { stdio: "ignore" });
    execFileSync("install", ["-m", "0440", "-o", "root", "-g", "root", draft, sudoers]);
    installed = true;
    rmSync(draft);
  } catch (error) {
    dispose();
    throw error;
  }
  const runAs = (argv: readonly string[], env: Record<string, string>) => [
    "setpriv",
    "--reuid",
    String(uid),
    "--regid",
    String(gid),
    "--clear-groups",
    "--",
    "/usr/bin/env",
    "-i",
    ...Object.entries(env).map(([key, value]) => `${key}=${value}`),
    ...argv,
  ];
  const revokeSudo = () => {
    rmSync(sudoers, { force: true });
    installed = false;
  };
  return { name, uid, gid, home, runAs, revokeSudo, dispose };
}
