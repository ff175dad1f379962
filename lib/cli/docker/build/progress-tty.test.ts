import { describe, expect, it } from 'vitest';
import { createTtyRenderer } from './progress-tty';

describe('BuildKit tty view', () => {
  it('redraws in place on a terminal and ends with the FINISHED frame, failed lines marked ERROR', () => {
    let out = '';
    const clock = { now: 0 };
    const render = createTtyRenderer((t) => (out += t), { width: 60, builder: 'docker:default', live: true, color: false, now: () => clock.now });
    render({ type: 'vertex-start', vertex: 1, name: '[internal] load build definition from Dockerfile' });
    render({ type: 'vertex-done', vertex: 1, simulatedSeconds: 0, realMs: 1, detail: ['transferring dockerfile: 58B done'] });
    clock.now += 200;
    render({ type: 'vertex-start', vertex: 2, name: '[2/2] RUN exit 3' });
    render({ type: 'vertex-error', vertex: 2, message: 'exit code: 3' });
    render({ type: 'build-error', message: 'exit code: 3' });
    // The second frame moves the cursor back over the first (header and one job) and clears below it.
    expect(out).toContain('\x1b[2F\x1b[J');
    const last = out.slice(out.lastIndexOf('\x1b[J') + 3).split('\n');
    expect(last[0]).toBe(`${'[+] Building 0.0s (2/2) FINISHED'.padEnd(44)} docker:default`);
    expect(last).toContain(`${' => ERROR [2/2] RUN exit 3'.padEnd(53)}  0.0s`);
    expect(last).toContain(`${' => => transferring dockerfile: 58B'.padEnd(53)}  0.0s`);
  });

  it('keeps a live frame within the screen: the header and the latest lines; the final frame is whole', () => {
    let out = '';
    const clock = { now: 0 };
    const render = createTtyRenderer((t) => (out += t), { width: 60, height: 5, builder: 'docker:default', live: true, color: false, now: () => clock.now });
    const frames: string[][] = [];
    for (let vertex = 1; vertex <= 8; vertex++) {
      const before = out.length;
      clock.now += 200;
      render({ type: 'vertex-start', vertex, name: `[${vertex}/8] RUN step ${vertex}` });
      frames.push(out.slice(before).replace(/^\x1b\[\d+F\x1b\[J/, '').split('\n').filter(Boolean));
      render({ type: 'vertex-done', vertex, simulatedSeconds: 1, realMs: 1 });
    }
    render({ type: 'build-done', imageId: 'sha256:x', tags: [], simulatedSeconds: 8, realMs: 8 });
    // Never more lines than the screen has, less one for the cursor; the newest step is on screen.
    for (const frame of frames) expect(frame.length).toBeLessThanOrEqual(4);
    expect(frames.at(-1)?.[0]).toMatch(/^\[\+\] Building/);
    expect(frames.at(-1)?.at(-1)).toMatch(/\[8\/8\] RUN step 8/);
    // The cursor never goes up further than the lines it drew.
    for (const match of out.matchAll(/\x1b\[(\d+)F/g)) expect(Number(match[1])).toBeLessThanOrEqual(4);
    const final = out.slice(out.lastIndexOf('\x1b[J') + 3).split('\n').filter(Boolean);
    expect(final).toHaveLength(9);
    expect(final[0]).toMatch(/\(8\/8\) FINISHED/);
  });
});
