import { wasmSha256 } from '@/lib/util';
import { describe, expect, it } from 'vitest';
import { isEngineError } from '../errors';
import { MEDIA_TYPES, parseImageConfig, parseIndex } from '../image';
import { createMemoryStore } from '../store';
import { createRegistries } from './create-registries';
import { createFakeRegistry } from './fake-registry';
import { storeSnapshot, storeTestIndex, type LayerFiles } from './test-images';
import type { TransferEvent } from './types';

/**
 * A multi-platform image (what `buildx build --platform linux/amd64,linux/arm64 --push` leaves)
 * goes up whole: every platform's layers and manifest, then the index under the tag; a pull picks
 * its platform out of the index and reports the index digest.
 */
const PLATFORMS: Record<string, LayerFiles[]> = {
  'linux/amd64': [{ 'etc/base.txt': 'base amd64\n' }, { 'app/run': 'amd64 app\n' }],
  'linux/arm64': [{ 'etc/base.txt': 'base arm64\n' }, { 'app/run': 'arm64 app\n' }],
};

const finals = (events: TransferEvent[]) => events.filter((e) => e.final).map((e) => (e.id !== undefined ? `${e.id}: ${e.status}` : e.status));

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isEngineError(error)) return error.message;
    throw error;
  }
  throw new Error('expected a failure');
}

const architectureOf = async (store: ReturnType<typeof createMemoryStore>, ref: string) => {
  const id = (await store.get('refs', ref))?.imageId ?? '';
  return parseImageConfig((await store.get('blobs', id)) ?? new Uint8Array()).architecture;
};

describe('pushing and pulling an image index', () => {
  it('on a modeled registry: pushes each platform and the index, and pulls the platform asked for', async () => {
    const registries = createRegistries({ store: createMemoryStore(), sha256: wasmSha256 });
    const workstation = createMemoryStore();
    const { indexDigest } = await storeTestIndex(workstation, 'registry.company.com/multi:1.0', PLATFORMS);
    const events: TransferEvent[] = [];
    const pushed = await registries.push({ ref: 'registry.company.com/multi:1.0', store: workstation, onEvent: (e) => events.push(e) });
    expect(pushed.pushed).toEqual([{ tag: '1.0', digest: indexDigest, size: expect.any(Number) }]);
    const lines = finals(events);
    // Four distinct layers, each pushed once, then the index's digest line.
    expect(lines.filter((l) => l.endsWith(': Pushed'))).toHaveLength(4);
    expect(lines.at(-1)).toMatch(new RegExp(`^1\\.0: digest: ${indexDigest} size: \\d+$`));

    const staging = createMemoryStore();
    const pulled: TransferEvent[] = [];
    const arm = await registries.pull({ ref: 'registry.company.com/multi:1.0', store: staging, platform: 'linux/arm64', onEvent: (e) => pulled.push(e) });
    expect(arm.images[0]?.manifestDigest).toBe(indexDigest);
    expect(finals(pulled)).toContain(`Digest: ${indexDigest}`);
    expect(await architectureOf(staging, 'registry.company.com/multi:1.0')).toBe('arm64');
    expect(await staging.get('refs', `registry.company.com/multi@${indexDigest}`)).toBeDefined();

    // Without --platform: the host's (linux/amd64); the tag moves to it.
    const amd = await registries.pull({ ref: 'registry.company.com/multi:1.0', store: staging });
    expect(amd.images[0]?.updated).toBe(true);
    expect(await architectureOf(staging, 'registry.company.com/multi:1.0')).toBe('amd64');
    // By the index digest too.
    const byDigest = await registries.pull({ ref: `registry.company.com/multi@${indexDigest}`, store: createMemoryStore(), platform: 'linux/arm64' });
    expect(byDigest.images[0]?.imageId).toBe(arm.images[0]?.imageId);

    const prod = createMemoryStore();
    expect(await failure(registries.pull({ ref: 'registry.company.com/multi:1.0', store: prod, platform: 'linux/s390x' }))).toBe(
      'no matching manifest for linux/s390x in the manifest list entries',
    );
    expect(await storeSnapshot(prod)).toBe('');
  });

  it('a single-platform push to the same tag replaces the index', async () => {
    const registries = createRegistries({ store: createMemoryStore(), sha256: wasmSha256 });
    const workstation = createMemoryStore();
    const { ids } = await storeTestIndex(workstation, 'registry.company.com/multi:1.0', PLATFORMS);
    await registries.push({ ref: 'registry.company.com/multi:1.0', store: workstation });
    // The amd64 image alone under the same tag: no index any more, so arm64 is a mismatch.
    await workstation.write(async (tx) => {
      const record = await tx.get('images', ids['linux/amd64'] as string);
      if (record === undefined) return;
      const { indexDigest: _dropped, ...single } = record;
      await tx.put('images', record.id, { ...single, manifests: { 'linux/amd64': record.manifests['linux/amd64'] ?? record.configDigest } });
    });
    await registries.push({ ref: 'registry.company.com/multi:1.0', store: workstation });
    expect(await failure(registries.pull({ ref: 'registry.company.com/multi:1.0', store: createMemoryStore(), platform: 'linux/arm64' }))).toBe(
      'image with reference registry.company.com/multi:1.0 was found but does not match the specified platform: wanted linux/arm64, actual: linux/amd64',
    );
  });

  it('on a real registry: PUTs each platform manifest by digest, then the index by tag', async () => {
    const fake = createFakeRegistry();
    const registries = createRegistries({ store: createMemoryStore(), sha256: wasmSha256, fetch: fake.fetch });
    const workstation = createMemoryStore();
    const { indexDigest } = await storeTestIndex(workstation, 'localhost:5000/multi:1.0', PLATFORMS);
    const pushed = await registries.push({ ref: 'localhost:5000/multi:1.0', store: workstation });
    expect(pushed.pushed[0]?.digest).toBe(indexDigest);
    const puts = fake.log.filter((l) => l.startsWith('PUT /v2/multi/manifests/'));
    expect(puts).toHaveLength(3);
    expect(puts.slice(0, 2).every((l) => /manifests\/sha256:[0-9a-f]{64}$/.test(l))).toBe(true);
    expect(puts[2]).toBe('PUT /v2/multi/manifests/1.0');
    const tagged = fake.manifests.get('multi:1.0');
    expect(tagged?.mediaType).toBe(MEDIA_TYPES.ociIndex);
    expect(parseIndex(tagged?.bytes ?? new Uint8Array()).manifests.map((m) => `${m.platform?.os}/${m.platform?.architecture}`)).toEqual(['linux/amd64', 'linux/arm64']);

    const staging = createMemoryStore();
    const arm = await registries.pull({ ref: 'localhost:5000/multi:1.0', store: staging, platform: 'linux/arm64' });
    expect(arm.images[0]?.manifestDigest).toBe(indexDigest);
    expect(await architectureOf(staging, 'localhost:5000/multi:1.0')).toBe('arm64');
  });
});
