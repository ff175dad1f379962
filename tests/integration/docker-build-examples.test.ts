/**
 * The material's builds through the docker CLI (issue 5, "docker build"): two examples copied into
 * a workspace, built with `docker build -t NAME .` from their folder, then rebuilt after editing
 * app.py — only the last step runs again, every step before it prints `CACHED` (the material's
 * "Only Step 4 executes"), and the image gets a new ID while the untouched base stays shared.
 */
import { describe, expect, it } from 'vitest';
import { createDockerTestbed, type DockerTestbed } from '@/lib/cli/docker/testbed';
import { loadExample } from '../helpers/examples';

async function copyExample(bed: DockerTestbed, id: string): Promise<void> {
  for (const [path, text] of Object.entries(loadExample(id).files)) {
    const full = `/workspace/${id}/${path}`;
    await bed.fs.mkdir(full.slice(0, full.lastIndexOf('/')), { recursive: true });
    await bed.fs.writeFile(full, text);
  }
}

/** Each step's label and whether the log says it was cached (`#7 [3/4] RUN …` then `#7 CACHED`). */
function steps(log: string): Array<{ step: string; cached: boolean }> {
  const out: Array<{ step: string; cached: boolean }> = [];
  for (const block of log.split('\n\n')) {
    const head = /^#(\d+) (\[\d+\/\d+\] .*)$/m.exec(block);
    if (head === null) continue;
    out.push({ step: head[2] as string, cached: block.includes(`\n#${head[1]} CACHED\n`) });
  }
  return out;
}

describe('the material\'s examples through `docker build`', () => {
  it.each([
    { id: 'layer-caching', last: '[4/4] COPY . .' },
    { id: 'optimization-after', last: '[5/5] COPY . .' },
  ])('$id: a rebuild after editing app.py reruns only $last', async ({ id, last }) => {
    const bed = await createDockerTestbed();
    await copyExample(bed, id);
    const first = await bed.run(`cd ${id} && docker build -t ${id}:1.0 .`);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(steps(first.stderr).filter((s) => !s.step.includes('FROM')).every((s) => !s.cached)).toBe(true);
    const firstId = (await bed.store.get('refs', `docker.io/library/${id}:1.0`))?.imageId;

    bed.clock.now += 60_000;
    await bed.run(`cd ${id} && echo 'print("edited")' >> app.py`);
    const second = await bed.run(`cd ${id} && docker build -t ${id}:1.0 .`);
    expect(second.exitCode, second.stderr).toBe(0);
    const ran = steps(second.stderr).filter((s) => !s.cached);
    expect(ran.map((s) => s.step)).toEqual([last]);
    expect(steps(second.stderr).filter((s) => s.cached).length).toBeGreaterThanOrEqual(3);
    const secondId = (await bed.store.get('refs', `docker.io/library/${id}:1.0`))?.imageId;
    expect(secondId).not.toBe(firstId);

    // Unchanged, a third build is all cache and the same image (BuildKit keeps the layers' times).
    bed.clock.now += 60_000;
    const third = await bed.run(`cd ${id} && docker build -q -t ${id}:1.0 .`);
    expect(third.stdout.trim()).toBe(secondId);
  }, 120_000);
});
