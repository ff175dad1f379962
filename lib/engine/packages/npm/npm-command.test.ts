import { describe, expect, it } from 'vitest';
import { loadNpmCatalog } from './npm-catalog';
import { du, nodeFs, run } from './test-helpers';

const catalog = loadNpmCatalog();
const size = (name: string) => catalog.get(name)?.installedSize ?? 0;
const near = (actual: number, expected: number, tolerance = 0.03) => expect(Math.abs(actual - expected) / expected).toBeLessThan(tolerance);

const PKG = JSON.stringify({
  name: 'web',
  version: '1.0.0',
  scripts: { build: 'tsc', test: 'jest', start: 'node dist/index.js' },
  dependencies: { express: '^4.18.2' },
  devDependencies: { typescript: '^5.3.0', jest: '^29.7.0' },
});

describe('npm install', () => {
  it('installs dependencies and devDependencies through the image PATH, with lock, cache and npm 10 output', async () => {
    const fs = nodeFs({ '/app/package.json': PKG });
    const r = await run('npm install', fs);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^\nadded 330 packages, and audited 331 packages in \d+s\n\nfound 0 vulnerabilities\n$/);
    near(await du(fs, '/app/node_modules'), size('express') + size('typescript') + size('jest'));
    expect(JSON.parse(new TextDecoder().decode(await fs.readFile('/app/node_modules/express/package.json')))).toMatchObject({ name: 'express', version: '4.18.2' });
    expect(await fs.readlink('/app/node_modules/.bin/tsc')).toBe('../typescript/bin/tsc');
    const lock = JSON.parse(new TextDecoder().decode(await fs.readFile('/app/package-lock.json'))) as { lockfileVersion: number; packages: Record<string, { dev?: boolean }> };
    expect(lock.lockfileVersion).toBe(3);
    expect(lock.packages['node_modules/jest']?.dev).toBe(true);
    near(await du(fs, '/root/.npm/_cacache'), (size('express') + size('typescript') + size('jest')) * catalog.data.cacheRatio);
    expect(r.simulatedSeconds).toBeGreaterThan(20);
  });

  it('--omit=dev, --only=production and NODE_ENV=production keep only dependencies', async () => {
    for (const [flags, env] of [['--omit=dev', {}], ['--only=production', {}], ['', { NODE_ENV: 'production' }]] as const) {
      const fs = nodeFs({ '/app/package.json': PKG });
      const r = await run(`npm install ${flags}`, fs, '/app', env);
      expect(r.exitCode).toBe(0);
      near(await du(fs, '/app/node_modules'), size('express'));
      expect(await fs.exists('/app/node_modules/typescript')).toBe(false);
    }
  });

  it('npm install NAME adds it to package.json (creating one) and -D to devDependencies', async () => {
    const fs = nodeFs();
    const r = await run('npm i lodash && npm install -D typescript@5.3.3', fs);
    expect(r.exitCode).toBe(0);
    const pj = JSON.parse(new TextDecoder().decode(await fs.readFile('/app/package.json'))) as Record<string, unknown>;
    expect(pj).toMatchObject({ dependencies: { lodash: '^4.17.21' }, devDependencies: { typescript: '5.3.3' } });
  });

  it('fails like npm for an unknown package and a missing exact version', async () => {
    const fs = nodeFs();
    const r = await run('npm install left-padx', fs);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.npmjs.org/left-padx - Not found\n');
    expect(r.stderr).toContain("npm ERR! 404  'left-padx@*' is not in this registry.");
    const t = await run('npm install express@3.0.0', fs);
    expect(t.stderr).toContain('npm ERR! code ETARGET\nnpm ERR! notarget No matching version found for express@3.0.0.');
  });

  it('npm ci needs a lock file, removes node_modules and installs from it', async () => {
    const fs = nodeFs({ '/app/package.json': PKG, '/app/node_modules/stale/index.js': 'x' });
    const none = await run('npm ci', fs);
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toContain('npm ERR! code EUSAGE\nnpm ERR! \nnpm ERR! The `npm ci` command can only install with an existing package-lock.json or\nnpm ERR! npm-shrinkwrap.json with lockfileVersion >= 1.');
    await run('npm install --omit=dev', fs);
    const ci = await run('npm ci --omit=dev', fs);
    expect(ci.exitCode).toBe(0);
    expect(ci.stdout).toContain('added 70 packages, and audited 71 packages');
    expect(await fs.exists('/app/node_modules/stale')).toBe(false);
    await fs.writeFile('/app/package.json', JSON.stringify({ dependencies: { express: '^4.18.2', cors: '^2.8.5' } }));
    const drift = await run('npm ci', fs);
    expect(drift.stderr).toContain('Missing: cors@2.8.5 from lock file');
  });

  it('cache clean needs --force and then empties ~/.npm/_cacache', async () => {
    const fs = nodeFs();
    await run('npm install express', fs);
    const refused = await run('npm cache clean', fs);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('npm ERR! As of npm@5, the npm cache self-heals from corruption issues');
    const r = await run('npm cache clean --force', fs);
    expect(r.stderr).toBe('npm WARN using --force Recommended protections disabled.\n');
    expect(await du(fs, '/root/.npm/_cacache')).toBe(0);
  });

  it('react-scripts takes minutes on the simulated clock', async () => {
    const fs = nodeFs({ '/app/package.json': JSON.stringify({ dependencies: { react: '^18.2.0', 'react-dom': '^18.2.0', 'react-scripts': '5.0.1' } }) });
    const r = await run('npm install', fs);
    expect(r.exitCode).toBe(0);
    expect(r.simulatedSeconds).toBeGreaterThan(60);
    expect(r.simulatedSeconds).toBeLessThan(300);
    near(await du(fs, '/app/node_modules'), size('react') + size('react-dom') + size('react-scripts'));
  });
});

describe('npm run', () => {
  it('runs a script with node_modules/.bin on PATH and the banner; tsc emits dist from src', async () => {
    const fs = nodeFs({ '/app/package.json': PKG, '/app/tsconfig.json': '{ "compilerOptions": { "outDir": "dist" }, // c\n "include": ["src"] }', '/app/src/index.ts': 'const x: number = 1;\nconsole.log(x);\n'.repeat(50) });
    const r = await run('npm ci 2>/dev/null || npm install >/dev/null && npm run build', fs);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('\n> web@1.0.0 build\n> tsc\n\n');
    expect(await fs.readdir('/app/dist')).toEqual(['index.js']);
    expect(await du(fs, '/app/dist')).toBeGreaterThan(0);
  });

  it('fails like npm for a missing script and a failing command', async () => {
    const fs = nodeFs({ '/app/package.json': PKG });
    const missing = await run('npm run lint', fs);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('npm ERR! Missing script: "lint"\nnpm ERR! \nnpm ERR! To see a list of scripts, run:\nnpm ERR!   npm run\n');
    const failing = await run('npm run build', fs);
    expect(failing.exitCode).toBe(127);
    expect(failing.stderr).toContain('sh: 1: tsc: not found\nnpm ERR! code 127\nnpm ERR! path /app\nnpm ERR! command failed\nnpm ERR! command sh -c tsc\n');
  });

  it('webpack bundles src plus the bundleSize of installed dependencies into dist/main.js', async () => {
    const pj = JSON.stringify({ name: 'app', version: '1.0.0', scripts: { build: 'webpack --mode production' }, dependencies: { react: '^18.2.0', 'react-dom': '^18.2.0' }, devDependencies: { webpack: '^5.89.0', 'webpack-cli': '^5.1.4' } });
    const fs = nodeFs({ '/app/package.json': pj, '/app/src/index.js': 'x'.repeat(10_000) });
    const r = await run('npm install >/dev/null && npm run build', fs);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/webpack 5\.89\.0 compiled successfully/);
    expect(fs.sizes.get('/app/dist/main.js')).toBe(5500 + 6500 + 131000);
  });

  it('npm test runs jest over the test files', async () => {
    const fs = nodeFs({ '/app/package.json': PKG, '/app/src/a.test.js': "test('a', () => {});\nit('b', () => {});\n" });
    const r = await run('npm install >/dev/null && npm test', fs);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('PASS src/a.test.js');
    expect(r.stderr).toContain('Tests:       2 passed, 2 total');
  });
});

describe('node, npx, yarn', () => {
  it('node runs a script whose modules are installed, and fails like Node 18 when one is missing', async () => {
    const fs = nodeFs({ '/app/server.js': "const express = require('express');\nconst path = require('node:path');\nconsole.log('listening');\n" });
    const before = await run('node -v && node server.js', fs);
    expect(before.stdout).toBe('v18.19.0\n');
    expect(before.exitCode).toBe(1);
    expect(before.stderr).toContain("Error: Cannot find module 'express'\nRequire stack:\n- /app/server.js\n");
    expect(before.stderr).toMatch(/Node\.js v18\.19\.0\n$/);
    const after = await run('npm install express >/dev/null && node server.js && node -e "console.log(\'hi\')"', fs);
    expect(after.exitCode).toBe(0);
    expect(after.stdout).toBe('listening\nhi\n');
    const none = await run('node nope.js', fs);
    expect(none.stderr).toContain("Error: Cannot find module '/app/nope.js'");
  });

  it('npx runs a local bin, or installs the package into ~/.npm/_npx', async () => {
    const fs = nodeFs();
    const r = await run('npx tsc --version', fs);
    expect(r.stderr).toBe('npm WARN exec The following package was not found and will be installed: typescript@5.3.3\n');
    expect(r.stdout).toBe('Version 5.3.3\n');
    const bad = await run('npx no-such-tool', fs);
    expect(bad.stderr).toContain('npm ERR! code E404');
  });

  it('yarn install fills its cache until yarn cache clean; yarn build runs the script', async () => {
    const pj = JSON.stringify({ name: 'y', version: '1.0.0', scripts: { build: 'tsc' }, dependencies: { express: '^4.18.2' }, devDependencies: { typescript: '^5.3.3' } });
    const fs = nodeFs({ '/app/package.json': pj, '/app/tsconfig.json': '{"compilerOptions":{"outDir":"dist"}}', '/app/src/a.ts': 'export const a = 1;\n' });
    const r = await run('yarn install', fs);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('yarn install v1.22.19\ninfo No lockfile found.\n[1/4] Resolving packages...\n');
    expect(r.stdout).toContain('success Saved lockfile.\n');
    expect(await fs.exists('/app/yarn.lock')).toBe(true);
    near(await du(fs, '/usr/local/share/.cache/yarn'), size('express') + size('typescript'));
    const b = await run('yarn build', fs);
    expect(b.stdout).toContain('$ tsc\n');
    expect(await fs.exists('/app/dist/src/a.js')).toBe(true);
    const c = await run('yarn cache clean', fs);
    expect(c.stdout).toContain('success Cleared cache.');
    expect(await fs.exists('/usr/local/share/.cache/yarn')).toBe(false);
    const bad = await run('yarn add not-a-real-pkg-x', fs);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('error An unexpected error occurred: "https://registry.yarnpkg.com/not-a-real-pkg-x: Not found".');
  });
});
