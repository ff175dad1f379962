/**
 * Reading a `.dockerignore`: moby's `ignorefile.ReadAll` (lines → pattern strings) followed by
 * `patternmatcher.New` (pattern strings → checked, compiled patterns), step for step, keeping
 * each pattern's line so errors and explanations can point at it.
 */
import { DockerfileError } from '../errors';
import { compilePattern, type CompiledPattern } from './compile-pattern';
import { BAD_PATTERN, goGlobMatch } from './go-glob';
import { goClean, goTrimSpace } from '@/lib/util';
import { MAX_SCAN_TOKEN_BYTES, scanLines } from './scan-lines';

export interface IgnorePattern {
  /** 1-based line of `.dockerignore` the pattern comes from. */
  readonly line: number;
  /** The line as written, trimmed (`!` included): what the UI quotes. */
  readonly text: string;
  /** The cleaned pattern moby matches, without the `!` (moby's `Pattern.String()`). */
  readonly pattern: string;
  /** moby's name for a `!` line: an exception that re-includes what earlier lines excluded. */
  readonly exclusion: boolean;
  /** Compiled once, here. */
  readonly matcher: CompiledPattern;
}

export interface IgnoreFile {
  /** In file order: the last pattern that matches a path decides. */
  readonly patterns: readonly IgnorePattern[];
}

export const ILLEGAL_EXCLUSION = 'illegal exclusion pattern: "!"';

/**
 * Parses `.dockerignore` text. Throws `DockerfileError` (code `ignore-pattern`, with the line)
 * where Docker refuses the file: a bare `!` (`illegal exclusion pattern: "!"`), a malformed
 * pattern (`syntax error in pattern`), a line over 64 KiB (`bufio.Scanner: token too long`).
 *
 * moby compiles a pattern's regexp lazily and fails the build the first time that pattern is
 * evaluated; here every pattern is compiled up front, so the error names its line at once.
 */
export function parseIgnore(text: string): IgnoreFile {
  const lines = scanLines(text);
  // ReadAll reads the whole file before New looks at any pattern, so this error comes first.
  const tooLong = lines.findIndex((line) => line.bytes >= MAX_SCAN_TOKEN_BYTES);
  if (tooLong >= 0) {
    throw ignoreError('bufio.Scanner: token too long', tooLong + 1, lines[tooLong]?.text ?? '');
  }

  const patterns: IgnorePattern[] = [];
  lines.forEach((scanned, index) => {
    const line = index + 1;
    const raw = index === 0 && scanned.text.startsWith('\uFEFF') ? scanned.text.slice(1) : scanned.text;
    const fromReadAll = readAllLine(raw);
    if (fromReadAll === null) return;
    const pattern = compileIgnorePattern(fromReadAll, line, raw);
    if (pattern !== null) patterns.push(pattern);
  });
  return { patterns };
}

/**
 * `ignorefile.ReadAll` for one line: a `#` in the *first column* makes a comment (an indented
 * `#` is a pattern), then trim, skip empty, and for the rest (after a `!`, trimmed again)
 * `filepath.Clean` and drop one leading `/`, so `/a`, `./a` and `a/` all become `a`.
 */
function readAllLine(raw: string): string | null {
  if (raw.startsWith('#')) return null;
  let pattern = goTrimSpace(raw);
  if (pattern === '') return null;
  const invert = pattern.startsWith('!');
  if (invert) pattern = goTrimSpace(pattern.slice(1));
  if (pattern.length > 0) {
    pattern = goClean(pattern);
    if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
  }
  return invert ? '!' + pattern : pattern;
}

/**
 * `patternmatcher.New` for one pattern string: trim and Clean *again* (with the `!` still on,
 * so `!../../x` cleans to the plain pattern `x`, as in moby), split off `!`, then validate with
 * `filepath.Match(pattern, ".")` and compile. `raw` is the source line, for messages.
 */
export function compileIgnorePattern(input: string, line: number, raw: string): IgnorePattern | null {
  let pattern = goTrimSpace(input);
  if (pattern === '') return null;
  pattern = goClean(pattern);
  let exclusion = false;
  if (pattern.startsWith('!')) {
    if (pattern.length === 1) throw ignoreError(ILLEGAL_EXCLUSION, line, raw);
    exclusion = true;
    pattern = pattern.slice(1);
  }
  if (goGlobMatch(pattern, '.') === 'bad-pattern') throw ignoreError(BAD_PATTERN, line, raw);
  const matcher = compilePattern(pattern);
  if (matcher === null) throw ignoreError(BAD_PATTERN, line, raw);
  return { line, text: goTrimSpace(raw), pattern, exclusion, matcher };
}

/** The error with the whole offending line as its range, for the editor's marker. */
function ignoreError(message: string, line: number, raw: string): DockerfileError {
  const range = { start: { line, column: 1 }, end: { line, column: raw.length + 1 } };
  return new DockerfileError('ignore-pattern', message, { line, range });
}
