import type { Author } from "./github-client.js";

/**
 * Hidden HTML-comment markers make every write idempotent: before creating a sub-issue or a comment we
 * look for the marker and update or reuse what carries it. Anyone can paste a marker into an issue, so
 * a marker counts only in content authored by the account our token acts as.
 */

const PREFIX = "parallel-task-orchestrator";

/** What a marker identifies, e.g. `{kind: "sub-issue", master: "12", task: "3"}`. */
export interface Marker {
  kind: string;
  attributes: Record<string, string>;
}

const ATTRIBUTE_VALUE = /^[A-Za-z0-9._-]+$/;

/** Renders a marker; attribute values are restricted so a marker can never close its own comment. */
export function renderMarker(kind: string, attributes: Record<string, string | number>): string {
  const parts = Object.entries(attributes).map(([key, value]) => {
    const text = String(value);
    if (!ATTRIBUTE_VALUE.test(key) || !ATTRIBUTE_VALUE.test(text)) {
      throw new Error(`Invalid marker attribute ${key}=${text}`);
    }
    return `${key}=${text}`;
  });
  return `<!-- ${PREFIX}:${kind} ${parts.join(" ")} -->`;
}

const MARKER_PATTERN = new RegExp(`<!-- ${PREFIX}:([a-z-]+)((?: [A-Za-z0-9._-]+=[A-Za-z0-9._-]+)*) -->`, "g");

/** Every marker in a body, in order. */
export function findMarkers(body: string): Marker[] {
  const markers: Marker[] = [];
  for (const match of body.matchAll(MARKER_PATTERN)) {
    const attributes: Record<string, string> = {};
    for (const pair of (match[2] ?? "").trim().split(" ").filter(Boolean)) {
      const [key, value] = pair.split("=");
      if (key !== undefined && value !== undefined) attributes[key] = value;
    }
    markers.push({ kind: match[1] ?? "", attributes });
  }
  return markers;
}

/** True when `body` carries a marker of `kind` whose attributes include all of `attributes`. */
export function hasMarker(body: string, kind: string, attributes: Record<string, string | number>): boolean {
  return findMarkers(body).some(
    (m) => m.kind === kind && Object.entries(attributes).every(([k, v]) => m.attributes[k] === String(v)),
  );
}

/** Markers are trusted only in content written by our own account (logins compare case-insensitively). */
export function isTrustedAuthor(author: Author | null, trustedLogin: string): boolean {
  return author !== null && author.login.toLowerCase() === trustedLogin.toLowerCase();
}
