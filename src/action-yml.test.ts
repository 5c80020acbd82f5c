import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { ALL_INPUTS, INPUT_DEFAULTS } from "./inputs.js";

const action = parse(readFileSync(resolve(import.meta.dirname, "../action.yml"), "utf8")) as {
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};

describe("action.yml", () => {
  it("declares exactly the inputs the code reads, with the same defaults", () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...ALL_INPUTS].sort());
    for (const [name, value] of Object.entries(INPUT_DEFAULTS)) {
      expect(String(action.inputs[name]?.default ?? ""), name).toBe(value);
    }
  });

  it("runs the bundle on node24 and describes every input and output", () => {
    expect(action.runs).toEqual({ using: "node24", main: "dist/index.js" });
    for (const [name, input] of Object.entries(action.inputs))
      expect(input.description.length, name).toBeGreaterThan(20);
    for (const [name, output] of Object.entries(action.outputs))
      expect(output.description.length, name).toBeGreaterThan(10);
  });
});
