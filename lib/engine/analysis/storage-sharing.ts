import { shortId, type Digest } from '@/lib/util';
import { familiarRef, resolveImage } from '../archive';
import type { ImageRecord, Store } from '../store';

/**
 * Storage sharing (material 3.1 "Why Layers Matter": "Without sharing: 50+30+1 + 5+30+1 = 117 MB /
 * With sharing: 50+30+1+5 = 86 MB"): every image's size added up, against every distinct layer
 * counted once. A layer is the same layer when its diffID is the same (content-addressed), as
 * the material counts it.
 */

export interface SharingImage {
  id: Digest;
  /** Familiar tags; empty for an untagged image. */
  tags: string[];
  /** `docker images` SIZE. */
  size: number;
  layers: Digest[];
  /** Bytes of its layers another image of the set also uses. */
  sharedBytes: number;
  /** Bytes of its layers no other image of the set uses. */
  uniqueBytes: number;
}

export interface SharingLayer {
  diffId: Digest;
  size: number;
  /** IDs of the images using it, in the order of `images`. */
  images: Digest[];
}

export interface SharingReport {
  images: SharingImage[];
  /** Every distinct layer, those shared by most images first, then the largest. */
  layers: SharingLayer[];
  /** Σ image sizes: what the images would take if nothing were shared. */
  withoutSharing: number;
  /** Σ sizes of the distinct layers: what the store holds. */
  withSharing: number;
  /** withoutSharing − withSharing. */
  savedBytes: number;
  /** Bytes of the layers used by two images or more (each counted once). */
  sharedLayerBytes: number;
}

/** Sharing among `names` (tags or IDs), or among every image in the store when none are given. */
export async function storageSharing(store: Store, names?: readonly string[]): Promise<SharingReport> {
  return store.read(async (tx) => {
    const all = await tx.list('images');
    const refs = await tx.list('refs');
    let chosen: [string, ImageRecord][];
    if (names === undefined || names.length === 0) chosen = all;
    else {
      chosen = [];
      for (const name of names) {
        const id = await resolveImage(tx, name);
        const record = all.find(([key]) => key === id);
        if (record !== undefined && !chosen.some(([key]) => key === id)) chosen.push(record);
      }
    }
    const sizes = new Map<Digest, number>();
    for (const [, image] of chosen) {
      for (const diffId of image.diffIds) {
        if (!sizes.has(diffId)) sizes.set(diffId, (await tx.get('layers', diffId))?.size ?? 0);
      }
    }
    const tagsOf = (id: string) => refs.filter(([key, ref]) => ref.imageId === id && !key.includes('@')).map(([key]) => familiarRef(key));
    return sharingOf(chosen.map(([id, image]) => ({ id: id as Digest, tags: tagsOf(id), diffIds: image.diffIds, size: image.size })), sizes);
  });
}

/** The arithmetic, on plain data (image sizes as recorded; layer sizes by diffID). */
export function sharingOf(images: readonly { id: Digest; tags: string[]; diffIds: readonly Digest[]; size: number }[], sizes: ReadonlyMap<Digest, number>): SharingReport {
  const users = new Map<Digest, Digest[]>();
  for (const image of images) {
    for (const diffId of new Set(image.diffIds)) {
      const list = users.get(diffId) ?? [];
      list.push(image.id);
      users.set(diffId, list);
    }
  }
  const sizeOf = (diffId: Digest) => sizes.get(diffId) ?? 0;
  const out: SharingImage[] = images.map((image) => {
    let sharedBytes = 0;
    let uniqueBytes = 0;
    for (const diffId of new Set(image.diffIds)) {
      if ((users.get(diffId)?.length ?? 0) > 1) sharedBytes += sizeOf(diffId);
      else uniqueBytes += sizeOf(diffId);
    }
    return { id: image.id, tags: image.tags, size: image.size, layers: [...image.diffIds], sharedBytes, uniqueBytes };
  });
  const layers = [...users.entries()]
    .map(([diffId, ids]) => ({ diffId, size: sizeOf(diffId), images: ids }))
    .sort((a, b) => b.images.length - a.images.length || b.size - a.size || (a.diffId < b.diffId ? -1 : 1));
  const withoutSharing = images.reduce((n, i) => n + i.size, 0);
  const withSharing = layers.reduce((n, l) => n + l.size, 0);
  return {
    images: out,
    layers,
    withoutSharing,
    withSharing,
    savedBytes: withoutSharing - withSharing,
    sharedLayerBytes: layers.filter((l) => l.images.length > 1).reduce((n, l) => n + l.size, 0),
  };
}

/** `app:1` or the short ID of an untagged image, for labels. */
export function imageLabel(image: { id: Digest; tags: readonly string[] }): string {
  return image.tags[0] ?? shortId(image.id);
}
