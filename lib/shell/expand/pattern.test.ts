import { describe, expect, it } from 'vitest';
import { evaluateArith } from './arith';
import { matchPattern, removeAffix } from './pattern';
import { ShellError } from '../errors';

describe('matchPattern', () => {
  it.each([
    ['*.py', 'a.py', true],
    ['*.py', 'a.pyc', false],
    ['?', 'ab', false],
    ['[a-c]x', 'bx', true],
    ['[!a-c]x', 'bx', false],
    ['[[:digit:]]*', '3rd', true],
    ['\\*', '*', true],
    ['\\*', 'a', false],
    ['[z-a]', '[z-a]', true],
    ['a*b', 'a/x/b', true],
  ])('%s ~ %s → %s', (p, t, want) => expect(matchPattern(p, t)).toBe(want));
  it('removes affixes shortest and longest', () => {
    expect(removeAffix('a.b.c', '.*', '%')).toBe('a.b');
    expect(removeAffix('a.b.c', '.*', '%%')).toBe('a');
    expect(removeAffix('a.b.c', '*.', '#')).toBe('b.c');
    expect(removeAffix('a.b.c', '*.', '##')).toBe('c');
  });
});

describe('evaluateArith', () => {
  const vars = (init: Record<string, string>) => ({ get: (n: string) => init[n], set: (n: string, v: string) => void (init[n] = v) });
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['-7 / 2', -3],
    ['2 ** 3 ** 2', 512],
    ['x * 2', 20],
    ['y', 0],
    ['x > 5 ? 1 : 2', 1],
    ['010 + 0x10', 24],
  ])('%s = %d', (expr, want) => expect(evaluateArith(expr, vars({ x: '10' }))).toBe(want));
  it('assigns and reports errors in dash words', () => {
    const store: Record<string, string> = {};
    const v = vars(store);
    expect(evaluateArith('a = 3 + 1', v)).toBe(4);
    expect(store.a).toBe('4');
    expect(() => evaluateArith('1/0', v)).toThrow(ShellError);
    expect(() => evaluateArith('1/0', v)).toThrow('arithmetic expression: division by zero: "1/0"');
    expect(() => evaluateArith('2+', v)).toThrow('arithmetic expression: expecting primary: "2+"');
  });
});
