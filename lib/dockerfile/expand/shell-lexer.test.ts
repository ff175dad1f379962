import { describe, expect, it } from 'vitest';
import { DockerfileError } from '../errors';
import { EMPTY_ENV, envFromList, envFromRecord } from './env-lookup';
import { createShellLexer, expansionReason } from './shell-lexer';

const lexer = createShellLexer('\\');

function failure(run: () => unknown): DockerfileError {
  try {
    run();
  } catch (error) {
    if (error instanceof DockerfileError) return error;
    throw error;
  }
  throw new Error('expected a DockerfileError');
}

describe('mandatory variables (upstream TestShellParserMandatoryEnvVars)', () => {
  const set = envFromList(['VAR=plain', 'ARG=x']);
  const empty = envFromList(['VAR=', 'ARG=x']);
  const unset = envFromList(['ARG=x']);

  it('${VAR:?message} fails with the message when VAR is unset or empty', () => {
    expect(lexer.expandWord('${VAR:?message here$ARG}', set)).toBe('plain');
    for (const env of [empty, unset]) {
      const error = failure(() => lexer.expandWord('${VAR:?message here$ARG}', env));
      expect(error.code).toBe('expansion');
      expect(error.message).toBe('failed to process "${VAR:?message here$ARG}": VAR: message herex');
      expect(expansionReason(error)).toBe('VAR: message herex');
    }
  });

  it('${VAR?message} fails only when VAR is unset', () => {
    expect(lexer.expandWord('${VAR?message here$ARG}', set)).toBe('plain');
    expect(lexer.expandWord('${VAR?message here$ARG}', empty)).toBe('');
    expect(expansionReason(failure(() => lexer.expandWord('${VAR?message here$ARG}', unset)))).toBe('VAR: message herex');
  });

  it('uses the default texts without a message', () => {
    expect(expansionReason(failure(() => lexer.expandWord('${VAR?}', unset)))).toBe('VAR: is not allowed to be unset');
    expect(expansionReason(failure(() => lexer.expandWord('${VAR:?}', unset)))).toBe('VAR: is not allowed to be unset');
    expect(expansionReason(failure(() => lexer.expandWord('${VAR:?}', empty)))).toBe('VAR: is not allowed to be empty');
  });
});

describe('matched and unmatched names (upstream TestProcessWithMatches)', () => {
  const both = { FOO: 'xxx', BAR: '' };
  const cases: Array<[string, Record<string, string>, string, string[], string[]]> = [
    ['x', { DUMMY: 'dummy' }, 'x', [], []],
    ['x ${UNUSED}', { DUMMY: 'dummy' }, 'x ', [], ['UNUSED']],
    ['x ${FOO}', { FOO: 'y' }, 'x y', ['FOO'], []],
    ['${FOO-aaa} ${BAR-bbb} ${BAZ-ccc}', both, 'xxx  ccc', ['FOO', 'BAR'], ['BAZ']],
    ['${FOO:-aaa} ${BAR:-bbb} ${BAZ:-ccc}', both, 'xxx bbb ccc', ['FOO', 'BAR'], ['BAZ']],
    ['${FOO:-}', both, 'xxx', ['FOO'], []],
    ['${FOO:-}', {}, '', [], ['FOO']],
    ['${FOO+aaa} ${BAR+bbb} ${BAZ+ccc}', both, 'aaa bbb ', ['FOO', 'BAR'], ['BAZ']],
    ['${FOO:+aaa} ${BAR:+bbb} ${BAZ:+ccc}', both, 'aaa  ', ['FOO', 'BAR'], ['BAZ']],
    ['${FOO?aaa}', both, 'xxx', ['FOO'], []],
    ['${BAR?bbb}', both, '', ['BAR'], []],
    ['${FOO:?aaa}', both, 'xxx', ['FOO'], []],
    ['${FOO#()[]{\\}^$.\\*\\?|\\\\}', { FOO: '()[]{}^$.*?|\\x' }, 'x', ['FOO'], []],
    ['${FOO%%\\**}', { FOO: 'xx**' }, 'xx', ['FOO'], []],
    ['${FOO#*x*y}', { FOO: 'xxyy' }, 'y', ['FOO'], []],
    ['${FOO#*}', { FOO: 'xxyy' }, 'xxyy', ['FOO'], []],
    ['${FOO#$BAR}', { FOO: 'xxyy', BAR: 'x' }, 'xyy', ['BAR', 'FOO'], []],
    ['${FOO#$BAR}', { FOO: 'xxyy', BAR: '' }, 'xxyy', ['BAR', 'FOO'], []],
    ['${FOO#}', { FOO: 'xxyy' }, 'xxyy', ['FOO'], []],
    ['${FOO##*x}', { FOO: 'xxyy' }, 'yy', ['FOO'], []],
    ['${FOO##}', { FOO: 'xxyy' }, 'xxyy', ['FOO'], []],
    ['${FOO#?\\?}', { FOO: '???y' }, '?y', ['FOO'], []],
    ['${ABC:-.}${FOO%x}${ABC:-.}', { FOO: 'xxyy' }, '.xxyy.', ['FOO'], ['ABC']],
    ['${FOO%%\\**\\*}', { FOO: 'a***yy*' }, 'a', ['FOO'], []],
    ['${FOO%}', { FOO: 'xxyy' }, 'xxyy', ['FOO'], []],
    ['${FOO%%$BAR}', { FOO: 'xxyy', BAR: '' }, 'xxyy', ['BAR', 'FOO'], []],
    ['${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.}', { FOO: '/foo*/*/*.txt', NEEDLE: '\\*/' }, '/foo.*/*.txt - /foo..*.txt', ['NEEDLE', 'FOO'], []],
    ['${FOO/$NEEDLE/} - ${FOO//$NEEDLE/}', { FOO: '/tmp/tmp/bar.txt', NEEDLE: '/tmp' }, '/tmp/bar.txt - /bar.txt', ['NEEDLE', 'FOO'], []],
    [
      '${FOO/$NEEDLE/$REPLACEMENT} - ${FOO//$NEEDLE/$REPLACEMENT}',
      { FOO: '/a/foo/b/c.txt', NEEDLE: '/?/', REPLACEMENT: '/' },
      '/foo/b/c.txt - /foo/c.txt',
      ['NEEDLE', 'REPLACEMENT', 'FOO'],
      [],
    ],
    ['${FOO/$NEEDLE/$REPLACEMENT}', { FOO: 'http://google.de', NEEDLE: 'http://', REPLACEMENT: 'https://' }, 'https://google.de', ['NEEDLE', 'REPLACEMENT', 'FOO'], []],
    ['${FOO//\\//\\/}', { FOO: '/tmp/foo.txt' }, '\\/tmp\\/foo.txt', ['FOO'], []],
    ['${FOO/$BAR/ww}', { FOO: 'xxyy', BAR: '' }, 'wwxxyy', ['BAR', 'FOO'], []],
    ['${FOO///}', { FOO: 'xxyy' }, 'xxyy', ['FOO'], []],
    ['${FOO///}', {}, '', [], ['FOO']],
  ];
  for (const [input, env, expected, matched, unmatched] of cases) {
    it(`${input} with ${JSON.stringify(env)}`, () => {
      const result = lexer.expand(input, envFromRecord(env));
      expect(result.result).toBe(expected);
      expect([...result.matched]).toEqual(matched);
      expect([...result.unmatched]).toEqual(unmatched);
    });
  }

  const errors: Array<[string, Record<string, string>, string]> = [
    ['${BAZ?ccc}', both, 'BAZ: ccc'],
    ['${BAR:?bbb}', both, 'BAR: bbb'],
    ['${BAZ:?ccc}', both, 'BAZ: ccc'],
    ['${BAZ:?}', both, 'BAZ: is not allowed to be unset'],
    ['${FOO=aaa}', both, 'unsupported modifier (=) in substitution'],
    ['${FOO=:aaa}', both, 'unsupported modifier (=) in substitution'],
    ['${FOO=}', {}, 'unsupported modifier (=) in substitution'],
    ['${FOO:#}', {}, 'unsupported modifier (:#) in substitution'],
    ['${FOO:##}', {}, 'unsupported modifier (:#) in substitution'],
    ['${FOO:%}', {}, 'unsupported modifier (:%) in substitution'],
    ['${FOO:%%}', {}, 'unsupported modifier (:%) in substitution'],
    ['${FOO//ww}', { FOO: 'xxyy' }, "syntax error: missing '/' in ${}"],
    ['${FOO//}', { FOO: 'xxyy' }, "syntax error: missing '/' in ${}"],
  ];
  for (const [input, env, reason] of errors) {
    it(`${input} fails with "${reason}"`, () => {
      expect(expansionReason(failure(() => lexer.expand(input, envFromRecord(env))))).toBe(reason);
    });
  }

  it('reports a TARGETVARIANT suffix only when set (upstream TestProcessWithMatchesPlatform)', () => {
    const release = 'something-${VERSION}.${TARGETOS}-${TARGETARCH}${TARGETVARIANT:+-${TARGETVARIANT}}.tar.gz';
    const base = { VERSION: 'v1.2.3', TARGETOS: 'linux' };
    const word = (env: Record<string, string>) => lexer.expandWord(release, envFromRecord({ ...base, ...env }));
    expect(word({ TARGETARCH: 'arm', TARGETVARIANT: 'v7' })).toBe('something-v1.2.3.linux-arm-v7.tar.gz');
    expect(word({ TARGETARCH: 'arm64', TARGETVARIANT: '' })).toBe('something-v1.2.3.linux-arm64.tar.gz');
    expect(word({ TARGETARCH: 'arm64' })).toBe('something-v1.2.3.linux-arm64.tar.gz');
  });

  it('records special and positional parameters as unmatched, like upstream', () => {
    expect([...lexer.expand('$1 $@ ${0:-x}', envFromRecord({})).unmatched]).toEqual(['1', '@', '0']);
  });
});

describe('error texts', () => {
  const env = envFromRecord({ PWD: '/home' });
  const cases: Array<[string, string]> = [
    ['"hello', 'unexpected end of statement while looking for matching double-quote'],
    ["'hello", 'unexpected end of statement while looking for matching single-quote'],
    ['${}', 'syntax error: bad substitution'],
    ['${:-x}', 'syntax error: bad substitution'],
    ['${{a}', 'syntax error: bad substitution'],
    ['he${', "syntax error: missing '}'"],
    ['${a:-bbb', "syntax error: missing '}'"],
    ['${a:-"x', "syntax error: missing '}'"],
    ['${a:-${X:?}', "syntax error: missing '}'"],
    ['${a:', "syntax error: missing '}'"],
    ['he${PWD', 'unsupported modifier (\uFFFD) in substitution'],
    ['he${.}', 'unsupported modifier (.) in substitution'],
    ['he${XXX:YYY}', 'unsupported modifier (:Y) in substitution'],
    ['${PWD#\\x}', "invalid pattern (\\x) in substitution: invalid escape '\\x'"],
    ['${PWD%a\\x}', "invalid pattern (\\xa) in substitution: invalid escape '\\x'"],
  ];
  for (const [input, reason] of cases) {
    it(`${input}: ${reason}`, () => {
      const error = failure(() => lexer.expandWord(input, env));
      expect(error.code).toBe('expansion');
      expect(expansionReason(error)).toBe(reason);
    });
  }

  it('wraps the reason as upstream does, quoting the word like Go %q', () => {
    expect(failure(() => lexer.expandWord('a"\t\u00a0한\x7f', env)).message).toBe(
      'failed to process "a\\"\\t\\u00a0한\\x7f": unexpected end of statement while looking for matching double-quote',
    );
  });
});

describe('backtick escape token', () => {
  const tick = createShellLexer('`');
  const env = envFromRecord({ PWD: '/home' });
  it('escapes with ` and leaves \\ alone', () => {
    expect(tick.expandWord('C:\\dir\\$PWD', env)).toBe('C:\\dir\\/home');
    expect(tick.expandWord('he`$PWD', env)).toBe('he$PWD');
    expect(tick.expandWord('a` b', env)).toBe('a b');
    expect(tick.expandWord('hello`', env)).toBe('hello');
    expect(tick.expandWords('a` b c', env)).toEqual(['a b', 'c']);
  });
  it('inside double quotes escapes only ", $ and `', () => {
    expect(tick.expandWord('"a`"b"', env)).toBe('a"b');
    expect(tick.expandWord('"`$PWD ``"', env)).toBe('$PWD `');
    expect(tick.expandWord('"`x\\"', env)).toBe('`x\\');
  });
  it('still uses \\ for pattern escapes, as upstream', () => {
    expect(tick.expandWord('${PWD#\\/}', env)).toBe('home');
  });
});

describe('lexer options (upstream Lex fields)', () => {
  const env = envFromRecord({ SET: 'v' });
  it('rawQuotes keeps quote characters', () => {
    expect(createShellLexer('\\', { rawQuotes: true }).expandWord(`"$SET" 'x'`, env)).toBe(`"v" 'x'`);
  });
  it('skipUnsetEnv leaves unset references as written', () => {
    const skip = createShellLexer('\\', { skipUnsetEnv: true });
    expect(skip.expandWord('$SET $NOPE ${NOPE} ${NOPE:-d} ${NOPE#x}', env)).toBe('v $NOPE ${NOPE} ${NOPE:-d} ${NOPE#x}');
    expect(skip.expandWord('${NOPE//a/b}', env)).toBe('${NOPE/a/b}'); // upstream drops one '/'
    expect(skip.expandWord('${NOPE:YY}', env)).toBe('${NOPE:YY}'); // no error when skipped
  });
  it('rawEscapes keeps escape characters', () => {
    expect(createShellLexer('\\', { rawEscapes: true }).expandWord('a\\ b"\\$x"', env)).toBe('a\\ b\\$x');
  });
  it('skipProcessQuotes treats quotes as plain characters', () => {
    expect(createShellLexer('\\', { skipProcessQuotes: true }).expandWord(`'$SET' "a`, env)).toBe(`'v' "a`);
  });
});

describe('Go scanner and splitting quirks', () => {
  const env = envFromRecord({ S: 'a b', E: '' });
  it('drops one leading byte-order mark, as text/scanner does', () => {
    expect(lexer.expandWord('\uFEFFab\uFEFF', env)).toBe('ab\uFEFF');
  });
  it('splits on Go whitespace only (NEL yes, BOM no)', () => {
    expect(lexer.expandWords('${S}\u0085x\uFEFFy', envFromRecord({ S: 'a\u0085b' }))).toEqual(['a', 'b', 'x\uFEFFy']);
  });
  it('reads names by code point, with Unicode letters and digits', () => {
    expect(lexer.expandWord('$한국어x $٣x 😀$S', envFromRecord({ 한국어x: 'k', S: 's' }))).toBe('k x 😀s');
  });
  it('gives no word for a lone empty quote', () => {
    expect(lexer.expandWords('""', env)).toEqual([]);
    expect(lexer.expandWords('"" x', env)).toEqual(['x']);
    expect(lexer.expandWords('$E', env)).toEqual([]);
  });
  it('splits what a ${...} default produced, even when it was quoted there', () => {
    expect(lexer.expandWords('x${N:-"a b"}y', env)).toEqual(['xa', 'by']);
  });
  it('keeps a prefix before a nested default when splitting', () => {
    // Newest upstream shares one words buffer between nested processStopOn calls
    // and would return ["y"]; we keep per-call buffers (see the README).
    expect(lexer.expandWords('hello${N:-y}', env)).toEqual(['helloy']);
  });
});

describe('environments', () => {
  it('accepts a Map, a record (own properties only) or KEY=VALUE entries', () => {
    expect(lexer.expandWord('$A', new Map([['A', 'map']]))).toBe('map');
    expect(lexer.expandWord('[$constructor][$toString][$A]', envFromRecord({ A: 'rec' }))).toBe('[][][rec]');
    expect(lexer.expandWord('[$A][$B][${C-unset}]', envFromList(['A=1', 'B', 'A=2=3']))).toBe('[2=3][][unset]');
    expect(lexer.expandWord('${A-unset}', EMPTY_ENV)).toBe('unset');
  });
  it('compares names case-sensitively, as BuildKit on unix', () => {
    expect(lexer.expandWord('[$pwd][$PWD]', envFromRecord({ PWD: '/home' }))).toBe('[][/home]');
  });
});

describe('hostile input', () => {
  const env = envFromRecord({ a: 'x' });
  it('handles 100k levels of ${a:-...} nesting without recursion', () => {
    const depth = 100_000;
    expect(lexer.expandWord('${b:-'.repeat(depth) + 'z' + '}'.repeat(depth), env)).toBe('z');
    const error = failure(() => lexer.expandWord('${b:-'.repeat(depth), env));
    expect(expansionReason(error)).toBe("syntax error: missing '}'");
  });
  it('expands long flat input in linear time', () => {
    const started = Date.now();
    expect(lexer.expandWord('$a'.repeat(200_000), env)).toHaveLength(200_000);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
