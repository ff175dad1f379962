import { describe, expect, it } from 'vitest';
import { isEngineError } from '../errors';
import { createMemoryDirectoryIo, withFaults, type DirectoryIo } from './directory-io';
import { openDirectoryStore } from './directory-store';
import { describeStoreContract } from './store-contract';
import { digest, dumpStore, image, putSamples, SAMPLES } from './store-contract-fixtures';

const ROOT = '/state';
const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

describeStoreContract('directory (in-memory io)', async () => {
  const io = withFaults(createMemoryDirectoryIo());
  const harness = {
    store: await openDirectoryStore(io, ROOT),
    reopen: async () => {
      await harness.store.close();
      return (harness.store = await openDirectoryStore(io, ROOT));
    },
    failNextCommit: (fault: { index: number; kind: 'quota' | 'io' } | null) => {
      if (fault == null) io.disarm();
      else io.failAfter(fault.index, fault.kind === 'quota' ? { error: enospc } : {});
    },
  };
  return harness;
});

/** The write every crash test interrupts: it adds, replaces and deletes across kinds. */
async function change(store: Awaited<ReturnType<typeof openDirectoryStore>>): Promise<void> {
  await store.write(async (tx) => {
    await tx.put('blobs', digest(50), new Uint8Array([5]));
    await tx.put('images', digest(52), image(52, { config: 50, manifest: 50, diffIds: [2] }));
    await tx.put('refs', SAMPLES.refs[0], { imageId: digest(52) });
    await tx.delete('meta', SAMPLES.meta[0]);
    await tx.delete('containers', SAMPLES.containers[0]);
  });
}

async function states(): Promise<{ before: unknown; after: unknown }> {
  const store = await openDirectoryStore(createMemoryDirectoryIo(), ROOT);
  await putSamples(store);
  const before = await dumpStore(store);
  await change(store);
  return { before, after: await dumpStore(store) };
}

describe('directory store: crashes', () => {
  it('after a crash at any point, reopening gives the old state or the new one, never a mix', async () => {
    const { before, after } = await states();
    const outcomes: string[] = [];
    for (let point = 0; point < 40; point++) {
      const files = new Map<string, Uint8Array>();
      const seed = await openDirectoryStore(createMemoryDirectoryIo(files), ROOT);
      await putSamples(seed);
      const io = withFaults(createMemoryDirectoryIo(files));
      const store = await openDirectoryStore(io, ROOT);
      io.failAfter(point, { mode: 'crash' });
      const crashed = await change(store).then(
        () => false,
        () => true,
      );
      if (!crashed) break;
      // The process is gone; a new one opens the directory with a working disk.
      const reopened = await openDirectoryStore(createMemoryDirectoryIo(files), ROOT);
      const state = await dumpStore(reopened);
      const outcome = JSON.stringify(state) === JSON.stringify(before) ? 'old' : JSON.stringify(state) === JSON.stringify(after) ? 'new' : 'mixed';
      outcomes.push(outcome);
      expect(outcome, `crash at mutation ${point}`).not.toBe('mixed');
      // Recovery leaves neither a journal nor staging files behind.
      expect([...files.keys()].filter((path) => /journal|\/\.tmp-/.test(path)), `crash at mutation ${point}`).toEqual([]);
    }
    // Crashes before the journal's rename roll back; crashes after it complete the write.
    expect(outcomes[0]).toBe('old');
    expect(outcomes.at(-1)).toBe('new');
    expect(outcomes.join(' ')).toMatch(/^(old )+(new ?)+$/);
  });

  it('finishes a committed write in the same process once the disk works again', async () => {
    const files = new Map<string, Uint8Array>();
    const io = withFaults(createMemoryDirectoryIo(files));
    const store = await openDirectoryStore(io, ROOT);
    await putSamples(store);
    // Staging writes 3 files, then the journal (2 calls): fail the apply phase, twice.
    io.failAfter(5, { mode: 'crash' });
    const error = await change(store).catch((e: unknown) => e);
    expect(isEngineError(error, 'store')).toBe(true);
    expect((error as Error).message).toMatch(/committed but not fully applied/);
    io.disarm();
    expect(await store.get('refs', SAMPLES.refs[0])).toEqual({ imageId: digest(52) });
    expect(await store.get('meta', SAMPLES.meta[0])).toBeUndefined();
    expect([...files.keys()].filter((path) => path.includes('journal'))).toEqual([]);
  });

  it('turns ENOSPC into a quota error naming the state directory', async () => {
    const io = withFaults(createMemoryDirectoryIo());
    const store = await openDirectoryStore(io, ROOT);
    io.failAfter(0, { error: enospc });
    const error = await store.write((tx) => tx.put('meta', 'k', 1)).catch((e: unknown) => e);
    expect(isEngineError(error, 'quota')).toBe(true);
    expect((error as Error).message).toBe('no space left on device: the disk holding /state is full');
  });

  it('writes one readable file per record, with safe names', async () => {
    const io = createMemoryDirectoryIo();
    const store = await openDirectoryStore(io, ROOT);
    await putSamples(store);
    await store.write((tx) => tx.put('meta', 'x'.repeat(300), 1));
    const paths = [...io.files.keys()].sort();
    expect(paths).toContain('/state/refs/docker.io%2Flibrary%2Fapp%3Alatest.json');
    expect(paths).toContain(`/state/blobs/sha256%3A${'0'.repeat(63)}1`);
    expect(paths).toContain('/state/build-cache/sha256%3Acachekey%2F%43%4F%50%59%20app.py.json');
    expect(paths.find((p) => p.startsWith('/state/meta/~'))).toMatch(/^\/state\/meta\/~x{120}~[0-9a-f]{32}\.json$/);
    expect(new TextDecoder().decode(io.files.get('/state/refs/docker.io%2Flibrary%2Fapp%3Alatest.json'))).toBe(
      `{"key":"docker.io/library/app:latest","value":{"imageId":"${digest(3)}"}}`,
    );
  });

  it('writes bytes inside a record raw after its JSON line, not as base64, and reads them back', async () => {
    const io = createMemoryDirectoryIo();
    const store = await openDirectoryStore(io, ROOT);
    const content = new Uint8Array(3000).map((_, i) => (i * 7) % 256);
    const recipe = { entries: [{ kind: 'file' as const, path: 'a', mode: 0o644, uid: 0, gid: 0, content: { kind: 'bytes' as const, bytes: content } }, { kind: 'file' as const, path: 'b', mode: 0o644, uid: 0, gid: 0, content: { kind: 'bytes' as const, bytes: new Uint8Array([10, 13, 0]) } }] };
    await store.write((tx) => tx.put('layers', digest(7), { diffId: digest(7), size: 3003, parentChainId: null, recipe }));
    const file = io.files.get(`/state/layers/sha256%3A${'0'.repeat(63)}7.json`) as Uint8Array;
    const newline = file.indexOf(10);
    const head = new TextDecoder().decode(file.subarray(0, newline));
    expect(head).toContain('"bytes":{"$bin":[0,3000]}');
    expect(head).toContain('"bytes":{"$bin":[3000,3]}');
    expect(file.length).toBe(newline + 1 + 3003);
    expect(file.subarray(newline + 1, newline + 1 + 3000)).toEqual(content);
    expect((await (await openDirectoryStore(io, ROOT)).get('layers', digest(7)))?.recipe).toEqual(recipe);
  });

  it('still reads records written with base64 bytes', async () => {
    const legacy = JSON.stringify({ key: 'old', value: { data: { $bytes: btoa('\x00\x01hi') }, $odd: { $object: { $k: 1 } } } });
    const io = createMemoryDirectoryIo(new Map([['/state/meta/old.json', new TextEncoder().encode(legacy)]]));
    const store = await openDirectoryStore(io, ROOT);
    expect(await store.get('meta', 'old')).toEqual({ data: new Uint8Array([0, 1, 104, 105]), $odd: { $k: 1 } });
  });

  it('refuses to guess at a corrupt journal', async () => {
    const io: DirectoryIo = createMemoryDirectoryIo(new Map([['/state/journal.json', new TextEncoder().encode('{"ops": [')]]));
    await expect(openDirectoryStore(io, ROOT)).rejects.toThrow(/corrupt journal \/state\/journal.json/);
  });
});
