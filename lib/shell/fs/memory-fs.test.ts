import { describe, expect, it } from 'vitest';
import { createMemoryFs } from './memory-fs';
import { FsError } from './shell-fs';
import { dirName, baseName, resolvePath } from './paths';

describe('createMemoryFs', () => {
  it('creates, reads, appends and lists sorted', async () => {
    const fs = createMemoryFs({ '/d/b': 'B', '/d/a': 'A' });
    await fs.writeFile('/d/a', 'x', { append: true });
    expect(new TextDecoder().decode(await fs.readFile('/d/a'))).toBe('Ax');
    expect(await fs.readdir('/d')).toEqual(['a', 'b']);
  });
  it('follows symlinks in stat but not lstat, and detects loops', async () => {
    const fs = createMemoryFs({ '/t': 'x', '/l': { symlink: '/t' }, '/loop': { symlink: '/loop' } });
    expect((await fs.stat('/l')).type).toBe('file');
    expect((await fs.lstat('/l')).type).toBe('symlink');
    await expect(fs.stat('/loop')).rejects.toMatchObject({ code: 'ELOOP' });
  });
  it('fails with errno codes', async () => {
    const fs = createMemoryFs({ '/d/f': '' });
    await expect(fs.mkdir('/x/y')).rejects.toBeInstanceOf(FsError);
    await expect(fs.rm('/d')).rejects.toMatchObject({ code: 'ENOTEMPTY' });
    await expect(fs.readFile('/d')).rejects.toMatchObject({ code: 'EISDIR' });
    await expect(fs.rename('/d', '/d/f/x')).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
  it('stamps what is written with its clock; the seed and a clockless fs keep the epoch', async () => {
    let now = Date.UTC(2026, 10, 28, 12, 0, 0);
    const fs = createMemoryFs({ '/seeded': 'x' }, { now: () => now });
    await fs.writeFile('/new', 'a');
    await fs.mkdir('/dir');
    now += 60_000;
    await fs.writeFile('/new', 'b', { append: true });
    expect((await fs.stat('/seeded')).mtime).toBe(0);
    expect((await fs.stat('/dir')).mtime).toBe(now / 1000 - 60);
    expect((await fs.stat('/new')).mtime).toBe(now / 1000);
    const clockless = createMemoryFs();
    await clockless.writeFile('/f', 'x');
    expect((await clockless.stat('/f')).mtime).toBe(0);
    expect((await clockless.stat('/')).mode).toBe(0o755);
    expect((await createMemoryFs({}, { rootMode: 0o1777 }).stat('/')).mode).toBe(0o1777);
  });
  it('keeps modes and owners', async () => {
    const fs = createMemoryFs({ '/f': { content: '#!/bin/sh', mode: 0o755 } });
    await fs.chown('/f', 1000, 1000);
    expect(await fs.stat('/f')).toMatchObject({ mode: 0o755, uid: 1000, gid: 1000, size: 9 });
  });
});

describe('paths', () => {
  it.each([
    ['/a/b', '../c', '/a/c'],
    ['/a', './b//c/.', '/a/b/c'],
    ['/', '/x/../../y', '/y'],
  ])('resolvePath(%s, %s) = %s', (cwd, p, out) => expect(resolvePath(cwd, p)).toBe(out));
  it('dirName and baseName follow dirname(1) and basename(1)', () => {
    expect([dirName('a'), dirName('/a'), dirName('a/b/'), dirName('/')]).toEqual(['.', '/', 'a', '/']);
    expect([baseName('/a/b/'), baseName('/'), baseName('x')]).toEqual(['b', '/', 'x']);
  });
});
