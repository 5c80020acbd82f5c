import { describe, expect, it } from "vitest";
import {
  capFilesChanged,
  capText,
  parseTaskStatus,
  StatusDocumentError,
  statusArtifactName,
  TASK_STATUS_SCHEMA_VERSION,
  type TaskStatus,
} from "./status-schema.js";
import { STATUS_FIELDS_DOC } from "./status-fields-doc.js";

const failed: TaskStatus = {
  schema_version: "2.0",
  agent_id: "agent-3",
  task_id: "3",
  master_issue: 12,
  sub_issue: 105,
  status: "failed",
  outcome: "timeout",
  outcome_reason: "The agent was stopped after 1800 s of wall-clock time.",
  error: "TIMEOUT: killed after 1800 s",
  error_type: "TIMEOUT",
  start_time: "2025-12-01T12:00:00Z",
  last_update: "2025-12-01T12:30:05.123Z",
  completion_time: "2025-12-01T12:30:05.123Z",
  duration_seconds: 1800.4,
  branch_name: "orchestrator/12/3-add-auth",
  base_branch: "main",
  pr_number: null,
  pr_url: null,
  commits: 0,
  files_changed: [],
  files_changed_truncated: false,
  lines_added: 0,
  lines_removed: 0,
  agent: { kind: "claude", model: "claude-sonnet-4-5", version: "2.1.331" },
  exit_code: null,
  signal: "SIGTERM",
  result_subtype: null,
  is_error: null,
  num_turns: null,
  max_turns: 30,
  cost_usd: null,
  tokens: null,
  final_message: null,
  denied_tools: [],
  log_excerpt: "line 1\n… 20 lines omitted …\nline 22",
  run: { run_id: 123456789, run_attempt: 1, job: "agent" },
  metadata: { timeout_seconds: 1800 },
};

const succeeded: TaskStatus = {
  ...failed,
  status: "completed",
  outcome: "success",
  outcome_reason: "The agent finished and its branch has 2 commits.",
  error: null,
  error_type: null,
  pr_number: 140,
  pr_url: "https://github.com/o/r/pull/140",
  commits: 2,
  files_changed: ["src/auth/login.ts"],
  lines_added: 40,
  lines_removed: 3,
  exit_code: 0,
  signal: null,
  result_subtype: "success",
  is_error: false,
  num_turns: 12,
  cost_usd: 0.42,
  tokens: { input: 1000, output: 2000, cache_read: 30000, cache_write: 500 },
  final_message: "Added login.",
};

function expectFieldError(doc: unknown, field: string): void {
  try {
    parseTaskStatus(doc);
  } catch (error) {
    expect(error).toBeInstanceOf(StatusDocumentError);
    expect((error as StatusDocumentError).field).toBe(field);
    expect((error as Error).message).toContain(`field "${field}"`);
    return;
  }
  throw new Error(`expected a StatusDocumentError for ${field}`);
}

describe("parseTaskStatus", () => {
  it("accepts a failed and a successful document unchanged", () => {
    expect(parseTaskStatus(failed)).toEqual(failed);
    expect(parseTaskStatus(JSON.parse(JSON.stringify(succeeded)))).toEqual(succeeded);
    expect(TASK_STATUS_SCHEMA_VERSION).toBe("2.0");
  });

  it("ignores unknown fields so newer writers do not break older readers", () => {
    expect(parseTaskStatus({ ...failed, progress_percentage: 40 })).toEqual(failed);
  });

  it("names the first bad field, nested ones with a dotted path", () => {
    expectFieldError({ ...failed, schema_version: "1.0" }, "schema_version");
    expectFieldError({ ...failed, master_issue: "12" }, "master_issue");
    expectFieldError({ ...succeeded, tokens: { ...succeeded.tokens, input: -1 } }, "tokens.input");
    expectFieldError({ ...failed, start_time: "2025-12-01T12:00:00+02:00" }, "start_time");
    expectFieldError({ ...failed, outcome: "ok" }, "outcome");
    expectFieldError({ ...failed, task_id: "../x" }, "task_id");
    expectFieldError(
      { ...failed, files_changed: Array.from({ length: 301 }, (_, i) => `f${i}`) },
      "files_changed",
    );
    expectFieldError({ ...failed, log_excerpt: "x".repeat(9000) }, "log_excerpt");
    expectFieldError(null, "(document)");
  });

  it("keeps status, outcome and error consistent", () => {
    expectFieldError({ ...failed, agent_id: "agent-4" }, "agent_id");
    expectFieldError({ ...failed, status: "completed" }, "status");
    expectFieldError({ ...succeeded, error: "TIMEOUT: x" }, "error");
    expectFieldError({ ...failed, error_type: null, error: null }, "error_type");
    expectFieldError({ ...failed, error: "HUNG: no output" }, "error");
  });
});

describe("statusArtifactName", () => {
  it("is status-<master>-<task>-<attempt>", () => {
    expect(statusArtifactName(12, "3", 1)).toBe("status-12-3-1");
    expect(statusArtifactName(7, "db-layer", 2)).toBe("status-7-db-layer-2");
  });

  it("rejects anything but letters, digits and single hyphens", () => {
    expect(() => statusArtifactName(12, "../3", 1)).toThrow(/Invalid task id/);
    expect(() => statusArtifactName(12, "a b", 1)).toThrow(/Invalid task id/);
    expect(() => statusArtifactName(12, "", 1)).toThrow(/Invalid task id/);
    expect(() => statusArtifactName(0, "3", 1)).toThrow(/master issue/);
    expect(() => statusArtifactName(12, "3", 0)).toThrow(/run attempt/);
    expect(() => statusArtifactName(12, "3", 1.5)).toThrow(/run attempt/);
  });
});

describe("caps", () => {
  it("caps text and file lists", () => {
    expect(capText("abcdef", 4)).toBe("abc…");
    expect(capText("abc", 4)).toBe("abc");
    const files = Array.from({ length: 305 }, (_, i) => `f${i}`);
    expect(capFilesChanged(files).files_changed).toHaveLength(300);
    expect(capFilesChanged(files).files_changed_truncated).toBe(true);
    expect(capFilesChanged(["a"])).toEqual({ files_changed: ["a"], files_changed_truncated: false });
  });
});

describe("STATUS_FIELDS_DOC", () => {
  it("documents every field, nested ones included, from the schema's descriptions", () => {
    const fields = [...STATUS_FIELDS_DOC.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    expect(fields).toContain("schema_version");
    expect(fields).toContain("tokens.cache_write");
    expect(fields).toContain("agent.version?");
    expect(fields).toContain("run.run_attempt");
    // Fields with a default are optional to write (documented with `?`), present when read.
    const names = fields.map((f) => f?.replace(/\?$/, ""));
    for (const key of Object.keys(failed)) expect(names).toContain(key);
    expect(fields).toContain("denied_tools?");
    expect(STATUS_FIELDS_DOC).toContain("| `sub_issue` | integer \\| null | Number of the task's sub-issue");
    expect(STATUS_FIELDS_DOC).toContain("One of `TIMEOUT`, `HUNG`");
    expect(STATUS_FIELDS_DOC).not.toMatch(/\| +\|$/m);
  });
});
