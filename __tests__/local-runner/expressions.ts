/**
 * Evaluation of GitHub Actions expressions with GitHub's semantics: `||`/`&&` return an operand,
 * `==` is loose (numbers coerced, strings compared case-insensitively), property names are
 * case-insensitive, missing properties are `null`, and `${{ }}` templates either yield a whole value
 * (`matrix: ${{ fromJSON(x) }}`) or a string.
 */
import {
  ExpressionError,
  parseExpression,
  usesStatusFunction,
  type ExpressionNode,
  type ExpressionValue,
} from "./expression-parser.js";

export { ExpressionError, parseExpression, usesStatusFunction, type ExpressionNode, type ExpressionValue };

/** Answers of the status functions; their meaning depends on where the expression sits (job or step `if:`). */
export interface StatusFunctions {
  success(): boolean;
  failure(): boolean;
  cancelled(): boolean;
}

/** What an expression can see: contexts by lower-case name (github, inputs, needs, …) and the status functions. */
export interface ExpressionScope {
  contexts: Record<string, unknown>;
  status?: StatusFunctions;
}

/** Arrays produced by the `.*` filter: a property access on them maps over their items. */
const filtered = new WeakSet<object>();

function isObject(value: unknown): value is Record<string, ExpressionValue> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Turns anything a context holds into an expression value (undefined becomes null). */
function normalize(value: unknown): ExpressionValue {
  return value === undefined ? null : (value as ExpressionValue);
}

/** GitHub's truthiness: false, 0, -0, NaN, '' and null are falsy; objects and arrays are truthy. */
export function isTruthy(value: ExpressionValue): boolean {
  if (value === null) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0 && !Number.isNaN(value);
  if (typeof value === "string") return value !== "";
  return true;
}

/** GitHub's number coercion for mixed-type comparisons. */
export function toNumber(value: ExpressionValue): number {
  if (value === null) return 0;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number") return value;
  if (typeof value === "string") {
    const trimmed = value.trim();
    return trimmed === "" ? 0 : Number(trimmed);
  }
  return NaN;
}

/** How a value reads inside a string: `null` is empty, objects and arrays are 'Object' and 'Array'. */
export function toText(value: ExpressionValue): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return Object.is(value, -0) ? "0" : String(value);
  return Array.isArray(value) ? "Array" : "Object";
}

function kindOf(value: ExpressionValue): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** `==` as GitHub defines it. */
export function looseEquals(a: ExpressionValue, b: ExpressionValue): boolean {
  const kind = kindOf(a);
  if (kind === kindOf(b)) {
    if (typeof a === "string") return a.toUpperCase() === (b as string).toUpperCase();
    return a === b;
  }
  if (kind === "array" || kind === "object" || kindOf(b) === "array" || kindOf(b) === "object") return false;
  return toNumber(a) === toNumber(b);
}

function compare(op: "<" | "<=" | ">" | ">=", a: ExpressionValue, b: ExpressionValue): boolean {
  let left: number | string;
  let right: number | string;
  if (typeof a === "string" && typeof b === "string") {
    left = a.toUpperCase();
    right = b.toUpperCase();
  } else {
    // Objects and arrays coerce to NaN, so every comparison with them is false.
    left = toNumber(a);
    right = toNumber(b);
  }
  if (op === "<") return left < right;
  if (op === "<=") return left <= right;
  if (op === ">") return left > right;
  return left >= right;
}

function access(object: ExpressionValue, key: ExpressionValue): ExpressionValue {
  if (Array.isArray(object)) {
    const index = toNumber(key);
    return Number.isInteger(index) && index >= 0 ? normalize(object[index]) : null;
  }
  if (!isObject(object)) return null;
  const name = toText(key);
  if (Object.hasOwn(object, name)) return normalize(object[name]);
  const upper = name.toUpperCase();
  const found = Object.keys(object).find((k) => k.toUpperCase() === upper);
  return found === undefined ? null : normalize(object[found]);
}

function markFiltered(items: ExpressionValue[]): ExpressionValue[] {
  filtered.add(items);
  return items;
}

function valuesOf(value: ExpressionValue): ExpressionValue[] {
  if (Array.isArray(value)) return value.map(normalize);
  if (isObject(value)) return Object.values(value).map(normalize);
  return [];
}

function format(template: string, args: ExpressionValue[]): string {
  return template.replace(/\{\{|\}\}|\{(\d+)\}|[{}]/g, (match, index: string | undefined) => {
    if (match === "{{") return "{";
    if (match === "}}") return "}";
    if (index === undefined) throw new ExpressionError(`The format string is invalid: ${template}`);
    const arg = args[Number(index)];
    if (arg === undefined)
      throw new ExpressionError(`The format string references argument ${index}, missing: ${template}`);
    return toText(arg);
  });
}

function callFunction(name: string, args: ExpressionValue[], scope: ExpressionScope): ExpressionValue {
  const [first = null, second = null] = args;
  const status = () => {
    if (!scope.status) throw new ExpressionError(`${name}() is only allowed in if: conditions`);
    return scope.status;
  };
  switch (name) {
    case "contains":
      if (Array.isArray(first)) return first.some((item) => looseEquals(normalize(item), second));
      return toText(first).toUpperCase().includes(toText(second).toUpperCase());
    case "startswith":
      return toText(first).toUpperCase().startsWith(toText(second).toUpperCase());
    case "endswith":
      return toText(first).toUpperCase().endsWith(toText(second).toUpperCase());
    case "format":
      return format(toText(first), args.slice(1));
    case "join":
      if (!Array.isArray(first)) return toText(first);
      return first.map((item) => toText(normalize(item))).join(args.length > 1 ? toText(second) : ",");
    case "tojson":
      return JSON.stringify(first, null, 2);
    case "fromjson": {
      const text = toText(first);
      try {
        return normalize(JSON.parse(text));
      } catch {
        throw new ExpressionError(`Error parsing fromJson: ${JSON.stringify(text)} is not JSON`);
      }
    }
    case "success":
      return status().success();
    case "failure":
      return status().failure();
    case "cancelled":
      return status().cancelled();
    case "always":
      return true;
    default:
      throw new ExpressionError(`${name}() is not supported by the local runner`);
  }
}

/** Evaluates a parsed expression. */
export function evaluateNode(node: ExpressionNode, scope: ExpressionScope): ExpressionValue {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "context":
      if (!Object.hasOwn(scope.contexts, node.name)) {
        throw new ExpressionError(`Unrecognized named-value: '${node.name}'`);
      }
      return normalize(scope.contexts[node.name]);
    case "member": {
      const object = evaluateNode(node.object, scope);
      const isFiltered = Array.isArray(object) && filtered.has(object);
      if (node.property === "*") {
        return markFiltered(isFiltered ? object.flatMap(valuesOf) : valuesOf(object));
      }
      const key = evaluateNode(node.property, scope);
      if (!isFiltered) return access(object, key);
      return markFiltered(object.map((item) => access(item, key)).filter((v) => v !== null));
    }
    case "call":
      return callFunction(
        node.name,
        node.args.map((arg) => evaluateNode(arg, scope)),
        scope,
      );
    case "not":
      return !isTruthy(evaluateNode(node.operand, scope));
    case "binary": {
      const left = evaluateNode(node.left, scope);
      // Short-circuit, returning the deciding operand itself (not a boolean), as GitHub does.
      if (node.op === "&&") return isTruthy(left) ? evaluateNode(node.right, scope) : left;
      if (node.op === "||") return isTruthy(left) ? left : evaluateNode(node.right, scope);
      const right = evaluateNode(node.right, scope);
      if (node.op === "==") return looseEquals(left, right);
      if (node.op === "!=") return !looseEquals(left, right);
      return compare(node.op, left, right);
    }
  }
}

/** Parses and evaluates one expression (no `${{ }}`). */
export function evaluateExpression(text: string, scope: ExpressionScope): ExpressionValue {
  return evaluateNode(parseExpression(text), scope);
}

/** A template split into literal text and `${{ }}` expressions. */
export type TemplatePart = { text: string } | { expression: string };

/** Splits `a ${{ b }} c` into parts; `}}` inside a string literal does not end the expression. */
export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let i = 0;
  while (i < template.length) {
    const start = template.indexOf("${{", i);
    if (start < 0) {
      parts.push({ text: template.slice(i) });
      break;
    }
    if (start > i) parts.push({ text: template.slice(i, start) });
    let j = start + 3;
    let inString = false;
    for (; j < template.length; j++) {
      if (template[j] === "'") inString = !inString;
      else if (!inString && template.startsWith("}}", j)) break;
    }
    if (j >= template.length) throw new ExpressionError(`Unclosed expression in: ${template}`);
    parts.push({ expression: template.slice(start + 3, j).trim() });
    i = j + 2;
  }
  return parts;
}

/**
 * Evaluates a template. A value that is exactly one `${{ }}` yields the expression's value itself
 * (an object for `fromJSON`, a number, …); anything else is a string with every expression as text.
 */
export function evaluateTemplate(template: string, scope: ExpressionScope): ExpressionValue {
  const parts = parseTemplate(template);
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only && "expression" in only) return evaluateExpression(only.expression, scope);
  return parts
    .map((part) => ("text" in part ? part.text : toText(evaluateExpression(part.expression, scope))))
    .join("");
}

/** Evaluates a template to text, as a `with:` or `env:` value or a `run:` script receives it. */
export function interpolate(template: string, scope: ExpressionScope): string {
  return toText(evaluateTemplate(template, scope));
}

/** Evaluates templates anywhere inside a YAML value (strings in objects and arrays), keeping other scalars. */
export function evaluateDeep(value: unknown, scope: ExpressionScope): ExpressionValue {
  if (typeof value === "string") return evaluateTemplate(value, scope);
  if (Array.isArray(value)) return value.map((item) => evaluateDeep(item, scope));
  if (isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluateDeep(v, scope)]));
  }
  return normalize(value);
}

/**
 * Evaluates an `if:` condition. `${{ }}` around it is optional; without a status function the
 * condition means `success() && (…)`; an absent condition means `success()`.
 */
export function evaluateCondition(condition: unknown, scope: ExpressionScope): boolean {
  if (condition === undefined || condition === null) return isTruthy(callFunction("success", [], scope));
  let text = typeof condition === "string" ? condition.trim() : String(condition);
  const parts = parseTemplate(text);
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only && "expression" in only) text = only.expression;
  // Literal text around `${{ }}` makes the condition a non-empty string, always true: GitHub's pitfall.
  else if (parts.some((part) => "expression" in part)) return isTruthy(evaluateTemplate(text, scope));
  const tree = parseExpression(text);
  if (!usesStatusFunction(tree) && !isTruthy(callFunction("success", [], scope))) return false;
  return isTruthy(evaluateNode(tree, scope));
}
