import type { Digest } from '@/lib/util';
import type { FsTree } from '../fs';
import type { Store } from '../store';

/**
 * Root filesystems by chainID, per store: a tree that is exactly the layers L0..n applied in
 * order from an empty root is named by ChainID(L0..n), so a cached build (or a FROM of a base
 * already seen) reuses it instead of re-applying every recipe. Only trees built that way may be
 * put here — never a tree a step produced by running (its layer is a diff of it, not its source)
 * nor one from anywhere else. Trees from lib/engine/fs are immutable, so sharing them is safe.
 * Bounded (least recently used dropped first); trees share structure, so entries are cheap.
 */
export interface TreeCache {
  get(chainId: Digest): FsTree | undefined;
  set(chainId: Digest, tree: FsTree): void;
}

/** Entries a store's cache keeps. */
const TREE_CACHE_ENTRIES = 256;
const storeCaches = new WeakMap<Store, TreeCache>();

export function createTreeCache(limit = TREE_CACHE_ENTRIES): TreeCache {
  const trees = new Map<Digest, FsTree>();
  return {
    get(chainId) {
      const tree = trees.get(chainId);
      if (tree !== undefined) {
        // Map order is insertion order: re-inserting marks it most recently used.
        trees.delete(chainId);
        trees.set(chainId, tree);
      }
      return tree;
    },
    set(chainId, tree) {
      trees.delete(chainId);
      trees.set(chainId, tree);
      while (trees.size > limit) {
        const oldest = trees.keys().next();
        if (oldest.done === true) break;
        trees.delete(oldest.value);
      }
    },
  };
}

/** The tree cache of a store: lives as long as the store object, shared by every build over it. */
export function storeTreeCache(store: Store): TreeCache {
  let cache = storeCaches.get(store);
  if (cache === undefined) {
    cache = createTreeCache();
    storeCaches.set(store, cache);
  }
  return cache;
}
