import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isEngineError } from '../errors';
import { collectGarbage } from './collect-garbage';
import { bytes, digest, dumpStore, image, putSamples, SAMPLES, sameBytes, settle } from './store-contract-fixtures';
import { STORE_KINDS, type Store } from './types';

/**
 * The one contract every Store implementation passes (DESIGN.md §3): memory (store.test.ts),
 * IndexedDB under fake-indexeddb (idb-store.test.ts), the directory over an in-memory io
 * (directory-store.test.ts) and over a real temp dir (tests/integration/store-directory.test.ts).
 */
export interface StoreHarness {
  store: Store;
  /** Closes `store` and opens the same data again (persistent stores). Updates `store`. */
  reopen?: () => Promise<Store>;
  /**
   * Arms one failure: the `index`-th low-level write from now (an IndexedDB put, a file write or
   * rename…) fails with a quota error (`QuotaExceededError`, ENOSPC) or a plain I/O error.
   * `null` disarms a failure that was not reached.
   */
  failNextCommit: (fault: { index: number; kind: 'quota' | 'io' } | null) => void;
  cleanup?: () => Promise<void>;
}

export function describeStoreContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`Store contract: ${name}`, () => {
    let h: StoreHarness;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => {
      await h.store.close();
      await h.cleanup?.();
    });

    it('puts, gets, has and deletes a record of every kind', async () => {
      await putSamples(h.store);
      for (const kind of STORE_KINDS) {
        const [key, value] = SAMPLES[kind];
        expect(await h.store.get(kind, key), kind).toEqual(value);
        expect(await h.store.read((tx) => tx.has(kind, key))).toBe(true);
      }
      const existed = await h.store.write(async (tx) => [await tx.delete('refs', SAMPLES.refs[0]), await tx.delete('refs', 'nope:latest')]);
      expect(existed).toEqual([true, false]);
      expect(await h.store.get('refs', SAMPLES.refs[0])).toBeUndefined();
      expect(await h.store.get('meta', 'absent')).toBeUndefined();
    });

    it('hands out copies: mutating a value read or put does not change the store', async () => {
      const layer = structuredClone(SAMPLES.layers[1]);
      await h.store.write((tx) => tx.put('layers', digest(2), layer));
      layer.size = 1;
      const read = await h.store.get('layers', digest(2));
      expect(read?.size).toBe(1024);
      if (read != null) read.size = 2;
      expect((await h.store.get('layers', digest(2)))?.size).toBe(1024);
    });

    it('keeps the bytes it committed: changing the arrays put afterwards does not change the store', async () => {
      const blob = bytes(1, 2, 3, 4);
      const big = new Uint8Array(200_000).fill(5);
      const layer = { diffId: digest(2), size: 9, parentChainId: null, recipe: { entries: [{ kind: 'file' as const, path: 'a', mode: 0o644, uid: 0, gid: 0, content: { kind: 'bytes' as const, bytes: big.subarray(100) } }] } };
      const meta = { data: bytes(9, 9) };
      await h.store.write(async (tx) => {
        await tx.put('blobs', digest(1), blob);
        await tx.put('layers', digest(2), layer);
        await tx.put('meta', 'm', meta);
      });
      blob.fill(0);
      big.fill(0);
      meta.data.fill(0);
      expect(await h.store.get('blobs', digest(1))).toEqual(bytes(1, 2, 3, 4));
      const content = (await h.store.get('layers', digest(2)))?.recipe.entries[0];
      expect(content?.kind === 'file' && content.content.kind === 'bytes' && content.content.bytes.length === 199_900 && content.content.bytes.every((b) => b === 5)).toBe(true);
      expect(await h.store.get('meta', 'm')).toEqual({ data: bytes(9, 9) });
    });

    it('lists keys and entries by prefix, sorted by UTF-16 code units', async () => {
      const keys = ['docker.io/library/b:1', 'docker.io/library/a:2', 'ghcr.io/x/y:1', 'docker.io/library/a:1', 'docker.io/Library/Z:1', 'docker.io/library/ä:1', 'docker.io/library/a@sha256:' + 'f'.repeat(64)];
      await h.store.write(async (tx) => {
        for (const [i, key] of keys.entries()) await tx.put('refs', key, { imageId: digest(i) });
      });
      expect(await h.store.read((tx) => tx.keys('refs'))).toEqual([...keys].sort());
      expect(await h.store.read((tx) => tx.keys('refs', { prefix: 'docker.io/library/a' }))).toEqual(['docker.io/library/a:1', 'docker.io/library/a:2', 'docker.io/library/a@sha256:' + 'f'.repeat(64)]);
      const entries = await h.store.list('refs', { prefix: 'docker.io/library/a:' });
      expect(entries).toEqual([
        ['docker.io/library/a:1', { imageId: digest(3) }],
        ['docker.io/library/a:2', { imageId: digest(1) }],
      ]);
      expect(await h.store.list('refs', { prefix: 'quay.io/' })).toEqual([]);
    });

    it('keeps keys with any characters, up to 1024 long, apart', async () => {
      const keys = ['a', 'A', '.hidden', '..', 'with space/and:colon@at', '%41', '~tilde', 'ünïcödé 🐳', 'x'.repeat(1024), 'x'.repeat(1023) + 'y'];
      await h.store.write(async (tx) => {
        for (const [i, key] of keys.entries()) await tx.put('meta', key, i);
      });
      for (const [i, key] of keys.entries()) expect(await h.store.get('meta', key), key).toBe(i);
      expect(await h.store.read((tx) => tx.keys('meta'))).toEqual([...keys].sort());
      expect(await h.store.read((tx) => tx.keys('meta', { prefix: 'x'.repeat(1000) }))).toHaveLength(2);
    });

    it('round-trips plain data, bytes inside records and look-alikes of its own encoding', async () => {
      const value = { bytes: bytes(0, 255, 128), nested: [{ $bytes: 'not base64!' }, { $object: 1 }], n: -0.5, big: 2 ** 53 - 1, s: '"\\\n', empty: {}, list: [], nil: null };
      await h.store.write((tx) => tx.put('meta', 'tricky', value));
      expect(await h.store.get('meta', 'tricky')).toEqual(value);
    });

    it('refuses what is not plain data, bad keys and non-digest blob keys with EngineError store', async () => {
      const attempts: [string, () => Promise<unknown>][] = [
        ['Map', () => h.store.write((tx) => tx.put('meta', 'm', new Map()))],
        ['Date', () => h.store.write((tx) => tx.put('meta', 'd', { when: new Date(0) }))],
        ['NaN', () => h.store.write((tx) => tx.put('meta', 'n', { x: NaN }))],
        ['function', () => h.store.write((tx) => tx.put('meta', 'f', { f: () => 1 }))],
        ['empty key', () => h.store.write((tx) => tx.put('meta', '', 1))],
        ['long key', () => h.store.write((tx) => tx.put('meta', 'k'.repeat(1025), 1))],
        ['blob key', () => h.store.write((tx) => tx.put('blobs', 'app.py', bytes(1)))],
        ['blob value', () => h.store.write((tx) => tx.put('blobs', digest(9), 'text' as never))],
      ];
      for (const [what, attempt] of attempts) {
        const error = await attempt().catch((e: unknown) => e);
        expect(isEngineError(error, 'store'), what).toBe(true);
      }
      expect(await dumpStore(h.store)).toEqual(await dumpStore(h.store)); // still readable
      expect((await h.store.list('meta')).length).toBe(0);
    });

    it('commits a write spanning kinds all at once; the write sees its own changes, others do not', async () => {
      await putSamples(h.store);
      const before = await dumpStore(h.store);
      let outside: unknown;
      await h.store.write(async (tx) => {
        await tx.put('images', digest(30), image(30, { config: 31, manifest: 32, diffIds: [2] }));
        await tx.put('refs', 'docker.io/library/app:v2', { imageId: digest(30) });
        await tx.delete('refs', SAMPLES.refs[0]);
        expect(await tx.get('refs', 'docker.io/library/app:v2')).toEqual({ imageId: digest(30) });
        expect(await tx.has('refs', SAMPLES.refs[0])).toBe(false);
        expect(await tx.keys('refs')).toEqual(['docker.io/library/app:v2']);
        expect((await tx.list('images')).map(([key]) => key)).toEqual([digest(3), digest(30)]);
        outside = await dumpStore(h.store);
      });
      expect(outside).toEqual(before);
      expect(await h.store.read((tx) => tx.keys('refs'))).toEqual(['docker.io/library/app:v2']);
      expect(await h.store.read((tx) => tx.keys('images'))).toEqual([digest(3), digest(30)]);
    });

    it('leaves the previous state when the caller throws midway, and passes its error through', async () => {
      await putSamples(h.store);
      const before = await dumpStore(h.store);
      const boom = new Error('boom');
      const result = h.store.write(async (tx) => {
        await tx.put('images', digest(40), image(40, { config: 41, manifest: 42, diffIds: [] }));
        await tx.delete('meta', SAMPLES.meta[0]);
        throw boom;
      });
      await expect(result).rejects.toBe(boom);
      expect(await dumpStore(h.store)).toEqual(before);
    });

    for (const kind of ['quota', 'io'] as const) {
      it(`leaves the previous state when the commit fails midway (${kind} error at every point)`, async () => {
        await putSamples(h.store);
        const before = await dumpStore(h.store);
        const change = () =>
          h.store.write(async (tx) => {
            await tx.put('blobs', digest(50), bytes(5, 0));
            await tx.put('layers', digest(51), { diffId: digest(51), size: 7, parentChainId: digest(2), recipe: { entries: [] } });
            await tx.put('images', digest(52), image(52, { config: 50, manifest: 50, diffIds: [2, 51] }));
            await tx.put('refs', 'docker.io/library/app:latest', { imageId: digest(52) });
            await tx.delete('meta', SAMPLES.meta[0]);
          });
        let failures = 0;
        for (let index = 0; index < 50; index++) {
          h.failNextCommit({ index, kind });
          const error = await change().then(
            () => undefined,
            (e: unknown) => e,
          );
          if (error === undefined) {
            h.failNextCommit(null); // the fault point lies past this commit's last write
            break;
          }
          failures++;
          expect(isEngineError(error, kind === 'quota' ? 'quota' : 'store'), String(error)).toBe(true);
          if (kind === 'quota') expect((error as Error).message).toMatch(/^no space left on device: .+ is full/);
          expect(await dumpStore(h.store), `fault at ${index}`).toEqual(before);
        }
        expect(failures).toBeGreaterThanOrEqual(2);
        expect(await h.store.get('refs', 'docker.io/library/app:latest')).toEqual({ imageId: digest(52) });
        expect(await h.store.get('meta', SAMPLES.meta[0])).toBeUndefined();
      });
    }

    it('serializes concurrent writes in call order', async () => {
      const order: number[] = [];
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          h.store.write(async (tx) => {
            const count = ((await tx.get('meta', 'counter')) as number | undefined) ?? 0;
            await settle(1);
            await tx.put('meta', 'counter', count + 1);
            order.push(i);
          }),
        ),
      );
      expect(await h.store.get('meta', 'counter')).toBe(20);
      expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
    });

    it('gives a read transaction one consistent state while a write commits', async () => {
      await h.store.write(async (tx) => {
        await tx.put('meta', 'a', 1);
        await tx.put('meta', 'b', 1);
      });
      let write: Promise<void> | undefined;
      const seen = await h.store.read(async (tx) => {
        const a = await tx.get('meta', 'a');
        write = h.store.write(async (w) => {
          await w.put('meta', 'a', 2);
          await w.put('meta', 'b', 2);
        });
        await settle();
        return [a, await tx.get('meta', 'b')];
      });
      await write;
      expect(seen).toEqual([1, 1]);
      expect([await h.store.get('meta', 'a'), await h.store.get('meta', 'b')]).toEqual([2, 2]);
    });

    it('refuses a transaction used after it finished, and writes in a read transaction', async () => {
      let leaked: Parameters<Parameters<Store['write']>[0]>[0] | undefined;
      await h.store.write(async (tx) => {
        leaked = tx;
      });
      await expect(leaked!.put('meta', 'late', 1)).rejects.toSatisfy((e: unknown) => isEngineError(e, 'store'));
      await expect(h.store.read((tx) => (tx as typeof leaked)!.put('meta', 'x', 1))).rejects.toSatisfy((e: unknown) => isEngineError(e, 'store'));
      expect(await h.store.get('meta', 'late')).toBeUndefined();
    });

    it('collects garbage: keeps what images, cache records and roots need, reports what it removed', async () => {
      await h.store.write(async (tx) => {
        for (const n of [10, 11, 12, 20, 21, 60, 61, 70]) await tx.put('blobs', digest(n), new Uint8Array(n));
        for (const n of [13, 14, 15, 16, 62]) await tx.put('layers', digest(n), { diffId: digest(n), size: n * 100, parentChainId: null, recipe: { entries: [] } });
        await tx.put('images', digest(1), image(1, { config: 10, manifest: 11, index: 12, diffIds: [13, 14] }));
        await tx.put('images', digest(2), image(2, { config: 20, manifest: 21, diffIds: [13] })); // dangling
        await tx.put('refs', 'docker.io/library/app:latest', { imageId: digest(1) });
        await tx.put('buildCache', 'key-1', { result: { diffId: digest(15) }, created: 't', lastUsed: 't' });
        await tx.put('buildCache', 'key-2', { result: { diffId: null, state: {} }, created: 't', lastUsed: 't' });
        await tx.put('containers', 'c1', { id: 'c1', name: 'c1', imageId: digest(2), created: 't', writableLayer: { entries: [] } });
      });
      const report = await collectGarbage(h.store, { blobs: [digest(70)] });
      expect(report).toEqual({
        blobs: [digest(60), digest(61)],
        layers: [digest(16), digest(62)],
        blobBytes: 121,
        layerBytes: 7800,
        bytesReclaimed: 7921,
        danglingImages: [digest(2)],
      });
      expect(await h.store.read((tx) => tx.keys('blobs'))).toEqual([10, 11, 12, 20, 21, 70].map(digest));
      expect(await h.store.read((tx) => tx.keys('layers'))).toEqual([13, 14, 15].map(digest));
      expect(await h.store.read((tx) => tx.keys('images'))).toEqual([digest(1), digest(2)]);
      expect((await collectGarbage(h.store, { blobs: [digest(70)] })).bytesReclaimed).toBe(0);
    });

    it('collects garbage: keeps the config and layers of every platform of a multi-platform image', async () => {
      const manifest = (config: number, layers: number[]) =>
        new TextEncoder().encode(JSON.stringify({ schemaVersion: 2, config: { digest: digest(config) }, layers: layers.map((n) => ({ digest: digest(n) })) }));
      await h.store.write(async (tx) => {
        for (const n of [30, 32, 34, 36]) await tx.put('blobs', digest(n), new Uint8Array(n));
        await tx.put('blobs', digest(31), manifest(30, [40]));
        await tx.put('blobs', digest(33), manifest(32, [41]));
        for (const n of [40, 41, 42]) await tx.put('layers', digest(n), { diffId: digest(n), size: n, parentChainId: null, recipe: { entries: [] } });
        await tx.put('images', digest(3), { ...image(3, { config: 30, manifest: 31, index: 34, diffIds: [40] }), manifests: { 'linux/amd64': digest(31), 'linux/arm64': digest(33) } });
        await tx.put('refs', 'docker.io/library/multi:latest', { imageId: digest(3) });
      });
      const report = await collectGarbage(h.store);
      expect(report.blobs).toEqual([digest(36)]);
      expect(report.layers).toEqual([digest(42)]);
      expect(await h.store.read((tx) => tx.keys('blobs'))).toEqual([30, 31, 32, 33, 34].map(digest));
    });

    it('stores and reads back a 10 MB blob', async () => {
      const big = new Uint8Array(10 * 1024 * 1024);
      for (let i = 0; i < big.length; i += 4093) big[i] = i % 251;
      await h.store.write((tx) => tx.put('blobs', digest(99), big));
      expect(sameBytes(await h.store.get('blobs', digest(99)), big)).toBe(true);
      if (h.reopen != null) expect(sameBytes(await (await h.reopen()).get('blobs', digest(99)), big)).toBe(true);
    });

    it('keeps everything across a reopen (persistent stores)', async (context) => {
      if (h.reopen == null) return context.skip();
      await putSamples(h.store);
      await h.store.write((tx) => tx.put('meta', 'x'.repeat(1024), { long: true }));
      const before = await dumpStore(h.store);
      const reopened = await h.reopen();
      expect(await dumpStore(reopened)).toEqual(before);
    });

    it('refuses work once closed', async () => {
      await h.store.close();
      await expect(h.store.get('meta', 'x')).rejects.toSatisfy((e: unknown) => isEngineError(e, 'store'));
    });
  });
}
