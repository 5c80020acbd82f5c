import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  SandboxPathError,
  assertInside,
  defaultSweepDirs,
  isWithin,
  unreachableAncestor,
} from "./agent-user-paths.js";

describe("assertInside", () => {
  const root = mkdtempSync(join(tmpdir(), "pto-paths-"));
  mkdirSync(join(root, "work", "repo"), { recursive: true });
  writeFileSync(join(root, "work", "repo", "file"), "");
  symlinkSync("/etc", join(root, "work", "etc-link"));
  symlinkSync(join(root, "work", "repo"), join(root, "work", "repo-link"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("accepts paths strictly below the root, relative or absolute", () => {
    expect(assertInside(root, join(root, "work", "repo"))).toBe(join(root, "work", "repo"));
    expect(assertInside(root, "work/repo/file")).toBe(join(root, "work", "repo", "file"));
  });

  it("refuses the root itself, paths outside it, and symlinks on the way or at the end", () => {
    expect(() => assertInside(root, root)).toThrow(SandboxPathError);
    expect(() => assertInside(root, "/etc/passwd")).toThrow(/is not inside/);
    expect(() => assertInside(root, join(root, "..", "x"))).toThrow(/is not inside/);
    expect(() => assertInside(root, join(root, "work", "etc-link", "passwd"))).toThrow(/through a symlink/);
    expect(() => assertInside(root, join(root, "work", "repo-link"))).toThrow(/through a symlink/);
    expect(() => assertInside(root, join(root, "work", "missing"))).toThrow(/cannot be handed over/);
  });

  it("compares whole path components", () => {
    expect(isWithin("/tmp/a", "/tmp/a/b")).toBe(true);
    expect(isWithin("/tmp/a", "/tmp/ab")).toBe(false);
    expect(isWithin("/tmp/a", "/tmp/a/../b")).toBe(false);
  });
});

describe("unreachableAncestor", () => {
  it("names the first directory other users cannot enter", () => {
    const modes: Record<string, number> = {
      "/": 0o755,
      "/home": 0o755,
      "/home/runner": 0o750,
      "/home/runner/work": 0o755,
    };
    const stat = (path: string) => ({ mode: modes[path] ?? 0o755 });
    expect(unreachableAncestor("/home/runner/work/_temp", stat)).toBe("/home/runner");
    expect(unreachableAncestor("/tmp", stat)).toBeUndefined();
  });
});

describe("defaultSweepDirs", () => {
  it("adds the world-writable directories of PATH to the shared temporary directories", () => {
    const dirs: Record<string, number> = { "/usr/local/bin": 0o777, "/usr/bin": 0o755, "/tmp": 0o1777 };
    const stat = (path: string) => {
      const mode = dirs[path];
      if (mode === undefined) throw new Error(`ENOENT ${path}`);
      return { mode, isDirectory: () => true };
    };
    expect(defaultSweepDirs("/usr/local/bin:/usr/bin:/tmp:relative:/missing", stat)).toEqual([
      "/tmp",
      "/var/tmp",
      "/dev/shm",
      "/usr/local/bin",
    ]);
  });

  it("adds the runner's tool caches and lock directories when anyone may write them", () => {
    const dirs: Record<string, number> = {
      "/opt/hostedtoolcache": 0o777,
      "/opt/closed": 0o755,
      "/run/lock": 0o1777,
    };
    const stat = (path: string) => {
      const mode = dirs[path];
      if (mode === undefined) throw new Error(`ENOENT ${path}`);
      return { mode, isDirectory: () => true };
    };
    expect(defaultSweepDirs("/usr/bin", stat, ["/opt/hostedtoolcache", "/opt/closed"])).toEqual([
      "/tmp",
      "/var/tmp",
      "/dev/shm",
      "/opt/hostedtoolcache",
      "/run/lock",
    ]);
  });
});
