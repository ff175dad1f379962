import { describe, expect, it } from 'vitest';
import { createCoreutils, createMemoryFs, pathResolver, runShell, type ShellFs } from '@/lib/shell';
import catalogJson from '@/content/catalog/apk/alpine-3.19.json';
import alpineJson from '@/content/hub/library/alpine.json';
import { isPackageCatalogError } from '../apt';
import { treeBytes } from '../apt/test-helpers';
import { apkCommands } from './apk';
import { loadApkCatalog } from './apk-catalog';

const catalog = loadApkCatalog(catalogJson, 'alpine-3.19.json');
const commands = { ...createCoreutils(), ...apkCommands(catalog) };

function alpineFs(): ShellFs {
  const entry = alpineJson.tags['3.19'].layers[0]?.entries.find((e) => 'packages' in e);
  const list = entry !== undefined && 'list' in entry && Array.isArray(entry.list) ? entry.list : [];
  const db = list.map((item: string) => `P:${item.split('=')[0]}\nV:${item.split('=')[1]}\nA:x86_64\n`).join('\n');
  const bin = { content: '', mode: 0o755 };
  return createMemoryFs({ '/tmp/': '', '/var/cache/apk/': '', '/lib/apk/db/installed': db, '/etc/apk/world': 'alpine-baselayout\nalpine-keys\napk-tools\nbusybox\nlibc-utils\n', '/sbin/apk': bin, '/bin/rm': bin, '/bin/sh': bin });
}
const run = (fs: ShellFs, script: string) => runShell(script, { fs, commands, env: { PATH: '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin' }, cwd: '/', resolveCommand: pathResolver(commands) });

describe('apk', () => {
  it('apk update caches the index and reports the distinct packages', async () => {
    const fs = alpineFs();
    const r = await run(fs, 'apk update');
    expect(r.stdout).toContain('fetch https://dl-cdn.alpinelinux.org/alpine/v3.19/main/x86_64/APKINDEX.tar.gz');
    expect(r.stdout).toMatch(/OK: \d+ distinct packages available/);
    expect(await treeBytes(fs, '/var/cache/apk')).toBeGreaterThan(2_000_000);
  });

  it('apk add installs with deps, puts binaries on PATH, sizes land, OK line, time recorded', async () => {
    const fs = alpineFs();
    const before = await treeBytes(fs);
    const r = await run(fs, 'apk add curl && test -x /usr/bin/curl && echo /usr/bin/curl');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/\(1\/\d+\) Installing /);
    expect(r.stdout).toContain('Installing curl (8.5.0-r0)');
    expect(r.stdout).toMatch(/OK: \d+ MiB in \d+ packages\n/);
    expect(r.stdout).toContain('/usr/bin/curl');
    const news = [...r.stdout.matchAll(/Installing (\S+) \(/g)].map((m) => m[1] ?? '');
    const want = news.reduce((s, n) => s + (catalog.packages.get(n)?.installedBytes ?? 0), 0);
    const index = catalog.file.index.repositories.reduce((s, x) => s + x.bytes, 0);
    const added = (await treeBytes(fs)) - before;
    expect(Math.abs(added - want - index) / (want + index)).toBeLessThan(0.03);
    expect(r.simulatedSeconds).toBeGreaterThan(0);
  });

  it('--no-cache leaves no index behind', async () => {
    const fs = alpineFs();
    await run(fs, 'apk add --no-cache gcc musl-dev libffi-dev');
    expect(await treeBytes(fs, '/var/cache/apk')).toBe(0);
    expect(await fs.exists('/usr/bin/gcc')).toBe(true);
  });

  it('fails on an unknown package like apk (the material\'s python3-pip is py3-pip here)', async () => {
    const r = await run(alpineFs(), 'apk add --no-cache python3 python3-pip curl');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('ERROR: unable to select packages:\n  python3-pip (no such package):\n    required by: world[python3-pip]\n');
  });

  it('--virtual groups build deps and apk del NAME removes them all', async () => {
    const fs = alpineFs();
    const base = await treeBytes(fs);
    const add = await run(fs, 'apk add --no-cache --virtual .build-deps build-base');
    expect(add.stdout).toMatch(/Installing \.build-deps \(20240101\.000000\)/);
    expect((await treeBytes(fs)) - base).toBeGreaterThan(150 * 1024 * 1024);
    const del = await run(fs, 'apk del .build-deps');
    expect(del.stdout).toContain('Purging gcc (');
    expect(del.stdout).toMatch(/OK: \d+ MiB in 15 packages\n$/);
    expect(await fs.exists('/usr/bin/gcc')).toBe(false);
    expect((await treeBytes(fs)) - base).toBeLessThan(64 * 1024);
  });

  it('rejects malformed catalog data with path-precise errors', () => {
    const bad = structuredClone(catalogJson) as { packages: Record<string, Record<string, unknown>> };
    (bad.packages.curl ?? {}).version = 'latest';
    (bad.packages.jq ?? {}).depends = ['nothere'];
    try {
      loadApkCatalog(bad, 'alpine-3.19.json');
      expect.unreachable();
    } catch (error) {
      expect(isPackageCatalogError(error)).toBe(true);
      expect((error as Error).message).toContain('alpine-3.19.json: packages.curl.version: expected an apk version such as "8.5.0-r0"');
    }
    delete (bad.packages.curl ?? {}).version;
    (bad.packages.curl ?? {}).version = '8.5.0-r0';
    expect(() => loadApkCatalog(bad, 'alpine-3.19.json')).toThrow('packages."jq".depends[0]: no package in the catalog is "nothere"');
  });
});
