/** How much work one task may publish; the capture and the publisher both apply it. */
export interface WorkLimits {
  /** Most changed entries (added, modified, deleted files and symlinks). @default 300 */
  maxFiles: number;
  /** Most bytes of changed file content and symlink targets. @default 10485760 (10 MiB) */
  maxBytes: number;
}

export const DEFAULT_WORK_LIMITS: Readonly<WorkLimits> = { maxFiles: 300, maxBytes: 10 * 1024 * 1024 };

/** A limit the work goes past, in a form a status can carry. */
export interface LimitExceeded {
  code: "TOO_MANY_FILES" | "TOO_MANY_BYTES";
  limit: number;
  value: number;
  message: string;
}

/** The first limit `files` changed entries holding `bytes` go past, or undefined when within both. */
export function exceededLimit(files: number, bytes: number, limits: WorkLimits): LimitExceeded | undefined {
  if (files > limits.maxFiles)
    return {
      code: "TOO_MANY_FILES",
      limit: limits.maxFiles,
      value: files,
      message: `The work changes ${files} files; at most ${limits.maxFiles} may be published`,
    };
  if (bytes > limits.maxBytes)
    return {
      code: "TOO_MANY_BYTES",
      limit: limits.maxBytes,
      value: bytes,
      message: `The work's changed files hold ${bytes} bytes; at most ${limits.maxBytes} may be published`,
    };
  return undefined;
}
