import { gzipBytes } from '@/lib/shell';
import { sha256Of, wasmSha256, type Digest } from '@/lib/util';
import { describe, expect, it } from 'vitest';
import { isEngineError } from '../errors';
import { createIndex, createManifest, emptyConfig, encodeImageConfig, MEDIA_TYPES, parseImagePlatform, serializeIndex, serializeManifest } from '../image';
import { encodeTarHeader } from '../layer';
import { createMemoryStore, type Store } from '../store';
import { createRegistries } from './create-registries';
import { createFakeRegistry, type FakeRegistry } from './fake-registry';
import { storeSnapshot, storeTestImage, tarOf } from './test-images';
import type { TransferEvent } from './types';

const HOST = 'localhost:5000';

function setup(fake: FakeRegistry, extra: { timeoutMs?: number; chunkSize?: number } = {}) {
  return createRegistries({ store: createMemoryStore(), sha256: wasmSha256, fetch: fake.fetch, ...extra });
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isEngineError(error)) return error.message;
    throw error;
  }
  throw new Error('expected a failure');
}

const statuses = (events: TransferEvent[]) => events.filter((e) => e.final).map((e) => (e.id !== undefined ? `${e.id}: ${e.status}` : e.status));

/** Seeds the fake with an image: config, gzip or plain layers, manifest of the given media types. */
async function seedImage(fake: FakeRegistry, repo: string, tag: string, layers: Uint8Array[], options: { gzip?: boolean; docker?: boolean; platform?: string } = {}) {
  const diffIds: Digest[] = [];
  const descriptors = [];
  for (const tar of layers) {
    diffIds.push(await sha256Of(tar));
    const blob = options.gzip === true ? await gzipBytes(tar) : tar;
    const digest = await fake.putBlob(repo, blob);
    const mediaType = options.gzip === true ? (options.docker === true ? MEDIA_TYPES.dockerLayerGzip : MEDIA_TYPES.ociLayerGzip) : MEDIA_TYPES.ociLayer;
    descriptors.push({ digest, size: blob.length, mediaType });
  }
  const config = {
    ...emptyConfig(parseImagePlatform(options.platform ?? 'linux/amd64')),
    rootfs: { type: 'layers' as const, diff_ids: diffIds },
    history: layers.map(() => ({ created_by: 'seeded' })),
  };
  const encoded = await encodeImageConfig(config, wasmSha256);
  await fake.putBlob(repo, encoded.bytes);
  const manifest = new TextEncoder().encode(serializeManifest(createManifest(encoded.id, encoded.size, descriptors, { format: options.docker === true ? 'docker' : 'oci' })));
  const digest = await fake.putManifest(repo, tag, manifest, options.docker === true ? MEDIA_TYPES.dockerManifest : MEDIA_TYPES.ociManifest);
  return { digest, size: manifest.length, imageId: encoded.id, diffIds };
}

describe('a real registry over HTTP (in-process fake)', () => {
  it('pushes and pulls through a Bearer token challenge, with the login', async () => {
    const fake = createFakeRegistry({ auth: { kind: 'bearer', username: 'ana', password: 'pw' } });
    const registries = setup(fake);
    const local = createMemoryStore();
    const image = await storeTestImage(local, `${HOST}/app:1.0`, [{ 'etc/base.txt': 'base\n' }, { 'app/main.sh': 'echo hi\n' }]);
    const credentials = { username: 'ana', password: 'pw' };
    const events: TransferEvent[] = [];
    const pushed = await registries.push({ ref: `${HOST}/app:1.0`, store: local, credentials, onEvent: (e) => events.push(e) });
    expect(statuses(events).slice(0, 3)).toEqual([`The push refers to repository [${HOST}/app]`, `${image.diffIds[1]?.slice(7, 19)}: Pushed`, `${image.diffIds[0]?.slice(7, 19)}: Pushed`]);
    expect(fake.log.some((l) => l.startsWith('GET /token?service=fake&scope=repository%3Aapp%3Apull%2Cpush'))).toBe(true);
    expect(fake.manifests.has(`app@${pushed.pushed[0]?.digest}`)).toBe(true);

    const other = createMemoryStore();
    const pulled = await registries.pull({ ref: `${HOST}/app:1.0`, store: other, credentials });
    expect(pulled.images[0]?.imageId).toBe(image.id);
    expect(pulled.images[0]?.manifestDigest).toBe(pushed.pushed[0]?.digest);
    // Without the login, the token endpoint refuses and nothing lands.
    const third = createMemoryStore();
    expect(await failure(registries.pull({ ref: `${HOST}/app:1.0`, store: third }))).toBe(`Get "http://${HOST}/token?service=fake&scope=repository%3Aapp%3Apull": unauthorized: invalid username or password`);
    expect(await storeSnapshot(third)).toBe('');
  });

  it('sends Basic credentials when asked, and says "no basic auth credentials" without them', async () => {
    const fake = createFakeRegistry({ auth: { kind: 'basic', username: 'ana', password: 'pw' } });
    const registries = setup(fake);
    const local = createMemoryStore();
    await storeTestImage(local, `${HOST}/app:1.0`, [{ 'a.txt': 'a' }]);
    expect(await failure(registries.push({ ref: `${HOST}/app:1.0`, store: local }))).toBe('no basic auth credentials');
    await registries.push({ ref: `${HOST}/app:1.0`, store: local, credentials: { username: 'ana', password: 'pw' } });
    expect(await registries.login(HOST, { username: 'ana', password: 'pw' })).toBe('Login Succeeded');
    expect(await failure(registries.login(HOST, { username: 'ana', password: 'nope' }))).toBe(`login attempt to http://${HOST}/v2/ failed with status: 401 Unauthorized`);
  });

  it('uploads big blobs in PATCH chunks with Content-Range, small ones in one PUT', async () => {
    const fake = createFakeRegistry();
    const registries = setup(fake, { chunkSize: 4096 });
    const local = createMemoryStore();
    const big = new Uint8Array(10_000).map((_, i) => (i * 7) & 0xff);
    await storeTestImage(local, `${HOST}/app:1.0`, [{ 'big.bin': big }]);
    await registries.push({ ref: `${HOST}/app:1.0`, store: local });
    const patches = fake.log.filter((l) => l.startsWith('PATCH '));
    expect(patches.length).toBe(3); // 11 264 tar bytes in 4 KiB pieces
    expect(fake.log.filter((l) => l.startsWith('PUT /v2/app/blobs/uploads/'))).toHaveLength(2); // the closing PUT, and the config's one-shot PUT
    const other = createMemoryStore();
    await registries.pull({ ref: `${HOST}/app:1.0`, store: other });
    expect((await other.list('images')).length).toBe(1);
  });

  it('says "Layer already exists" from a HEAD and mounts from a repository the daemon knows', async () => {
    const fake = createFakeRegistry();
    const registries = setup(fake);
    const local = createMemoryStore();
    const base = await storeTestImage(local, `${HOST}/base:1`, [{ 'base.txt': 'base' }]);
    await registries.push({ ref: `${HOST}/base:1`, store: local });
    await storeTestImage(local, `${HOST}/app:1`, [{ 'base.txt': 'base' }, { 'app.txt': 'app' }]);
    const events: TransferEvent[] = [];
    await registries.push({ ref: `${HOST}/app:1`, store: local, onEvent: (e) => events.push(e) });
    expect(statuses(events)[2]).toBe(`${base.diffIds[0]?.slice(7, 19)}: Mounted from base`);
    expect(fake.log).toContain(`POST /v2/app/blobs/uploads/?mount=${encodeURIComponent(base.diffIds[0] as string)}&from=base`);
    events.length = 0;
    await registries.push({ ref: `${HOST}/app:1`, store: local, onEvent: (e) => events.push(e) });
    expect(statuses(events).filter((s) => s.endsWith('Layer already exists'))).toHaveLength(2);
  });

  it('pulls gzip Docker schema 2 layers, keeping a foreign tar as the original', async () => {
    const fake = createFakeRegistry();
    const registries = setup(fake);
    // Our own tar round-trips; one with another tool's header (mtime 1234) does not.
    const ours = await tarOf({ 'etc/os-release': 'ID=test\n' });
    const foreign = new Uint8Array([...encodeTarHeader({ name: 'hello.txt', typeflag: '0', mode: 0o644, uid: 0, gid: 0, size: 3, mtime: 1234 }).flatMap((b) => [...b]), ...new Uint8Array(512).fill(0, 0).map((_, i) => (i < 3 ? 104 : 0)), ...new Uint8Array(1024)]);
    const seeded = await seedImage(fake, 'tool', 'latest', [ours, foreign], { gzip: true, docker: true });
    const local = createMemoryStore();
    const result = await registries.pull({ ref: `${HOST}/tool`, store: local });
    expect(result.images[0]).toMatchObject({ imageId: seeded.imageId, manifestDigest: seeded.digest, updated: true });
    const layers = Object.fromEntries(await local.list('layers'));
    expect(layers[seeded.diffIds[0] as string]?.tarBlob).toBeUndefined();
    expect(layers[seeded.diffIds[1] as string]?.tarBlob).toEqual({ size: foreign.length });
    expect(await local.get('blobs', seeded.diffIds[1] as string)).toEqual(foreign);
    expect(await local.get('refs', `${HOST}/tool@${seeded.digest}`)).toEqual({ imageId: seeded.imageId });
  });

  it('picks the platform from an index, and says when it has none', async () => {
    const fake = createFakeRegistry();
    const registries = setup(fake);
    const amd = await seedImage(fake, 'multi', 'amd', [await tarOf({ 'arch.txt': 'amd64' })]);
    const arm = await seedImage(fake, 'multi', 'arm', [await tarOf({ 'arch.txt': 'arm64' })], { platform: 'linux/arm64' });
    const index = serializeIndex(
      createIndex([
        { digest: amd.digest, size: amd.size, platform: parseImagePlatform('linux/amd64') },
        { digest: arm.digest, size: arm.size, platform: { architecture: 'arm64', os: 'linux', variant: 'v8' } },
      ]),
    );
    await fake.putManifest('multi', 'latest', new TextEncoder().encode(index), MEDIA_TYPES.ociIndex);
    const store = createMemoryStore();
    expect((await registries.pull({ ref: `${HOST}/multi`, store })).images[0]?.imageId).toBe(amd.imageId);
    expect((await registries.pull({ ref: `${HOST}/multi`, store, platform: 'linux/arm64' })).images[0]?.imageId).toBe(arm.imageId);
    expect(await failure(registries.pull({ ref: `${HOST}/multi`, store, platform: 'linux/s390x' }))).toBe('no matching manifest for linux/s390x in the manifest list entries');
  });

  it('leaves the store unchanged when the registry errors, lies or stalls', async () => {
    const check = async (fake: FakeRegistry, expected: string, extra: { timeoutMs?: number } = {}, store: Store = createMemoryStore()) => {
      const before = await storeSnapshot(store);
      expect(await failure(setup(fake, extra).pull({ ref: `${HOST}/app:1.0`, store }))).toBe(expected);
      expect(await storeSnapshot(store)).toBe(before);
    };
    await check(
      createFakeRegistry({ fault: (r) => (r.url.includes('/manifests/') ? new Response('oops', { status: 500 }) : undefined) }),
      'received unexpected HTTP status: 500 Internal Server Error',
    );
    // A layer blob whose bytes do not match its digest, after the manifest resolved fine.
    const corrupt = createFakeRegistry();
    const seeded = await seedImage(corrupt, 'app', '1.0', [await tarOf({ 'a.txt': 'a' })]);
    corrupt.blobs.set((await sha256Of(await tarOf({ 'a.txt': 'a' }))) as string, await tarOf({ 'a.txt': 'b' }));
    await check(corrupt, `filesystem layer verification failed for digest ${seeded.diffIds[0]}`);
    // A hostile layer: a path climbing out of the root.
    const hostile = createFakeRegistry();
    const evil = new Uint8Array([...encodeTarHeader({ name: '../evil', typeflag: '0', mode: 0o644, uid: 0, gid: 0, size: 0, mtime: 0 }).flatMap((b) => [...b]), ...new Uint8Array(1024)]);
    await seedImage(hostile, 'app', '1.0', [evil]);
    const store = createMemoryStore();
    await storeTestImage(store, 'docker.io/library/keep:1', [{ 'keep.txt': 'keep' }]);
    const message = await failure(setup(hostile).pull({ ref: `${HOST}/app:1.0`, store }));
    expect(message).toMatch(/\.\.\/evil/);
    expect((await store.list('refs')).map(([k]) => k)).toEqual(['docker.io/library/keep:1']);
    // Slow: no headers within the timeout.
    const slow = createFakeRegistry({ fault: () => new Promise<Response>((resolve) => setTimeout(() => resolve(new Response('{}')), 2000)) });
    await check(slow, `Get "http://${HOST}/v2/": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { timeoutMs: 50 });
    // Down: no fetch answers at all.
    const down = createRegistries({ store: createMemoryStore(), sha256: wasmSha256 });
    expect(await failure(down.pull({ ref: `${HOST}/app:1.0`, store }))).toBe(`Get "http://${HOST}/v2/": dial tcp ${HOST}: connect: connection refused`);
  });

  it('translates a registry’s errors as moby does', async () => {
    const fake = createFakeRegistry();
    const registries = setup(fake);
    const store = createMemoryStore();
    expect(await failure(registries.pull({ ref: `${HOST}/nothing:1`, store }))).toBe(`manifest for ${HOST}/nothing:1 not found: manifest unknown: manifest unknown`);
    const named = createFakeRegistry({ fault: (r) => (r.url.includes('/manifests/') ? new Response(JSON.stringify({ errors: [{ code: 'NAME_UNKNOWN', message: 'repository name not known to registry' }] }), { status: 404 }) : undefined) });
    expect(await failure(setup(named).pull({ ref: `${HOST}/nothing:1`, store }))).toBe(`repository ${HOST}/nothing not found: name unknown: repository name not known to registry`);
    const denied = createFakeRegistry({ fault: (r) => (r.method === 'POST' ? new Response(JSON.stringify({ errors: [{ code: 'DENIED', message: 'requested access to the resource is denied' }] }), { status: 403 }) : undefined) });
    await storeTestImage(store, `${HOST}/app:1`, [{ 'a.txt': 'a' }]);
    expect(await failure(setup(denied).push({ ref: `${HOST}/app:1`, store }))).toBe('denied: requested access to the resource is denied');
  });
});
