import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DockerfileError } from '@/lib/dockerfile';
import { dumpDockerfile, parseDockerfile } from '@/lib/dockerfile/parse';

/**
 * BuildKit's parser fixtures (tests/conformance/buildkit-parser{,-negative}, see their READMEs),
 * run the way upstream's parser_test.go runs them: a positive case must parse and its dump plus
 * "\n" must equal `result`; a negative case must fail (we also check the message).
 */

function fixtureDir(name: string): string {
  return fileURLToPath(new URL(`./${name}/`, import.meta.url));
}

function cases(name: string): string[] {
  const dir = fixtureDir(name);
  return readdirSync(dir)
    .filter((entry) => statSync(`${dir}${entry}`).isDirectory())
    .sort();
}

function read(name: string, file: string): string {
  return readFileSync(`${fixtureDir(name)}${file}`, 'utf8');
}

const POSITIVE = cases('buildkit-parser');
const NEGATIVE = cases('buildkit-parser-negative');

describe('BuildKit parser fixtures: positive cases', () => {
  it('has all 33 cases', () => {
    expect(POSITIVE).toHaveLength(33);
  });

  it.each(POSITIVE)('%s dumps to its result', (name) => {
    const df = parseDockerfile(read('buildkit-parser', `${name}/Dockerfile`));
    // Upstream normalises CRLF in `result` on Windows only; the files are LF.
    expect(dumpDockerfile(df)).toBe(read('buildkit-parser', `${name}/result`));
  });
});

const EXPECTED_ERRORS: Record<string, { code: string; message: string }> = {
  empty_dockerfile: { code: 'no-instructions', message: 'file with no instructions' },
  only_comments: { code: 'no-instructions', message: 'file with no instructions' },
  env_no_value: { code: 'env-args', message: 'ENV must have two arguments' },
  'shykes-nested-json': {
    code: 'json-strings-only',
    message: 'when using JSON array syntax, arrays must be comprised of strings only',
  },
};

describe('BuildKit parser fixtures: negative cases', () => {
  it('has all 4 cases', () => {
    expect(NEGATIVE).toEqual(Object.keys(EXPECTED_ERRORS).sort());
  });

  it.each(NEGATIVE)('%s fails with the upstream message', (name) => {
    const source = read('buildkit-parser-negative', `${name}/Dockerfile`);
    let caught: unknown;
    try {
      parseDockerfile(source);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DockerfileError);
    expect(caught).toMatchObject(EXPECTED_ERRORS[name] ?? {});
  });
});
