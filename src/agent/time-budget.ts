import type { OutcomeOverride } from "./build-status.js";

/** Raised inside the run to end it with a given outcome (push rejected, PR refused, …). */
export class OutcomeError extends Error {
  constructor(readonly override: OutcomeOverride) {
    super(override.reason);
  }
}

/** The job was cancelled, or ran out of its time budget, while waiting for work of its own. */
export class StoppedError extends Error {
  constructor() {
    super("Stopped while waiting.");
  }
}

/**
 * `start()`'s result, unless `signal` aborts first: then it rejects at once with StoppedError and stops
 * waiting (the work, if started, is left to finish unobserved). Not started at all when the signal is
 * already aborted.
 */
export function unlessStopped<T>(signal: AbortSignal, start: () => Promise<T>): Promise<T> {
  if (signal.aborted) return Promise.reject(new StoppedError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new StoppedError());
    signal.addEventListener("abort", onAbort, { once: true });
    start()
      .then(resolve, reject)
      .finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** `work`, or a rejection naming `what` once `ms` have passed without it settling. */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/** What the job is doing, for a reason that says where time ran out. */
export type Phase =
  "preparing the checkout" | "installing the agent CLI" | "running the agent" | "publishing the work";

/** A promise whose rejection is handled later (or never): keeps it from counting as unhandled meanwhile. */
export function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** The outcome of a job stopped by a cancellation or by its time budget, in the phase it was in. */
export function stoppedOutcome(
  cancelled: boolean,
  phase: Phase,
  budgetSeconds: number,
  agentRan: boolean,
): OutcomeOverride {
  if (cancelled) {
    return {
      outcome: "cancelled",
      errorType: "CANCELLED",
      reason: agentRan ? "The job was cancelled." : "The job was cancelled before the agent started.",
    };
  }
  return {
    outcome: "timeout",
    errorType: "TIMEOUT",
    reason:
      `The job used up its time budget of ${budgetSeconds} s (timeout-seconds + overhead-timeout-seconds) ` +
      `while ${phase}; what was still running was abandoned so this status could be uploaded.`,
  };
}
