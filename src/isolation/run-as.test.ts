import { describe, expect, it } from "vitest";
import { RunAsError, buildRunAs } from "./run-as.js";

const tools = { setpriv: "/usr/bin/setpriv", env: "/usr/bin/env" };
const user = { uid: 998, gid: 994 };
const invocation: { command: string; args: string[]; env: Record<string, string>; cwd: string } = {
  command: "/usr/bin/claude",
  args: ["-p", "$(id) ; *"],
  env: { HOME: "/tmp/s/home", PATH: "/usr/bin:/bin" },
  cwd: "/tmp/s/work",
};
const asUser = [
  "/usr/bin/setpriv",
  "--reuid",
  "998",
  "--regid",
  "994",
  "--clear-groups",
  "--inh-caps=-all",
  "--bounding-set=-all",
  "--nnp",
  "--",
  "/usr/bin/env",
  "-i",
  "--chdir=/tmp/s/work",
  "--",
  "HOME=/tmp/s/home",
  "PATH=/usr/bin:/bin",
  "/usr/bin/claude",
  "-p",
  "$(id) ; *",
];

describe("buildRunAs", () => {
  it("as root: setpriv drops to the user, clears groups and capabilities, sets no_new_privs, and env sets exactly the environment", () => {
    expect(buildRunAs({ kind: "root" }, tools, user, invocation, "/tmp/s")).toEqual({
      command: "/usr/bin/setpriv",
      args: asUser.slice(1),
      env: {},
      cwd: "/tmp/s",
    });
  });

  it("through sudo: the same argv behind sudo -n --, started from a directory the action's user can enter", () => {
    const wrapped = buildRunAs({ kind: "sudo", sudo: "/usr/bin/sudo" }, tools, user, invocation, "/tmp/s");
    expect(wrapped).toEqual({
      command: "/usr/bin/sudo",
      args: ["-n", "--", ...asUser],
      env: {},
      cwd: "/tmp/s",
    });
  });

  it("refuses what env(1) would misread, and running as root", () => {
    const build =
      (change: Partial<typeof invocation>, target = user) =>
      () =>
        buildRunAs({ kind: "root" }, tools, target, { ...invocation, ...change }, "/tmp/s");
    expect(build({ command: "A=B" })).toThrow(RunAsError);
    expect(build({ command: "" })).toThrow(/cannot be run through env/);
    expect(build({ env: { "A=B": "x" } })).toThrow(/"A=B"/);
    expect(build({ env: { "-u": "x" } })).toThrow(/starts with "-"/);
    expect(build({ env: { "": "x" } })).toThrow(RunAsError);
    expect(build({ env: { A: "x\0y" } })).toThrow(/NUL/);
    expect(build({}, { uid: 0, gid: 994 })).toThrow(/uid 0/);
    expect(build({ env: { A: "x=y z" } })).not.toThrow();
  });
});
