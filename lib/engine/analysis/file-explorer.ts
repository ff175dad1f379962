import { EngineError } from '../errors';
import { compareNames, lookup, sameContent, type ChangeEntry, type DirNode, type FsNode } from '../fs';
import { buildChangeIndex, sortedChildNames, type ChangeIndex, type IndexNode } from './change-index';
import {
  childOf,
  cleanDirPath,
  entryOfNode,
  joinPath,
  page,
  permissionString,
  type DirPage,
  type FileChange,
  type FileEntry,
  type PageOptions,
} from './file-entry';
import { createTreeCache, finalTree, treeAfter, type AnalysisImage, type TreeCache } from './load-image';

/**
 * The dive-like file views of one image, one directory at a time so a layer of 100k files never
 * has to be listed whole: `listLayer(n, dir)` shows what layer n adds, modifies and removes there
 * compared with the tree below it; `listImage(dir)` shows the image's whole tree with, per path,
 * the layers that wrote it. Indexes and trees are built on first use and kept.
 */
export interface FileExplorer {
  readonly image: AnalysisImage;
  /** A page of one directory of layer `layer` (0-based). */
  listLayer(layer: number, dir?: string, options?: PageOptions): DirPage;
  /** A page of one directory of the image's filesystem. */
  listImage(dir?: string, options?: PageOptions): DirPage;
  /** Every row of a layer's changes under `dir` in tree order, with its depth (for export and text trees). */
  walkLayer(layer: number, dir?: string): Generator<FileEntry & { depth: number }>;
  walkImage(dir?: string): Generator<FileEntry & { depth: number }>;
}

const ALL = { limit: Number.MAX_SAFE_INTEGER };

export function createFileExplorer(image: AnalysisImage, cache: TreeCache = createTreeCache()): FileExplorer {
  const indexes = new Map<number, ChangeIndex>();
  let writers: { named: Map<string, number[]>; firstUnder: Map<string, number> } | null = null;

  const indexOf = (layer: number): ChangeIndex => {
    const record = image.layers[layer];
    if (record === undefined || !Number.isInteger(layer)) {
      throw new EngineError('not-found', `layer ${layer} does not exist: the image has ${image.layers.length} layers`);
    }
    let index = indexes.get(layer);
    if (index === undefined) {
      index = buildChangeIndex(record.changeSet);
      indexes.set(layer, index);
    }
    return index;
  };

  const lowerDir = (layer: number, dir: string): DirNode | undefined => {
    const node = lookup(treeAfter(image, layer - 1, cache), dir);
    return node?.kind === 'dir' ? node : undefined;
  };

  const listLayer = (layer: number, dir = '/', options: PageOptions = {}): DirPage => {
    const path = cleanDirPath(dir);
    const node = indexOf(layer).byPath.get(path);
    if (node === undefined) throw new EngineError('not-found', `${path}: layer ${layer} changes nothing there`);
    const lower = lowerDir(layer, path);
    const names = sortedChildNames(node);
    if (node.opaque && lower !== undefined) {
      // An opaque directory hides every lower child the layer does not write again.
      const hidden = lower.children.filter((c) => !node.children.has(c.name)).map((c) => c.name);
      names.push(...hidden);
      names.sort(compareNames);
    }
    const { slice, offset } = page(names, options);
    const entries = slice.map((name) => {
      const child = node.children.get(name);
      const below = childOf(lower, name);
      const childPath = joinPath(path, name);
      if (child === undefined) return entryOfNode(name, childPath, below as FsNode, 'removed');
      return layerRow(child, below);
    });
    return { path, layer, entries, total: names.length, offset };
  };

  const writersOf = () => {
    if (writers !== null) return writers;
    const named = new Map<string, number[]>();
    const firstUnder = new Map<string, number>();
    for (const [layer, record] of image.layers.entries()) {
      for (const entry of record.changeSet.entries) {
        if (entry.kind === 'opaque' || entry.kind === 'whiteout') continue;
        const path = `/${entry.path}`;
        const list = named.get(path);
        if (list === undefined) named.set(path, [layer]);
        else if (list[list.length - 1] !== layer) list.push(layer);
        // Implicit parents: the first layer that created something under them.
        for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
          const parent = path.slice(0, slash);
          if (firstUnder.has(parent)) break;
          firstUnder.set(parent, layer);
        }
      }
    }
    writers = { named, firstUnder };
    return writers;
  };

  const listImage = (dir = '/', options: PageOptions = {}): DirPage => {
    const path = cleanDirPath(dir);
    const node = lookup(finalTree(image, cache), path);
    if (node === undefined) throw new EngineError('not-found', `${path}: no such file or directory`);
    if (node.kind !== 'dir') throw new EngineError('not-a-directory', `${path}: not a directory`);
    const { named, firstUnder } = writersOf();
    const { slice, offset } = page(node.children, options);
    const entries = slice.map(({ name, node: child }) => {
      const childPath = joinPath(path, name);
      const layers = named.get(childPath) ?? [];
      const last = layers[layers.length - 1] ?? firstUnder.get(childPath);
      const change: FileChange = layers.length > 1 ? 'modified' : 'added';
      return { ...entryOfNode(name, childPath, child, change), ...(last !== undefined ? { layer: last } : {}), layers };
    });
    return { path, layer: null, entries, total: node.children.length, offset };
  };

  function* walk(list: (dir: string) => DirPage, dir: string, depth: number): Generator<FileEntry & { depth: number }> {
    for (const entry of list(dir).entries) {
      yield { ...entry, depth };
      // A removed directory's rows stop at the directory: the layer holds one whiteout for it.
      if (entry.kind === 'dir' && entry.change !== 'removed' && (entry.children ?? 0) > 0) yield* walk(list, entry.path, depth + 1);
    }
  }

  return {
    image,
    listLayer,
    listImage,
    walkLayer: (layer, dir = '/') => walk((d) => listLayer(layer, d, ALL), cleanDirPath(dir), 0),
    walkImage: (dir = '/') => walk((d) => listImage(d, ALL), cleanDirPath(dir), 0),
  };
}

/** A row of the layer view for a path the layer names (or an implicit parent of such paths). */
function layerRow(child: IndexNode, below: FsNode | undefined): FileEntry {
  const entry = child.entry;
  const childCount = child.children.size + (child.opaque && below?.kind === 'dir' ? below.children.filter((c) => !child.children.has(c.name)).length : 0);
  if (entry?.kind === 'whiteout') {
    if (below === undefined) return { name: child.name, path: child.path, kind: 'file', change: 'removed', size: 0, mode: 0, permissions: '----------', uid: 0, gid: 0 };
    // The whiteout hides the whole lower node: show it as the tree below had it, without children to expand.
    return { ...entryOfNode(child.name, child.path, below, 'removed'), children: 0 };
  }
  if (entry === null) {
    // A parent the tar does not list: it exists below, or the layer creates it 0755 root:root.
    const attrs = below?.kind === 'dir' ? below : { mode: 0o755, uid: 0, gid: 0 };
    return {
      name: child.name,
      path: child.path,
      kind: 'dir',
      change: below?.kind === 'dir' ? 'unmodified' : 'added',
      size: child.bytes,
      files: child.files,
      mode: attrs.mode,
      permissions: permissionString('dir', attrs.mode),
      uid: attrs.uid,
      gid: attrs.gid,
      children: childCount,
      ...(child.opaque ? { opaque: true } : {}),
    };
  }
  const base = {
    name: child.name,
    path: child.path,
    kind: entry.kind,
    change: changeOf(entry, below),
    mode: entry.mode,
    permissions: permissionString(entry.kind, entry.mode),
    uid: entry.uid,
    gid: entry.gid,
  };
  switch (entry.kind) {
    case 'dir':
      return { ...base, size: child.bytes, files: child.files, children: childCount, ...(child.opaque ? { opaque: true } : {}) };
    case 'file':
      return { ...base, size: child.bytes };
    case 'symlink':
    case 'hardlink':
      return { ...base, size: 0, target: entry.target };
  }
}

function changeOf(entry: Exclude<ChangeEntry, { kind: 'opaque' | 'whiteout' }>, below: FsNode | undefined): FileChange {
  if (below === undefined) return 'added';
  if (below.kind !== entry.kind || below.mode !== entry.mode || below.uid !== entry.uid || below.gid !== entry.gid) return 'modified';
  switch (entry.kind) {
    case 'dir':
      return 'unmodified';
    case 'file':
      return below.kind === 'file' && sameContent(below.content, entry.content) ? 'unmodified' : 'modified';
    case 'symlink':
    case 'hardlink':
      // A hard link's target is a layer path; the tree keeps it as a tree path.
      return below.kind === entry.kind && below.target.replace(/^\//, '') === entry.target.replace(/^\//, '') ? 'unmodified' : 'modified';
  }
}
