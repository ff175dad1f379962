import { describe, expect, it } from 'vitest';
import { isEngineError } from '../errors';
import {
  familiarName,
  familiarString,
  parseAnyReference,
  parseDockerRef,
  parseNormalizedNamed,
  tagNameOnly,
} from './normalize';
import { referenceString } from './reference';

const HEX = '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a';
const DIGEST = 'sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c';

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isEngineError(error, 'invalid-reference')) return error.message;
    throw error;
  }
  return '<no error>';
}

describe('parseNormalizedNamed validity (normalize_test.go)', () => {
  it.each([
    'docker/docker', 'library/debian', 'debian', 'docker.io/docker/docker', 'docker.io/library/debian',
    'docker.io/debian', 'index.docker.io/docker/docker', 'index.docker.io/library/debian', 'index.docker.io/debian',
    '127.0.0.1:5000/docker/docker', '127.0.0.1:5000/library/debian', '127.0.0.1:5000/debian', '192.168.0.1',
    '192.168.0.1:80', '192.168.0.1:8/debian', '192.168.0.2:25000/debian',
    'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev', '[fc00::1]:5000/docker',
    '[fc00::1]:5000/docker/docker', '[fc00:1:2:3:4:5:6:7]:5000/library/debian', `docker.io/${HEX}`,
    'Docker/docker', 'DOCKER/docker', 'docker-rules/docker', 'docker---rules/docker', 'doc/docker', 'd/docker',
    'jess/t', 'dock__er/docker',
  ])('accepts %s', (name) => {
    expect(() => parseNormalizedNamed(name)).not.toThrow();
  });

  it.each([
    'https://github.com/docker/docker', 'docker/Docker', '-docker', '-docker/docker', '-docker.io/docker/docker',
    'docker///docker', 'docker.io/docker/Docker', 'docker.io/docker///docker', '[fc00::1]', '[fc00::1]:5000',
    'fc00::1:5000/debian', '[fe80::1%eth0]:5000/debian', '[2001:db8:3:4::192.0.2.33]:5000/debian', HEX,
    'docker-/docker', '-docker-/docker', '____/____', '_docker/_docker', 'dock..er/docker', 'dock_.er/docker',
    'dock-.er/docker', 'docker/', `${'this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_'.repeat(4)}/docker`,
  ])('rejects %s', (name) => {
    expect(() => parseNormalizedNamed(name)).toThrow();
  });
});

// TestParseRepositoryInfo: [familiar, full, ambiguous?, domain, remote].
const REPOSITORY_INFO: Array<[string, string, string | null, string, string]> = [
  ['fooo/bar', 'docker.io/fooo/bar', 'index.docker.io/fooo/bar', 'docker.io', 'fooo/bar'],
  ['ubuntu', 'docker.io/library/ubuntu', 'library/ubuntu', 'docker.io', 'library/ubuntu'],
  ['nonlibrary/ubuntu', 'docker.io/nonlibrary/ubuntu', null, 'docker.io', 'nonlibrary/ubuntu'],
  ['other/library', 'docker.io/other/library', null, 'docker.io', 'other/library'],
  ['127.0.0.1:8000/private/moonbase', '127.0.0.1:8000/private/moonbase', null, '127.0.0.1:8000', 'private/moonbase'],
  ['127.0.0.1:8000/privatebase', '127.0.0.1:8000/privatebase', null, '127.0.0.1:8000', 'privatebase'],
  ['example.com/private/moonbase', 'example.com/private/moonbase', null, 'example.com', 'private/moonbase'],
  ['example.com/privatebase', 'example.com/privatebase', null, 'example.com', 'privatebase'],
  ['example.com:8000/private/moonbase', 'example.com:8000/private/moonbase', null, 'example.com:8000', 'private/moonbase'],
  ['example.com:8000/privatebasee', 'example.com:8000/privatebasee', null, 'example.com:8000', 'privatebasee'],
  ['ubuntu-12.04-base', 'docker.io/library/ubuntu-12.04-base', 'index.docker.io/library/ubuntu-12.04-base', 'docker.io', 'library/ubuntu-12.04-base'],
  ['foo', 'docker.io/library/foo', 'docker.io/foo', 'docker.io', 'library/foo'],
  ['library/foo/bar', 'docker.io/library/foo/bar', null, 'docker.io', 'library/foo/bar'],
  ['store/foo/bar', 'docker.io/store/foo/bar', null, 'docker.io', 'store/foo/bar'],
  ['Foo/bar', 'Foo/bar', null, 'Foo', 'bar'],
  ['FOO/bar', 'FOO/bar', null, 'FOO', 'bar'],
  ['localhost/app', 'localhost/app', null, 'localhost', 'app'],
  ['localhost:5000/app', 'localhost:5000/app', null, 'localhost:5000', 'app'],
  ['ghcr.io/o/a', 'ghcr.io/o/a', null, 'ghcr.io', 'o/a'],
  ['localhost', 'docker.io/library/localhost', null, 'docker.io', 'library/localhost'],
];

describe('repository info (TestParseRepositoryInfo)', () => {
  for (const [familiar, full, ambiguous, domain, remote] of REPOSITORY_INFO) {
    for (const input of [familiar, full, ...(ambiguous === null ? [] : [ambiguous])]) {
      it(`${input}`, () => {
        const ref = parseNormalizedNamed(input);
        expect(familiarName(ref)).toBe(familiar);
        expect(referenceString(ref)).toBe(full);
        expect(ref.domain).toBe(domain);
        expect(ref.path).toBe(remote);
      });
    }
  }
});

describe('split hostname (TestNormalizedSplitHostname)', () => {
  it.each([
    ['test.com/foo', 'test.com', 'foo'],
    ['test_com/foo', 'docker.io', 'test_com/foo'],
    ['docker/migrator', 'docker.io', 'docker/migrator'],
    ['test.com:8080/foo', 'test.com:8080', 'foo'],
    ['test-com:8080/foo', 'test-com:8080', 'foo'],
    ['foo', 'docker.io', 'library/foo'],
    ['xn--n3h.com/foo', 'xn--n3h.com', 'foo'],
    ['xn--n3h.com:18080/foo', 'xn--n3h.com:18080', 'foo'],
    ['docker.io/foo', 'docker.io', 'library/foo'],
    ['docker.io/library/foo', 'docker.io', 'library/foo'],
    ['docker.io/library/foo/bar', 'docker.io', 'library/foo/bar'],
  ])('%s', (input, domain, path) => {
    expect(parseNormalizedNamed(input)).toMatchObject({ domain, path });
  });
});

describe('normalization errors (docker-semantics §2h)', () => {
  it.each([
    ['Foo', 'invalid reference format: repository name (library/Foo) must be lowercase'],
    ['docker.io/docker/Docker', 'invalid reference format: repository name (docker/Docker) must be lowercase'],
    ['ghcr.io/Azure/x:latest', 'invalid reference format: repository name (Azure/x) must be lowercase'],
    ['alpine:', 'invalid reference format'],
    [':tag', 'invalid reference format'],
    ['a b', 'invalid reference format'],
    ['-x', 'invalid reference format'],
    ['', 'invalid reference format'],
    [HEX, `invalid repository name (${HEX}), cannot specify 64-byte hexadecimal strings`],
    [`x.io/${'a/'.repeat(128)}a`, 'repository name must not be more than 255 characters'],
    ['foo:tag/bar', 'invalid reference format'],
  ])('%j', (input, message) => {
    expect(errorOf(() => parseNormalizedNamed(input))).toBe(message);
  });

  it('Parse alone reports the short lowercase error (buildx -t)', async () => {
    const { parseReference } = await import('./reference');
    expect(errorOf(() => parseReference('ghcr.io/Azure/x:latest'))).toBe('repository name must be lowercase');
  });
});

describe('tags, digests and familiar strings', () => {
  it('keeps tag and digest together (TestParseReferenceWithTagAndDigest)', () => {
    const short = 'busybox:latest@sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa';
    const ref = parseNormalizedNamed(short);
    expect(referenceString(ref)).toBe(`docker.io/library/${short}`);
    expect(familiarString(ref)).toBe(short);
  });

  it.each([
    ['nginx', 'docker.io/library/nginx:latest', 'nginx:latest'],
    ['nginx:1.25', 'docker.io/library/nginx:1.25', 'nginx:1.25'],
    ['user/app', 'docker.io/user/app:latest', 'user/app:latest'],
    ['localhost:5000/app', 'localhost:5000/app:latest', 'localhost:5000/app:latest'],
    ['index.docker.io/library/redis:7', 'docker.io/library/redis:7', 'redis:7'],
    ['library/foo/bar', 'docker.io/library/foo/bar:latest', 'library/foo/bar:latest'],
    [`redis@${DIGEST}`, `docker.io/library/redis@${DIGEST}`, `redis@${DIGEST}`],
  ])('tagNameOnly(%s)', (input, canonical, familiar) => {
    const ref = tagNameOnly(parseNormalizedNamed(input));
    expect(referenceString(ref)).toBe(canonical);
    expect(familiarString(ref)).toBe(familiar);
  });

  it('parseDockerRef drops the tag when a digest is present', () => {
    expect(referenceString(parseDockerRef(`busybox:latest@${DIGEST}`))).toBe(`docker.io/library/busybox@${DIGEST}`);
    expect(referenceString(parseDockerRef('busybox'))).toBe('docker.io/library/busybox:latest');
  });
});

describe('parseAnyReference (TestParseAnyReference)', () => {
  it.each([
    ['redis', 'docker.io/library/redis'],
    ['redis:latest', 'docker.io/library/redis:latest'],
    ['docker.io/library/redis:latest', 'docker.io/library/redis:latest'],
    [`redis@${DIGEST}`, `docker.io/library/redis@${DIGEST}`],
    ['dmcgowan/myapp', 'docker.io/dmcgowan/myapp'],
    ['dmcgowan/myapp:latest', 'docker.io/dmcgowan/myapp:latest'],
    [`dmcgowan/myapp@${DIGEST}`, `docker.io/dmcgowan/myapp@${DIGEST}`],
    [DIGEST.slice(7), DIGEST],
    [DIGEST, DIGEST],
    [DIGEST.slice(7, -1), `docker.io/library/${DIGEST.slice(7, -1)}`],
    ['dbcc1', 'docker.io/library/dbcc1'],
    ['sha256:abc', 'docker.io/library/sha256:abc'],
  ])('%s', (input, expected) => {
    expect(referenceString(parseAnyReference(input))).toBe(expected);
  });

  it('returns a digest reference for IDs', () => {
    expect(parseAnyReference(DIGEST.slice(7))).toEqual({ kind: 'digest', digest: DIGEST });
    expect(familiarString(parseAnyReference(DIGEST))).toBe(DIGEST);
  });
});
