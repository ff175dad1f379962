/**
 * Test images for the registry tests: layers of real files, hashed by lib/engine/layer, written
 * with the same records a build writes, and tagged.
 */
import { type Digest, sha256Of, wasmSha256 } from '@/lib/util';
import { bytesContent, sortChangeEntries, type ChangeEntry, type ChangeSet } from '../fs';
import { createIndex, emptyConfig, encodeImageConfig, parseImagePlatform, serializeIndex, type ImageConfig } from '../image';
import { changeSetToTar, hashLayer } from '../layer';
import type { Store } from '../store';
import { putImage, uncompressedManifest } from './local-images';

export type LayerFiles = Readonly<Record<string, string | Uint8Array>>;

export function changeSetOf(files: LayerFiles): ChangeSet {
  const entries: ChangeEntry[] = [];
  const dirs = new Set<string>();
  for (const path of Object.keys(files)) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  for (const dir of dirs) entries.push({ kind: 'dir', path: dir, mode: 0o755, uid: 0, gid: 0 });
  for (const [path, data] of Object.entries(files)) entries.push({ kind: 'file', path, mode: 0o644, uid: 0, gid: 0, content: bytesContent(data) });
  return { entries: sortChangeEntries(entries) };
}

/** Stores an image with one layer per entry of `layers` and tags it (`ref`: normalized, `host/x:tag`). */
export async function storeTestImage(store: Store, ref: string, layers: readonly LayerFiles[], platform = 'linux/amd64'): Promise<{ id: Digest; config: ImageConfig; diffIds: Digest[] }> {
  const changeSets = layers.map(changeSetOf);
  const digests = await Promise.all(changeSets.map((cs) => hashLayer(cs, wasmSha256)));
  const config: ImageConfig = {
    ...emptyConfig(parseImagePlatform(platform)),
    created: '2024-01-01T00:00:00Z',
    rootfs: { type: 'layers', diff_ids: digests.map((d) => d.diffId) },
    history: layers.map((_, i) => ({ created: '2024-01-01T00:00:00Z', created_by: `COPY layer${i} / # buildkit`, comment: 'buildkit.dockerfile.v0' })),
  };
  const encoded = await encodeImageConfig(config, wasmSha256);
  const manifest = await uncompressedManifest(encoded.id, encoded.size, digests, wasmSha256);
  await store.write(async (tx) => {
    await putImage(tx, {
      configBytes: encoded.bytes,
      config,
      layers: changeSets.map((changeSet, i) => ({ diffId: (digests[i] as { diffId: Digest }).diffId, changeSet, tarSize: (digests[i] as { tarSize: number }).tarSize })),
      manifestBytes: manifest.bytes,
      manifestDigest: manifest.digest,
      sha256: wasmSha256,
    });
    await tx.put('refs', ref, { imageId: encoded.id });
  });
  return { id: encoded.id, config, diffIds: digests.map((d) => d.diffId) };
}

/**
 * Stores a multi-platform image as a `buildx build --platform a,b` leaves it: one image per
 * platform (the first one tagged `ref`, holding every platform's manifest and the index digest)
 * and the index blob. Returns the index digest and each platform's image ID.
 */
export async function storeTestIndex(store: Store, ref: string, platforms: Readonly<Record<string, readonly LayerFiles[]>>): Promise<{ indexDigest: Digest; ids: Record<string, Digest> }> {
  const ids: Record<string, Digest> = {};
  const entries: { digest: Digest; size: number; platform: ReturnType<typeof parseImagePlatform> }[] = [];
  for (const [platform, layers] of Object.entries(platforms)) {
    const image = await storeTestImage(store, `${ref}-${platform.replace(/\//g, '-')}`, layers, platform);
    ids[platform] = image.id;
    const record = await store.get('images', image.id);
    const digest = record?.manifests[platform] as Digest;
    entries.push({ digest, size: (await store.get('blobs', digest))?.length ?? 0, platform: parseImagePlatform(platform) });
  }
  const bytes = new TextEncoder().encode(serializeIndex(createIndex(entries)));
  const indexDigest = await sha256Of(bytes, wasmSha256);
  const main = Object.values(ids)[0] as Digest;
  await store.write(async (tx) => {
    await tx.put('blobs', indexDigest, bytes);
    for (const platform of Object.keys(platforms)) await tx.delete('refs', `${ref}-${platform.replace(/\//g, '-')}`);
    const record = await tx.get('images', main);
    if (record !== undefined) await tx.put('images', main, { ...record, manifests: Object.fromEntries(entries.map((e, i) => [Object.keys(platforms)[i] as string, e.digest])), indexDigest });
    await tx.put('refs', ref, { imageId: main });
  });
  return { indexDigest, ids };
}

/** A layer's tar bytes, as our writer produces them. */
export async function tarOf(files: LayerFiles): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of changeSetToTar(changeSetOf(files))) parts.push(chunk);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Every record of the store, for proving a failure changed nothing. */
export async function storeSnapshot(store: Store): Promise<string> {
  const out: string[] = [];
  for (const kind of ['blobs', 'layers', 'images', 'refs', 'meta'] as const) {
    for (const [key, value] of await store.list(kind)) out.push(`${kind}/${key}:${value instanceof Uint8Array ? value.length : JSON.stringify(value).length}`);
  }
  return out.join('\n');
}
