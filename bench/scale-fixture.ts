/**
 * Large orchestrations without running an agent per task: a master issue with N tasks, and the status
 * documents N agent jobs would have uploaded (successes with real pull requests on the GitHub stand-in,
 * some failures), so plan and aggregate can be exercised and measured at 256 tasks. Used by the
 * benchmarks and by the scale end-to-end test.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  runArtifactSteps,
  type ArtifactClientCommand,
} from "../__tests__/stand-ins/artifact/artifact-client.js";
import type { ArtifactStandIn } from "../__tests__/stand-ins/artifact/server.js";
import type { GitHubStandIn } from "../__tests__/stand-ins/github/server.js";
import { statusArtifactName, type TaskStatus } from "../src/status/status-schema.js";

/** A master issue of `n` independent checklist tasks, each with its own directory and a criterion. */
export function manyTasksIssue(n: number): string {
  const lines = Array.from(
    { length: n },
    (_, i) => `- [ ] **Module ${i + 1}**: Create \`modules/m${i + 1}/\`. It must have its own tests.`,
  );
  return `Independent modules, one per task.\n\n## Sub-Tasks\n${lines.join("\n")}\n`;
}

export interface PlannedEntry {
  id: string;
  subIssue: number | null;
  branch: string;
}

/** The tasks of the plan document a plan step printed as its `plan` output. */
export function plannedTasks(planOutput: string | undefined): PlannedEntry[] {
  const plan = JSON.parse(planOutput ?? "{}") as { tasks?: PlannedEntry[] };
  return plan.tasks ?? [];
}

export interface SeedStatusesOptions {
  github: GitHubStandIn;
  artifacts: ArtifactStandIn;
  master: number;
  tasks: PlannedEntry[];
  runId: string;
  /** Task ids whose agent failed; every other task succeeded with a pull request. */
  failed: ReadonlySet<string>;
  /** A token of another identity than the action's, to open the pull requests with. */
  prToken?: string;
}

/** Opens a pull request per successful task and uploads one status document per task, in one process. */
export async function seedStatuses(options: SeedStatusesOptions): Promise<void> {
  const { github, master } = options;
  const dir = await mkdtemp(join(tmpdir(), "pto-bench-statuses-"));
  const commands: ArtifactClientCommand[] = [];
  const started = new Date(Date.now() - 60_000).toISOString();
  const ended = new Date().toISOString();
  for (const task of options.tasks) {
    const ok = !options.failed.has(task.id);
    let pr: { number: number; html_url: string } | undefined;
    if (ok) {
      const response = await fetch(`${github.url}/repos/${github.owner}/${github.repo}/pulls`, {
        method: "POST",
        headers: {
          authorization: `token ${options.prToken ?? "ghp_pat_token"}`,
          "content-type": "application/json",
          "x-github-api-version": "2022-11-28",
        },
        body: JSON.stringify({
          title: `[Master #${master}] Module ${task.id}`,
          body: `Closes #${task.subIssue}`,
          head: task.branch,
          base: "main",
        }),
      });
      if (response.status !== 201)
        throw new Error(`creating a PR: ${response.status} ${await response.text()}`);
      pr = (await response.json()) as { number: number; html_url: string };
    }
    const status: TaskStatus = {
      schema_version: "2.0",
      agent_id: `agent-${task.id}`,
      task_id: task.id,
      master_issue: master,
      sub_issue: task.subIssue,
      status: ok ? "completed" : "failed",
      outcome: ok ? "success" : "agent_error",
      outcome_reason: ok
        ? "The agent finished and its branch has 1 commit."
        : "The agent exited with code 3.",
      error: ok ? null : "AGENT_ERROR: exit code 3",
      error_type: ok ? null : "AGENT_ERROR",
      start_time: started,
      last_update: ended,
      completion_time: ended,
      duration_seconds: 42 + Number(task.id),
      branch_name: task.branch,
      base_branch: "main",
      pr_number: pr?.number ?? null,
      pr_url: pr?.html_url ?? null,
      commits: ok ? 1 : 0,
      files_changed: ok ? [`modules/m${task.id}/index.ts`] : [],
      files_changed_truncated: false,
      lines_added: ok ? 20 : 0,
      lines_removed: 0,
      agent: { kind: "command", model: null },
      exit_code: ok ? 0 : 3,
      signal: null,
      result_subtype: null,
      is_error: null,
      num_turns: null,
      max_turns: null,
      cost_usd: null,
      tokens: null,
      final_message: ok ? "Done." : null,
      denied_tools: [],
      log_excerpt: ok ? "wrote the module" : "could not make the tests pass",
      run: { run_id: Number(options.runId), run_attempt: 1, job: "agent" },
      metadata: {},
    };
    const name = `${statusArtifactName(master, task.id, 1)}.json`;
    const file = join(dir, name);
    await writeFile(file, `${JSON.stringify(status, null, 2)}\n`);
    commands.push({
      op: "upload",
      name,
      files: [file],
      rootDirectory: dir,
      options: { retentionDays: 1, skipArchive: true },
    });
  }
  const step = await runArtifactSteps(
    options.artifacts,
    { run: options.runId, job: "agent", workspace: dir },
    commands,
  );
  const failures = step.outcomes.filter((o) => !o.ok);
  if (failures.length > 0) throw new Error(`uploading statuses: ${JSON.stringify(failures[0])}`);
}
