import { describe, expect, it } from 'vitest';
import { isEngineError } from '../errors';
import { createMemoryStore } from './memory-store';
import { formatBytes, formatQuotaMessage } from './quota';
import { describeStoreContract } from './store-contract';
import { dumpStore, putSamples } from './store-contract-fixtures';

describeStoreContract('memory', async () => {
  let fault: { index: number; kind: 'quota' | 'io' } | undefined;
  const store = createMemoryStore({
    beforeChange: (_change, index) => {
      if (fault === undefined || index < fault.index) return;
      const { kind } = fault;
      fault = undefined;
      throw kind === 'quota' ? new DOMException('quota exceeded (injected)', 'QuotaExceededError') : new Error('injected failure');
    },
  });
  return {
    store,
    failNextCommit: (next) => {
      fault = next ?? undefined;
    },
  };
});

describe('memory store', () => {
  it('enforces maxBytes as a quota, leaving the previous state', async () => {
    const store = createMemoryStore({ maxBytes: 1_000_000 });
    await putSamples(store);
    const before = await dumpStore(store);
    const error = await store
      .write(async (tx) => {
        await tx.put('meta', 'note', 'small');
        await tx.put('blobs', `sha256:${'a'.repeat(64)}`, new Uint8Array(2_000_000));
      })
      .catch((e: unknown) => e);
    expect(isEngineError(error, 'quota')).toBe(true);
    expect((error as Error).message).toMatch(/^no space left on device: the in-memory store is full \(used [\d.]+k?B of 1MB\)$/);
    expect(await dumpStore(store)).toEqual(before);
    // Freeing space is always allowed, even for a store that is over its limit.
    await store.write((tx) => tx.delete('meta', 'schema').then(() => undefined));
  });
});

describe('stored values', () => {
  it('copies a Node Buffer into a plain Uint8Array of its own bytes', async () => {
    const store = createMemoryStore();
    const pool = Buffer.from('xxhello!xx');
    const view = pool.subarray(2, 8);
    await store.write((tx) => tx.put('blobs', `sha256:${'b'.repeat(64)}`, view));
    pool.fill(0);
    const read = await store.get('blobs', `sha256:${'b'.repeat(64)}`);
    expect(read?.constructor).toBe(Uint8Array);
    expect([read?.byteLength, read?.buffer.byteLength]).toEqual([6, 6]);
    expect(new TextDecoder().decode(read)).toBe('hello!');
  });
});

describe('quota messages', () => {
  it('formats sizes as the docker CLI does', () => {
    expect([0, 999, 1000, 1234, 48_200_000, 5e9].map(formatBytes)).toEqual(['0B', '999B', '1kB', '1.23kB', '48.2MB', '5GB']);
    expect(formatQuotaMessage("the browser's storage quota for this site", { usage: 48_200_000, quota: 50_000_000 })).toBe(
      "no space left on device: the browser's storage quota for this site is full (used 48.2MB of 50MB)",
    );
    expect(formatQuotaMessage('the disk holding /tmp/state')).toBe('no space left on device: the disk holding /tmp/state is full');
  });
});
