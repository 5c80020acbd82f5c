/**
 * Every attack and fault the adversarial suite tries, with the outcome it proves. Each test names its
 * entry with `attack(id)`; SECURITY.md's table is rendered from this list (`npx tsx
 * scripts/update-security.ts`) and `security-md.test.ts` checks both stay in step.
 */
export interface Attack {
  id: string;
  area:
    "Who may start work" | "Hostile text" | "Faults" | "Forged and broken data" | "Secrets" | "Hostile agent";
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
    outcome:
      "A zero-width space breaks each one (`@&#x200B;everyone`, `#&#x200B;123`) in every issue, PR and comment: read as GitHub reads it (entities decoded), none is live; nobody is pinged",
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
      "It holds only the model proxy's placeholder, and only the final file contents are published (never its commits): the file is in no commit of the branch and no form of the key is anywhere",
  },
  {
    id: "agent-writes-key-unisolated",
    area: "Secrets",
    attack:
      "With `isolation: none` (the agent holds the real key), an agent that writes its key base64-encoded into a file",
    outcome:
      "The change is searched for every credential of the job in every encoding before publishing: nothing is pushed, the task is `refused` / `SECRET_IN_CHANGES` naming the file",
  },
  {
    id: "agent-prints-secrets",
    area: "Secrets",
    attack: "An agent that prints its credential (plain, base64, URL-encoded) and every variable it can see",
    outcome:
      "Redacted from log excerpts, statuses, comments and PR bodies; the GitHub token is not in its environment",
  },
  // Hostile agent: an agent with a shell or a talked-into tool call, against the bundled action with
  // canary credentials; the command-agent attacks run with the action as root and as a sudo runner user.
  {
    id: "isolation-unavailable",
    area: "Hostile agent",
    attack:
      "The agent step on a runner with neither root nor passwordless sudo (an unprivileged runner user whose sudo was taken away)",
    outcome:
      "The agent never runs: the task is `crashed` / `ISOLATION_UNAVAILABLE`, naming the fix (`isolation: none`); with `isolation: none` it runs as the runner's user and the log says so",
  },
  {
    id: "hostile-fsmonitor-default-tools",
    area: "Hostile agent",
    attack:
      "The real Claude CLI with the default tools, scripted to run `git log -1 --format=<bytes as %xNN> --output=$HOME/.gitconfig` (and `--output=.git/config`) planting a `core.fsmonitor` command",
    outcome:
      "Refused by Claude's permissions: both calls are in the status's `denied_tools`; nothing is planted, nothing runs, no canary anywhere",
  },
  {
    id: "hostile-fsmonitor-allowed-git-log",
    area: "Hostile agent",
    attack:
      "The same with `allowed-tools` granting `Bash(git log:*)`: the fsmonitor command is planted in the agent's HOME and working copy",
    outcome:
      "The action's git never reads the agent's config: the planted command never runs, the work is published, no canary anywhere",
  },
  {
    id: "hostile-proc-walk",
    area: "Hostile agent",
    attack:
      "The agent reads `/proc/<pid>/environ` of every ancestor up to pid 1, and every `/proc/*/environ` and `cmdline`, and publishes what it read",
    outcome:
      "Every ancestor's environment is `EACCES` (the agent is its own OS user); what it published and sent the model holds no canary",
  },
  {
    id: "hostile-git-hooks",
    area: "Hostile agent",
    attack:
      "Hooks (`pre-commit`, `pre-push`, `post-checkout`, `reference-transaction`…) in the working copy's `.git`, and `core.hooksPath`, `core.fsmonitor`, `credential.helper`, `gpg.program`, filters and aliases in its `.git/config`, `$HOME/.gitconfig` and the runner's HOME",
    outcome:
      "None runs: the action reads the tree as files with its own hardened git; the runner's HOME is `EACCES`; the work is published",
  },
  {
    id: "hostile-push-redirect",
    area: "Hostile agent",
    attack:
      "`remote.origin.pushurl` and `url.<evil>.insteadOf`/`pushInsteadOf` for the real remote, in the working copy's `.git/config` and `$HOME/.gitconfig`, pointing at a world-writable repository",
    outcome: "The evil repository stays empty; the task's branch reaches origin",
  },
  {
    id: "hostile-runner-files",
    area: "Hostile agent",
    attack:
      "The agent appends to `GITHUB_ENV`, `GITHUB_OUTPUT`, `GITHUB_PATH`, `GITHUB_STATE` and `GITHUB_STEP_SUMMARY` (world-writable, their paths known)",
    outcome:
      "Every write is `EACCES`; the step's outputs and summary hold nothing of it; the files' modes are restored afterwards",
  },
  {
    id: "hostile-forged-artifacts",
    area: "Hostile agent",
    attack:
      "The agent hunts `ACTIONS_RUNTIME_TOKEN` (environment, `/proc`) to upload `plan-<master>-99.json` and another task's status to the artifact service",
    outcome:
      "It finds no token and uploads nothing: the service holds only the action's artifacts, and the aggregate reports every task's real outcome",
  },
  {
    id: "hostile-setsid-survivor",
    area: "Hostile agent",
    attack:
      "`setsid sh -c 'sleep 1000'` and a double-forked process that would write a canary file a few seconds after the agent exits",
    outcome:
      "Both are killed with every process of the agent's user when it exits: the canary file is never written",
  },
  {
    id: "hostile-path-shim",
    area: "Hostile agent",
    attack:
      "The agent plants a `git` that records its environment, then runs the real one, in a directory on PATH everyone may write (as `/usr/local/bin` on GitHub's images)",
    outcome:
      "The action's git after the agent never runs it (its token would be in that environment); the shim is removed with everything the agent's user left",
  },
  {
    id: "hostile-workflow-file",
    area: "Hostile agent",
    attack: "The agent writes `.github/workflows/evil.yml`",
    outcome: "The task is `refused` (`PROTECTED_PATH`, naming the file); nothing is pushed",
  },
  {
    id: "hostile-claude-settings-retry",
    area: "Hostile agent",
    attack:
      "A retry of a task whose branch already holds `.claude/settings.json` with `SessionStart`, `PreToolUse` and other hooks, run by the real Claude CLI",
    outcome: "Project settings never load (`--setting-sources user`): no hook runs; the work is published",
  },
  {
    id: "hostile-checkout-credentials",
    area: "Hostile agent",
    attack:
      "The agent reads actions/checkout v6's `$RUNNER_TEMP/git-credentials-<uuid>.config` and the runner's `~/.git-credentials` (paths known)",
    outcome: "`EACCES` for the files and for listing their directories; no canary published",
  },
  {
    id: "hostile-egress",
    area: "Hostile agent",
    attack:
      "With `egress-firewall: on`, in a network namespace: the agent calls the model through its proxy and connects straight to the GitHub and Anthropic stand-ins",
    outcome:
      "The proxy call succeeds; the direct connections are refused; the host's iptables rules are untouched",
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
