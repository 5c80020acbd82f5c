import { access, constants } from "node:fs/promises";
import { delimiter, join } from "node:path";
import { getExecOutput } from "@actions/exec";

/** Pinned CLI versions: both change fast, and a pin means a run behaves as it did when tested. */
export const AGENT_CLI_PACKAGES = {
  claude: { bin: "claude", pkg: "@anthropic-ai/claude-code", version: "2.1.331" },
  codex: { bin: "codex", pkg: "@openai/codex", version: "0.169.0" },
} as const;

/** Finds an executable on PATH, as the shell would (but without one). */
export async function findOnPath(bin: string, path: string | undefined): Promise<string | undefined> {
  for (const dir of (path ?? "").split(delimiter).filter(Boolean)) {
    const candidate = join(dir, bin);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** Raised when the agent CLI is missing and could not be installed. */
export class AgentInstallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AgentInstallError";
  }
}

/**
 * The path of the agent CLI: the one already on PATH (a workflow may install its own), else the pinned
 * version installed from npm into `prefix` (one install per job: concurrent installs of Claude Code on
 * one machine fail).
 */
export async function ensureAgentCli(
  kind: keyof typeof AGENT_CLI_PACKAGES,
  options: { path: string | undefined; prefix: string; version?: string; log: (m: string) => void },
): Promise<string> {
  const spec = AGENT_CLI_PACKAGES[kind];
  const found = await findOnPath(spec.bin, options.path);
  if (found) return found;
  const version = options.version ?? spec.version;
  options.log(
    `${spec.bin} is not on PATH: installing ${spec.pkg}@${version} from npm into ${options.prefix}`,
  );
  const result = await getExecOutput(
    "npm",
    ["install", "--no-audit", "--no-fund", "--no-save", "--prefix", options.prefix, `${spec.pkg}@${version}`],
    { ignoreReturnCode: true, silent: true },
  );
  const installed = join(options.prefix, "node_modules", ".bin", spec.bin);
  if (result.exitCode !== 0 || !(await findOnPath(spec.bin, join(options.prefix, "node_modules", ".bin")))) {
    throw new AgentInstallError(
      `Installing ${spec.pkg}@${version} failed (npm exit ${result.exitCode}): ${result.stderr.trim().split("\n").slice(-3).join(" ")}`,
    );
  }
  return installed;
}
