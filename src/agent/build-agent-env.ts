/**
 * The agent's environment is built from an allow-list, not by deleting known secrets: the action's
 * process holds the GitHub token, every `INPUT_*` value (inputs can carry tokens), the runtime tokens
 * of the artifact and cache services, and whatever secrets the workflow put in `env:`. A deny-list
 * misses the next secret someone adds; an allow-list fails closed.
 */

/** Variables an agent needs to find tools, write temp files, speak the locale and reach the network. */
const ALLOWED_NAMES = new Set([
  "PATH",
  "HOME",
  "USER",
  "LOGNAME",
  "SHELL",
  "LANG",
  "LANGUAGE",
  "TZ",
  "TERM",
  "TMPDIR",
  "TMP",
  "TEMP",
  "CI",
  "GITHUB_ACTIONS",
  "RUNNER_OS",
  "RUNNER_ARCH",
  "RUNNER_TEMP",
  "RUNNER_TOOL_CACHE",
  "GITHUB_WORKSPACE",
  "GITHUB_REPOSITORY",
  "GITHUB_SERVER_URL",
  "GITHUB_API_URL",
  "GITHUB_RUN_ID",
  "GITHUB_RUN_ATTEMPT",
  "GITHUB_SHA",
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "NO_PROXY",
  "http_proxy",
  "https_proxy",
  "no_proxy",
  "NODE_EXTRA_CA_CERTS",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  "GOPATH",
  "GOROOT",
  "PKG_CONFIG_PATH",
  "LD_LIBRARY_PATH",
  "pythonLocation",
  "DOTNET_ROOT",
  "VIRTUAL_ENV",
]);

/** Families: locale (`LC_*`), XDG directories, toolchain homes set by setup-* actions (`JAVA_HOME_17_X64`). */
const ALLOWED_PATTERNS = [/^LC_[A-Z]+$/, /^XDG_[A-Z_]+$/, /^[A-Z][A-Z0-9_]*_HOME(?:_[A-Z0-9_]+)?$/];

/**
 * Never given to an agent, even when the workflow asks: the GitHub token would let the agent push and
 * comment itself; the runtime tokens reach the artifact and cache services; `GITHUB_ENV`, `GITHUB_PATH`,
 * `GITHUB_OUTPUT`, `GITHUB_STATE` and `GITHUB_STEP_SUMMARY` are files whose contents later steps trust.
 */
const FORBIDDEN = [
  /^(?:GITHUB_TOKEN|GH_TOKEN|GH_ENTERPRISE_TOKEN|GITHUB_ENTERPRISE_TOKEN)$/,
  /^INPUT_/,
  /^ACTIONS_/,
  /^GITHUB_(?:ENV|PATH|OUTPUT|STATE|STEP_SUMMARY)$/,
];

/** Names that look like credentials; an allow-listed pattern that happens to match one is still dropped. */
const SECRET_LIKE = /(?:_TOKEN|_SECRET|_KEY|PASSWORD|PASSWD|CREDENTIALS?)(?:_|$)/i;

/** Raised when the workflow asks to pass a variable no agent may see. */
export class AgentEnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AgentEnvError";
  }
}

function isAllowed(name: string): boolean {
  if (ALLOWED_NAMES.has(name)) return true;
  return ALLOWED_PATTERNS.some((p) => p.test(name)) && !SECRET_LIKE.test(name);
}

/**
 * The environment of an agent process: the allow-listed variables of `base`, then the names the
 * workflow explicitly passes (`pass`, e.g. a key a custom command needs), then the variables the
 * adapter sets (`set`: its own credential and settings), which win. Forbidden names in `pass` are an
 * error, not silently dropped, so a misconfigured workflow learns why its agent cannot push.
 */
export function buildAgentEnv(
  base: NodeJS.ProcessEnv,
  extra: { set?: Readonly<Record<string, string | undefined>>; pass?: readonly string[] } = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined && isAllowed(name)) env[name] = value;
  }
  for (const name of extra.pass ?? []) {
    if (FORBIDDEN.some((p) => p.test(name))) {
      throw new AgentEnvError(
        `Environment variable "${name}" cannot be passed to the agent: it would give the agent the job's GitHub or runner credentials`,
      );
    }
    const value = base[name];
    if (value !== undefined) env[name] = value;
  }
  for (const [name, value] of Object.entries(extra.set ?? {})) {
    if (value !== undefined) env[name] = value;
  }
  return env;
}
