// The directory store over the real file system (lib/cli/node-store.ts): the store contract, crash
// recovery with real files, and the lock between processes sharing a state directory.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDirectoryStore, createNodeDirectoryIo } from '@/lib/cli/node-store';
import { isEngineError, openDirectoryStore } from '@/lib/engine';
import { withFaults } from '@/lib/engine/store/directory-io';
import { describeStoreContract } from '@/lib/engine/store/store-contract';
import { digest, dumpStore, putSamples, SAMPLES } from '@/lib/engine/store/store-contract-fixtures';

const temps: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'layerlab-store-'));
  temps.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

describeStoreContract('directory (node:fs)', async () => {
  const dir = join(await tempDir(), 'state');
  const io = withFaults(createNodeDirectoryIo());
  const harness = {
    store: await openDirectoryStore(io, dir),
    reopen: async () => {
      await harness.store.close();
      return (harness.store = await createDirectoryStore(dir));
    },
    failNextCommit: (fault: { index: number; kind: 'quota' | 'io' } | null) => {
      if (fault == null) io.disarm();
      else io.failAfter(fault.index, fault.kind === 'quota' ? { error: enospc } : {});
    },
  };
  return harness;
});

describe('directory store on disk', () => {
  it('recovers from a crash at every point of a commit: old state or new, nothing left over', async () => {
    const outcomes: string[] = [];
    for (let point = 0; point < 30; point++) {
      const dir = join(await tempDir(), 'state');
      const seed = await createDirectoryStore(dir, { durable: false });
      await putSamples(seed);
      const before = JSON.stringify(await dumpStore(seed));
      const io = withFaults(createNodeDirectoryIo({ durable: false }));
      const store = await openDirectoryStore(io, dir);
      io.failAfter(point, { mode: 'crash' });
      const crashed = await store
        .write(async (tx) => {
          await tx.put('blobs', digest(70), new Uint8Array(1000).fill(7));
          await tx.put('refs', SAMPLES.refs[0], { imageId: digest(71) });
          await tx.delete('layers', SAMPLES.layers[0]);
        })
        .then(
          () => false,
          () => true,
        );
      if (!crashed) break;
      const reopened = await createDirectoryStore(dir);
      const state = await dumpStore(reopened);
      const isNew = state.refs.some(([, ref]) => (ref as { imageId: string }).imageId === digest(71));
      if (isNew) {
        expect(state.layers).toEqual([]);
        expect(state.blobs.map(([key]) => key)).toContain(digest(70));
      } else {
        expect(JSON.stringify(state), `crash at mutation ${point}`).toBe(before);
      }
      outcomes.push(isNew ? 'new' : 'old');
      const leftovers = (await readdir(dir, { recursive: true })).filter((name) => /journal|\.tmp-|lock$/.test(name));
      expect(leftovers, `crash at mutation ${point}`).toEqual([]);
    }
    expect(outcomes.join(' ')).toMatch(/^(old )+(new ?)+$/);
  });

  it('serializes commits of two stores (two processes) on one directory through the lock', async () => {
    const dir = join(await tempDir(), 'state');
    const [a, b] = await Promise.all([createDirectoryStore(dir), createDirectoryStore(dir)]);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).write((tx) => tx.put('meta', `k${i}`, i))),
    );
    expect((await a.list('meta')).length).toBe(10);
  });

  it('takes over the lock of a process that died, and waits for a live one', async () => {
    const dir = join(await tempDir(), 'state');
    const store = await createDirectoryStore(dir);
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.on('exit', resolve));
    await writeFile(join(dir, 'lock'), String(dead.pid));
    await store.write((tx) => tx.put('meta', 'after-stale-lock', true));
    expect(await store.get('meta', 'after-stale-lock')).toBe(true);

    const impatient = await createDirectoryStore(dir, { lockTimeoutMs: 50 });
    await writeFile(join(dir, 'lock'), String(process.pid)); // a live owner (this very process)
    await expect(createDirectoryStore(dir, { lockTimeoutMs: 50 })).rejects.toSatisfy((e: unknown) => isEngineError(e, 'conflict'));
    const error = await impatient.write((tx) => tx.put('meta', 'x', 1)).catch((e: unknown) => e);
    expect(isEngineError(error, 'conflict')).toBe(true);
    expect((error as Error).message).toMatch(/is locked by another layerlab process \(pid \d+\)/);
    await rm(join(dir, 'lock'));
  });
});
