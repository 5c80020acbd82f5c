import { afterEach, describe, expect, it } from "vitest";
import { startGitHubStandIn, type GitHubStandIn, type StandInOptions } from "./server.js";
import { failure, plainClient, resilientClient } from "./test-helpers.js";

let standIn: GitHubStandIn | undefined;

async function start(options: StandInOptions = {}): Promise<GitHubStandIn> {
  standIn = await startGitHubStandIn(options);
  return standIn;
}

afterEach(async () => {
  expect(standIn?.violations).toEqual([]);
  await standIn?.close();
  standIn = undefined;
});

const SECONDARY_MESSAGE =
  "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.";

describe("injected faults", () => {
  it("are consumed in order and survived by the retry plugin", async () => {
    const s = await start();
    s.injectFault({ method: "POST", path: /\/issues$/, times: 2, status: 502 });
    s.injectFault({ path: /\/issues$/, times: 1, status: 500, body: { message: "Server Error" } });
    const octokit = resilientClient(s);
    const { data } = await octokit.rest.issues.create({ owner: s.owner, repo: s.repo, title: "survives" });
    expect(data.number).toBe(1);
    expect(s.requests.map((r) => [r.status, r.fault])).toEqual([
      [502, true],
      [502, true],
      [500, true],
      [201, false],
    ]);
    expect(s.state.issues.size).toBe(1);
  });

  it("only hit matching requests and surface as-is without the retry plugin", async () => {
    const s = await start();
    s.injectFault({ method: "POST", times: 1, status: 503 });
    const octokit = plainClient(s);
    await octokit.rest.repos.get({ owner: s.owner, repo: s.repo });
    const result = await failure(octokit.rest.issues.create({ owner: s.owner, repo: s.repo, title: "t" }));
    expect(result.status).toBe(503);
    await octokit.rest.issues.create({ owner: s.owner, repo: s.repo, title: "t" });
    expect(s.requests.map((r) => r.status)).toEqual([200, 503, 201]);
  });

  it("429 and 403 secondary-limit answers are waited out for `retry-after` by the throttling plugin", async () => {
    const s = await start();
    const body = { message: SECONDARY_MESSAGE, documentation_url: "https://docs.github.com/rest" };
    s.injectFault({ method: "POST", times: 1, status: 429, headers: { "retry-after": "1" }, body });
    s.injectFault({ method: "POST", times: 1, status: 403, headers: { "retry-after": "1" }, body });
    const events: string[] = [];
    const octokit = resilientClient(s, events);
    const started = Date.now();
    await octokit.rest.issues.create({ owner: s.owner, repo: s.repo, title: "patient" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatch(/^secondary POST .* after 1s$/);
    expect(s.requests.map((r) => r.status)).toEqual([429, 403, 201]);
  });
});

describe("rate limits", () => {
  it("refuses content-creating requests over the per-minute secondary limit with retry-after", async () => {
    const s = await start({ secondaryLimits: { perMinute: 2, perHour: 100, timeScale: 60 } });
    const octokit = plainClient(s);
    const issue = s.seedIssue({ title: "t" });
    const comment = (body: string) =>
      octokit.rest.issues.createComment({ owner: s.owner, repo: s.repo, issue_number: issue.number, body });
    await comment("1");
    await comment("2");
    // Reads are not content-creating and stay allowed.
    await octokit.rest.issues.get({ owner: s.owner, repo: s.repo, issue_number: issue.number });
    const refused = await failure(comment("3"));
    expect(refused.status).toBe(403);
    expect(refused.message).toContain("You have exceeded a secondary rate limit");
    const entry = s.requests.at(-1);
    expect(entry).toMatchObject({ refused: true, status: 403, contentCreating: true });
    expect(s.refusedCount).toBe(1);
    expect(s.countRequests({ refused: true })).toBe(1);
  });

  it("lets the throttling plugin pace writes through the secondary limit", async () => {
    const s = await start({ secondaryLimits: { perMinute: 2, perHour: 100, timeScale: 60 } });
    const events: string[] = [];
    const octokit = resilientClient(s, events);
    const issue = s.seedIssue({ title: "t" });
    for (const body of ["1", "2", "3", "4"]) {
      await octokit.rest.issues.createComment({
        owner: s.owner,
        repo: s.repo,
        issue_number: issue.number,
        body,
      });
    }
    expect(s.state.comments.size).toBe(4);
    expect(s.refusedCount).toBeGreaterThanOrEqual(1);
    expect(events.every((e) => e.startsWith("secondary POST"))).toBe(true);
    const retryAfter = s.requests.find((r) => r.refused);
    expect(retryAfter).toBeDefined();
  });

  it("applies the hourly secondary window too", async () => {
    const s = await start({ secondaryLimits: { perMinute: 100, perHour: 3, timeScale: 3600 } });
    const octokit = plainClient(s);
    for (const title of ["1", "2", "3"])
      await octokit.rest.issues.create({ owner: s.owner, repo: s.repo, title });
    const response = await fetch(`${s.url}/repos/${s.owner}/${s.repo}/issues`, {
      method: "POST",
      headers: { authorization: "token ghs_standin_token", "content-type": "application/json" },
      body: JSON.stringify({ title: "4" }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("retry-after")).toBe("1");
  });

  it("answers 403 with x-ratelimit-remaining 0 once the primary budget is spent", async () => {
    const s = await start({ primaryLimit: 2 });
    const octokit = plainClient(s);
    const first = await octokit.rest.repos.get({ owner: s.owner, repo: s.repo });
    expect(first.headers["x-ratelimit-remaining"]).toBe("1");
    await octokit.rest.repos.get({ owner: s.owner, repo: s.repo });
    const spent = await failure(octokit.rest.repos.get({ owner: s.owner, repo: s.repo }));
    expect(spent.status).toBe(403);
    expect(spent.message).toContain("API rate limit exceeded");
    expect(s.requests.at(-1)?.status).toBe(403);
  });
});
