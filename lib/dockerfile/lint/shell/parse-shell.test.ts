import { describe, expect, it } from 'vitest';
import { afterSubcommand, argsNoFlags, dropFlagValues, flagNames, hasFlag } from './command-args';
import { parseShell } from './parse-shell';

const commands = (text: string, escape: '\\' | '`' = '\\') =>
  parseShell(text, escape).commands.map((c) => [c.name.value, ...c.args.map((a) => a.value)].join(' '));

describe('parseShell', () => {
  it('splits on && || ; | & and newlines', () => {
    expect(commands('a 1 && b 2 || c; d | e & f\ng')).toEqual(['a 1', 'b 2', 'c', 'd', 'e', 'f', 'g']);
  });

  it('keeps quoted operators inside words and removes the quotes', () => {
    expect(commands(`echo "a && b" 'c | d' e\\ f`)).toEqual(['echo a && b c | d e f']);
  });

  it('handles escapes inside double quotes as POSIX does', () => {
    expect(commands('echo "a\\"b" "\\$x" "c\\d"')).toEqual(['echo a"b $x c\\d']);
  });

  it('skips assignments, redirections and their targets', () => {
    expect(commands('FOO=1 BAR="x y" make -j2 > /dev/null 2>&1 < in')).toEqual(['make -j2']);
    expect(commands('A=1')).toEqual([]);
  });

  it('finds commands in if/for/while bodies, subshells and groups', () => {
    expect(commands('if [ -f x ]; then apt-get update; else echo no; fi')).toEqual(['[ -f x ]', 'apt-get update', 'echo no']);
    expect(commands('for f in a b; do rm $f; done')).toEqual(['rm $f']);
    expect(commands('while read l; do echo $l; done < f')).toEqual(['read l', 'echo $l']);
    expect(commands('(cd /tmp && make) && { echo ok; }')).toEqual(['cd /tmp', 'make', 'echo ok']);
  });

  it('skips case patterns', () => {
    expect(commands('case "$x" in a|b) echo ab ;; *) echo other ;; esac; ls')).toEqual(['echo ab', 'echo other', 'ls']);
  });

  it('finds commands inside command substitutions', () => {
    expect(commands('echo "$(sudo id -u)" `whoami`')).toEqual(['echo $(sudo id -u) `whoami`', 'sudo id -u', 'whoami']);
  });

  it('counts pipes, not ||', () => {
    expect(parseShell('a | b |& c || d').pipes).toBe(2);
    expect(parseShell('echo "a | b"').pipes).toBe(0);
    expect(parseShell('x=$(a | b)').pipes).toBe(1);
  });

  it('ignores comments', () => {
    expect(commands('echo a # rm -rf /\necho b')).toEqual(['echo a', 'echo b']);
  });

  it('skips the bodies of shell heredocs', () => {
    expect(commands('cat > /etc/x <<EOF\nrm -rf /\nEOF\necho done')).toEqual(['cat', 'echo done']);
    expect(commands("cat <<-'END'\n\trm x\n\tEND\nls")).toEqual(['cat', 'ls']);
  });

  it('joins line continuations', () => {
    expect(commands('apt-get install \\\n  curl')).toEqual(['apt-get install curl']);
  });

  it('uses the backtick as escape in escape=` Dockerfiles', () => {
    expect(commands('echo a` b C:\\path', '`')).toEqual(['echo a b C:\\path']);
  });

  it('reports where ` && more` can be appended', () => {
    expect(parseShell('apt-get update && apt-get install x  ').appendAt).toBe(35);
    expect(parseShell('make # build').appendAt).toBeNull();
    expect(parseShell('make &&').appendAt).toBeNull();
  });

  it('keeps word offsets', () => {
    const [cmd] = parseShell('  echo "hi there"').commands;
    expect(cmd?.args[0]).toMatchObject({ value: 'hi there', start: 7, end: 17, quoted: true });
  });

  it('survives unbalanced input', () => {
    for (const text of ['echo "abc', "echo 'x", 'echo $(ls', 'echo ${x', 'a |', '&& b', ')', 'case x in', 'for', 'echo `x']) {
      expect(() => parseShell(text), text).not.toThrow();
    }
  });
});

describe('hadolint command helpers', () => {
  const cmd = (text: string) => parseShell(text).commands[0] ?? (() => { throw new Error(text); })();

  it('reads flags like getAllFlags', () => {
    const words = cmd('x -abc --long=1 --flag - --').args;
    expect(words.map(flagNames)).toEqual([['a', 'b', 'c'], ['long'], ['flag'], [], []]);
    expect(hasFlag(cmd('apt-get -yq install x'), 'q')).toBe(true);
  });

  it('drops flag values only when they are separate words', () => {
    const args = cmd('apt-get install -t bookworm --target-release=sid curl').args;
    expect(argsNoFlags(dropFlagValues(args, ['t', 'target-release'])).map((w) => w.value)).toEqual(['install', 'curl']);
  });

  it('takes the words after the subcommand', () => {
    expect(afterSubcommand(cmd('pip install install flask').args, 'install').map((w) => w.value)).toEqual(['flask']);
    expect(afterSubcommand(cmd('pip list').args, 'install')).toEqual([]);
  });
});
