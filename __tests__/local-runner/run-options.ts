/** The options of runWorkflow: the workflow, its inputs and event, the stand-ins it talks to, hooks and timing. */
import type { TextSink } from "./progress.js";
import type { WorkflowEvent } from "./report.js";
import type { JobStartHook } from "./run-job.js";

/** The artifact service a job's action steps reach through ACTIONS_RESULTS_URL / ACTIONS_RUNTIME_TOKEN. */
export interface ArtifactService {
  url: string;
  runtimeToken(runId: string, job: string): string;
}

export interface RunWorkflowOptions {
  /** The workflow file; default `.github/workflows/orchestrate.yml` of this repository. */
  workflow?: string;
  /** `workflow_call` inputs (or `workflow_dispatch` ones for a dispatch-only workflow), typed per the declaration. */
  inputs?: Record<string, string | number | boolean>;
  secrets?: Record<string, string>;
  /** `github.event_name`; default workflow_dispatch. */
  eventName?: string;
  /** `github.event`; default a workflow_dispatch payload sent by `actor`. */
  event?: unknown;
  githubApiUrl: string;
  artifacts?: ArtifactService;
  /** The user's repository (a file:// bare repository) that `actions/checkout` clones. */
  originUrl: string;
  /** Where `action.yml` and `dist/` come from when a checkout names the action repository; default this repository. */
  actionDir?: string;
  /** The repository a checkout must name to get actionDir; default the `action-repository` input. */
  actionRepository?: string;
  /** Where `uses: ./.github/workflows/x.yml` jobs find called workflows; default the workflow's repository root. */
  repoRoot?: string;
  /** `github.repository`; default octo-org/octo-repo, the GitHub stand-in's repository. */
  repository?: string;
  /** `github.actor`; default maintainer-1. */
  actor?: string;
  /** `github.sha`; default the origin's HEAD. */
  sha?: string;
  /** `github.ref`; default refs/heads/main. */
  ref?: string;
  runId?: string;
  runAttempt?: number;
  /** `github.token` and `secrets.GITHUB_TOKEN`; default ghs_standin_token. */
  token?: string;
  vars?: Record<string, string>;
  /** Added to every step's environment (below workflow, job and step `env:`). */
  env?: Record<string, string>;
  /** Inputs every local action step gets unless its `with:` sets them, e.g. `api-write-interval-ms`. */
  actionInputDefaults?: Record<string, string>;
  /** Jobs to run; the others are reported `skipped` (and their dependants follow GitHub's rules). */
  jobFilter?: (job: { id: string; name?: string }) => boolean;
  onJobStart?: JobStartHook;
  onEvent?: (event: WorkflowEvent) => void;
  /** Where the progress printer writes; false for none. Default process.stderr. */
  progress?: TextSink | false;
  /** Print step lines too. */
  progressSteps?: boolean;
  /** Multiplies every runner duration: timeout-minutes and the cancellation grace. 1/60 makes minutes seconds. */
  timeScale?: number;
  /** SIGINT → SIGTERM delay on cancellation; default 7.5 s × timeScale. SIGKILL follows a third of it later. */
  cancelGraceMs?: number;
  /**
   * `enforce` (default): runs of one `concurrency.group` wait for each other as on GitHub. `ignore`: run
   * at once anyway, to see what happens to a workflow without a concurrency group.
   */
  concurrency?: "enforce" | "ignore";
  /** Root of the job workspaces; default a new temporary directory. */
  workDir?: string;
}
