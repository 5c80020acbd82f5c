import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  isLiveProcessOf,
  killAllProcesses,
  listProcessesOfUid,
  parseProcessStatus,
} from "./agent-user-processes.js";

const status = (state: string, uids: string) =>
  `Name:\tsleep\nUmask:\t0022\nState:\t${state} (sleeping)\nTgid:\t42\nPid:\t42\nUid:\t${uids}\nGid:\t994\t994\t994\t994\n`;

describe("parseProcessStatus / isLiveProcessOf", () => {
  it("reads the state and every uid of a process", () => {
    expect(parseProcessStatus(status("S", "998\t998\t998\t998"))).toEqual({
      state: "S",
      uids: [998, 998, 998, 998],
    });
    expect(parseProcessStatus("Name:\tx\n")).toBeUndefined();
  });

  it("counts a process whose real, effective or saved uid is the user's, but no zombie", () => {
    expect(isLiveProcessOf({ state: "S", uids: [1001, 998, 998, 998] }, 998)).toBe(true);
    expect(isLiveProcessOf({ state: "R", uids: [998, 0, 0, 0] }, 998)).toBe(true);
    expect(isLiveProcessOf({ state: "Z", uids: [998, 998, 998, 998] }, 998)).toBe(false);
    expect(isLiveProcessOf({ state: "S", uids: [1001, 1001, 1001, 1001] }, 998)).toBe(false);
  });
});

describe("listProcessesOfUid", () => {
  it("lists the live processes of a uid from a /proc tree, skipping zombies and other entries", () => {
    const proc = mkdtempSync(join(tmpdir(), "pto-proc-"));
    const add = (pid: string, text: string) => {
      mkdirSync(join(proc, pid));
      writeFileSync(join(proc, pid, "status"), text);
    };
    add("10", status("S", "998\t998\t998\t998"));
    add("11", status("Z", "998\t998\t998\t998"));
    add("12", status("S", "0\t0\t0\t0"));
    add("13", status("D", "998\t998\t998\t998"));
    mkdirSync(join(proc, "14")); // exited between readdir and read
    mkdirSync(join(proc, "self"));
    expect(listProcessesOfUid(998, proc).sort()).toEqual([10, 13]);
    rmSync(proc, { recursive: true, force: true });
  });
});

describe("killAllProcesses", () => {
  it("kills until none is left, counting each process once, also those forked while dying", async () => {
    const generations = [[10, 11], [11, 12], []];
    let killed = 0;
    const count = await killAllProcesses(
      { list: () => generations[Math.min(killed, 2)] ?? [], killEverything: async () => void killed++ },
      { settleMs: 0 },
    );
    expect(count).toBe(3);
    expect(killed).toBe(2);
  });

  it("returns 0 when the user runs nothing, after one kill pass for processes /proc may hide", async () => {
    let calls = 0;
    expect(await killAllProcesses({ list: () => [], killEverything: async () => void calls++ })).toBe(0);
    expect(calls).toBe(1);
  });

  it("throws naming the processes that survive every round", async () => {
    const ports = { list: () => [77, 78], killEverything: async () => undefined };
    await expect(killAllProcesses(ports, { rounds: 3, settleMs: 0 })).rejects.toThrow(
      "processes 77, 78 survived 3 rounds of SIGKILL",
    );
  });
});
