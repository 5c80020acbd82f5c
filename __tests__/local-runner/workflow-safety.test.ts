import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/**
 * Script injection: GitHub substitutes `${{ … }}` into a `run:` script before the shell sees it, so an
 * issue title, a branch name or a caller's input there becomes shell code. Our workflows pass every
 * value a script needs through `env:` (the shell then reads it as data), and this test holds them to
 * that with no exceptions: not even `${{` of a value that looks safe today (a number input, a step
 * output) may be written into a script, so nobody has to judge which values an attacker can reach.
 */
const WORKFLOWS = resolve(import.meta.dirname, "../../.github/workflows");

interface RunScript {
  /** Where the script is, e.g. `jobs.plan.steps[1].run`. */
  at: string;
  script: string;
}

/** Every `run:` script anywhere in a parsed workflow (steps of any job, and any other place). */
function runScripts(node: unknown, at = ""): RunScript[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => runScripts(item, `${at}[${i}]`));
  if (node === null || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([key, value]) => {
    const here = at === "" ? key : `${at}.${key}`;
    // `defaults.run` is a mapping ({ shell, working-directory }); only a string is a script.
    if (key === "run" && typeof value === "string") return [{ at: here, script: value }];
    return runScripts(value, here);
  });
}

/** The scripts of `workflow` that contain an expression, as `file: path: expression` lines. */
function expressionsInScripts(file: string, workflow: unknown): string[] {
  return runScripts(workflow).flatMap(({ at, script }) =>
    [...script.matchAll(/\$\{\{[^}]*\}\}|\$\{\{/g)].map((m) => `${file}: ${at}: ${m[0]}`),
  );
}

const workflowFiles = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));

describe("workflow scripts", () => {
  it("finds the workflows and their run: scripts (so the rule below is checked against something)", () => {
    expect(workflowFiles).toEqual(
      expect.arrayContaining(["ci.yml", "orchestrate.yml", "parallel-orchestrate.yml"]),
    );
    const scripts = workflowFiles.flatMap((file) =>
      runScripts(parse(readFileSync(join(WORKFLOWS, file), "utf8"))).map((s) => `${file}: ${s.at}`),
    );
    // The limits step computes from an input, the very case the rule is about: it must be found.
    expect(scripts).toEqual(
      expect.arrayContaining(["orchestrate.yml: jobs.plan.steps[1].run", "ci.yml: jobs.check.steps[2].run"]),
    );
  });

  it.each(workflowFiles)(
    "%s writes no ${{ }} expression into a run: script (values go through env:)",
    (file) => {
      const workflow = parse(readFileSync(join(WORKFLOWS, file), "utf8"));
      expect(expressionsInScripts(file, workflow)).toEqual([]);
    },
  );

  it("flags an expression in a script, wherever it is and however it is written", () => {
    // The checker itself, on workflows that do what ours must not: it would otherwise pass vacuously.
    const bad = parse(`
on: issues
jobs:
  a:
    defaults: { run: { shell: bash } }
    steps:
      - run: echo "\${{ github.event.issue.title }}"
      - env: { TITLE: "\${{ github.event.issue.title }}" }
        run: echo "$TITLE"
  b:
    steps:
      - run: |
          n=\${{inputs.count}}
          echo "\${{ steps.x.outputs.y }"
`);
    expect(expressionsInScripts("bad.yml", bad)).toEqual([
      "bad.yml: jobs.a.steps[0].run: ${{ github.event.issue.title }}",
      "bad.yml: jobs.b.steps[0].run: ${{inputs.count}}",
      "bad.yml: jobs.b.steps[0].run: ${{",
    ]);
  });
});
