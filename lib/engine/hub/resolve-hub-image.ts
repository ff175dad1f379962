import { findHubTag, type HubCatalog } from './load-hub';
import type { HubHistory, HubImageConfig, HubInstalled, HubLayer, HubTag } from './hub-schema';

/** A layer as an image uses it: the definition plus where it is defined (its identity). */
export interface HubLayerRef {
  /**
   * Where the layer is defined, e.g. `docker.io/library/debian:bookworm-slim#0`. Every image built
   * on debian:bookworm-slim reaches the same key, so the same entries, digests and seeds: shared.
   */
  key: string;
  repository: string;
  tag: string;
  index: number;
  createdBy: string;
  created: string;
  def: HubLayer;
  /**
   * Package lists the layers below wrote, by database path. A `packages` entry adds to them, as
   * `apt-get install` rewrites `/var/lib/dpkg/status` with the old stanzas plus the new ones.
   */
  packagesBelow: Readonly<Record<string, readonly string[]>>;
}

/** A hub image with its base chain flattened: what `docker pull` gets. */
export interface HubImage {
  repository: string;
  /** The canonical tag; `aliases` name the same image. */
  tag: string;
  aliases: string[];
  /** The normalized reference of the base image, or null for a root image. */
  from: string | null;
  created: string;
  platforms: string[];
  config: HubImageConfig;
  /** Full history, base first, as `docker history` lists it bottom-up. */
  history: HubHistory[];
  /** Full layer list, base first. */
  layers: HubLayerRef[];
  /** Declared size (bytes, as printed, source). */
  size: HubTag['size'];
  installed: HubInstalled;
  sources: Record<string, string>;
  reserved: string | null;
  fictional: boolean;
}

/** Resolves a reference (`python:3.9-slim`, an alias, a full name) to its image, or null. */
export function resolveHubImage(catalog: HubCatalog, ref: string): HubImage | null {
  const found = findHubTag(catalog, ref);
  if (found === null) return null;
  const { repo, tag, def } = found;
  const base = def.from === undefined ? null : resolveHubImage(catalog, def.from);
  // load-hub checked every `from`; a null here means the catalog was built by hand, wrongly.
  if (def.from !== undefined && base === null) throw new Error(`hub: base "${def.from}" of ${repo.repository}:${tag} is missing`);
  const own = ownLayers(repo.repository, tag, def, base?.layers.at(-1) ?? null);
  return {
    repository: repo.repository,
    tag,
    aliases: [...(def.aliases ?? [])],
    from: base === null ? null : `${base.repository}:${base.tag}`,
    created: def.created,
    platforms: [...def.platforms],
    config: def.config,
    history: [...(base?.history ?? []), ...def.history],
    layers: [...(base?.layers ?? []), ...own],
    size: def.size,
    installed: def.installed,
    sources: { ...(def.sources ?? {}), size: def.size.source },
    reserved: repo.reserved,
    fictional: repo.fictional,
  };
}

function ownLayers(repository: string, tag: string, def: HubTag, below: HubLayerRef | null): HubLayerRef[] {
  const steps = def.history.filter((h) => h.emptyLayer !== true);
  let packagesBelow = below === null ? {} : packagesAfter(below);
  return def.layers.map((layer, index) => {
    const step = steps[index];
    const ref: HubLayerRef = {
      key: `${repository}:${tag}#${index}`,
      repository,
      tag,
      index,
      createdBy: step?.createdBy ?? '',
      created: step?.created ?? def.created,
      def: layer,
      packagesBelow,
    };
    packagesBelow = packagesAfter(ref);
    return ref;
  });
}

/** The package lists after a layer: those below plus what its `packages` entries add. */
export function packagesAfter(layer: HubLayerRef): Record<string, readonly string[]> {
  const result: Record<string, readonly string[]> = { ...layer.packagesBelow };
  for (const entry of layer.def.entries) {
    if (entry.kind === 'packages') result[entry.path] = mergePackages(result[entry.path] ?? [], entry.list);
  }
  return result;
}

/** Later versions of a package replace earlier ones; the database is sorted by name, as dpkg keeps it. */
export function mergePackages(below: readonly string[], added: readonly string[]): string[] {
  const byName = new Map<string, string>();
  for (const item of [...below, ...added]) byName.set(item.slice(0, item.indexOf('=')), item);
  return [...byName.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, item]) => item);
}

/** Every image of the catalog, one per canonical tag, in name order. */
export function listHubImages(catalog: HubCatalog): HubImage[] {
  const images: HubImage[] = [];
  for (const repo of [...catalog.repositories.values()].sort((a, b) => a.repository.localeCompare(b.repository))) {
    for (const tag of [...repo.tags.keys()].sort()) {
      const image = resolveHubImage(catalog, `${repo.repository}:${tag}`);
      if (image !== null) images.push(image);
    }
  }
  return images;
}

/**
 * Picks the platform Docker would pick: exact match, else the same os/arch with any variant
 * (`linux/arm64` matches `linux/arm64/v8`, as containerd's platform matcher does).
 */
export function matchHubPlatform(image: HubImage, wanted: string): string | null {
  if (image.platforms.includes(wanted)) return wanted;
  const [os, arch] = wanted.split('/');
  return image.platforms.find((p) => p.split('/')[0] === os && p.split('/')[1] === arch) ?? null;
}
