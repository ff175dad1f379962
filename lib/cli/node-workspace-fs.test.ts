import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isFsError } from '@/lib/shell';
import { createNodeWorkspaceFs } from './node-workspace-fs';

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));

async function setup() {
  const root = await mkdtemp(join(tmpdir(), 'layerlab-ws-'));
  roots.push(root);
  const dir = join(root, 'work');
  await mkdir(join(dir, 'app'), { recursive: true });
  await writeFile(join(root, 'secret.txt'), 'outside\n');
  await writeFile(join(dir, 'app', 'b.txt'), 'bee\n');
  await writeFile(join(dir, 'app', 'a.txt'), 'ay\n');
  return { root, dir, fs: await createNodeWorkspaceFs(dir) };
}

const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (isFsError(e) ? e.code : String(e)));

describe('createNodeWorkspaceFs', () => {
  it('shows the directory at /workspace and reads, writes and lists sorted', async () => {
    const { dir, fs } = await setup();
    expect(await fs.readdir('/')).toEqual(['workspace']);
    expect(await fs.lstat('/workspace')).toMatchObject({ type: 'dir' });
    expect(await fs.readdir('/workspace/app')).toEqual(['a.txt', 'b.txt']);
    expect(new TextDecoder().decode(await fs.readFile('/workspace/app/a.txt'))).toBe('ay\n');
    await fs.writeFile('/workspace/app/c.txt', 'one\n');
    await fs.writeFile('/workspace/app/c.txt', 'two\n', { append: true });
    expect(await readFile(join(dir, 'app', 'c.txt'), 'utf8')).toBe('one\ntwo\n');
    expect(await fs.stat('/workspace/app/c.txt')).toMatchObject({ type: 'file', size: 8, uid: 1000, gid: 1000 });
    await fs.rename('/workspace/app/c.txt', '/workspace/c.txt');
    await fs.mkdir('/workspace/x/y', { recursive: true });
    expect(await code(fs.rm('/workspace/x'))).toBe('ENOTEMPTY');
    await fs.rm('/workspace/x', { recursive: true });
    expect(await fs.exists('/workspace/x')).toBe(false);
    expect(await fs.readdir('/workspace')).toEqual(['app', 'c.txt']);
  });

  it('has nothing outside the workspace and refuses writes there', async () => {
    const { fs } = await setup();
    expect(await code(fs.readFile('/etc/passwd'))).toBe('ENOENT');
    expect(await fs.exists('/etc')).toBe(false);
    expect(await code(fs.writeFile('/x.txt', 'x'))).toBe('EACCES');
    expect(await code(fs.mkdir('/tmp'))).toBe('EACCES');
    expect(await code(fs.readFile('/workspace/../secret.txt'))).toBe('EACCES');
  });

  it('refuses symlinks that resolve outside the workspace', async () => {
    const { root, dir, fs } = await setup();
    await symlink(join(root, 'secret.txt'), join(dir, 'abs'));
    await symlink('../secret.txt', join(dir, 'rel'));
    await symlink(root, join(dir, 'up'));
    expect(await code(fs.readFile('/workspace/abs'))).toBe('EACCES');
    expect(await code(fs.readFile('/workspace/rel'))).toBe('EACCES');
    expect(await code(fs.writeFile('/workspace/up/new.txt', 'x'))).toBe('EACCES');
    expect(await code(fs.readdir('/workspace/up'))).toBe('EACCES');
    // The links themselves are part of the workspace: lstat and readlink see them.
    expect(await fs.lstat('/workspace/rel')).toMatchObject({ type: 'symlink' });
    expect(await fs.readlink('/workspace/rel')).toBe('../secret.txt');
    await fs.symlink('app/a.txt', '/workspace/inside');
    expect(new TextDecoder().decode(await fs.readFile('/workspace/inside'))).toBe('ay\n');
  });

  it('can show the directory at / (another host\'s files)', async () => {
    const { dir } = await setup();
    const fs = await createNodeWorkspaceFs(dir, { mount: '/' });
    expect(await fs.readdir('/')).toEqual(['app']);
    await fs.mkdir('/home/student', { recursive: true });
    expect(await fs.exists('/home/student')).toBe(true);
  });
});
