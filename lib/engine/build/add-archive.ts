import { applyChangeSet, mkdir, readContent, type ChangeEntry, type FileContent, type FsTree } from '../fs';
import { tarToChangeSet } from '../layer';
import type { CopyAttrs } from './copy-apply';
import type { SelectedSource } from './copy-sources';

/**
 * ADD of a local archive (dockerfile2llb `dispatchCopy` with `AttemptUnpack`): a tar, plain or
 * gzip-compressed, recognised by its bytes rather than its name (moby `archive.IsArchive`), is
 * unpacked into the destination directory. Anything else is copied as a file.
 */

const GZIP = [0x1f, 0x8b];

function isTar(bytes: Uint8Array): boolean {
  // POSIX/GNU tar: "ustar" at offset 257 of the first header.
  return bytes.length >= 512 && new TextDecoder().decode(bytes.subarray(257, 262)) === 'ustar';
}

export function isArchive(content: FileContent): boolean {
  if (content.kind !== 'bytes') return false;
  const bytes = content.bytes;
  return (bytes[0] === GZIP[0] && bytes[1] === GZIP[1]) || isTar(bytes);
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Unpacks the archive at `source` into `dest` (created if missing); entries keep their owners unless --chown. */
export async function extractArchive(tree: FsTree, source: SelectedSource, dest: string, attrs: CopyAttrs): Promise<FsTree> {
  if (source.node.kind !== 'file') return tree;
  let bytes = readContent(source.node.content);
  if (bytes[0] === GZIP[0] && bytes[1] === GZIP[1]) bytes = await gunzip(bytes);
  const changeSet = await tarToChangeSet([bytes]);
  const prefix = dest === '/' ? '' : `${dest.slice(1)}/`;
  const entries = changeSet.entries.map((entry): ChangeEntry => {
    const path = `${prefix}${entry.path}`;
    if (entry.kind === 'whiteout' || entry.kind === 'opaque') return { ...entry, path };
    const owned = { ...entry, path, uid: attrs.uid ?? entry.uid, gid: attrs.gid ?? entry.gid };
    return entry.kind === 'hardlink' ? { ...owned, kind: 'hardlink', target: `${prefix}${entry.target}` } : owned;
  });
  return applyChangeSet(mkdir(tree, dest, { parents: true }), { entries });
}
