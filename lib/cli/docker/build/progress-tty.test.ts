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
});
