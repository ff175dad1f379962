/**
 * Registry benchmark (issue 5, "Speed"): push and pull of a ~100 MB image to Debian's
 * docker-registry on loopback, Layerlab vs `skopeo copy` of the same image (our `docker save`
 * archive → the registry → an OCI layout) in the same run, each with its defaults: Layerlab
 * pushes layers uncompressed (digest = diffID: nothing to hash or compress on the way) and pulls
 * into a directory store as the CLI does, parsing and verifying every tar; skopeo gzips on push
 * (always, for a registry destination) and keeps the gzip blobs as they are on pull.
 * Goal: ours at most 1.5x. Run: npm run -s bench -- registry
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { nodeSha256 } from '@/lib/cli/node-io';
import { createDirectoryStore } from '@/lib/cli/node-store';
import { createMemoryStore, createRegistries, emptyConfig, encodeImageConfig, saveImages, type Store } from '@/lib/engine';
import { bytesContent, createTree, diffTrees, editTree, syntheticContent } from '@/lib/engine/fs';
import { hashLayer } from '@/lib/engine/layer';
import { putImage, uncompressedManifest } from '@/lib/engine/registry/local-images';
import { missingRegistryReason, startRegistry } from '../integration/interop/registry-server';

const exec = promisify(execFile);
const MB = 1e6;

/**
 * A ~100 MB image: a 96 MB layer of 24 files of 4 MB, and a small app layer. `synthetic`: content
 * the engine generates from a seed (what hub images and package installs hold); `bytes`: real
 * bytes (what a COPY of the student's files holds).
 */
async function createImage(store: Store, ref: string, kind: 'synthetic' | 'bytes'): Promise<number> {
  const content = (size: number, seed: string) => (kind === 'synthetic' ? syntheticContent(size, seed) : bytesContent(randomBytes(size)));
  const big = diffTrees(
    createTree(),
    editTree(createTree(), (d) => {
      for (let i = 0; i < 24; i++) d.writeFile(`/usr/lib/lib-${i}.so`, content(4 * MB, `bench/${i}`), { mode: 0o755 }, true);
    }),
  );
  const small = diffTrees(
    createTree(),
    editTree(createTree(), (d) => {
      for (let i = 0; i < 10; i++) d.writeFile(`/app/file-${i}.js`, content(20_000 + i, `app/${i}`), {}, true);
    }),
  );
  const layers = [big, small];
  const digests = await Promise.all(layers.map((cs) => hashLayer(cs, nodeSha256)));
  const config = { ...emptyConfig({ architecture: 'amd64', os: 'linux' }), created: '2024-01-01T00:00:00Z', rootfs: { type: 'layers' as const, diff_ids: digests.map((d) => d.diffId) }, history: [{ created_by: 'COPY lib /usr/lib' }, { created_by: 'COPY app /app' }] };
  const encoded = await encodeImageConfig(config, nodeSha256);
  const manifest = await uncompressedManifest(encoded.id, encoded.size, digests, nodeSha256);
  await store.write(async (tx) => {
    await putImage(tx, {
      configBytes: encoded.bytes,
      config,
      layers: layers.map((changeSet, i) => ({ diffId: digests[i]!.diffId, changeSet, tarSize: digests[i]!.tarSize })),
      manifestBytes: manifest.bytes,
      manifestDigest: manifest.digest,
      sha256: nodeSha256,
    });
    await tx.put('refs', ref, { imageId: encoded.id });
  });
  return digests.reduce((n, d) => n + d.tarSize, 0);
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

export async function runRegistryBench(): Promise<void> {
  console.log('registry: push + pull of a ~100 MB image to docker-registry on loopback, Layerlab vs skopeo copy');
  const reason = await missingRegistryReason(['docker-registry', 'skopeo']);
  if (reason !== null) {
    console.log(`  skipped: ${reason}`);
    return;
  }
  for (const kind of ['synthetic', 'bytes'] as const) await benchOne(kind);
}

async function benchOne(kind: 'synthetic' | 'bytes'): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'layerlab-registry-bench-'));
  const rows: Record<string, number[]> = { 'layerlab push': [], 'layerlab pull': [], 'skopeo push': [], 'skopeo pull': [] };
  let bytes = 0;
  try {
    for (let run = 0; run < 3; run++) {
      // A fresh registry and daemon per run: nobody (our daemon, skopeo's blob-info cache) knows
      // a repository to mount from, so every layer crosses the wire.
      const registry = await startRegistry();
      try {
        const registries = createRegistries({ store: createMemoryStore(), sha256: nodeSha256, fetch: globalThis.fetch });
        const local = await createDirectoryStore(join(work, `state-${run}`), { durable: false });
        const ref = `${registry.host}/ours/img:1`;
        bytes = await createImage(local, ref, kind);
        rows['layerlab push']!.push(await timed(() => registries.push({ ref, store: local })));
        const pulled = await createDirectoryStore(join(work, `pulled-${run}`), { durable: false });
        rows['layerlab pull']!.push(await timed(() => registries.pull({ ref, store: pulled })));

        const archive = join(work, `image-${run}.tar`);
        const chunks: Uint8Array[] = [];
        for await (const chunk of await saveImages(local, [ref], { sha256: nodeSha256 })) chunks.push(chunk);
        await writeFile(archive, Buffer.concat(chunks));
        await local.close();
        await pulled.close();
        const raw = `docker://${registry.host}/skopeo/img:1`;
        rows['skopeo push']!.push(await timed(() => exec('skopeo', ['copy', '--quiet', '--dest-tls-verify=false', `docker-archive:${archive}`, raw])));
        rows['skopeo pull']!.push(await timed(() => exec('skopeo', ['copy', '--quiet', '--src-tls-verify=false', raw, `oci:${join(work, `oci-${run}`)}:img`])));
      } finally {
        await registry.stop();
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const m = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, median(v)])) as Record<string, number>;
  const width = Math.max(...Object.keys(m).map((k) => k.length));
  console.log(`  ${kind} content: ${(bytes / MB).toFixed(0)} MB of layer tars, medians of 3 runs (load average ${loadavg()[0]?.toFixed(1)})`);
  for (const [name, ms] of Object.entries(m)) console.log(`    ${name.padEnd(width)}  ${ms.toFixed(0).padStart(6)} ms  (${(bytes / MB / (ms / 1000)).toFixed(0)} MB/s)`);
  const ours = m['layerlab push']! + m['layerlab pull']!;
  const theirs = m['skopeo push']! + m['skopeo pull']!;
  console.log(`    push + pull: layerlab ${ours.toFixed(0)} ms, skopeo ${theirs.toFixed(0)} ms: ratio ${(ours / theirs).toFixed(2)}x (goal <= 1.5x)`);
}
