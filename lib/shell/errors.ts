/**
 * The one error class of lib/shell (DESIGN.md §5). `message` is the text a shell prints after its
 * `/bin/sh: LINE: ` prefix (dash's wording, e.g. `Syntax error: "|" unexpected`); the interpreter
 * adds the prefix, so callers that format errors themselves get the bare text.
 */
export type ShellErrorCode =
  /** The script does not parse; dash exits 2. */
  | 'syntax'
  /** A fatal expansion error: `${x:?}`, `set -u`, bad arithmetic. dash exits 2. */
  | 'expansion'
  /** The step budget ran out (`while true` without end). */
  | 'budget'
  /** Functions, `source` or `sh -c` nested past the recursion guard. */
  | 'recursion'
  /** Output past the configured byte limit. */
  | 'output'
  /** The AbortSignal fired. */
  | 'cancelled';

export class ShellError extends Error {
  override readonly name = 'ShellError';
  readonly code: ShellErrorCode;
  /** 1-based script line the error is reported on. */
  readonly line: number | undefined;

  constructor(code: ShellErrorCode, message: string, line?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.line = line;
  }
}

export function isShellError(value: unknown, code?: ShellErrorCode): value is ShellError {
  return value instanceof ShellError && (code === undefined || value.code === code);
}
