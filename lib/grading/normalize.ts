import { toWellFormed } from '@/lib/util';

/**
 * Text normalization shared by the graders (grading-and-authoring §3.2): Unicode NFKC (folds
 * full-width letters and ligatures), typographic quotes and dashes to ASCII, invisible characters
 * dropped, whitespace collapsed, surrounding quotes/backticks and a trailing `.`, `!` or `?` cut.
 */

/** Answers longer than this are cut before grading, so a pasted novel costs bounded time. */
export const MAX_ANSWER_CHARS = 20_000;

const QUOTES: readonly [RegExp, string][] = [
  [/[\u2018\u2019\u201A\u201B\u2032\u00B4\u0060]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"'],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-'],
  [/\u2026/g, '...'],
];

// Zero-width spaces and joiners, the BOM, soft hyphens and bidi marks: invisible, never meant.
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
// Control characters other than tab and newline.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** NFKC, ASCII punctuation, no invisible or control characters; lone surrogates replaced. */
export function foldUnicode(text: string): string {
  let out = toWellFormed(text.slice(0, MAX_ANSWER_CHARS)).normalize('NFKC').replace(INVISIBLE, '').replace(CONTROL, ' ');
  for (const [pattern, replacement] of QUOTES) out = out.replace(pattern, replacement);
  return out;
}

/** One-line form of a short answer: folded, trimmed, single spaces, no wrapping quotes or final stop. */
export function normalizeAnswer(text: string, caseSensitive = false): string {
  let out = foldUnicode(text).replace(/\s+/g, ' ').trim();
  // Strip wrapping quotes/backticks repeatedly (`"docker.io"`, '`latest`'), then a final stop.
  for (;;) {
    const m = /^(['"`])(.*)\1$/.exec(out);
    if (m === null) break;
    out = (m[2] ?? '').trim();
  }
  out = out.replace(/\s*[.!?]+$/, '').trim();
  return caseSensitive ? out : out.toLowerCase();
}

/** Words of a normalized answer (split on spaces). */
export function words(text: string): string[] {
  return text === '' ? [] : text.split(' ');
}
