/**
 * The `.dockerignore` examples of material/3.1-working-with-images.md, applied to realistic
 * project trees: exactly which files `docker build` sends (Docker CLI + BuildKit walker), and
 * which ones `COPY . .` can see. Expectations follow moby's patternmatcher, checked against it.
 */
import { describe, expect, it } from 'vitest';
import { createContextFilter, explainIgnored, isIgnored, parseIgnore } from '@/lib/dockerfile';

/** Walks `files` like BuildKit: sorted, directories first visited, skipped ones not entered. */
function walkContext(ignoreText: string, files: string[], dockerfilePath?: string) {
  const file = parseIgnore(ignoreText);
  const filter = createContextFilter(file, dockerfilePath === undefined ? {} : { dockerfilePath });
  const dirs = new Set<string>();
  for (const path of files) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const skipped = [...dirs].filter((dir) => filter.canSkipDir(dir) && !filter.canSkipDir(dir.split('/').slice(0, -1).join('/') || '.'));
  const entered = [...dirs].filter((dir) => !filter.canSkipDir(dir));
  const sent = files.filter((path) => filter(path, false)).sort();
  return { file, sent, skipped: skipped.sort(), entered: entered.sort() };
}

describe('material 3.1 "Build Context": a Python app', () => {
  // The block under "# Good: Use .dockerignore".
  const dockerignore = 'tests/\n.git/\n*.pyc\n__pycache__/\n';
  const tree = [
    'Dockerfile',
    '.dockerignore',
    'requirements.txt',
    'README.md',
    'app/__init__.py',
    'app/main.py',
    'app/utils.py',
    'app/helpers.pyc',
    'app/__pycache__/main.cpython-311.pyc',
    'app/__pycache__/utils.cpython-311.pyc',
    '__pycache__/conftest.cpython-311.pyc',
    'setup.pyc',
    'tests/__init__.py',
    'tests/conftest.py',
    'tests/test_main.py',
    'tests/fixtures/data.json',
    '.git/HEAD',
    '.git/config',
    '.git/objects/4b/825dc642cb6eb9a060e54bf8d69288fbee4904',
  ];

  it('sends the app and leaves out tests/, .git/ and the top-level bytecode', () => {
    expect(walkContext(dockerignore, tree).sent).toEqual([
      '.dockerignore',
      'Dockerfile',
      'README.md',
      'app/__init__.py',
      'app/__pycache__/main.cpython-311.pyc',
      'app/__pycache__/utils.cpython-311.pyc',
      'app/helpers.pyc',
      'app/main.py',
      'app/utils.py',
      'requirements.txt',
    ]);
  });

  it('anchors `*.pyc` and `__pycache__/` at the context root, so app/ bytecode is still sent', () => {
    const { file } = walkContext(dockerignore, tree);
    expect(isIgnored('setup.pyc', file)).toBe(true);
    expect(isIgnored('app/helpers.pyc', file)).toBe(false);
    expect(isIgnored('__pycache__/conftest.cpython-311.pyc', file)).toBe(true);
    expect(isIgnored('app/__pycache__/main.cpython-311.pyc', file)).toBe(false);
    // With `**/` the patterns reach every directory.
    const fixed = walkContext('tests/\n.git/\n**/*.pyc\n**/__pycache__/\n', tree);
    expect(fixed.sent).toEqual(['.dockerignore', 'Dockerfile', 'README.md', 'app/__init__.py', 'app/main.py', 'app/utils.py', 'requirements.txt']);
  });

  it('does not even walk into tests/ and .git/', () => {
    const { skipped, entered } = walkContext(dockerignore, tree);
    expect(skipped).toEqual(['.git', '__pycache__', 'tests']);
    expect(entered).toEqual(['app', 'app/__pycache__']);
  });

  it('explains each exclusion by its line', () => {
    const { file } = walkContext(dockerignore, tree);
    expect(explainIgnored('tests/fixtures/data.json', file)).toMatchObject({ line: 1, text: 'tests/' });
    expect(explainIgnored('.git/config', file)).toMatchObject({ line: 2, text: '.git/' });
    expect(explainIgnored('setup.pyc', file)).toMatchObject({ line: 3, text: '*.pyc' });
    expect(explainIgnored('__pycache__/conftest.cpython-311.pyc', file)).toMatchObject({ line: 4, text: '__pycache__/' });
    expect(explainIgnored('app/main.py', file)).toBeNull();
  });
});

describe('material 3.1 best practice 3 "Use .dockerignore": a Node app', () => {
  const dockerignore = [
    '# .dockerignore',
    '.git',
    'node_modules',
    'npm-debug.log',
    'Dockerfile',
    '.dockerignore',
    '.env',
    '*.md',
    'tests/',
  ].join('\n');
  const tree = [
    'Dockerfile',
    '.dockerignore',
    'package.json',
    'package-lock.json',
    'server.js',
    'src/index.js',
    'src/routes/users.js',
    'node_modules/express/index.js',
    'node_modules/express/package.json',
    'node_modules/.bin/nodemon',
    'npm-debug.log',
    '.env',
    '.env.example',
    'README.md',
    'CHANGELOG.md',
    'docs/setup.md',
    'tests/app.test.js',
    '.git/HEAD',
  ];

  it('sends the app, plus Dockerfile and .dockerignore although they are listed', () => {
    expect(walkContext(dockerignore, tree).sent).toEqual([
      '.dockerignore',
      '.env.example',
      'Dockerfile',
      'docs/setup.md',
      'package-lock.json',
      'package.json',
      'server.js',
      'src/index.js',
      'src/routes/users.js',
    ]);
  });

  it('keeps the secrets and dependencies out and skips node_modules entirely', () => {
    const { file, skipped } = walkContext(dockerignore, tree);
    expect(isIgnored('.env', file)).toBe(true);
    expect(isIgnored('node_modules/express/index.js', file)).toBe(true);
    expect(skipped).toEqual(['.git', 'node_modules', 'tests']);
  });

  it('hides the listed Dockerfile from COPY although the CLI sends it', () => {
    const { file } = walkContext(dockerignore, tree);
    expect(isIgnored('Dockerfile', file)).toBe(true);
    expect(isIgnored('.dockerignore', file)).toBe(true);
    expect(explainIgnored('Dockerfile', file)).toMatchObject({ line: 5, text: 'Dockerfile' });
  });

  it('sends a Dockerfile given with -f from an excluded directory', () => {
    const withDocker = [...tree, 'docker/Dockerfile.prod', 'docker/notes.txt'];
    const { sent } = walkContext(dockerignore + '\ndocker', withDocker, 'docker/Dockerfile.prod');
    expect(sent).toContain('docker/Dockerfile.prod');
    expect(sent).not.toContain('docker/notes.txt');
  });
});
