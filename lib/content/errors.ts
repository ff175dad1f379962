export type ContentErrorCode =
  | 'front-matter-missing'
  | 'front-matter-syntax'
  | 'front-matter-invalid'
  | 'body-invalid'
  | 'id-mismatch'
  | 'duplicate-id'
  | 'unknown-lesson'
  | 'pack-invalid'
  | 'course-invalid';

/**
 * The one error type of `lib/content`. Its message always starts with the file's path so an
 * author can go straight to the mistake, e.g.
 * `content/lessons/3.1/lesson.md: front matter: title: expected string, received number`.
 */
export class ContentError extends Error {
  override readonly name = 'ContentError';
  readonly code: ContentErrorCode;
  /** Repository-relative path of the file at fault. */
  readonly path: string;
  /** 1-based line in that file, when the mistake has one. */
  readonly line: number | undefined;

  constructor(
    code: ContentErrorCode,
    path: string,
    detail: string,
    options?: { line?: number; cause?: unknown },
  ) {
    super(`${path}${options?.line != null ? `:${options.line}` : ''}: ${detail}`, { cause: options?.cause });
    this.code = code;
    this.path = path;
    this.line = options?.line;
  }
}

export function isContentError(value: unknown): value is ContentError {
  return value instanceof ContentError;
}
