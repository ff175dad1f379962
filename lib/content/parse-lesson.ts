import matter from 'gray-matter';
import type { z } from 'zod';
import { ContentError } from './errors';
import { lessonFrontMatterSchema, type Lesson } from './lesson-schema';
import { collectHeadings, collectTryIts } from './markdown';

// Only plain `---` opens front matter: gray-matter would evaluate `---js` blocks as code.
const frontMatterStart = /^\uFEFF?---[ \t]*\r?\n/;

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value == null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function formatIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const where = issue.path.map(String).join('.');
  const prefix = where === '' ? '' : `${where}: `;
  switch (issue.code) {
    case 'invalid_type': {
      const value = valueAt(data, issue.path);
      if (value === undefined) return `${prefix}required (expected ${issue.expected})`;
      // YAML reads `id: 3.1` as the number 3.1 (and `3.10` as 3.1): lesson numbers need quotes.
      const isLessonNumber = issue.path.length === 1 && ['id', 'previous', 'next'].includes(String(issue.path[0]));
      const hint = isLessonNumber && typeof value === 'number' ? ' (put the lesson number in quotes)' : '';
      return `${prefix}expected ${issue.expected}, received ${describe(value)}${hint}`;
    }
    case 'unrecognized_keys':
      return `${prefix}unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return `${prefix}${issue.message}`;
  }
}

function yamlLine(cause: unknown): number | undefined {
  const mark = (cause as { mark?: { line?: unknown } } | null)?.mark;
  // js-yaml counts from 0 inside the block; the block starts on line 2 of the file.
  return typeof mark?.line === 'number' ? mark.line + 2 : undefined;
}

/**
 * Parse one lesson file. Pure: the caller reads the file and passes its repository-relative
 * path (used in error messages and to check the id against the folder name) and its text.
 */
export function parseLesson(path: string, text: string): Lesson {
  if (!frontMatterStart.test(text)) {
    throw new ContentError('front-matter-missing', path, 'front matter: missing (the file must start with a "---" line, then YAML, then "---")');
  }
  let file: matter.GrayMatterFile<string>;
  try {
    // Passing options also keeps gray-matter from returning a shared cached object.
    file = matter(text, { excerpt: false });
  } catch (cause) {
    const reason = (cause as { reason?: unknown } | null)?.reason;
    const detail = typeof reason === 'string' ? reason : cause instanceof Error ? cause.message : String(cause);
    throw new ContentError('front-matter-syntax', path, `front matter: invalid YAML: ${detail}`, { line: yamlLine(cause), cause });
  }
  const parsed = lessonFrontMatterSchema.safeParse(file.data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const detail = first == null ? 'invalid' : formatIssue(first, file.data);
    throw new ContentError('front-matter-invalid', path, `front matter: ${detail}`, { cause: parsed.error });
  }
  const frontMatter = parsed.data;

  const folder = /(?:^|\/)lessons\/([^/]+)\/lesson\.md$/.exec(path)?.[1];
  if (folder != null && folder !== frontMatter.id) {
    throw new ContentError('id-mismatch', path, `front matter: id: "${frontMatter.id}" does not match its folder "${folder}"`);
  }

  const body = file.content.replace(/^\s*\n/, '');
  const headings = collectHeadings(body);
  const h1 = headings.find((h) => h.depth === 1);
  if (h1 != null) {
    throw new ContentError('body-invalid', path, `body: level-1 heading "${h1.text}": the page title comes from the front matter; start sections at "##"`);
  }
  const sections = headings.filter((h) => h.depth === 2).map((h) => ({ id: h.id, title: h.text }));
  if (sections.length === 0) {
    throw new ContentError('body-invalid', path, 'body: no "##" sections (the lesson page and its table of contents are built from them)');
  }

  const listed = new Set(frontMatter.examples);
  const unlisted = collectTryIts(body).find((id) => !listed.has(id));
  if (unlisted !== undefined) {
    throw new ContentError('body-invalid', path, `body: "::try ${unlisted}": add "${unlisted}" to the front matter's examples`);
  }

  return { ...frontMatter, path, sections, body };
}
