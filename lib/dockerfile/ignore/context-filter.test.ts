import { describe, expect, it } from 'vitest';
import { DockerfileError } from '../errors';
import { createContextFilter } from './context-filter';
import { parseIgnore } from './parse-ignore';

/** The files of `tree` the filter sends, walking like BuildKit (skipped directories unvisited). */
function sent(text: string, tree: string[], dockerfilePath?: string): string[] {
  const filter = createContextFilter(parseIgnore(text), dockerfilePath === undefined ? {} : { dockerfilePath });
  return tree.filter((path) => !path.endsWith('/') && filter(path, false));
}

describe('createContextFilter: the build files are always sent', () => {
  it('keeps Dockerfile and .dockerignore even when `*` excludes everything', () => {
    expect(sent('*', ['Dockerfile', '.dockerignore', 'app.py', 'src/main.py'])).toEqual(['Dockerfile', '.dockerignore']);
  });

  it('keeps them when they are listed by name, as the material\'s best-practice file does', () => {
    expect(sent('Dockerfile\n.dockerignore\n.git', ['Dockerfile', '.dockerignore', '.git/HEAD', 'app.js'])).toEqual([
      'Dockerfile',
      '.dockerignore',
      'app.js',
    ]);
  });

  it('keeps the Dockerfile given with -f, even inside an excluded directory', () => {
    const filter = createContextFilter(parseIgnore('docker'), { dockerfilePath: 'docker/Dockerfile.prod' });
    expect(filter('docker/Dockerfile.prod', false)).toBe(true);
    expect(filter('docker/compose.yml', false)).toBe(false);
    expect(filter('docker', true)).toBe(false); // the entry itself is excluded...
    expect(filter.canSkipDir('docker')).toBe(false); // ...but the walk must go in
    expect(filter('Dockerfile', false)).toBe(true); // not excluded at all
  });

  it('accepts ./-prefixed Dockerfile paths', () => {
    expect(sent('*', ['Dockerfile.dev', 'x'], './Dockerfile.dev')).toEqual(['Dockerfile.dev']);
  });

  it('only adds a keep rule when the CLI\'s deprecated Matches sees the exclusion', () => {
    // Matches tries a/b only (as deep as `**/build`), so the CLI adds nothing and the
    // Dockerfile is not sent: Docker's own quirk.
    expect(sent('**/build', ['a/b/build/Dockerfile'], 'a/b/build/Dockerfile')).toEqual([]);
    expect(sent('build', ['build/Dockerfile'], 'build/Dockerfile')).toEqual(['build/Dockerfile']);
  });

  it('fails like the CLI when the Dockerfile name is not a valid pattern', () => {
    expect(() => createContextFilter(parseIgnore('*'), { dockerfilePath: 'Dockerfile[' })).toThrow(DockerfileError);
    expect(() => createContextFilter(parseIgnore('*'), { dockerfilePath: 'Dockerfile[' })).toThrow(
      'syntax error in pattern',
    );
  });
});

describe('createContextFilter: what is sent', () => {
  it('sends what .dockerignore does not exclude, with parent-directory matching', () => {
    const tree = ['node_modules/a/index.js', 'src/app.js', 'src/node_modules/x.js', 'debug.log', 'logs/today.log'];
    expect(sent('node_modules\n*.log', tree)).toEqual(['src/app.js', 'src/node_modules/x.js', 'logs/today.log']);
  });

  it('answers for directories: excluded ones are not sent, the root always is', () => {
    const filter = createContextFilter(parseIgnore('tests/\n.git'));
    expect(filter('tests', true)).toBe(false);
    expect(filter('.git', true)).toBe(false);
    expect(filter('src', true)).toBe(true);
    expect(filter('.', true)).toBe(true);
    expect(filter('/', true)).toBe(true);
  });

  it('re-includes exceptions below an excluded directory', () => {
    expect(sent('docs\n!docs/README.md', ['docs/README.md', 'docs/guide.md'])).toEqual(['docs/README.md']);
  });

  it('agrees with any query order', () => {
    const filter = createContextFilter(parseIgnore('a\n!a/keep'));
    expect(filter('a/keep/x', false)).toBe(true);
    expect(filter('a/drop/x', false)).toBe(false);
    expect(filter('a', true)).toBe(false);
    expect(filter('a/keep', true)).toBe(true);
  });
});

describe('createContextFilter: skipping directories (fsutil)', () => {
  it('skips an excluded directory when there are no exceptions', () => {
    const filter = createContextFilter(parseIgnore('node_modules\n.git'));
    expect(filter.canSkipDir('node_modules')).toBe(true);
    expect(filter.canSkipDir('.git')).toBe(true);
    expect(filter.canSkipDir('src')).toBe(false);
    expect(filter.canSkipDir('.')).toBe(false);
  });

  it('does not skip a directory an exception reaches into, but skips its other subdirectories', () => {
    const filter = createContextFilter(parseIgnore('node_modules\n!node_modules/keep'));
    expect(filter.canSkipDir('node_modules')).toBe(false);
    expect(filter.canSkipDir('node_modules/other')).toBe(true);
    expect(filter.canSkipDir('node_modules/keep')).toBe(false);
    expect(filter('node_modules/keep/index.js', false)).toBe(true);
    expect(filter('node_modules/other/index.js', false)).toBe(false);
  });

  it('treats `dir/**` and `dir/*` exceptions as reaching into dir', () => {
    expect(createContextFilter(parseIgnore('*\n!src/**')).canSkipDir('src')).toBe(false);
    expect(createContextFilter(parseIgnore('build\n!build/*')).canSkipDir('build')).toBe(false);
  });

  it('never skips once an exception has a wildcard: anything could come back', () => {
    const filter = createContextFilter(parseIgnore('node_modules\n!**/package.json'));
    expect(filter.canSkipDir('node_modules')).toBe(false);
    expect(filter('node_modules/react/package.json', false)).toBe(true);
    expect(filter('node_modules/react/index.js', false)).toBe(false);
  });

  it('does not send anything below a skipped directory', () => {
    const filter = createContextFilter(parseIgnore('vendor\n!keep'));
    expect(filter.canSkipDir('vendor')).toBe(true);
    expect(filter.canSkipDir('vendor/a/b')).toBe(true);
    expect(filter('vendor/a/b/c.go', false)).toBe(false);
  });

  it('never skips a directory that is sent', () => {
    const filter = createContextFilter(parseIgnore('*.log'));
    expect(filter.canSkipDir('logs')).toBe(false);
  });
});
