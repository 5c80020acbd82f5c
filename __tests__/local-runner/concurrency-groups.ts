/**
 * GitHub's workflow-level `concurrency` for the local runner. With `cancel-in-progress: false` (what
 * orchestrate.yml declares) a group has at most one run in progress and one pending: a new run waits
 * for the running one, and a still newer run replaces the pending one, which ends cancelled without
 * running a job. Groups are scoped like GitHub's, per repository (and per GitHub stand-in here, so two
 * test worlds never share a group).
 */

interface Pending {
  replace(): void;
}

interface GroupState {
  /** Resolves when the run in progress has finished. */
  running: Promise<void> | undefined;
  pending: Pending | undefined;
}

const groups = new Map<string, GroupState>();

/** What a run got from its group: a slot to run in (release it when done), or cancelled while pending. */
export type ConcurrencySlot = { release(): void; queuedMs: number; acquiredAt: Date } | "replaced";

/** Waits for the run's turn in `key`'s group. */
export async function acquireConcurrencySlot(key: string): Promise<ConcurrencySlot> {
  const started = Date.now();
  let state = groups.get(key);
  if (!state) {
    state = { running: undefined, pending: undefined };
    groups.set(key, state);
  }
  const group = state;
  if (group.running) {
    // Only one run may wait: the newest. The one it replaces ends cancelled, as on GitHub.
    group.pending?.replace();
    const turn = await new Promise<"go" | "replaced">((resolve) => {
      const me: Pending = { replace: () => resolve("replaced") };
      group.pending = me;
      void group.running?.then(() => {
        if (group.pending === me) resolve("go");
      });
    });
    if (turn === "replaced") return "replaced";
    group.pending = undefined;
    // A run that was pending behind several finished runs waits for the latest one too.
    while (group.running) await group.running;
  }
  let release!: () => void;
  group.running = new Promise<void>((resolve) => {
    release = () => {
      group.running = undefined;
      resolve();
    };
  });
  const acquiredAt = new Date();
  return { release, queuedMs: acquiredAt.getTime() - started, acquiredAt };
}
