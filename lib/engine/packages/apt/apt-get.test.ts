import { describe, expect, it } from 'vitest';
import { aptCommands } from './apt-get';
import { aptCatalog, debianFs, runApt, treeBytes } from './test-helpers';

const apt = aptCommands(aptCatalog);
const run = (fs: ReturnType<typeof debianFs>, script: string) => runApt(fs, script, apt);

describe('apt-get update', () => {
  it('fills /var/lib/apt/lists with the measured ~19 MB and prints Get lines', async () => {
    const fs = debianFs();
    const r = await run(fs, 'apt-get update');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]');
    expect(r.stdout).toContain('Reading package lists...');
    const lists = await treeBytes(fs, '/var/lib/apt/lists');
    expect(lists).toBe(aptCatalog.file.lists.indexes.reduce((s, i) => s + i.bytes, 0));
    expect(lists).toBeGreaterThan(19_000_000);
    expect(r.simulatedSeconds).toBeGreaterThan(0.5);
    const again = await run(fs, 'apt-get update');
    expect(again.stdout).toContain('Hit:1 http://deb.debian.org/debian bookworm InRelease');
    expect(again.stdout).not.toContain('Get:');
  });
});

describe('apt-get install', () => {
  it('cannot locate anything before apt-get update', async () => {
    const r = await run(debianFs(), 'apt-get install -y curl');
    expect(r.exitCode).toBe(100);
    expect(r.stderr).toBe('E: Unable to locate package curl\n');
  });

  it('fails on an unknown package, a missing version and a virtual one, as apt does', async () => {
    const fs = debianFs();
    await run(fs, 'apt-get update');
    expect((await run(fs, 'apt-get install -y nosuchpkg')).stderr).toContain('E: Unable to locate package nosuchpkg');
    expect((await run(fs, 'apt-get install -y curl=1.0')).stderr).toContain("E: Version '1.0' for 'curl' was not found");
    const nc = await run(fs, 'apt-get install -y netcat');
    expect(nc.stdout).toContain('Package netcat is a virtual package provided by:');
    expect(nc.stderr).toContain("E: Package 'netcat' has no installation candidate");
    expect(nc.exitCode).toBe(100);
  });

  it('aborts without -y in a build (stdin empty) after the summary', async () => {
    const fs = debianFs();
    await run(fs, 'apt-get update');
    const r = await run(fs, 'apt-get install curl');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('The following NEW packages will be installed:');
    expect(r.stdout).toMatch(/Do you want to continue\? \[Y\/n\] Abort\.\n$/);
    expect(await fs.exists('/usr/bin/curl')).toBe(false);
  });

  it('installs curl with its dependencies: summary, binaries on PATH, sizes, dpkg status, time', async () => {
    const fs = debianFs();
    await run(fs, 'apt-get update');
    const before = await treeBytes(fs);
    const r = await run(fs, 'apt-get install -y curl && curl --version; echo rc=$?');
    expect(r.stdout).toMatch(/0 upgraded, \d+ newly installed, 0 to remove and 0 not upgraded\./);
    expect(r.stdout).toMatch(/Need to get [\d.]+ [kM]B of archives\.\nAfter this operation, [\d.]+ MB of additional disk space will be used\./);
    expect(r.stdout).toContain('Setting up curl (7.88.1-10+deb12u15) ...');
    expect((await fs.stat('/usr/bin/curl')).mode & 0o111).not.toBe(0);
    const status = new TextDecoder().decode(await fs.readFile('/var/lib/dpkg/status'));
    expect(status).toContain('Package: curl\nStatus: install ok installed');
    // Installed-Size sum of the new packages, plus the cached .debs, lands in the fs.
    const news = [...r.stdout.matchAll(/^Setting up (\S+) /gm)].map((m) => m[1] ?? '');
    const kib = news.reduce((s, n) => s + (aptCatalog.packages.get(n)?.installedSizeKiB ?? 0), 0);
    const debs = news.reduce((s, n) => s + (aptCatalog.packages.get(n)?.downloadBytes ?? 0), 0);
    const added = (await treeBytes(fs)) - before;
    expect(Math.abs(added - (kib * 1024 + debs)) / (kib * 1024 + debs)).toBeLessThan(0.03);
    expect(await treeBytes(fs, '/var/cache/apt/archives')).toBe(debs);
    expect(r.simulatedSeconds).toBeGreaterThan(0.5);
  });

  it('--no-install-recommends installs less and lists the recommends it skipped', async () => {
    const withRec = debianFs();
    const without = debianFs();
    await run(withRec, 'apt-get update && apt-get install -y python3-pip');
    const r = await run(without, 'apt-get update && apt-get install -y --no-install-recommends python3-pip');
    expect(r.stdout).toContain('Recommended packages:');
    const a = await treeBytes(withRec);
    const b = await treeBytes(without);
    expect(a - b).toBeGreaterThan(200 * 1024 * 1024);
    expect(await withRec.exists('/usr/bin/gcc')).toBe(true);
    expect(await without.exists('/usr/bin/gcc')).toBe(false);
  });

  it('says a package is already the newest version on a second install', async () => {
    const fs = debianFs();
    await run(fs, 'apt-get update && apt-get install -y make');
    const r = await run(fs, 'apt-get install -y make');
    expect(r.stdout).toContain('make is already the newest version (4.3-4.1).');
    expect(r.stdout).toContain('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.');
  });

  it('refuses to run as a non-root user', async () => {
    const fs = debianFs();
    const { runShell, createCoreutils, pathResolver } = await import('@/lib/shell');
    const commands = { ...createCoreutils(), ...apt };
    const r = await runShell('apt-get update', { fs, commands, env: { PATH: '/usr/bin' }, cwd: '/', user: { name: 'app', uid: 1000, gid: 1000, home: '/home/app' }, resolveCommand: pathResolver(commands) });
    expect(r.exitCode).toBe(100);
    expect(r.stderr).toContain('E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)');
  });
});
