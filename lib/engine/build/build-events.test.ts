import { describe, expect, it } from 'vitest';
import { createClassicRenderer } from './progress-classic';
import { createPlainRenderer } from './progress-plain';
import { createHarness } from './test-helpers';

const FILE = 'FROM scratch\nCOPY a.txt /a.txt\nENV A=1\nCOPY b.txt /b.txt\n';
const FILES = { 'a.txt': 'a', 'b.txt': 'b' };

describe('build events', () => {
  it('numbers vertices like BuildKit: internal loads, steps, export', async () => {
    const h = createHarness();
    await h.run(FILE, FILES);
    const starts = h.events.flatMap((e) => (e.type === 'vertex-start' ? [`#${e.vertex} ${e.name}`] : []));
    expect(starts).toEqual([
      '#1 [internal] load build definition from Dockerfile',
      '#2 [internal] load .dockerignore',
      '#3 [internal] load build context',
      '#4 [1/2] COPY a.txt /a.txt',
      '#5 [2/2] COPY b.txt /b.txt',
      '#6 exporting to image',
    ]);
    expect(h.events.at(-1)?.type).toBe('build-done');
    let out = '';
    const render = createPlainRenderer((t) => (out += t));
    await h.run(FILE, FILES, {}, { onEvent: render });
    expect(out).toContain('#4 [1/2] COPY a.txt /a.txt\n#4 CACHED\n');
    expect(out).toMatch(/#6 writing image sha256:[0-9a-f]{64} done\n#6 naming to docker.io\/library\/app:latest done\n/);
  });

  it('renders the classic builder output', async () => {
    const h = createHarness();
    let out = '';
    const file = 'FROM scratch\nCOPY a.txt /a.txt\nENV A=1\n';
    await h.run(file, FILES, { builder: 'classic' }, { onEvent: createClassicRenderer((t) => (out += t)) });
    expect(out.startsWith('DEPRECATED: The legacy builder is deprecated')).toBe(true);
    // COPY changes the image without a container; ENV runs one, as the legacy builder does.
    expect(out).toMatch(/Step 1\/3 : FROM scratch\n ---> [0-9a-f]{12}\nStep 2\/3 : COPY a.txt \/a.txt\n ---> [0-9a-f]{12}\nStep 3\/3 : ENV A=1\n ---> Running in [0-9a-f]{12}\n ---> Removed intermediate container [0-9a-f]{12}\n/);
    // The last step's ID is the image's ID.
    const last = / ---> ([0-9a-f]{12})\nSuccessfully built ([0-9a-f]{12})\nSuccessfully tagged app:latest\n$/.exec(out);
    expect(last?.[1]).toBe(last?.[2]);
    out = '';
    await h.run(file, FILES, { builder: 'classic' }, { onEvent: createClassicRenderer((t) => (out += t)) });
    expect(out).toMatch(/Step 2\/3 : COPY a.txt \/a.txt\n ---> Using cache\n ---> [0-9a-f]{12}\n/);
  });

  it('stops with EngineError cancelled when the signal aborts', async () => {
    const h = createHarness();
    const controller = new AbortController();
    controller.abort();
    await expect(h.run(FILE, FILES, {}, { signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('keeps the parse error range for the CLI snippet', async () => {
    const h = createHarness();
    await expect(h.run('FROM scratch\nFOO bar\n')).rejects.toMatchObject({ code: 'build', message: expect.stringMatching(/unknown instruction: FOO/), range: { start: { line: 2 } } });
  });
});
