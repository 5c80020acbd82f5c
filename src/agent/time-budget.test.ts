import { describe, expect, it } from "vitest";
import { stoppedOutcome, unlessStopped, withTimeout } from "./time-budget.js";

describe("withTimeout", () => {
  it("passes the work's result through", async () => {
    await expect(withTimeout(Promise.resolve(3), 1_000, "The upload")).resolves.toBe(3);
  });

  it("rejects, naming the work, when it does not settle in time", async () => {
    const never = new Promise<number>(() => undefined);
    await expect(withTimeout(never, 20, "The upload")).rejects.toThrow(
      "The upload did not finish within 0.02 s",
    );
  });
});

describe("unlessStopped", () => {
  it("does not start work once stopped, and stops waiting when stopped meanwhile", async () => {
    const stopped = AbortSignal.abort();
    let started = false;
    await expect(unlessStopped(stopped, async () => (started = true))).rejects.toThrow("Stopped");
    expect(started).toBe(false);
    const controller = new AbortController();
    const waiting = unlessStopped(controller.signal, () => new Promise(() => undefined));
    controller.abort();
    await expect(waiting).rejects.toThrow("Stopped");
  });
});

describe("stoppedOutcome", () => {
  it("is cancelled when the runner cancelled, before or after the agent started", () => {
    expect(stoppedOutcome(true, "preparing the checkout", 2400, false)).toEqual({
      outcome: "cancelled",
      errorType: "CANCELLED",
      reason: "The job was cancelled before the agent started.",
    });
    expect(stoppedOutcome(true, "publishing the work", 2400, true).reason).toBe("The job was cancelled.");
  });

  it("is a timeout naming the budget and the phase when the time budget ran out", () => {
    expect(stoppedOutcome(false, "installing the agent CLI", 2400, false)).toEqual({
      outcome: "timeout",
      errorType: "TIMEOUT",
      reason:
        "The job used up its time budget of 2400 s (timeout-seconds + overhead-timeout-seconds) while installing the agent CLI; what was still running was abandoned so this status could be uploaded.",
    });
  });
});
