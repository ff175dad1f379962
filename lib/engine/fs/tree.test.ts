import { describe, expect, it } from 'vitest';
import { isEngineError } from '../errors';
import { syntheticContent } from './content';
import {
  chmod,
  chown,
  createTree,
  editTree,
  exists,
  hardlink,
  lookup,
  mkdir,
  readFile,
  readFileBytes,
  realPath,
  remove,
  rename,
  stat,
  symlink,
  writeFile,
} from './tree';
import { type FsTree } from './types';
import { walkTree } from './walk-tree';

const text = (tree: FsTree, path: string): string => new TextDecoder().decode(readFileBytes(tree, path));
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return isEngineError(error) ? error.code : `not an EngineError: ${String(error)}`;
  }
  return undefined;
};

function base(): FsTree {
  let t = createTree();
  t = mkdir(t, '/usr/lib/python3', { parents: true });
  t = mkdir(t, '/etc', {});
  t = writeFile(t, '/etc/hostname', 'box\n');
  t = writeFile(t, '/usr/lib/python3/big.so', syntheticContent(150_000_000, 'py/big.so'), { mode: 0o755 });
  t = symlink(t, 'usr/lib', '/lib');
  t = symlink(t, '/etc/hostname', '/usr/hn');
  return t;
}

describe('file trees', () => {
  it('creates, reads and stats files, directories and symlinks', () => {
    const t = base();
    expect(text(t, '/etc/hostname')).toBe('box\n');
    expect(stat(t, '/usr/lib/python3/big.so')).toMatchObject({ kind: 'file', size: 150_000_000, mode: 0o755 });
    expect(stat(t, '/lib', { follow: false })).toMatchObject({ kind: 'symlink', target: 'usr/lib', size: 7 });
    expect(stat(t, '/lib')).toMatchObject({ kind: 'dir', path: '/usr/lib' });
    expect(text(t, '/usr/hn')).toBe('box\n');
    expect(readFile(t, '/lib/python3/big.so')).toEqual({ kind: 'synthetic', size: 150_000_000, seed: 'py/big.so' });
  });

  it('shares every untouched subtree with the previous snapshot', () => {
    const t1 = base();
    const t2 = writeFile(t1, '/etc/motd', 'hi');
    expect(lookup(t2, '/usr')).toBe(lookup(t1, '/usr'));
    expect(lookup(t2, '/etc/hostname')).toBe(lookup(t1, '/etc/hostname'));
    expect(lookup(t1, '/etc/motd')).toBeUndefined();
    // editTree copies a directory once however many edits touch it.
    const t3 = editTree(t1, (d) => {
      for (let i = 0; i < 100; i++) d.writeFile(`/etc/f${i}`, { kind: 'bytes', bytes: new Uint8Array([i]) });
    });
    expect([...walkTree(t3, '/etc')]).toHaveLength(101);
    expect(lookup(t3, '/usr')).toBe(lookup(t1, '/usr'));
  });

  it('resolves symlinks inside the root: absolute targets and .. clamp at /', () => {
    let t = base();
    t = symlink(t, '/', '/usr/root');
    t = symlink(t, '../../../../../etc', '/usr/lib/up');
    t = symlink(t, '/../../../etc/hostname', '/abs');
    expect(realPath(t, '/usr/lib/up/hostname')).toBe('/etc/hostname');
    expect(realPath(t, '/usr/root/usr/root/etc')).toBe('/etc');
    expect(text(t, '/abs')).toBe('box\n');
    expect(realPath(t, '/../../etc/./hostname')).toBe('/etc/hostname');
    expect(realPath(t, '/lib/../etc')).toBeUndefined(); // physical ..: /usr/etc
    expect(realPath(t, '/lib/../../etc')).toBe('/etc');
  });

  it('detects symlink loops and walks through non-directories as errors', () => {
    let t = symlink(createTree(), '/b', '/a');
    t = symlink(t, '/a', '/b');
    expect(codeOf(() => lookup(t, '/a/x'))).toBe('not-found');
    const f = writeFile(createTree(), '/f', 'x');
    expect(codeOf(() => lookup(f, '/f/x'))).toBe('not-a-directory');
    expect(exists(f, '/f/x')).toBe(false);
  });

  it('writes through symlinks and keeps attributes when overwriting', () => {
    let t = chmod(base(), '/etc/hostname', 0o600);
    t = writeFile(t, '/usr/hn', 'new\n');
    expect(text(t, '/etc/hostname')).toBe('new\n');
    expect(stat(t, '/etc/hostname').mode).toBe(0o600);
    t = writeFile(t, '/lib/x/y/z', 'deep', { parents: true, uid: 1000 });
    expect(stat(t, '/usr/lib/x/y/z')).toMatchObject({ uid: 1000, mode: 0o644 });
    expect(codeOf(() => writeFile(t, '/nope/file', 'x'))).toBe('not-found');
    expect(codeOf(() => writeFile(t, '/etc', 'x'))).toBe('is-a-directory');
  });

  it('mkdir -p follows symlinks; mkdir without -p needs a free name', () => {
    let t = mkdir(base(), '/lib/a/b', { parents: true, mode: 0o700, uid: 5, gid: 6 });
    expect(stat(t, '/usr/lib/a/b')).toMatchObject({ kind: 'dir', mode: 0o700, uid: 5, gid: 6 });
    t = mkdir(t, '/usr/lib/a/b', { parents: true });
    expect(codeOf(() => mkdir(t, '/etc', {}))).toBe('already-exists');
    expect(codeOf(() => mkdir(t, '/x/y', {}))).toBe('not-found');
    expect(codeOf(() => mkdir(t, '/etc/hostname/x', { parents: true }))).toBe('not-a-directory');
  });

  it('removes recursively without following the last symlink', () => {
    let t = remove(base(), '/lib');
    expect(exists(t, '/usr/lib/python3/big.so')).toBe(true);
    expect(exists(t, '/lib', { follow: false })).toBe(false);
    t = remove(t, '/usr');
    expect([...walkTree(t)].map((e) => e.path)).toEqual(['/etc', '/etc/hostname']);
    expect(codeOf(() => remove(t, '/nope'))).toBe('not-found');
    expect(remove(t, '/nope', { force: true })).toBe(t);
    expect(codeOf(() => remove(t, '/'))).toBe('path-escape');
  });

  it('renames files and directories, never into themselves', () => {
    let t = rename(base(), '/usr/lib', '/opt');
    expect(stat(t, '/opt/python3/big.so').size).toBe(150_000_000);
    expect(exists(t, '/lib')).toBe(false); // dangling now
    t = rename(t, '/etc/hostname', '/etc/name');
    expect(text(t, '/etc/name')).toBe('box\n');
    expect(codeOf(() => rename(t, '/opt', '/opt/python3/inner'))).toBe('path-escape');
    expect(codeOf(() => rename(t, '/etc/name', '/opt'))).toBe('is-a-directory');
    expect(codeOf(() => rename(t, '/opt', '/etc'))).toBe('already-exists');
  });

  it('chmod and chown, hard links share the file', () => {
    let t = chown(base(), '/lib', 1, 2);
    expect(stat(t, '/usr/lib')).toMatchObject({ uid: 1, gid: 2 });
    expect(stat(t, '/lib', { follow: false })).toMatchObject({ uid: 0 });
    t = chmod(t, '/', 0o700);
    expect(t.mode).toBe(0o700);
    t = hardlink(t, '/etc/hostname', '/etc/hn2');
    expect(lookup(t, '/etc/hn2', { follow: false })).toMatchObject({ kind: 'hardlink', target: '/etc/hostname' });
    t = writeFile(t, '/etc/hn2', 'via link');
    expect(text(t, '/etc/hostname')).toBe('via link');
    expect(stat(t, '/etc/hn2')).toMatchObject({ kind: 'file', size: 8 });
    expect(codeOf(() => hardlink(t, '/etc', '/etc2'))).toBe('is-a-directory');
  });

  it('validates names: NUL bytes, whiteout names, . and ..', () => {
    const t = base();
    expect(codeOf(() => writeFile(t, '/etc/a\0b', 'x'))).toBe('path-escape');
    expect(codeOf(() => writeFile(t, '/etc/.wh.hostname', 'x'))).toBe('path-escape');
    expect(codeOf(() => mkdir(t, '/.wh..wh..opq', {}))).toBe('path-escape');
    expect(codeOf(() => symlink(t, 'x', '/etc/..'))).toBe('already-exists');
  });

  it('walks in sorted pre-order', () => {
    const t = editTree(createTree(), (d) => {
      for (const p of ['/b/z', '/a-c', '/a/b', '/B', '/é', '/a/a']) d.writeFile(p, { kind: 'bytes', bytes: new Uint8Array() }, {}, true);
    });
    expect([...walkTree(t)].map((e) => e.path)).toEqual(['/B', '/a', '/a/a', '/a/b', '/a-c', '/b', '/b/z', '/é']);
  });
});
