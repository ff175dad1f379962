import { iterableToStream } from '@/lib/util';
import { createTarDecoder, type ParsedTarEntry } from 'modern-tar';
import { EngineError } from '../errors';
import {
  type ChangeEntry,
  type ChangeSet,
  cleanLayerPath,
  OPAQUE_MARKER,
  sortChangeEntries,
  splitLayerPath,
  symlinkStaysInRoot,
  syntheticContent,
  contentSlices,
  WHITEOUT_PREFIX,
} from '../fs';
import { equalBytes } from './bytes-equal';
import { SYNTHETIC_PAX_KEY } from './change-set-to-tar';

/**
 * Parses a layer tar (docker load / import) into a change set. The input is hostile until
 * proven otherwise: `..` or absolute names and relative symlinks climbing out of the root are
 * `path-escape` (moby's breakoutError), hard links must name a clean path, bad checksums and
 * truncated archives are `invalid-tar`, sizes beyond the limits are `too-large` before any byte is
 * buffered. Nothing is applied here: the caller gets a whole change set or an error.
 * Parsing is modern-tar's (strict mode: checksums, truncation, PAX and GNU long names).
 */
export interface TarReadLimits {
  /** Largest single file whose bytes are buffered (default 1 GiB). */
  readonly maxEntryBytes?: number;
  /** Total buffered bytes (default 2 GiB); synthetic content recognised by its PAX record is not buffered. */
  readonly maxTotalBytes?: number;
  /** Most entries (default 1,000,000). */
  readonly maxEntries?: number;
}

const GiB = 1024 ** 3;

export async function tarToChangeSet(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, limits: TarReadLimits = {}): Promise<ChangeSet> {
  const maxEntryBytes = limits.maxEntryBytes ?? GiB;
  const maxTotalBytes = limits.maxTotalBytes ?? 2 * GiB;
  const maxEntries = limits.maxEntries ?? 1_000_000;
  const decoder = createTarDecoder({ strict: true });
  const entries = iterableToStream(source).pipeThrough(decoder).getReader();
  const out: ChangeEntry[] = [];
  let buffered = 0;
  try {
    for (;;) {
      const next = await entries.read();
      if (next.done) break;
      const { header, body } = next.value;
      if (out.length >= maxEntries) throw new EngineError('too-large', `invalid tar: more than ${maxEntries} entries`);
      const entry = toChangeEntry(next.value);
      const seed = header.pax?.[SYNTHETIC_PAX_KEY];
      if (entry === undefined || entry.kind !== 'file' || header.size === 0) {
        await body.cancel();
        // An empty synthetic file still round-trips as synthetic (its seed is its identity).
        if (entry?.kind === 'file' && seed !== undefined) out.push({ ...entry, content: syntheticContent(0, seed) });
        else if (entry !== undefined) out.push(entry);
        continue;
      }
      if (seed !== undefined) {
        await verifySynthetic(body, seed, header.size, entry.path);
        out.push({ ...entry, content: syntheticContent(header.size, seed) });
        continue;
      }
      if (header.size > maxEntryBytes) throw new EngineError('too-large', `invalid tar: ${entry.path} is ${header.size} bytes (limit ${maxEntryBytes})`);
      buffered += header.size;
      if (buffered > maxTotalBytes) throw new EngineError('too-large', `invalid tar: more than ${maxTotalBytes} bytes of content`);
      out.push({ ...entry, content: { kind: 'bytes', bytes: await readBody(body, header.size, entry.path) } });
    }
  } catch (error) {
    await entries.cancel().catch(() => undefined);
    if (error instanceof EngineError) throw error;
    throw new EngineError('invalid-tar', `invalid tar header: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return { entries: sortChangeEntries(out) };
}

/** The entry a tar header describes, without content; undefined for what a layer ignores. */
function toChangeEntry({ header }: ParsedTarEntry): ChangeEntry | undefined {
  const path = cleanLayerPath(header.name);
  if (path === '') return undefined; // the root itself (`./`): a layer does not change it
  const [dir, base] = splitLayerPath(path);
  if (dir.split('/').some((part) => part.startsWith(WHITEOUT_PREFIX))) {
    throw new EngineError('path-escape', `invalid tar: ${path} has a whiteout name as a parent directory`);
  }
  const attrs = { path, mode: (header.mode ?? 0) & 0o7777, uid: header.uid ?? 0, gid: header.gid ?? 0 };
  if (base.startsWith(WHITEOUT_PREFIX)) {
    if (header.type !== 'file') throw new EngineError('invalid-tar', `invalid tar: whiteout ${path} is not a regular file`);
    if (base === OPAQUE_MARKER) return { kind: 'opaque', path: dir };
    // Other `.wh..wh.` names are aufs bookkeeping (`.wh..wh.plnk`, ...); moby skips them.
    if (base.startsWith(`${WHITEOUT_PREFIX}${WHITEOUT_PREFIX}`)) return undefined;
    const name = base.slice(WHITEOUT_PREFIX.length);
    if (name === '' || name === '.' || name === '..') throw new EngineError('path-escape', `invalid tar: bad whiteout ${path}`);
    return { kind: 'whiteout', path: dir === '' ? name : `${dir}/${name}` };
  }
  const linkname = header.linkname ?? '';
  if (linkname.includes('\0')) throw new EngineError('path-escape', `invalid tar: link target of ${path} contains a NUL byte`);
  switch (header.type) {
    case 'directory':
      return { kind: 'dir', ...attrs };
    case 'file':
    case undefined:
      return { kind: 'file', ...attrs, content: { kind: 'bytes', bytes: new Uint8Array(0) } };
    case 'symlink':
      if (!symlinkStaysInRoot(path, linkname)) throw new EngineError('path-escape', `invalid symlink "${path}" -> "${linkname}"`);
      return { kind: 'symlink', ...attrs, target: linkname };
    case 'link': {
      const target = cleanLayerPath(linkname);
      if (target === '') throw new EngineError('path-escape', `invalid hardlink "${path}" -> "${linkname}"`);
      return { kind: 'hardlink', ...attrs, target };
    }
    default:
      // Devices and FIFOs cannot exist in the sandbox (rootless Docker skips them too).
      return undefined;
  }
}

/**
 * Files from this size on keep the decoder's view of the input when it hands the body over in one
 * piece (a whole tar given as one array): no copy, and a later comparison with the tar (same-tar)
 * finds the same memory. Smaller files are copied, so they do not keep a large input alive.
 */
const VIEW_MIN = 64 * 1024;

async function readBody(body: ReadableStream<Uint8Array>, size: number, path: string): Promise<Uint8Array> {
  const reader = body.getReader();
  const first = await reader.read();
  if (!first.done && first.value.length === size && size >= VIEW_MIN) {
    if (!(await reader.read()).done) throw new EngineError('invalid-tar', `invalid tar: ${path} is longer than its header says`);
    return first.value;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (let next = first; ; next = await reader.read()) {
    const { done, value } = next;
    if (done) break;
    if (at + value.length > size) throw new EngineError('invalid-tar', `invalid tar: ${path} is longer than its header says`);
    bytes.set(value, at);
    at += value.length;
  }
  if (at !== size) throw new EngineError('invalid-tar', `invalid tar: ${path} is truncated`);
  return bytes;
}

/** Compares the body with the synthetic content its PAX record claims, without buffering it. */
async function verifySynthetic(body: ReadableStream<Uint8Array>, seed: string, size: number, path: string): Promise<void> {
  const reader = body.getReader();
  // Compared with views of the synthetic pool as they come: nothing generated or copied.
  const slices = contentSlices(syntheticContent(size, seed));
  let slice: Uint8Array = new Uint8Array(0);
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > size) throw new EngineError('invalid-tar', `invalid tar: ${path} is longer than its header says`);
    for (let offset = 0; offset < value.length; ) {
      if (slice.length === 0) {
        const next = slices.next();
        if (next.done === true) throw new EngineError('invalid-tar', `invalid tar: ${path} is longer than its header says`);
        slice = next.value;
      }
      const take = Math.min(slice.length, value.length - offset);
      if (!equalBytes(slice.subarray(0, take), value.subarray(offset, offset + take))) {
        throw new EngineError('invalid-tar', `invalid tar: content of ${path} does not match its ${SYNTHETIC_PAX_KEY} record`);
      }
      slice = slice.subarray(take);
      offset += take;
    }
    at += value.length;
  }
  if (at !== size) throw new EngineError('invalid-tar', `invalid tar: ${path} is truncated`);
}
