import { describe, expect, it } from 'vitest';
import { wasmSha256 } from '@/lib/util';
import { createHub, HUB_FILES } from '../hub';
import { createHubImageSource } from './hub-source';
import { createHarness, node, text } from './test-helpers';

const MULTI = `FROM scratch AS builder
COPY src/ /src/
COPY build.out /out/app
FROM scratch AS test
COPY tests /tests
FROM scratch
COPY --from=builder /out/app /usr/local/bin/app
CMD ["/usr/local/bin/app"]
`;
const FILES = { 'src/main.go': 'package main', 'build.out': { data: 'BINARY', mode: 0o755 }, 'tests/t.txt': 't' };

describe('build: multi-stage', () => {
  it('builds only the stages the target needs and reports the others as skipped', async () => {
    const h = createHarness();
    const r = await h.run(MULTI, FILES);
    expect(r.stages).toEqual([
      { name: 'builder', built: true, size: 12 + 6 },
      { name: 'test', built: false, size: 0 },
      { name: 'stage-2', built: true, size: 6 },
    ]);
    expect(h.events).toContainEqual({ type: 'stage-skipped', stage: 'test' });
    const tree = await h.tree(r.imageId);
    expect(node(tree, '/usr/local/bin/app')).toMatchObject({ mode: 0o755 });
    expect(node(tree, '/src')).toBeUndefined();
    expect(r.layers.map((l) => l.createdBy)).toEqual(['COPY /out/app /usr/local/bin/app # buildkit']);
    const names = h.events.flatMap((e) => (e.type === 'vertex-start' ? [e.name] : []));
    expect(names).toContain('[builder 1/2] COPY src/ /src/');
    expect(names).toContain('[stage-2 1/1] COPY --from=builder /out/app /usr/local/bin/app');
  });

  it('--target builds that stage; a missing target and a bad --from fail with BuildKit texts', async () => {
    const h = createHarness();
    const r = await h.run(MULTI, FILES, { target: 'test' });
    expect(r.stages.map((s) => s.built)).toEqual([false, true, false]);
    expect(text(await h.tree(r.imageId), '/tests/t.txt')).toBe('t');
    expect(await h.fail(MULTI, FILES, { target: 'bulid' })).toMatch(/^target stage "bulid" could not be found/);
    expect(await h.fail('FROM scratch\nCOPY --from=7 /a /a\n')).toBe('invalid stage index 7');
  });

  it('a stage based on an earlier stage continues from its files and config', async () => {
    const h = createHarness();
    const r = await h.run('FROM scratch AS base\nENV A=1\nCOPY a.txt /a.txt\nFROM base\nCOPY b.txt /b.txt\n', { 'a.txt': 'a', 'b.txt': 'b' });
    const tree = await h.tree(r.imageId);
    expect(text(tree, '/a.txt')).toBe('a');
    expect(text(tree, '/b.txt')).toBe('b');
    expect(r.layers).toHaveLength(2);
  });

  it('records history for both builders', async () => {
    const h = createHarness();
    const file = 'FROM scratch\nENV A=1\nWORKDIR /app\nCOPY a.txt .\nEXPOSE 80\nCMD ["run"]\n';
    const bk = await h.run(file, { 'a.txt': 'a' });
    const config = JSON.parse(new TextDecoder().decode(await h.store.get('blobs', bk.imageId)));
    expect(config.history).toEqual([
      { created: '1970-01-01T00:00:00Z', created_by: 'ENV A=1', comment: 'buildkit.dockerfile.v0', empty_layer: true },
      { created: '1970-01-01T00:00:00Z', created_by: 'WORKDIR /app', comment: 'buildkit.dockerfile.v0' },
      { created: '1970-01-01T00:00:00Z', created_by: 'COPY a.txt . # buildkit', comment: 'buildkit.dockerfile.v0' },
      { created: '1970-01-01T00:00:00Z', created_by: 'EXPOSE [80/tcp]', comment: 'buildkit.dockerfile.v0', empty_layer: true },
      { created: '1970-01-01T00:00:00Z', created_by: 'CMD ["run"]', comment: 'buildkit.dockerfile.v0', empty_layer: true },
    ]);
    expect(config.config).toMatchObject({ Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'A=1'], WorkingDir: '/app', Cmd: ['run'] });
    const classic = await h.run(file, { 'a.txt': 'a' }, { builder: 'classic' });
    const classicConfig = JSON.parse(new TextDecoder().decode(await h.store.get('blobs', classic.imageId)));
    expect(classicConfig.history.map((e: { created_by: string; empty_layer?: boolean }) => [e.created_by.replace(/[0-9a-f]{64}/, 'HASH'), e.empty_layer ?? false])).toEqual([
      ['/bin/sh -c #(nop)  ENV A=1', true],
      ['/bin/sh -c #(nop) WORKDIR /app', false],
      ['/bin/sh -c #(nop) COPY file:HASH in . ', false],
      ['/bin/sh -c #(nop)  EXPOSE 80', true],
      ['/bin/sh -c #(nop)  CMD ["run"]', true],
    ]);
  });
});

describe('build: hub base images', () => {
  it('pulls a hub image once, then finds it in the store', async () => {
    const source = createHubImageSource(createHub({ files: HUB_FILES }), wasmSha256);
    const h = createHarness(source);
    const file = 'FROM alpine:3.19\nRUN echo hi > /hello\n';
    const first = await h.run(file);
    expect(first.steps[0]).toMatchObject({ instruction: 'FROM alpine:3.19', cached: false });
    expect(first.steps[0]?.simulatedSeconds).toBeGreaterThan(0);
    const names = h.events.flatMap((e) => (e.type === 'vertex-start' ? [e.name] : []));
    expect(names).toContain('[internal] load metadata for docker.io/library/alpine:3.19');
    expect(names.some((n) => /^\[1\/2\] FROM docker\.io\/library\/alpine:3\.19@sha256:[0-9a-f]{64}$/.test(n))).toBe(true);
    expect(text(await h.tree(first.imageId), '/hello')).toBe('hi\n');
    const second = await h.run(file);
    expect(second.steps.map((s) => s.cached)).toEqual([true, true]);
    expect(second.steps[0]?.simulatedSeconds).toBe(0);
    expect(second.imageId).toBe(first.imageId);
    expect(await h.fail('FROM nosuchimage\n')).toBe(
      'nosuchimage: failed to resolve source metadata for docker.io/library/nosuchimage:latest: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
  });
});
