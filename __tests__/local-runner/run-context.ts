/**
 * What a run looks like from inside: the `github` context and the runner's environment variables
 * (GITHUB_*, RUNNER_*), built once per workflow run from the options.
 */
import { execFileSync } from "node:child_process";
import type { RunWorkflowOptions } from "./run-options.js";

/** Who and what triggered the run, with every default applied. */
export interface RunIdentity {
  repository: string;
  owner: string;
  actor: string;
  runId: string;
  runAttempt: string;
  ref: string;
  refName: string;
  sha: string;
  token: string;
  eventName: string;
  event: unknown;
  apiUrl: string;
  workflowName: string;
}

/** The origin's HEAD commit, `github.sha` when none is given. */
function originHead(originUrl: string): string {
  try {
    return execFileSync("git", ["ls-remote", originUrl, "HEAD"], { encoding: "utf8" }).split("\t")[0] ?? "";
  } catch {
    return "";
  }
}

/** Applies the defaults: the GitHub stand-in's repository, maintainer-1, run 4242, the origin's HEAD. */
export function runIdentity(
  options: RunWorkflowOptions,
  run: { eventName: string; token: string; workflowName: string; workflowPath: string },
): RunIdentity {
  const repository = options.repository ?? "octo-org/octo-repo";
  const [owner = "", name = ""] = repository.split("/");
  const actor = options.actor ?? "maintainer-1";
  const ref = options.ref ?? "refs/heads/main";
  // A workflow_dispatch payload, as GitHub sends it: inputs as strings, the sender, the ref.
  const event = options.event ?? {
    inputs: Object.fromEntries(Object.entries(options.inputs ?? {}).map(([k, v]) => [k, String(v)])),
    ref,
    repository: { full_name: repository, name, owner: { login: owner } },
    sender: { login: actor, type: "User" },
    workflow: run.workflowPath,
  };
  return {
    repository,
    owner,
    actor,
    runId: options.runId ?? "4242",
    runAttempt: String(options.runAttempt ?? 1),
    ref,
    refName: ref.replace(/^refs\/(heads|tags)\//, ""),
    sha: options.sha ?? originHead(options.originUrl),
    token: run.token,
    eventName: run.eventName,
    event,
    apiUrl: options.githubApiUrl,
    workflowName: run.workflowName,
  };
}

/** The `github` context; `job` and `workspace` are filled in per job. */
export function githubContext(id: RunIdentity): Record<string, unknown> {
  return {
    token: id.token,
    job: "",
    ref: id.ref,
    ref_name: id.refName,
    ref_type: "branch",
    sha: id.sha,
    repository: id.repository,
    repository_owner: id.owner,
    run_id: id.runId,
    run_number: id.runId,
    run_attempt: id.runAttempt,
    event_name: id.eventName,
    event: id.event,
    actor: id.actor,
    triggering_actor: id.actor,
    server_url: "https://github.com",
    api_url: id.apiUrl,
    graphql_url: `${id.apiUrl}/graphql`,
    workflow: id.workflowName,
    workspace: "",
    action: "",
    retention_days: "90",
  };
}

/**
 * The variables the runner gives every step, below workflow, job and step `env:`. Only PATH and HOME
 * come from this process (as the harness does), then the run's extra `env`, then GITHUB_* and RUNNER_*.
 */
export function runnerEnv(
  id: RunIdentity,
  extra: Record<string, string> | undefined,
  home: string,
): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? home,
    ...extra,
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_API_URL: id.apiUrl,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_GRAPHQL_URL: `${id.apiUrl}/graphql`,
    GITHUB_REPOSITORY: id.repository,
    GITHUB_REPOSITORY_OWNER: id.owner,
    GITHUB_ACTOR: id.actor,
    GITHUB_TRIGGERING_ACTOR: id.actor,
    GITHUB_RUN_ID: id.runId,
    GITHUB_RUN_NUMBER: id.runId,
    GITHUB_RUN_ATTEMPT: id.runAttempt,
    GITHUB_EVENT_NAME: id.eventName,
    GITHUB_SHA: id.sha,
    GITHUB_REF: id.ref,
    GITHUB_REF_NAME: id.refName,
    GITHUB_REF_TYPE: "branch",
    GITHUB_WORKFLOW: id.workflowName,
    RUNNER_OS: "Linux",
    RUNNER_ARCH: "X64",
    NO_PROXY: "127.0.0.1,localhost",
  };
}
