import type { z } from 'zod';

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

/**
 * zod issues as path-precise lines for data authors, one per issue, with zod's "Invalid input: "
 * preamble dropped: `content/hub/library/python.json: tags["3.9-slim"].size: expected number`.
 * The hub data and the package catalogs report their mistakes this way.
 */
export function formatIssues(file: string, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const where = formatJsonPath(issue.path);
    const message = issue.message.replace(/^Invalid input: /, '');
    return where === '' ? `${file}: ${message}` : `${file}: ${where}: ${message}`;
  });
}
