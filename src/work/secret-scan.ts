import { secretForms } from "../security/redact-secrets.js";
import type { WorkFile } from "./work-schema.js";

/** Shorter values would match ordinary text; the redactor has the same floor. */
const MIN_SECRET_LENGTH = 4;
/** Base64 cores shorter than this could occur in unrelated base64 by chance. */
const MIN_BASE64_CORE = 8;

/**
 * The characters of `bytes`' base64 that do not depend on what precedes them, at each of the three
 * alignments a value embedded in a longer encoding can have (`x-access-token:<token>` encoded whole),
 * in the standard and the URL-safe alphabet.
 */
function base64Cores(bytes: Buffer): string[] {
  const cores: string[] = [];
  for (let pad = 0; pad < 3; pad++) {
    const encoded = Buffer.concat([Buffer.alloc(pad), bytes]).toString("base64");
    const core = encoded.slice(Math.ceil((8 * pad) / 6), Math.floor((8 * (pad + bytes.length)) / 6));
    if (core.length >= MIN_BASE64_CORE) cores.push(core, core.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return cores;
}

/** `%XX` for every byte, in upper- and lower-case hex (encodeURIComponent leaves letters as they are). */
function percentEncodedEveryByte(bytes: Buffer): string[] {
  const upper = [...bytes].map((b) => `%${b.toString(16).padStart(2, "0").toUpperCase()}`).join("");
  return [upper, upper.toLowerCase()];
}

/**
 * Every form in which a secret could be written down by an agent trying to get it past a literal
 * search: the redactor's forms (as is, URL-encoded, base64 cores), plus base64 cores of our own (so
 * this list does not shrink if the redactor's does), hex in either case, reversed, and every byte
 * percent-encoded. Longest first; values shorter than 4 characters are ignored.
 */
export function secretNeedles(secrets: readonly string[]): string[] {
  const needles = new Set(secretForms(secrets));
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    const bytes = Buffer.from(secret, "utf8");
    needles.add(secret);
    needles.add(encodeURIComponent(secret));
    for (const core of base64Cores(bytes)) needles.add(core);
    const hex = bytes.toString("hex");
    needles.add(hex).add(hex.toUpperCase());
    needles.add([...secret].reverse().join(""));
    for (const encoded of percentEncodedEveryByte(bytes)) needles.add(encoded);
  }
  return [...needles].filter((n) => n.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

/**
 * Where a secret was found (never the secret). A file name that holds one is reported without the
 * name, which would repeat the secret wherever the finding is shown.
 */
export type SecretFinding =
  | { where: "file content" | "symlink target"; path: string }
  | { where: "file name" }
  | { where: "commit message" };

/** Whitespace that wrapping (`base64` wraps at 76 columns) or formatting could put inside a needle. */
const WHITESPACE = /[\s]+/g;

function containsAny(haystack: Buffer, needles: readonly Buffer[]): boolean {
  if (needles.some((n) => haystack.includes(n))) return true;
  // Only when the text has whitespace: the same search with it removed, for wrapped encodings.
  const text = haystack.toString("latin1");
  if (!/\s/.test(text)) return false;
  const joined = Buffer.from(text.replace(WHITESPACE, ""), "latin1");
  return needles.some((n) => joined.includes(n));
}

/**
 * Searches the work for `needles` (from `secretNeedles`): every file's decoded content, symlink
 * targets, file names and the commit message, each also with whitespace removed.
 */
export function scanWork(
  document: { files: readonly WorkFile[] },
  needles: readonly string[],
  commitMessage: string,
): SecretFinding[] {
  const patterns = needles.filter((n) => n !== "").map((n) => Buffer.from(n, "utf8"));
  if (patterns.length === 0) return [];
  const findings: SecretFinding[] = [];
  let nameFound = false;
  for (const file of document.files) {
    // A name holding a secret is reported once and alone: its other findings would have to name it.
    if (containsAny(Buffer.from(file.path, "utf8"), patterns)) {
      if (!nameFound) findings.push({ where: "file name" });
      nameFound = true;
    } else if (
      "content_base64" in file &&
      containsAny(Buffer.from(file.content_base64, "base64"), patterns)
    ) {
      findings.push({ where: "file content", path: file.path });
    } else if ("target" in file && containsAny(Buffer.from(file.target, "utf8"), patterns)) {
      findings.push({ where: "symlink target", path: file.path });
    }
  }
  if (containsAny(Buffer.from(commitMessage, "utf8"), patterns)) findings.push({ where: "commit message" });
  return findings;
}
