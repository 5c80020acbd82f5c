/**
 * The stand-in's wire behaviour where the client has no say: Twirp errors for bad callers, and the signed
 * URLs' signature, permission and expiry checks. Plain `fetch`, no artifact client.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startArtifactStandIn, type ArtifactStandIn } from "./server.js";

let standIn: ArtifactStandIn;

afterEach(async () => {
  await standIn.close();
});

const TWIRP = "/twirp/github.actions.results.api.v1.ArtifactService/";

async function twirp(method: string, body: object, token: string | undefined) {
  const response = await fetch(`${standIn.url}${TWIRP}${method}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const ids = { workflow_run_backend_id: "run-1", workflow_job_run_backend_id: "job-1" };

describe("artifact stand-in protocol", () => {
  it("answers bad callers with Twirp errors", async () => {
    standIn = await startArtifactStandIn();
    const token = standIn.runtimeToken("run-1", "job-1");
    expect(await twirp("ListArtifacts", ids, undefined)).toEqual({
      status: 401,
      body: { code: "unauthenticated", msg: "missing or invalid bearer token" },
    });
    const otherRun = { ...ids, workflow_run_backend_id: "run-2" };
    expect((await twirp("ListArtifacts", otherRun, token)).body).toMatchObject({ code: "permission_denied" });
    expect(await twirp("GetSignedArtifactURL", { ...ids, name: "nope" }, token)).toEqual({
      status: 404,
      body: { code: "not_found", msg: "artifact not found" },
    });
    expect(await twirp("Nope", ids, token)).toMatchObject({ status: 404, body: { code: "bad_route" } });
    expect(standIn.requests.map((r) => r.operation)).toEqual([
      "ListArtifacts",
      "ListArtifacts",
      "GetSignedArtifactURL",
      "Unknown",
    ]);
  });

  it("lists an artifact only once it is finalized, with int64 fields as strings", async () => {
    standIn = await startArtifactStandIn();
    const token = standIn.runtimeToken("run-1", "job-1");
    const created = await twirp("CreateArtifact", { ...ids, name: "a", version: 7 }, token);
    const uploadUrl = String(created.body.signed_upload_url);
    expect((await twirp("ListArtifacts", ids, token)).body).toEqual({ artifacts: [] });
    const block = await fetch(`${uploadUrl}&comp=block&blockid=QUFB`, { method: "PUT", body: "hello" });
    const blockList = "<?xml version='1.0'?><BlockList><Latest>QUFB</Latest></BlockList>";
    const commit = await fetch(`${uploadUrl}&comp=blocklist`, { method: "PUT", body: blockList });
    expect([block.status, commit.status]).toEqual([201, 201]);
    expect(await twirp("FinalizeArtifact", { ...ids, name: "a", size: "5" }, token)).toEqual({
      status: 200,
      body: { ok: true, artifact_id: "1" },
    });
    const listed = await twirp("ListArtifacts", { ...ids, id_filter: "1" }, token);
    expect(listed.body.artifacts).toEqual([
      { ...ids, database_id: "1", name: "a", size: "5", created_at: expect.stringMatching(/Z$/) },
    ]);
  });

  it("checks the signed URLs' signature, permission and expiry", async () => {
    standIn = await startArtifactStandIn({ signedUrlTtlMs: 300 });
    const token = standIn.runtimeToken("run-1", "job-1");
    const created = await twirp("CreateArtifact", { ...ids, name: "a", version: 7 }, token);
    const uploadUrl = String(created.body.signed_upload_url);
    expect(uploadUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.+\.zip\?.*sp=cw.*&sig=/);
    const put = (url: string) => fetch(`${url}&comp=block&blockid=QUFB`, { method: "PUT", body: "x" });
    expect((await put(uploadUrl)).status).toBe(201);
    const forged = await put(uploadUrl.replace("sp=cw", "sp=rcw"));
    expect(forged.status).toBe(403);
    expect(forged.headers.get("x-ms-error-code")).toBe("AuthenticationFailed");
    // An upload URL grants no reads.
    const read = await fetch(uploadUrl);
    expect([read.status, read.headers.get("x-ms-error-code")]).toEqual([
      403,
      "AuthorizationPermissionMismatch",
    ]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await put(uploadUrl)).status).toBe(403);
  });
});
