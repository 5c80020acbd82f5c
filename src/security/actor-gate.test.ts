import { describe, expect, it } from "vitest";
import type { GitHubClient, Permission } from "../github/github-client.js";
import { checkActor } from "./actor-gate.js";

/** A GitHubClient that only answers permission questions; any other call is a test failure. */
function permissions(roles: Record<string, Permission>): GitHubClient {
  const client = new Proxy({} as GitHubClient, {
    get(_target, prop) {
      if (prop === "getPermission") {
        return async (login: string) => {
          const role = roles[login];
          if (!role) throw Object.assign(new Error("Not Found"), { status: 404 });
          return role;
        };
      }
      throw new Error(`unexpected call ${String(prop)}`);
    },
  });
  return client;
}

const roles = {
  admin: { permission: "admin", roleName: "admin" },
  maintainer: { permission: "write", roleName: "maintain" },
  writer: { permission: "write", roleName: "write" },
  triager: { permission: "read", roleName: "triage" },
  reader: { permission: "read", roleName: "read" },
  custom: { permission: "write", roleName: "release-manager" },
};

describe("checkActor", () => {
  it.each(["admin", "maintainer", "writer", "custom"])("allows %s", async (login) => {
    const decision = await checkActor(permissions(roles), { login, type: "User" }, []);
    expect(decision.allowed).toBe(true);
  });

  it.each([
    ["triager", /has the triage role; starting agents needs write, maintain or admin/],
    ["reader", /has the read role/],
    ["stranger", /is not a collaborator/],
  ])("refuses %s and says why", async (login, reason) => {
    const decision = await checkActor(permissions(roles), { login, type: "User" }, []);
    expect(decision.allowed).toBe(false);
    expect(decision.reason).toMatch(reason);
  });

  it("refuses bots unless allow-listed, without asking GitHub", async () => {
    const github = permissions({});
    expect(await checkActor(github, { login: "renovate[bot]", type: "Bot" }, [])).toMatchObject({
      allowed: false,
      reason: expect.stringContaining("not listed in the allowed-bots input"),
    });
    expect(
      await checkActor(github, { login: "renovate[bot]", type: "Bot" }, ["Renovate[bot]"]),
    ).toMatchObject({
      allowed: true,
    });
  });

  it("refuses the ghost account and an empty actor", async () => {
    expect((await checkActor(permissions(roles), { login: "ghost", type: "User" }, [])).allowed).toBe(false);
    expect((await checkActor(permissions(roles), { login: "", type: "User" }, [])).allowed).toBe(false);
  });
});
