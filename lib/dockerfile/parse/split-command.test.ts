import { describe, expect, it } from 'vitest';
import { extractBuilderFlags, splitCommand } from './split-command';

const split = (line: string) => {
  const s = splitCommand(line, 0, line.length);
  return { keyword: s.keyword, flags: s.flags.map((f) => f.raw), rest: s.rest };
};

describe('splitCommand', () => {
  it('lower-cases the keyword and trims the rest', () => {
    expect(split('  RUN   echo hi  ')).toEqual({ keyword: 'run', flags: [], rest: 'echo hi' });
    expect(split('FROM')).toEqual({ keyword: 'from', flags: [], rest: '' });
    expect(split('CoPy\ta\tb')).toEqual({ keyword: 'copy', flags: [], rest: 'a\tb' });
  });

  it('uses Go simple case mapping for the keyword', () => {
    expect(split('HEALTHCHEC\u212A NONE').keyword).toBe('healthcheck');
    expect(split('\u0130X').keyword).toBe('ix');
  });

  it('splits the keyword only at ASCII blanks, not at other Unicode spaces', () => {
    expect(split('RUN\u00a0x').keyword).toBe('run\u00a0x');
    expect(split('RUN\u00a0x y')).toEqual({ keyword: 'run\u00a0x', flags: [], rest: 'y' });
  });

  it('extracts leading --flags, stopping at the first other word', () => {
    expect(split('COPY --user=me --doit=true foo /tmp/')).toEqual({
      keyword: 'copy',
      flags: ['--user=me', '--doit=true'],
      rest: 'foo /tmp/',
    });
    expect(split('CMD --doit [ "a", "b" ]')).toEqual({ keyword: 'cmd', flags: ['--doit'], rest: '[ "a", "b" ]' });
    expect(split('RUN -x --y')).toEqual({ keyword: 'run', flags: [], rest: '-x --y' });
  });

  it('stops at a bare -- and drops it', () => {
    expect(split('COPY --doit=true -- foo /tmp/')).toEqual({ keyword: 'copy', flags: ['--doit=true'], rest: 'foo /tmp/' });
    expect(split('CMD --doit -- [ ]')).toEqual({ keyword: 'cmd', flags: ['--doit'], rest: '[ ]' });
    expect(split('COPY --')).toEqual({ keyword: 'copy', flags: [], rest: '' });
    expect(split('COPY --"" a')).toEqual({ keyword: 'copy', flags: [], rest: 'a' });
  });

  it('removes quotes and backslash escapes inside flag words', () => {
    expect(split('RUN --mount="type=cache, target=/x" make').flags).toEqual(['--mount=type=cache, target=/x']);
    expect(split("RUN --a='b c'd make").flags).toEqual(['--a=b cd']);
    expect(split('RUN --a=b\\ c make').flags).toEqual(['--a=b c']);
    expect(split('RUN --a="unterminated make').flags).toEqual(['--a=unterminated make']);
    expect(split('RUN --a=x\\').flags).toEqual(['--a=x']);
  });

  it('reads flag bytes as Latin-1 runes like Go’s rune(line[pos])', () => {
    expect(split('COPY --chown=josé a b')).toEqual({ keyword: 'copy', flags: ['--chown=josÃ©'], rest: 'a b' });
    // 0xA0 (second byte of NBSP and of "à") is a space for unicode.IsSpace(rune(b)).
    expect(split('COPY --x=a\u00a0b c')).toEqual({ keyword: 'copy', flags: ['--x=aÂ'], rest: 'b c' });
    expect(split('COPY --x=à c')).toEqual({ keyword: 'copy', flags: ['--x=Ã'], rest: 'c' });
  });

  it('records flag offsets', () => {
    const line = '--a=1  --bb  rest';
    expect(extractBuilderFlags(line, 0, line.length)).toEqual({
      flags: [
        { raw: '--a=1', start: 0, end: 5 },
        { raw: '--bb', start: 7, end: 11 },
      ],
      restStart: 13,
    });
  });
});
