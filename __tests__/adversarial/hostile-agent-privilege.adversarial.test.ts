import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attack } from "./catalog.js";
import { createHostileWorld, gitDir, PRIVILEGE_MODES, type HostileWorld } from "./hostile-agent-helpers.js";

const BODY = "## Sub-Tasks\n- [ ] **Note**: Create `notes/`.\n- [ ] **Other note**: Create `other/`.\n";

// A runner with neither root nor passwordless sudo (some self-hosted runners): the sudo runner user of
// the catalogue with its sudoers entry taken away.
describe.skipIf(!PRIVILEGE_MODES.includes("sudo"))("a runner that cannot isolate the agent", () => {
  let hw: HostileWorld;
  beforeAll(async () => {
    hw = await createHostileWorld("sudo", BODY);
    hw.runner?.revokeSudo();
  }, 120_000);
  afterAll(async () => {
    await hw?.close();
  });

  it(attack("isolation-unavailable"), async () => {
    const refused = await hw.agent("1", "workflow-file");
    expect(refused.run.exitCode).toBe(1);
    expect(hw.status("1")).toMatchObject({ outcome: "crashed", error_type: "ISOLATION_UNAVAILABLE" });
    expect(String(hw.status("1").outcome_reason)).toContain("isolation: none");
    // The agent never ran: nothing of task 1 was pushed.
    expect(gitDir(hw.world.origin.origin, "for-each-ref", "refs/heads/")).not.toContain(`/${hw.master}/1-`);

    // Opting out runs it as the runner's own user, and says so in the log.
    const unisolated = await hw.agent("2", "workflow-file", undefined, { inputs: { isolation: "none" } });
    expect(unisolated.run.stdout).toContain("isolation: none");
    expect(hw.status("2")).not.toMatchObject({ error_type: "ISOLATION_UNAVAILABLE" });
  });
});
