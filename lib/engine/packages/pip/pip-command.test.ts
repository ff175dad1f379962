import { describe, expect, it } from 'vitest';
import { pipCommands } from './index';
import apkCatalogJson from '@/content/catalog/apk/alpine-3.19.json';
import { loadApkCatalog } from '../apk';
import { loadPipCatalog } from './pip-catalog';
import { du, python39Seed, run, syntheticMemoryFs } from './test-helpers';

const SITE = '/usr/local/lib/python3.9/site-packages';
const commands = pipCommands();
const catalog = loadPipCatalog();
const installedSize = (name: string) => catalog.get(name)?.versions[0]?.installedSize ?? 0;

describe('pip install', () => {
  it('installs flask with its dependencies, dist-info, console script and cache, printing like pip', async () => {
    const fs = syntheticMemoryFs(python39Seed());
    const r = await run('pip install flask==3.0.0', fs, commands);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Collecting flask==3.0.0\n  Downloading flask-3.0.0-py3-none-any.whl (100 kB)');
    expect(r.stdout).toContain('Collecting importlib-metadata>=3.6.0'); // Python 3.9 needs the backport
    expect(r.stdout).toMatch(/Installing collected packages: .*MarkupSafe.*flask\n/);
    expect(r.stdout).toContain('Successfully installed Jinja2-3.1.3 MarkupSafe-2.1.3 Werkzeug-3.0.1 blinker-1.7.0 click-8.1.7 flask-3.0.0');
    expect(r.stderr).toContain("WARNING: Running pip as the 'root' user");
    expect(await fs.exists(`${SITE}/flask-3.0.0.dist-info/METADATA`)).toBe(true);
    expect(await fs.exists('/usr/local/bin/flask')).toBe(true);
    const flaskBytes = (await du(fs, `${SITE}/flask`)) + (await du(fs, `${SITE}/flask-3.0.0.dist-info`));
    expect(Math.abs(flaskBytes - installedSize('flask')) / installedSize('flask')).toBeLessThan(0.03);
    expect(await du(fs, '/root/.cache/pip/http')).toBeGreaterThan(99_000);
    expect(r.simulatedSeconds).toBeGreaterThan(0);
  });

  it('lands numpy within a few percent of the catalog and keeps no cache with --no-cache-dir', async () => {
    const fs = syntheticMemoryFs(python39Seed());
    const r = await run('pip install --no-cache-dir numpy', fs, commands);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Downloading numpy-1.26.3-cp39-cp39-manylinux_2_17_x86_64.manylinux2014_x86_64.whl (18.2 MB)');
    const size = await du(fs, SITE);
    expect(Math.abs(size - installedSize('numpy')) / installedSize('numpy')).toBeLessThan(0.03);
    expect(await fs.exists('/root/.cache/pip')).toBe(false);
  });

  it('uses the cache on the second install', async () => {
    const fs = syntheticMemoryFs(python39Seed());
    await run('pip install requests && pip uninstall -y requests', fs, commands);
    const r = await run('pip install requests', fs, commands);
    expect(r.stdout).toContain('Using cached requests-2.31.0-py3-none-any.whl');
    expect(r.stdout).toContain('Requirement already satisfied: urllib3<3,>=1.21.1');
  });

  it('reads -r files with comments, pins and nested includes', async () => {
    const fs = syntheticMemoryFs({
      ...python39Seed(),
      '/app/requirements.txt': '# web\nflask==3.0.0  # pinned\n\n-r base.txt\ngunicorn\n',
      '/app/base.txt': 'requests>=2.0\n',
    });
    const r = await run('pip install -r requirements.txt', fs, commands, '/app');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/Successfully installed .*flask-3.0.0 .*gunicorn-21.2.0 .*requests-2.31.0/);
    expect(await fs.exists('/usr/local/bin/gunicorn')).toBe(true);
  });

  it('fails like pip for unknown packages and a missing requirements file', async () => {
    const fs = syntheticMemoryFs(python39Seed());
    const r = await run('pip install nosuchpkg', fs, commands);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('ERROR: Could not find a version that satisfies the requirement nosuchpkg (from versions: none)\nERROR: No matching distribution found for nosuchpkg\n');
    const f = await run('pip install -r missing.txt', fs, commands);
    expect(f.exitCode).toBe(1);
    expect(f.stderr).toContain("No such file or directory: 'missing.txt'");
  });

  it('checks Requires-Python: Django 5 is not for Python 3.9', async () => {
    const fs = syntheticMemoryFs(python39Seed());
    const pinned = await run('pip install django==5.0.1', fs, commands);
    expect(pinned.exitCode).toBe(1);
    expect(pinned.stderr).toContain('5.0.1 Requires-Python >=3.10');
    expect(pinned.stderr).toContain('(from versions: 4.2.9)');
    const latest = await run('pip install --no-cache-dir django', fs, commands);
    expect(latest.stdout).toContain('Successfully installed Django-4.2.9 asgiref-3.7.2 sqlparse-0.4.4 typing_extensions-4.9.0');
  });

  it('fails to build psycopg2 without gcc and builds it with gcc and libpq-dev', async () => {
    const fs = syntheticMemoryFs(python39Seed());
    const r = await run('pip install psycopg2', fs, commands);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('Downloading psycopg2-2.9.9.tar.gz (385 kB)');
    expect(r.stderr).toContain("error: command 'gcc' failed: No such file or directory");
    expect(r.stderr).toContain('ERROR: Failed building wheel for psycopg2');
    expect(await fs.exists(`${SITE}/psycopg2`)).toBe(false);
    await fs.writeFile('/usr/bin/gcc', 'x', { mode: 0o755 });
    const noHeaders = await run('pip install psycopg2', fs, commands);
    expect(noHeaders.stderr).toContain('pg_config executable not found.');
    await fs.writeFile('/usr/bin/pg_config', 'x', { mode: 0o755 });
    const ok = await run('pip install psycopg2', fs, commands);
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toContain('Successfully built psycopg2');
    expect(await fs.exists(`${SITE}/psycopg2-2.9.9.dist-info`)).toBe(true);
  });

  it('on Alpine picks musllinux wheels, and builds pandas 2.1.4 from source (no musl wheel)', async () => {
    const fs = syntheticMemoryFs(python39Seed('musl'));
    const r = await run('pip install --no-cache-dir markupsafe', fs, commands);
    expect(r.stdout).toContain('MarkupSafe-2.1.3-cp39-cp39-musllinux_1_1_x86_64.whl');
    const pandas = await run('pip install pandas==2.1.4', fs, commands);
    expect(pandas.exitCode).toBe(1);
    expect(pandas.stdout).toContain('Downloading pandas-2.1.4.tar.gz');
    expect(pandas.stderr).toContain('ERROR: Failed building wheel for pandas');
  });

  it('--user installs into ~/.local and warns when its bin is not on PATH; --upgrade replaces pip', async () => {
    const fs = syntheticMemoryFs(python39Seed());
    const r = await run('pip install --user gunicorn', fs, commands);
    expect(await fs.exists('/root/.local/lib/python3.9/site-packages/gunicorn-21.2.0.dist-info')).toBe(true);
    expect(await fs.exists('/root/.local/bin/gunicorn')).toBe(true);
    expect(r.stderr).toContain("The script gunicorn is installed in '/root/.local/bin' which is not on PATH.");
    const up = await run('pip install --upgrade pip', fs, commands);
    expect(up.stdout).toContain('Found existing installation: pip 23.0.1');
    expect(up.stdout).toContain('Successfully installed pip-23.3.2');
  });

  it('uninstall removes exactly what install wrote', async () => {
    const fs = syntheticMemoryFs(python39Seed());
    await run('pip install --no-cache-dir gunicorn', fs, commands);
    const r = await run('pip uninstall -y gunicorn packaging && pip uninstall -y gunicorn', fs, commands);
    expect(r.stdout).toContain('Successfully uninstalled gunicorn-21.2.0');
    expect(r.stderr).toContain('WARNING: Skipping gunicorn as it is not installed.');
    expect(await du(fs, SITE)).toBe(0);
    expect(await fs.exists('/usr/local/bin/gunicorn')).toBe(false);
  });
});

describe('pip on an externally managed python (PEP 668)', () => {
  const catalogText = (): string => {
    // The EXTERNALLY-MANAGED file Alpine 3.19's python3 package installs, from the apk catalog.
    const file = loadApkCatalog(apkCatalogJson).packages.get('python3')?.files?.find((f) => f.path === '/usr/lib/python3.11/EXTERNALLY-MANAGED');
    if (file === undefined || !('text' in file)) throw new Error('python3 in the apk catalog has no EXTERNALLY-MANAGED');
    return file.text;
  };
  const alpinePython = (marker: boolean) => ({
    '/bin/sh': { content: '\u007fELF', mode: 0o755 },
    '/etc/alpine-release': '3.19.0\n',
    '/lib/ld-musl-x86_64.so.1': { content: '\u007fELF', mode: 0o755 },
    '/usr/bin/python3.11': { content: '\u007fELF', mode: 0o755 },
    '/usr/bin/python3': { symlink: 'python3.11' },
    '/usr/bin/pip': { content: '\u007fELF', mode: 0o755 },
    '/usr/lib/python3.11/os.py': 'import abc\n',
    '/usr/lib/python3.11/site-packages/pip/__init__.py': '',
    ...(marker ? { '/usr/lib/python3.11/EXTERNALLY-MANAGED': catalogText() } : {}),
  });

  it("refuses `pip install` with Alpine's message and exit 1, installing nothing", async () => {
    const fs = syntheticMemoryFs(alpinePython(true));
    const r = await run('pip install requests', fs, commands);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: externally-managed-environment\n\n× This environment is externally managed\n╰─> \n    The system-wide python installation should be maintained using the system\n    package manager \(apk\) only\.\n/);
    expect(r.stderr).toContain('passing --break-system-packages.\nhint: See PEP 668 for the detailed specification.\n');
    expect(await fs.exists('/usr/local/lib/python3.11/dist-packages/requests')).toBe(false);
  });

  it('also refuses --user installs and uninstall', async () => {
    const fs = syntheticMemoryFs(alpinePython(true));
    expect((await run('pip install --user requests', fs, commands)).exitCode).toBe(1);
    const r = await run('pip uninstall -y pip', fs, commands);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('error: externally-managed-environment');
  });

  it('installs with --break-system-packages or PIP_BREAK_SYSTEM_PACKAGES=1', async () => {
    const fs = syntheticMemoryFs(alpinePython(true));
    const r = await run('pip install --break-system-packages requests', fs, commands);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Successfully installed');
    const viaEnv = await run('pip install flask', syntheticMemoryFs(alpinePython(true)), commands, '/', { PIP_BREAK_SYSTEM_PACKAGES: '1' });
    expect(viaEnv.exitCode).toBe(0);
  });

  it('leaves interpreters without the file alone (the official python images)', async () => {
    expect((await run('pip install requests', syntheticMemoryFs(alpinePython(false)), commands)).exitCode).toBe(0);
    expect((await run('pip install requests', syntheticMemoryFs(python39Seed('musl')), commands)).exitCode).toBe(0);
  });
});
