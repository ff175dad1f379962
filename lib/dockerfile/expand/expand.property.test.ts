import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DockerfileError } from '../errors';
import { isGoSpace } from '@/lib/util';
import { createShellLexer, type EscapeToken } from './shell-lexer';

/**
 * Properties of the lexer over arbitrary input: it either returns a string or
 * throws DockerfileError (nothing else escapes), it finishes quickly, and text
 * without `$`, quotes or the escape character comes back unchanged.
 */

// Characters that drive the lexer, mixed with ordinary and awkward ones.
const SHELL_CHARS = ['$', '{', '}', ':', '-', '+', '?', '#', '%', '/', '*', '=', '\\', '`', '"', "'", ' ', '\t', '\n', '@', '0', '1', '_', 'a', 'B', '.', '\uFEFF', '\u0085', '한', '😀'];
const shellishString = fc.string({ unit: fc.constantFrom(...SHELL_CHARS), maxLength: 80 });
const anyString = fc.string({ unit: 'binary', maxLength: 80 });
const word = fc.oneof(shellishString, anyString);

const NAMES = ['a', 'B', '_x', 'PWD', '1', '@'];
const env = fc
  .dictionary(fc.constantFrom(...NAMES), fc.oneof(shellishString, fc.constant('')), { maxKeys: NAMES.length })
  .map((record) => new Map(Object.entries(record)));
const escapeToken = fc.constantFrom<EscapeToken>('\\', '`');
const options = fc.record({ rawQuotes: fc.boolean(), rawEscapes: fc.boolean(), skipUnsetEnv: fc.boolean(), skipProcessQuotes: fc.boolean() });

const TIME_LIMIT_MS = 250;

describe('expandWord over arbitrary input', () => {
  it('returns a string or throws DockerfileError, quickly', () => {
    fc.assert(
      fc.property(word, env, escapeToken, options, (input, variables, token, opts) => {
        const lexer = createShellLexer(token, opts);
        const started = performance.now();
        try {
          expect(typeof lexer.expandWord(input, variables)).toBe('string');
          expect(Array.isArray(lexer.expandWords(input, variables))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(DockerfileError);
          expect((error as DockerfileError).code).toBe('expansion');
        }
        expect(performance.now() - started).toBeLessThan(TIME_LIMIT_MS);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives a result that does not depend on unrelated variables', () => {
    fc.assert(
      fc.property(word, env, (input, variables) => {
        const lexer = createShellLexer('\\');
        const withExtra = new Map(variables).set('UNRELATED_NAME_NOT_IN_WORDS', 'zzz');
        const run = (vars: Map<string, string>) => {
          try {
            return lexer.expandWord(input, vars);
          } catch (error) {
            return (error as Error).message;
          }
        };
        fc.pre(!input.includes('UNRELATED_NAME_NOT_IN_WORDS'));
        expect(run(withExtra)).toBe(run(variables));
      }),
      { numRuns: 500 },
    );
  });
});

describe('words without special characters', () => {
  // A leading U+FEFF is excluded: Go's text/scanner drops it (tested separately).
  const plain = (token: EscapeToken) =>
    fc
      .string({ unit: 'binary', maxLength: 80 })
      .filter((text) => !/[$'"]/.test(text) && !text.includes(token) && !text.startsWith('\uFEFF'));

  it('expand to themselves with either escape token', () => {
    for (const token of ['\\', '`'] as const) {
      const lexer = createShellLexer(token);
      fc.assert(
        fc.property(plain(token), env, (text, variables) => {
          expect(lexer.expandWord(text, variables)).toBe(text);
        }),
        { numRuns: 500 },
      );
    }
  });

  it('split into their whitespace-separated fields', () => {
    const lexer = createShellLexer('\\');
    fc.assert(
      fc.property(plain('\\'), (text) => {
        const fields: string[] = [];
        let current = '';
        for (const ch of text) {
          if (isGoSpace(ch.codePointAt(0) ?? 0)) {
            if (current !== '') fields.push(current);
            current = '';
          } else current += ch;
        }
        if (current !== '') fields.push(current);
        expect(lexer.expandWords(text, new Map())).toEqual(fields);
      }),
      { numRuns: 500 },
    );
  });
});
