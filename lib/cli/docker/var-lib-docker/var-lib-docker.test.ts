import { describe, expect, it } from 'vitest';
import { build, createMemoryContext, createMemoryStore, type Store } from '@/lib/engine';
import { createCoreutils, createMemoryFs, runShell, type ShellFs } from '@/lib/shell';
import { sha256Of, wasmSha256, type Digest } from '@/lib/util';
import { dockerRootFs, layerCacheIds, mountFs } from './index';

async function buildApp(store: Store): Promise<Digest> {
  const result = await build(
    { dockerfile: 'FROM scratch\nCOPY a.txt b.txt /\nCOPY sub /sub\n', context: createMemoryContext({ 'a.txt': 'hello\n', 'b.txt': 'bee\n', 'sub/c': 'sea' }), tags: ['myapp:1.0'] },
    { store, sha256: wasmSha256 },
  );
  return result.imageId as Digest;
}

function terminal(fs: ShellFs) {
  const commands = createCoreutils();
  return async (line: string) => {
    const r = await runShell(line, { fs, commands, cwd: '/workspace', env: { HOME: '/root', PATH: '/usr/bin:/bin' } });
    return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
  };
}

async function setup() {
  const store = createMemoryStore();
  const imageId = await buildApp(store);
  const workspace = createMemoryFs({ '/workspace/notes.txt': 'mine\n' });
  const fs = mountFs(workspace, { '/var/lib/docker': dockerRootFs(store) });
  return { store, imageId, workspace, fs, run: terminal(fs) };
}

const chainOf = async (parent: string, diffId: string) => sha256Of(`${parent} ${diffId}`);

describe('/var/lib/docker from the store', () => {
  it('names overlay2 directories by the cache IDs docker inspect shows (layerCacheIds)', async () => {
    const { store, imageId, run } = await setup();
    const record = await store.get('images', imageId);
    const diffIds = record?.diffIds ?? [];
    const ids = await layerCacheIds(diffIds);
    expect(ids).toHaveLength(2);
    const top = await chainOf(diffIds[0] as string, diffIds[1] as string);
    expect((await run(`cat /var/lib/docker/image/overlay2/layerdb/sha256/${top.slice(7)}/cache-id`)).stdout).toBe(ids[1]);
    expect((await run(`ls /var/lib/docker/overlay2/${ids[0]}/diff /var/lib/docker/overlay2/${ids[1]}/diff`)).stdout).toBe(
      `/var/lib/docker/overlay2/${ids[0]}/diff:\na.txt\nb.txt\n\n/var/lib/docker/overlay2/${ids[1]}/diff:\nsub\n`,
    );
  });

  it("lays out Docker's overlay2 directories", async () => {
    const { run } = await setup();
    expect((await run('ls /var/lib/docker')).stdout).toBe('containers\nimage\noverlay2\nvolumes\n');
    expect((await run('ls /var/lib/docker/image/overlay2')).stdout).toBe('imagedb\nlayerdb\nrepositories.json\n');
    expect((await run('ls /var/lib')).stdout).toBe('docker\n');
  });

  it('keeps the image config under imagedb/content by image ID and the tags in repositories.json', async () => {
    const { run, imageId, store } = await setup();
    const hex = imageId.slice(7);
    expect((await run('ls /var/lib/docker/image/overlay2/imagedb/content/sha256')).stdout).toBe(`${hex}\n`);
    const config = (await run(`cat /var/lib/docker/image/overlay2/imagedb/content/sha256/${hex}`)).stdout;
    expect(await sha256Of(config)).toBe(imageId);
    expect(JSON.parse(config).rootfs.type).toBe('layers');
    expect(JSON.parse((await run('cat /var/lib/docker/image/overlay2/repositories.json')).stdout)).toEqual({ Repositories: { myapp: { 'myapp:1.0': imageId } } });
    const lastTag = (await store.get('images', imageId))?.lastTagTime;
    if (lastTag !== undefined) expect((await run(`cat /var/lib/docker/image/overlay2/imagedb/metadata/sha256/${hex}/lastUpdated`)).stdout).toBe(lastTag);
  });

  it('names layerdb entries by chain ID with diff, size, cache-id and parent', async () => {
    const { run, imageId, store } = await setup();
    const image = await store.get('images', imageId);
    const [d1, d2] = image?.diffIds as [Digest, Digest];
    const c2 = await chainOf(d1, d2);
    const listing = (await run('ls /var/lib/docker/image/overlay2/layerdb/sha256')).stdout;
    expect(listing.split('\n').filter(Boolean).sort()).toEqual([d1.slice(7), c2.slice(7)].sort());
    const base = `/var/lib/docker/image/overlay2/layerdb/sha256/${d1.slice(7)}`;
    const top = `/var/lib/docker/image/overlay2/layerdb/sha256/${c2.slice(7)}`;
    expect((await run(`ls ${base}`)).stdout).toBe('cache-id\ndiff\nsize\n');
    expect((await run(`ls ${top}`)).stdout).toBe('cache-id\ndiff\nparent\nsize\n');
    expect((await run(`cat ${base}/diff`)).stdout).toBe(d1);
    expect((await run(`cat ${top}/parent`)).stdout).toBe(d1);
    expect((await run(`cat ${base}/size`)).stdout).toBe('10');
    const cacheId = (await run(`cat ${top}/cache-id`)).stdout;
    expect(cacheId).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheId).not.toBe(c2.slice(7));
    // Stable: a fresh view of the same store names the same cache directory.
    expect((await terminal(mountFs(createMemoryFs(), { '/var/lib/docker': dockerRootFs(store) }))(`cat ${top}/cache-id`)).stdout).toBe(cacheId);
  });

  it("shows a layer's own files under overlay2/<cache-id>/diff, with links and lower", async () => {
    const { run, imageId, store, fs } = await setup();
    const [d1, d2] = (await store.get('images', imageId))?.diffIds as [Digest, Digest];
    const baseCache = (await run(`cat /var/lib/docker/image/overlay2/layerdb/sha256/${d1.slice(7)}/cache-id`)).stdout;
    const topCache = (await run(`cat /var/lib/docker/image/overlay2/layerdb/sha256/${(await chainOf(d1, d2)).slice(7)}/cache-id`)).stdout;
    expect((await run(`ls /var/lib/docker/overlay2/${baseCache}/diff`)).stdout).toBe('a.txt\nb.txt\n');
    expect((await run(`cat /var/lib/docker/overlay2/${baseCache}/diff/a.txt`)).stdout).toBe('hello\n');
    expect((await run(`ls /var/lib/docker/overlay2/${topCache}/diff/sub`)).stdout).toBe('c\n');
    expect((await run(`ls /var/lib/docker/overlay2/${baseCache}`)).stdout).toBe('diff\nlink\n');
    expect((await run(`ls /var/lib/docker/overlay2/${topCache}`)).stdout).toBe('diff\nlink\nlower\nwork\n');
    const baseLink = (await run(`cat /var/lib/docker/overlay2/${baseCache}/link`)).stdout;
    expect(baseLink).toMatch(/^[A-Z0-9]{26}$/);
    expect((await run(`cat /var/lib/docker/overlay2/${topCache}/lower`)).stdout).toBe(`l/${baseLink}`);
    expect(await fs.readlink(`/var/lib/docker/overlay2/l/${baseLink}`)).toBe(`../${baseCache}/diff`);
    expect((await run(`cat /var/lib/docker/overlay2/l/${baseLink}/b.txt`)).stdout).toBe('bee\n');
  });

  it('shows whiteouts as empty mode-000 entries under the deleted name, and synthetic files at size', async () => {
    const store = createMemoryStore();
    const diffBase = `sha256:${'1'.repeat(64)}` as Digest;
    const diffTop = `sha256:${'2'.repeat(64)}` as Digest;
    const config = new TextEncoder().encode('{"rootfs":{"type":"layers"}}');
    const configDigest = await sha256Of(config);
    await store.write(async (tx) => {
      const attrs = { mode: 0o644, uid: 0, gid: 0 };
      await tx.put('layers', diffBase, { diffId: diffBase, size: 3_000_000, parentChainId: null, recipe: { entries: [{ kind: 'dir', path: 'app', ...attrs, mode: 0o755 }, { kind: 'file', path: 'app/big.bin', ...attrs, content: { kind: 'synthetic', size: 3_000_000, seed: 's' } }] } });
      await tx.put('layers', diffTop, { diffId: diffTop, size: 0, parentChainId: diffBase, recipe: { entries: [{ kind: 'dir', path: 'app', ...attrs, mode: 0o755 }, { kind: 'whiteout', path: 'app/big.bin' }] } });
      await tx.put('blobs', configDigest, config);
      await tx.put('images', configDigest, { id: configDigest, configDigest, manifests: {}, diffIds: [diffBase, diffTop], created: '2024-01-01T00:00:00Z', size: 3_000_000 });
    });
    const run = terminal(mountFs(createMemoryFs({ '/workspace/': '' }), { '/var/lib/docker': dockerRootFs(store) }));
    const cache = async (chain: string) => (await run(`cat /var/lib/docker/image/overlay2/layerdb/sha256/${chain.slice(7)}/cache-id`)).stdout;
    const top = await cache(await chainOf(diffBase, diffTop));
    const listing = (await run(`ls -l /var/lib/docker/overlay2/${top}/diff/app`)).stdout;
    expect(listing).toMatch(/^---------- 1 0 0 0 .* big\.bin$/m);
    const base = await cache(diffBase);
    expect((await run(`wc -c < /var/lib/docker/overlay2/${base}/diff/app/big.bin`)).stdout.trim()).toBe('3000000');
  });

  it('is read-only', async () => {
    const { run } = await setup();
    const r = await run('touch /var/lib/docker/x');
    expect(r.stderr).toContain('Read-only file system');
    expect(r.exitCode).not.toBe(0);
    expect((await run('rm -rf /var/lib/docker/image')).stderr).toContain('Read-only file system');
    expect((await run('mkdir /var/lib/docker/overlay2/new')).stderr).toContain('Read-only file system');
    expect((await run('ls /var/lib/docker/image')).stdout).toBe('overlay2\n');
  });

  it('follows the store: a new image appears without rebuilding the view', async () => {
    const { run, store } = await setup();
    await build({ dockerfile: 'FROM scratch\nCOPY z /z\n', context: createMemoryContext({ z: 'zz' }), tags: ['other'] }, { store, sha256: wasmSha256 });
    expect((await run('ls /var/lib/docker/image/overlay2/imagedb/content/sha256 | wc -l')).stdout.trim()).toBe('2');
    expect(JSON.parse((await run('cat /var/lib/docker/image/overlay2/repositories.json')).stdout).Repositories.other).toBeDefined();
  });
});

describe('mountFs', () => {
  it('routes paths to the longest mount point and leaves the rest to the base', async () => {
    const base = createMemoryFs({ '/workspace/a': 'A', '/var/log/syslog': 'log' });
    const inner = createMemoryFs({ '/x': 'X', '/deep/y': 'Y' });
    const deeper = createMemoryFs({ '/z': 'Z' });
    const fs = mountFs(base, { '/mnt/data': inner, '/mnt/data/deep/more': deeper });
    const run = terminal(fs);
    expect((await run('cat /workspace/a /mnt/data/x /mnt/data/deep/y /mnt/data/deep/more/z')).stdout).toBe('AXYZ');
    expect((await run('ls /mnt')).stdout).toBe('data\n');
    expect((await run('ls /mnt/data/deep')).stdout).toBe('more\ny\n');
    expect((await run('ls /var')).stdout).toBe('log\n');
    await run('echo new > /mnt/data/n');
    expect(new TextDecoder().decode(await inner.readFile('/n'))).toBe('new\n');
    expect(await base.exists('/mnt/data/n')).toBe(false);
    // mv across filesystems copies then removes, like mv(1) on EXDEV.
    await run('mv /mnt/data/n /workspace/n');
    expect([await inner.exists('/n'), new TextDecoder().decode(await base.readFile('/workspace/n'))]).toEqual([false, 'new\n']);
    expect((await run('ls /nope')).exitCode).not.toBe(0);
  });
});
