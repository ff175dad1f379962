import { describe, expect, it } from 'vitest';
import catalogJson from '@/content/catalog/apt/debian-bookworm.json';
import { aptCommands } from './apt-get';
import { loadAptCatalog } from './apt-catalog';
import { isPackageCatalogError } from './catalog-error';
import { aptCatalog, debianFs, runApt, treeBytes } from './test-helpers';

const apt = aptCommands(aptCatalog);
const run = (fs: ReturnType<typeof debianFs>, script: string) => runApt(fs, script, apt);

describe('apt cleanup', () => {
  it('clean empties the archives; rm -rf the lists shrinks and makes packages unknown again', async () => {
    const fs = debianFs();
    await run(fs, 'apt-get update && apt-get install -y curl');
    expect(await treeBytes(fs, '/var/cache/apt/archives')).toBeGreaterThan(1_000_000);
    await run(fs, 'apt-get clean');
    expect(await treeBytes(fs, '/var/cache/apt/archives')).toBe(0);
    await run(fs, 'rm -rf /var/lib/apt/lists/*');
    expect(await treeBytes(fs, '/var/lib/apt/lists')).toBe(0);
    expect((await run(fs, 'apt-get install -y wget')).stderr).toContain('E: Unable to locate package wget');
  });

  it('keeps no .debs when the image has Debian\'s docker-clean hook', async () => {
    const fs = debianFs();
    await fs.mkdir('/etc/apt/apt.conf.d', { recursive: true });
    await fs.writeFile('/etc/apt/apt.conf.d/docker-clean', 'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb || true"; };\n');
    await run(fs, 'apt-get update && apt-get install -y curl');
    expect(await treeBytes(fs, '/var/cache/apt/archives')).toBe(0);
  });

  it('remove asks, removes reverse dependencies and suggests autoremove; autoremove cleans up', async () => {
    const fs = debianFs();
    await run(fs, 'apt-get update && apt-get install -y curl');
    expect((await run(fs, 'apt-get remove curl')).stdout).toMatch(/Abort\.\n$/);
    const r = await run(fs, 'apt-get remove -y libcurl4');
    expect(r.stdout).toMatch(/The following packages will be REMOVED:\n {2}curl libcurl4\n/);
    expect(r.stdout).toContain("Use 'apt-get autoremove' to remove them.");
    expect(await fs.exists('/usr/bin/curl')).toBe(false);
    const auto = await run(fs, 'apt-get autoremove -y');
    expect(auto.stdout).toContain('Removing libnghttp2-14');
    expect((await run(fs, 'dpkg -l libnghttp2-14')).exitCode).toBe(1);
  });

  it('purge marks packages with * and drops their /etc files', async () => {
    const fs = debianFs();
    await run(fs, 'apt-get update && apt-get install -y --no-install-recommends wget');
    expect(await fs.exists('/etc/wgetrc')).toBe(true);
    const r = await run(fs, 'apt-get purge -y wget');
    expect(r.stdout).toContain('  wget*');
    expect(await fs.exists('/etc/wgetrc')).toBe(false);
  });
});

describe('dpkg, apt-cache and apt', () => {
  it('dpkg -l shows installed packages in dpkg\'s table layout', async () => {
    const fs = debianFs();
    await run(fs, 'apt-get update && apt-get install -y --no-install-recommends jq');
    const r = await run(fs, 'dpkg -l jq bash');
    // Columns widen to the longest version (15) and description (52), as dpkg does without a tty.
    expect(r.stdout).toContain('||/ Name           Version         Architecture Description\n+++-==============-===============-============-====================================================\n');
    expect(r.stdout).toContain('ii  jq             1.6-2.1+deb12u3 amd64        lightweight and flexible command-line JSON processor\n');
  });

  it('apt-cache show and policy describe a package; apt warns about its CLI', async () => {
    const fs = debianFs();
    await run(fs, 'apt-get update');
    expect((await run(fs, 'apt-cache show curl')).stdout).toContain('Installed-Size: 489\n');
    expect((await run(fs, 'apt-cache policy curl')).stdout).toContain('  Installed: (none)\n  Candidate: 7.88.1-10+deb12u15');
    const r = await run(fs, 'apt install -y nano');
    expect(r.stderr).toContain('WARNING: apt does not have a stable CLI interface. Use with caution in scripts.');
    expect(await fs.exists('/usr/bin/nano')).toBe(true);
  });
});

describe('apt catalog', () => {
  it('covers the material\'s packages and the common ones', () => {
    for (const name of ['curl', 'wget', 'vim', 'nano', 'git', 'ca-certificates', 'gcc', 'g++', 'make', 'build-essential', 'libffi-dev', 'libpq-dev', 'python3', 'python3-pip', 'python3-dev', 'nginx', 'openssh-client', 'unzip', 'jq', 'procps', 'netcat-openbsd']) {
      expect(aptCatalog.packages.has(name), name).toBe(true);
    }
  });

  it('rejects malformed data with path-precise errors', () => {
    const bad = structuredClone(catalogJson) as { packages: Record<string, Record<string, unknown>> };
    const curl = bad.packages.curl ?? {};
    curl.installedSizeKiB = '489';
    curl.depends = 'libc6 (>= 2.34), (broken';
    try {
      loadAptCatalog(bad, 'debian-bookworm.json');
      expect.unreachable();
    } catch (error) {
      expect(isPackageCatalogError(error)).toBe(true);
      const text = String((error as Error).message);
      expect(text).toContain('debian-bookworm.json: packages.curl.installedSizeKiB: expected number, received string');
      expect(text).toContain('packages.curl.depends: malformed relation "(broken"');
    }
  });

  it('rejects a dependency nothing in the catalog satisfies', () => {
    const bad = structuredClone(catalogJson) as { packages: Record<string, Record<string, unknown>> };
    (bad.packages.curl ?? {}).depends = 'libnothere1';
    expect(() => loadAptCatalog(bad)).toThrow(/packages\.curl\.depends\[0\]: no package in the catalog satisfies "libnothere1"/);
  });
});
