import { describe, expect, it } from 'vitest';
import { explainIgnored, isIgnored, toContextPath } from './is-ignored';
import { parseIgnore } from './parse-ignore';

/** Which of `paths` `.dockerignore` text excludes. */
const excluded = (text: string, paths: string[]) => {
  const file = parseIgnore(text);
  return paths.filter((path) => isIgnored(path, file));
};

describe('isIgnored', () => {
  it('excludes a directory and everything below it (node_modules)', () => {
    expect(excluded('node_modules', ['node_modules', 'node_modules/react/index.js', 'src/node_modules', 'node_modules2'])).toEqual([
      'node_modules',
      'node_modules/react/index.js',
    ]);
  });

  it('anchors patterns at the context root: `node_modules` does not reach nested copies', () => {
    expect(excluded('node_modules', ['app/node_modules/x'])).toEqual([]);
    expect(excluded('**/node_modules', ['app/node_modules/x', 'node_modules/y'])).toEqual(['app/node_modules/x', 'node_modules/y']);
  });

  it('lets the last matching line win, exceptions included', () => {
    const text = '*.md\n!README.md\nREADME*';
    expect(excluded(text, ['a.md', 'README.md', 'README', 'b.txt'])).toEqual(['a.md', 'README.md', 'README']);
    expect(excluded('*.md\n!README.md', ['a.md', 'README.md'])).toEqual(['a.md']);
    expect(excluded('!README.md\n*.md', ['README.md'])).toEqual(['README.md']);
  });

  it('re-includes a file under an excluded directory with an exception', () => {
    expect(excluded('docs\n!docs/README.md', ['docs/README.md', 'docs/guide.md', 'docs'])).toEqual(['docs/guide.md', 'docs']);
  });

  it('handles `**` at the start, in the middle, at the end and alone', () => {
    expect(excluded('**/*.log', ['a.log', 'x/y/b.log', 'a.logs'])).toEqual(['a.log', 'x/y/b.log']);
    expect(excluded('a/**/z', ['a/z', 'a/b/z', 'a/b/c/z', 'a/bz', 'b/z'])).toEqual(['a/z', 'a/b/z', 'a/b/c/z']);
    expect(excluded('build/**', ['build', 'build/out', 'build/x/y'])).toEqual(['build/out', 'build/x/y']);
    expect(excluded('**', ['a', 'a/b', '.dockerignore'])).toEqual(['a', 'a/b', '.dockerignore']);
  });

  it('matches `*` and `?` within one path element only', () => {
    expect(excluded('*.pyc', ['a.pyc', 'app/a.pyc'])).toEqual(['a.pyc']);
    expect(excluded('*/*.pyc', ['app/a.pyc', 'app/x/a.pyc'])).toEqual(['app/a.pyc']);
    expect(excluded('file?.txt', ['file1.txt', 'file12.txt', 'file/.txt'])).toEqual(['file1.txt']);
  });

  it('ignores a trailing `/`: `tests/` excludes the tests directory', () => {
    expect(excluded('tests/', ['tests', 'tests/test_app.py', 'tests.py'])).toEqual(['tests', 'tests/test_app.py']);
  });

  it('treats a leading `/` and `./` as the context root', () => {
    expect(excluded('/secret.txt', ['secret.txt', 'a/secret.txt'])).toEqual(['secret.txt']);
    expect(excluded('./secret.txt', ['secret.txt'])).toEqual(['secret.txt']);
  });

  it('supports character classes, with `^` (not `!`) negating', () => {
    expect(excluded('file[0-9].txt', ['file1.txt', 'filex.txt'])).toEqual(['file1.txt']);
    expect(excluded('file[^0-9].txt', ['file1.txt', 'filex.txt'])).toEqual(['filex.txt']);
    expect(excluded('file[!0-9].txt', ['file!.txt', 'filex.txt', 'file1.txt'])).toEqual(['file!.txt', 'file1.txt']);
  });

  it('escapes with a backslash', () => {
    expect(excluded('\\*.txt', ['*.txt', 'a.txt'])).toEqual(['*.txt']);
    expect(excluded('a\\?', ['a?', 'ab'])).toEqual(['a?']);
    expect(excluded('\\#notes', ['#notes'])).toEqual(['#notes']);
  });

  it('compares wildcard-free patterns exactly: `.` `+` `(` `)` are literal', () => {
    expect(excluded('a.b', ['a.b', 'axb'])).toEqual(['a.b']);
    expect(excluded('dist/app-1.0+build(2).tar', ['dist/app-1.0+build(2).tar', 'dist/app-1.0build2.tar'])).toEqual([
      'dist/app-1.0+build(2).tar',
    ]);
  });

  it('cleans the path it is asked about and never excludes the context root', () => {
    const file = parseIgnore('a/b\n*');
    expect(isIgnored('./a/b', file)).toBe(true);
    expect(isIgnored('/a/b/', file)).toBe(true);
    expect(isIgnored('a//b', file)).toBe(true);
    expect(isIgnored('.', file)).toBe(false);
    expect(isIgnored('', file)).toBe(false);
    expect(isIgnored('/', file)).toBe(false);
    expect(toContextPath('/x/./y/../z/')).toBe('x/z');
  });

  it('follows the walker where an exception matches only a parent', () => {
    // BuildKit's walk keeps a/b excluded: `!a` was skipped when `a` was evaluated.
    expect(excluded('a/b\n!a', ['a', 'a/b', 'a/c'])).toEqual(['a/b']);
  });

  it('gives the same answer in any order and on repeated calls', () => {
    const file = parseIgnore('node_modules\n!node_modules/keep\n*.log');
    const paths = ['node_modules/keep/x', 'node_modules/a', 'x.log', 'node_modules/keep', 'src/a.ts'];
    const first = paths.map((p) => isIgnored(p, file));
    const reversed = [...paths].reverse().map((p) => isIgnored(p, file)).reverse();
    expect(reversed).toEqual(first);
    expect(first).toEqual([false, true, true, false, false]);
  });
});

describe('explainIgnored', () => {
  const file = parseIgnore('# build output\nnode_modules\n*.pyc\n!keep.pyc\n  __pycache__/  \n');

  it('names the deciding line and its text', () => {
    expect(explainIgnored('app/x.pyc', file)).toBeNull(); // *.pyc is root-only
    expect(explainIgnored('x.pyc', file)).toMatchObject({ line: 3, text: '*.pyc', pattern: '*.pyc' });
    expect(explainIgnored('__pycache__/m.cpython-311.pyc', file)).toMatchObject({ line: 5, text: '__pycache__/' });
  });

  it('names the pattern that matched a parent directory', () => {
    expect(explainIgnored('node_modules/react/index.js', file)).toMatchObject({ line: 2, text: 'node_modules' });
  });

  it('returns null for a sent path, including one an exception re-included', () => {
    expect(explainIgnored('keep.pyc', file)).toBeNull();
    expect(explainIgnored('main.py', file)).toBeNull();
  });
});
