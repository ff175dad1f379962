import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createCoreutils, createMemoryFs, isFsError, runShell, type ShellFs } from '@/lib/shell';
import { addPaths } from './add';
import { commitIndex } from './commit';
import { gitMarks } from './marks';
import { initRepository, repositoryAt } from './repository';
import { openLightningFs } from './lightning-fs';

let counter = 0;
/** A fresh lightning-fs database per call (fake-indexeddb lives as long as the test file). */
const fresh = (options: Parameters<typeof openLightningFs>[1] = {}) => openLightningFs(`test-${++counter}`, options);
const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (isFsError(e) ? e.code : String(e)));
const text = async (fs: ShellFs, path: string) => new TextDecoder().decode(await fs.readFile(path));

/** Runs `script` as root in `/` with the coreutils, as RUN and the terminal run it. */
async function sh(fs: ShellFs, script: string) {
  const r = await runShell(script, { fs, commands: createCoreutils(), env: { PATH: '/usr/bin:/bin', HOME: '/' }, cwd: '/' });
  return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
}

/**
 * lib/shell's file behaviours, run over lightning-fs and over the memory fs (the reference the
 * shell's own tests pin to dash and coreutils): the same output, errors and exit codes.
 */
const SCRIPTS: Record<string, string> = {
  'create, append, list': 'mkdir -p /a/b/c && echo hi > /a/b/c/f && echo more >> /a/b/c/f && cat /a/b/c/f && wc -c /a/b/c/f && ls -R /a && ls -a /a/b',
  'errno texts': 'mkdir /x/y; cat /nope; mkdir /a; mkdir /a; cat /a; echo x > /a/f; echo y > /a/f/g; mkdir /a/f/g; ls /a/f/g; rm /a; rmdir /a; true',
  'symlinks': 'mkdir -p /d/e && echo in > /d/e/f && ln -s /d/e /l && cat /l/f && ln -s e /d/rel && cat /d/rel/f && ls -l /l | cut -c1 && ln -s loop /loop; cat /loop; ln -s missing /dangling && echo data > /dangling && cat /missing && ls /',
  'copy, move, remove': 'mkdir -p /s/t && echo 1 > /s/t/one && cp -r /s /c && mv /c/t /c/u && ls -R /c && mv /s /s/t/inside; mv /c/u/one /s; echo 2 > /c/file; mv /c/file /s; mkdir /e; mv /e /c/u; ls -R /c; rm -r /c && ls / && rm -rf /nothing && rm /nothing',
  'modes': 'touch /m && chmod 755 /m && ls -l /m | cut -d" " -f1 && mkdir -m 700 /p && ls -ld /p | cut -d" " -f1 && echo x > /m && ls -l /m | cut -d" " -f1',
  'find, tar, sort': 'mkdir -p /w/x /w/y && echo a > /w/x/a && echo b > /w/y/b && find /w | sort && tar -cf /t.tar -C /w . && mkdir /u && tar -xf /t.tar -C /u && find /u -type f | sort && cat /u/x/a',
};

describe('openLightningFs runs lib/shell like the memory fs', () => {
  for (const [name, script] of Object.entries(SCRIPTS)) {
    it(name, async () => {
      const expected = await sh(createMemoryFs(), script);
      const actual = await sh(fresh({ uid: 0, gid: 0 }), script);
      expect(actual).toEqual(expected);
    });
  }
});

describe('openLightningFs', () => {
  it('shows its files at the mount point and nothing outside it', async () => {
    const fs = fresh({ mount: '/workspace' });
    expect(await fs.readdir('/')).toEqual(['workspace']);
    expect(await fs.stat('/workspace')).toMatchObject({ type: 'dir' });
    await fs.mkdir('/workspace/src/app', { recursive: true });
    await fs.writeFile('/workspace/src/app/main.py', 'print(1)\n');
    expect(await fs.readdir('/workspace/src')).toEqual(['app']);
    expect(await fs.stat('/workspace/src/app/main.py')).toMatchObject({ type: 'file', size: 9, mode: 0o644, uid: 1000, gid: 1000 });
    expect(await code(fs.readFile('/etc/passwd'))).toBe('ENOENT');
    expect(await fs.exists('/tmp')).toBe(false);
    expect(await code(fs.writeFile('/x.txt', 'x'))).toBe('EACCES');
    expect(await code(fs.mkdir('/tmp'))).toBe('EACCES');
    expect(await code(fs.rm('/workspace', { recursive: true }))).toBe('EPERM');
    // An absolute symlink target is a shell path: it goes through the mount.
    await fs.symlink('/workspace/src/app', '/workspace/link');
    expect(await text(fs, '/workspace/link/main.py')).toBe('print(1)\n');
    expect(await fs.lstat('/workspace/link')).toMatchObject({ type: 'symlink', size: '/workspace/src/app'.length });
  });

  it('keeps files across instances once the tree is flushed (a reloaded page)', async () => {
    const name = `persist-${++counter}`;
    const first = openLightningFs(name, { mount: '/workspace' });
    await first.mkdir('/workspace/app', { recursive: true });
    await first.writeFile('/workspace/app/Dockerfile', 'FROM alpine\n');
    await first.flush();
    // lightning-fs hands the database to another instance once this one is idle (500 ms).
    const second = openLightningFs(name, { mount: '/workspace' });
    expect(await text(second, '/workspace/app/Dockerfile')).toBe('FROM alpine\n');
    await second.writeFile('/workspace/app/Dockerfile', 'FROM alpine:3.19\n');
    await second.flush();
    expect(await text(first, '/workspace/app/Dockerfile')).toBe('FROM alpine:3.19\n');
    const wiped = openLightningFs(name, { mount: '/workspace', wipe: true });
    expect(await wiped.readdir('/workspace')).toEqual([]);
  }, 20_000);

  it('keeps the old file whole when the new bytes cannot be stored (a full quota)', async () => {
    const fs = fresh({ mount: '/workspace' });
    await fs.writeFile('/workspace/app.py', 'old\n', { mode: 0o755 });
    const put = IDBObjectStore.prototype.put;
    // File contents are Uint8Arrays; the directory tree (a Map) still saves.
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (value instanceof Uint8Array) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
    try {
      await expect(fs.writeFile('/workspace/app.py', 'a longer new text\n')).rejects.toMatchObject({ name: 'QuotaExceededError' });
      await expect(fs.writeFile('/workspace/new.py', 'x')).rejects.toMatchObject({ name: 'QuotaExceededError' });
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await text(fs, '/workspace/app.py')).toBe('old\n');
    expect(await fs.stat('/workspace/app.py')).toMatchObject({ size: 4, mode: 0o755 });
    expect(await fs.readdir('/workspace')).toEqual(['app.py']);
    await fs.writeFile('/workspace/app.py', 'new\n');
    expect(await fs.stat('/workspace/app.py')).toMatchObject({ size: 4, mode: 0o755 });
  });

  it('stays readable after its directory tree could not be saved (a full quota), and saves it once there is room', async () => {
    const fs = fresh({ mount: '/workspace' });
    await fs.writeFile('/workspace/Dockerfile', 'FROM alpine\n');
    await fs.flush();
    const put = IDBObjectStore.prototype.put;
    // Every put fails, the tree's included, as when the origin's quota is used up.
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      await fs.mkdir('/workspace/src');
      await expect(fs.writeFile('/workspace/Dockerfile', 'FROM alpine:3.19\n')).rejects.toMatchObject({ name: 'QuotaExceededError' });
      // lightning-fs saves the tree when idle (500 ms): that save fails.
      await new Promise((resolve) => setTimeout(resolve, 1200));
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await text(fs, '/workspace/Dockerfile')).toBe('FROM alpine\n');
    expect(await fs.readdir('/workspace')).toEqual(['Dockerfile', 'src']);
    await fs.writeFile('/workspace/Dockerfile', 'FROM alpine:3.20\n');
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await fs.close();
    const reopened = openLightningFs(fs.name, { mount: '/workspace' });
    expect(await text(reopened, '/workspace/Dockerfile')).toBe('FROM alpine:3.20\n');
    expect(await reopened.readdir('/workspace')).toEqual(['Dockerfile', 'src']);
    await reopened.close();
  }, 20_000);

  it('is a git work tree: isomorphic-git over it gives the file marks', async () => {
    const fs = fresh({ mount: '/workspace' });
    await fs.writeFile('/workspace/app.py', 'print(1)\n');
    await fs.writeFile('/workspace/notes.txt', 'x\n');
    await fs.writeFile('/workspace/.gitignore', 'build/\n');
    await fs.mkdir('/workspace/build');
    await fs.writeFile('/workspace/build/out', 'o\n');
    const repo = repositoryAt(fs, '/workspace');
    await initRepository(fs, '/workspace');
    await addPaths(repo, '/workspace', ['app.py', 'notes.txt']);
    const person = { name: 'Student', email: 'student@layerlab.dev', timestamp: 0, timezoneOffset: 0 };
    await commitIndex(repo, { message: 'first', author: person, committer: person });
    await fs.writeFile('/workspace/app.py', 'print(2)\n');
    await fs.rm('/workspace/notes.txt');
    await fs.writeFile('/workspace/new.txt', 'n\n');
    const marks = await gitMarks(repo);
    expect(Object.fromEntries(marks)).toEqual({ '.gitignore': 'untracked', 'app.py': 'modified', 'new.txt': 'untracked', 'notes.txt': 'deleted' });
  });
});
