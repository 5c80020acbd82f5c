import { describe, expect, it } from "vitest";
import {
  evaluateCondition,
  evaluateDeep,
  evaluateExpression,
  evaluateTemplate,
  ExpressionError,
  interpolate,
  parseExpression,
  parseTemplate,
  usesStatusFunction,
  type ExpressionScope,
} from "./expressions.js";

const scope = (status = { success: true, failure: false, cancelled: false }): ExpressionScope => ({
  contexts: {
    inputs: { "master-issue": 7, "dry-run": false, agent: "claude", tasks: "" },
    needs: {
      plan: { result: "success", outputs: { count: "3", matrix: '{"include":[{"task":"1"}]}', empty: "" } },
      agent: { result: "failure", outputs: {} },
    },
    github: {
      token: "ghs_x",
      event_name: "issues",
      event: {
        label: { name: "Parallel-Orchestrate" },
        issue: { number: 12, labels: [{ name: "bug" }, { name: "ui" }] },
      },
    },
    secrets: {},
    vars: {},
    matrix: { task: "2", title: "Add auth" },
  },
  status: { success: () => status.success, failure: () => status.failure, cancelled: () => status.cancelled },
});

const ev = (text: string, s = scope()) => evaluateExpression(text, s);

describe("expression parser", () => {
  it("honours GitHub's precedence: ! over comparison over equality over && over ||", () => {
    expect(parseExpression("a || b && !c == d")).toEqual({
      kind: "binary",
      op: "||",
      left: { kind: "context", name: "a" },
      right: {
        kind: "binary",
        op: "&&",
        left: { kind: "context", name: "b" },
        right: {
          kind: "binary",
          op: "==",
          left: { kind: "not", operand: { kind: "context", name: "c" } },
          right: { kind: "context", name: "d" },
        },
      },
    });
  });

  it("reads literals: strings with doubled quotes, signed, decimal, hex and exponent numbers, keywords", () => {
    expect(ev("'it''s'")).toBe("it's");
    expect(ev("-2.5")).toBe(-2.5);
    expect(ev("0xff")).toBe(255);
    expect(ev("1e3")).toBe(1000);
    expect(ev("null")).toBeNull();
    expect(ev("true")).toBe(true);
  });

  it("rejects malformed expressions, unknown functions and wrong arity", () => {
    expect(() => parseExpression("a ==")).toThrow(ExpressionError);
    expect(() => parseExpression("(a")).toThrow(/Expected '\)'/);
    expect(() => parseExpression("'open")).toThrow(/Unterminated/);
    expect(() => parseExpression("nope(1)")).toThrow(/Unrecognized function/);
    expect(() => parseExpression("contains('a')")).toThrow(/Wrong number/);
    expect(() => parseExpression("a = b")).toThrow(ExpressionError);
  });

  it("finds status functions anywhere in a condition", () => {
    expect(usesStatusFunction(parseExpression("always() && needs.plan.result == 'success'"))).toBe(true);
    expect(usesStatusFunction(parseExpression("!cancelled()"))).toBe(true);
    expect(usesStatusFunction(parseExpression("needs.plan.outputs.count != '0'"))).toBe(false);
  });
});

describe("expression evaluation", () => {
  it("reads contexts with case-insensitive names and keys, null for anything missing", () => {
    expect(ev("inputs.master-issue")).toBe(7);
    expect(ev("NEEDS.Plan.OUTPUTS.count")).toBe("3");
    expect(ev("needs.plan.outputs['count']")).toBe("3");
    expect(ev("needs.nope.outputs.count")).toBeNull();
    expect(ev("github.event.issue.labels[1].name")).toBe("ui");
    expect(() => ev("nosuchcontext.x")).toThrow(/Unrecognized named-value/);
  });

  it("returns operands from && and ||, not booleans", () => {
    expect(ev("secrets.pr-token || github.token")).toBe("ghs_x");
    expect(ev("inputs.tasks || 'all'")).toBe("all");
    expect(ev("inputs.agent && inputs.master-issue")).toBe(7);
    expect(ev("inputs.dry-run && 'x'")).toBe(false);
  });

  it("compares loosely: numbers coerced, strings case-insensitive", () => {
    expect(ev("needs.plan.outputs.count == 3")).toBe(true);
    expect(ev("needs.plan.outputs.count != '0'")).toBe(true);
    expect(ev("needs.plan.outputs.empty == 0")).toBe(true);
    expect(ev("needs.plan.outputs.empty != ''")).toBe(false);
    expect(ev("'ABC' == 'abc'")).toBe(true);
    expect(ev("true == 1")).toBe(true);
    expect(ev("null == 0")).toBe(true);
    expect(ev("'x' == 0")).toBe(false);
    expect(ev("fromJSON('[1]') == fromJSON('[1]')")).toBe(false);
    expect(ev("'0x10' == 16")).toBe(true);
    expect(ev("2 < 10")).toBe(true);
    expect(ev("'b' > 'A'")).toBe(true);
    expect(ev("'10' >= 9")).toBe(true);
    expect(ev("NaN == NaN")).toBe(false);
  });

  it("evaluates the functions: fromJSON, toJSON, format, contains, startsWith, endsWith, join", () => {
    expect(ev("fromJSON(needs.plan.outputs.matrix)")).toEqual({ include: [{ task: "1" }] });
    expect(ev("fromJSON('45')")).toBe(45);
    expect(() => ev("fromJSON(needs.plan.outputs.empty)")).toThrow(/fromJson/);
    expect(ev("toJSON(matrix)")).toBe('{\n  "task": "2",\n  "title": "Add auth"\n}');
    expect(ev("format('Task {0} · {1} {{x}}', matrix.task, matrix.title)")).toBe("Task 2 · Add auth {x}");
    expect(() => ev("format('{', 1)")).toThrow(/format string/);
    expect(ev("contains(github.event.issue.labels.*.name, 'BUG')")).toBe(true);
    expect(ev("contains('Hello world', 'WORLD')")).toBe(true);
    expect(ev("startsWith(github.event.label.name, 'parallel')")).toBe(true);
    expect(ev("endsWith('abc', 'C')")).toBe(true);
    expect(ev("join(github.event.issue.labels.*.name, ', ')")).toBe("bug, ui");
    expect(ev("join(github.event.issue.labels.*.name)")).toBe("bug,ui");
  });

  it("filters objects and arrays with .* and [*]", () => {
    expect(ev("needs.*.result")).toEqual(["success", "failure"]);
    expect(ev("contains(needs.*.result, 'failure')")).toBe(true);
    expect(ev("github.event.issue.labels[*].name")).toEqual(["bug", "ui"]);
  });

  it("evaluates the status functions from the scope", () => {
    expect(ev("success()")).toBe(true);
    expect(ev("!cancelled()")).toBe(true);
    expect(ev("failure()", scope({ success: false, failure: true, cancelled: false }))).toBe(true);
    expect(() => evaluateExpression("success()", { contexts: {} })).toThrow(/only allowed in if/);
  });
});

describe("templates", () => {
  it("splits text and expressions, ignoring }} inside strings", () => {
    expect(parseTemplate("a ${{ 'x}}y' }} b")).toEqual([
      { text: "a " },
      { expression: "'x}}y'" },
      { text: " b" },
    ]);
    expect(() => parseTemplate("${{ a")).toThrow(/Unclosed/);
  });

  it("yields the value of a whole-value expression and text otherwise", () => {
    expect(evaluateTemplate("${{ fromJSON(needs.plan.outputs.count) }}", scope())).toBe(3);
    expect(evaluateTemplate("${{ fromJSON(needs.plan.outputs.matrix) }}", scope())).toEqual({
      include: [{ task: "1" }],
    });
    expect(interpolate("Task ${{ matrix.task }} · ${{ matrix.title }}", scope())).toBe("Task 2 · Add auth");
    expect(interpolate("${{ inputs.dry-run }}", scope())).toBe("false");
    expect(interpolate("${{ inputs.master-issue }}", scope())).toBe("7");
    expect(interpolate("x${{ needs.plan.outputs.missing }}y", scope())).toBe("xy");
    expect(interpolate("${{ github.event }}", scope())).toBe("Object");
    expect(interpolate("plain", scope())).toBe("plain");
  });

  it("evaluates templates inside nested YAML values and keeps other scalars", () => {
    expect(
      evaluateDeep({ a: "${{ matrix.task }}", b: [1, "${{ fromJSON('true') }}"], c: false }, scope()),
    ).toEqual({
      a: "2",
      b: [1, true],
      c: false,
    });
  });
});

describe("if: conditions", () => {
  const failed = scope({ success: false, failure: true, cancelled: false });

  it("adds an implicit success() when no status function is used", () => {
    expect(evaluateCondition("needs.plan.outputs.count != '0'", scope())).toBe(true);
    expect(evaluateCondition("needs.plan.outputs.count != '0'", failed)).toBe(false);
    expect(evaluateCondition(undefined, scope())).toBe(true);
    expect(evaluateCondition(undefined, failed)).toBe(false);
  });

  it("runs on failure with always() or failure(), and accepts ${{ }} around the condition", () => {
    expect(evaluateCondition("always() && needs.plan.result == 'success'", failed)).toBe(true);
    expect(evaluateCondition("${{ failure() }}", failed)).toBe(true);
    expect(evaluateCondition("!cancelled()", failed)).toBe(true);
    expect(evaluateCondition("${{ failure() }}", scope())).toBe(false);
    expect(evaluateCondition(false, scope())).toBe(false);
  });

  it("treats text around ${{ }} as a non-empty string, true like on GitHub", () => {
    expect(evaluateCondition("${{ false }} && false", scope())).toBe(true);
  });

  it("evaluates the label condition of parallel-orchestrate.yml", () => {
    const condition =
      "github.event_name == 'workflow_dispatch' || github.event.label.name == (vars.ORCHESTRATE_LABEL || 'parallel-orchestrate')";
    expect(evaluateCondition(condition, scope())).toBe(true);
  });
});
