import { describe, expect, it } from 'vitest';
import { createPlainRenderer, formatDecimalBytes } from './progress-plain';

describe('createPlainRenderer', () => {
  it('prints vertices as BuildKit\'s plain progress does', () => {
    let out = '';
    const render = createPlainRenderer((t) => (out += t));
    render({ type: 'vertex-start', vertex: 1, name: '[1/3] FROM docker.io/library/alpine:3.19' });
    render({ type: 'vertex-progress', vertex: 1, id: 'sha256:abc', current: 3_410_000, total: 3_410_000, simulatedSeconds: 0.34 });
    render({ type: 'vertex-done', vertex: 1, simulatedSeconds: 0.34, realMs: 2 });
    render({ type: 'vertex-start', vertex: 2, name: '[2/3] COPY app.py .' });
    render({ type: 'vertex-cached', vertex: 2 });
    render({ type: 'vertex-start', vertex: 3, name: '[3/3] RUN echo hi' });
    render({ type: 'vertex-log', vertex: 3, text: 'hi\n', stream: 'stdout', simulatedSeconds: 0.1 });
    render({ type: 'vertex-done', vertex: 3, simulatedSeconds: 0.25, realMs: 1 });
    expect(out).toBe(
      [
        '#1 [1/3] FROM docker.io/library/alpine:3.19',
        '#1 sha256:abc 3.41MB / 3.41MB 0.3s done',
        '#1 DONE 0.3s',
        '',
        '#2 [2/3] COPY app.py .',
        '#2 CACHED',
        '',
        '#3 [3/3] RUN echo hi',
        '#3 0.100 hi',
        '#3 DONE 0.3s',
        '',
      ].join('\n'),
    );
  });

  it('formats transfer sizes in decimal units', () => {
    expect([formatDecimalBytes(512), formatDecimalBytes(2_048), formatDecimalBytes(29_130_000), formatDecimalBytes(1_200_000_000)]).toEqual([
      '512B',
      '2.05kB',
      '29.13MB',
      '1.20GB',
    ]);
  });
});
