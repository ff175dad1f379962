import { describe, expect, it } from 'vitest';
import { DockerfileError } from '../errors';
import { canContainHeredoc, chompHeredocContent, heredocsFromLine, parseHeredocWord } from './heredoc';
import { ShellWordsError, shellWords } from './shell-words';

describe('parseHeredocWord (BuildKit ParseHeredoc)', () => {
  it.each(['<<EOF', "<<'EOF'", '<<"EOF"', '<<-EOF', "<<-'EOF'", '<<-"EOF"', '<<EO"F"', '<< EOF', '<<- EOF', '<<\tEOF'])(
    'reads %j as the delimiter EOF',
    (word) => {
      expect(parseHeredocWord(word)?.name).toBe('EOF');
    },
  );

  it.each(['', 'EOF', '<<', '<<-', '<EOF', '<<<EOF', '<<EOF sh', '<<EOF<', 'x<<EOF'])('does not read %j as a heredoc', (word) => {
    expect(parseHeredocWord(word)).toBeNull();
  });

  it.each(["<<'EOF", '<<"EOF', "<<EOF'", '<<EOF"'])('fails on the unbalanced quote in %j', (word) => {
    expect(() => parseHeredocWord(word)).toThrow(DockerfileError);
  });

  it('decides expansion by comparing quote counts with and without raw quotes', () => {
    expect(parseHeredocWord('<<eof')).toEqual({ name: 'eof', fileDescriptor: 0, expand: true, chomp: false });
    expect(parseHeredocWord("<<eo\\'f")).toMatchObject({ name: "eo'f", expand: true });
    expect(parseHeredocWord("<<eo'f'")).toMatchObject({ name: 'eof', expand: false });
    expect(parseHeredocWord("<<'e'o\\'f")).toMatchObject({ name: "eo'f", expand: false });
    expect(parseHeredocWord("<<'one two'")).toMatchObject({ name: 'one two', expand: false });
    // A backslash-escaped delimiter still expands in BuildKit (unlike POSIX sh).
    expect(parseHeredocWord('<<\\EOF')).toMatchObject({ name: 'EOF', expand: true });
    expect(parseHeredocWord('<<$EOF')).toMatchObject({ name: '$EOF', expand: true });
  });

  it('reads the file descriptor and the chomp dash', () => {
    expect(parseHeredocWord('3<<-EOF')).toEqual({ name: 'EOF', fileDescriptor: 3, expand: true, chomp: true });
    expect(parseHeredocWord('99999999999999999999999<<EOF')?.fileDescriptor).toBe(18446744073709551615);
  });
});

describe('heredocsFromLine', () => {
  it.each([
    ['RUN <<EOF', ['EOF']],
    ['RUN <<-EOF', ['EOF']],
    ['RUN << -EOF', ['-EOF']],
    ["RUN <<'EOF'", ['EOF']],
    ['RUN 4<<EOF', ['EOF']],
    ['RUN <<EOF <<EOF2', ['EOF', 'EOF2']],
    ['RUN <<  EOF  > foo', ['EOF']],
    ['RUN --mount=type=cache,target=/x <<M', ['M']],
    ["RUN '<<EOF'", []],
    ['RUN "<<EOF"', []],
    ['RUN echo \\<<EOF', []],
    // `<<-` followed by a blank splits into two words: no heredoc.
    ['RUN <<- EOF', []],
    // An unclosed quote anywhere makes BuildKit's lexer fail: no heredocs at all.
    ["RUN echo it's <<EOF", []],
    ['RUN cat ${x:-a b} <<EOF', ['EOF']],
    ['RUN cat ${} <<EOF', []],
  ])('%j opens %j', (line, names) => {
    expect(heredocsFromLine(line).map((h) => h.name)).toEqual(names);
  });
});

describe('shellWords (the lexer slice heredoc detection uses)', () => {
  it('keeps raw quotes and escapes when asked', () => {
    expect(shellWords('a "b c" \'d\' e\\ f', { rawQuotes: true, rawEscapes: true })).toEqual(['a', '"b c"', "'d'", 'e\\ f']);
    expect(shellWords('a "b c" \'d\' e\\ f', { rawQuotes: false, rawEscapes: false })).toEqual(['a', 'b c', 'd', 'e f']);
  });

  it('doubles a backslash before an ordinary char inside double quotes with raw escapes', () => {
    expect(shellWords('"a\\b"', { rawQuotes: true, rawEscapes: true })).toEqual(['"a\\\\b"']);
  });

  it('returns unset variables as written', () => {
    expect(shellWords('$a ${b} ${c:-d} ${e//f/g} $1x', { rawQuotes: false, rawEscapes: false })).toEqual([
      '$a',
      '${b}',
      '${c:-d}',
      '${e/f/g}',
      '$1x',
    ]);
  });

  it('throws where Go returns an error, and guards deep nesting', () => {
    expect(() => shellWords("'x", { rawQuotes: true, rawEscapes: true })).toThrow(ShellWordsError);
    expect(() => shellWords('${x', { rawQuotes: true, rawEscapes: true })).toThrow(ShellWordsError);
    expect(() => shellWords('${a:-'.repeat(10_000), { rawQuotes: true, rawEscapes: true })).toThrow(ShellWordsError);
  });
});

describe('chomp and eligibility', () => {
  it('strips leading tabs after \\n only (Go’s (?m)^)', () => {
    expect(chompHeredocContent('\thello\n\t\tworld\n')).toBe('hello\nworld\n');
    expect(chompHeredocContent('a\r\tb\n')).toBe('a\r\tb\n');
  });

  it('allows RUN/COPY/ADD and ONBUILD of those, never the JSON form', () => {
    const node = (keyword: string, json = false, child: { keyword: string; json: boolean } | null = null) => ({ keyword, json, child });
    expect(canContainHeredoc(node('run'))).toBe(true);
    expect(canContainHeredoc(node('copy', true))).toBe(false);
    expect(canContainHeredoc(node('user'))).toBe(false);
    expect(canContainHeredoc(node('onbuild', false, { keyword: 'add', json: false }))).toBe(true);
    expect(canContainHeredoc(node('onbuild', false, { keyword: 'onbuild', json: false }))).toBe(false);
  });
});
