/**
 * Deciding what `docker build` sends as the build context, as a walk over the context would:
 * BuildKit's `fsutil` filter (`filter.go`, `MatchesUsingParentResults` with each directory's
 * results passed down) plus Docker's CLI rule that the Dockerfile and `.dockerignore`
 * themselves are always sent (`TrimBuildFilesFromExcludes`).
 */
import { DockerfileError } from '../errors';
import { toContextPath } from './is-ignored';
import { goClean, goDir } from '@/lib/util';
import { compileIgnorePattern, type IgnoreFile } from './parse-ignore';
import { matchesLegacy, matchesUsingParentResults, type MatchPattern, type ParentMatches } from './pattern-matcher';

export interface ContextFilterOptions {
  /** The Dockerfile's path relative to the context (`docker build -f`), `Dockerfile` by default. */
  readonly dockerfilePath?: string;
}

/**
 * `filter(path, isDir)` is true when the path is sent. A directory that is itself excluded
 * answers false even when an exception re-includes something below it; BuildKit still sends
 * such a directory entry once a child is sent, so callers should create the parents of what
 * they send. Paths are relative to the context; call in any order (results are memoized).
 */
export interface ContextFilter {
  (path: string, isDir: boolean): boolean;
  /**
   * True when the walker would not even enter `dir`: it is excluded and no exception could
   * re-include anything below it (or an ancestor was skipped).
   */
  canSkipDir(dir: string): boolean;
}

interface DirState {
  readonly parentMatches: ParentMatches;
  readonly excluded: boolean;
  readonly skipped: boolean;
}

/** fsutil treats these as "could match more than a fixed prefix". */
const PATTERN_CHARS = /[*[\]?^\\]/;
const ROOT: DirState = { parentMatches: null, excluded: false, skipped: false };

export function createContextFilter(file: IgnoreFile, options: ContextFilterOptions = {}): ContextFilter {
  const patterns = withBuildFilesKept(file, options.dockerfilePath ?? 'Dockerfile');
  const prefixes = patterns.filter((p) => p.exclusion).map((p) => withoutTrailingGlob(p.pattern));
  // fsutil's onlyPrefixExcludeExceptions: with a wildcard exception anything could come back.
  const onlyPrefixExceptions = prefixes.every((prefix) => !PATTERN_CHARS.test(prefix));
  const canSkip = (dir: string): boolean =>
    onlyPrefixExceptions && !prefixes.some((prefix) => (prefix + '/').startsWith(dir + '/'));

  const dirs = new Map<string, DirState>();
  const dirState = (dir: string): DirState => {
    if (dir === '.' || dir === '/') return ROOT;
    const cached = dirs.get(dir);
    if (cached !== undefined) return cached;
    const parent = dirState(goDir(dir));
    const result = matchesUsingParentResults(patterns, dir, parent.parentMatches);
    const state: DirState = {
      parentMatches: result.parentMatches,
      excluded: result.matched,
      skipped: parent.skipped || (result.matched && canSkip(dir)),
    };
    dirs.set(dir, state);
    return state;
  };

  const filter = (path: string, isDir: boolean): boolean => {
    const contextPath = toContextPath(path);
    if (contextPath === '.') return true;
    if (isDir) return !dirState(contextPath).excluded && !dirState(contextPath).skipped;
    const parent = dirState(goDir(contextPath));
    if (parent.skipped) return false;
    return !matchesUsingParentResults(patterns, contextPath, parent.parentMatches).matched;
  };
  return Object.assign(filter, {
    canSkipDir: (dir: string): boolean => {
      const contextPath = toContextPath(dir);
      return contextPath !== '.' && dirState(contextPath).skipped;
    },
  });
}

/**
 * Docker CLI's `TrimBuildFilesFromExcludes`: when the (deprecated, single-ancestor)
 * `patternmatcher.Matches` says `.dockerignore` or the Dockerfile is excluded, append
 * `!.dockerignore` / `!<dockerfile>` so the daemon still receives them.
 */
function withBuildFilesKept(file: IgnoreFile, dockerfilePath: string): MatchPattern[] {
  const patterns: MatchPattern[] = [...file.patterns];
  for (const name of ['.dockerignore', goClean(dockerfilePath)]) {
    if (!matchesLegacy(patterns, name)) continue;
    try {
      const kept = compileIgnorePattern('!' + name, 0, '!' + name);
      if (kept !== null) patterns.push(kept);
    } catch (error) {
      // A Dockerfile name that is not a valid pattern (`Dockerfile[`) fails Docker's CLI too.
      const message = error instanceof Error ? error.message : String(error);
      throw new DockerfileError('ignore-pattern', message, undefined, { cause: error });
    }
  }
  return patterns;
}

/** fsutil's `patternWithoutTrailingGlob`: `a/**` and `a/*` only reach below `a`. */
function withoutTrailingGlob(pattern: string): string {
  let trimmed = pattern.endsWith('/**') ? pattern.slice(0, -3) : pattern;
  if (trimmed.endsWith('/*')) trimmed = trimmed.slice(0, -2);
  return trimmed;
}
