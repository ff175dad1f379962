/**
 * moby's `PatternMatcher` evaluation loops over compiled patterns. All share one rule: walk
 * the patterns in order, keep `matched`, and let each matching pattern set it to
 * `!exclusion` — the last match wins. An exception (`!`) is only tried while the path is
 * currently excluded, an ordinary pattern only while it is not (a pattern that cannot change
 * the outcome is skipped).
 *
 * The variants differ in how a pattern "matches any parent directory":
 * - `matchesUsingParentResults` (what BuildKit's context walker and the classic tar walker
 *   call): a pattern matches if it matched the parent directory when the parent was
 *   evaluated, or matches the path itself. Linear in the number of patterns.
 * - `matchesOrParentMatches`: tries the path and then every ancestor (`a`, `a/b`, ...).
 *   It is also what the first call (no parent info) falls back to.
 * - `matchesLegacy`: the deprecated `Matches`, which tries only the ancestor as deep as the
 *   pattern. Docker's CLI still calls it to decide whether to keep Dockerfile/.dockerignore.
 */
import type { CompiledPattern } from './compile-pattern';
import { goClean, goDir } from '@/lib/util';

/** The part of a pattern the loops need (an `IgnorePattern` is one). */
export interface MatchPattern {
  readonly pattern: string;
  readonly exclusion: boolean;
  readonly matcher: CompiledPattern;
}

/** moby's `MatchInfo`: per pattern, whether it matched the directory (null: no information). */
export type ParentMatches = Uint8Array | null;

export interface MatchResult {
  /** True when the path is excluded. */
  readonly matched: boolean;
  /** Index of the pattern that set `matched` last (the deciding line), -1 when none did. */
  readonly decider: number;
  /** What to pass for this path's children when it is a directory. */
  readonly parentMatches: Uint8Array;
}

/** moby's `MatchesUsingParentResults`; `path` must be clean and slash-separated. */
export function matchesUsingParentResults(
  patterns: readonly MatchPattern[],
  path: string,
  parent: ParentMatches,
): MatchResult {
  const parentMatches = new Uint8Array(patterns.length);
  let ancestors: string[] | null = null;
  let matched = false;
  let decider = -1;
  for (let i = 0; i < patterns.length; i++) {
    const p = patterns[i];
    if (p === undefined) continue;
    // A pattern that matched the parent directory matches everything below it.
    let match = parent !== null && parent[i] === 1;
    if (!match) {
      if (p.exclusion !== matched) continue; // cannot change the outcome: skipped, recorded as 0
      match = p.matcher.matches(path);
      if (!match && parent === null) {
        // No parent information (a top-level path, or a one-off query): climb the ancestors.
        ancestors ??= ancestorsOf(path);
        match = ancestors.some((dir) => p.matcher.matches(dir));
      }
    }
    parentMatches[i] = match ? 1 : 0;
    if (match) {
      matched = !p.exclusion;
      decider = i;
    }
  }
  return { matched, decider, parentMatches };
}

/** moby's `MatchesOrParentMatches`. */
export function matchesOrParentMatches(patterns: readonly MatchPattern[], path: string): boolean {
  return matchesUsingParentResults(patterns, path, null).matched;
}

/** moby's deprecated `Matches` (package-level form: cleans `file`, never matches `.`). */
export function matchesLegacy(patterns: readonly MatchPattern[], file: string): boolean {
  const path = goClean(file);
  if (path === '.') return false;
  const parent = goDir(path);
  const parentDirs = parent.split('/');
  let matched = false;
  for (const p of patterns) {
    if (p.exclusion !== matched) continue;
    let match = p.matcher.matches(path);
    const depth = p.pattern.split('/').length;
    if (!match && parent !== '.' && depth <= parentDirs.length) {
      match = p.matcher.matches(parentDirs.slice(0, depth).join('/'));
    }
    if (match) matched = !p.exclusion;
  }
  return matched;
}

/** `a/b/c` → `['a', 'a/b']`: the prefixes moby builds from `filepath.Dir(path)`. */
export function ancestorsOf(path: string): string[] {
  const parent = goDir(path);
  if (parent === '.') return [];
  const out: string[] = [];
  parent.split('/').forEach((part, i) => out.push(i === 0 ? part : out[i - 1] + '/' + part));
  return out;
}
