import type { z } from 'zod';

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

/** `["modules", "github.com/x", "versions", 0]` → `modules["github.com/x"].versions[0]`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

export function parseCatalog<S extends z.ZodType>(schema: S, json: unknown, file: string): z.output<S> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const where = formatJsonPath(issue.path);
    const message = issue.message.replace(/^Invalid input: /, '');
    return where === '' ? `${file}: ${message}` : `${file}: ${where}: ${message}`;
  });
  throw new CatalogError(file, problems);
}

/** Parses on first use and keeps the result: catalogs are immutable data, parsing them is not free. */
export function lazyCatalog<T>(load: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: load() }).v;
}
