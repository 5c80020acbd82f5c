/**
 * Tokenizer and recursive-descent parser for GitHub Actions expressions (the text inside `${{ }}`).
 * Precedence, highest first, as GitHub documents it: `( )`, `[ ]` `.`, `!`, `< <= > >=`, `== !=`, `&&`, `||`.
 */

/** A JSON-like value, the only kinds an expression produces. */
export type ExpressionValue =
  null | boolean | number | string | ExpressionValue[] | { [key: string]: ExpressionValue };

export type BinaryOperator = "||" | "&&" | "==" | "!=" | "<" | "<=" | ">" | ">=";

/** The parsed form of one expression. */
export type ExpressionNode =
  | { kind: "literal"; value: ExpressionValue }
  | { kind: "context"; name: string }
  /** `a.b`, `a['b']`, `a[0]`; `property: "*"` is the object filter `a.*` / `a[*]`. */
  | { kind: "member"; object: ExpressionNode; property: ExpressionNode | "*" }
  | { kind: "call"; name: string; args: ExpressionNode[] }
  | { kind: "not"; operand: ExpressionNode }
  | { kind: "binary"; op: BinaryOperator; left: ExpressionNode; right: ExpressionNode };

type Token =
  | { type: "number"; value: number; at: number }
  | { type: "string"; value: string; at: number }
  | { type: "identifier"; value: string; at: number }
  | { type: "punct"; value: string; at: number };

/** Raised for text that is not a valid expression; the message quotes the expression like GitHub does. */
export class ExpressionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExpressionError";
  }
}

const PUNCTUATORS = ["&&", "||", "==", "!=", "<=", ">=", "<", ">", "!", "(", ")", "[", "]", ".", ",", "*"];
const NUMBER = /^(?:0x[0-9a-f]+|0o[0-7]+|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)/i;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*/;

/** Functions GitHub knows, with their arity; anything else is a parse error, as on GitHub. */
export const FUNCTION_ARITY: Readonly<Record<string, readonly [number, number]>> = {
  contains: [2, 2],
  startswith: [2, 2],
  endswith: [2, 2],
  format: [1, 255],
  join: [1, 2],
  tojson: [1, 1],
  fromjson: [1, 1],
  hashfiles: [1, 255],
  success: [0, 0],
  always: [0, 0],
  failure: [0, 0],
  cancelled: [0, 0],
};

/** The status functions: an `if:` using one of them is not wrapped in an implicit `success() &&`. */
export const STATUS_FUNCTIONS = new Set(["success", "always", "failure", "cancelled"]);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  // A minus sign starts a number only where an operand may begin (not after a value).
  const operandExpected = () => {
    const last = tokens[tokens.length - 1];
    return !last || (last.type === "punct" && ![")", "]"].includes(last.value));
  };
  while (i < text.length) {
    const rest = text.slice(i);
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "'") {
      let value = "";
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw new ExpressionError(`Unterminated string at position ${i + 1}: ${text}`);
        if (text[j] === "'") {
          // Inside a string literal a quote is escaped by doubling it.
          if (text[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += text[j];
        j++;
      }
      tokens.push({ type: "string", value, at: i });
      i = j + 1;
      continue;
    }
    const signed = ch === "-" && operandExpected() ? NUMBER.exec(rest.slice(1)) : null;
    const number = signed
      ? null
      : /[\d.]/.test(ch) && (ch !== "." || operandExpected())
        ? NUMBER.exec(rest)
        : null;
    if (signed || number) {
      const raw = (signed ?? number)?.[0] as string;
      tokens.push({ type: "number", value: (signed ? -1 : 1) * Number(raw), at: i });
      i += raw.length + (signed ? 1 : 0);
      continue;
    }
    const identifier = IDENTIFIER.exec(rest);
    if (identifier) {
      tokens.push({ type: "identifier", value: identifier[0], at: i });
      i += identifier[0].length;
      continue;
    }
    const punct = PUNCTUATORS.find((p) => rest.startsWith(p));
    if (!punct)
      throw new ExpressionError(`Unexpected symbol '${ch}' at position ${i + 1} within expression: ${text}`);
    tokens.push({ type: "punct", value: punct, at: i });
    i += punct.length;
  }
  return tokens;
}

/** Parses one expression (without the `${{ }}` delimiters) into its syntax tree. */
export function parseExpression(text: string): ExpressionNode {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (what: string): never => {
    const token = peek();
    const where = token ? `'${String(token.value)}' at position ${token.at + 1}` : "end of expression";
    throw new ExpressionError(`${what}: unexpected ${where} within expression: ${text}`);
  };
  const isPunct = (value: string) => {
    const token = peek();
    return token?.type === "punct" && token.value === value;
  };
  const expect = (value: string) => {
    if (!isPunct(value)) fail(`Expected '${value}'`);
    pos++;
  };

  function binaryLevel(ops: BinaryOperator[], next: () => ExpressionNode): () => ExpressionNode {
    return () => {
      let left = next();
      for (
        let token = peek();
        token?.type === "punct" && (ops as string[]).includes(token.value);
        token = peek()
      ) {
        pos++;
        left = { kind: "binary", op: token.value as BinaryOperator, left, right: next() };
      }
      return left;
    };
  }

  function unary(): ExpressionNode {
    if (isPunct("!")) {
      pos++;
      return { kind: "not", operand: unary() };
    }
    return postfix();
  }

  function postfix(): ExpressionNode {
    let node = primary();
    for (;;) {
      if (isPunct(".")) {
        pos++;
        const token = peek();
        if (token?.type === "punct" && token.value === "*") {
          pos++;
          node = { kind: "member", object: node, property: "*" };
        } else if (token?.type === "identifier") {
          pos++;
          node = { kind: "member", object: node, property: { kind: "literal", value: token.value } };
        } else {
          fail("Expected a property name after '.'");
        }
      } else if (isPunct("[")) {
        pos++;
        if (isPunct("*")) {
          pos++;
          node = { kind: "member", object: node, property: "*" };
        } else {
          node = { kind: "member", object: node, property: or() };
        }
        expect("]");
      } else {
        return node;
      }
    }
  }

  function primary(): ExpressionNode {
    const token = peek();
    if (!token) return fail("Expected a value");
    pos++;
    if (token.type === "number" || token.type === "string") return { kind: "literal", value: token.value };
    if (token.type === "punct") {
      if (token.value !== "(") {
        pos--;
        return fail("Expected a value");
      }
      const inner = or();
      expect(")");
      return inner;
    }
    const name = token.value;
    const keyword: Record<string, ExpressionValue> = {
      true: true,
      false: false,
      null: null,
      NaN: NaN,
      Infinity: Infinity,
    };
    if (Object.hasOwn(keyword, name)) return { kind: "literal", value: keyword[name] as ExpressionValue };
    if (!isPunct("(")) return { kind: "context", name: name.toLowerCase() };
    pos++;
    const lower = name.toLowerCase();
    const arity = FUNCTION_ARITY[lower];
    if (!arity) throw new ExpressionError(`Unrecognized function: '${name}' within expression: ${text}`);
    const args: ExpressionNode[] = [];
    if (!isPunct(")")) {
      args.push(or());
      while (isPunct(",")) {
        pos++;
        args.push(or());
      }
    }
    expect(")");
    if (args.length < arity[0] || args.length > arity[1]) {
      throw new ExpressionError(
        `Wrong number of arguments to '${name}' (${args.length}) within expression: ${text}`,
      );
    }
    return { kind: "call", name: lower, args };
  }

  const comparison = binaryLevel(["<", "<=", ">", ">="], unary);
  const equality = binaryLevel(["==", "!="], comparison);
  const and = binaryLevel(["&&"], equality);
  const or = binaryLevel(["||"], and);

  if (tokens.length === 0) throw new ExpressionError("Empty expression");
  const tree = or();
  if (pos < tokens.length) fail("Expected the end of the expression");
  return tree;
}

/** True when the expression calls success(), always(), failure() or cancelled() anywhere. */
export function usesStatusFunction(node: ExpressionNode): boolean {
  switch (node.kind) {
    case "call":
      return STATUS_FUNCTIONS.has(node.name) || node.args.some(usesStatusFunction);
    case "member":
      return usesStatusFunction(node.object) || (node.property !== "*" && usesStatusFunction(node.property));
    case "not":
      return usesStatusFunction(node.operand);
    case "binary":
      return usesStatusFunction(node.left) || usesStatusFunction(node.right);
    default:
      return false;
  }
}
