import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";

/**
 * A directory where scripted agents keep state between attempts (PTO_DEMO_HOME). The agent runs as a
 * fresh OS user per job, so it must be writable by anyone; and not under /tmp, /var/tmp or /dev/shm,
 * where each sandbox's clean-up removes every file its user left.
 */
export function agentStateDir(prefix = "pto-agent-state-"): string {
  mkdirSync("/var/lib/pto-test-state", { recursive: true, mode: 0o755 });
  const dir = mkdtempSync(`/var/lib/pto-test-state/${prefix}`);
  chmodSync(dir, 0o777);
  // Outside the temp directory nothing else cleans it: gone when the test file's process ends.
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
