import { describe, expect, it } from 'vitest';
import { parseOptions, UsageError, type OptionSpec } from './options';

const SPEC: Record<string, OptionSpec> = {
  all: { type: 'bool', short: 'a' },
  quiet: { type: 'bool', short: 'q' },
  file: { type: 'string', short: 'f' },
  tag: { type: 'list', short: 't' },
  interactive: { type: 'bool', short: 'i' },
  tty: { type: 'bool', short: 't2' },
};

describe('parseOptions (pflag rules)', () => {
  it('stacks bool shorthands as docker ps -aq does', () => {
    const o = parseOptions(['-aq'], SPEC);
    expect([...o.bools].sort()).toEqual(['all', 'quiet']);
  });

  it('lets the first value flag in a stack take the rest of the word or the next word', () => {
    expect(parseOptions(['-qfout.tar'], SPEC).strings.get('file')).toBe('out.tar');
    const o = parseOptions(['-qf', 'out.tar', 'x'], SPEC);
    expect(o.strings.get('file')).toBe('out.tar');
    expect(o.positionals).toEqual(['x']);
  });

  it('repeats list flags and reads --flag=value', () => {
    const o = parseOptions(['-t', 'a:1', '--tag=b:2', '-tc:3'], SPEC);
    expect(o.lists.get('tag')).toEqual(['a:1', 'b:2', 'c:3']);
  });

  it('says what pflag says for unknown flags and missing values', () => {
    expect(() => parseOptions(['--nope'], SPEC)).toThrow(new UsageError('unknown flag: --nope'));
    expect(() => parseOptions(['-ax'], SPEC)).toThrow(new UsageError("unknown shorthand flag: 'x' in -ax"));
    expect(() => parseOptions(['-f'], SPEC)).toThrow(new UsageError("flag needs an argument: 'f' in -f"));
    expect(() => parseOptions(['--file'], SPEC)).toThrow(new UsageError('flag needs an argument: --file'));
    expect(() => parseOptions(['--all=maybe'], SPEC)).toThrow(/strconv.ParseBool: parsing "maybe": invalid syntax/);
  });

  it('turns a bool off with =false', () => {
    expect(parseOptions(['-a', '--all=false'], SPEC).bools.has('all')).toBe(false);
  });

  it('stops at the first positional when not interspersed (docker run IMAGE CMD -l)', () => {
    const o = parseOptions(['-i', 'alpine', 'ls', '-a'], SPEC, { interspersed: false });
    expect(o.bools.has('interactive')).toBe(true);
    expect(o.bools.has('all')).toBe(false);
    expect(o.positionals).toEqual(['alpine', 'ls', '-a']);
  });

  it('keeps everything after -- as positionals', () => {
    expect(parseOptions(['--', '-a'], SPEC).positionals).toEqual(['-a']);
  });
});
