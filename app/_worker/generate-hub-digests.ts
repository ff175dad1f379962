/**
 * Writes lib/engine/hub/hub-digests.generated.ts: the diffID of every hub layer, so the browser
 * never hashes a base image (lib/engine/hub/hub-digests.ts). Hashes all of content/hub (about
 * 21 GB of tar) with node:crypto: about a minute. Rerun after editing content/hub or the tar
 * writer; lib/engine/hub/hub-digests.test.ts fails while the table is stale.
 *
 *   npx tsx app/_worker/generate-hub-digests.ts
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { computeHubDigests, createHub, HUB_FILES, renderHubDigestsModule } from '@/lib/engine';
import type { Sha256Factory } from '@/lib/util';

export const HUB_DIGESTS_PATH = fileURLToPath(new URL('../../lib/engine/hub/hub-digests.generated.ts', import.meta.url));

const nodeSha256: Sha256Factory = () => {
  const hash = createHash('sha256');
  return { update: (chunk) => void hash.update(chunk), digest: () => `sha256:${hash.digest('hex')}` };
};

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const rows = await computeHubDigests(createHub({ files: HUB_FILES }), nodeSha256);
  writeFileSync(HUB_DIGESTS_PATH, renderHubDigestsModule(rows));
  console.log(`wrote ${rows.length} hub layer digests in ${Math.round(performance.now() - started)} ms`);
}
