import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { LabExercise } from '@/lib/content';
import { openIndexedDbStore } from '@/lib/engine';
import { openLightningFs } from '@/lib/workspace';
import { nodeSha256 } from '@/tests/helpers/node-sha256';
import { createWebLocks } from '@/tests/helpers/web-locks';
import { createEngine, type Engine } from './engine';

// Labs in the engine as the worker runs it (fake-indexeddb, lightning-fs): open, work in the
// terminal, check. Each test has its own databases (a fresh browser profile).
const locks = createWebLocks();
(globalThis.navigator as { locks?: unknown }).locks = locks;

let profile = 0;
const engines: Engine[] = [];
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.dispose();
});

function tab(): Engine {
  const id = ++profile;
  const engine = createEngine({
    openStore: (name) => openIndexedDbStore({ workspace: `lab${id}-${name}` }),
    openFiles: (name, mount) => openLightningFs(`layerlab-lab${id}-${name.replace(/^layerlab-/, '')}`, { mount }),
    sha256: nodeSha256,
    databases: indexedDB,
    locks,
    now: () => Date.parse('2026-01-01T00:00:00Z'),
  });
  engines.push(engine);
  return engine;
}

const LAB: LabExercise = {
  id: 'test/lab-tag',
  lesson: 'test',
  kind: 'lab',
  title: 'Tag an image',
  prompt: 'Build `lab:1` and tag it `lab:2`.',
  hints: [],
  explanation: '',
  setup: ['docker pull alpine:3.19'],
  starter: { files: { Dockerfile: 'FROM alpine:3.19\nCMD ["sh"]\n', 'notes/readme.txt': 'hello\n' }, commands: [] },
  solution: { files: {}, commands: ['docker build -t lab:1 .', 'docker tag lab:1 lab:2'] },
  checks: [
    { id: 'tagged', kind: 'image-exists', image: 'lab:2' },
    { id: 'used-tag', kind: 'command', command: 'docker tag lab:1 lab:2', used: true },
    // The setup's pull is not the student's: it must not be in the history the checks read.
    { id: 'no-pull', kind: 'command', command: 'docker pull alpine:3.19', used: false, required: true, points: 0 },
  ],
};

const run = (engine: Engine, line: string) => engine.terminal.run(line, () => undefined);

describe('labs in the engine worker', () => {
  it('opens a lab: the starter files replace the workspace, setup runs, the terminal starts afresh', async () => {
    const engine = tab();
    await engine.openExample('layer-concept');
    await run(engine, 'echo before');
    await engine.openLab(LAB);
    expect((await engine.listWorkspace()).map((e) => e.path)).toEqual(['Dockerfile', 'notes', 'notes/readme.txt']);
    expect(await engine.readFile('Dockerfile')).toBe('FROM alpine:3.19\nCMD ["sh"]\n');
    // The setup pulled alpine; its line is not in the history the student sees either.
    expect((await engine.listImages()).flatMap((i) => i.tags)).toContain('alpine:3.19');
    expect(await engine.terminal.history()).toEqual([]);
  });

  it('grades what the student did after opening: not passed at first, passed after the solution', async () => {
    const engine = tab();
    await engine.openLab(LAB);
    const before = await engine.gradeLab(LAB);
    expect(before).toMatchObject({ id: LAB.id, passed: false, gradable: true, score: 0, max: 2 });
    expect(before.checks.map((c) => [c.id, c.status])).toEqual([
      ['tagged', 'fail'],
      ['used-tag', 'fail'],
      ['no-pull', 'pass'],
    ]);
    for (const line of LAB.solution.commands) expect((await run(engine, line)).exitCode).toBe(0);
    const after = await engine.gradeLab(LAB);
    expect(after).toMatchObject({ passed: true, score: 2, max: 2 });
  });

  it('builds lab.build before grading and reads the workspace', async () => {
    const engine = tab();
    const lab: LabExercise = {
      ...LAB,
      id: 'test/lab-build',
      setup: [],
      build: { tag: 'graded:latest' },
      checks: [
        { id: 'built', kind: 'image-exists', image: 'graded:latest' },
        { id: 'alpine', kind: 'base-image', matches: ['alpine:*'] },
      ],
    };
    await engine.openLab(lab);
    expect(await engine.gradeLab(lab)).toMatchObject({ passed: true, score: 2 });
    await engine.writeFile('Dockerfile', 'FROM ubuntu:22.04\n');
    const changed = await engine.gradeLab(lab);
    expect(changed.passed).toBe(false);
    expect(changed.checks.find((c) => c.id === 'alpine')?.status).toBe('fail');
  });

  it('a reopened lab starts over: earlier lines no longer count', async () => {
    const engine = tab();
    await engine.openLab(LAB);
    for (const line of LAB.solution.commands) await run(engine, line);
    await engine.openLab(LAB);
    const again = await engine.gradeLab(LAB);
    expect(again.checks.find((c) => c.id === 'used-tag')?.status).toBe('fail');
  });

  it('tries the starter and the reference solution in a scratch engine', async () => {
    const engine = tab();
    const starter = await engine.tryLab(LAB, 'starter');
    const solution = await engine.tryLab(LAB, 'solution');
    expect(starter.result.passed).toBe(false);
    expect(solution.result.passed).toBe(true);
    expect(solution.transcript).toContain('$ docker tag lab:1 lab:2');
    // The scratch engine leaves the student's store alone.
    expect((await engine.listImages()).flatMap((i) => i.tags)).not.toContain('lab:2');
  });
});
