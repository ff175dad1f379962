import { describe, expect, it } from 'vitest';
import { compilePattern, type PatternMatchKind } from './compile-pattern';

// The behaviour of moby's TestCompile table (patternmatcher_test.go): which matcher a cleaned
// pattern gets and, for regexps, the exact Go regexp text.
const COMPILE_TABLE: [string, PatternMatchKind, string | null][] = [
  ['*', 'regexp', '^[^/]*$'],
  ['file*', 'regexp', '^file[^/]*$'],
  ['*file', 'regexp', '^[^/]*file$'],
  ['a*/b', 'regexp', '^a[^/]*/b$'],
  ['**', 'suffix', null],
  ['**/**', 'regexp', '^(.*/)?.*$'],
  ['dir/**', 'prefix', null],
  ['**/dir', 'suffix', null],
  ['**/dir2/*', 'regexp', '^(.*/)?dir2/[^/]*$'],
  ['**/dir2/**', 'regexp', '^(.*/)?dir2/.*$'],
  ['**file', 'suffix', null],
  ['**/file*txt', 'regexp', '^(.*/)?file[^/]*txt$'],
  ['**/**/*.txt', 'regexp', '^(.*/)?(.*/)?[^/]*\\.txt$'],
  ['a[b-d]e', 'regexp', '^a[b-d]e$'],
  ['.*', 'regexp', '^\\.[^/]*$'],
  ['abc.def', 'exact', null],
  ['abc?def', 'regexp', '^abc[^/]def$'],
  ['**/foo/bar', 'suffix', null],
  ['a(b)c/def', 'exact', null],
  ['a.|)$(}+{bc', 'exact', null],
  ['dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', 'exact', null],
];

describe('compilePattern: moby TestCompile', () => {
  it.each(COMPILE_TABLE)('%j compiles to %s %j', (pattern, kind, regexp) => {
    const compiled = compilePattern(pattern);
    expect(compiled?.kind).toBe(kind);
    expect(compiled?.regexp).toBe(regexp);
  });
});

describe('compilePattern: what moby really escapes', () => {
  it('escapes . + ( ) $ but not | { } (its shouldEscape bitmap drops characters from @ up)', () => {
    expect(compilePattern('*.+()$')?.regexp).toBe('^[^/]*\\.\\+\\(\\)\\$$');
    expect(compilePattern('*|{}')?.regexp).toBe('^[^/]*|{}$');
  });

  it('so `|` makes an alternation: `a*|b` matches anything that ends in b', () => {
    const m = compilePattern('a*|b');
    expect(m?.matches('axe')).toBe(true); // ^a[^/]*
    expect(m?.matches('dir/crumb')).toBe(true); // b$
    expect(m?.matches('dir/crumbs')).toBe(false);
  });

  it('and `{}` is literal unless it forms a repeat count', () => {
    const braces = compilePattern('*.{js,ts}');
    expect(braces?.matches('app.{js,ts}')).toBe(true);
    expect(braces?.matches('app.js')).toBe(false);
    const counted = compilePattern('x*a{2}');
    expect(counted?.matches('xyaa')).toBe(true);
    expect(counted?.matches('xya')).toBe(false);
    expect(counted?.matches('xya{2}')).toBe(false);
  });

  it('keeps wildcard-free patterns as exact strings, specials included', () => {
    expect(compilePattern('a{2}')?.matches('a{2}')).toBe(true);
    expect(compilePattern('a{2}')?.matches('aa')).toBe(false);
    expect(compilePattern('a^b')?.matches('a^b')).toBe(true);
  });
});

describe('compilePattern: the matchers', () => {
  it('prefix: `dir/**` matches below dir, not dir itself', () => {
    const m = compilePattern('dir/**');
    expect(m?.matches('dir/a')).toBe(true);
    expect(m?.matches('dir/a/b')).toBe(true);
    expect(m?.matches('dir')).toBe(false);
    expect(m?.matches('dirt/a')).toBe(false);
  });

  it('prefix without a slash is a plain string prefix', () => {
    const m = compilePattern('foo**');
    expect(m?.matches('foo')).toBe(true);
    expect(m?.matches('food/x')).toBe(true);
  });

  it('suffix: `**/foo` matches foo at any depth, foo itself included', () => {
    const m = compilePattern('**/foo');
    expect(m?.matches('foo')).toBe(true);
    expect(m?.matches('a/b/foo')).toBe(true);
    expect(m?.matches('a/barfoo')).toBe(false);
  });

  it('suffix: `**foo` is a raw string suffix in moby, so it also matches barfoo', () => {
    const m = compilePattern('**foo');
    expect(m?.matches('foo')).toBe(true);
    expect(m?.matches('a/barfoo')).toBe(true);
    // The same pattern written so that it needs a regexp keeps path boundaries.
    expect(compilePattern('**fo[o]')?.matches('a/barfoo')).toBe(false);
  });

  it('`**` alone matches everything', () => {
    const m = compilePattern('**');
    for (const path of ['a', 'a/b', '.hidden', 'x/y/z']) expect(m?.matches(path)).toBe(true);
  });

  it('a trailing backslash escapes the closing `$`: the regexp is no longer anchored at the end', () => {
    const m = compilePattern('x*\\');
    expect(m?.regexp).toBe('^x[^/]*\\$');
    expect(m?.matches('xa$')).toBe(true);
    expect(m?.matches('xa$/more')).toBe(true);
    expect(m?.matches('xa')).toBe(false);
  });

  it('skips a leading BOM in the regexp, as text/scanner does', () => {
    expect(compilePattern('\uFEFF*.py')?.regexp).toBe('^[^/]*\\.py$');
    expect(compilePattern('\uFEFFexact')?.matches('\uFEFFexact')).toBe(true);
    expect(compilePattern('\uFEFFexact')?.matches('exact')).toBe(false);
    // moby slices the BOM's bytes for a suffix pattern: it matches only after a byte 0xBF.
    const suffix = compilePattern('\uFEFF**/x');
    expect(suffix?.kind).toBe('suffix');
    expect(suffix?.matches('x')).toBe(false);
    expect(suffix?.matches('\u00bf**/x')).toBe(true);
  });

  it('returns null where Go rejects the regexp moby built', () => {
    for (const bad of ['[Local-Only]', 'x*[z-a]', 'x*\\q', 'x*[[:foo:]]', '*{2}', 'a*|{2}', 'x*\\é']) {
      expect(compilePattern(bad), bad).toBeNull();
    }
  });
});
