import type { GitHubClient } from "../github/github-client.js";
import { isStatus } from "../github/create-github-client.js";

/** Who started the run: the event's sender (the labelling user) or the dispatching actor. */
export interface Actor {
  login: string;
  /** "User", "Bot" or "Organization", as GitHub reports the sender. */
  type: string;
}

export interface GateDecision {
  allowed: boolean;
  /** One sentence for the job log saying why. */
  reason: string;
}

/** Roles that may start work. GitHub maps maintain to the legacy "write" permission and triage to "read". */
const WRITE_ROLES = new Set(["admin", "maintain", "write"]);

/**
 * Decides whether `actor` may start an orchestration. Coding agents get write access to the repository,
 * so only people who already have it may start them: triage can label issues but is refused.
 * Bots are refused unless allow-listed, and the `ghost` account (deleted users) always is.
 */
export async function checkActor(
  github: GitHubClient,
  actor: Actor,
  allowedBots: string[],
): Promise<GateDecision> {
  const login = actor.login;
  if (login === "" || login.toLowerCase() === "ghost") {
    return {
      allowed: false,
      reason: `Refused: the actor "${login || "(none)"}" is a deleted or unknown account.`,
    };
  }
  const isBot = actor.type === "Bot" || login.endsWith("[bot]");
  if (isBot) {
    const listed = allowedBots.some((bot) => bot.toLowerCase() === login.toLowerCase());
    return listed
      ? { allowed: true, reason: `Allowed: the bot "${login}" is listed in allowed-bots.` }
      : {
          allowed: false,
          reason: `Refused: "${login}" is a bot and is not listed in the allowed-bots input.`,
        };
  }
  let role: { permission: string; roleName: string };
  try {
    role = await github.getPermission(login);
  } catch (error) {
    if (isStatus(error, 404)) {
      return { allowed: false, reason: `Refused: "${login}" is not a collaborator of this repository.` };
    }
    throw error;
  }
  if (role.permission === "none" && (role.roleName === "" || role.roleName === "none")) {
    return { allowed: false, reason: `Refused: "${login}" has no access to this repository.` };
  }
  const allowed =
    WRITE_ROLES.has(role.roleName) || role.permission === "admin" || role.permission === "write";
  return allowed
    ? { allowed: true, reason: `Allowed: "${login}" has the ${role.roleName} role.` }
    : {
        allowed: false,
        reason: `Refused: "${login}" has the ${role.roleName || role.permission} role; starting agents needs write, maintain or admin.`,
      };
}
