import { FsError, normalizePath, type FileStat, type ShellFs } from '@/lib/shell';
import type { ContainerRecord, ImageRecord, Store } from '@/lib/engine';
import { sha256Of, wasmSha256, type Digest, type Sha256Factory } from '@/lib/util';
import { containerFiles } from './container-files';
import { layerTree, type LayerNode } from './layer-tree';

/**
 * `/var/lib/docker` as Docker's overlay2 daemon lays it out, generated from a host's Store and
 * read-only (writes fail with EROFS, "Read-only file system"):
 *
 *   image/overlay2/repositories.json                          {"Repositories":{"nginx":{"nginx:latest":"sha256:…"}}}
 *   image/overlay2/imagedb/content/sha256/<id>                the image config JSON
 *   image/overlay2/imagedb/metadata/sha256/<id>/lastUpdated   when the image was last tagged
 *   image/overlay2/layerdb/sha256/<chainID>/{diff,size,cache-id,parent}
 *   overlay2/<cache-id>/{diff/…,link,lower,work/}             a layer's own files (its change set)
 *   overlay2/l/<short>  ->  ../<cache-id>/diff                the short links overlay mounts use
 *   containers/<id>/{config.v2.json,hostname,<id>-json.log}   and the container's layer in overlay2/
 *
 * Nothing is materialized: each call reads the store, and the chain IDs, cache IDs and short
 * links are derived once per image list, so `ls layerdb/sha256` stays fast with hundreds of
 * images. Cache IDs are Docker's random 64-hex names, here derived from the chain ID (stable
 * across reloads, unrelated to any digest a student could compare them with).
 */
export interface DockerRootOptions {
  sha256?: Sha256Factory;
}

type Node =
  | { kind: 'dir'; mode?: number; list: () => Promise<string[]> | string[]; child: (name: string) => Promise<Node | undefined> | Node | undefined }
  | { kind: 'file'; mode?: number; bytes: () => Promise<Uint8Array> | Uint8Array; size?: number }
  | { kind: 'symlink'; target: string };

interface LayerEntry {
  chainId: Digest;
  diffId: Digest;
  parent: Digest | null;
  cacheId: string;
  short: string;
  /** Short links of the layers below, nearest first (the `lower` file). */
  lower: string[];
}

interface Snapshot {
  key: string;
  images: Map<string, ImageRecord>;
  layers: Map<string, LayerEntry>;
  byCacheId: Map<string, { kind: 'layer'; layer: LayerEntry } | { kind: 'container'; id: string; short: string; lower: string[] }>;
  shorts: Map<string, string>;
  containers: string[];
}

const encoder = new TextEncoder();
const hex = (digest: string) => digest.replace(/^sha256:/, '');
const SHORT_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function dockerRootFs(store: Store, options: DockerRootOptions = {}): ShellFs {
  const sha256 = options.sha256 ?? wasmSha256;
  const chainMemo = new Map<string, Digest>();
  const idMemo = new Map<string, string>();
  let snapshot: Snapshot | null = null;

  const chainOf = async (parent: Digest | null, diffId: Digest): Promise<Digest> => {
    if (parent === null) return diffId;
    const key = `${parent} ${diffId}`;
    let chain = chainMemo.get(key);
    if (chain === undefined) {
      chain = await sha256Of(key, sha256);
      chainMemo.set(key, chain);
    }
    return chain;
  };
  const derivedId = (kind: string, of: string): string => {
    const key = `${kind}:${of}`;
    let id = idMemo.get(key);
    if (id === undefined) {
      id = overlayId(kind, of);
      idMemo.set(key, id);
    }
    return id;
  };
  /** overlay2's 26-character link names (`l/ABCD…`), derived from the cache ID. */
  const shortOf = (cacheId: string): string => {
    const digits = randomLookingHex(`link:${cacheId}`, 52);
    let out = '';
    for (let i = 0; i < 26; i++) out += SHORT_ALPHABET[parseInt(digits.slice(i * 2, i * 2 + 2), 16) % SHORT_ALPHABET.length];
    return out;
  };

  async function current(): Promise<Snapshot> {
    const [imageIds, containerIds] = await store.read(async (tx) => [await tx.keys('images'), await tx.keys('containers')] as const);
    const key = `${imageIds.join(',')}|${containerIds.join(',')}`;
    if (snapshot?.key === key) return snapshot;
    const next: Snapshot = { key, images: new Map(), layers: new Map(), byCacheId: new Map(), shorts: new Map(), containers: containerIds };
    const records = await store.list('images');
    const stacks = new Map<string, string[]>();
    for (const [, image] of records) {
      next.images.set(hex(image.id), image);
      let parent: Digest | null = null;
      const lower: string[] = [];
      for (const diffId of image.diffIds) {
        const chainId = await chainOf(parent, diffId);
        let layer = next.layers.get(hex(chainId));
        if (layer === undefined) {
          const cacheId = derivedId('cache', chainId);
          layer = { chainId, diffId, parent, cacheId, short: shortOf(cacheId), lower: [...lower].reverse() };
          next.layers.set(hex(chainId), layer);
          next.byCacheId.set(cacheId, { kind: 'layer', layer });
          next.shorts.set(layer.short, cacheId);
        }
        lower.push(layer.short);
        parent = chainId;
      }
      stacks.set(image.id, lower);
    }
    for (const id of containerIds) {
      const record = await store.get('containers', id);
      if (record === undefined) continue;
      const cacheId = derivedId('container', id);
      const short = shortOf(cacheId);
      next.byCacheId.set(cacheId, { kind: 'container', id, short, lower: [...(stacks.get(record.imageId) ?? [])].reverse() });
      next.shorts.set(short, cacheId);
    }
    snapshot = next;
    return next;
  }

  const dir = (entries: Record<string, Node | (() => Promise<Node | undefined>)>, mode?: number): Node => ({
    kind: 'dir',
    ...(mode === undefined ? {} : { mode }),
    list: () => Object.keys(entries).sort(),
    child: async (name) => {
      if (!Object.hasOwn(entries, name)) return undefined;
      const entry = entries[name] as Node | (() => Promise<Node | undefined>);
      return typeof entry === 'function' ? entry() : entry;
    },
  });
  const text = (value: string, mode?: number): Node => ({ kind: 'file', ...(mode === undefined ? {} : { mode }), bytes: () => encoder.encode(value), size: encoder.encode(value).length });
  const listing = (names: () => Promise<string[]>, child: (name: string) => Promise<Node | undefined>, mode?: number): Node => ({
    kind: 'dir',
    ...(mode === undefined ? {} : { mode }),
    list: async () => (await names()).sort(),
    child,
  });

  const layerDiff = async (diffId: Digest): Promise<LayerNode> => layerTree((await store.get('layers', diffId))?.recipe.entries ?? []);
  const fromLayerNode = (node: LayerNode): Node => {
    if (node.kind === 'symlink') return { kind: 'symlink', target: node.target };
    if (node.kind === 'file') return { kind: 'file', mode: node.mode, bytes: node.read, size: node.size };
    return { kind: 'dir', mode: node.mode, list: () => [...node.children.keys()].sort(), child: (name) => { const c = node.children.get(name); return c && fromLayerNode(c); } };
  };

  const imagedb = dir({
    content: dir({
      sha256: listing(
        async () => [...(await current()).images.keys()],
        async (name) => {
          const image = (await current()).images.get(name);
          if (image === undefined) return undefined;
          const config = await store.get('blobs', image.configDigest);
          return config === undefined ? undefined : { kind: 'file', mode: 0o600, bytes: () => config, size: config.length };
        },
        0o700,
      ),
    }, 0o700),
    metadata: dir({
      sha256: listing(
        async () => [...(await current()).images].filter(([, image]) => image.lastTagTime !== undefined).map(([id]) => id),
        async (name) => {
          const time = (await current()).images.get(name)?.lastTagTime;
          return time === undefined ? undefined : dir({ lastUpdated: text(time, 0o600) }, 0o700);
        },
        0o700,
      ),
    }, 0o700),
  }, 0o700);

  const layerdb = dir({
    sha256: listing(
      async () => [...(await current()).layers.keys()],
      async (name) => {
        const layer = (await current()).layers.get(name);
        if (layer === undefined) return undefined;
        return dir({
          'cache-id': text(layer.cacheId),
          diff: text(layer.diffId),
          size: async () => text(String((await store.get('layers', layer.diffId))?.size ?? 0)),
          ...(layer.parent === null ? {} : { parent: text(layer.parent) }),
        });
      },
    ),
  }, 0o700);

  const overlay2 = listing(
    async () => ['l', ...(await current()).byCacheId.keys()],
    async (name) => {
      const snap = await current();
      if (name === 'l') {
        return listing(async () => [...(await current()).shorts.keys()], async (short) => {
          const cacheId = (await current()).shorts.get(short);
          return cacheId === undefined ? undefined : { kind: 'symlink', target: `../${cacheId}/diff` };
        });
      }
      const entry = snap.byCacheId.get(name);
      if (entry === undefined) return undefined;
      const lower = entry.kind === 'layer' ? entry.layer.lower : entry.lower;
      const diff = entry.kind === 'layer' ? async () => fromLayerNode(await layerDiff(entry.layer.diffId)) : async () => fromLayerNode(layerTree((await store.get('containers', entry.id))?.writableLayer.entries ?? []));
      return dir({
        diff,
        link: text(entry.kind === 'layer' ? entry.layer.short : entry.short),
        ...(lower.length === 0 ? {} : { lower: text(lower.map((s) => `l/${s}`).join(':')), work: dir({}, 0o700) }),
      }, 0o710);
    },
    0o710,
  );

  const containers = listing(
    async () => (await current()).containers,
    async (id) => {
      const record: ContainerRecord | undefined = await store.get('containers', id);
      return record === undefined ? undefined : dir(Object.fromEntries(Object.entries(containerFiles(record)).map(([file, value]) => [file, text(value, 0o644)])), 0o710);
    },
    0o710,
  );

  const root = dir({
    containers,
    image: dir({ overlay2: dir({ imagedb, layerdb, 'repositories.json': async () => text(await repositoriesJson(store), 0o600) }, 0o700) }, 0o700),
    overlay2,
    volumes: dir({}, 0o701),
  }, 0o710);

  return createReadOnlyFs(root);
}

/** The overlay2 directory name of a layer (`cache`, by chain ID) or a container's layer (by ID). */
function overlayId(kind: 'cache' | 'container' | string, of: string): string {
  return randomLookingHex(`layerlab-overlay2-${kind}:${of}`, 64);
}

/**
 * The overlay2 directories (cache IDs) of an image's layers, base first — the names
 * `/var/lib/docker/overlay2/` lists and `layerdb/sha256/<chainID>/cache-id` holds, so the paths
 * `docker inspect` prints under GraphDriver exist in the view.
 */
export async function layerCacheIds(diffIds: readonly string[], sha256: Sha256Factory = wasmSha256): Promise<string[]> {
  const out: string[] = [];
  let chain: string | null = null;
  for (const diffId of diffIds) {
    chain = chain === null ? diffId : await sha256Of(`${chain} ${diffId}`, sha256);
    out.push(overlayId('cache', chain));
  }
  return out;
}

/**
 * `length` hex digits that look random and are stable for `seed` (xorshift-style mixing of a
 * 32-bit FNV-1a state). Docker's cache IDs are random; these only need to be stable and
 * distinct, and hashing them with sha256 would cost more than the whole listing.
 */
function randomLookingHex(seed: string, length: number): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  let out = '';
  while (out.length < length) {
    h ^= h << 13;
    h ^= h >>> 17;
    h ^= h << 5;
    h >>>= 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

/** Docker's `repositories.json`: familiar name → `name:tag` or `name@digest` → image ID. */
async function repositoriesJson(store: Store): Promise<string> {
  const repositories: Record<string, Record<string, string>> = {};
  for (const [key, ref] of await store.list('refs')) {
    const at = key.lastIndexOf('@');
    const colon = key.lastIndexOf(':');
    const split = at > 0 ? at : colon > key.lastIndexOf('/') ? colon : key.length;
    const name = familiar(key.slice(0, split));
    (repositories[name] ??= {})[`${name}${key.slice(split)}`] = ref.imageId;
  }
  return JSON.stringify({ Repositories: repositories });
}

function familiar(name: string): string {
  return name.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '');
}

/** The ShellFs over a virtual tree: lookups walk it (symlinks followed like Linux), writes refuse. */
function createReadOnlyFs(root: Node): ShellFs {
  async function walk(path: string, follow: boolean, hops = 0): Promise<Node> {
    if (hops > 40) throw new FsError('ELOOP', path);
    const parts = path.split('/').filter(Boolean);
    let node: Node = root;
    const here: string[] = [];
    for (const [i, part] of parts.entries()) {
      if (node.kind !== 'dir') throw new FsError('ENOTDIR', path);
      const next: Node | undefined = await node.child(part);
      if (next === undefined) throw new FsError('ENOENT', path);
      if (next.kind === 'symlink' && (follow || i < parts.length - 1)) {
        const base = next.target.startsWith('/') ? next.target : `/${[...here, next.target].join('/')}`;
        return walk(normalizePath(`${base}/${parts.slice(i + 1).join('/')}`), follow, hops + 1);
      }
      here.push(part);
      node = next;
    }
    return node;
  }
  const statOf = async (node: Node): Promise<FileStat> => {
    if (node.kind === 'symlink') return { type: 'symlink', mode: 0o777, uid: 0, gid: 0, size: node.target.length };
    if (node.kind === 'dir') return { type: 'dir', mode: node.mode ?? 0o755, uid: 0, gid: 0, size: 4096 };
    return { type: 'file', mode: node.mode ?? 0o644, uid: 0, gid: 0, size: node.size ?? (await node.bytes()).length };
  };
  const refuse = async (path: string): Promise<never> => {
    throw new FsError('EROFS', path);
  };
  return {
    stat: async (path) => statOf(await walk(path, true)),
    lstat: async (path) => statOf(await walk(path, false)),
    async readFile(path) {
      const node = await walk(path, true);
      if (node.kind === 'dir') throw new FsError('EISDIR', path);
      if (node.kind !== 'file') throw new FsError('EINVAL', path);
      return (await node.bytes()).slice();
    },
    async readdir(path) {
      const node = await walk(path, true);
      if (node.kind !== 'dir') throw new FsError('ENOTDIR', path);
      return [...(await node.list())].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    },
    async readlink(path) {
      const node = await walk(path, false);
      if (node.kind !== 'symlink') throw new FsError('EINVAL', path);
      return node.target;
    },
    async exists(path) {
      try {
        await walk(path, true);
        return true;
      } catch {
        return false;
      }
    },
    writeFile: (path) => refuse(path),
    mkdir: (path) => refuse(path),
    rm: (path) => refuse(path),
    rename: (from) => refuse(from),
    symlink: (_target, path) => refuse(path),
    chmod: (path) => refuse(path),
    chown: (path) => refuse(path),
  };
}
