import {
  createHubImageSource,
  EngineError,
  familiarString,
  formatImagePlatform,
  parseDockerRef,
  platformOf,
  type BuiltinImages,
  type HubImage,
  type Hub,
  type ImageConfig,
  type RemoteImageContent,
} from '@/lib/engine';
import type { Digest, Sha256Factory } from '@/lib/util';
import { sharedHub, sharedHubSource } from '../build/hub-source';

/**
 * The built-in hub as the modeled registries' read-only content (`BuiltinImages`): Docker Hub's
 * official images and the hub's gcr.io / ghcr.io repositories. Images come from the same
 * image source the build pulls FROM with (`sharedHubSource`), so a `docker pull` and a `FROM` see
 * one digest and hash a base layer once per process, not once for each.
 * (lib/engine/hub and lib/engine/registry are siblings, so the adapter lives here.)
 */
export function createHubImages(sha256: Sha256Factory, hub: Hub = sharedHub()): BuiltinImages {
  const source = hub === sharedHub() ? sharedHubSource(sha256) : createHubImageSource(hub, sha256);
  /** `manifest digest|platform` → canonical reference, filled as images are resolved. */
  const byDigest = new Map<string, string>();
  let images: HubImage[] | undefined;

  const resolveTag = async (ref: string, platform: string): Promise<RemoteImageContent> => {
    const image = await source.resolve(ref, platform);
    byDigest.set(`${image.digest}|${platform}`, ref);
    return {
      manifestDigest: image.digest,
      config: image.config,
      layers: image.layers.map((l) => ({ diffId: l.diffId, changeSet: l.changeSet, size: l.size, tarSize: l.tarSize ?? 0 })),
    };
  };

  return {
    async resolve(ref, platform) {
      const named = parseDockerRef(ref);
      const repository = `${named.domain}/${named.path}`;
      const repo = hub.catalog.repositories.get(repository);
      if (repo === undefined) return null;
      if (named.digest === undefined) return resolveTag(ref, platform);
      // By digest: the tag whose manifest has it (remembered once seen, else each tag in turn).
      const known = byDigest.get(`${named.digest}|${platform}`);
      if (known !== undefined) return resolveTag(known, platform);
      for (const tag of [...repo.tags.keys()].sort()) {
        try {
          const content = await resolveTag(`${repository}:${tag}`, platform);
          if (content.manifestDigest === named.digest) return content;
        } catch (error) {
          if (!(error instanceof EngineError)) throw error;
        }
      }
      throw new EngineError('no-such-image', `manifest for ${familiarString(named)} not found: manifest unknown: manifest unknown`);
    },
    tags(repository) {
      const repo = hub.catalog.repositories.get(repository);
      return repo === undefined ? [] : [...repo.tagNames.keys()].sort();
    },
    requiresLogin(domain) {
      return hub.catalog.registries[domain]?.requiresLogin === true;
    },
    async layerSources(domain, config) {
      images ??= hub.images();
      const platform = formatImagePlatform(platformOf(config));
      const history = config.history ?? [];
      // Hub images whose whole history opens this image's history: its base (and the base's bases).
      const bases = images
        .filter((image) => image.repository.startsWith(`${domain}/`) && image.history.length > 0 && image.history.length <= history.length)
        .filter((image) => image.history.every((h, i) => sameStep(h, history[i])))
        .sort((a, b) => b.history.length - a.history.length);
      const out: { repository: string; diffIds: Digest[] }[] = [];
      for (const base of bases) {
        if (out.some((o) => o.repository === base.repository)) continue;
        let content: RemoteImageContent;
        try {
          content = await resolveTag(`${base.repository}:${base.tag}`, platform);
        } catch {
          continue;
        }
        const diffIds = content.layers.map((l) => l.diffId);
        if (diffIds.every((d, i) => config.rootfs.diff_ids[i] === d)) out.push({ repository: base.repository, diffIds });
      }
      return out;
    },
  };
}

function sameStep(hub: HubImage['history'][number], entry: NonNullable<ImageConfig['history']>[number] | undefined): boolean {
  return entry !== undefined && entry.created_by === hub.createdBy && entry.created === hub.created && (entry.empty_layer === true) === (hub.emptyLayer === true);
}
