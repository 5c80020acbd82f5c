import type { AgentAdapter, AgentKind } from "./agent-adapter.js";
import { claudeAdapter } from "./claude.js";
import { codexAdapter } from "./codex.js";
import { commandAdapter } from "./command.js";

const ADAPTERS: Readonly<Record<AgentKind, AgentAdapter>> = {
  claude: claudeAdapter,
  codex: codexAdapter,
  command: commandAdapter,
};

/** The adapter for an agent kind. */
export function selectAdapter(kind: AgentKind): AgentAdapter {
  return ADAPTERS[kind];
}
