import type { Privilege } from "./privilege.js";

/** The account a command is run as. */
export interface RunAsUser {
  uid: number;
  gid: number;
}

/** Absolute paths of the tools a wrapped command goes through. */
export interface RunAsTools {
  setpriv: string;
  env: string;
}

/** A command ready for `spawn`/`runProcess`: spread it into the options. */
export interface WrappedCommand {
  command: string;
  args: string[];
  /** The environment of the outer process (sudo or setpriv); the command itself gets only what was asked. */
  env: Record<string, string>;
  /** A directory the action's own user can enter; the command itself starts in the directory asked for. */
  cwd: string;
}

/** Raised when a command or environment cannot be passed through `env` unambiguously. */
export class RunAsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RunAsError";
  }
}

/** Checks what `env(1)` would misread: a command containing "=" is taken as an assignment, a name with "=" splits. */
export function validateRunAs(command: string, env: Readonly<Record<string, string>>): void {
  if (command === "" || command.includes("=") || command.includes("\0")) {
    throw new RunAsError(
      `command ${JSON.stringify(command)} cannot be run through env: it is empty or contains "="`,
    );
  }
  for (const [name, value] of Object.entries(env)) {
    if (!/^[^=\0-][^=\0]*$/.test(name)) {
      throw new RunAsError(
        `environment variable name ${JSON.stringify(name)} is empty, starts with "-" or contains "="`,
      );
    }
    if (value.includes("\0")) throw new RunAsError(`environment variable ${name} contains a NUL character`);
  }
}

/**
 * The argv that runs `command args` as `user` with exactly `env` (nothing inherited), starting in `cwd`:
 *
 *   [sudo -n --] setpriv --reuid U --regid G --clear-groups --inh-caps=-all --bounding-set=-all --nnp --
 *     env -i --chdir=CWD -- K=V… command args
 *
 * `--nnp` (no_new_privs) makes every setuid/setgid program (sudo, su, crontab, at) powerless for the agent,
 * so it can neither regain root nor schedule work that outlives the job. `env -i` rather than sudo's own
 * environment handling, whose env_reset and env_keep depend on the runner's sudoers. The directory change
 * happens as the target user: the action's user cannot enter the agent's 0700 directories.
 *
 * Signals: as root, setpriv and env exec in place, so the agent process is the spawned child and the
 * process group can be signalled as usual. Through sudo, a root-owned sudo process stays as the parent: it
 * relays SIGTERM/SIGINT/SIGHUP from the action's user to the agent, but the action's user cannot signal the
 * agent's processes themselves (different uid), so SIGKILL to the group kills only sudo and orphans the
 * agent — stop it with `AgentSandbox.killAll()`, never by process group alone.
 *
 * The K=V pairs are in argv: world-readable in /proc/<pid>/cmdline (sudo's for the whole run) and in sudo's
 * log. The agent's environment must therefore hold no secret — by design it holds none.
 */
export function buildRunAs(
  privilege: Privilege,
  tools: RunAsTools,
  user: RunAsUser,
  invocation: {
    command: string;
    args: readonly string[];
    env: Readonly<Record<string, string>>;
    cwd: string;
  },
  outerCwd: string,
): WrappedCommand {
  validateRunAs(invocation.command, invocation.env);
  if (!Number.isInteger(user.uid) || user.uid <= 0 || !Number.isInteger(user.gid) || user.gid <= 0) {
    throw new RunAsError(`refusing to run as uid ${user.uid} gid ${user.gid}: not an unprivileged account`);
  }
  const setpriv = [
    tools.setpriv,
    "--reuid",
    String(user.uid),
    "--regid",
    String(user.gid),
    "--clear-groups",
    "--inh-caps=-all",
    "--bounding-set=-all",
    "--nnp",
    "--",
    tools.env,
    "-i",
    `--chdir=${invocation.cwd}`,
    "--",
    ...Object.entries(invocation.env).map(([name, value]) => `${name}=${value}`),
    invocation.command,
    ...invocation.args,
  ];
  const argv = privilege.kind === "root" ? setpriv : [privilege.sudo, "-n", "--", ...setpriv];
  const [command, ...args] = argv as [string, ...string[]];
  return { command, args, env: {}, cwd: outerCwd };
}
