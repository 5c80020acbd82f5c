/** The log port stages write through; runner/runner-context.ts backs it with @actions/core, tests with an array. */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  /** Runs `fn` inside a collapsible log group titled `name`. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** Turns anything thrown into a message, including non-Error values. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === "string" ? error : JSON.stringify(error);
}
