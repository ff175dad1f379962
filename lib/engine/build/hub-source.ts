import type { Sha256Factory } from '@/lib/util';
import { HUB_DIGEST_ROWS, hubDigestSeeds, type Hub } from '../hub';
import { parseImagePlatform, type ImageConfig } from '../image';
import { createDiffIdMemo } from '../layer';
import { describeImage } from './image-resolver';
import type { ImageSource, SourceImage } from './types';

/**
 * The hub as the build's ImageSource: resolves a reference for one platform to its config, its
 * layers as change sets with their diffIDs (precomputed in hub-digests.generated.ts; a layer the
 * table does not know is hashed once, memoized), sizes and a stable
 * digest. Registry transfers are compressed; the pull's simulated size is taken as 40% of the
 * uncompressed bytes, roughly what gzip achieves on distribution layers.
 */
const COMPRESSION_RATIO = 0.4;

export function createHubImageSource(hub: Hub, sha256: Sha256Factory): ImageSource {
  const memo = createDiffIdMemo(sha256, { maxEntries: HUB_DIGEST_ROWS.length + 1024 });
  for (const [fp, digest] of hubDigestSeeds(HUB_DIGEST_ROWS)) memo.remember(fp, 0, digest);
  return {
    async resolve(ref: string, platform: string): Promise<SourceImage> {
      const image = hub.resolve(ref);
      const chosen = hub.platformFor(image, platform);
      const layers = [];
      for (const layer of image.layers) {
        const changeSet = hub.layerChangeSet(layer, chosen);
        const digest = await memo.hashLayer(changeSet);
        layers.push({ diffId: digest.diffId, changeSet, size: hub.layerSize(layer, chosen), tarSize: digest.tarSize });
      }
      const p = parseImagePlatform(chosen);
      const config: ImageConfig = {
        architecture: p.architecture,
        os: p.os,
        ...(p.variant !== undefined ? { variant: p.variant } : {}),
        created: image.created,
        config: image.config,
        rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
        history: image.history.map((h) => ({
          created: h.created,
          created_by: h.createdBy,
          ...(h.comment !== undefined ? { comment: h.comment } : {}),
          ...(h.emptyLayer === true ? { empty_layer: true } : {}),
        })),
      };
      const size = layers.reduce((n, l) => n + l.size, 0);
      const installed = image.installed;
      return {
        ref,
        digest: (await describeImage(config, layers, sha256)).manifestDigest,
        config,
        layers,
        size,
        downloadSize: Math.max(1, Math.round(size * COMPRESSION_RATIO)),
        installed: {
          shell: installed.shell?.kind ?? null,
          bash: installed.bash,
          packageManager: installed.packageManager,
          libc: installed.libc,
        },
      };
    },
  };
}
