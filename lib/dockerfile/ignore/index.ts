/**
 * `.dockerignore` exactly as Docker reads and applies it: moby's `ignorefile.ReadAll` and
 * `patternmatcher` (pattern compile, `MatchesUsingParentResults`), BuildKit's context walker
 * (`fsutil` filter) and Docker CLI's "always send the Dockerfile and .dockerignore" rule.
 *
 *   const file = parseIgnore(text);            // throws DockerfileError('ignore-pattern') with a line
 *   isIgnored('app/__pycache__/x.pyc', file);  // is it invisible to COPY?
 *   explainIgnored('x.pyc', file);             // the deciding IgnorePattern (line, text) or null
 *   const send = createContextFilter(file, { dockerfilePath: 'Dockerfile' });
 *   send('tests/test_app.py', false);          // is it part of the build context?
 *   send.canSkipDir('.git');                   // may the walk skip the whole directory?
 *
 * How it is built, in the order data flows:
 *   go-strings.ts       Go's filepath.Clean, strings.TrimSpace, bufio.ScanLines
 *   parse-ignore.ts     ReadAll + New: lines → cleaned, validated, compiled patterns
 *   go-glob.ts          filepath.Match, whose error is New's only well-formedness check
 *   compile-pattern.ts  Pattern.compile: exact / prefix / suffix / Go regexp
 *   go-regexp/          Go regexp/syntax on moby's output, run as a linear-time lazy DFA
 *   pattern-matcher.ts  the evaluation loops (last match wins, parent directories match)
 *   is-ignored.ts       one-off questions, answered as the walker would
 *   context-filter.ts   the walk itself: build files kept, directories skipped
 *
 * Where Docker's behaviour is surprising it is kept, and tested: `|`, `{`, `}` are not escaped
 * by moby, so `a*|b` is an alternation; `**foo` also matches `barfoo`; `*.pyc` and
 * `__pycache__/` only match at the context root; `[!a]` is not a negation; with `a/b` then `!a`
 * the walker still excludes `a/b`. Two choices are ours: patterns are compiled when the file is
 * parsed (moby compiles lazily and fails at first use), and `\p{..}` names follow Go 1.25.
 *
 * Other areas import these through `lib/dockerfile/index.ts`.
 */
export { parseIgnore, ILLEGAL_EXCLUSION, type IgnoreFile, type IgnorePattern } from './parse-ignore';
export { isIgnored, explainIgnored } from './is-ignored';
export { createContextFilter, type ContextFilter, type ContextFilterOptions } from './context-filter';
export { BAD_PATTERN } from './go-glob';
export type { CompiledPattern, PatternMatchKind } from './compile-pattern';
