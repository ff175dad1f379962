/**
 * Test support for the archive tests (not exported from index.ts): images put straight into a
 * store without the builder, archives crafted entry by entry (including hostile ones), and the
 * default hasher (lib/engine may not import lib/cli's Node one).
 */
import { type Digest, type Sha256Factory, wasmSha256 } from '@/lib/util';
import { applyChangeSet, bytesContent, createTree, type ChangeEntry, type ChangeSet, type FsTree, sortChangeEntries, syntheticContent } from '../fs';
import { emptyConfig, encodeImageConfig, type ImageConfig, updateConfig, withCreated, withHistory, type RunConfigPatch } from '../image';
import { diffIdOf, encodeTarHeader, type TarHeaderFields } from '../layer';
import type { Store } from '../store';
import { storeImage } from './store-image';
import { refKey } from './resolve-image';

export const sha256: Sha256Factory = wasmSha256;

const attrs = { mode: 0o644, uid: 0, gid: 0 };
export const file = (path: string, text: string, mode = 0o644, uid = 0): ChangeEntry => ({ kind: 'file', path, ...attrs, mode, uid, gid: uid, content: bytesContent(text) });
export const dir = (path: string, mode = 0o755): ChangeEntry => ({ kind: 'dir', path, ...attrs, mode });
export const big = (path: string, size: number, seed: string): ChangeEntry => ({ kind: 'file', path, ...attrs, content: syntheticContent(size, seed) });

/** Stores an image made of `layers` (change sets, base first) and tags it; returns its ID. */
export async function putImage(store: Store, layers: readonly ChangeEntry[][], tags: readonly string[] = [], patch: RunConfigPatch = {}): Promise<Digest> {
  let config: ImageConfig = withCreated(updateConfig(emptyConfig({ os: 'linux', architecture: 'amd64' }), patch), '2024-05-01T10:00:00Z');
  const recorded: { diffId: Digest; changeSet: ChangeSet }[] = [];
  for (const [i, entries] of layers.entries()) {
    const changeSet = { entries: sortChangeEntries(entries) };
    const diffId = await diffIdOf(changeSet, sha256);
    config = withHistory(config, { created: '2024-05-01T10:00:00Z', created_by: `COPY layer${i} / # buildkit`, comment: 'buildkit.dockerfile.v0' }, diffId);
    recorded.push({ diffId, changeSet });
  }
  const { bytes } = await encodeImageConfig(config, sha256);
  return store.write(async (tx) => {
    const id = await storeImage(tx, { configBytes: bytes, config, layers: recorded, sha256 });
    for (const tag of tags) await tx.put('refs', refKey(tag), { imageId: id });
    return id;
  });
}

/** The merged root filesystem of an image in the store. */
export async function rootfsOf(store: Store, id: Digest): Promise<FsTree> {
  const image = await store.get('images', id);
  let tree = createTree();
  for (const diffId of image?.diffIds ?? []) {
    const layer = await store.get('layers', diffId);
    if (layer) tree = applyChangeSet(tree, layer.recipe);
  }
  return tree;
}

export async function collect(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return concat(parts);
}

export type CraftEntry = Partial<TarHeaderFields> & { readonly name: string; readonly data?: Uint8Array | string };

/** A tar written entry by entry with whatever names, links and sizes a test needs. */
export function craftTar(entries: readonly CraftEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? new TextEncoder().encode(entry.data) : (entry.data ?? new Uint8Array(0));
    const header: TarHeaderFields = { typeflag: '0', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: data.length, linkname: '', ...entry };
    parts.push(...encodeTarHeader(header), data, new Uint8Array(-data.length & 511));
  }
  parts.push(new Uint8Array(1024));
  return concat(parts);
}

/** The files of a tar (name → bytes), for looking inside saved archives. */
export function untar(bytes: Uint8Array): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let at = 0;
  let longName: string | undefined;
  while (at + 512 <= bytes.length) {
    const block = bytes.subarray(at, at + 512);
    if (block.every((b) => b === 0)) break;
    const text = (o: number, n: number) => new TextDecoder().decode(block.subarray(o, o + n)).replace(/\0.*$/s, '');
    const size = parseInt(text(124, 12), 8) || 0;
    const prefix = text(345, 155);
    const data = bytes.subarray(at + 512, at + 512 + size);
    const type = text(156, 1);
    if (type === 'x') longName = /\d+ path=(.*)\n/.exec(new TextDecoder().decode(data))?.[1];
    else {
      out.set(longName ?? (prefix ? `${prefix}/${text(0, 100)}` : text(0, 100)), data);
      longName = undefined;
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
