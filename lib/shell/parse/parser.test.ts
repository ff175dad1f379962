import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShellError } from '../errors';
import { parseScript } from './parser';

describe('parseScript', () => {
  it('keeps quoting structure in words', () => {
    const script = parseScript(`echo "a $x" 'b' c\\ d`);
    const cmd = script.items[0]?.first.commands[0];
    expect(cmd?.kind).toBe('simple');
    if (cmd?.kind !== 'simple') return;
    expect(cmd.words.map((w) => w.parts)).toEqual([
      [{ kind: 'literal', text: 'echo' }],
      [{ kind: 'double', parts: [{ kind: 'quoted', text: 'a ' }, { kind: 'param', name: 'x' }] }],
      [{ kind: 'quoted', text: 'b' }],
      [{ kind: 'literal', text: 'c' }, { kind: 'quoted', text: ' ' }, { kind: 'literal', text: 'd' }],
    ]);
  });
  it('splits assignments, redirections and io numbers', () => {
    const cmd = parseScript('A=1 B="x y" cmd arg 2>&1 >out').items[0]?.first.commands[0];
    if (cmd?.kind !== 'simple') throw new Error('not simple');
    expect(cmd.assigns.map((a) => a.name)).toEqual(['A', 'B']);
    expect(cmd.redirects.map((r) => [r.fd, r.op, r.target.raw])).toEqual([[2, '>&', '1'], [1, '>', 'out']]);
  });
  it('reads here-doc bodies after the line, stripping tabs for <<-', () => {
    const cmd = parseScript('cat <<-EOF; echo after\n\tbody $x\n\tEOF\n').items[0]?.first.commands[0];
    if (cmd?.kind !== 'simple') throw new Error('not simple');
    expect(cmd.redirects[0]?.heredoc?.body.raw).toBe('body $x\n');
  });
  it('parses command substitutions with case inside', () => {
    expect(() => parseScript('x=$(case a in a) echo y;; esac)')).not.toThrow();
  });
  it.each([
    ['if true; then echo', 'Syntax error: end of file unexpected (expecting "fi")'],
    ['echo a | | b', 'Syntax error: "|" unexpected'],
    ['while :; do', 'Syntax error: end of file unexpected (expecting "done")'],
    ['echo "x', 'Syntax error: Unterminated quoted string'],
  ])('reports %s in dash words', (source, message) => {
    let caught: unknown;
    try {
      parseScript(source);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ShellError);
    expect((caught as ShellError).message).toBe(message);
    expect((caught as ShellError).code).toBe('syntax');
  });
  it('only ever throws ShellError', () => {
    const alphabet = fc.constantFrom(...'ab $(){}[]|&;<>\'"`\\\n\t#=*?~-:+%!0123456789'.split(''), 'if ', 'then ', 'fi', 'for ', 'do ', 'done', 'case ', 'esac', 'in ', ';;', '<<EOF\n', 'EOF\n', '${', '$((', '))');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (tokens) => {
        try {
          parseScript(tokens.join(''));
        } catch (error) {
          if (!(error instanceof ShellError)) throw error;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
