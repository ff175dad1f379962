import type { z } from 'zod';

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

/** `["tags", "3.9-slim", "layers", 2]` → `tags["3.9-slim"].layers[2]` (JavaScript accessor style). */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** zod's "Invalid input: expected number, received string" → "expected number, received string". */
export function formatIssues(file: string, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const where = formatJsonPath(issue.path);
    const message = issue.message.replace(/^Invalid input: /, '');
    return where === '' ? `${file}: ${message}` : `${file}: ${where}: ${message}`;
  });
}
