import { type ChangeEntry, type ChangeSet, contentSize, contentSlices, OPAQUE_MARKER, splitLayerPath, WHITEOUT_PREFIX } from '../fs';
import { BLOCK_SIZE, encodeTarHeader, type TarHeaderFields } from './tar-header';

/**
 * A change set as an uncompressed OCI layer tar (application/vnd.oci.image.layer.v1.tar):
 * entries in change-set order, mtime fixed (0 unless given), numeric uid/gid with empty
 * uname/gname, directories with a trailing `/`, whiteouts and opaque markers as empty regular
 * files (mode 0, as containerd writes them), hard links typeflag `1`, content streamed.
 *
 * Synthetic files carry a vendor PAX record `LAYERLAB.synthetic=<seed>` (POSIX pax lets vendors
 * add `VENDOR.keyword` records; tar readers ignore unknown ones). It lets `tarToChangeSet` turn our
 * own saved layers back into synthetic content, so `docker load` of a 1 GB image stays cheap.
 */
export interface TarOptions {
  /** Entry mtime in seconds since the epoch (default 0, the reproducible-builds convention). */
  readonly mtime?: number;
}

export const SYNTHETIC_PAX_KEY = 'LAYERLAB.synthetic';
const EOF_BLOCKS = new Uint8Array(2 * BLOCK_SIZE);
const ZEROS = new Uint8Array(BLOCK_SIZE);

function whiteoutName(path: string, marker: string): string {
  return path === '' ? marker : `${path}/${marker}`;
}

export function tarHeaderOf(entry: ChangeEntry, mtime: number): TarHeaderFields {
  const owner = { mtime, linkname: '' };
  switch (entry.kind) {
    case 'dir':
      return { ...owner, name: `${entry.path}/`, typeflag: '5', mode: entry.mode, uid: entry.uid, gid: entry.gid, size: 0 };
    case 'file': {
      const pax = entry.content.kind === 'synthetic' ? { [SYNTHETIC_PAX_KEY]: entry.content.seed } : undefined;
      return { ...owner, name: entry.path, typeflag: '0', mode: entry.mode, uid: entry.uid, gid: entry.gid, size: contentSize(entry.content), pax };
    }
    case 'symlink':
      return { ...owner, name: entry.path, typeflag: '2', mode: entry.mode, uid: entry.uid, gid: entry.gid, size: 0, linkname: entry.target };
    case 'hardlink':
      return { ...owner, name: entry.path, typeflag: '1', mode: entry.mode, uid: entry.uid, gid: entry.gid, size: 0, linkname: entry.target };
    case 'whiteout': {
      const [dir, base] = splitLayerPath(entry.path);
      return { ...owner, name: whiteoutName(dir, `${WHITEOUT_PREFIX}${base}`), typeflag: '0', mode: 0, uid: 0, gid: 0, size: 0 };
    }
    case 'opaque':
      return { ...owner, name: whiteoutName(entry.path, OPAQUE_MARKER), typeflag: '0', mode: 0, uid: 0, gid: 0, size: 0 };
  }
}

/**
 * The tar as a sequence of read-only pieces: header blocks, content views (synthetic pages are
 * views of a shared pool), shared zero padding. Nothing is copied, so hashing costs only the hash.
 * Never mutate or transfer a piece; `changeSetToTar` copies them into owned chunks.
 */
export function* tarPieces(changeSet: ChangeSet, options: TarOptions = {}): Generator<Uint8Array> {
  const mtime = options.mtime ?? 0;
  for (const entry of changeSet.entries) {
    yield* encodeTarHeader(tarHeaderOf(entry, mtime));
    if (entry.kind !== 'file') continue;
    yield* contentSlices(entry.content);
    const pad = -contentSize(entry.content) & (BLOCK_SIZE - 1);
    if (pad > 0) yield ZEROS.subarray(0, pad);
  }
  yield EOF_BLOCKS;
}

/** Tar sizes at mtime 0 by change set (a change set is immutable, so its identity is its content). */
const tarSizes = new WeakMap<ChangeSet, number>();

/**
 * Byte length of the layer tar, computed without producing it (the manifest descriptor's size).
 * Memoized by change-set identity for the default mtime: encoding every header of a big layer
 * on each cached build is what made them slow.
 */
export function layerTarSize(changeSet: ChangeSet, options: TarOptions = {}): number {
  const mtime = options.mtime ?? 0;
  if (mtime !== 0) return computeLayerTarSize(changeSet, mtime);
  let size = tarSizes.get(changeSet);
  if (size === undefined) {
    size = computeLayerTarSize(changeSet, 0);
    tarSizes.set(changeSet, size);
  }
  return size;
}

function computeLayerTarSize(changeSet: ChangeSet, mtime: number): number {
  let size = 2 * BLOCK_SIZE;
  for (const entry of changeSet.entries) {
    for (const block of encodeTarHeader(tarHeaderOf(entry, mtime))) size += block.length;
    if (entry.kind === 'file') size += Math.ceil(contentSize(entry.content) / BLOCK_SIZE) * BLOCK_SIZE;
  }
  return size;
}

/**
 * The layer tar as an async stream of owned chunks of about `chunkSize` bytes (default 1 MiB):
 * safe to keep, transfer or write. Memory stays at one chunk whatever the layer's size.
 */
export async function* changeSetToTar(changeSet: ChangeSet, options: TarOptions & { readonly chunkSize?: number } = {}): AsyncGenerator<Uint8Array> {
  const chunkSize = Math.max(BLOCK_SIZE, options.chunkSize ?? 1 << 20);
  let chunk = new Uint8Array(chunkSize);
  let used = 0;
  for (const piece of tarPieces(changeSet, options)) {
    let at = 0;
    while (at < piece.length) {
      const take = Math.min(piece.length - at, chunkSize - used);
      chunk.set(piece.subarray(at, at + take), used);
      used += take;
      at += take;
      if (used === chunkSize) {
        yield chunk;
        chunk = new Uint8Array(chunkSize);
        used = 0;
      }
    }
  }
  if (used > 0) yield chunk.subarray(0, used);
}
