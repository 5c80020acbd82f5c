import { describe, expect, it } from "vitest";
import {
  findPasswdEntry,
  hasGroup,
  isLockContention,
  lockBackoffMs,
  newAccountName,
} from "./agent-user-account.js";

const passwd = [
  "root:x:0:0:root:/root:/bin/bash",
  "pto-agent-0a1b2c3d:x:998:994::/tmp/pto-agent-Xy/home:/usr/sbin/nologin",
  "pto-agent-0a1b2c3dx:x:997:993::/nonexistent:/usr/sbin/nologin",
  "",
].join("\n");

describe("agent account helpers", () => {
  it("finds a user's uid, gid and home by exact name", () => {
    expect(findPasswdEntry(passwd, "pto-agent-0a1b2c3d")).toEqual({
      uid: 998,
      gid: 994,
      home: "/tmp/pto-agent-Xy/home",
    });
    expect(findPasswdEntry(passwd, "pto-agent")).toBeUndefined();
    expect(hasGroup("root:x:0:\npto-agent-0a1b2c3d:x:994:\n", "pto-agent-0a1b2c3d")).toBe(true);
    expect(hasGroup("root:x:0:\n", "pto-agent-0a1b2c3d")).toBe(false);
  });

  it("makes a fresh name per call and refuses prefixes useradd would reject", () => {
    expect(newAccountName("pto-agent")).toMatch(/^pto-agent-[0-9a-f]{8}$/);
    expect(newAccountName("pto-agent")).not.toBe(newAccountName("pto-agent"));
    expect(() => newAccountName("PTO Agent")).toThrow(/"PTO Agent-[0-9a-f]{8}"/);
    expect(() => newAccountName("a".repeat(24))).toThrow(/at most 23 characters/);
    expect(newAccountName("a".repeat(23), () => "0a1b2c3d")).toHaveLength(32);
  });

  it("recognises a held account-database lock, and backs off more each time within a bound", () => {
    const result = (stderr: string) => ({ exitCode: 1, stdout: "", stderr });
    expect(isLockContention(result("useradd: cannot lock /etc/passwd; try again later.\n"))).toBe(true);
    expect(isLockContention(result("userdel: cannot lock /etc/group; try again later.\n"))).toBe(true);
    expect(isLockContention(result("useradd: user 'x' already exists\n"))).toBe(false);
    expect(lockBackoffMs(1, 0.5)).toBe(50);
    expect(lockBackoffMs(3, 0.5)).toBe(200);
    expect(lockBackoffMs(20, 0.5)).toBe(1_000);
    expect(lockBackoffMs(20, 1)).toBe(1_500);
  });
});
