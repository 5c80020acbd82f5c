import { describe, expect, it } from "vitest";
import { readInputs } from "./inputs.js";

const from = (values: Record<string, string>) => (name: string) => values[name] ?? "";
const base = { mode: "plan", "github-token": "ghs_secret_value" };

describe("readInputs", () => {
  it("applies the documented defaults", () => {
    expect(readInputs(from(base))).toEqual({
      mode: "plan",
      "github-token": "ghs_secret_value",
      "allowed-bots": [],
      "api-write-interval-ms": 1000,
      "branch-prefix": "orchestrator",
      "dry-run": false,
      retry: false,
      "on-overlap": "warn",
      "sub-issue-title": "[Master #{master}] {title}",
      "sub-issue-labels": ["parallel-orchestration", "sub-issue"],
    });
  });

  it("parses every plan input", () => {
    const inputs = readInputs(
      from({
        ...base,
        "master-issue": "42",
        "dry-run": "true",
        tasks: "1,3-4",
        "on-overlap": "fail",
        "allowed-bots": "renovate[bot], dependabot[bot]",
        "bot-login": "my-app[bot]",
        "sub-issue-labels": "a,b\nc",
      }),
    );
    expect(inputs).toMatchObject({
      "master-issue": 42,
      "dry-run": true,
      tasks: "1,3-4",
      "on-overlap": "fail",
      "allowed-bots": ["renovate[bot]", "dependabot[bot]"],
      "bot-login": "my-app[bot]",
      "sub-issue-labels": ["a", "b", "c"],
    });
  });

  it.each([
    [{ mode: "deploy" }, 'Input "mode" must be one of: plan'],
    [{ "master-issue": "12abc" }, 'Input "master-issue" must be a positive whole number; got "12abc"'],
    [{ "master-issue": "0" }, 'Input "master-issue" must be greater than 0; got "0"'],
    [{ "dry-run": "maybe" }, 'Input "dry-run" must be true or false; got "maybe"'],
    [{ "on-overlap": "ignore" }, 'Input "on-overlap" must be "warn" or "fail"; got "ignore"'],
    [{ "branch-prefix": "../../etc" }, 'Input "branch-prefix" must be ref path components'],
    [{ "sub-issue-title": "Task" }, 'Input "sub-issue-title" must contain "{title}"; got "Task"'],
    [{ "allowed-bots": "good[bot],$(evil)" }, 'Input "allowed-bots" contains an invalid login'],
  ])("rejects %j with a message naming the input and value", (override, message) => {
    expect(() => readInputs(from({ ...base, ...override }))).toThrow(message);
  });

  it("says clearly when the mode or token is missing, without echoing a token", () => {
    expect(() => readInputs(from({ "github-token": "x" }))).toThrow('Input "mode" is required');
    expect(() => readInputs(from({ mode: "plan" }))).toThrow('Input "github-token" is required');
  });

  it("needs the plan job's artifact id and digest in agent and aggregate mode, and names what to pass", () => {
    const aggregate = { mode: "aggregate", "github-token": "t", "master-issue": "3" };
    expect(() => readInputs(from(aggregate))).toThrow(
      'Input "plan-artifact-id" is required: pass ${{ needs.plan.outputs.plan-artifact-id }}',
    );
    expect(() => readInputs(from({ ...aggregate, "plan-artifact-id": "12" }))).toThrow(
      'Input "plan-sha256" is required',
    );
    expect(() => readInputs(from({ ...aggregate, "plan-artifact-id": "12", "plan-sha256": "abc" }))).toThrow(
      'Input "plan-sha256" must be a SHA-256 digest of 64 hex digits; got "abc"',
    );
    expect(() =>
      readInputs(from({ ...aggregate, "plan-artifact-id": "plan-3-1", "plan-sha256": "a".repeat(64) })),
    ).toThrow('Input "plan-artifact-id" must be an artifact id such as 1234; got "plan-3-1"');
    expect(
      readInputs(from({ ...aggregate, "plan-artifact-id": "12", "plan-sha256": "AB".repeat(32) })),
    ).toMatchObject({ "plan-artifact-id": 12, "plan-sha256": "ab".repeat(32) });
  });
});
