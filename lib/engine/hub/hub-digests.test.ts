import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Sha256Factory } from '@/lib/util';
import { fingerprint } from '../fs';
import { hashLayer } from '../layer';
import { createHub } from './create-hub';
import { HUB_DIGEST_ROWS } from './hub-digests.generated';
import { HUB_FILES } from './hub-files';

const nodeSha256: Sha256Factory = () => {
  const hash = createHash('sha256');
  return { update: (chunk) => void hash.update(chunk), digest: () => `sha256:${hash.digest('hex')}` };
};

const STALE = 'stale: regenerate with npx tsx app/_worker/generate-hub-digests.ts';

describe('the precomputed hub layer digests', () => {
  const hub = createHub({ files: HUB_FILES });

  it('name exactly the layers the hub has now, with the sha256 of the tars the writer produces (small ones rehashed)', async () => {
    const byFingerprint = new Map(HUB_DIGEST_ROWS.map((row) => [row[0], row]));
    const current = new Set<string>();
    let rehashed = 0;
    for (const image of hub.images()) {
      for (const platform of image.platforms) {
        for (const layer of image.layers) {
          const changeSet = hub.layerChangeSet(layer, platform);
          const fp = (await fingerprint(changeSet, nodeSha256)).slice(7);
          const row = byFingerprint.get(fp);
          if (!current.has(fp) && row !== undefined && row[2] <= 4 << 20) {
            const { diffId, tarSize } = await hashLayer(changeSet, nodeSha256);
            expect([`sha256:${row[1]}`, row[2]], STALE).toEqual([diffId, tarSize]);
            rehashed += 1;
          }
          current.add(fp);
        }
      }
    }
    expect(HUB_DIGEST_ROWS.map((row) => row[0]).sort(), STALE).toEqual([...current].sort());
    expect(rehashed).toBeGreaterThan(10);
  }, 90_000);
});
