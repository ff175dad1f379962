import { beforeAll, describe, expect, it } from 'vitest';
import {
  build,
  createHub,
  createHubImageSource,
  createMemoryContext,
  createMemoryStore,
  createRegistries,
  HUB_FILES,
  saveImages,
  type BuildResult,
  type Store,
} from '@/lib/engine';
import { wasmSha256 } from '@/lib/util';
import { evaluateCheck, gradeLab } from './evaluate';
import type { GradingContext, GradingFs, LabCheckSpec } from './types';

const hub = createHub({ files: HUB_FILES });
const imageSource = createHubImageSource(hub, wasmSha256);

const DOCKERFILE = `FROM alpine AS builder
RUN apk add --no-cache gcc
COPY app.sh /src/app.sh

FROM alpine
ARG NOTHING
RUN apk add curl
WORKDIR /app
COPY --from=builder /src/app.sh /app/app.sh
COPY app.sh /app/run.sh
ENV MODE=prod
EXPOSE 8080
CMD ["echo", "hello"]
`;

async function buildApp(store: Store, script: string, tag = 'app:1.0'): Promise<BuildResult> {
  return build({ dockerfile: DOCKERFILE, context: createMemoryContext({ 'app.sh': script }), tags: [tag] }, { store, sha256: wasmSha256, imageSource });
}

function memoryFs(files: Record<string, Uint8Array | string>): GradingFs {
  return { readFile: async (path) => (path in files ? (typeof files[path] === 'string' ? new TextEncoder().encode(files[path] as string) : (files[path] as Uint8Array)) : null) };
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

let store: Store;
let ctx: GradingContext;
let rebuild: BuildResult;

beforeAll(async () => {
  store = createMemoryStore();
  await buildApp(store, 'echo one\n');
  rebuild = await buildApp(store, 'echo two\n');
  await build({ dockerfile: 'FROM alpine\nCMD ["/nope"]\n', context: createMemoryContext({}), tags: ['broken'] }, { store, sha256: wasmSha256, imageSource });
  const saved = await collect(await saveImages(store, ['app:1.0'], { sha256: wasmSha256 }));
  const savedById = await collect(await saveImages(store, [rebuild.imageId], { sha256: wasmSha256 }));
  ctx = {
    store,
    history: ['docker build -t app:1.0 .', 'docker images && docker image save --output app.tar app:1.0', "echo 'docker export nope'", 'sudo docker rmi -f old'],
    workspace: memoryFs({ Dockerfile: DOCKERFILE, 'app.tar': saved, 'by-id.tar': savedById, 'notes.txt': 'not a tar' }),
    lastBuild: rebuild,
    sha256: wasmSha256,
  };
}, 60_000);

const run = (check: LabCheckSpec) => evaluateCheck({ id: 'c', ...check }, ctx);

describe('lab checks', () => {
  it('image-exists, image-size and layer-count read the store', async () => {
    expect((await run({ kind: 'image-exists', image: 'app:1.0' })).status).toBe('pass');
    expect((await run({ kind: 'image-exists', image: 'app:2.0' })).status).toBe('fail');
    expect((await run({ kind: 'image-exists', image: 'app:2.0', exists: false })).status).toBe('pass');
    const small = await run({ kind: 'image-size', image: 'app:1.0', below: '200MB' });
    expect(small.status).toBe('pass');
    expect(small.detail).toMatch(/^app:1\.0 is [\d.]+ MB \(\d+ bytes\)$/);
    expect((await run({ kind: 'image-size', image: 'app:1.0', above: '1GB' })).status).toBe('fail');
    const bad = await run({ kind: 'image-size', image: 'app:1.0', below: 'small' });
    expect(bad.status).toBe('error');
    expect(bad.detail).toMatch(/not a size/);
    const layers = await run({ kind: 'layer-count', image: 'app:1.0', min: 2, max: 10 });
    expect(layers.status).toBe('pass');
    expect((await run({ kind: 'layer-count', image: 'app:1.0', max: 1 })).detail).toMatch(/has \d+ layers \(expected at most 1\)/);
  });

  it('config reads Cmd, Env, ExposedPorts, WorkingDir and User', async () => {
    expect((await run({ kind: 'config', image: 'app:1.0', field: 'Cmd', equals: ['echo', 'hello'] })).status).toBe('pass');
    expect((await run({ kind: 'config', image: 'app:1.0', field: 'Cmd', equals: ['echo'] })).status).toBe('fail');
    expect((await run({ kind: 'config', image: 'app:1.0', field: 'Env', contains: 'MODE=prod' })).status).toBe('pass');
    expect((await run({ kind: 'config', image: 'app:1.0', field: 'Env', contains: 'MODE' })).status).toBe('pass');
    expect((await run({ kind: 'config', image: 'app:1.0', field: 'ExposedPorts', contains: '8080' })).status).toBe('pass');
    expect((await run({ kind: 'config', image: 'app:1.0', field: 'WorkingDir', equals: '/app' })).status).toBe('pass');
    expect((await run({ kind: 'config', image: 'app:1.0', field: 'User', absent: true })).status).toBe('pass');
    expect((await run({ kind: 'config', image: 'app:1.0', field: 'Entrypoint', absent: true })).detail).toBe('Entrypoint of app:1.0: not set');
  });

  it('file finds paths and globs in the final filesystem only', async () => {
    expect((await run({ kind: 'file', image: 'app:1.0', path: '/app/run.sh', present: true })).status).toBe('pass');
    expect((await run({ kind: 'file', image: 'app:1.0', path: '/src/app.sh', present: false })).status).toBe('pass');
    expect((await run({ kind: 'file', image: 'app:1.0', path: '**/gcc', present: false })).status).toBe('pass');
    const curl = await run({ kind: 'file', image: 'app:1.0', path: '/usr/bin/curl', present: false });
    expect(curl.status).toBe('fail');
    expect(curl.detail).toBe('/usr/bin/curl: /usr/bin/curl in app:1.0');
  });

  it('image-starts runs a container in a scratch store and leaves the student store alone', async () => {
    const before = (await store.list('containers')).length;
    const ok = await run({ kind: 'image-starts', image: 'app:1.0' });
    expect(ok.status).toBe('pass');
    expect(ok.detail).toBe('app:1.0 exited with code 0: hello');
    const broken = await run({ kind: 'image-starts', image: 'broken' });
    expect(broken.status).toBe('fail');
    expect(broken.detail).toMatch(/does not start: .*exec: "\/nope": stat \/nope: no such file or directory/);
    expect((await run({ kind: 'image-starts', image: 'app:1.0', args: ['false'] })).detail).toBe('app:1.0 exited with code 1');
    expect((await store.list('containers')).length).toBe(before);
  });

  it('build-cached reads the last build: dependencies reused, changed code rebuilt', async () => {
    expect((await run({ kind: 'build-cached', step: 'RUN apk add curl', cached: true })).status).toBe('pass');
    const copy = await run({ kind: 'build-cached', step: 'COPY app.sh *', cached: false });
    expect(copy.status).toBe('pass');
    expect(copy.detail).toContain('(built)');
    expect((await run({ kind: 'build-cached', step: 'RUN pip *', cached: true })).detail).toBe('no step of the last build matches RUN pip *');
    expect((await evaluateCheck({ id: 'c', kind: 'build-cached', step: '*', cached: true }, { ...ctx, lastBuild: undefined })).status).toBe('error');
  });

  it('command reads the history: aliases, flags in any order, compound lines, quotes', async () => {
    expect((await run({ kind: 'command', command: 'docker save -o *.tar app:1.0', used: true })).detail).toBe('ran: docker image save --output app.tar app:1.0');
    expect((await run({ kind: 'command', command: 'docker image ls', used: true })).status).toBe('pass');
    expect((await run({ kind: 'command', command: 'docker image rm --force', used: true })).status).toBe('pass');
    expect((await run({ kind: 'command', command: 'docker export', used: false })).status).toBe('pass');
    expect((await run({ kind: 'command', command: 'docker import', used: true })).detail).toBe('no command in the history matches docker import');
  });

  it('archive-tags loads a saved tar with the engine reader: tags kept by name, lost by ID', async () => {
    const named = await run({ kind: 'archive-tags', path: 'app.tar', tags: ['app:1.0'], layers: { min: 2 } });
    expect(named.status).toBe('pass');
    expect(named.detail).toMatch(/^app\.tar holds app:1\.0; layers: \d+ \(expected at least 2\)$/);
    const byId = await run({ kind: 'archive-tags', path: 'by-id.tar', tags: ['app'] });
    expect(byId.status).toBe('fail');
    expect(byId.detail).toBe('by-id.tar holds no tags (missing app)');
    expect((await run({ kind: 'archive-tags', path: 'notes.txt', tags: ['app'] })).detail).toMatch(/^notes\.txt is not an image archive docker load reads/);
    expect((await run({ kind: 'archive-tags', path: 'gone.tar', tags: ['app'] })).detail).toBe('no gone.tar in the workspace');
  });

  it('stage-count, base-image and lint-clean read the workspace Dockerfile', async () => {
    expect((await run({ kind: 'stage-count', min: 2 })).detail).toBe('Dockerfile has 2 stages (expected at least 2)');
    expect((await run({ kind: 'base-image', matches: ['alpine*', '*-slim'] })).status).toBe('pass');
    expect((await run({ kind: 'base-image', matches: ['ubuntu*'] })).detail).toBe('the final stage is based on alpine');
    const lint = await run({ kind: 'lint-clean', rules: ['DL3019'] });
    expect(lint.status).toBe('fail');
    expect(lint.detail).toMatch(/^Dockerfile:7 DL3019 /);
    expect((await run({ kind: 'lint-clean', rules: ['DL3000'] })).status).toBe('pass');
    const alias = { ...ctx, workspace: memoryFs({ Dockerfile: 'FROM python:3.12-slim AS base\nFROM base\n' }) };
    expect((await evaluateCheck({ id: 'c', kind: 'base-image', matches: ['python:*-slim'] }, alias)).detail).toBe('the final stage is based on python:3.12-slim');
    expect((await evaluateCheck({ id: 'c', kind: 'stage-count', min: 1 }, { ...ctx, workspace: undefined })).status).toBe('error');
  });

  it('dangling-count counts images without a tag', async () => {
    // The first build's app:1.0 lost its tag to the rebuild.
    expect((await run({ kind: 'dangling-count', min: 1, max: 1 })).detail).toBe('1 dangling image (expected exactly 1)');
    expect((await run({ kind: 'dangling-count', max: 0 })).status).toBe('fail');
  });

  it('registry-tag pulls from the registries into a scratch store', async () => {
    const registries = createRegistries({ store: createMemoryStore(), sha256: wasmSha256 });
    await store.write(async (tx) => tx.put('refs', 'registry.company.com/app:1.0', { imageId: rebuild.imageId }));
    await registries.push({ ref: 'registry.company.com/app:1.0', store });
    const withRegistry = { ...ctx, registries };
    const pushed = await evaluateCheck({ id: 'c', kind: 'registry-tag', ref: 'registry.company.com/app:1.0', sameAs: 'app:1.0' }, withRegistry);
    expect(pushed.status).toBe('pass');
    expect((await evaluateCheck({ id: 'c', kind: 'registry-tag', ref: 'registry.company.com/app:2.0' }, withRegistry)).status).toBe('fail');
    expect((await run({ kind: 'registry-tag', ref: 'registry.company.com/app:1.0' })).status).toBe('error');
  });
});

describe('gradeLab', () => {
  it('totals weighted checks, requires the required ones, and gives hints on failures', async () => {
    const result = await gradeLab(
      {
        id: '3.1/lab-save-export',
        checks: [
          { id: 'archive', kind: 'archive-tags', path: 'app.tar', tags: ['app:1.0'], points: 2, required: true, feedbackPass: 'The archive keeps the tag.' },
          { id: 'no-import', kind: 'command', command: 'docker import', used: false, points: 0, required: true },
          { id: 'small', kind: 'image-size', image: 'app:1.0', below: '1MB', hint: 'Start from a smaller base.' },
        ],
      },
      ctx,
    );
    expect(result).toMatchObject({ id: '3.1/lab-save-export', kind: 'lab', score: 2, max: 3, passed: false, gradable: true });
    expect(result.feedback[0]).toBe('✓ archive: The archive keeps the tag.');
    expect(result.feedback).toContain('  Hint: Start from a smaller base.');
    const lenient = await gradeLab({ id: 'x', pass: 0.5, checks: [{ id: 'a', kind: 'image-exists', image: 'app:1.0' }, { id: 'b', kind: 'image-exists', image: 'nope' }] }, ctx);
    expect(lenient.passed).toBe(true);
    const blocked = await gradeLab({ id: 'x', pass: 0.5, checks: [{ id: 'a', kind: 'image-exists', image: 'app:1.0' }, { id: 'b', kind: 'image-exists', image: 'nope', required: true }] }, ctx);
    expect(blocked.passed).toBe(false);
  });

  it('is not gradable when a check cannot run', async () => {
    const result = await gradeLab({ id: 'x', checks: [{ id: 'r', kind: 'registry-tag', ref: 'app:1.0' }] }, ctx);
    expect(result).toMatchObject({ passed: false, gradable: false });
    expect(result.feedback.at(-1)).toBe('Some checks could not run, so this attempt does not count.');
  });
});
