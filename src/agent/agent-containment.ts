import { mkdir, mkdtemp } from "node:fs/promises";
import { join } from "node:path";
import type { AgentInputs } from "../inputs.js";
import type { AgentSandbox } from "../isolation/agent-user.js";
import { startEgressProxy } from "../isolation/egress-proxy.js";
import { startModelProxy, type ModelProxy } from "../isolation/model-proxy.js";
import type { AgentCredentials } from "./adapters/agent-adapter.js";

/**
 * What the runner can do to contain an agent (built in runner/agent-step.ts): make its user and close the
 * runner's files to it, and whether its network is firewalled. Absent with `isolation: none`.
 */
export interface IsolationPort {
  /** A fresh sandbox, with the runner's files closed to it until `restore`; throws when impossible. */
  open(): Promise<{ sandbox: AgentSandbox; restore: () => Promise<void> }>;
  /** Firewall the agent's user to the proxies; throws from `open`'s sandbox when iptables cannot. */
  firewall: boolean;
}

/** How the agent is run: where it works, its environment's base, its credentials, how to start it. */
export interface Containment {
  workTree: string;
  /** Where the prompt file goes: readable by the agent, writable only by us. */
  promptDir: string;
  /** Where a command agent may write its notes. */
  notesDir: string;
  /** Variables laid over the action's environment before the adapter's allow-list applies. */
  envOverrides: Record<string, string | undefined>;
  credentials: AgentCredentials;
  /** The argv, environment and working directory that start `command` contained. */
  wrap(
    command: string,
    args: readonly string[],
    env: Readonly<Record<string, string>>,
  ): { command: string; args: string[]; env: Record<string, string>; cwd: string };
  /** Gives the prepared working copy to the agent's user (before the agent starts). */
  handOver(): Promise<void>;
  /** Once the agent exited: every process it left is killed, and its tree is ours to read. */
  afterAgent(): Promise<void>;
  /** Dollars the model proxies saw spent; undefined without a proxy. */
  spentUsd(): number | undefined;
  close(): Promise<void>;
}

const ANTHROPIC_API = "https://api.anthropic.com";
const OPENAI_API = "https://api.openai.com/v1";

/**
 * Contains the agent: its own user and directories, and the model keys behind loopback proxies that add
 * them, so the agent's environment holds placeholders only; with the firewall, the agent's user reaches
 * the proxies and nothing else (package hosts through the egress proxy). Without a port (`isolation:
 * none`) the agent runs as the runner's user, with its keys, in a copy under the temp directory.
 */
export async function openContainment(options: {
  port: IsolationPort | undefined;
  inputs: AgentInputs;
  env: NodeJS.ProcessEnv;
  tempDir: string;
  log: (line: string) => void;
  /** The key the agent is given instead of the real ones (redacted from everything, like a secret). */
  placeholder: string;
}): Promise<Containment> {
  const { inputs, env } = options;
  const given: AgentCredentials = {
    anthropicApiKey: inputs["anthropic-api-key"],
    claudeCodeOauthToken: inputs["claude-code-oauth-token"],
    openaiApiKey: inputs["openai-api-key"],
  };
  if (!options.port) {
    const dir = await mkdtemp(join(options.tempDir, "pto-work-"));
    return {
      workTree: join(dir, "repo"),
      promptDir: dir,
      notesDir: dir,
      envOverrides: {},
      credentials: given,
      wrap: (command, args, childEnv) => ({
        command,
        args: [...args],
        env: { ...childEnv },
        cwd: join(dir, "repo"),
      }),
      handOver: async () => undefined,
      afterAgent: async () => undefined,
      spentUsd: () => undefined,
      close: async () => undefined,
    };
  }
  const closers: Array<() => Promise<void>> = [];
  let restoreRunnerFiles: (() => Promise<void>) | undefined;
  let disposeSandbox: (() => Promise<void>) | undefined;
  /**
   * Proxies first, then the sandbox; the runner's files are reopened only once the sandbox is gone: while
   * an agent process may survive, they stay closed, and the failure is reported, not swallowed.
   */
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer().catch(() => undefined);
    await disposeSandbox?.();
    await restoreRunnerFiles?.();
  };
  try {
    const { sandbox, restore } = await options.port.open();
    restoreRunnerFiles = restore;
    disposeSandbox = () => sandbox.dispose();
    const proxies: ModelProxy[] = [];
    const credentials: AgentCredentials = {};
    const envOverrides: Record<string, string | undefined> = {
      HOME: sandbox.home,
      TMPDIR: sandbox.tmpDir,
      TMP: sandbox.tmpDir,
      TEMP: sandbox.tmpDir,
      USER: sandbox.user.name,
      LOGNAME: sandbox.user.name,
      RUNNER_TEMP: undefined,
      GITHUB_WORKSPACE: join(sandbox.root, "repo"),
    };
    const budget = inputs["max-budget-usd"];
    const anthropic = given.anthropicApiKey ?? given.claudeCodeOauthToken;
    if (anthropic !== undefined && anthropic !== "") {
      const proxy = await startModelProxy({
        provider: "anthropic",
        upstream: env.ANTHROPIC_BASE_URL || ANTHROPIC_API,
        credential: { kind: given.anthropicApiKey ? "api-key" : "oauth-token", value: anthropic },
        placeholder: options.placeholder,
        ...(budget !== undefined ? { maxBudgetUsd: budget } : {}),
        log: options.log,
      });
      proxies.push(proxy);
      closers.push(() => proxy.close());
      envOverrides.ANTHROPIC_BASE_URL = proxy.url;
      if (given.anthropicApiKey) credentials.anthropicApiKey = proxy.placeholder;
      else credentials.claudeCodeOauthToken = proxy.placeholder;
    }
    if (given.openaiApiKey) {
      const proxy = await startModelProxy({
        provider: "openai",
        upstream: env.OPENAI_BASE_URL || OPENAI_API,
        credential: { kind: "api-key", value: given.openaiApiKey },
        placeholder: options.placeholder,
        ...(budget !== undefined ? { maxBudgetUsd: budget } : {}),
        log: options.log,
      });
      proxies.push(proxy);
      closers.push(() => proxy.close());
      envOverrides.OPENAI_BASE_URL = `${proxy.url}/v1`;
      credentials.openaiApiKey = proxy.placeholder;
    }
    if (options.port.firewall) {
      const egress = await startEgressProxy({ allowHosts: inputs["allowed-hosts"], log: options.log });
      closers.push(() => egress.close());
      const endpoints = [...proxies.map((p) => p.url), egress.url].map((url) => ({
        host: "127.0.0.1" as const,
        port: Number(new URL(url).port),
      }));
      await sandbox.restrictEgress(endpoints);
      Object.assign(envOverrides, {
        HTTPS_PROXY: egress.url,
        HTTP_PROXY: egress.url,
        https_proxy: egress.url,
        http_proxy: egress.url,
        NO_PROXY: "127.0.0.1,localhost",
        no_proxy: "127.0.0.1,localhost",
      });
    }
    // Codex keeps its state in CODEX_HOME, which must exist: a fresh one the agent owns.
    const codexHome = join(sandbox.root, "codex-home");
    await mkdir(codexHome);
    await sandbox.giveToAgent(codexHome);
    envOverrides.CODEX_HOME = codexHome;
    const workTree = join(sandbox.root, "repo");
    return {
      workTree,
      promptDir: sandbox.root,
      notesDir: sandbox.tmpDir,
      envOverrides,
      credentials,
      wrap: (command, args, childEnv) => {
        const wrapped = sandbox.wrap(command, args, childEnv, { cwd: workTree });
        return {
          command: wrapped.command,
          args: [...wrapped.args],
          env: { ...wrapped.env },
          cwd: wrapped.cwd,
        };
      },
      handOver: () => sandbox.giveToAgent(workTree),
      afterAgent: () => sandbox.takeBack(workTree),
      spentUsd: () => (proxies.length > 0 ? proxies.reduce((sum, p) => sum + p.spentUsd(), 0) : undefined),
      close,
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
