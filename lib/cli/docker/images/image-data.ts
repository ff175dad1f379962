import { familiarRef, readContainerState, type ContainerRecord, type ImageRecord, type ReadTx } from '@/lib/engine';
import type { Digest } from '@/lib/util';

/**
 * What the image commands read from a host's store, in the daemon's terms: each image with its
 * tags and digest references (familiar form, as `RepoTags` / `RepoDigests` print them), and the
 * containers that pin images. Containers are another area's records; their `state` is read
 * defensively (see `containerStatus`).
 */
export interface ImageEntry {
  readonly id: Digest;
  readonly record: ImageRecord;
  /** Store keys of its tags (`docker.io/library/app:latest`), sorted. */
  readonly tagKeys: readonly string[];
  /** Store keys of its digest references (`docker.io/library/app@sha256:…`), sorted. */
  readonly digestKeys: readonly string[];
}

export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

const STATUSES: readonly ContainerStatus[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];

export interface ContainerEntry {
  readonly id: string;
  readonly name: string;
  readonly imageId: Digest;
  readonly created: string;
  readonly status: ContainerStatus;
  /** Bytes the writable layer adds (`SizeRw`). */
  readonly sizeRw: number;
  readonly record: ContainerRecord;
  /** The record's state as of the time it was read (an expired `sleep` exited); undefined without one. */
  readonly state?: object;
}

/** All images with their references, in store (ID) order. */
export async function readImages(tx: ReadTx): Promise<ImageEntry[]> {
  const [images, refs] = await Promise.all([tx.list('images'), tx.list('refs')]);
  const tags = new Map<string, string[]>();
  const digests = new Map<string, string[]>();
  for (const [key, ref] of refs) {
    const into = key.includes('@') ? digests : tags;
    const list = into.get(ref.imageId);
    if (list === undefined) into.set(ref.imageId, [key]);
    else list.push(key);
  }
  return images.map(([id, record]) => ({ id: id as Digest, record, tagKeys: tags.get(id) ?? [], digestKeys: digests.get(id) ?? [] }));
}

/**
 * The status of a container record as of `now` (ms) when it is one Docker knows; `created`
 * otherwise. Through the engine's `readContainerState`, so a `sleep N` that has run out by `now`
 * is exited here as in `docker ps` (and no longer blocks `rmi` as a running container).
 */
export function containerStatus(record: ContainerRecord, now?: number): ContainerStatus {
  const state = record.state;
  if (typeof state !== 'object' || state === null) return 'created';
  const status = readContainerState(record, now).status as unknown;
  return STATUSES.find((s) => s === status) ?? 'created';
}

export async function readContainers(tx: ReadTx, now?: number): Promise<ContainerEntry[]> {
  return (await tx.list('containers')).map(([id, record]) => ({
    id: record.id || id,
    name: record.name,
    imageId: record.imageId,
    created: record.created,
    status: containerStatus(record, now),
    ...(typeof record.state === 'object' && record.state !== null ? { state: readContainerState(record, now) } : {}),
    sizeRw: writableSize(record),
    record,
  }));
}

function writableSize(record: ContainerRecord): number {
  let size = 0;
  for (const entry of record.writableLayer?.entries ?? []) {
    if (entry.kind === 'file') size += entry.content.kind === 'bytes' ? entry.content.bytes.length : entry.content.size;
  }
  return size;
}

const familiarCache = new Map<string, string>();

/** The familiar `name:tag` / `name@digest` of a store key (memoized: listings parse hundreds). */
export function familiar(key: string): string {
  let out = familiarCache.get(key);
  if (out === undefined) {
    out = familiarRef(key);
    if (familiarCache.size > 10_000) familiarCache.clear();
    familiarCache.set(key, out);
  }
  return out;
}

/** `nginx:latest` → `['nginx', 'latest']`; `nginx@sha256:…` → `['nginx', 'sha256:…']`. */
export function splitFamiliar(ref: string): [string, string] {
  const at = ref.indexOf('@');
  if (at >= 0) return [ref.slice(0, at), ref.slice(at + 1)];
  const colon = ref.lastIndexOf(':');
  return colon > ref.lastIndexOf('/') ? [ref.slice(0, colon), ref.slice(colon + 1)] : [ref, ''];
}

/** How many containers (any state) use each image. */
export function containerCounts(containers: readonly ContainerEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of containers) counts.set(c.imageId, (counts.get(c.imageId) ?? 0) + 1);
  return counts;
}

/** `sha256:3f2a…` → `3f2a1b4c5d6e` (`stringid.TruncateID`). */
export function truncateId(id: string): string {
  const hex = id.includes(':') ? id.slice(id.indexOf(':') + 1) : id;
  return hex.slice(0, 12);
}
