import { describe, expect, it } from 'vitest';
import { isEngineError } from '../errors';
import { createMemoryDirectoryIo, joinParts, withFaults, type DirectoryIo } from './directory-io';
import { openDirectoryStore } from './directory-store';
import { describeStoreContract } from './store-contract';
import { encodeRecordParts, keyToFileName } from './record-codec';
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
    // Staging writes 5 files (the blob and 4 packs), then the journal (2 calls): fail the apply phase, twice.
    io.failAfter(7, { mode: 'crash' });
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

  it('keeps the small kinds in one readable pack each, blobs and layers in a file each, with safe names', async () => {
    const io = createMemoryDirectoryIo();
    const store = await openDirectoryStore(io, ROOT);
    await putSamples(store);
    const paths = [...io.files.keys()].sort();
    expect(paths).toEqual([
      '/state/blobs/sha256%3A' + '0'.repeat(63) + '1',
      '/state/build-cache.pack',
      '/state/containers.pack',
      '/state/images.pack',
      '/state/layers/sha256%3A' + '0'.repeat(63) + '2.json',
      '/state/meta.pack',
      '/state/refs.pack',
    ]);
    const record = `{"key":"docker.io/library/app:latest","value":{"imageId":"${digest(3)}"}}`;
    expect(new TextDecoder().decode(io.files.get('/state/refs.pack'))).toBe(`layerlab-pack 1\n${record.length}\n${record}\n`);
  });

  it('gives a record too large for its pack a file of its own, and takes it back when it shrinks', async () => {
    const io = createMemoryDirectoryIo();
    const store = await openDirectoryStore(io, ROOT);
    const big = { log: 'x'.repeat(40_000), bytes: new Uint8Array(1000).fill(7) };
    await store.write(async (tx) => {
      await tx.put('meta', 'x'.repeat(300), big);
      await tx.put('containers', 'Big One', { ...SAMPLES.containers[1], state: big });
      await tx.put('meta', 'small', 1);
    });
    const own = [...io.files.keys()].filter((path) => !path.endsWith('.pack')).sort();
    expect(own).toHaveLength(2);
    expect(own[0]).toBe('/state/containers/%42ig%20%4Fne.json');
    expect(own[1]).toMatch(/^\/state\/meta\/~x{120}~[0-9a-f]{32}\.json$/);
    expect(io.files.get('/state/meta.pack')!.length).toBeLessThan(1000);
    const reopened = await openDirectoryStore(io, ROOT);
    expect(await reopened.get('meta', 'x'.repeat(300))).toEqual(big);
    expect(await reopened.read((tx) => tx.keys('meta'))).toEqual(['small', 'x'.repeat(300)]);
    expect((await reopened.list('containers')).map(([key, c]) => [key, (c.state as typeof big).log.length])).toEqual([['Big One', 40_000]]);
    await reopened.write((tx) => tx.put('meta', 'x'.repeat(300), 2));
    await reopened.write((tx) => tx.delete('containers', 'Big One'));
    expect([...io.files.keys()].filter((path) => !path.endsWith('.pack'))).toEqual([]);
    expect(await (await openDirectoryStore(io, ROOT)).get('meta', 'x'.repeat(300))).toBe(2);
  });

  it('lists a small kind with one file read, however many records it holds', async () => {
    const files = new Map<string, Uint8Array>();
    const seed = await openDirectoryStore(createMemoryDirectoryIo(files), ROOT);
    await seed.write(async (tx) => {
      for (let i = 0; i < 300; i++) await tx.put('images', digest(i), image(i, { config: i, manifest: i, diffIds: [1, 2] }));
    });
    const io = createMemoryDirectoryIo(files);
    const reads: string[] = [];
    const counting: DirectoryIo = { ...io, readFile: (path) => (reads.push(path), io.readFile(path)) };
    const store = await openDirectoryStore(counting, ROOT);
    reads.length = 0;
    const images = await store.list('images');
    expect(images).toHaveLength(300);
    expect(images[299]).toEqual([digest(299), image(299, { config: 299, manifest: 299, diffIds: [1, 2] })]);
    expect(reads).toEqual(['/state/images.pack']);
    // Unchanged on disk: the parsed pack is kept, and what it hands out are copies.
    images[0]![1].size = -1;
    expect((await store.get('images', digest(0)))?.size).toBe(2000);
    expect(reads).toEqual(['/state/images.pack']);
  });

  it('sees a commit of another store (process) on the same directory at once', async () => {
    const files = new Map<string, Uint8Array>();
    const a = await openDirectoryStore(createMemoryDirectoryIo(files), ROOT);
    const b = await openDirectoryStore(createMemoryDirectoryIo(files), ROOT);
    await a.write((tx) => tx.put('refs', 'r:1', { imageId: digest(1) }));
    expect(await b.list('refs')).toEqual([['r:1', { imageId: digest(1) }]]);
    await b.write((tx) => tx.put('refs', 'r:2', { imageId: digest(2) }));
    await a.write((tx) => tx.put('refs', 'r:3', { imageId: digest(3) }));
    expect(await b.read((tx) => tx.keys('refs'))).toEqual(['r:1', 'r:2', 'r:3']);
  });

  it('reads back packs holding bytes and look-alikes of their framing, and refuses a damaged one', async () => {
    const io = createMemoryDirectoryIo();
    const store = await openDirectoryStore(io, ROOT);
    const values: [string, unknown][] = [
      ['a', { data: new Uint8Array([10, 10, 0, 10]), text: '12\n{"key":"x"}\n' }],
      ['b\nc', { file: 'not/a/pointer', value: [new Uint8Array(0), null] }],
      ['d', 7],
    ];
    await store.write(async (tx) => {
      for (const [key, value] of values) await tx.put('meta', key, value);
    });
    expect(await (await openDirectoryStore(io, ROOT)).list('meta')).toEqual(values);
    const pack = io.files.get('/state/meta.pack') as Uint8Array;
    for (const [damaged, message] of [
      [pack.subarray(0, pack.length - 3), /corrupt pack \/state\/meta.pack: bad entry/],
      [new TextEncoder().encode('layerlab-pack 2\n'), /written by a newer Layerlab/],
      [new TextEncoder().encode('{"version":1}'), /corrupt pack \/state\/meta.pack: no pack header/],
    ] as const) {
      io.files.set('/state/meta.pack', damaged);
      await expect(openDirectoryStore(io, ROOT).then((s) => s.list('meta'))).rejects.toThrow(message);
    }
  });

  it('moves a state directory of one file per record (before packs) into packs on open, surviving a crash at any point', async () => {
    // The layout earlier versions wrote: every record in its own file, as record-codec frames it.
    const legacy = new Map<string, Uint8Array>();
    const dirs: Record<string, string> = { blobs: 'blobs', layers: 'layers', images: 'images', refs: 'refs', buildCache: 'build-cache', containers: 'containers', meta: 'meta' };
    const big = { ...SAMPLES.containers[1], state: { log: 'x'.repeat(40_000) } };
    const records: [string, string, unknown][] = [...Object.entries(SAMPLES).map(([kind, [key, value]]) => [kind, key, value] as [string, string, unknown]), ['refs', 'docker.io/library/app:v2', { imageId: digest(3) }], ['containers', 'big', big]];
    for (const [kind, key, value] of records) {
      const data = kind === 'blobs' ? [value as Uint8Array] : encodeRecordParts({ key, value });
      legacy.set(`${ROOT}/${dirs[kind]}/${keyToFileName(key)}${kind === 'blobs' ? '' : '.json'}`, joinParts(data));
    }
    const expected = await dumpStore(await openDirectoryStore(createMemoryDirectoryIo(new Map(legacy)), ROOT));
    expect(expected.refs.map(([key]) => key)).toEqual(['docker.io/library/app:latest', 'docker.io/library/app:v2']);
    expect(expected.containers.map(([key]) => key)).toEqual(['big', SAMPLES.containers[0]]);
    let completed = false;
    let point = 0;
    for (; !completed && point < 40; point++) {
      const files = new Map(legacy);
      const io = withFaults(createMemoryDirectoryIo(files));
      io.failAfter(point, { mode: 'crash' });
      completed = await openDirectoryStore(io, ROOT).then(
        () => true,
        () => false,
      );
      const reopened = await openDirectoryStore(createMemoryDirectoryIo(files), ROOT);
      expect(await dumpStore(reopened), `crash at mutation ${point}`).toEqual(expected);
      // Moved: the packs, the blob, the layer and the one record too large for a pack remain.
      expect([...files.keys()].filter((path) => !path.endsWith('.pack')).sort(), `crash at mutation ${point}`).toEqual([
        `${ROOT}/blobs/sha256%3A${'0'.repeat(63)}1`,
        `${ROOT}/containers/big.json`,
        `${ROOT}/layers/sha256%3A${'0'.repeat(63)}2.json`,
      ]);
    }
    expect(completed).toBe(true);
    expect(point).toBeGreaterThan(10);
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
