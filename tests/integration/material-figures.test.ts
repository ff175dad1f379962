/**
 * The material's figures (issue 4, "The material's numbers"): every example in content/examples
 * builds with the hub and a memory store, and what the material states about it holds within
 * ±25% — or, where our model and the material disagree beyond that, the test asserts what we
 * measure and says why beside it (never adjusted data). See each example's example.json.
 */
import { describe, expect, it } from 'vitest';
import { nodeSha256 } from '@/lib/cli/node-io';
import {
  build,
  createHub,
  createHubImageSource,
  createMemoryContext,
  createMemoryStore,
  HUB_FILES,
  saveImages,
  type BuildEvent,
  type BuildResult,
  type Store,
} from '@/lib/engine';
import { exampleIds, loadExample } from '../helpers/examples';

const hub = createHub({ files: HUB_FILES });
const imageSource = createHubImageSource(hub, nodeSha256);
const MB = 1e6;
const TOLERANCE = 0.25;

interface Built {
  result: BuildResult;
  store: Store;
  logs: string[];
}

async function buildText(dockerfile: string, files: Record<string, string>, store: Store = createMemoryStore(), tag = 'example'): Promise<Built> {
  const logs: string[] = [];
  const onEvent = (e: BuildEvent) => {
    if (e.type === 'vertex-log') logs.push(e.text);
  };
  const result = await build({ dockerfile, context: createMemoryContext(files), tags: [tag] }, { store, sha256: nodeSha256, imageSource, onEvent });
  return { result, store, logs };
}

async function buildExample(id: string, file = 'Dockerfile', store?: Store): Promise<Built> {
  const example = loadExample(id);
  const dockerfile = example.files[file];
  if (dockerfile === undefined) throw new Error(`content/examples/${id}/${file} is missing`);
  return buildText(dockerfile, example.files, store, id);
}

async function buildError(id: string, file: string): Promise<string> {
  try {
    await buildExample(id, file);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`expected content/examples/${id}/${file} to fail`);
}

/** `actual` within ±25% of the material's `stated` figure. */
function expectNear(actual: number, stated: number): void {
  expect(actual).toBeGreaterThanOrEqual(stated * (1 - TOLERANCE));
  expect(actual).toBeLessThanOrEqual(stated * (1 + TOLERANCE));
}

const layer = (r: BuildResult, prefix: string) => {
  const found = r.layers.find((l) => l.createdBy.startsWith(prefix));
  if (found === undefined) throw new Error(`no layer created by ${prefix}: ${r.layers.map((l) => l.createdBy).join(' | ')}`);
  return found;
};
const stageSize = (r: BuildResult, name: string) => r.stages.find((s) => s.name === name)?.size ?? Number.NaN;
/** Layers the Dockerfile itself adds on top of its base image. */
const ownLayers = (r: BuildResult) => r.layers.filter((l) => !l.createdBy.startsWith('/bin/sh -c #(nop)') && !/^RUN \/bin\/sh -c set -e/.test(l.createdBy) && !l.createdBy.includes('addgroup -g 1000 node'));

/** npm/node are being registered in lib/engine/packages (the colleague's area). Skip only those. */
async function npmResolves(): Promise<string | null> {
  try {
    await buildText('FROM node:18-alpine\nRUN npm --version\n', {});
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
const npmMissing = await npmResolves();
if (npmMissing !== null) console.warn(`material-figures: Node examples skipped — npm is not registered in lib/engine/packages yet (RUN npm --version: ${npmMissing})`);

describe('content/examples', () => {
  it('every folder has example.json, a Dockerfile and its as-written copy when there is one', () => {
    const ids = exampleIds();
    expect(ids.length).toBeGreaterThanOrEqual(20);
    for (const id of ids) {
      const { meta, files } = loadExample(id);
      expect(meta.title.length).toBeGreaterThan(0);
      expect(meta.section.length).toBeGreaterThan(0);
      if (meta.asWritten) expect(files[meta.asWritten.file], `${id}/${meta.asWritten.file}`).toBeDefined();
    }
  });
});

describe("the material's figures", () => {
  it('layer concept (myapp:1.0): pip install ≈50 MB, COPY requirements ≈1 KB, COPY app.py small on top', async () => {
    const { result } = await buildExample('layer-concept');
    expectNear(layer(result, 'RUN /bin/sh -c pip install').size / MB, 50); // measured 39.2 MB: wheels installed + pip's cache
    expect(layer(result, 'COPY requirements.txt').size).toBeLessThan(1024);
    // Material: 2 MB. Ours is the real app.py (a few hundred bytes): one source file is not 2 MB.
    const app = layer(result, 'COPY app.py');
    expect(app.size).toBeGreaterThan(0);
    expect(app.size).toBeLessThan(10_000);
    expect(result.layers.at(-1)).toBe(app);
    // Material: python:3.9 is 150 MB, total ~203 MB. The real python:3.9 is ~997 MB (measured
    // image 1036 MB); the lesson explains the simplification.
    expect(result.size / MB).toBeGreaterThan(997);
  }, 60_000);

  it('build speed: after changing app.py only the last step runs', async () => {
    const example = loadExample('layer-caching');
    const store = createMemoryStore();
    const first = await buildText(example.dockerfile, example.files, store);
    const changed = { ...example.files, 'app.py': `${example.files['app.py'] ?? ''}\n# changed\n` };
    const second = await buildText(example.dockerfile, changed, store);
    expect(second.result.steps.map((s) => s.cached)).toEqual([true, true, true, false]);
    expect(second.result.layers.slice(0, -1).map((l) => l.diffId)).toEqual(first.result.layers.slice(0, -1).map((l) => l.diffId));
    // "5 minutes → 5 seconds": what matters is the ratio. Measured: cold 24 s simulated (pulling
    // python:3.9 at 20 MB/s is most of it), rebuild well under a second — the model's real time
    // for the work, where the material's 5 s includes docker's own overhead.
    expect(second.result.simulatedSeconds).toBeLessThan(first.result.simulatedSeconds / 20);
  }, 60_000);

  it('interview Q1: ubuntu 72 MB, apt-get update, COPY app.py, CMD 0 B', async () => {
    const { result } = await buildExample('interview-1-layers');
    expectNear(result.layers[0]!.size / MB, 72);
    // Material: 50 MB. Measured 19.9 MB: the apt lists of the Debian bookworm catalog the model
    // uses (main, amd64; real focal lists are ~20-30 MB too). The material's 50 MB overstates it.
    const update = layer(result, 'RUN /bin/sh -c apt-get update').size / MB;
    expect(update).toBeGreaterThan(15);
    expect(update).toBeLessThan(30);
    expect(layer(result, 'COPY app.py').size).toBeLessThan(1_000); // material: 1 MB
    expect(result.layers).toHaveLength(3); // CMD is metadata only: no layer
    expect(await buildError('interview-1-layers', 'Dockerfile.material')).toBe('dockerfile parse error on line 1: FROM requires either one or three arguments');
  }, 60_000);

  it('build context: .dockerignore keeps tests/ and .git/ out', async () => {
    const { result, store } = await buildExample('build-context');
    expect(result.size / MB).toBeGreaterThan(125);
    const image = await store.read((tx) => tx.get('images', result.imageId));
    expect(image).toBeDefined();
    const copy = layer(result, 'COPY . .');
    expect(copy.size).toBeGreaterThan(0);
    expect(copy.size).toBeLessThan(2_000); // app/, requirements.txt, .dockerignore only
  }, 60_000);

  it('Go multi-stage: builder ≈800 MB, final on alpine ≈15 MB, 98% smaller', async () => {
    const { result } = await buildExample('multi-stage-go');
    const builder = stageSize(result, 'builder') / MB;
    expectNear(builder, 800); // measured 952.8 MB: golang:1.21 (814 MB) + modules + binary
    // Material: 15 MB. Measured 18.8 MB = alpine 7.4 + ca-certificates 0.7 + gin binary 10.7:
    // +25.1%, just past the tolerance. The binary size is gin's real static build; the material's
    // 15 MB leaves out either the ca-certificates layer or a few MB of binary. Asserting measured.
    expect(result.size / MB).toBeGreaterThan(15);
    expect(result.size / MB).toBeLessThan(15 * 1.3);
    const reduction = 1 - result.size / MB / builder;
    expect(reduction).toBeGreaterThanOrEqual(0.975);
    expect(reduction).toBeLessThan(0.99);
  }, 60_000);

  it('Go on scratch: 10–20 MB; the as-written FROM line fails', async () => {
    const { result } = await buildExample('go-scratch');
    expect(result.size / MB).toBeGreaterThanOrEqual(10);
    expect(result.size / MB).toBeLessThanOrEqual(20);
    expect(result.layers).toHaveLength(1);
    expect(await buildError('go-scratch', 'Dockerfile.material')).toBe('dockerfile parse error on line 8: FROM requires either one or three arguments');
  }, 60_000);

  it('image optimization: ubuntu ≈850 MB in 7 layers vs python:3.9-slim ≈180 MB adding 4 layers', async () => {
    const before = (await buildExample('optimization-before')).result;
    const after = (await buildExample('optimization-after')).result;
    // Material: 850 MB. Measured 626 MB: ubuntu 73 + lists + python3 + python3-pip with its
    // recommends (build-essential, g++, perl, …) + packages. Ubuntu's docker-clean hook deletes the
    // downloaded .debs after every install, as on real Docker, so the 850 MB is the material's
    // round figure (−26%); asserting the measured size and the material's shape instead.
    expect(before.size / MB).toBeGreaterThan(550);
    expect(before.size / MB).toBeLessThan(850 * (1 + TOLERANCE));
    expect(before.layers).toHaveLength(7); // ubuntu's layer + 4 RUN + 2 COPY, as the material counts
    expectNear(after.size / MB, 180); // measured 156 MB
    // The material counts 4 for "after": the layers its Dockerfile adds (WORKDIR, COPY, RUN, COPY);
    // python:3.9-slim itself brings 5 more (9 in `docker history`).
    expect(ownLayers(after)).toHaveLength(4);
    expect(after.layers).toHaveLength(9);
    expectNear(1 - after.size / before.size, 0.8); // material: 80% reduction; measured 75%
    // Material: 3 min vs 1 min. Measured ~75 s vs ~7 s simulated: the model charges downloads at
    // 20 MB/s and catalog install costs, and pulls no index/metadata round trips; the 3:1 ratio of
    // the material becomes ~10:1. Asserting the measured behaviour (before is much slower).
    expect(before.simulatedSeconds).toBeGreaterThan(45);
    expect(before.simulatedSeconds).toBeLessThan(120);
    expect(after.simulatedSeconds).toBeLessThan(20);
    expect(before.simulatedSeconds / after.simulatedSeconds).toBeGreaterThan(3);
  }, 60_000);

  it('minimize layers: one RUN with cleanup is smaller and has fewer layers', async () => {
    const bad = (await buildExample('minimize-layers-bad')).result;
    const good = (await buildExample('minimize-layers-good')).result;
    expect(bad.layers).toHaveLength(5);
    expect(good.layers).toHaveLength(2);
    // Same packages; the good one drops /var/lib/apt/lists (~20 MB) in the layer that made them.
    expect(bad.size - good.size).toBeGreaterThan(15 * MB);
  }, 60_000);

  it('interview Q2: the "2 GB" Dockerfile vs the optimized one (<200 MB, ≈135 MB)', async () => {
    const before = (await buildExample('interview-2-before')).result;
    // Material: 2.0 GB, but its own breakdown (72 + 100 + 500 + 50 + 200 + 10 MB) sums to 932 MB,
    // and a realistic requirements.txt (flask, requests, gunicorn, sqlalchemy, pytest) is ~30 MB,
    // not 500 MB. Measured 669 MB: ubuntu 73 + lists 20 + python3-pip with its recommends
    // (build-essential, perl, ...) + packages 30; apt's .debs are deleted by the image's
    // docker-clean hook as on real Docker. That is 28% under the breakdown's 932 MB: the
    // material's figures are rounded up, so we assert a range around the measured size.
    expect(before.size / MB).toBeGreaterThan(600);
    expect(before.size / MB).toBeLessThan(932 * (1 + TOLERANCE));
    expect(before.size / MB).toBeLessThan(2000 * (1 - TOLERANCE));

    const after = await buildExample('interview-2-after');
    // Material: 135 MB = alpine python 45 + packages 80 + app 10. Measured 72 MB: python:3.9-alpine
    // 47.8 MB (≈45 ✓), /root/.local 24.6 MB (the same requirements, production + pytest), app 1 kB.
    expect(after.result.size / MB).toBeLessThan(200);
    expectNear(after.result.layers.slice(0, 5).reduce((n, l) => n + l.size, 0) / MB, 45);
    expect(after.result.size / MB).toBeGreaterThan(60);
    expect(after.result.size / MB).toBeLessThan(90);
    expect(1 - after.result.size / before.size).toBeGreaterThan(0.85); // material: 93% (of 2 GB); measured 89% of 669 MB
    // The builder ran the tests; the final image has main.py and a python to start it.
    expect(after.logs.join('')).toMatch(/passed/);
    const config = await after.store.read((tx) => tx.get('images', after.result.imageId));
    expect(config).toBeDefined();
    expect(layer(after.result, 'COPY /app/app/*.py').size).toBeGreaterThan(0);

    const step2 = (await buildExample('interview-2-multi-stage')).result;
    expect(step2.size / MB).toBeLessThan(200);
  }, 120_000);

  it('custom base on alpine: the material\'s python3-pip does not exist; py3-pip does', async () => {
    // Alpine 3.19's python3 ships EXTERNALLY-MANAGED (PEP 668): the example's plain
    // `pip3 install` fails as on real Docker; with --break-system-packages it builds.
    expect(await buildError('alpine-python-base', 'Dockerfile')).toBe('process "/bin/sh -c pip3 install flask requests" did not complete successfully: exit code: 1');
    const { result } = await buildText('FROM alpine\nRUN apk add python3 py3-pip curl\nRUN pip3 install --break-system-packages flask requests\n', {});
    expect(result.size / MB).toBeGreaterThan(60);
    expect(await buildError('alpine-python-base', 'Dockerfile.material')).toBe('process "/bin/sh -c apk add python3 python3-pip curl" did not complete successfully: exit code: 1');
  }, 60_000);

  it('specific tags: node:18.19.0-alpine3.19 resolves', async () => {
    const { result } = await buildExample('specific-tags-good');
    expectNear(result.size / MB, 127);
  }, 60_000);

  it('specific tags: node:latest resolves (to 18 in this sandbox; it moves on Docker Hub)', async () => {
    // content/hub/library/node.json aliases `latest` to the newest tag the hub has, node 18
    // (bookworm). On Docker Hub node:latest moves with each release, the material's point.
    const { result } = await buildExample('specific-tags-bad');
    const pinned = (await buildText('FROM node:18.19.0-bookworm\n', {}, createMemoryStore(), 'node:18.19.0-bookworm')).result;
    expect(result.imageId).toBe(pinned.imageId);
    expectNear(result.size / MB, 1093);
  }, 60_000);

  it('docker save nginx:latest: the tar is about the image size', async () => {
    // nginx:latest in our hub is 1.25.3 (187 MB, as Docker Hub served it in early 2024); the
    // material's 142M matches nginx:1.24 (142 MB). We check both: latest's tar ≈ its image size,
    // and 1.24's tar ≈ the material's 142M.
    for (const [ref, stated] of [['nginx:latest', 187], ['nginx:1.24', 142]] as const) {
      const store = createMemoryStore();
      const { result } = await buildText(`FROM ${ref}\n`, {}, store, ref);
      let bytes = 0;
      for await (const chunk of await saveImages(store, [ref], { sha256: nodeSha256 })) bytes += chunk.length;
      expectNear(result.size / MB, stated);
      expect(bytes).toBeGreaterThan(result.size);
      expect(bytes / result.size).toBeLessThan(1.05); // measured +2.4%: 512-byte tar headers per file
      // `ls -lh` prints MiB: 142M is 142 MiB.
      if (ref === 'nginx:1.24') expectNear(bytes / 2 ** 20, 142);
    }
  }, 60_000);
});

describe.skipIf(npmMissing !== null)("the material's Node figures (need npm)", () => {
  it('Node single stage ≈1.2 GB vs multi-stage ≈200 MB', async () => {
    const single = (await buildExample('multi-stage-node-single')).result;
    const multi = (await buildExample('multi-stage-node')).result;
    expectNear(single.size / MB, 1200);
    expectNear(multi.size / MB, 200);
    expectNear((single.size - multi.size) / MB, 1000); // "Savings: 1 GB!"
  }, 120_000);

  it('layer order: after a source change, npm install re-runs only in the bad order', async () => {
    for (const [id, npmCached] of [['layer-order-bad', false], ['layer-order-good', true]] as const) {
      const example = loadExample(id);
      const store = createMemoryStore();
      await buildText(example.dockerfile, example.files, store);
      const changed = { ...example.files, 'src/server.ts': `${example.files['src/server.ts'] ?? ''}\n// changed\n` };
      const second = await buildText(example.dockerfile, changed, store);
      const install = second.result.steps.find((s) => s.instruction === 'RUN npm install');
      expect(install?.cached, id).toBe(npmCached);
    }
    expect(await buildError('layer-order-bad', 'Dockerfile.material')).toBe('When using COPY with more than one source file, the destination must be a directory and end with a /');
    expect(await buildError('layer-order-good', 'Dockerfile.material')).toBe('When using COPY with more than one source file, the destination must be a directory and end with a /');
  }, 120_000);

  it('.dockerignore and production-only dependencies build', async () => {
    const ignored = (await buildExample('dockerignore-node')).result;
    expect(layer(ignored, 'COPY . .').size).toBeLessThan(10_000);
    const prod = (await buildExample('node-production-deps')).result;
    expect(prod.size / MB).toBeLessThan(160);
  }, 120_000);
});
