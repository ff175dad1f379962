import type { z } from 'zod';
import { formatIssues } from '@/lib/util';

/**
 * The pattern every catalog under content/catalog follows: the JSON is imported statically (so
 * the browser bundle carries it), parsed once with a zod schema, and a mistake is reported with
 * the file and the JSON path of the value at fault, e.g.
 * `content/catalog/go/modules.json: modules["github.com/gin-gonic/gin"].binaryBytes: expected number, received string`.
 */
export class CatalogError extends Error {
  override readonly name = 'CatalogError';
  /** Repository-relative path of the catalog file at fault. */
  readonly file: string;
  readonly problems: string[];

  constructor(file: string, problems: string[]) {
    super(problems.join('\n'));
    this.file = file;
    this.problems = problems;
  }
}

export function isCatalogError(value: unknown): value is CatalogError {
  return value instanceof CatalogError;
}

export function parseCatalog<S extends z.ZodType>(schema: S, json: unknown, file: string): z.output<S> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  throw new CatalogError(file, formatIssues(file, result.error.issues));
}

/** Parses on first use and keeps the result: catalogs are immutable data, parsing them is not free. */
export function lazyCatalog<T>(load: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: load() }).v;
}
