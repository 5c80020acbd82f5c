import { describe, expect, it } from "vitest";
import { AgentEnvError, buildAgentEnv } from "./build-agent-env.js";

/** What a runner's environment looks like to the action's process (values shortened). */
const RUNNER_ENV: NodeJS.ProcessEnv = {
  PATH: "/usr/local/bin:/usr/bin",
  HOME: "/home/runner",
  LANG: "C.UTF-8",
  LC_ALL: "C.UTF-8",
  TMPDIR: "/tmp",
  CI: "true",
  RUNNER_TEMP: "/home/runner/work/_temp",
  GITHUB_ACTIONS: "true",
  GITHUB_WORKSPACE: "/home/runner/work/r/r",
  GITHUB_REPOSITORY: "o/r",
  JAVA_HOME: "/opt/java",
  JAVA_HOME_17_X64: "/opt/java17",
  XDG_CONFIG_HOME: "/home/runner/.config",
  HTTPS_PROXY: "http://proxy:3128",
  GITHUB_TOKEN: "ghs_1",
  GH_TOKEN: "ghs_2",
  INPUT_GITHUB_TOKEN: "ghs_3",
  "INPUT_ANTHROPIC-API-KEY": "sk-ant-4",
  ACTIONS_RUNTIME_TOKEN: "rt",
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: "idt",
  ACTIONS_ID_TOKEN_REQUEST_URL: "https://id",
  ACTIONS_RESULTS_URL: "https://results",
  ACTIONS_RUNTIME_URL: "https://runtime",
  GITHUB_ENV: "/home/runner/work/_temp/_runner_file_commands/set_env_x",
  GITHUB_PATH: "/p",
  GITHUB_OUTPUT: "/o",
  GITHUB_STEP_SUMMARY: "/s",
  NPM_TOKEN: "npm_5",
  AWS_SECRET_ACCESS_KEY: "aws",
  DB_PASSWORD: "pw",
  OPENAI_API_KEY: "sk-6",
  NODE_OPTIONS: "--require /tmp/evil.js",
  LD_PRELOAD: "/tmp/evil.so",
  MY_SECRET_HOME: "/x",
  EMPTY: undefined,
};

describe("buildAgentEnv", () => {
  it("keeps only allow-listed variables", () => {
    expect(buildAgentEnv(RUNNER_ENV)).toEqual({
      PATH: "/usr/local/bin:/usr/bin",
      HOME: "/home/runner",
      LANG: "C.UTF-8",
      LC_ALL: "C.UTF-8",
      TMPDIR: "/tmp",
      CI: "true",
      RUNNER_TEMP: "/home/runner/work/_temp",
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: "/home/runner/work/r/r",
      GITHUB_REPOSITORY: "o/r",
      JAVA_HOME: "/opt/java",
      JAVA_HOME_17_X64: "/opt/java17",
      XDG_CONFIG_HOME: "/home/runner/.config",
      HTTPS_PROXY: "http://proxy:3128",
    });
  });

  it("adds the adapter's variables last, so its credential wins and unset ones are skipped", () => {
    const env = buildAgentEnv(RUNNER_ENV, {
      set: { ANTHROPIC_API_KEY: "sk-ant-own", HOME: "/tmp/h", CLAUDE_CODE_OAUTH_TOKEN: undefined },
    });
    expect(env.ANTHROPIC_API_KEY).toBe("sk-ant-own");
    expect(env.HOME).toBe("/tmp/h");
    expect("CLAUDE_CODE_OAUTH_TOKEN" in env).toBe(false);
  });

  it("passes variables the workflow names explicitly", () => {
    const env = buildAgentEnv(RUNNER_ENV, { pass: ["OPENAI_API_KEY", "NPM_TOKEN", "NOT_SET"] });
    expect(env.OPENAI_API_KEY).toBe("sk-6");
    expect(env.NPM_TOKEN).toBe("npm_5");
    expect("NOT_SET" in env).toBe(false);
  });

  it("refuses to pass the GitHub token, inputs, runtime tokens or workflow command files", () => {
    for (const name of [
      "GITHUB_TOKEN",
      "GH_TOKEN",
      "INPUT_GITHUB_TOKEN",
      "ACTIONS_RUNTIME_TOKEN",
      "ACTIONS_ID_TOKEN_REQUEST_URL",
      "GITHUB_ENV",
      "GITHUB_OUTPUT",
    ]) {
      expect(() => buildAgentEnv(RUNNER_ENV, { pass: [name] }), name).toThrow(AgentEnvError);
    }
    expect(() => buildAgentEnv(RUNNER_ENV, { pass: ["GITHUB_TOKEN"] })).toThrow(
      /"GITHUB_TOKEN" cannot be passed/,
    );
  });
});
