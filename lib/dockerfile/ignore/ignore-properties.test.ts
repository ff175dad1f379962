import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DockerfileError } from '../errors';
import { createContextFilter } from './context-filter';
import { explainIgnored, isIgnored } from './is-ignored';
import { parseIgnore, type IgnoreFile } from './parse-ignore';

/** Pattern text made of the pieces that matter to moby's compiler and Go's regexp parser. */
const patternToken = fc.constantFrom(
  'a', 'b', 'dir', '/', '*', '**', '?', '[', ']', '^', '-', '!', '\\', '.', '{', '}', '(', ')', '|', '$', '+',
  ':', '[:alpha:]', '\\d', '\\pL', '\\Q', '\\E', '{2}', ' ', '#', 'é', '😀', '\uFEFF', '..', './', '[a-c]',
);
const patternLine = fc.array(patternToken, { maxLength: 8 }).map((tokens) => tokens.join(''));
const ignoreText = fc
  .tuple(fc.array(patternLine, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'))
  .map(([lines, eol]) => lines.join(eol));
const anyText = fc.oneof(ignoreText, fc.string({ unit: 'binary', maxLength: 40 }));

const pathSegment = fc.oneof(
  fc.constantFrom('a', 'b', 'dir', 'node_modules', '.git', 'x.pyc', 'README.md', 'é', '[', ']', '*', '\\', '$', '.', '..'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }),
);
const anyPath = fc.oneof(
  fc.array(pathSegment, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('/')),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

/** The file for `text`, or null when Docker refuses it (always with a DockerfileError). */
function tryParse(text: string): IgnoreFile | null {
  try {
    return parseIgnore(text);
  } catch (error) {
    if (!(error instanceof DockerfileError)) throw error;
    expect(error.code).toBe('ignore-pattern');
    expect(error.line).toBeGreaterThanOrEqual(1);
    return null;
  }
}

describe('properties', () => {
  it('any pattern text either parses or throws a DockerfileError with a line', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        tryParse(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('isIgnored, explainIgnored and the context filter never throw, whatever the path', () => {
    fc.assert(
      fc.property(ignoreText, fc.array(anyPath, { maxLength: 6 }), (text, paths) => {
        const file = tryParse(text);
        if (file === null) return;
        const filter = createContextFilter(file);
        for (const path of paths) {
          const ignored = isIgnored(path, file);
          expect(typeof ignored).toBe('boolean');
          expect(explainIgnored(path, file) !== null).toBe(ignored);
          expect(typeof filter(path, false)).toBe('boolean');
          expect(typeof filter.canSkipDir(path)).toBe('boolean');
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('the filter sends exactly what isIgnored keeps, apart from the build files', () => {
    fc.assert(
      fc.property(ignoreText, fc.array(anyPath, { maxLength: 6 }), (text, paths) => {
        const file = tryParse(text);
        if (file === null) return;
        const filter = createContextFilter(file);
        for (const path of paths) {
          if (/^[/.]*(Dockerfile|\.dockerignore)/.test(path)) continue;
          expect(filter(path, false), path).toBe(!isIgnored(path, file));
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('a path written differently but cleaning the same gets the same answer', () => {
    fc.assert(
      fc.property(ignoreText, fc.array(pathSegment, { minLength: 1, maxLength: 4 }), (text, parts) => {
        const file = tryParse(text);
        if (file === null) return;
        const path = parts.join('/');
        const answer = isIgnored(path, file);
        expect(isIgnored('./' + path, file)).toBe(answer);
        expect(isIgnored(path + '/', file)).toBe(answer);
        expect(isIgnored(path.split('/').join('//'), file)).toBe(answer);
      }),
      { numRuns: 1000 },
    );
  });

  it('a literal path excludes itself and everything below; a following exception re-includes it', () => {
    const safe = fc.stringMatching(/^[a-z0-9_-]{1,8}(\/[a-z0-9_-]{1,6}(\.[a-z]{1,3})?){0,3}$/);
    fc.assert(
      fc.property(safe, fc.stringMatching(/^[a-z]{1,5}$/), (path, child) => {
        const file = parseIgnore(path);
        expect(isIgnored(path, file)).toBe(true);
        expect(isIgnored(`${path}/${child}`, file)).toBe(true);
        expect(isIgnored(path, parseIgnore(`${path}\n!${path}`))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('performance', () => {
  const bases = [
    'node_modules', '*.pyc', '**/*.log', '**/__pycache__', '.git', 'dist/**', 'build/', '!build/keep.txt',
    'docs/*.md', '**/tmp/**', '*.{js,ts}', 'a*b*c*d*e*f', '**/test?_*.py', '[abc]*.tmp', '!**/important.log',
    'coverage', '.env*', '*.swp', '**/.DS_Store', 'vendor/**/*.go',
  ];
  const text = Array.from({ length: 50 }, (_, i) => (bases[i % bases.length] ?? '') + (i < bases.length ? '' : String(i))).join('\n');
  const dirs = ['src', 'src/app/components', 'node_modules/react/lib', 'docs', 'build', 'tests/unit', 'vendor/x/y', 'a/b/c/d/e'];
  const names = ['index.ts', 'a.pyc', 'x.log', 'README.md', 'keep.txt', 'test1_a.py', 'abcdef', '.DS_Store', 'main.go'];
  const paths = Array.from({ length: 10_000 }, (_, i) => `${dirs[i % dirs.length]}/${i % 500}/${names[(i * 7) % names.length]}`);

  it('matches 10,000 paths against 50 patterns in milliseconds', () => {
    const file = parseIgnore(text);
    const started = performance.now();
    const excluded = paths.filter((path) => isIgnored(path, file)).length;
    const filter = createContextFilter(file);
    const sent = paths.filter((path) => filter(path, false)).length;
    const elapsed = performance.now() - started;
    expect(excluded + sent).toBe(paths.length);
    // Typically 50-150 ms for both passes; the bound leaves room for a loaded CI machine.
    expect(elapsed).toBeLessThan(1500);
  });

  it('stays linear on patterns that make backtracking engines explode', () => {
    const file = parseIgnore('*a*a*a*a*a*a*a*a*a*a*a*b\n**/**/**/**/**/**/**/x\n*|*a*a*a*a*a*c');
    const started = performance.now();
    expect(isIgnored('a'.repeat(50_000), file)).toBe(true); // `*|...`: the alternation's left side
    expect(isIgnored('q'.repeat(50_000), parseIgnore('*a*a*a*a*a*a*a*a*b'))).toBe(false);
    expect(isIgnored('a/'.repeat(300) + 'y', parseIgnore('**/**/**/**/**/x'))).toBe(false);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
