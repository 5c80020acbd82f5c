import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInNetns } from "../harness/isolation-netns.js";
import { attack } from "./catalog.js";
import { PRIVILEGE_MODES, type Loot } from "./hostile-agent-helpers.js";

// The whole scenario — stand-ins, plan, agent jobs — inside a fresh network namespace, so the action's
// `egress-firewall: on` changes only that namespace's tables. Task 1 runs behind the firewall; task 2,
// the control, runs the same agent with the firewall off.
const ROOT = resolve(import.meta.dirname, "../..");
const HELPERS = resolve(import.meta.dirname, "hostile-agent-helpers.ts");

/** What the scenario prints: per task the step's exit code, the agent's findings and its status. */
interface EgressReport {
  exitCodes: number[];
  loot: Loot[];
  outcomes: string[];
  leaks: string[];
  planted: string[];
  /** The namespace's iptables rules once the jobs ended. */
  rulesAfter: string;
}

/** Runs in the namespace (tsx): one world, the two agent jobs, the report on stdout as one JSON line. */
const SCENARIO = `
import { execFileSync } from "node:child_process";
import { createHostileWorld } from ${JSON.stringify(HELPERS)};
const hw = await createHostileWorld(process.env.PTO_MODE, "## Sub-Tasks\\n- [ ] **Egress**: Create \`a/\`.\\n- [ ] **Control**: Create \`b/\`.\\n");
try {
  const model = await hw.model([{ text: "OK" }]);
  // Where a direct connection would go: the GitHub, Anthropic and artifact stand-ins.
  const direct = [hw.world.github.url, model.url, hw.world.artifacts.url].map((u) => new URL(u).host).join(",");
  const steps = [
    await hw.agent("1", "egress", () => ({ direct }), { inputs: { "egress-firewall": "on" } }),
    await hw.agent("2", "egress", () => ({ direct }), { inputs: { "egress-firewall": "off" } }),
  ];
  const report = {
    exitCodes: steps.map((s) => s.run.exitCode),
    loot: [hw.loot(1, "egress"), hw.loot(2, "egress")],
    outcomes: ["1", "2"].map((t) => hw.status(t).outcome),
    leaks: hw.leaks(),
    planted: hw.plantedRuns(),
    rulesAfter: execFileSync("iptables", ["-S"], { encoding: "utf8" }),
  };
  process.stdout.write(JSON.stringify(report) + "\\n");
} finally {
  await hw.close();
}
`;

/** The host's rules in every table the firewall could touch: they must not change. */
const hostRules = () =>
  ["iptables", "ip6tables"].map((tool) => execFileSync(tool, ["-S"], { encoding: "utf8" })).join("\n");

describe.each(PRIVILEGE_MODES)("the agent's network, the action running as %s", (mode) => {
  let report: EgressReport;
  let before: string;
  let after: string;
  const dir = mkdtempSync(join(tmpdir(), "pto-hostile-egress-"));

  beforeAll(async () => {
    writeFileSync(join(dir, "scenario.mts"), SCENARIO);
    before = hostRules();
    const result = await runInNetns([join(ROOT, "node_modules/.bin/tsx"), join(dir, "scenario.mts")], {
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? dir, PTO_MODE: mode },
      timeoutMs: 150_000,
    });
    after = hostRules();
    if (result.exitCode !== 0) throw new Error(`scenario failed (${result.exitCode}): ${result.stderr}`);
    report = JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "{}") as EgressReport;
  }, 180_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(attack("hostile-egress"), () => {
    const [walled, open] = report.loot as [Loot, Loot];
    // Behind the firewall the model answers through the proxy, and nothing else is reachable.
    expect(walled.tries["model request"]).toBe(200);
    expect(Object.values(walled.direct ?? {})).toEqual(["ECONNREFUSED", "ECONNREFUSED", "ECONNREFUSED"]);
    // The control, the same agent without the firewall, reaches all three.
    expect(open.tries["model request"]).toBe(200);
    expect(Object.values(open.direct ?? {})).toEqual(["connected", "connected", "connected"]);
    expect(report.exitCodes).toEqual([0, 0]);
    expect(report.outcomes).toEqual(["success", "success"]);
    expect(report.leaks).toEqual([]);
    expect(report.planted).toEqual([]);
    // The agent's rules lived in the namespace only, and are gone; the host's tables never changed.
    expect(report.rulesAfter).not.toContain(`PTO-${walled.uid}`);
    expect(after).toBe(before);
  });
});
