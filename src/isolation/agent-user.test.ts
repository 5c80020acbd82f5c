import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runProcess } from "../exec/run-process.js";
import { type AgentSandbox, createAgentSandbox } from "./agent-user.js";
import { findPasswdEntry } from "./agent-user-account.js";
import { listProcessesOfUid } from "./agent-user-processes.js";

const isRoot = process.getuid?.() === 0;
const privilege = { kind: "root" } as const;
const sweepDir = mkdtempSync(join(tmpdir(), "pto-sweep-"));
chmodSync(sweepDir, 0o1777);
const sandboxes: AgentSandbox[] = [];

async function sandbox(): Promise<AgentSandbox> {
  const created = await createAgentSandbox({ privilege, sweepDirs: [sweepDir] });
  sandboxes.push(created);
  return created;
}

/** Runs a shell snippet as the agent user and returns its stdout. */
async function asAgent(box: AgentSandbox, script: string, env: Record<string, string> = {}): Promise<string> {
  const result = await runProcess({
    ...box.wrap("/bin/sh", ["-c", script], { PATH: "/usr/bin:/bin", ...env }),
  });
  if (result.exitCode !== 0) throw new Error(`agent script failed (${result.exitCode}): ${result.excerpt}`);
  return result.stdoutTail ?? "";
}

const passwdEntry = (name: string) => findPasswdEntry(readFileSync("/etc/passwd", "utf8"), name);

describe.skipIf(!isRoot)("createAgentSandbox (as root)", () => {
  afterAll(async () => {
    for (const box of sandboxes) await box.dispose().catch(() => undefined);
    rmSync(sweepDir, { recursive: true, force: true });
  });

  it("creates a fresh unprivileged user whose home is the sandbox's, and directories only it can enter", async () => {
    const box = await sandbox();
    expect(box.user.name).toMatch(/^pto-agent-[0-9a-f]{8}$/);
    expect(box.user.uid).toBeGreaterThan(0);
    expect(passwdEntry(box.user.name)).toEqual({ uid: box.user.uid, gid: box.user.gid, home: box.home });
    expect(readFileSync("/etc/passwd", "utf8")).toMatch(
      new RegExp(`^${box.user.name}:.*:/usr/sbin/nologin$`, "m"),
    );
    const root = statSync(box.root);
    expect({ uid: root.uid, mode: root.mode & 0o7777 }).toEqual({ uid: 0, mode: 0o755 });
    for (const dir of [box.home, box.workDir, box.tmpDir]) {
      const stat = statSync(dir);
      expect({ dir, uid: stat.uid, gid: stat.gid, mode: stat.mode & 0o7777 }).toEqual({
        dir,
        uid: box.user.uid,
        gid: box.user.gid,
        mode: 0o700,
      });
    }
  });

  it("wraps a command so it runs as the agent user, in the work directory, with exactly the given environment", async () => {
    const box = await sandbox();
    const out = await asAgent(
      box,
      'id -u; id -G; pwd; env | sort; grep NoNewPrivs /proc/self/status; touch "$HOME/x"',
      {
        HOME: box.home,
        ANSWER: "4 2",
      },
    );
    expect(out.trim().split("\n")).toEqual([
      String(box.user.uid),
      String(box.user.gid),
      box.workDir,
      "ANSWER=4 2",
      `HOME=${box.home}`,
      "PATH=/usr/bin:/bin",
      `PWD=${box.workDir}`,
      "NoNewPrivs:\t1",
    ]);
    const elsewhere = await runProcess({ ...box.wrap("/bin/pwd", [], {}, { cwd: box.tmpDir }) });
    expect(elsewhere.stdoutTail).toBe(`${box.tmpDir}\n`);
  });

  it("hands a tree to the agent and takes back only what the agent owns, clearing setuid bits and never following symlinks", async () => {
    const box = await sandbox();
    const repo = join(box.root, "repo");
    mkdirSync(join(repo, "src"), { recursive: true });
    writeFileSync(join(repo, "src", "main.ts"), "");
    await box.giveToAgent(repo);
    expect(statSync(join(repo, "src", "main.ts")).uid).toBe(box.user.uid);

    writeFileSync(join(repo, "foreign"), "");
    chownSync(join(repo, "foreign"), 4242, 4242);
    await asAgent(
      box,
      `cd ${repo} && touch new && cp /bin/true setuid && chmod 4755 setuid && ln -s /etc/passwd link && touch ${sweepDir}/planted-git`,
    );
    expect(existsSync(join(sweepDir, "planted-git"))).toBe(true);
    expect(statSync(join(repo, "setuid")).mode & 0o4000).toBe(0o4000);
    const passwdOwner = lstatSync("/etc/passwd").uid;

    await box.takeBack(repo);
    for (const path of ["new", "setuid", "src/main.ts", "link"])
      expect(lstatSync(join(repo, path)).uid).toBe(0);
    expect(statSync(join(repo, "setuid")).mode & 0o6000).toBe(0);
    expect(lstatSync("/etc/passwd").uid).toBe(passwdOwner);
    expect(statSync(join(repo, "foreign")).uid).toBe(4242);
    // What it left in a world-writable directory is gone before the action runs anything again.
    expect(existsSync(join(sweepDir, "planted-git"))).toBe(false);

    await expect(box.giveToAgent("/etc")).rejects.toThrow(/is not inside/);
    await expect(box.takeBack(join(repo, "link"))).rejects.toThrow(/through a symlink/);
    await expect(box.takeBack(box.root)).rejects.toThrow(/is not inside/);
  });

  it("sweeps the agent's files from world-writable directories at any depth, and walks no other directory", async () => {
    const box = await sandbox();
    const shared = join(sweepDir, "shared");
    const closed = join(sweepDir, "closed");
    mkdirSync(shared, { mode: 0o777 });
    chmodSync(shared, 0o777);
    mkdirSync(closed, { mode: 0o755 });
    await asAgent(box, `touch ${shared}/planted && mkdir ${shared}/deep && touch ${shared}/deep/more`);
    // Only root could have put a file of the agent's there; it shows the sweep does not descend.
    writeFileSync(join(closed, "not-walked"), "");
    chownSync(join(closed, "not-walked"), box.user.uid, box.user.gid);
    const repo = join(box.root, "repo");
    mkdirSync(repo);
    await box.giveToAgent(repo);
    await box.takeBack(repo);
    expect(existsSync(join(shared, "planted"))).toBe(false);
    expect(existsSync(join(shared, "deep"))).toBe(false);
    expect(existsSync(shared)).toBe(true);
    expect(existsSync(join(closed, "not-walked"))).toBe(true);
    rmSync(closed, { recursive: true, force: true });
  });

  it("removes a program the agent planted outside and hard-linked into its tree (the chown must not save it)", async () => {
    const box = await sandbox();
    const repo = join(box.root, "repo");
    mkdirSync(repo);
    await box.giveToAgent(repo);
    await asAgent(
      box,
      `printf '#!/bin/sh\\n' > ${sweepDir}/git && chmod 755 ${sweepDir}/git && ln ${sweepDir}/git ${repo}/git`,
    );
    expect(statSync(join(sweepDir, "git")).nlink).toBe(2);
    await box.takeBack(repo);
    expect(existsSync(join(sweepDir, "git"))).toBe(false);
  });

  it("kills every process of the agent user, including a setsid'd double fork, and counts them", async () => {
    const box = await sandbox();
    expect(await box.killAll()).toBe(0);
    await asAgent(
      box,
      "setsid sh -c 'sleep 1000 </dev/null >/dev/null 2>&1 &'; setsid sh -c 'sleep 1000 </dev/null >/dev/null 2>&1 &'",
    );
    const deadline = Date.now() + 20_000;
    while (listProcessesOfUid(box.user.uid).length < 2 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(listProcessesOfUid(box.user.uid)).toHaveLength(2);
    expect(await box.killAll()).toBe(2);
    expect(listProcessesOfUid(box.user.uid)).toEqual([]);
  });

  it("creates several sandboxes at once with distinct users, and disposes of each completely and idempotently", async () => {
    const boxes = await Promise.all([1, 2, 3, 4].map(() => sandbox()));
    expect(new Set(boxes.map((b) => b.user.uid)).size).toBe(4);
    expect(new Set(boxes.map((b) => b.user.name)).size).toBe(4);
    const [first] = boxes as [AgentSandbox];
    await asAgent(
      first,
      `mkdir ${sweepDir}/left && touch ${sweepDir}/left/a ${sweepDir}/planted && setsid sleep 1000 </dev/null >/dev/null 2>&1 &`,
    );
    writeFileSync(join(sweepDir, "someone-elses"), "");

    await Promise.all(boxes.map((b) => b.dispose()));
    for (const box of boxes) {
      expect(passwdEntry(box.user.name)).toBeUndefined();
      expect(readFileSync("/etc/group", "utf8")).not.toContain(`${box.user.name}:`);
      expect(existsSync(box.root)).toBe(false);
      expect(listProcessesOfUid(box.user.uid)).toEqual([]);
    }
    expect(existsSync(join(sweepDir, "left"))).toBe(false);
    expect(existsSync(join(sweepDir, "planted"))).toBe(false);
    expect(existsSync(join(sweepDir, "someone-elses"))).toBe(true);
    // Its uid may belong to another job's agent by now: a disposed sandbox acts on it no more.
    await first.dispose();
    expect(await first.killAll()).toBe(0);
    expect(() => first.wrap("/bin/true", [], {})).toThrow(/was disposed of: cannot run \/bin\/true/);
    await expect(first.takeBack(join(first.root, "work"))).rejects.toThrow(/was disposed of/);
  });
});
