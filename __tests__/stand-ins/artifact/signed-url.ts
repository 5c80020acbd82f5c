/**
 * Azure-SAS-like signed URLs for the stand-in's blobs. Like a real SAS they carry the permissions (`sp`),
 * the expiry (`se`), an optional response Content-Disposition override (`rscd`) and a signature over all
 * of them; the client treats them as opaque and only appends `comp=…` parameters.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** `cw` = create and write (upload URLs), `r` = read (download URLs). */
export type SasPermission = "cw" | "r";

/** Why a signed request was refused, in Azure's terms. */
export type SasRefusal = "missing" | "forged" | "expired" | "permission";

/** The storage API version real SAS URLs name; the value only has to look right. */
const SIGNED_VERSION = "2025-01-05";

/** Issues and checks signatures with a secret of its own, so URLs from another stand-in are refused. */
export class UrlSigner {
  readonly #secret = randomBytes(32);

  constructor(
    private readonly origin: string,
    private readonly ttlMs: number,
  ) {}

  /** A full signed URL for a blob path (already URL-encoded). */
  sign(blobPath: string, permission: SasPermission, contentDisposition?: string): string {
    const expiry = new Date(Date.now() + this.ttlMs).toISOString();
    const query = new URLSearchParams({ sv: SIGNED_VERSION, sr: "b", sp: permission, se: expiry });
    if (contentDisposition) query.set("rscd", contentDisposition);
    query.set("sig", this.#signature(blobPath, query));
    return `${this.origin}${blobPath}?${query.toString()}`;
  }

  /** Checks a request's query against its path; undefined when it grants `needed`. */
  verify(blobPath: string, query: URLSearchParams, needed: "c" | "w" | "r"): SasRefusal | undefined {
    const sig = query.get("sig");
    const expiry = query.get("se");
    if (!sig || !expiry) return "missing";
    const expected = Buffer.from(this.#signature(blobPath, query));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "forged";
    if (!(Date.parse(expiry) > Date.now())) return "expired";
    return query.get("sp")?.includes(needed) ? undefined : "permission";
  }

  #signature(blobPath: string, query: URLSearchParams): string {
    // Only the signed fields count: the client adds comp/blockid, which must not break the signature.
    const fields = ["sv", "sr", "sp", "se", "rscd"].map((key) => query.get(key) ?? "");
    return createHmac("sha256", this.#secret)
      .update([blobPath, ...fields].join("\n"))
      .digest("base64");
  }
}
