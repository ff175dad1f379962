import { DockerfileError } from '../errors';
import type { EnvLookup } from './env-lookup';
import { goQuote } from '@/lib/util';
import { expandPlainWord } from './plain-word';
import { ShellWord, type LexMode } from './shell-word';

/**
 * Dockerfile word expansion, as BuildKit's `shell.Lex`
 * (frontend/dockerfile/shell/lex.go): `ProcessWord`, `ProcessWords` and
 * `ProcessWordWithMatches` over one lexer configured by the Dockerfile's
 * escape character and the same switches as upstream's exported fields.
 */

/** The Dockerfile `# escape=` character. */
export type EscapeToken = '\\' | '`';

export interface ShellLexOptions {
  /** Keep quote characters in the result (upstream `RawQuotes`). */
  readonly rawQuotes?: boolean;
  /** Keep escape characters in the result (upstream `RawEscapes`). */
  readonly rawEscapes?: boolean;
  /** Treat `'` and `"` as ordinary characters (upstream `SkipProcessQuotes`). */
  readonly skipProcessQuotes?: boolean;
  /** Leave `$UNSET` / `${UNSET...}` as written instead of expanding them (upstream `SkipUnsetEnv`). */
  readonly skipUnsetEnv?: boolean;
}

/** Upstream `ProcessWordResult`. */
export interface ExpandResult {
  /** The expanded word: quotes removed, escapes processed (ProcessWord). */
  readonly result: string;
  /** The word split on unquoted whitespace produced by expansion (ProcessWords). */
  readonly words: readonly string[];
  /** Names looked up and found, in lookup order (feeds build-cache keys). */
  readonly matched: ReadonlySet<string>;
  /** Names looked up and unset, in lookup order (feeds the UndefinedVar lint rule). */
  readonly unmatched: ReadonlySet<string>;
}

export interface ShellLexer {
  readonly escapeToken: EscapeToken;
  /** ProcessWordWithMatches: everything one expansion yields. */
  expand(word: string, env: EnvLookup): ExpandResult;
  /** ProcessWord: the expanded word as one string. */
  expandWord(word: string, env: EnvLookup): string;
  /** ProcessWords: the expanded word split into words. */
  expandWords(word: string, env: EnvLookup): string[];
}

/**
 * Creates a lexer. Every failure is a `DockerfileError` with code
 * `'expansion'` whose message is upstream's, wrapped as upstream wraps it:
 * `failed to process "he${PWD": unsupported modifier (\uFFFD) in substitution`. The
 * unwrapped reason (`NAME: is not allowed to be unset`, ...) is the error's `cause`.
 */
export function createShellLexer(escapeToken: EscapeToken = '\\', options: ShellLexOptions = {}): ShellLexer {
  const mode: LexMode = {
    escapeToken: escapeToken.charCodeAt(0),
    rawQuotes: options.rawQuotes ?? false,
    rawEscapes: options.rawEscapes ?? false,
    skipProcessQuotes: options.skipProcessQuotes ?? false,
    skipUnsetEnv: options.skipUnsetEnv ?? false,
  };

  function expand(word: string, env: EnvLookup): ExpandResult {
    // Most words need no more than literal text and plain variables (see plain-word.ts).
    const plain = expandPlainWord(word, env, mode);
    if (plain !== null) return plain;
    const shellWord = new ShellWord(word, env, mode);
    try {
      const { result, words } = shellWord.run();
      return { result, words, matched: shellWord.matched, unmatched: shellWord.unmatched };
    } catch (error) {
      throw wrapFailure(word, error);
    }
  }

  return {
    escapeToken,
    expand,
    expandWord: (word, env) => expand(word, env).result,
    expandWords: (word, env) => [...expand(word, env).words],
  };
}

/** Upstream `errors.Wrapf(err, "failed to process %q", source)`. */
function wrapFailure(word: string, error: unknown): DockerfileError {
  // Anything else (e.g. a RangeError for a result too long for a string) is
  // reported the same way, so callers only ever see DockerfileError.
  const reason = error instanceof Error ? error.message : String(error);
  return new DockerfileError('expansion', `failed to process ${goQuote(word)}: ${reason}`, undefined, { cause: error });
}

/** The unwrapped upstream reason of an expansion error (`X: is not allowed to be unset`). */
export function expansionReason(error: DockerfileError): string {
  return error.cause instanceof Error ? error.cause.message : error.message;
}
