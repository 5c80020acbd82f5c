/**
 * Identity and repository endpoints: `GET /user`, `GET /repos/{o}/{r}` and the collaborator
 * permission check the action uses to decide whose label events to trust.
 */
import { errorReply, type Route } from "./http.js";
import { renderRepository, renderUser } from "./representations.js";
import { ensureUser, roleOf, timestamp } from "./state.js";
import type { Role } from "./types.js";

/**
 * `permission` is the legacy base role: "the maintain role is mapped to write and the triage role is
 * mapped to read" (GitHub docs); `role_name` keeps the real role.
 */
const LEGACY_PERMISSION: Record<Role, string> = {
  admin: "admin",
  maintain: "write",
  write: "write",
  triage: "read",
  read: "read",
  none: "none",
};

/** What each role may do, as the `permissions` object of a collaborator reports it. */
function permissionFlags(role: Role) {
  const rank = ["none", "read", "triage", "write", "maintain", "admin"].indexOf(role);
  return { pull: rank >= 1, triage: rank >= 2, push: rank >= 3, maintain: rank >= 4, admin: rank >= 5 };
}

/** `GET /user`, `GET /repos/{o}/{r}` and collaborator permission. */
export const repoRoutes: Route[] = [
  {
    operationId: "users/get-authenticated",
    handler: (ctx) => {
      // Installation tokens (GITHUB_TOKEN, apps) have no user behind them: GitHub answers 403.
      if (ctx.actor.type !== "User") {
        return errorReply(403, "Resource not accessible by integration", ctx.documentationUrl);
      }
      const created = "2020-01-01T00:00:00Z";
      return {
        status: 200,
        body: {
          ...renderUser(ctx.render, ctx.actor.login),
          name: null,
          company: null,
          blog: "",
          location: null,
          email: null,
          notification_email: null,
          hireable: null,
          bio: null,
          twitter_username: null,
          public_repos: 0,
          public_gists: 0,
          followers: 0,
          following: 0,
          created_at: created,
          updated_at: timestamp(),
          private_gists: 0,
          total_private_repos: 1,
          owned_private_repos: 0,
          disk_usage: 0,
          collaborators: 0,
          two_factor_authentication: true,
        },
      };
    },
  },
  {
    operationId: "repos/get",
    handler: (ctx) => ({ status: 200, body: renderRepository(ctx.render, true) }),
  },
  {
    operationId: "repos/get-collaborator-permission-level",
    handler: (ctx) => {
      const username = ctx.params.username ?? "";
      const role = roleOf(ctx.state, username);
      const user = ensureUser(ctx.state, username);
      return {
        status: 200,
        body: {
          permission: LEGACY_PERMISSION[role],
          role_name: role,
          user: {
            ...renderUser(ctx.render, user.login),
            permissions: permissionFlags(role),
            role_name: role,
          },
        },
      };
    },
  },
];
