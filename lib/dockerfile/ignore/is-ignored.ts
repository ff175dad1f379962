/**
 * Asking one path at a time whether `.dockerignore` excludes it, with the answer a real build
 * gives: BuildKit's context walker evaluates every directory from the top with
 * `MatchesUsingParentResults`, handing each directory's per-pattern results to its children.
 * That differs from `MatchesOrParentMatches` in a corner moby keeps: with `a/b` then `!a`,
 * the walker still excludes `a/b` (when `a` was evaluated, `!a` had nothing to undo, so it
 * was skipped and its match not recorded), while climbing the parents would re-include it.
 *
 * Directory results are memoized per parsed file, so asking about 10,000 paths costs one
 * pattern pass per path plus one per distinct directory.
 */
import { goClean, goDir } from '@/lib/util';
import type { IgnoreFile, IgnorePattern } from './parse-ignore';
import { matchesUsingParentResults, type MatchResult, type ParentMatches } from './pattern-matcher';

/** Cached directories per file; past this the cache starts over. */
const MAX_CACHED_DIRS = 50_000;
const dirCaches = new WeakMap<IgnoreFile, Map<string, Uint8Array>>();

/**
 * Whether `path` (relative to the build context; `./a`, `/a`, `a/` all mean `a`) is excluded
 * by `file`. The context root itself is never excluded. Never throws.
 */
export function isIgnored(path: string, file: IgnoreFile): boolean {
  return evaluate(path, file)?.matched ?? false;
}

/**
 * The pattern that excludes `path` — the last one that matched it or one of its parent
 * directories — or null when the path is sent. For the UI:
 * "excluded by .dockerignore line 3: `*.pyc`".
 */
export function explainIgnored(path: string, file: IgnoreFile): IgnorePattern | null {
  const result = evaluate(path, file);
  if (result === null || !result.matched) return null;
  return file.patterns[result.decider] ?? null;
}

/**
 * A context-relative path the way moby's walkers see it: clean, slash-separated, no leading
 * `/`. Returns `.` for the context root.
 */
export function toContextPath(path: string): string {
  const clean = goClean(path);
  if (!clean.startsWith('/')) return clean;
  return clean === '/' ? '.' : clean.slice(1);
}

function evaluate(path: string, file: IgnoreFile): MatchResult | null {
  const contextPath = toContextPath(path);
  if (contextPath === '.' || file.patterns.length === 0) return null;
  return matchesUsingParentResults(file.patterns, contextPath, parentMatchesOf(goDir(contextPath), file));
}

/** The walker's `MatchInfo` for directory `dir`, computed top-down from the nearest cached one. */
function parentMatchesOf(dir: string, file: IgnoreFile): ParentMatches {
  if (dir === '.') return null;
  let cache = dirCaches.get(file);
  if (cache === undefined || cache.size > MAX_CACHED_DIRS) {
    cache = new Map();
    dirCaches.set(file, cache);
  }
  const missing: string[] = [];
  let current = dir;
  let known: ParentMatches = null;
  while (current !== '.' && current !== '/') {
    const cached = cache.get(current);
    if (cached !== undefined) {
      known = cached;
      break;
    }
    missing.push(current);
    current = goDir(current);
  }
  for (let i = missing.length - 1; i >= 0; i--) {
    const each = missing[i] ?? '.';
    known = matchesUsingParentResults(file.patterns, each, known).parentMatches;
    cache.set(each, known);
  }
  return known;
}
