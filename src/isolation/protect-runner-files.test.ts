import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  isGroupShared,
  protectRunnerFiles,
  protectedMode,
  protectionTargets,
  restoreRunnerFiles,
} from "./protect-runner-files.js";

const accounts = {
  passwd: [
    "root:x:0:0:root:/root:/bin/bash",
    "runner:x:1001:1001::/home/runner:/bin/bash",
    "hosted:x:1002:118::/home/hosted:/bin/bash",
    "other:x:1003:1003::/home/other:/bin/bash",
    "sharer:x:1004:1003::/home/sharer:/bin/bash",
  ].join("\n"),
  group: ["root:x:0:", "runner:x:1001:", "docker:x:118:hosted,other", "other:x:1003:"].join("\n"),
};

describe("which permissions close", () => {
  it("takes every permission from others, and from the group when it is shared", () => {
    expect(protectedMode(0o755, false)).toBe(0o750);
    expect(protectedMode(0o644, true)).toBe(0o600);
    expect(protectedMode(0o2775, true)).toBe(0o2700);
    expect(protectedMode(0o700, true)).toBe(0o700);
  });

  it("counts a group as private only when it is the owner's own primary group and nobody else's", () => {
    expect(isGroupShared(accounts, 1001, 1001)).toBe(false);
    expect(isGroupShared(accounts, 0, 0)).toBe(false);
    // GitHub-hosted: the runner's primary group is docker, which others belong to.
    expect(isGroupShared(accounts, 1002, 118)).toBe(true);
    expect(isGroupShared(accounts, 1003, 1003)).toBe(true); // another user's primary group too
    expect(isGroupShared(accounts, 1001, 0)).toBe(true); // not the owner's group
    expect(isGroupShared(accounts, 4242, 4242)).toBe(true); // unknown owner
  });

  it("closes a directory given, and a file's directory with the file", () => {
    const kinds: Record<string, boolean> = {
      "/t": true,
      "/t/cmd/set_env_1": false,
      "/t/cmd/add_path_1": false,
    };
    const resolve = (path: string) =>
      path in kinds ? { real: path, isDirectory: kinds[path] ?? false } : undefined;
    expect(protectionTargets(["/t", "/t/cmd/set_env_1", "/t/cmd/add_path_1", "", "/gone"], resolve)).toEqual({
      targets: ["/t", "/t/cmd/set_env_1", "/t/cmd", "/t/cmd/add_path_1"],
      missing: ["/gone"],
    });
  });
});

describe("protectRunnerFiles", () => {
  it("closes the runner's directories and files to others, reports what it changed, and restores it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pto-protect-"));
    const runnerTemp = join(dir, "_temp");
    const commands = join(runnerTemp, "_runner_file_commands");
    mkdirSync(commands, { recursive: true });
    chmodSync(runnerTemp, 0o755);
    chmodSync(commands, 0o755);
    const envFile = join(commands, "set_env_1");
    writeFileSync(envFile, "", { mode: 0o644 });
    const home = join(dir, "home");
    mkdirSync(home, { mode: 0o700 });
    chmodSync(home, 0o700);
    symlinkSync(envFile, join(dir, "env-link"));
    const me = { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
    const mine = {
      passwd: `me:x:${me.uid}:${me.gid}::${home}:/bin/sh\n`,
      group: `me:x:${me.gid}:\n`,
    };

    const report = await protectRunnerFiles({
      paths: [runnerTemp, join(dir, "env-link"), home, join(dir, "missing")],
      accounts: mine,
    });
    expect(report).toEqual({
      changed: [
        { path: runnerTemp, before: 0o755, after: 0o750 },
        { path: envFile, before: 0o644, after: 0o640 },
        { path: commands, before: 0o755, after: 0o750 },
      ],
      unchanged: [home],
      missing: [join(dir, "missing")],
    });
    expect(statSync(envFile).mode & 0o777).toBe(0o640);

    await restoreRunnerFiles(report.changed);
    expect(statSync(runnerTemp).mode & 0o777).toBe(0o755);
    expect(statSync(envFile).mode & 0o777).toBe(0o644);
    expect(statSync(commands).mode & 0o777).toBe(0o755);
    rmSync(dir, { recursive: true, force: true });
  });
});
