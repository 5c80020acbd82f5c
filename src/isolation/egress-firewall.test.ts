import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInNetns } from "../../__tests__/harness/isolation-netns.js";
import { buildFirewallScript, buildRemovalScript, chainName } from "./egress-firewall.js";

const isRoot = process.getuid?.() === 0;
const REPO = join(import.meta.dirname, "../..");

describe("egress firewall rules", () => {
  it("accepts replies and the allowed loopback ports of the family, and rejects the rest at once", () => {
    const allow = [
      { host: "127.0.0.1", port: 8080 },
      { host: "::1", port: 9090 },
      { host: "127.0.0.1", port: 8080 },
    ] as const;
    expect(buildFirewallScript("ipv4", 998, allow).split("\n")).toEqual([
      "*filter",
      ":PTO-998 - [0:0]",
      "-A PTO-998 -m conntrack --ctstate ESTABLISHED -j ACCEPT",
      "-A PTO-998 -o lo -d 127.0.0.1/32 -p tcp -m tcp --dport 8080 -j ACCEPT",
      "-A PTO-998 -p tcp -j REJECT --reject-with tcp-reset",
      "-A PTO-998 -j REJECT --reject-with icmp-port-unreachable",
      "-I OUTPUT -m owner --uid-owner 998 -j PTO-998",
      "COMMIT",
      "",
    ]);
    const v6 = buildFirewallScript("ipv6", 998, allow);
    expect(v6).toContain("-A PTO-998 -o lo -d ::1/128 -p tcp -m tcp --dport 9090 -j ACCEPT");
    expect(v6).toContain("-A PTO-998 -j REJECT --reject-with icmp6-port-unreachable");
    expect(v6).not.toContain("8080");
    expect(buildFirewallScript("ipv4", 998, [])).not.toContain("--dport");
    expect(() => buildFirewallScript("ipv4", 998, [{ host: "127.0.0.1", port: 70_000 }])).toThrow(/70000/);
  });

  it("removes every jump to the user's chain and the chain, and nothing when nothing is left", () => {
    const listing = [
      "-P OUTPUT ACCEPT",
      "-N PTO-998",
      "-N PTO-9980",
      "-A OUTPUT -m owner --uid-owner 998 -j PTO-998",
      "-A OUTPUT -m owner --uid-owner 9980 -j PTO-9980",
      "-A OUTPUT -m owner --uid-owner 998 -j PTO-998",
      "-A PTO-998 -j REJECT --reject-with icmp-port-unreachable",
    ].join("\n");
    expect(buildRemovalScript(998, listing)?.split("\n")).toEqual([
      "*filter",
      "-D OUTPUT -m owner --uid-owner 998 -j PTO-998",
      "-D OUTPUT -m owner --uid-owner 998 -j PTO-998",
      "-F PTO-998",
      "-X PTO-998",
      "COMMIT",
      "",
    ]);
    expect(buildRemovalScript(998, "-P OUTPUT ACCEPT\n-N PTO-9980\n")).toBeUndefined();
    expect(chainName(998)).toBe("PTO-998");
  });
});

/** Applies, replaces and removes rules for a uid inside the namespace, printing both tables after each step. */
const SCRIPT = `
import { execFileSync } from "node:child_process";
import { applyEgressFirewall, iptablesUsable } from ${JSON.stringify(join(REPO, "src/isolation/egress-firewall.ts"))};
const privilege = { kind: "root" };
const tables = () => ["iptables", "ip6tables"].map((t) => execFileSync(t, ["-S"], { encoding: "utf8" })).join("");
const steps = { usable: (await iptablesUsable(privilege)).usable };
const first = await applyEgressFirewall({ privilege, uid: 4242, allow: [{ host: "127.0.0.1", port: 1111 }] });
steps.applied = tables();
const second = await applyEgressFirewall({ privilege, uid: 4242, allow: [{ host: "::1", port: 2222 }] });
steps.replaced = tables();
await second.remove();
steps.removed = tables();
await first.remove();
await second.remove();
steps.removedTwice = tables();
console.log(JSON.stringify(steps));
`;

describe.skipIf(!isRoot)("applyEgressFirewall in a fresh network namespace", () => {
  it("loads a chain per uid in both families, replaces a stale one, and removes it idempotently", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pto-firewall-"));
    const file = join(dir, "firewall.mts");
    writeFileSync(file, SCRIPT);
    // tsx is resolved from the working directory, the checkout.
    const result = await runInNetns([process.execPath, "--import", "tsx", file], {
      env: { PATH: process.env.PATH ?? "/usr/sbin:/usr/bin:/sbin:/bin" },
    });
    rmSync(dir, { recursive: true, force: true });
    expect(result.exitCode, result.stderr).toBe(0);
    const steps = JSON.parse(result.stdout) as Record<string, string | boolean>;
    expect(steps.usable).toBe(true);
    const applied = String(steps.applied);
    expect(applied).toContain("-A OUTPUT -m owner --uid-owner 4242 -j PTO-4242");
    expect(applied).toContain("-A PTO-4242 -d 127.0.0.1/32 -o lo -p tcp -m tcp --dport 1111 -j ACCEPT");
    expect(applied).toContain("-A PTO-4242 -j REJECT --reject-with icmp6-port-unreachable");
    const replaced = String(steps.replaced);
    expect(replaced).not.toContain("--dport 1111");
    expect(replaced).toContain("-A PTO-4242 -d ::1/128 -o lo -p tcp -m tcp --dport 2222 -j ACCEPT");
    expect(String(steps.removed)).not.toContain("PTO-4242");
    expect(String(steps.removedTwice)).not.toContain("PTO-4242");
  });
});
