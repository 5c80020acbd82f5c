/**
 * Shared set-up for the stand-in's own tests: real Octokit clients from `@actions/github`, configured
 * as the action configures them, pointed at a stand-in.
 */
import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import Bottleneck from "bottleneck";
import type { GitHubStandIn } from "./server.js";

export const BOT_TOKEN = "ghs_standin_token";
export const PAT_TOKEN = "ghp_pat_token";

/** A plain client: every error surfaces at once, so tests see GitHub's status codes unretried. */
export function plainClient(standIn: GitHubStandIn, token = BOT_TOKEN) {
  const octokit = getOctokit(token, { baseUrl: standIn.url });
  octokit.hook.before("request", (options) => {
    options.headers["x-github-api-version"] = "2022-11-28";
  });
  return octokit;
}

/**
 * A client with the throttling and retry plugins, as the action builds it, but with the pacing between
 * writes and the retry back-off shrunk so fault tests take milliseconds, not minutes.
 */
export function resilientClient(standIn: GitHubStandIn, events: string[] = [], token = BOT_TOKEN) {
  const group = () => new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 });
  const octokit = getOctokit(
    token,
    {
      baseUrl: standIn.url,
      throttle: {
        write: group(),
        notifications: group(),
        onRateLimit: (
          retryAfter: number,
          options: { method: string; url: string },
          _o: unknown,
          count: number,
        ) => {
          events.push(`rate-limit ${options.method} ${options.url} after ${retryAfter}s`);
          return count < 3;
        },
        onSecondaryRateLimit: (
          retryAfter: number,
          options: { method: string; url: string },
          _o: unknown,
          count: number,
        ) => {
          events.push(`secondary ${options.method} ${options.url} after ${retryAfter}s`);
          return count < 5;
        },
      },
      // Back-off is (retry count)² × this base: 10 ms, 40 ms, 90 ms instead of 1 s, 4 s, 9 s.
      retry: { retries: 4, retryAfterBaseValue: 10 },
    },
    throttling,
    retry,
  );
  octokit.hook.before("request", (options) => {
    options.headers["x-github-api-version"] = "2022-11-28";
  });
  return octokit;
}

/** The HTTP status of a rejected Octokit call (RequestError), and its message. */
export async function failure(
  promise: Promise<unknown>,
): Promise<{ status: number; message: string; data: unknown }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { status?: number; message?: string; response?: { data?: unknown } };
    return { status: e.status ?? -1, message: e.message ?? "", data: e.response?.data };
  }
  throw new Error("expected the request to fail");
}
