/**
 * Every attack and fault the adversarial suite tries, with the outcome it proves. Each test names its
 * entry with `attack(id)`; SECURITY.md's table is rendered from this list (`npx tsx
 * scripts/update-security.ts`) and `security-md.test.ts` checks both stay in step.
 */
export interface Attack {
  id: string;
  area: "Who may start work" | "Hostile text" | "Faults" | "Forged and broken data" | "Secrets";
  attack: string;
  outcome: string;
}

export const ATTACKS: readonly Attack[] = [
  // Who may start work
  {
    id: "label-by-triage",
    area: "Who may start work",
    attack: "`issues: labeled` event sent by an actor with the triage role",
    outcome: "Refused before any write; the job log says the triage role cannot start agents",
  },
  {
    id: "label-by-read",
    area: "Who may start work",
    attack: "`issues: labeled` event sent by an actor with the read role",
    outcome: "Refused before any write; reason in the job log",
  },
  {
    id: "label-by-unlisted-bot",
    area: "Who may start work",
    attack: "`issues: labeled` event sent by a bot not on `allowed-bots`",
    outcome: "Refused before any write; reason in the job log",
  },
  {
    id: "label-by-ghost",
    area: "Who may start work",
    attack: "`issues: labeled` event sent by the `ghost` (deleted) account",
    outcome: "Refused before any write; reason in the job log",
  },
  {
    id: "label-by-listed-bot",
    area: "Who may start work",
    attack: "`issues: labeled` event sent by a bot that is on `allowed-bots`",
    outcome: "Allowed: the plan proceeds",
  },
  {
    id: "workflow-label-by-triage",
    area: "Who may start work",
    attack: "Triage user labels an issue; `parallel-orchestrate.yml` runs in the local runner",
    outcome: "Plan job fails with the reason, no agent job runs, nothing is written",
  },
  // Hostile text
  {
    id: "shell-metacharacters",
    area: "Hostile text",
    attack: "`$(touch …)`, backticks, `;`, `|`, newlines in the master title, task titles and bodies",
    outcome: "No shell sees them: the canary files are never created; the whole pipeline succeeds",
  },
  {
    id: "workflow-expressions",
    area: "Hostile text",
    attack: "`${{ secrets.X }}` and `${{ github.token }}` in titles and bodies",
    outcome: "Stay literal text; never evaluated, no secret substituted",
  },
  {
    id: "git-ref-tricks",
    area: "Hostile text",
    attack:
      "Task titles with `..`, `@{`, leading `-`, `refs/heads/main`, `~^:?*[\\`, a 5,000-character title",
    outcome:
      "Every branch passes `git check-ref-format` and lies under `orchestrator/<master>/`; `main` untouched",
  },
  {
    id: "table-breaking-markup",
    area: "Hostile text",
    attack: "`|`, `<img onerror>`, `<details>`, `</table>` and markdown in titles",
    outcome: "Every summary row keeps its 9 cells; no raw HTML tag from the issue in anything we post",
  },
  {
    id: "mentions-and-references",
    area: "Hostile text",
    attack: "`@everyone`, `@org/team`, `@user` and `#123` in titles and bodies",
    outcome: "Rewritten as `&#64;` / `&#35;` entities in every issue, PR and comment: nobody is pinged",
  },
  {
    id: "hidden-instructions",
    area: "Hostile text",
    attack: "Instructions hidden in HTML comments, zero-width and bidi characters",
    outcome: "Removed before the prompt: the agent's prompt contains none of them",
  },
  {
    id: "hidden-instructions-claude",
    area: "Hostile text",
    attack:
      "The same hidden instructions, and a sub-issue and master issue edited after planning, with the real Claude Code CLI",
    outcome:
      "Every request the CLI sends the model (system prompt, messages, side requests) holds the visible task and none of the hidden or edited-in text",
  },
  {
    id: "huge-body",
    area: "Hostile text",
    attack: "A 65,536-character master issue body",
    outcome: "Planned without crashing; every sub-issue body fits GitHub's 65,536-character limit",
  },
  // Faults
  {
    id: "github-fault-bursts",
    area: "Faults",
    attack: "Bursts of 502/503, 429 and secondary-limit 403 with `retry-after` across a whole run",
    outcome: "Retried; every task succeeds; exactly one sub-issue, PR and summary each; no OpenAPI violation",
  },
  {
    id: "artifact-transient",
    area: "Faults",
    attack: "The status upload fails once with 503",
    outcome: "Retried; one status artifact; the task counts once as a success",
  },
  {
    id: "artifact-permanent",
    area: "Faults",
    attack: "The status upload fails for good",
    outcome:
      "The agent step fails loudly with the status in its log; the aggregator reports the task missing",
  },
  {
    id: "push-rejected",
    area: "Faults",
    attack: "The task branch moves while the agent works",
    outcome:
      "Lease-protected push refused, the other commit kept; `push_failed` with its reason in the summary",
  },
  {
    id: "runner-cancellation",
    area: "Faults",
    attack: "The runner cancels an agent job mid-run (SIGINT, then SIGTERM)",
    outcome: "The agent's process group is ended, a `cancelled` status is uploaded, the summary reports it",
  },
  {
    id: "runner-lost",
    area: "Faults",
    attack: "An agent's runner is lost before it uploads anything",
    outcome: "Reported `missing` with a follow-up issue; the other tasks are unaffected",
  },
  {
    id: "concurrent-orchestrations",
    area: "Faults",
    attack: "Two runs of the same master issue at once (different run ids)",
    outcome:
      "Serialised by the workflow's concurrency group `parallel-task-orchestrator-<master>`: the second run reuses the first one's sub-issues, branches and PRs; one summary counts every task once",
  },
  {
    id: "concurrent-orchestrations-unguarded",
    area: "Faults",
    attack:
      "The same two runs truly at once, as in a workflow without the concurrency group, their sub-issue creations interleaved",
    outcome:
      "Each plan reads back what it created; both keep the oldest copy of every sub-issue and follow-up and close the others as duplicates (unlinked); the later summary folds into the older and deletes itself: one open sub-issue, one PR and one summary row per task",
  },
  {
    id: "aggregate-repeated",
    area: "Faults",
    attack: "The aggregate job is re-run",
    outcome: "No write at all: the summary and follow-ups are already up to date",
  },
  // Forged and broken data
  {
    id: "status-fails-schema",
    area: "Forged and broken data",
    attack: "A status artifact that is not valid JSON or fails the schema",
    outcome: "Task reported `invalid` with the reason; never a success; aggregator does not crash",
  },
  {
    id: "status-other-task",
    area: "Forged and broken data",
    attack: "A status artifact that claims another task's id",
    outcome: "Not trusted: reported `forged`",
  },
  {
    id: "status-nonexistent-pr",
    area: "Forged and broken data",
    attack: "A status artifact claiming a pull request that does not exist",
    outcome: "Not trusted: reported `forged`",
  },
  {
    id: "status-foreign-pr",
    area: "Forged and broken data",
    attack: "A status artifact claiming a pull request whose head is not the task's branch",
    outcome: "Not trusted: reported `forged`",
  },
  {
    id: "status-huge",
    area: "Forged and broken data",
    attack: "A status artifact over 256 KB, plain or zipped (listed small, 2 MB once downloaded)",
    outcome: "Refused unread by its listed size or its size on disk; reported `invalid`",
  },
  {
    id: "forged-plan-artifact",
    area: "Forged and broken data",
    attack:
      "With the run's artifact token, a later-attempt plan (`plan-<master>-99.json`) moving task 1's branch to `main` and dropping task 2",
    outcome:
      "Not used: agent and aggregate take the plan by the artifact id and SHA-256 the plan job output; `main` is untouched and task 2 is reported `missing`",
  },
  {
    id: "plan-digest-mismatch",
    area: "Forged and broken data",
    attack: "A job given an artifact id whose bytes do not hash to the pinned `plan-sha256`",
    outcome: "The job fails naming the digest mismatch, before any branch is created or pushed",
  },
  {
    id: "foreign-summary-comment",
    area: "Forged and broken data",
    attack: "A summary comment with our marker and a forged data line, written by another account",
    outcome: "Ignored: not updated, its data not read by a retry; our own summary is created",
  },
  {
    id: "foreign-follow-up-marker",
    area: "Forged and broken data",
    attack: "An issue carrying a follow-up marker, written by another account",
    outcome: "Ignored: our own follow-up issue is created and linked",
  },
  {
    id: "foreign-plan-comment",
    area: "Forged and broken data",
    attack: "A plan comment with our marker on the master issue, written by another account",
    outcome: "Never edited: a dry run creates our own plan comment, and the next dry run updates only ours",
  },
  {
    id: "agent-log-flood",
    area: "Forged and broken data",
    attack: "An agent printing 100,000 lines",
    outcome: "The status excerpt stays under 8,000 characters; the action runs within a 96 MB heap",
  },
  {
    id: "summary-over-limit",
    area: "Forged and broken data",
    attack: "A summary that would exceed 65,536 characters",
    outcome: "Rows dropped to fit, with a pointer to the job summary, which has every row",
  },
  // Secrets
  {
    id: "canary-secrets",
    area: "Secrets",
    attack:
      "Canary values in `anthropic-api-key`, `claude-code-oauth-token`, `openai-api-key` and the job environment",
    outcome:
      "Found nowhere: GitHub requests and responses, artifacts, job logs, summaries, outputs, branch names, git history",
  },
  {
    id: "agent-commits-secret",
    area: "Secrets",
    attack:
      "An agent that commits its API key (base64, in a config file) and deletes the file in a later commit",
    outcome:
      "Every new commit is searched for the job's credentials (all encodings) before the push: nothing is pushed, the task fails as `push_failed` / `SECRET_IN_CHANGES` naming the file, the others are unaffected",
  },
  {
    id: "agent-prints-secrets",
    area: "Secrets",
    attack: "An agent that prints its credential (plain, base64, URL-encoded) and every variable it can see",
    outcome:
      "Redacted from log excerpts, statuses, comments and PR bodies; the GitHub token is not in its environment",
  },
];

const byId = new Map(ATTACKS.map((a) => [a.id, a]));

/** The test title of an attack, so a test names the entry it proves. */
export function attack(id: string): string {
  const entry = byId.get(id);
  if (!entry) throw new Error(`Unknown attack id ${id}`);
  return `${entry.id}: ${entry.attack.replace(/`/g, "")}`;
}

const cell = (text: string) => text.replace(/\|/g, "\\|");

/** SECURITY.md's table, between its markers. */
export function renderAttackTable(): string {
  return [
    "| Area | Attack or fault | Outcome | Test id |",
    "|---|---|---|---|",
    ...ATTACKS.map((a) => `| ${a.area} | ${cell(a.attack)} | ${cell(a.outcome)} | \`${a.id}\` |`),
  ].join("\n");
}

export const TABLE_START = "<!-- attacks:start (generated from __tests__/adversarial/catalog.ts) -->";
export const TABLE_END = "<!-- attacks:end -->";

/** Replaces the table between the markers of a SECURITY.md text. */
export function updateSecurityMd(text: string): string {
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error("SECURITY.md lacks the attack table markers");
  return `${text.slice(0, start + TABLE_START.length)}\n${renderAttackTable()}\n${text.slice(end)}`;
}
