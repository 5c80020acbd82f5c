import { chmodSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attack } from "./catalog.js";
import {
  createHostileWorld,
  gitDir,
  PRIVILEGE_MODES,
  type HostileWorld,
  type StepRecord,
} from "./hostile-agent-helpers.js";

// Attacks on the git the action runs after the agent: hooks and commands planted in the configuration
// the agent can write, a push redirected elsewhere, a file that would run with the repository's secrets
// once pushed, and a `git` planted on PATH. Each task's agent is the hostile agent with one behaviour.
const BODY = `## Sub-Tasks
- [ ] **Hooks**: Create \`a/\`.
- [ ] **Push redirect**: Create \`b/\`.
- [ ] **Workflow file**: Create \`c/\`.
`;
const RUNNER_GITCONFIG = "[user]\n\tname = runner\n";

describe.each(PRIVILEGE_MODES)(
  "a hostile agent against the action's git, the action running as %s",
  (mode) => {
    let hw: HostileWorld;
    let steps: StepRecord[];

    beforeAll(async () => {
      hw = await createHostileWorld(mode, BODY);
      steps = await Promise.all([
        hw.agent("1", "hooks", (f) => ({ "runner-home": f.HOME ?? "" })),
        hw.agent("2", "push-redirect", (f) => ({
          evil: hw.evil,
          origin: hw.world.origin.originUrl,
          "runner-home": f.HOME ?? "",
        })),
        hw.agent("3", "workflow-file"),
      ]);
    }, 120_000);

    afterAll(async () => {
      await hw?.close();
    });

    /** The task was published, no canary is anywhere, nothing planted ran. */
    function expectContained(task: number) {
      const step = steps[task - 1] as StepRecord;
      expect(step.run.exitCode, step.run.stdout + step.run.stderr).toBe(0);
      expect(hw.status(String(task))).toMatchObject({ outcome: "success" });
      expect(hw.leaks()).toEqual([]);
      expect(hw.plantedRuns()).toEqual([]);
    }

    it(attack("hostile-git-hooks"), () => {
      expectContained(1);
      const loot = hw.loot(1, "hooks");
      // Everything was planted where the agent may write; the runner's own HOME stayed closed.
      expect(loot.tries).toMatchObject({
        "hook W/.git/hooks/pre-commit": "ok",
        "hook W/.git/hooks/pre-push": "ok",
        "hook W/.git/hooks/post-checkout": "ok",
        "hook W/.git/hooks/reference-transaction": "ok",
        "write W/.git/config": "ok",
        "write HOME/.gitconfig": "ok",
        "write HOME/.config/git/config": "ok",
        "write runner HOME/.gitconfig": "EACCES",
        // Live: a plain `git status` and `git commit` in the tree (the agent's own, told to only take note) ran them.
        "plants that ran for a naive git": expect.stringMatching(/hookspath-pre-commit.*program/),
      });
      const step = steps[0] as StepRecord;
      expect(readFileSync(`${step.paths.HOME}/.gitconfig`, "utf8")).toBe(RUNNER_GITCONFIG);
    });

    it(attack("hostile-push-redirect"), () => {
      expectContained(2);
      expect(hw.loot(2, "push-redirect").tries).toMatchObject({
        "write W/.git/config": "ok",
        "write HOME/.gitconfig": "ok",
        "write runner HOME/.gitconfig": "EACCES",
        "naive git's url": `file://${hw.evil}`,
      });
      expect(gitDir(hw.evil, "for-each-ref")).toBe("");
      expect(gitDir(hw.evil, "count-objects", "-v")).toMatch(/^count: 0\nsize: 0\nin-pack: 0\n/);
      expect(gitDir(hw.world.origin.origin, "for-each-ref", "--format=%(refname)")).toContain(
        `refs/heads/${hw.branches[1]}`,
      );
    });

    it(attack("hostile-workflow-file"), () => {
      const step = steps[2] as StepRecord;
      expect(step.run.exitCode).toBe(1);
      const status = hw.status("3");
      expect(status).toMatchObject({ outcome: "refused", error_type: "PROTECTED_PATH", pr_number: null });
      expect(status.outcome_reason).toContain("`.github/workflows/evil.yml`");
      expect(gitDir(hw.world.origin.origin, "for-each-ref", "--format=%(refname)")).not.toContain(
        hw.branches[2],
      );
      expect([...hw.world.github.state.pulls.values()].map((p) => p.head)).not.toContain(hw.branches[2]);
      expect(hw.leaks()).toEqual([]);
      expect(hw.plantedRuns()).toEqual([]);
    });
  },
);

// In a world of its own: a shim that runs would leak into every test sharing the world.
describe.each(PRIVILEGE_MODES)(
  "a hostile agent planting a program on PATH, the action running as %s",
  (mode) => {
    let hw: HostileWorld;
    let step: StepRecord;
    /** A directory on the step's PATH that everyone may write, as /usr/local/bin on GitHub's images. */
    let bin: string;

    beforeAll(async () => {
      hw = await createHostileWorld(mode, "## Sub-Tasks\n- [ ] **Path shim**: Create `a/`.\n");
      bin = join(dirname(hw.witness), "bin");
      mkdirSync(bin);
      chmodSync(bin, 0o777);
      step = await hw.agent("1", "path-shim", () => ({}), {
        env: { PATH: `${bin}:${process.env.PATH ?? ""}` },
      });
    }, 120_000);

    afterAll(async () => {
      await hw?.close();
    });

    it(attack("hostile-path-shim"), () => {
      expect(step.run.exitCode, step.run.stdout + step.run.stderr).toBe(0);
      expect(hw.status("1")).toMatchObject({ outcome: "success" });
      expect(hw.loot(1, "path-shim").tries).toMatchObject({ [`plant ${bin}/git`]: "ok" });
      expect(hw.plantedRuns()).toEqual([]);
      expect(hw.leaks()).toEqual([]);
      // Swept with everything else the agent's user left: no later step finds it.
      expect(readdirSync(bin)).toEqual([]);
    });
  },
);
