import { describe, expect, it } from "vitest";
import type { AgentOutcome } from "./adapters/agent-adapter.js";
import { buildStatusOrFallback, decideOutcome, type StatusFacts } from "./build-status.js";

const agent: AgentOutcome = {
  outcome: "success",
  error_type: null,
  reason: "Claude Code finished in 4 turns.",
  result_subtype: "success",
  is_error: false,
  num_turns: 4,
  cost_usd: 0.25,
  tokens: { input: 10, output: 20, cache_read: 0, cache_write: 0 },
  final_message: "Done.",
  model: "claude-sonnet-4-5",
  denied_tools: [],
};

const facts = (extra: Partial<StatusFacts> = {}): StatusFacts => ({
  master: 7,
  taskId: "2",
  subIssue: 12,
  branch: "orchestrator/7/2-login",
  baseBranch: "main",
  agentKind: "claude",
  model: null,
  maxTurns: null,
  startedAt: new Date("2026-12-05T06:00:00Z"),
  agentDurationMs: 61_000,
  agent,
  changes: { commits: 2, shas: ["a", "b"], files: ["src/login.ts"], linesAdded: 30, linesRemoved: 2 },
  run: { runId: 1, runAttempt: 2, job: "agent" },
  metadata: {},
  ...extra,
});
const now = new Date("2026-12-05T06:02:00Z");
const same = (text: string) => text;

describe("decideOutcome", () => {
  it("is the agent's success when this attempt committed", () => {
    expect(decideOutcome(facts({ attemptChanged: true }))).toEqual({
      outcome: "success",
      errorType: null,
      reason: "Claude Code finished in 4 turns.",
    });
  });

  it("says so when the agent left a reused branch's earlier commits as they were", () => {
    expect(decideOutcome(facts({ attemptChanged: false }))).toEqual({
      outcome: "success",
      errorType: null,
      reason:
        "Claude Code finished in 4 turns. It added no commit in this attempt: the branch already held 2 commits from an earlier attempt, which the agent left as they were.",
    });
  });

  it("is no_changes when the branch holds nothing beyond its base, naming refused tools", () => {
    const none = { commits: 0, shas: [], files: [], linesAdded: 0, linesRemoved: 0 };
    expect(
      decideOutcome(
        facts({ changes: none, attemptChanged: false, agent: { ...agent, denied_tools: ["Bash(curl x)"] } }),
      ),
    ).toMatchObject({ outcome: "no_changes", errorType: "NO_CHANGES" });
    expect(decideOutcome(facts({ changes: none })).reason).toContain("without changing any file");
  });

  it("lets an override win over the agent's verdict", () => {
    const override = { outcome: "push_failed", errorType: "PUSH_FAILED", reason: "rejected" } as const;
    expect(decideOutcome(facts({ override }))).toEqual(override);
  });
});

describe("buildStatusOrFallback", () => {
  it("builds the full status from valid facts", () => {
    const status = buildStatusOrFallback(facts(), now, same);
    expect(status).toMatchObject({ outcome: "success", cost_usd: 0.25, lines_added: 30, num_turns: 4 });
  });

  it("still gives the aggregator a crashed status, naming the problem and the PR, when the facts fail the schema", () => {
    const broken = facts({
      agent: { ...agent, cost_usd: -1 },
      pr: { number: 40, url: "https://github.com/o/r/pull/40" },
    });
    const status = buildStatusOrFallback(broken, now, same);
    expect(status).toMatchObject({
      task_id: "2",
      master_issue: 7,
      sub_issue: 12,
      branch_name: "orchestrator/7/2-login",
      status: "failed",
      outcome: "crashed",
      error_type: "CRASHED",
      cost_usd: null,
      duration_seconds: 61,
    });
    expect(status.outcome_reason).toMatch(/^The status document could not be built \(.*cost_usd/);
    expect(status.outcome_reason).toContain("Pull request: https://github.com/o/r/pull/40");
  });
});
