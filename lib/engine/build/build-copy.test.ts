import { describe, expect, it } from 'vitest';
import { createHarness, node, text } from './test-helpers';

describe('build: COPY from the context (FROM scratch)', () => {
  it('copies files and directory contents with their modes, owned by root', async () => {
    const h = createHarness();
    const r = await h.run('FROM scratch\nCOPY app.py /app/\nCOPY src /srv\nCOPY run.sh /usr/bin/run\n', {
      'app.py': 'print(1)\n',
      'src/a.txt': 'a',
      'src/deep/b.txt': 'bb',
      'run.sh': { data: '#!/bin/sh\n', mode: 0o755 },
    });
    const tree = await h.tree(r.imageId);
    expect(text(tree, '/app/app.py')).toBe('print(1)\n');
    expect(text(tree, '/srv/a.txt')).toBe('a');
    expect(text(tree, '/srv/deep/b.txt')).toBe('bb');
    expect(node(tree, '/srv/src')).toBeUndefined();
    expect(node(tree, '/usr/bin/run')).toMatchObject({ kind: 'file', mode: 0o755, uid: 0, gid: 0 });
    expect(r.layers.map((l) => l.createdBy)).toEqual(['COPY app.py /app/ # buildkit', 'COPY src /srv # buildkit', 'COPY run.sh /usr/bin/run # buildkit']);
    expect(r.size).toBe(9 + 3 + 10);
  });

  it('resolves a relative destination against WORKDIR and applies --chown and --chmod', async () => {
    const h = createHarness();
    const r = await h.run('FROM scratch\nWORKDIR /app\nCOPY --chown=1000:1000 --chmod=600 a.txt .\nCOPY b.txt conf/b.txt\n', { 'a.txt': 'a', 'b.txt': 'b' });
    const tree = await h.tree(r.imageId);
    expect(node(tree, '/app/a.txt')).toMatchObject({ uid: 1000, gid: 1000, mode: 0o600 });
    expect(text(tree, '/app/conf/b.txt')).toBe('b');
    expect(r.layers[1]?.createdBy).toBe('COPY --chown=1000:1000 --chmod=600 a.txt . # buildkit');
  });

  it('resolves --chown names through the stage /etc/passwd and /etc/group', async () => {
    const h = createHarness();
    const r = await h.run('FROM scratch\nCOPY passwd group /etc/\nCOPY --chown=app:staff a.txt /a.txt\n', {
      passwd: 'root:x:0:0:root:/root:/bin/sh\napp:x:1001:1001::/home/app:/bin/sh\n',
      group: 'root:x:0:\nstaff:x:50:\n',
      'a.txt': 'a',
    });
    expect(node(await h.tree(r.imageId), '/a.txt')).toMatchObject({ uid: 1001, gid: 50 });
    expect(await h.fail('FROM scratch\nCOPY --chown=nobody a.txt /a.txt\n', { 'a.txt': 'a' })).toBe('unable to find user nobody: no matching entries in passwd file');
  });

  it('matches wildcards per segment and needs a trailing slash for several sources', async () => {
    const h = createHarness();
    const files = { 'a.py': '1', 'b.py': '2', 'c.txt': '3', 'lib/x.py': '4' };
    const r = await h.run('FROM scratch\nCOPY *.py /code/\n', files);
    const tree = await h.tree(r.imageId);
    expect(text(tree, '/code/a.py')).toBe('1');
    expect(text(tree, '/code/b.py')).toBe('2');
    expect(node(tree, '/code/c.txt')).toBeUndefined();
    expect(node(tree, '/code/x.py')).toBeUndefined();
    expect(await h.fail('FROM scratch\nCOPY a.py b.py /code\n', files)).toBe(
      'When using COPY with more than one source file, the destination must be a directory and end with a /',
    );
  });

  it('hides .dockerignored files and reports a missing source with BuildKit text', async () => {
    const h = createHarness();
    const files = { '.dockerignore': 'secret.txt\n*.log\n', 'secret.txt': 's', 'app.log': 'l', 'app.py': 'p' };
    const r = await h.run('FROM scratch\nCOPY . /app/\n', files);
    const tree = await h.tree(r.imageId);
    expect(node(tree, '/app/secret.txt')).toBeUndefined();
    expect(node(tree, '/app/app.log')).toBeUndefined();
    expect(text(tree, '/app/app.py')).toBe('p');
    const message = await h.fail('FROM scratch\nCOPY secret.txt /\n', files);
    expect(message).toMatch(/^failed to compute cache key: failed to calculate checksum of ref [0-9a-f-]{36}::[0-9a-z]{25}: "\/secret.txt": not found$/);
    expect(await h.fail('FROM scratch\nCOPY secret.txt /\n', files)).toBe(message);
    expect(await h.fail('FROM scratch\nCOPY ../../missing.py /\n', files)).toMatch(/"\/missing.py": not found$/);
  });

  it('supports --exclude, --parents, heredoc sources and symlinks', async () => {
    const h = createHarness();
    const files = { 'src/a.py': 'a', 'src/a_test.py': 't', 'x/y/z.txt': 'z', link: { symlink: 'src/a.py' } };
    const r = await h.run(
      'FROM scratch\nCOPY --exclude=*_test.py src /src/\nCOPY --parents x/y/z.txt /p/\nCOPY <<EOF /etc/motd\nhello $NAME\nEOF\nCOPY link /l/\n',
      files,
    );
    const tree = await h.tree(r.imageId);
    expect(node(tree, '/src/a_test.py')).toBeUndefined();
    expect(text(tree, '/src/a.py')).toBe('a');
    expect(text(tree, '/p/x/y/z.txt')).toBe('z');
    expect(text(tree, '/etc/motd')).toBe('hello \n');
    expect(text(tree, '/l/link')).toBe('a');
  });

  it('ADD extracts a local tar archive and refuses URLs', async () => {
    const { changeSetToTar } = await import('../layer');
    const chunks: Uint8Array[] = [];
    for await (const chunk of changeSetToTar({ entries: [{ kind: 'file', path: 'hello.txt', mode: 0o644, uid: 0, gid: 0, content: { kind: 'bytes', bytes: new TextEncoder().encode('hi') } }] })) chunks.push(chunk);
    const tar = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let offset = 0;
    for (const c of chunks) {
      tar.set(c, offset);
      offset += c.length;
    }
    const h = createHarness();
    const r = await h.run('FROM scratch\nADD files.tar /opt/\n', { 'files.tar': tar });
    expect(text(await h.tree(r.imageId), '/opt/hello.txt')).toBe('hi');
    expect(await h.fail('FROM scratch\nADD https://example.com/x.tgz /opt/\n')).toMatch(/not modeled/);
  });
});
