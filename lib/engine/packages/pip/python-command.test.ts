import { describe, expect, it } from 'vitest';
import { parsePipCatalog } from './pip-catalog';
import { pipCommands } from './index';
import raw from '../../../../content/catalog/pip/packages.json';
import { python39Seed, run, syntheticMemoryFs } from './test-helpers';

const commands = pipCommands();

describe('python', () => {
  it('runs scripts whose imports exist and fails on unknown modules', async () => {
    const fs = syntheticMemoryFs({ ...python39Seed(), '/app/app.py': 'import os\nfrom utils import helper\nprint("hello")\n', '/app/utils.py': '', '/app/web.py': 'import flask\n' });
    const ok = await run('python app.py && python3 --version', fs, commands, '/app');
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toBe('hello\nPython 3.9.18\n');
    const bad = await run('python web.py', fs, commands, '/app');
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain("ModuleNotFoundError: No module named 'flask'");
    await run('pip install --no-cache-dir flask', fs, commands);
    expect((await run('python web.py', fs, commands, '/app')).exitCode).toBe(0);
    const missing = await run('python nope.py', fs, commands, '/app');
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain("can't open file '/app/nope.py'");
    expect((await run('python -c "import numpy"', fs, commands)).stderr).toContain("No module named 'numpy'");
  });

  it('python -m pytest collects test files and reports like pytest', async () => {
    const fs = syntheticMemoryFs({
      ...python39Seed(),
      '/app/app/tests/test_api.py': 'def test_a():\n    assert 1\n\ndef test_b():\n    assert True\n',
      '/app/app/tests/test_util.py': 'def test_c():\n    pass\n',
    });
    const none = await run('python -m pytest', fs, commands, '/app');
    expect(none.stderr).toContain('No module named pytest');
    await run('pip install --no-cache-dir pytest', fs, commands);
    const r = await run('python -m pytest app/tests/', fs, commands, '/app');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('platform linux -- Python 3.9.18, pytest-7.4.4, pluggy-1.3.0');
    expect(r.stdout).toContain('collected 3 items');
    expect(r.stdout).toMatch(/={30} 3 passed in 0\.\d\ds ={30}/);
    await fs.writeFile('/app/app/tests/test_bad.py', 'def test_d():\n    assert False\n');
    const f = await run('python -m pytest', fs, commands, '/app');
    expect(f.exitCode).toBe(1);
    expect(f.stdout).toContain('FAILED app/tests/test_bad.py::test_d - assert False');
    expect(f.stdout).toContain('1 failed, 3 passed');
  });

  it('python and pip exist only where the image has them', async () => {
    const fs = syntheticMemoryFs({ '/bin/sh': { content: 'x', mode: 0o755 } });
    const r = await run('python3 --version', fs, commands);
    expect(r.exitCode).toBe(127);
  });
});

describe('pip catalog', () => {
  it('names the JSON path of a bad value', () => {
    const bad = structuredClone(raw) as { packages: Record<string, { versions: { installedSize: unknown }[] }> };
    const flask = bad.packages.flask?.versions[0];
    if (flask !== undefined) flask.installedSize = 'big';
    expect(() => parsePipCatalog(bad)).toThrow(/content\/catalog\/pip\/packages\.json: packages\.flask\.versions\[0\]\.installedSize: expected number/);
  });

  it('every dependency is in the catalog', () => {
    const catalog = parsePipCatalog(raw);
    for (const pkg of Object.values(catalog.data.packages)) {
      for (const v of pkg.versions) for (const d of v.dependencies) expect(catalog.get(d.split(/[<>=!~;\s]/)[0] ?? ''), d).toBeDefined();
    }
  });
});
