import type { Actor } from "./security/actor-gate.js";

/** The parts of the triggering event the stages read (from GITHUB_EVENT_PATH). */
export interface TriggerEvent {
  /** GITHUB_EVENT_NAME: issues, workflow_dispatch, workflow_call's caller event, … */
  name: string;
  /** The issue in an `issues` event: the text as it was when the trusted actor labelled it. */
  issue?: { number: number; title: string; body: string; htmlUrl: string; isPullRequest: boolean };
  /** Who caused the event: the labelling user, or the dispatching user. */
  sender?: Actor;
}

interface RawEvent {
  issue?: { number?: unknown; title?: unknown; body?: unknown; html_url?: unknown; pull_request?: unknown };
  sender?: { login?: unknown; type?: unknown };
}

/** Reads the few event fields we use, tolerating any payload shape. */
export function parseTriggerEvent(name: string, payload: unknown): TriggerEvent {
  const raw = (typeof payload === "object" && payload !== null ? payload : {}) as RawEvent;
  const event: TriggerEvent = { name };
  const issue = raw.issue;
  if (issue && typeof issue.number === "number") {
    event.issue = {
      number: issue.number,
      title: typeof issue.title === "string" ? issue.title : "",
      body: typeof issue.body === "string" ? issue.body : "",
      htmlUrl: typeof issue.html_url === "string" ? issue.html_url : "",
      isPullRequest: issue.pull_request !== undefined && issue.pull_request !== null,
    };
  }
  if (raw.sender && typeof raw.sender.login === "string") {
    event.sender = {
      login: raw.sender.login,
      type: typeof raw.sender.type === "string" ? raw.sender.type : "User",
    };
  }
  return event;
}
