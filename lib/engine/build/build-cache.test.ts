import { describe, expect, it } from 'vitest';
import { createHarness } from './test-helpers';

const DOCKERFILE = `FROM scratch
COPY passwd /etc/passwd
COPY sh /bin/sh
ENV MODE=dev
LABEL version=1
WORKDIR /app
COPY requirements.txt .
RUN echo installing > /app/installed.txt
COPY app.py .
CMD ["python", "app.py"]
`;

const FILES = {
  passwd: 'root:x:0:0:root:/root:/bin/sh\n',
  sh: { data: 'ELF', mode: 0o755 },
  'requirements.txt': 'flask\n',
  'app.py': 'print(1)\n',
};

const cachedFlags = (r: { steps: Array<{ cached: boolean }> }) => r.steps.map((s) => s.cached);

describe('build cache (BuildKit mode)', () => {
  it('a rebuild hits every step and gives the same image', async () => {
    const h = createHarness();
    const first = await h.run(DOCKERFILE, FILES);
    expect(cachedFlags(first)).toEqual([false, false, false, false, false, false]);
    const second = await h.run(DOCKERFILE, FILES);
    expect(cachedFlags(second)).toEqual([true, true, true, true, true, true]);
    expect(second.imageId).toBe(first.imageId);
    expect(h.events.filter((e) => e.type === 'vertex-cached')).toHaveLength(6);
  });

  it('a content change busts that COPY and everything after it; mtime does not', async () => {
    const h = createHarness();
    await h.run(DOCKERFILE, FILES);
    const touched = await h.run(DOCKERFILE, { ...FILES, 'app.py': { data: 'print(1)\n', mtime: 12345 } });
    expect(cachedFlags(touched).every(Boolean)).toBe(true);
    const changed = await h.run(DOCKERFILE, { ...FILES, 'requirements.txt': 'flask\nrequests\n' });
    expect(cachedFlags(changed)).toEqual([true, true, true, false, false, false]);
    const unrelated = await h.run(DOCKERFILE, { ...FILES, 'requirements.txt': 'flask\nrequests\n', 'README.md': 'x' });
    expect(cachedFlags(unrelated).every(Boolean)).toBe(true);
  });

  it('a LABEL change keeps every step cached but changes the image ID', async () => {
    const h = createHarness();
    const first = await h.run(DOCKERFILE, FILES);
    const relabeled = await h.run(DOCKERFILE.replace('version=1', 'version=2'), FILES);
    expect(cachedFlags(relabeled).every(Boolean)).toBe(true);
    expect(relabeled.imageId).not.toBe(first.imageId);
  });

  it('an ENV change busts the next RUN and what follows it, not the COPYs before', async () => {
    const h = createHarness();
    await h.run(DOCKERFILE, FILES);
    const r = await h.run(DOCKERFILE.replace('MODE=dev', 'MODE=prod'), FILES);
    expect(cachedFlags(r)).toEqual([true, true, true, true, false, false]);
  });

  it('--no-cache runs everything again and yields the same image', async () => {
    const h = createHarness();
    const first = await h.run(DOCKERFILE, FILES);
    const again = await h.run(DOCKERFILE, FILES, { noCache: true });
    expect(cachedFlags(again).some(Boolean)).toBe(false);
    expect(again.imageId).toBe(first.imageId);
  });

  it('a build arg declared by ARG busts later RUNs; an undeclared one changes nothing', async () => {
    const h = createHarness();
    const file = DOCKERFILE.replace('ENV MODE=dev', 'ARG VERSION=1');
    const first = await h.run(file, FILES);
    const unused = await h.run(file, FILES, { buildArgs: { OTHER: 'x' } });
    expect(cachedFlags(unused).every(Boolean)).toBe(true);
    expect(unused.imageId).toBe(first.imageId);
    const changed = await h.run(file, FILES, { buildArgs: { VERSION: '2' } });
    expect(cachedFlags(changed)).toEqual([true, true, true, true, false, false]);
    expect(changed.layers[4]?.createdBy).toBe('RUN |1 VERSION=2 /bin/sh -c echo installing > /app/installed.txt # buildkit');
  });
});

describe('build cache (classic builder)', () => {
  it('a miss busts every later step of the stage, metadata included', async () => {
    const h = createHarness();
    await h.run(DOCKERFILE, FILES, { builder: 'classic' });
    const again = await h.run(DOCKERFILE, FILES, { builder: 'classic' });
    expect(cachedFlags(again).every(Boolean)).toBe(true);
    const relabeled = await h.run(DOCKERFILE.replace('version=1', 'version=2'), FILES, { builder: 'classic' });
    // FROM, COPY, COPY, ENV hit; LABEL misses and so does everything after it.
    expect(cachedFlags(relabeled)).toEqual([true, true, true, true, false, false, false, false, false, false]);
  });
});
