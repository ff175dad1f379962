import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DockerfileError } from '@/lib/dockerfile';
import { createShellLexer, envFromList } from '@/lib/dockerfile/expand';

/**
 * BuildKit's own shell-expansion tables (tests/conformance/buildkit-shell, see
 * its README), run the way upstream's lex_test.go runs them: envVarTest through
 * ProcessWord, wordsTest through ProcessWords. One test per table line.
 */

function readTable(name: string): string[] {
  const text = readFileSync(fileURLToPath(new URL(`./buildkit-shell/${name}`, import.meta.url)), 'utf8');
  // bufio.Scanner lines: no empty token after the final newline, `\r` dropped.
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

interface EnvVarCase {
  line: number;
  platform: string;
  source: string;
  expected: string;
}

function envVarCases(): EnvVarCase[] {
  const cases: EnvVarCase[] = [];
  readTable('envVarTest').forEach((raw, index) => {
    if (raw.startsWith('#')) return;
    const line = raw.trim();
    if (line === '') return;
    const fields = line.split('|');
    if (fields.length !== 3) throw new Error(`envVarTest line ${index + 1}: expected 3 fields: ${raw}`);
    const [platform = '', source = '', expected = ''] = fields.map((field) => field.trim());
    if (!['A', 'U', 'W'].includes(platform)) throw new Error(`envVarTest line ${index + 1}: bad platform ${platform}`);
    cases.push({ line: index + 1, platform, source, expected });
  });
  return cases;
}

interface WordsCase {
  line: number;
  source: string;
  expected: string[];
  env: string[];
}

function wordsCases(): WordsCase[] {
  const cases: WordsCase[] = [];
  const env: string[] = [];
  readTable('wordsTest').forEach((line, index) => {
    if (line.startsWith('#')) return;
    if (line.startsWith('ENV ')) {
      env.push(line.slice(3).replace(/^ +/, ''));
      return;
    }
    const fields = line.split('|');
    if (fields.length !== 2) throw new Error(`wordsTest line ${index + 1}: expected exactly one |: ${line}`);
    cases.push({
      line: index + 1,
      source: (fields[0] ?? '').trim(),
      expected: (fields[1] ?? '').replace(/^ +/, '').split(','),
      env: [...env],
    });
  });
  return cases;
}

const lexer = createShellLexer('\\');

describe('BuildKit envVarTest (ProcessWord)', () => {
  const env = envFromList(['PWD=/home', 'SHELL=bash', 'KOREAN=한국어', 'NULL=']);
  const cases = envVarCases();

  it('has the upstream table', () => {
    expect(cases.filter((c) => c.platform !== 'W').length).toBeGreaterThan(200);
  });

  for (const c of cases) {
    if (c.platform === 'W') continue; // Windows-only lines ($pwd == $PWD there)
    it(`line ${c.line}: ${c.source} -> ${c.expected === 'error' ? 'error' : JSON.stringify(c.expected)}`, () => {
      if (c.expected === 'error') {
        expect(() => lexer.expandWord(c.source, env)).toThrow(DockerfileError);
      } else {
        expect(lexer.expandWord(c.source, env)).toBe(c.expected);
      }
    });
  }
});

describe('BuildKit wordsTest (ProcessWords)', () => {
  for (const c of wordsCases()) {
    it(`line ${c.line}: ${c.source} -> ${JSON.stringify(c.expected)}`, () => {
      let words: string[];
      try {
        words = lexer.expandWords(c.source, envFromList(c.env));
      } catch (error) {
        expect(error).toBeInstanceOf(DockerfileError);
        words = ['error'];
      }
      expect(words).toEqual(c.expected);
    });
  }
});
