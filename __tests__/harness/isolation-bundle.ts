import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A script bundled into one file that any user can read and run. */
export interface SharedBundle {
  dir: string;
  file: string;
  dispose(): void;
}

/**
 * Bundles a TypeScript entry and everything it imports into one ESM file in a fresh 0755 temp directory,
 * so a process of another user (the unprivileged "runner" of the sudo tests) can run it without reaching
 * the checkout, whose location may not be enterable by others in CI. esbuild comes with tsx and vitest.
 */
export function bundleForOtherUsers(entry: string): SharedBundle {
  const esbuild = join(
    dirname(createRequire(import.meta.url).resolve("esbuild/package.json")),
    "bin",
    "esbuild",
  );
  const dir = mkdtempSync(join(tmpdir(), "pto-isolation-bundle-"));
  chmodSync(dir, 0o755);
  const file = join(dir, "script.mjs");
  execFileSync(esbuild, [
    entry,
    "--bundle",
    "--platform=node",
    "--format=esm",
    "--log-level=error",
    `--outfile=${file}`,
  ]);
  chmodSync(file, 0o644);
  return { dir, file, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
