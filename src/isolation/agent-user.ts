import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AgentAccount, createAgentAccount, deleteAgentAccount } from "./agent-user-account.js";
import { killAllProcesses, listProcessesOfUid } from "./agent-user-processes.js";
import { assertInside, defaultSweepDirs, sweepFilesOfUid, unreachableAncestor } from "./agent-user-paths.js";
import { type AllowedEndpoint, type EgressFirewall, applyEgressFirewall } from "./egress-firewall.js";
import { type Privilege, requireSystemTool, runCollecting, runPrivileged } from "./privilege.js";
import { type WrappedCommand, buildRunAs } from "./run-as.js";

/** A fresh OS user for one agent job, its directories, and everything needed to run, stop and remove it. */
export interface AgentSandbox {
  user: AgentAccount;
  /** e.g. /tmp/pto-agent-XXXXXX, owned by the action's user, mode 0755. */
  root: string;
  /** root/home: the agent's HOME (also its passwd home), owned by the agent user, 0700, fresh every job. */
  home: string;
  /** root/work: owned by the agent user, 0700 — the agent's working copy goes here. */
  workDir: string;
  /** root/tmp: owned by the agent user, 0700 — give it to the agent as TMPDIR. */
  tmpDir: string;
  /**
   * argv, env and cwd to spawn `command args` as the agent user with exactly `env` (nothing inherited),
   * starting in `options.cwd` (default `workDir`). Spread the result into `runProcess` options. See
   * `buildRunAs` for signals: through sudo the action's user cannot signal the agent — use `killAll`.
   */
  wrap(
    command: string,
    args: readonly string[],
    env: Readonly<Record<string, string>>,
    options?: { cwd?: string },
  ): WrappedCommand;
  /** Recursively hands `path` (inside root) to the agent user, never following symlinks. Before the agent runs. */
  giveToAgent(path: string): Promise<void>;
  /**
   * Kills the agent's processes, then hands back to the action's user what under `path` (inside root) the
   * agent user owns — never following symlinks, never touching a file someone else owns (a hard link the
   * agent made to another user's file keeps its owner; chown clears setuid/setgid bits on the way) —
   * and removes what it left in the sweep directories.
   */
  takeBack(path: string): Promise<void>;
  /**
   * Lets the agent user connect only to these loopback endpoints (see `applyEgressFirewall`), replacing an
   * earlier call's rules atomically; dispose removes them (the returned handle can remove them sooner, and
   * any handle removes the user's current rules).
   */
  restrictEgress(allow: readonly AllowedEndpoint[]): Promise<EgressFirewall>;
  /**
   * SIGKILLs every process of the agent user — also those that left the process group (setsid, nohup,
   * double-forked daemons) — until none is left (bounded); returns how many were killed.
   */
  killAll(): Promise<number>;
  /**
   * killAll; then remove the firewall rules, `root`, what the agent user left in the sweep directories
   * (/tmp, /var/tmp, /dev/shm, world-writable PATH directories), and the user. Idempotent: a failed step is
   * retried by the next call. While an agent process survives, nothing else is removed (its firewall stays).
   */
  dispose(): Promise<void>;
}

/** Options of `createAgentSandbox`. */
export interface AgentSandboxOptions {
  privilege: Privilege;
  /** @default "pto-agent" */
  namePrefix?: string;
  /** Where `root` is made; every directory above must be enterable by other users. @default os.tmpdir() */
  tmpRoot?: string;
  /** Directories swept for files the agent user left. @default defaultSweepDirs(PATH, tool caches) */
  sweepDirs?: readonly string[];
}

/** Creates the agent's user (a fresh name per job) and its directories. */
export async function createAgentSandbox(options: AgentSandboxOptions): Promise<AgentSandbox> {
  const { privilege } = options;
  const prefix = options.namePrefix ?? "pto-agent";
  const tools = {
    setpriv: requireSystemTool("setpriv"),
    env: requireSystemTool("env"),
    chown: requireSystemTool("chown"),
    rm: requireSystemTool("rm"),
    find: requireSystemTool("find"),
    kill: requireSystemTool("kill"),
  };
  const tmpRoot = realpathSync(options.tmpRoot ?? tmpdir());
  const blocked = unreachableAncestor(tmpRoot);
  if (blocked) {
    throw new Error(
      `the agent's directory cannot be under ${tmpRoot}: other users cannot enter ${blocked}; pass another tmpRoot`,
    );
  }

  // 1. The directories, made by the action's user; then the user, whose passwd home is root/home.
  const root = mkdtempSync(join(tmpRoot, `${prefix}-`));
  chmodSync(root, 0o755);
  const [home, workDir, tmpDir] = ["home", "work", "tmp"].map((name) => join(root, name)) as [
    string,
    string,
    string,
  ];
  for (const dir of [home, workDir, tmpDir]) mkdirSync(dir, { mode: 0o700 });
  let user: AgentAccount;
  try {
    user = await createAgentAccount(privilege, { namePrefix: prefix, home });
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  const owner = { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
  const toolCaches = [process.env.RUNNER_TOOL_CACHE, process.env.AGENT_TOOLSDIRECTORY].filter(
    (dir): dir is string => dir !== undefined && dir !== "",
  );
  const sweepDirs = options.sweepDirs ?? defaultSweepDirs(process.env.PATH ?? "", undefined, toolCaches);

  const wrapAt = (
    command: string,
    args: readonly string[],
    env: Readonly<Record<string, string>>,
    cwd: string,
  ) => buildRunAs(privilege, tools, user, { command, args, env, cwd }, root);
  /** chown -R that changes only files owned by `from`, and symlinks themselves rather than their targets. */
  const chownTree = (path: string, from: number, to: { uid: number; gid: number }) =>
    runPrivileged(privilege, [
      tools.chown,
      "-R",
      "--no-dereference",
      `--from=${from}`,
      `${to.uid}:${to.gid}`,
      "--",
      path,
    ]);
  const done = { firewall: false, root: false, sweep: false, user: false };
  /** Once the user is deleted its uid may soon belong to another job's agent: nothing may act on it then. */
  const assertNotDisposed = (what: string) => {
    if (done.user) throw new Error(`agent user ${user.name} was disposed of: cannot ${what}`);
  };
  const killAll = async () =>
    done.user
      ? 0
      : killAllProcesses({
          list: () => listProcessesOfUid(user.uid),
          killEverything: async () => {
            // kill(-1) as the agent user reaches exactly its processes; it exits non-zero when there were none.
            const kill = wrapAt(tools.kill, ["-9", "-1"], {}, "/");
            await runCollecting([kill.command, ...kill.args], { env: kill.env });
          },
        });

  try {
    // 2. Hand the fresh, empty directories to the user.
    await runPrivileged(privilege, [
      tools.chown,
      "--no-dereference",
      `${user.uid}:${user.gid}`,
      "--",
      home,
      workDir,
      tmpDir,
    ]);
  } catch (error) {
    await deleteAgentAccount(privilege, user.name).catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
    throw error;
  }

  let firewall: EgressFirewall | undefined;
  return {
    user,
    root,
    home,
    workDir,
    tmpDir,
    wrap: (command, args, env, wrapOptions = {}) => {
      assertNotDisposed(`run ${command}`);
      chmodSync(root, 0o755);
      // Whatever runs now may leave files again: the next takeBack or dispose sweeps anew.
      done.sweep = false;
      return wrapAt(command, args, env, wrapOptions.cwd ?? workDir);
    },
    giveToAgent: async (path) => {
      assertNotDisposed(`give ${path}`);
      await chownTree(assertInside(root, path), owner.uid, user);
    },
    takeBack: async (path) => {
      assertNotDisposed(`take back ${path}`);
      const inside = assertInside(root, path);
      await killAll();
      // No other user may swap a directory for a link while we read the tree as its owner.
      chmodSync(root, 0o700);
      // Before the action runs anything again, and before the chown (which would also hand us a file the
      // agent hard-linked from the tree into a shared directory): what it left in a world-writable
      // directory (on PATH, say) goes. The sweep does not enter `root`, which is not world-writable.
      await sweepFilesOfUid(privilege, tools, sweepDirs, user.uid);
      done.sweep = true;
      await chownTree(inside, user.uid, owner);
    },
    restrictEgress: async (allow) => {
      assertNotDisposed("restrict its egress");
      // Loading the chain again replaces its rules in one transaction: no moment without rules.
      firewall = await applyEgressFirewall({ privilege, uid: user.uid, allow });
      return firewall;
    },
    killAll,
    dispose: async () => {
      if (Object.values(done).every(Boolean)) return;
      await killAll();
      const errors: string[] = [];
      const step = async (name: keyof typeof done, action: () => Promise<unknown>) => {
        if (done[name]) return;
        try {
          await action();
          done[name] = true;
        } catch (error) {
          errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      };
      await step("firewall", async () => firewall?.remove());
      await step("root", () => runPrivileged(privilege, [tools.rm, "-rf", "--one-file-system", "--", root]));
      await step("sweep", () => sweepFilesOfUid(privilege, tools, sweepDirs, user.uid));
      await step("user", () => deleteAgentAccount(privilege, user.name));
      if (errors.length > 0)
        throw new Error(`disposing of agent user ${user.name} failed: ${errors.join("; ")}`);
    },
  };
}
