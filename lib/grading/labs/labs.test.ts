import { describe, expect, it } from 'vitest';
import type { LabCheckData, LabExercise } from '@/lib/content';
import { createMemoryStore } from '@/lib/engine';
import { evaluateCheck } from '../checks/evaluate';
import { runLabScenario } from './lab-scenario';
import { gradeLabAttempt, toLabDefinition } from './to-lab-definition';
import { validateLabCheck } from './validate-check';

function lab(fields: Partial<LabExercise> & Pick<LabExercise, 'checks'>): LabExercise {
  return {
    id: '9.9/lab-test',
    lesson: '9.9',
    kind: 'lab',
    title: 'Test lab',
    prompt: 'Do it.',
    hints: [],
    explanation: 'Because.',
    setup: [],
    starter: { files: {}, commands: [] },
    solution: { files: {}, commands: [] },
    ...fields,
  };
}

const check = (fields: Record<string, unknown>): LabCheckData => ({ id: 'c', ...fields }) as LabCheckData;

describe('validateLabCheck', () => {
  it('accepts a well-formed check of each shape', () => {
    expect(validateLabCheck(check({ kind: 'image-size', image: 'app', below: '200MB', required: true, hint: 'h' }))).toEqual([]);
    expect(validateLabCheck(check({ kind: 'layer-reused', image: 'a:2', previous: 'a:1', step: 'RUN *', reused: true }))).toEqual([]);
    expect(validateLabCheck(check({ kind: 'registry-tag', ref: 'r.example.com/a:1', platforms: ['linux/amd64', 'linux/arm64'] }))).toEqual([]);
    expect(validateLabCheck(check({ kind: 'archive-tags', path: 'a.tar', tags: ['a:1'], layers: { min: 2 } }))).toEqual([]);
  });

  it('names what is wrong, parameter by parameter', () => {
    expect(validateLabCheck(check({ kind: 'image-sise', image: 'app' }))).toEqual([expect.stringMatching(/^kind: unknown check kind "image-sise" \(known: image-exists, image-size, /)]);
    expect(validateLabCheck(check({ kind: 'file', image: 'app', present: 'yes' }))).toEqual(['path: required for a file check', 'present: expected true or false']);
    expect(validateLabCheck(check({ kind: 'image-size', image: 'app', below: 'small' }))).toEqual(['below: not a size: "small" (write 200MB, 1.5GB or 190MiB)']);
    expect(validateLabCheck(check({ kind: 'image-size', image: 'app' }))).toEqual(['image-size: give below or above']);
    expect(validateLabCheck(check({ kind: 'command', command: 'docker save', used: true, image: 'x' }))).toEqual([expect.stringMatching(/^image: a command check has no such parameter \(it has command, used\)$/)]);
    expect(validateLabCheck(check({ kind: 'config', image: 'app', field: 'Cmdd', equals: [] }))).toEqual(['field: expected one of Cmd, Entrypoint, Env, ExposedPorts, User, WorkingDir, Labels']);
    expect(validateLabCheck(check({ kind: 'archive-tags', path: 'a.tar', tags: [], layers: { least: 1 } }))).toEqual(['tags: expected a list of strings', 'layers: expected {min, max} numbers']);
  });

  it('toLabDefinition leaves broken checks out and gradeLabAttempt does not count the attempt', async () => {
    const broken = lab({ checks: [check({ kind: 'dangling-count', max: 0 }), check({ id: 'bad', kind: 'image-size', image: 'x', below: 'big' })] });
    const { definition, issues } = toLabDefinition(broken);
    expect(definition.checks.map((c) => c.id)).toEqual(['c']);
    expect(issues).toEqual(['checks[1].below: not a size: "big" (write 200MB, 1.5GB or 190MiB)']);
    const store = createMemoryStore();
    const result = await gradeLabAttempt(broken, { store, history: [] });
    expect(result).toMatchObject({ passed: false, gradable: false, score: 1, max: 1 });
    expect(result.feedback.at(-1)).toBe('This lab has mistakes in its checks, so this attempt does not count.');
    await store.close();
  });
});

describe('runLabScenario', () => {
  const built = lab({
    setup: ['docker pull -q alpine:3.19'],
    starter: { files: { Dockerfile: 'FROM alpine:3.19\nCOPY app.sh /app.sh\nCMD ["sh", "/app.sh"]\n', 'app.sh': 'echo one\n', 'notes.txt': 'x'.repeat(5000) }, commands: ['docker build -q -t app:1 .'] },
    solution: { files: { 'app.sh': 'echo two\n', '.dockerignore': 'notes.txt\n' }, commands: ['docker build -q -t app:2 .', 'docker inspect --format "{{.Architecture}}" app:2 > arch.txt'] },
    build: { tag: 'app:check' },
    checks: [
      check({ id: 'copy-new', kind: 'layer-reused', image: 'app:2', previous: 'app:1', step: 'COPY app.sh /app.sh', reused: false, required: true }),
      check({ id: 'base-shared', kind: 'layer-reused', image: 'app:2', previous: 'app:1', step: 'ADD *', reused: true, required: true }),
      check({ id: 'cached', kind: 'build-cached', step: 'COPY app.sh*', cached: true, required: true }),
      check({ id: 'context', kind: 'context-size', below: '1kB', required: true }),
      check({ id: 'arch', kind: 'workspace-file', path: 'arch.txt', equals: 'amd64', required: true }),
      check({ id: 'no-pull', kind: 'command', command: 'docker pull', used: false, required: true }),
    ],
  });

  it('plays the solution over the starter and grades what it built', async () => {
    const { result, transcript } = await runLabScenario(built, 'solution');
    expect(result.checks.map((c) => [c.id, c.status])).toEqual([
      ['copy-new', 'pass'],
      ['base-shared', 'pass'],
      ['cached', 'pass'],
      ['context', 'pass'],
      ['arch', 'pass'],
      // setup's `docker pull` is not part of the history the checks read
      ['no-pull', 'pass'],
    ]);
    expect(result.passed).toBe(true);
    expect(result.checks.find((c) => c.id === 'copy-new')?.detail).toBe('COPY app.sh /app.sh: new layer, not in app:1');
    expect(transcript).toMatch(/^# setup\n\$ docker pull -q alpine:3\.19\n/);
    expect(transcript).toContain('# solution\n$ docker build -q -t app:1 .\n');
    expect(transcript).toContain('# check: docker build -t app:check .\n');
    expect(transcript).toMatch(/# passed: 6\/6\n/);
  }, 60_000);

  it('grades the starter alone as failing, with the checks that say why', async () => {
    const { result, transcript } = await runLabScenario(built, 'starter');
    expect(result.passed).toBe(false);
    const status = Object.fromEntries(result.checks.map((c) => [c.id, c.status]));
    expect(status).toMatchObject({ 'copy-new': 'fail', context: 'fail', arch: 'fail', cached: 'pass' });
    expect(result.checks.find((c) => c.id === 'context')?.detail).toMatch(/^the build context is 5\.\d+kB \(5\d{3} bytes\)$/);
    expect(result.checks.find((c) => c.id === 'arch')?.detail).toBe('no arch.txt in the workspace');
    expect(transcript).not.toContain('$ docker build -q -t app:2');
  }, 60_000);

  it('checks every platform of a pushed image index', async () => {
    const multi = lab({
      starter: { files: { Dockerfile: 'FROM alpine:3.19\nCMD ["true"]\n' }, commands: ['echo s | docker login registry.company.com -u student --password-stdin'] },
      solution: { files: {}, commands: ['docker buildx create --use', 'docker buildx build --platform linux/amd64,linux/arm64 -t registry.company.com/m:1 --push .'] },
      checks: [check({ id: 'arm', kind: 'registry-tag', ref: 'registry.company.com/m:1', platforms: ['linux/amd64', 'linux/arm64'] })],
    });
    expect((await runLabScenario(multi, 'solution')).result.passed).toBe(true);
    const single = lab({ ...multi, solution: { files: {}, commands: ['docker build -q -t registry.company.com/m:1 .', 'docker push -q registry.company.com/m:1'] } });
    const { result } = await runLabScenario(single, 'solution');
    expect(result.passed).toBe(false);
    expect(result.checks[0]?.detail).toMatch(/^registry\.company\.com\/m:1 has no linux\/arm64 variant: /);
  }, 60_000);
});

describe('checks that need what only some faces give', () => {
  it('context-size cannot run without a build context, layer-reused names a missing image', async () => {
    const store = createMemoryStore();
    const ctx = { store, history: [] };
    expect(await evaluateCheck({ id: 'c', kind: 'context-size', below: '1kB' }, ctx)).toMatchObject({ status: 'error', detail: 'no build context to measure' });
    expect(await evaluateCheck({ id: 'r', kind: 'layer-reused', image: 'a:2', previous: 'a:1', step: 'RUN *', reused: true }, ctx)).toMatchObject({ status: 'fail', detail: 'no image a:2' });
    expect(await evaluateCheck({ id: 'w', kind: 'workspace-file', path: 'x.txt' }, ctx)).toMatchObject({ status: 'error' });
    await store.close();
  });
});
