import { collectGarbageIn, parseImageConfig, parseNormalizedNamed, referenceName, referenceString, resolveImage, tagNameOnly, type ImageRecord, type WriteTx } from '@/lib/engine';
import { sha256Of, type Digest, type Sha256Factory } from '@/lib/util';
import { DaemonError } from '../command';
import { familiar, truncateId, type ContainerEntry } from './image-data';

/**
 * The graphdriver image service's delete (moby `daemon/images/image_delete.go`), over one write
 * transaction: untag first when a name was given, refuse with Docker's conflict texts, delete the
 * image and report the layers (chainIDs) no other image still stacks on. Containers keep what
 * they stand on: a stopped container's image deleted with `-f` loses its record and refs, but
 * its config blob and layers stay (`collectGarbageForContainers`), as Docker's layer store keeps
 * them for the container's mount.
 */
export interface DeleteItem {
  readonly untagged?: string;
  readonly deleted?: string;
}

export interface DeleteResult {
  readonly items: DeleteItem[];
  /** Sum of the sizes of the layers freed (prune's "Total reclaimed space"). */
  readonly reclaimed: number;
}

export interface DeleteOptions {
  readonly force: boolean;
  readonly prune: boolean;
  readonly sha256: Sha256Factory;
  readonly containers: readonly ContainerEntry[];
}

const RUNNING = new Set(['running', 'paused', 'restarting']);

export async function deleteImage(tx: WriteTx, imageRef: string, options: DeleteOptions): Promise<DeleteResult> {
  const id = await resolveImage(tx, imageRef);
  const items: DeleteItem[] = [];
  let refs = await refsOf(tx, id);
  const users = options.containers.filter((c) => c.imageId === id).sort((a, b) => (a.id < b.id ? -1 : 1));
  let quiet = false;
  if (!isIdPrefix(id, imageRef)) {
    if (!options.force && isSingleReference(refs) && users[0] !== undefined) {
      throw new DaemonError(`conflict: unable to remove repository reference "${imageRef}" (must force) - container ${truncateId(users[0].id)} is using its referenced image ${truncateId(id)}`);
    }
    const removed = tagNameOnly(parseNormalizedNamed(imageRef));
    await tx.delete('refs', referenceString(removed));
    items.push({ untagged: familiar(referenceString(removed)) });
    refs = await refsOf(tx, id);
    // A tag went and no other tag of its repository is left: its digest refs go too.
    if (removed.digest === undefined) {
      const name = referenceName(removed);
      const sameRepo = (key: string) => referenceName(parseNormalizedNamed(key)) === name;
      if (!refs.some((key) => !key.includes('@') && sameRepo(key))) {
        for (const key of refs.filter((k) => k.includes('@') && sameRepo(k))) {
          await tx.delete('refs', key);
          items.push({ untagged: familiar(key) });
        }
        refs = await refsOf(tx, id);
      }
    }
    if (refs.length > 0) return { items, reclaimed: 0 };
    quiet = true;
  } else if (isSingleReference(refs)) {
    const conflict = checkConflict(id, refs, users, { hard: true, soft: !options.force, activeReference: false });
    if (conflict !== undefined) throw new DaemonError(conflict.message);
    for (const key of refs) {
      await tx.delete('refs', key);
      items.push({ untagged: familiar(key) });
    }
    refs = [];
  }
  const conflict = checkConflict(id, refs, users, { hard: true, soft: !options.force, activeReference: !options.force });
  if (conflict !== undefined) {
    // After an untag, conflicts are kept quiet unless the image is left dangling and unused.
    if (quiet && (refs.length > 0 || conflict.used)) return { items, reclaimed: 0 };
    throw new DaemonError(conflict.message);
  }
  for (const key of refs) {
    await tx.delete('refs', key);
    items.push({ untagged: familiar(key) });
  }
  const record = (await tx.get('images', id)) as ImageRecord;
  await tx.delete('images', id);
  items.push({ deleted: id });
  const freed = await freedLayers(tx, record, options);
  for (const layer of freed) items.push({ deleted: layer.chainId });
  return { items, reclaimed: freed.reduce((n, l) => n + l.size, 0) };
}

/** The image's refs (store keys), sorted. */
async function refsOf(tx: WriteTx, id: Digest): Promise<string[]> {
  return (await tx.list('refs')).filter(([, ref]) => ref.imageId === id).map(([key]) => key);
}

/** moby `isImageIDPrefix`: was the image named by (a prefix of) its ID? */
function isIdPrefix(id: string, ref: string): boolean {
  return id.startsWith(ref) || id.slice(id.indexOf(':') + 1).startsWith(ref);
}

/** moby `isSingleReference`: one tag (plus digests of its repository only), or digests of one repository. */
function isSingleReference(keys: readonly string[]): boolean {
  if (keys.length <= 1) return keys.length === 1;
  const tags = keys.filter((k) => !k.includes('@'));
  if (tags.length > 1) return false;
  const digestRepos = new Set(keys.filter((k) => k.includes('@')).map((k) => referenceName(parseNormalizedNamed(k))));
  const single = referenceName(parseNormalizedNamed(tags[0] ?? (keys[0] as string)));
  return digestRepos.size === 1 && digestRepos.has(single);
}

interface Conflict {
  readonly message: string;
  readonly used: boolean;
}

/** moby `checkImageDeleteConflict` with its hard (children, running) and soft (refs, stopped) parts. */
function checkConflict(id: Digest, refs: readonly string[], users: readonly ContainerEntry[], mask: { hard: boolean; soft: boolean; activeReference: boolean }): Conflict | undefined {
  const text = (hard: boolean, message: string) => `conflict: unable to delete ${truncateId(id)} (${hard ? 'cannot be forced' : 'must be forced'}) - ${message}`;
  if (mask.hard) {
    const running = users.find((c) => RUNNING.has(c.status));
    if (running !== undefined) return { message: text(true, `image is being used by running container ${truncateId(running.id)}`), used: true };
  }
  if (mask.activeReference && refs.length > 0) return { message: text(false, 'image is referenced in multiple repositories'), used: false };
  if (mask.soft) {
    const stopped = users.find((c) => !RUNNING.has(c.status));
    if (stopped !== undefined) return { message: text(false, `image is being used by stopped container ${truncateId(stopped.id)}`), used: true };
  }
  return undefined;
}

/**
 * The layers of a deleted image that nothing stacks on any more, top first, as the layer store
 * releases them: a layer is its chain (its diffIDs from the base), kept while any remaining
 * image — or the image of any container — has the same chain.
 */
async function freedLayers(tx: WriteTx, deleted: ImageRecord, options: DeleteOptions): Promise<{ chainId: Digest; size: number }[]> {
  const kept = new Set<string>();
  const keep = (diffIds: readonly string[]) => {
    for (let i = 1; i <= diffIds.length; i++) kept.add(diffIds.slice(0, i).join(' '));
  };
  for (const [, image] of await tx.list('images')) keep(image.diffIds);
  for (const stack of await containerStacks(tx, options.containers)) keep(stack);
  const chain: Digest[] = [];
  for (const [i, diffId] of deleted.diffIds.entries()) chain.push(i === 0 ? diffId : await sha256Of(`${chain[i - 1]} ${diffId}`, options.sha256));
  const freed: { chainId: Digest; size: number }[] = [];
  for (let i = deleted.diffIds.length; i >= 1; i--) {
    if (kept.has(deleted.diffIds.slice(0, i).join(' '))) break;
    const size = (await tx.get('layers', deleted.diffIds[i - 1] as string))?.size ?? 0;
    freed.push({ chainId: chain[i - 1] as Digest, size });
  }
  return freed;
}

/** The layer stacks (diffIDs, base first) of the images containers stand on, records or not. */
async function containerStacks(tx: WriteTx, containers: readonly ContainerEntry[]): Promise<Digest[][]> {
  const stacks: Digest[][] = [];
  for (const imageId of new Set(containers.map((c) => c.imageId))) {
    const record = await tx.get('images', imageId);
    if (record !== undefined) {
      stacks.push(record.diffIds);
      continue;
    }
    const config = await tx.get('blobs', imageId);
    if (config !== undefined) stacks.push(parseImageConfig(config).rootfs.diff_ids as Digest[]);
  }
  return stacks;
}

/**
 * `collectGarbageIn` that also keeps what containers stand on when their image record was
 * deleted: the config blob (named by the container's imageId) and its layers.
 */
export async function collectGarbageForContainers(tx: WriteTx, containers: readonly ContainerEntry[]): Promise<void> {
  const blobs: string[] = [];
  const layers: string[] = [];
  for (const imageId of new Set(containers.map((c) => c.imageId))) {
    if (await tx.has('images', imageId)) continue;
    const config = await tx.get('blobs', imageId);
    if (config === undefined) continue;
    blobs.push(imageId);
    layers.push(...parseImageConfig(config).rootfs.diff_ids);
  }
  await collectGarbageIn(tx, { blobs, layers });
}
