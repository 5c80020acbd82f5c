import { describe, expect, it } from "vitest";
import { defaultInstanceName, expandMatrix } from "./matrix.js";
import { dependencyOrder, resolveInputs, resolveSecrets } from "./workflow-model.js";

describe("matrix expansion", () => {
  it("takes the cartesian product of vectors, in order", () => {
    expect(expandMatrix({ os: ["linux", "mac"], node: [20, 22] })).toEqual([
      { os: "linux", node: 20 },
      { os: "linux", node: 22 },
      { os: "mac", node: 20 },
      { os: "mac", node: 22 },
    ]);
  });

  it("removes partial matches of exclude, extends matching combinations with include and adds the rest", () => {
    expect(
      expandMatrix({
        os: ["linux", "mac"],
        node: [20, 22],
        exclude: [{ os: "mac", node: 20 }],
        include: [{ os: "linux", experimental: true }, { os: "windows", node: 22 }, { color: "green" }],
      }),
    ).toEqual([
      { os: "linux", node: 20, experimental: true, color: "green" },
      { os: "linux", node: 22, experimental: true, color: "green" },
      { os: "mac", node: 22, color: "green" },
      { os: "windows", node: 22 },
    ]);
  });

  it("uses include alone as the list of combinations, like the plan's matrix", () => {
    expect(expandMatrix({ include: [{ task: "1" }, { task: "2" }] })).toEqual([{ task: "1" }, { task: "2" }]);
  });

  it("refuses an empty matrix, an empty vector and more than 256 jobs, as GitHub does", () => {
    expect(() => expandMatrix({ include: [] })).toThrow("Matrix must define at least one vector");
    expect(() => expandMatrix({ os: [] })).toThrow("Matrix vector 'os' does not contain any values");
    expect(() => expandMatrix({ n: Array.from({ length: 257 }, (_, i) => i) })).toThrow(/at most 256/);
    expect(() => expandMatrix("x")).toThrow(/mapping/);
  });

  it("names an instance after its values when the job has no name", () => {
    expect(defaultInstanceName("test", { os: "linux", node: 20 })).toBe("test (linux, 20)");
  });
});

describe("workflow model", () => {
  it("orders jobs after their needs and rejects cycles and unknown needs", () => {
    expect(dependencyOrder({ c: { needs: ["a", "b"] }, b: { needs: "a" }, a: {} })).toEqual(["a", "b", "c"]);
    expect(() => dependencyOrder({ a: { needs: "b" }, b: { needs: "a" } })).toThrow(/cycle: a → b → a/);
    expect(() => dependencyOrder({ a: { needs: "x" } })).toThrow(/unknown job 'x'/);
  });

  it("types inputs per their declaration, with defaults", () => {
    const declared = {
      n: { type: "number" as const, required: true },
      flag: { type: "boolean" as const, default: false },
      text: { type: "string" as const, default: "" },
      pick: { type: "choice" as const, options: ["a", "b"], default: "a" },
    };
    expect(resolveInputs(declared, { n: "5", flag: "true" })).toEqual({
      n: 5,
      flag: true,
      text: "",
      pick: "a",
    });
    expect(() => resolveInputs(declared, {})).toThrow(/required and not supplied: n/);
    expect(() => resolveInputs(declared, { n: 1, flag: "yes" })).toThrow(/must be a boolean/);
    expect(() => resolveInputs(declared, { n: 1, pick: "c" })).toThrow(/must be one of/);
  });

  it("passes only declared secrets, plus GITHUB_TOKEN", () => {
    expect(resolveSecrets({ a: {}, b: { required: false } }, { a: "x", c: "y" }, "tok")).toEqual({
      GITHUB_TOKEN: "tok",
      a: "x",
    });
    expect(() => resolveSecrets({ a: { required: true } }, {}, "tok")).toThrow(/Secret a is required/);
  });
});
