import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandPlainWord } from './plain-word';
import { ShellWord, type LexMode } from './shell-word';

// The fast path must agree with BuildKit's lexer (ShellWord) on everything it accepts.
const CHARS = ['$', '{', '}', ':', '-', '"', "'", '\\', '`', ' ', '\t', '\n', '\u00a0', '\u0085', '\uFEFF', '_', '0', '1', 'a', 'B', 'é', '한', '😀', '\uD83D', '/', '.', '=', '@'];
const PIECES = ['$a', '${a}', '$B', '${B}', '$_x', '${_x}', '$NONE', '${NONE}', '"$a"', '"${B} x"', "'$a'", 'plain', ' ', '${a:-d}', '$1', '${'];
const word = fc.array(fc.oneof(fc.constantFrom(...CHARS), fc.constantFrom(...PIECES)), { maxLength: 24 }).map((parts) => parts.join(''));
const env = fc
  .dictionary(fc.constantFrom('a', 'B', '_x', 'aé'), fc.constantFrom('', 'v', 'two words', ' lead', 'tab\there', '$a', '"q"', '😀'), { maxKeys: 4 })
  .map((record) => new Map(Object.entries(record)));
const modeFor = (escape: '\\' | '`'): LexMode => ({
  escapeToken: escape.charCodeAt(0),
  rawQuotes: false,
  rawEscapes: false,
  skipProcessQuotes: false,
  skipUnsetEnv: false,
});

function slow(input: string, variables: Map<string, string>, mode: LexMode) {
  const shellWord = new ShellWord(input, variables, mode);
  const { result, words } = shellWord.run();
  return { result, words, matched: [...shellWord.matched], unmatched: [...shellWord.unmatched] };
}

describe('expandPlainWord', () => {
  it('gives what the full lexer gives whenever it takes a word', () => {
    fc.assert(
      fc.property(word, env, fc.constantFrom<'\\' | '`'>('\\', '`'), (input, variables, escape) => {
        const mode = modeFor(escape);
        const fast = expandPlainWord(input, variables, mode);
        if (fast === null) return;
        expect({ result: fast.result, words: [...fast.words], matched: [...fast.matched], unmatched: [...fast.unmatched] }).toEqual(
          slow(input, variables, mode),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the common Dockerfile words', () => {
    const variables = new Map([['APP', '/srv/app'], ['PATH', '/usr/bin:/bin']]);
    for (const input of ['/srv/app', '${APP}/bin', '"/opt/venv/bin:${PATH}"', "'$APP'", 'a b\tc', '$APP$UNSET', 'app0', '']) {
      const fast = expandPlainWord(input, variables, modeFor('\\'));
      expect(fast, input).not.toBeNull();
      expect(fast?.result).toBe(slow(input, variables, modeFor('\\')).result);
    }
  });

  it('leaves everything else to the full lexer', () => {
    const variables = new Map([['A', 'x']]);
    for (const input of ['a\\ b', '${A:-d}', '$1', '$@', '${Aé}', '$Aé', '"unterminated', "'open", '\uFEFFa', '$', 'a$', '${', '${A']) {
      expect(expandPlainWord(input, variables, modeFor('\\')), input).toBeNull();
    }
    expect(expandPlainWord('a`b', variables, modeFor('`'))).toBeNull();
    expect(expandPlainWord('$A', variables, { ...modeFor('\\'), skipUnsetEnv: true })).toBeNull();
    expect(expandPlainWord('"$A"', variables, { ...modeFor('\\'), rawQuotes: true })).toBeNull();
  });
});
