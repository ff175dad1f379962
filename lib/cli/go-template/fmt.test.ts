// Go's fmt as templates reach it through printf/print/println (outputs as Go's fmt documents them).
import { describe, expect, it } from 'vitest';
import { GoFloat, goMap, sprint, sprintf, sprintln } from './index';

describe('sprintf', () => {
  it.each<[string, unknown[], string]>([
    ['%s|%v|%q', ['hi', 'hi', 'hi'], 'hi|hi|"hi"'],
    ['%-10s|%10s|%.2s', ['ab', 'ab', 'abc'], 'ab        |        ab|ab'],
    ['%d|%5d|%-5d|%05d|%+d|% d', [42, 42, 42, 42, 42, 42], '42|   42|42   |00042|+42| 42'],
    ['%x|%X|%#x|%o|%#o|%b|%c|%q|%U|%#U', [255, 255, 255, 8, 8, 5, 65, 97, 0x1f600, 0x41], "ff|FF|0xff|10|010|101|A|'a'|U+1F600|U+0041 'A'"],
    ['%x|% x|%X', ['hi', 'hi', 'hi'], '6869|68 69|6869'],
    ['%f|%.2f|%6.2f|%e|%.3e|%g|%.3g|%G', [3.14159, 3.14159, 3.14159, 1234.5678, 1234.5678, 0.000012345, 1234.5678, 1e-10], '3.141590|3.14|  3.14|1.234568e+03|1.235e+03|1.2345e-05|1.23e+03|1E-10'],
    ['%v|%v|%v|%v|%v', [new GoFloat(1e6), 123456.0 + 0.5, new GoFloat(100000), 1e21, -0.5], '1e+06|123456.5|100000|1e+21|-0.5'],
    ['%t|%v', [true, false], 'true|false'],
    ['%v|%+v|%d|%q', [[1, 2], { A: 1, B: 'x' }, [1, 2], ['a', 'b']], '[1 2]|{A:1 B:x}|[1 2]|["a" "b"]'],
    ['%v|%s', [goMap({ b: 1, a: 2 }), { N: 1, S: 's' }], 'map[a:2 b:1]|{%!s(int=1) s}'],
    ['%T|%T|%T|%T|%T', ['s', 1, 1.5, ['a'], true], 'string|int|float64|[]string|bool'],
    ['%d|%s|%t', ['x', 5, 'y'], '%!d(string=x)|%!s(int=5)|%!t(string=y)'],
    ['%d %d', [1], '1 %!d(MISSING)'],
    ['%d', [1, 'x'], '1%!(EXTRA string=x)'],
    ['%[2]s %[1]s', ['a', 'b'], 'b a'],
    ['%*d|%-*d|%.*f', [4, 1, 4, 1, 1, 3.14159], '   1|1   |3.1'],
    ['100%%', [], '100%'],
    ['%z', [1], '%!z(int=1)'],
    ['%s', [null], '%!s(<nil>)'],
    ['%v', [null], '<nil>'],
    ['%', [], '%!(NOVERB)'],
  ])('sprintf(%j, …)', (format, args, expected) => {
    expect(sprintf(format, args)).toBe(expected);
  });
});

describe('sprint / sprintln', () => {
  it('adds spaces between operands when neither is a string (Sprint) or always (Sprintln)', () => {
    expect(sprint([1, 2, 'a', 'b', 3, true])).toBe('1 2ab3 true');
    expect(sprintln(['a', 'b', 1])).toBe('a b 1\n');
  });
});
