import { distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import type { CourseIssue } from './exercise-types';
import type { YamlSource } from './yaml-source';

/** `questions[4].answers[0]`: keys dotted, indexes in brackets. */
export function formatDataPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  return out;
}

/**
 * `content/lessons/3.1/exercises.yaml:12: questions[4].answers[0]: expected string` — the file,
 * the line (and column for YAML syntax) when known, the place inside the file, the message.
 */
export function formatCourseIssue(issue: CourseIssue): string {
  const where = issue.line == null ? '' : issue.column == null ? `:${issue.line}` : `:${issue.line}:${issue.column}`;
  return `${issue.path}${where}: ${issue.at === '' ? '' : `${issue.at}: `}${issue.message}`;
}

/** The closest candidate to a misspelt name, if it is close enough to be what the author meant. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best != null && bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

export function suggestion(word: string, candidates: readonly string[]): string {
  const close = didYouMean(word, candidates);
  return close == null ? '' : ` (did you mean "${close}"?)`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value == null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function expectedWord(expected: string): string {
  return expected === 'array' ? 'list' : expected;
}

/**
 * Turn zod issues of one object (found at `base` inside the file) into course issues with lines.
 * Unknown keys get a "did you mean" from `fieldNames`.
 */
export function zodCourseIssues(
  path: string,
  source: YamlSource,
  base: readonly PropertyKey[],
  data: unknown,
  issues: readonly z.core.$ZodIssue[],
  fieldNames: readonly string[],
): CourseIssue[] {
  const out: CourseIssue[] = [];
  for (const issue of issues) {
    const full = [...base, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({
          path,
          at: formatDataPath(full),
          line: source.lineOfKey(full, key),
          message: `unknown key "${key}"${suggestion(key, fieldNames)}`,
        });
      }
      continue;
    }
    let message: string;
    if (issue.code === 'invalid_type') {
      message = valueAt(data, issue.path) === undefined ? `required (expected ${expectedWord(issue.expected)})` : `expected ${expectedWord(issue.expected)}`;
    } else {
      message = issue.message.replace(/^Invalid input: /, '');
    }
    out.push({ path, at: formatDataPath(full), line: source.lineOf(full), message });
  }
  // zod reports a nested refinement before its parent's; authors read top to bottom.
  return out.map((issue, i) => ({ issue, i })).sort((a, b) => (a.issue.line ?? 0) - (b.issue.line ?? 0) || a.i - b.i).map(({ issue }) => issue);
}
