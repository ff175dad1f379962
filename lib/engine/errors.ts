/**
 * The engine's one error class (DESIGN.md §5). `message` is what Docker would print (without the
 * `Error response from daemon: ` prefix, which the CLI adds); `code` lets callers branch.
 * Shared by every engine sub-area, so it lives at the engine's root and imports nothing.
 */
export type EngineErrorCode =
  // fs / layer
  | 'path-escape'
  | 'not-found'
  | 'not-a-directory'
  | 'is-a-directory'
  | 'already-exists'
  | 'invalid-tar'
  | 'too-large'
  // image / references
  | 'invalid-reference'
  | 'invalid-config'
  // store
  | 'quota'
  | 'store'
  | 'conflict'
  | 'no-such-image'
  // build / archive
  | 'build'
  | 'invalid-archive'
  | 'digest-mismatch'
  | 'cancelled'
  // registry (pull / push / login): the registry's answer or a network failure, in Docker's words
  | 'registry';

export class EngineError extends Error {
  override readonly name = 'EngineError';
  readonly code: EngineErrorCode;

  constructor(code: EngineErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isEngineError(value: unknown, code?: EngineErrorCode): value is EngineError {
  return value instanceof EngineError && (code === undefined || value.code === code);
}
