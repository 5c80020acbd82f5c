/**
 * `ACTIONS_RUNTIME_TOKEN` as the artifact client reads it: a JWT whose space-separated `scp` claim holds
 * `Actions.Results:<workflowRunBackendId>:<workflowJobRunBackendId>` (platform.md §11). The client decodes
 * it with `jwt-decode` and never checks a signature, so the stand-in issues unsigned tokens.
 */

/** The run and job a token speaks for. */
export interface TokenScope {
  runBackendId: string;
  jobBackendId: string;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** Builds an unsigned JWT (`alg: none`, empty signature) scoped to one job of one run. */
export function createRuntimeToken(runBackendId: string, jobBackendId: string): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    // Real tokens carry several scopes; the client must pick out the Actions.Results one.
    scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${runBackendId}:${jobBackendId}`,
    iss: "vstoken.actions.githubusercontent.com",
    aud: "vso:stand-in",
    nbf: now - 60,
    exp: now + 6 * 3600,
  };
  return `${base64url({ typ: "JWT", alg: "none" })}.${base64url(payload)}.`;
}

/**
 * Reads the scope from an `Authorization: Bearer <jwt>` header; undefined when the header, the token or
 * its claim is missing or malformed — the service's 401.
 */
export function readTokenScope(authorization: string | undefined): TokenScope | undefined {
  const token = /^Bearer (\S+)$/.exec(authorization ?? "")?.[1];
  const payloadPart = token?.split(".")[1];
  if (!payloadPart) return undefined;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payloadPart, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  const scp = (claims as { scp?: unknown } | null)?.scp;
  if (typeof scp !== "string") return undefined;
  for (const scope of scp.split(" ")) {
    const parts = scope.split(":");
    if (parts[0] !== "Actions.Results") continue;
    const [, runBackendId, jobBackendId] = parts;
    // Same rule as the client: exactly three colon-separated parts.
    if (parts.length !== 3 || !runBackendId || !jobBackendId) return undefined;
    return { runBackendId, jobBackendId };
  }
  return undefined;
}
