export type HubDataErrorCode = 'syntax' | 'invalid' | 'path-mismatch' | 'duplicate-tag' | 'unknown-base' | 'base-cycle';

/**
 * A mistake in `content/hub/`. The message starts with the file and the JSON path of the value at
 * fault, so an author can go straight to it:
 * `content/hub/library/python.json: tags["3.9-slim"].layers[2].entries[5].bytes: expected number`.
 */
export class HubDataError extends Error {
  override readonly name = 'HubDataError';
  readonly code: HubDataErrorCode;
  /** Repository-relative path of the file at fault. */
  readonly path: string;
  /** Every problem found in the file, each already prefixed with the file's path. */
  readonly problems: string[];

  constructor(code: HubDataErrorCode, path: string, problems: string[], options?: { cause?: unknown }) {
    super(problems.join('\n'), options);
    this.code = code;
    this.path = path;
    this.problems = problems;
  }
}

export function isHubDataError(value: unknown): value is HubDataError {
  return value instanceof HubDataError;
}
