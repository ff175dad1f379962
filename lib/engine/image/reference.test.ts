import { describe, expect, it } from 'vitest';
import { isEngineError } from '../errors';
import {
  parseReference,
  referenceName,
  referenceString,
  trimNamed,
  withDigest,
  withName,
  withTag,
  type NamedReference,
} from './reference';
import { validateDigest } from './reference-grammar';

const F64 = 'f'.repeat(64);
const F128 = 'f'.repeat(128);

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isEngineError(error, 'invalid-reference')) return error.message;
    throw error;
  }
  return '<no error>';
}

// distribution/reference reference_test.go TestReferenceParse: [input, name, domain, tag, digest].
const VALID: Array<[string, string, string, string?, string?]> = [
  ['test_com', 'test_com', ''],
  ['test.com:tag', 'test.com', '', 'tag'],
  ['test.com:5000', 'test.com', '', '5000'],
  ['test.com/repo:tag', 'test.com/repo', 'test.com', 'tag'],
  ['test:5000/repo', 'test:5000/repo', 'test:5000'],
  ['test:5000/repo:tag', 'test:5000/repo', 'test:5000', 'tag'],
  [`test:5000/repo@sha256:${F64}`, 'test:5000/repo', 'test:5000', undefined, `sha256:${F64}`],
  [`test:5000/repo:tag@sha256:${F64}`, 'test:5000/repo', 'test:5000', 'tag', `sha256:${F64}`],
  ['lowercase:Uppercase', 'lowercase', '', 'Uppercase'],
  [`${'a/'.repeat(127)}a:tag-puts-this-over-max`, `${'a/'.repeat(127)}a`, 'a', 'tag-puts-this-over-max'],
  ['sub-dom1.foo.com/bar/baz/quux', 'sub-dom1.foo.com/bar/baz/quux', 'sub-dom1.foo.com'],
  ['sub-dom1.foo.com/bar/baz/quux:some-long-tag', 'sub-dom1.foo.com/bar/baz/quux', 'sub-dom1.foo.com', 'some-long-tag'],
  ['b.gcr.io/test.example.com/my-app:test.example.com', 'b.gcr.io/test.example.com/my-app', 'b.gcr.io', 'test.example.com'],
  ['xn--n3h.com/myimage:xn--n3h.com', 'xn--n3h.com/myimage', 'xn--n3h.com', 'xn--n3h.com'],
  [`xn--7o8h.com/myimage:xn--7o8h.com@sha512:${F128}`, 'xn--7o8h.com/myimage', 'xn--7o8h.com', 'xn--7o8h.com', `sha512:${F128}`],
  ['foo_bar.com:8080', 'foo_bar.com', '', '8080'],
  ['foo/foo_bar.com:8080', 'foo/foo_bar.com', 'foo', '8080'],
  ['192.168.1.1', '192.168.1.1', ''],
  ['192.168.1.1:tag', '192.168.1.1', '', 'tag'],
  ['192.168.1.1:5000', '192.168.1.1', '', '5000'],
  ['192.168.1.1/repo', '192.168.1.1/repo', '192.168.1.1'],
  ['192.168.1.1:5000/repo', '192.168.1.1:5000/repo', '192.168.1.1:5000'],
  ['192.168.1.1:5000/repo:5050', '192.168.1.1:5000/repo', '192.168.1.1:5000', '5050'],
  ['[2001:db8::1]/repo', '[2001:db8::1]/repo', '[2001:db8::1]'],
  ['[2001:db8:1:2:3:4:5:6]/repo:tag', '[2001:db8:1:2:3:4:5:6]/repo', '[2001:db8:1:2:3:4:5:6]', 'tag'],
  ['[2001:db8::1]:5000/repo', '[2001:db8::1]:5000/repo', '[2001:db8::1]:5000'],
  ['[2001:db8::1]:5000/repo:tag', '[2001:db8::1]:5000/repo', '[2001:db8::1]:5000', 'tag'],
  [`[2001:db8::1]:5000/repo@sha256:${F64}`, '[2001:db8::1]:5000/repo', '[2001:db8::1]:5000', undefined, `sha256:${F64}`],
  [`[2001:db8::1]:5000/repo:tag@sha256:${F64}`, '[2001:db8::1]:5000/repo', '[2001:db8::1]:5000', 'tag', `sha256:${F64}`],
  ['[2001:db8::]:5000/repo', '[2001:db8::]:5000/repo', '[2001:db8::]:5000'],
  ['[::1]:5000/repo', '[::1]:5000/repo', '[::1]:5000'],
];

const INVALID: Array<[string, string]> = [
  ['', 'repository name must have at least one component'],
  [':justtag', 'invalid reference format'],
  [`@sha256:${F64}`, 'invalid reference format'],
  ['repo@sha256:ffffffffffffffffffffffffffffffffff', 'invalid checksum digest length'],
  [`validname@invaliddigest:${F64}`, 'unsupported digest algorithm'],
  [`repo@sha256:${'F'.repeat(64)}`, 'invalid checksum digest format'],
  ['Uppercase:tag', 'repository name must be lowercase'],
  ['test:5000/Uppercase/lowercase:tag', 'repository name must be lowercase'],
  // Upstream checks the path only (reference.go at the pinned commit), so the domain `a` is not counted.
  [`${'a/'.repeat(129)}a:tag`, 'repository name must not be more than 255 characters'],
  ['aa/asdf$$^/aa', 'invalid reference format'],
  ['[2001:db8::1]', 'invalid reference format'],
  ['[2001:db8::1]:5000', 'invalid reference format'],
  ['[2001:db8::1]:tag', 'invalid reference format'],
  ['[fe80::1%eth0]:5000/repo', 'invalid reference format'],
  ['[fe80::1%@invalidzone]:5000/repo', 'invalid reference format'],
  ['alpine:', 'invalid reference format'],
  ['a b', 'invalid reference format'],
  ['-x', 'invalid reference format'],
  ['alpine:-tag', 'invalid reference format'],
  [`alpine:${'t'.repeat(129)}`, 'invalid reference format'],
];

describe('parseReference (reference.Parse)', () => {
  it.each(VALID)('%s', (input, name, domain, tag, digest) => {
    const ref = parseReference(input);
    expect(ref.kind).toBe('named');
    const named = ref as NamedReference;
    expect(referenceString(named)).toBe(input);
    expect(referenceName(named)).toBe(name);
    expect(named.domain).toBe(domain);
    expect(named.tag).toBe(tag);
    expect(named.digest).toBe(digest);
  });

  it.each(INVALID)('rejects %j with %s', (input, message) => {
    expect(errorOf(() => parseReference(input))).toBe(message);
  });

  it('accepts a path of exactly 255 characters', () => {
    const path = `${'a/'.repeat(127)}a`;
    expect(path.length).toBe(255);
    expect(referenceName(parseReference(`x.io/${path}`) as NamedReference)).toBe(`x.io/${path}`);
  });
});

describe('withName / withTag / withDigest', () => {
  it('splits domain and path like TestDomainAndPath', () => {
    expect(withName('test.com/foo')).toMatchObject({ domain: 'test.com', path: 'foo' });
    expect(withName('test_com/foo')).toMatchObject({ domain: '', path: 'test_com/foo' });
    expect(withName('test:8080/foo')).toMatchObject({ domain: 'test:8080', path: 'foo' });
    expect(withName('xn--n3h.com:18080/foo')).toMatchObject({ domain: 'xn--n3h.com:18080', path: 'foo' });
  });

  it('rejects what WithName rejects', () => {
    expect(errorOf(() => withName(':justtag'))).toBe('invalid reference format');
    expect(errorOf(() => withName(`x.io/${'a/'.repeat(128)}a`))).toBe('repository name must not be more than 255 characters');
    expect(errorOf(() => withTag(withName('busybox'), '-foo'))).toBe('invalid tag format');
    expect(errorOf(() => withDigest(withName('busybox'), 'foo'))).toBe('invalid digest format');
  });

  it('combines like TestWithTag / TestWithDigest', () => {
    expect(referenceString(withTag(withName('test.com:8000/foo'), 'TAG5'))).toBe('test.com:8000/foo:TAG5');
    const digested = withDigest(withName('test.com:8000/foo'), 'sha256:1234567890098765432112345667890098765');
    expect(referenceString(withTag(digested, 'TAG5'))).toBe('test.com:8000/foo:TAG5@sha256:1234567890098765432112345667890098765');
    expect(referenceString(trimNamed(withTag(digested, 'x')))).toBe('test.com:8000/foo');
  });
});

describe('validateDigest (go-digest Validate)', () => {
  it.each([
    [`sha256:${F64}`, null],
    [`sha512:${F128}`, null],
    [`sha384:${'a'.repeat(96)}`, null],
    ['sha256:', 'invalid checksum digest format'],
    [':abc', 'invalid checksum digest format'],
    ['sha256:abc', 'invalid checksum digest length'],
    [`md5:${'a'.repeat(32)}`, 'unsupported digest algorithm'],
    ['Bad!:x', 'invalid checksum digest format'],
  ])('%s', (digest, expected) => {
    expect(validateDigest(digest)).toBe(expected);
  });
});
