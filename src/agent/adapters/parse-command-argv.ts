/** Raised for a command line we cannot split unambiguously; the message says what to change. */
export class CommandLineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CommandLineError";
  }
}

/**
 * Characters that mean something to a shell but not to us: the command runs without a shell, so a pipe,
 * redirection, `$VAR`, command substitution or glob would be passed literally and silently do nothing
 * useful. Refusing them unquoted turns that surprise into an error.
 */
const SHELL_SYNTAX = new Set(["|", "&", ";", "<", ">", "(", ")", "$", "`", "*", "?"]);
const SHELL_HINT =
  "the command is not run through a shell; quote the character, or put the pipeline in a script";

/**
 * Splits a custom agent command into argv without a shell. Two forms:
 * - a JSON array of strings: `["my-agent", "--task", "x y"]`, taken as is;
 * - shell-like words: whitespace separates; `'…'` is literal; in `"…"` a backslash escapes `"`, `\`,
 *   `$` and `` ` ``; outside quotes a backslash escapes any character. Unbalanced quotes, a trailing
 *   backslash and unquoted shell syntax (`| & ; < > ( ) $ \` * ?`, a word starting with `~` or `#`) are
 *   errors. Nothing is expanded.
 */
export function parseCommandArgv(input: string): string[] {
  const text = input.trim();
  if (text.startsWith("[")) return parseJsonArgv(text);
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else word += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === "\\" && i + 1 < text.length && '"\\$`\n'.includes(text.charAt(i + 1))) {
        i++;
        if (text.charAt(i) !== "\n") word += text.charAt(i);
      } else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === "\\") {
      if (i + 1 >= text.length) throw new CommandLineError("Invalid command line: it ends with a backslash");
      i++;
      if (text.charAt(i) !== "\n") {
        word += text.charAt(i);
        inWord = true;
      }
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else {
      if (SHELL_SYNTAX.has(ch) || (!inWord && (ch === "~" || ch === "#"))) {
        throw new CommandLineError(
          `Invalid command line: unquoted "${ch}" at position ${i + 1}: ${SHELL_HINT}`,
        );
      }
      word += ch;
      inWord = true;
    }
  }
  if (quote)
    throw new CommandLineError(
      `Invalid command line: unbalanced ${quote === "'" ? "single" : "double"} quote`,
    );
  if (inWord) words.push(word);
  if (words.length === 0 || words[0] === "") throw new CommandLineError("Invalid command line: it is empty");
  return words;
}

function parseJsonArgv(text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CommandLineError(`Invalid command line: not a valid JSON array (${(error as Error).message})`);
  }
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    !value.every((v): v is string => typeof v === "string")
  ) {
    throw new CommandLineError("Invalid command line: a JSON command must be a non-empty array of strings");
  }
  if (value[0] === "") throw new CommandLineError("Invalid command line: the command name is empty");
  return value;
}
