import { describe, expect, it } from "vitest";
import { CommandLineError, parseCommandArgv } from "./parse-command-argv.js";

describe("parseCommandArgv", () => {
  it("splits words on whitespace", () => {
    expect(parseCommandArgv("  my-agent  --task\tx\n--verbose ")).toEqual([
      "my-agent",
      "--task",
      "x",
      "--verbose",
    ]);
  });

  it("honours single quotes, double quotes and backslashes", () => {
    expect(parseCommandArgv(`run 'a b' "c d" e\\ f ''`)).toEqual(["run", "a b", "c d", "e f", ""]);
    expect(parseCommandArgv(`x "say \\"hi\\" \\\\ \\$HOME \\n" 'it''s' "a"'b'c`)).toEqual([
      "x",
      'say "hi" \\ $HOME \\n',
      "its",
      "abc",
    ]);
    expect(parseCommandArgv("aider --message 'fix | the $bug; now' --yes")).toEqual([
      "aider",
      "--message",
      "fix | the $bug; now",
      "--yes",
    ]);
    expect(parseCommandArgv("a \\\nb")).toEqual(["a", "b"]);
  });

  it("takes a JSON array as is", () => {
    expect(parseCommandArgv('["my agent", "--prompt-file", "$PROMPT_FILE", "a|b"]')).toEqual([
      "my agent",
      "--prompt-file",
      "$PROMPT_FILE",
      "a|b",
    ]);
  });

  it("rejects unbalanced quotes, trailing backslashes and empty commands", () => {
    expect(() => parseCommandArgv("run 'a b")).toThrow(/unbalanced single quote/);
    expect(() => parseCommandArgv('run "a b')).toThrow(/unbalanced double quote/);
    expect(() => parseCommandArgv("run a\\")).toThrow(/ends with a backslash/);
    expect(() => parseCommandArgv("   ")).toThrow(/empty/);
    expect(() => parseCommandArgv("'' x")).toThrow(/empty/);
    expect(() => parseCommandArgv("[]")).toThrow(CommandLineError);
    expect(() => parseCommandArgv('["a", 1]')).toThrow(/array of strings/);
    expect(() => parseCommandArgv("[not json")).toThrow(/not a valid JSON array/);
  });

  it("refuses unquoted shell syntax instead of passing it literally", () => {
    for (const line of [
      "a | b",
      "a && b",
      "a; b",
      "a > out",
      "a < in",
      "echo $HOME",
      "echo `id`",
      "$(rm -rf /)",
      "ls *.ts",
      "a?",
      "(a)",
      "cd ~",
      "a #comment",
    ]) {
      expect(() => parseCommandArgv(line), line).toThrow(/not run through a shell/);
    }
    expect(parseCommandArgv("a~b c#d")).toEqual(["a~b", "c#d"]);
  });
});
