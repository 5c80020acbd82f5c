import type { GitHubClient } from "./github/github-client.js";
import type { TriggerEvent } from "./trigger-event.js";

/** The account GITHUB_TOKEN acts as; the fallback when the token cannot tell us who it is. */
export const DEFAULT_BOT_LOGIN = "github-actions[bot]";

/** The master issue: the input when given, else the issue of an `issues` event. */
export function resolveMasterIssue(input: number | undefined, event: TriggerEvent): number {
  if (input !== undefined) return input;
  if (event.issue) return event.issue.number;
  throw new Error(
    `Input "master-issue" is required when the workflow is started by a ${event.name || "unknown"} event: pass the issue number.`,
  );
}

/**
 * The login whose markers we trust: the bot-login input, else the token's own login (a personal token
 * can ask GitHub), else github-actions[bot] (what GITHUB_TOKEN writes as). App tokens must set bot-login.
 */
export async function resolveTrustedLogin(github: GitHubClient, input: string | undefined): Promise<string> {
  return input ?? (await github.getAuthenticatedLogin()) ?? DEFAULT_BOT_LOGIN;
}
