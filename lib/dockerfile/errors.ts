import type { Range } from './ast';

export type DockerfileErrorCode =
  | 'empty'
  | 'no-instructions'
  | 'line-too-long'
  | 'directive'
  | 'json-strings-only'
  | 'env-args'
  | 'syntax'
  | 'heredoc'
  | 'instruction'
  | 'expansion'
  | 'ignore-pattern'
  | 'invalid-input';

/**
 * The one error type of `lib/dockerfile`. `message` is the text Docker prints
 * (e.g. `dockerfile parse error on line 3: unknown instruction: FOO (did you mean FROM?)`).
 */
export class DockerfileError extends Error {
  override readonly name = 'DockerfileError';
  readonly code: DockerfileErrorCode;
  /** 1-based line the error is reported on, when it has one. */
  readonly line: number | undefined;
  readonly range: Range | undefined;

  constructor(
    code: DockerfileErrorCode,
    message: string,
    location?: { line?: number; range?: Range },
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.code = code;
    this.range = location?.range;
    this.line = location?.line ?? location?.range?.start.line;
  }
}

export function isDockerfileError(value: unknown): value is DockerfileError {
  return value instanceof DockerfileError;
}
