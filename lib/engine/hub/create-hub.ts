import { sha256 } from 'hash-wasm';
import { EngineError } from '../errors';
import { applyChangeSet, createTree, sortChangeEntries, type ChangeEntry, type ChangeSet, type FsTree } from '../fs';
import { familiarString, parseDockerRef } from '../image';
import { expandHubLayer, hubLayerSize, type HubFsEntry } from './expand-layer';
import { loadHubCatalog, type HubCatalog, type HubSourceFile } from './load-hub';
import { listHubImages, matchHubPlatform, resolveHubImage, type HubImage, type HubLayerRef } from './resolve-hub-image';

export interface Hub {
  readonly catalog: HubCatalog;
  /** The image a reference names, or null when the hub has no such repository or tag. */
  find(ref: string): HubImage | null;
  /** Like `find`, but fails as `docker pull` does. */
  resolve(ref: string): HubImage;
  /** Every image, one per canonical tag. */
  images(): HubImage[];
  /** The platform `docker pull --platform` would get, or a Docker-worded error. */
  platformFor(image: HubImage, platform: string): string;
  /** A layer's change set for one platform (built on first use, then kept). */
  layerChangeSet(layer: HubLayerRef, platform: string): ChangeSet;
  /** Layer size as Docker reports it (bytes of regular files). */
  layerSize(layer: HubLayerRef, platform: string): number;
  /** Sum of the layer sizes: what `docker images` shows. */
  imageSize(image: HubImage, platform: string): number;
  /** The image's root filesystem: every layer applied in order. */
  rootfs(image: HubImage, platform: string): FsTree;
}

/** Loads the data files and serves them. `files` are `{ path, text }` or `{ path, json }` (see HUB_FILES). */
export function createHub(options: { files: readonly HubSourceFile[] }): Hub {
  const catalog = loadHubCatalog(options.files);
  const changeSets = new Map<string, ChangeSet>();

  const layerChangeSet = (layer: HubLayerRef, platform: string): ChangeSet => {
    const key = `${layer.key}|${platform}`;
    let changeSet = changeSets.get(key);
    if (changeSet === undefined) {
      changeSet = toChangeSet(expandHubLayer(layer, platform));
      changeSets.set(key, changeSet);
    }
    return changeSet;
  };

  const find = (ref: string): HubImage | null => resolveHubImage(catalog, ref);

  return {
    catalog,
    find,
    resolve(ref) {
      const image = find(ref);
      if (image !== null) {
        if (image.reserved !== null) throw new EngineError('invalid-reference', image.reserved);
        return image;
      }
      const named = parseDockerRef(ref);
      const familiar = familiarString(named);
      const repository = catalog.repositories.get(`${named.domain}/${named.path}`);
      if (repository === undefined) {
        const name = familiar.replace(/[:@].*$/, '');
        throw new EngineError('no-such-image', `pull access denied for ${name}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`);
      }
      throw new EngineError('no-such-image', `manifest for ${familiar} not found: manifest unknown: manifest unknown`);
    },
    images: () => listHubImages(catalog),
    platformFor(image, platform) {
      const match = matchHubPlatform(image, platform);
      if (match === null) {
        throw new EngineError('no-such-image', `no matching manifest for ${platform} in the manifest list entries`);
      }
      return match;
    },
    layerChangeSet,
    layerSize: (layer, platform) => hubLayerSize(expandHubLayer(layer, platform)),
    imageSize: (image, platform) => image.layers.reduce((n, layer) => n + hubLayerSize(expandHubLayer(layer, platform)), 0),
    rootfs: (image, platform) => image.layers.reduce((tree, layer) => applyChangeSet(tree, layerChangeSet(layer, platform)), createTree()),
  };
}

const encoder = new TextEncoder();

/** Expanded entries → lib/engine/fs change set: layer paths have no leading "/", entries in layer order. */
export function toChangeSet(entries: readonly HubFsEntry[]): ChangeSet {
  const out: ChangeEntry[] = entries.map((entry) => {
    const path = entry.path.slice(1);
    const attrs = { mode: entry.mode, uid: entry.uid, gid: entry.gid };
    switch (entry.type) {
      case 'dir':
        return { kind: 'dir', path, ...attrs };
      case 'file':
        return {
          kind: 'file',
          path,
          ...attrs,
          content: entry.content.kind === 'text' ? { kind: 'bytes', bytes: encoder.encode(entry.content.text) } : entry.content,
        };
      case 'symlink':
        return { kind: 'symlink', path, ...attrs, target: entry.target };
      case 'hardlink':
        return { kind: 'hardlink', path, ...attrs, target: entry.target.slice(1) };
    }
  });
  return { entries: sortChangeEntries(out) };
}

/**
 * A stable identity for an image definition: the same for every alias, different when anything
 * that would change the pulled image changes. Until layers are hashed (lib/engine/layer), this is
 * what "same digest" means inside the hub.
 */
export async function hubImageIdentity(image: HubImage): Promise<string> {
  const canonical = JSON.stringify({
    config: image.config,
    history: image.history,
    platforms: image.platforms,
    layers: image.layers.map((l) => ({ key: l.key, def: l.def, packagesBelow: l.packagesBelow })),
  });
  return `sha256:${await sha256(canonical)}`;
}
