import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

/** Where `npm ci` put the real Claude Code CLI (a dev dependency). */
export const CLAUDE_BIN_DIR = resolve(import.meta.dirname, "../../node_modules/.bin");

/**
 * The step environment for an agent job running the real `claude` against the Anthropic stand-in at
 * `anthropicUrl`: the CLI on PATH, a fresh HOME (no stored login or settings), no retries of a dead API.
 */
export function claudeStepEnv(checkout: string, anthropicUrl: string): Record<string, string> {
  return {
    GITHUB_WORKSPACE: checkout,
    PATH: `${CLAUDE_BIN_DIR}:${dirname(process.execPath)}:${process.env.PATH ?? ""}`,
    HOME: mkdtempSync(join(tmpdir(), "pto-claude-home-")),
    ANTHROPIC_BASE_URL: anthropicUrl,
    CLAUDE_CODE_MAX_RETRIES: "0",
    API_TIMEOUT_MS: "20000",
  };
}
