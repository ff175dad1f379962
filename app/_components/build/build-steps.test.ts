import { describe, expect, it } from 'vitest';
import type { BuildEvent } from '@/lib/engine';
import { cacheCounts, reduceBuild, STARTED_BUILD, type BuildView } from './build-steps';

const step = (index: number, instruction: string) => ({ stage: null, index, total: 4, instruction, classicIndex: index, classicTotal: 4 });

function replay(events: BuildEvent[]): BuildView {
  return events.reduce(reduceBuild, STARTED_BUILD);
}

const rebuild: BuildEvent[] = [
  { type: 'vertex-start', vertex: 1, name: '[internal] load build definition from Dockerfile' },
  { type: 'vertex-done', vertex: 1, simulatedSeconds: 0, realMs: 1 },
  { type: 'vertex-start', vertex: 2, name: '[1/4] FROM docker.io/library/python:3.9', step: step(1, 'FROM python:3.9') },
  { type: 'vertex-cached', vertex: 2 },
  { type: 'vertex-start', vertex: 3, name: '[2/4] COPY requirements.txt .', step: step(2, 'COPY requirements.txt .') },
  { type: 'vertex-cached', vertex: 3 },
  { type: 'vertex-start', vertex: 4, name: '[3/4] RUN pip install -r requirements.txt', step: step(3, 'RUN pip install -r requirements.txt') },
  { type: 'vertex-cached', vertex: 4 },
  { type: 'vertex-start', vertex: 5, name: '[4/4] COPY app.py .', step: step(4, 'COPY app.py .') },
  { type: 'vertex-log', vertex: 5, text: 'one\ntwo\n', stream: 'stdout', simulatedSeconds: 0.05 },
  { type: 'vertex-done', vertex: 5, simulatedSeconds: 0.1, realMs: 3 },
  { type: 'build-done', imageId: 'sha256:abc', tags: ['myapp:1.0'], simulatedSeconds: 0.1, realMs: 9 },
];

describe('the build panel step list', () => {
  it('marks cached steps and the rebuilt one, in order', () => {
    const view = replay(rebuild);
    expect(view.status).toBe('done');
    expect(view.steps.map((s) => [s.name, s.status])).toEqual([
      ['[internal] load build definition from Dockerfile', 'done'],
      ['[1/4] FROM docker.io/library/python:3.9', 'cached'],
      ['[2/4] COPY requirements.txt .', 'cached'],
      ['[3/4] RUN pip install -r requirements.txt', 'cached'],
      ['[4/4] COPY app.py .', 'done'],
    ]);
    expect(view.steps[4]).toMatchObject({ simulatedSeconds: 0.1, realMs: 3, logs: ['one', 'two'] });
    expect(cacheCounts(view)).toEqual({ cached: 3, total: 4 });
    expect(view).toMatchObject({ imageId: 'sha256:abc', tags: ['myapp:1.0'], simulatedSeconds: 0.1 });
  });

  it('shows transfers while they run and the failing step with its error', () => {
    const view = replay([
      { type: 'vertex-start', vertex: 1, name: '[1/2] FROM docker.io/library/node:18', step: step(1, 'FROM node:18') },
      { type: 'vertex-progress', vertex: 1, id: 'sha256:1', current: 10, total: 40, simulatedSeconds: 2 },
    ]);
    expect(view.steps[0]).toMatchObject({ status: 'running', progress: { current: 10, total: 40 }, simulatedSeconds: 2 });
    const failed = [
      { type: 'vertex-done', vertex: 1, simulatedSeconds: 4, realMs: 2 },
      { type: 'vertex-start', vertex: 2, name: '[2/2] RUN nope', step: step(2, 'RUN nope') },
      { type: 'vertex-error', vertex: 2, message: 'process "/bin/sh -c nope" did not complete successfully: exit code: 127' },
      { type: 'build-error', message: 'failed to solve' },
    ] satisfies BuildEvent[];
    const end = failed.reduce(reduceBuild, view);
    expect(end.steps[0]).toMatchObject({ status: 'done', progress: undefined });
    expect(end.steps[1]).toMatchObject({ status: 'error', error: expect.stringContaining('exit code: 127') });
    expect(end).toMatchObject({ status: 'error', error: 'failed to solve' });
  });

  it('keeps only the last log lines of a chatty step', () => {
    const view = replay([
      { type: 'vertex-start', vertex: 1, name: '[1/1] RUN x', step: step(1, 'RUN x') },
      ...Array.from({ length: 10 }, (_, i): BuildEvent => ({ type: 'vertex-log', vertex: 1, text: `line ${i}`, stream: 'stdout', simulatedSeconds: i })),
    ]);
    expect(view.steps[0]?.logs).toEqual(['line 4', 'line 5', 'line 6', 'line 7', 'line 8', 'line 9']);
  });

  it('records warnings and skipped stages', () => {
    const view = replay([
      { type: 'warning', message: 'FromAsCasing: …' },
      { type: 'stage-skipped', stage: 'test' },
    ]);
    expect(view.warnings).toEqual(['FromAsCasing: …']);
    expect(view.skipped).toEqual(['test']);
  });
});
