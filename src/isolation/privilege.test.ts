import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  ISOLATION_UNAVAILABLE_MESSAGE,
  PrivilegedCommandError,
  detectPrivilege,
  findSystemTool,
  privilegedArgv,
  runPrivileged,
} from "./privilege.js";

const isRoot = process.getuid?.() === 0;
const dir = mkdtempSync(join(tmpdir(), "pto-privilege-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in sudo: a real executable that exits with `code`. */
function fakeSudo(name: string, code: number): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\nexit ${code}\n`, { mode: 0o755 });
  return path;
}

describe("detectPrivilege", () => {
  it.skipIf(!isRoot)("says root when the process runs as uid 0", async () => {
    expect(await detectPrivilege()).toEqual({ kind: "root" });
  });

  it("says sudo only when `sudo -n true` succeeds, and nothing without sudo", async () => {
    const sudo = fakeSudo("sudo-ok", 0);
    expect(await detectPrivilege({ getuid: () => 1001, findSudo: () => sudo })).toEqual({
      kind: "sudo",
      sudo,
    });
    const refusing = fakeSudo("sudo-needs-password", 1);
    expect(await detectPrivilege({ getuid: () => 1001, findSudo: () => refusing })).toBeUndefined();
    expect(await detectPrivilege({ getuid: () => 1001, findSudo: () => undefined })).toBeUndefined();
    expect(
      await detectPrivilege({ getuid: () => 1001, findSudo: () => join(dir, "missing") }),
    ).toBeUndefined();
  });

  it("has the message the agent job prints when neither exists", () => {
    expect(ISOLATION_UNAVAILABLE_MESSAGE).toBe(
      "isolation needs root or passwordless sudo; set `isolation: none` to run the agent as the runner's user (unsafe)",
    );
  });
});

describe("runPrivileged", () => {
  it("prefixes sudo -n -- when running through sudo, and nothing as root", () => {
    expect(privilegedArgv({ kind: "sudo", sudo: "/usr/bin/sudo" }, ["/usr/sbin/useradd", "x"])).toEqual([
      "/usr/bin/sudo",
      "-n",
      "--",
      "/usr/sbin/useradd",
      "x",
    ]);
    expect(privilegedArgv({ kind: "root" }, ["/usr/sbin/useradd", "x"])).toEqual(["/usr/sbin/useradd", "x"]);
  });

  it.skipIf(!isRoot)("passes stdin, gives a fixed environment and runs no shell", async () => {
    const echo = await runPrivileged({ kind: "root" }, ["/bin/cat"], { input: "rules\n" });
    expect(echo).toEqual({ exitCode: 0, stdout: "rules\n", stderr: "" });
    const env = await runPrivileged({ kind: "root" }, ["/usr/bin/env"]);
    expect(env.stdout.trim().split("\n").sort()).toEqual(["LC_ALL=C", "PATH=/usr/sbin:/usr/bin:/sbin:/bin"]);
    const literal = await runPrivileged({ kind: "root" }, ["/bin/echo", "$(id)", ";", "*"]);
    expect(literal.stdout).toBe("$(id) ; *\n");
  });

  it.skipIf(!isRoot)(
    "throws an error naming the command, its exit code and stderr, unless failure is allowed",
    async () => {
      const argv = ["/bin/sh", "-c", "echo cannot lock /etc/passwd >&2; exit 3"];
      const error = await runPrivileged({ kind: "root" }, argv).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PrivilegedCommandError);
      expect((error as Error).message).toBe(`${argv.join(" ")} failed (exit 3): cannot lock /etc/passwd`);
      expect(await runPrivileged({ kind: "root" }, argv, { allowFailure: true })).toMatchObject({
        exitCode: 3,
      });
    },
  );

  it("runs through the sudo it was given", async () => {
    const result = await runPrivileged({ kind: "sudo", sudo: fakeSudo("sudo-fails", 7) }, ["/bin/true"], {
      allowFailure: true,
    });
    expect(result.exitCode).toBe(7);
  });
});

describe("findSystemTool", () => {
  it("finds tools in the system directories only", () => {
    expect(findSystemTool("env")).toMatch(/^\/(usr\/)?bin\/env$/);
    expect(findSystemTool("no-such-tool-pto")).toBeUndefined();
  });

  it.skipIf(!isRoot)("refuses a tool that someone other than root could have replaced", () => {
    const tools = join(dir, "tools");
    mkdirSync(tools);
    writeFileSync(join(tools, "iptables"), "#!/bin/sh\n", { mode: 0o755 });
    expect(findSystemTool("iptables", [tools])).toBe(join(tools, "iptables"));
    chmodSync(join(tools, "iptables"), 0o777);
    expect(findSystemTool("iptables", [tools])).toBeUndefined();
    chmodSync(join(tools, "iptables"), 0o644);
    expect(findSystemTool("iptables", [tools])).toBeUndefined();
  });
});
