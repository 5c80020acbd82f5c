import { readFileSync, statSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attack } from "./catalog.js";
import {
  gitDir,
  createHostileWorld,
  PRIVILEGE_MODES,
  type HostileWorld,
  type StepRecord,
} from "./hostile-agent-helpers.js";

// Attacks on the runner around the agent: its ancestors' environment, the runner's files, the artifact
// service, and what outlives the agent. Each task's agent is the hostile agent with one behaviour.
const BODY = `## Sub-Tasks
- [ ] **Proc walk**: Create \`a/\`.
- [ ] **Runner files**: Create \`b/\`.
- [ ] **Forge artifacts**: Create \`c/\`.
- [ ] **Survivor**: Create \`d/\`.
- [ ] **Checkout credentials**: Create \`e/\`.
`;
const MARKER = "hostile-marker-3f9d";
const SURVIVOR_DELAY_SECONDS = 8;

/** A process's command line; "" once it is gone. */
function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "latin1").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

describe.each(PRIVILEGE_MODES)("a hostile agent against the runner, the action running as %s", (mode) => {
  let hw: HostileWorld;
  const steps: Record<string, StepRecord> = {};
  let aggregate: StepRecord;

  beforeAll(async () => {
    hw = await createHostileWorld(mode, BODY);
    const agent = hw.agent.bind(hw);
    const runs = await Promise.all([
      agent("1", "proc-walk", () => ({})),
      agent("2", "runner-files", (f) => ({
        marker: MARKER,
        env: f.GITHUB_ENV ?? "",
        output: f.GITHUB_OUTPUT ?? "",
        path: f.GITHUB_PATH ?? "",
        state: f.GITHUB_STATE ?? "",
        summary: f.GITHUB_STEP_SUMMARY ?? "",
      })),
      agent("3", "forge-artifacts", () => ({
        "results-url": hw.world.artifacts.url,
        master: String(hw.master),
        "other-task": "1",
      })),
      agent("4", "survivor", () => ({ delay: String(SURVIVOR_DELAY_SECONDS) })),
      agent("5", "checkout-credentials", (f) => ({
        credentials: f.CREDENTIALS ?? "",
        "runner-temp": f.RUNNER_TEMP ?? "",
        "runner-home": f.HOME ?? "",
      })),
    ]);
    for (const run of runs) steps[run.job] = run;
    aggregate = await hw.step("aggregate", () => ({ mode: "aggregate" }));
  }, 180_000);

  afterAll(async () => {
    await hw?.close();
  });

  /** What every attack must show: the task was published, no canary anywhere, nothing planted ran. */
  function expectContained(task: string) {
    const step = steps[`agent-${task}`] as StepRecord;
    expect(step.run.exitCode, step.run.stdout + step.run.stderr).toBe(0);
    expect(hw.status(task)).toMatchObject({ outcome: "success" });
    expect(hw.leaks()).toEqual([]);
    expect(hw.plantedRuns()).toEqual([]);
  }

  it(attack("hostile-proc-walk"), () => {
    expectContained("1");
    const loot = hw.loot(1, "proc-walk");
    expect(loot.uid).not.toBe(0);
    expect(loot.ancestors?.length).toBeGreaterThan(1);
    // The agent's parent: the action itself as root; as a runner user, the sudo that ran it.
    const parent = loot.tries[`cmdline ${loot.ancestors?.[0]}`];
    expect(parent).toMatch(mode === "root" ? /^\S*node \S*\/dist\/index\.js/ : /^\S*sudo -n -- \S*setpriv /);
    for (const pid of loot.ancestors ?? []) expect(loot.tries[`environ ${pid}`], `pid ${pid}`).toBe("EACCES");
    expect(loot.found.filter((f) => /^(INPUT_|ACTIONS_|GITHUB_TOKEN)/.test(f.name))).toEqual([]);
  });

  it(attack("hostile-runner-files"), () => {
    expectContained("2");
    const step = steps["agent-2"] as StepRecord;
    const loot = hw.loot(2, "runner-files");
    for (const name of ["env", "output", "path", "state", "summary"]) {
      expect(loot.tries[`append ${name}`], name).toBe("EACCES");
    }
    expect(JSON.stringify(step.outputs)).not.toContain(MARKER);
    expect(step.summary).not.toContain(MARKER);
    for (const name of [
      "GITHUB_ENV",
      "GITHUB_PATH",
      "GITHUB_STATE",
      "GITHUB_OUTPUT",
      "GITHUB_STEP_SUMMARY",
    ]) {
      const file = step.paths[name] as string;
      expect(readFileSync(file, "utf8"), name).not.toContain(MARKER);
      // Closed while the agent ran, given back as they were afterwards.
      expect(statSync(file).mode & 0o777, name).toBe(0o666);
    }
    expect(readFileSync(step.paths.GITHUB_PATH as string, "utf8")).not.toContain(hw.ranDir);
  });

  it(attack("hostile-forged-artifacts"), () => {
    expectContained("3");
    const loot = hw.loot(3, "forge-artifacts");
    expect(loot.found.filter((f) => f.name === "ACTIONS_RUNTIME_TOKEN")).toEqual([]);
    expect(loot.uploads).toEqual([]);
    const names = hw.world.artifacts.artifacts.map((a) => a.name).sort();
    expect(names).toEqual([
      `plan-${hw.master}-1.json`,
      ...["1", "2", "3", "4", "5"].map((t) => `status-${hw.master}-${t}-1.json`),
    ]);
    expect(hw.world.artifacts.requests.filter((r) => r.artifactName?.endsWith("-99.json"))).toEqual([]);
    // The aggregate afterwards reports what the agents really did.
    expect(aggregate.run.exitCode, aggregate.run.stdout).toBe(0);
    const result = JSON.parse(aggregate.outputs.result ?? "{}") as {
      tasks: Array<{ id: string; outcome: string }>;
    };
    expect(result.tasks.map((t) => [t.id, t.outcome])).toEqual(
      ["1", "2", "3", "4", "5"].map((id) => [id, "success"]),
    );
  });

  it(attack("hostile-setsid-survivor"), async () => {
    expectContained("4");
    const loot = hw.loot(4, "survivor");
    expect(loot.survivors).toHaveLength(2);
    // Each recorded pid is gone, or has been reused by another program.
    for (const pid of loot.survivors ?? [])
      expect(commandLine(pid), `pid ${pid}`).not.toMatch(/sleep 1000|survivor/);
    // The delayed survivor would have written the witness by now; wait past its time, checking.
    const due = loot.started + (SURVIVOR_DELAY_SECONDS + 4) * 1000;
    while (Date.now() < due) {
      expect(hw.plantedRuns()).toEqual([]);
      await delay(250);
    }
    expect(hw.plantedRuns()).toEqual([]);
  });

  it(attack("hostile-checkout-credentials"), () => {
    expectContained("5");
    const loot = hw.loot(5, "checkout-credentials");
    expect(loot.tries).toMatchObject({
      "read credential file": "EACCES",
      "list runner temp": "EACCES",
      "list runner home": "EACCES",
      "read runner .git-credentials": "EACCES",
    });
  });
});

describe.runIf(PRIVILEGE_MODES.includes("root"))("the same hostile agent without isolation", () => {
  let hw: HostileWorld;
  let step: StepRecord;
  beforeAll(async () => {
    hw = await createHostileWorld("root", "## Sub-Tasks\n- [ ] **Control**: Create `a/`.\n");
    step = await hw.agent(
      "1",
      "forge-artifacts,runner-files,checkout-credentials",
      (f) => ({
        ...{ "results-url": hw.world.artifacts.url, master: String(hw.master), "other-task": "2" },
        ...{ marker: MARKER, env: f.GITHUB_ENV ?? "", credentials: f.CREDENTIALS ?? "" },
      }),
      { inputs: { isolation: "none" } },
    );
  }, 120_000);
  afterAll(async () => {
    await hw?.close();
  });

  it("control: finds the runtime token and uploads a forged plan, writes GITHUB_ENV, and what it sends the model carries canaries", () => {
    expect(hw.world.artifacts.artifacts.map((a) => [a.name, a.jobBackendId])).toContainEqual([
      `plan-${hw.master}-99.json`,
      "agent-1",
    ]);
    expect(readFileSync(step.paths.GITHUB_ENV as string, "utf8")).toContain(MARKER);
    expect(
      hw.leaks().filter((leak) => leak.endsWith("in model requests (but the proxy's credential header)")),
    ).not.toEqual([]);
    // The secret scan is the next layer: the loot it would have published holds the job's credentials.
    expect(hw.status("1")).toMatchObject({ outcome: "refused", error_type: "SECRET_IN_CHANGES" });
    expect(gitDir(hw.world.origin.origin, "for-each-ref")).not.toContain(hw.branches[0]);
  });
});
