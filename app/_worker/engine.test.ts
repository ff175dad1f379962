import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineChange } from '@/app/_lib/engine/api';
import { nodeSha256 } from '@/tests/helpers/node-sha256';
import { openIndexedDbStore } from '@/lib/engine';
import { openLightningFs } from '@/lib/workspace';
import { createWebLocks } from '@/tests/helpers/web-locks';
import { createEngine, type Engine } from './engine';

// One browser's Web Locks: lightning-fs and the engine's operation lock take them as in Chromium.
const locks = createWebLocks();
(globalThis.navigator as { locks?: unknown }).locks = locks;

/**
 * The engine as the worker runs it, in Node: real IndexedDB semantics (fake-indexeddb), the
 * lightning-fs workspace, Node's BroadcastChannel between two engines standing for two tabs.
 * Each test uses its own database names (a fresh "browser profile").
 */
let profile = 0;
const engines: Engine[] = [];
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.dispose();
});

/** Bytes hashed so far: a rebuild's layers must come from the diffID memo, not be hashed again. */
let hashed = 0;
const countingSha256: typeof nodeSha256 = async () => {
  const hasher = await nodeSha256();
  return {
    update(chunk) {
      hashed += chunk.byteLength;
      hasher.update(chunk);
    },
    digest: () => hasher.digest(),
  };
};

function browser() {
  const id = ++profile;
  const tab = () => {
    const engine = createEngine({
      openStore: (name) => openIndexedDbStore({ workspace: `p${id}-${name}` }),
      openFiles: (name, mount) => openLightningFs(`layerlab-p${id}-${name.replace(/^layerlab-/, '')}`, { mount }),
      sha256: countingSha256,
      databases: indexedDB,
      locks,
      channel: (name) => new BroadcastChannel(`${name}-p${id}`) as never,
      now: () => Date.parse('2026-01-01T00:00:00Z'),
    });
    engines.push(engine);
    return engine;
  };
  return { tab };
}

const DOCKERFILE = 'FROM alpine:3.19\nWORKDIR /app\nCOPY requirements.txt .\nRUN echo installed > /app/deps\nCOPY app.py .\nCMD ["python3", "app.py"]\n';

async function smallApp(engine: Engine) {
  await engine.writeFile('Dockerfile', DOCKERFILE);
  await engine.writeFile('requirements.txt', 'flask\n');
  await engine.writeFile('app.py', 'print("v1")\n');
}

function collect() {
  const events: string[] = [];
  let log = '';
  return { events, onEvent: (e: { type: string }) => events.push(e.type), onLog: (t: string) => (log += t), log: () => log };
}

describe('the engine worker', () => {
  it('builds the workspace, then rebuilds only what changed, with labels, layers and the previous build', async () => {
    const engine = browser().tab();
    await engine.ready();
    await smallApp(engine);
    const first = collect();
    const one = await engine.build({ tag: 'app:latest' }, first.onEvent, first.onLog);
    expect(one).toMatchObject({ ok: true, tags: ['app:latest'] });
    expect(one.steps.map((s) => [s.label, s.cached])).toEqual([
      [expect.stringMatching(/^\[1\/5\] FROM docker\.io\/library\/alpine:3\.19@sha256:/), false],
      ['[2/5] WORKDIR /app', false],
      ['[3/5] COPY requirements.txt .', false],
      ['[4/5] RUN echo installed > /app/deps', false],
      ['[5/5] COPY app.py .', false],
    ]);
    expect(one.steps[4]?.layer?.size).toBe('print("v1")\n'.length);
    expect(one.steps[0]?.layer).toBeUndefined();
    expect(first.events).toContain('build-done');
    expect(first.log()).toMatch(/#0 building with "default" instance using docker driver/);
    expect(first.log()).toMatch(/naming to docker\.io\/library\/app:latest/);

    await engine.writeFile('app.py', 'print("v2")\n');
    const two = await engine.build({ tag: 'app:latest' }, () => undefined, () => undefined);
    expect(two.steps.map((s) => s.cached)).toEqual([true, true, true, true, false]);
    expect(two.previous?.steps.map((s) => s.cached)).toEqual([false, false, false, false, false]);
    expect(await engine.lastBuild()).toEqual(two);
    expect(two.stageGraph?.stages).toHaveLength(1);

  });

  it('hashes a layer once: a --no-cache rebuild takes its diffID from the memo', async () => {
    const engine = browser().tab();
    await engine.writeFile('Dockerfile', 'FROM alpine:3.19\nRUN apk add --no-cache python3\n');
    const one = await engine.build({ tag: 'py:1' }, () => undefined, () => undefined);
    const layer = one.steps[1]?.layer?.size ?? 0;
    expect(layer).toBeGreaterThan(10_000_000);
    const before = hashed;
    const two = await engine.build({ tag: 'py:1', noCache: true }, () => undefined, () => undefined);
    expect(two.steps[1]).toMatchObject({ cached: false, layer: one.steps[1]?.layer });
    expect(hashed - before).toBeLessThan(layer / 10);
  });

  it('names the image after the open example and shows the example in the file tree', async () => {
    const engine = browser().tab();
    await engine.openExample('interview-1-layers');
    expect((await engine.listWorkspace()).map((e) => e.path)).toEqual(['Dockerfile', 'Dockerfile.material', 'app.py']);
    await engine.writeFile('Dockerfile', 'FROM alpine:3.19\nCOPY app.py /app/\n');
    const outcome = await engine.build({}, () => undefined, () => undefined);
    expect(outcome.tags).toEqual(['interview-1-layers:latest']);
    await expect(engine.openExample('nope')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('fails a build with Docker\'s text and a missing Dockerfile with BuildKit\'s', async () => {
    const engine = browser().tab();
    const missing = await engine.build({}, () => undefined, () => undefined);
    expect(missing).toMatchObject({ ok: false, error: 'ERROR: failed to build: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory' });
    await engine.writeFile('Dockerfile', 'FROM alpine:3.19\nRUN nosuchtool --x\n');
    const failed = await engine.build({}, () => undefined, () => undefined);
    expect(failed.ok).toBe(false);
    expect(failed.error).toMatch(/^------\n > \[2\/2\] RUN nosuchtool --x:\n/);
    expect(failed.error).toMatch(/ERROR: failed to build: failed to solve: process "\/bin\/sh -c nosuchtool --x" did not complete successfully: exit code: 127$/);
  });

  it('gives the views their data and keeps analyses per image', async () => {
    const engine = browser().tab();
    await smallApp(engine);
    await engine.build({ tag: 'app:1' }, () => undefined, () => undefined);
    const images = await engine.listImages();
    expect(images.map((i) => i.tags)).toContainEqual(['app:1']);
    const analysis = await engine.analyzeImage('app:1');
    expect(analysis.image.tags).toEqual(['app:1']);
    expect(await engine.analyzeImage('app:1')).toBe(analysis);
    const files = await engine.listLayerFiles('app:1', analysis.stack.entries.length > 0 ? 3 : 0, '/app');
    expect(files.entries.map((e) => e.name)).toEqual(['deps']);
    const history = await engine.history('app:1');
    expect(history[0]).toMatchObject({ createdBy: 'CMD ["python3" "app.py"]', emptyLayer: true, size: 0 });
    expect(history[0]?.id).toMatch(/^sha256:/);
    expect(history[1]).toMatchObject({ id: '<missing>', createdBy: 'COPY app.py . # buildkit', size: 12 });
    expect((await engine.storageSharing()).images.length).toBeGreaterThan(0);
    expect((await engine.diffImages('alpine:3.19', 'app:1')).b).toBeDefined();
  });

  it('runs the terminal over the same store and workspace, and carries on after a reload', async () => {
    const profile = browser();
    const engine = profile.tab();
    await smallApp(engine);
    let out = '';
    const run = (e: Engine, text: string) => e.terminal.run(text, (_stream, t) => (out += t));
    expect(await engine.terminal.prompt()).toBe('student@workstation:~$ ');
    const built = await run(engine, 'docker build -q -t fromterm .\n');
    expect(built.exitCode).toBe(0);
    expect((await engine.listImages()).some((i) => i.tags.includes('fromterm:latest'))).toBe(true);
    await run(engine, 'mkdir sub && cd sub && echo hi > note.txt\n');
    expect((await engine.listWorkspace()).map((e) => e.path)).toContain('sub/note.txt');
    await engine.dispose();
    const reloaded = profile.tab();
    expect(await reloaded.terminal.prompt()).toBe('student@workstation:~/sub$ ');
    expect(await reloaded.terminal.history()).toEqual(['docker build -q -t fromterm .', 'mkdir sub && cd sub && echo hi > note.txt']);
    out = '';
    await run(reloaded, 'docker images --format "{{.Repository}}" | grep fromterm\n');
    expect(out).toBe('fromterm\n');
    expect((await reloaded.terminal.complete('docker rmi fromt', 16)).candidates).toEqual(['fromterm:latest']);
  });

  it('has saved the workspace tree when an operation returns (a reload right after loses nothing)', async () => {
    const engine = browser().tab();
    await engine.terminal.run('mkdir -p src && echo hi > src/a.txt\n', () => undefined);
    await engine.writeFile('b.txt', 'b');
    // What a fresh worker would load: lightning-fs's saved tree, read straight from IndexedDB.
    const names = (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith(`layerlab-p${profile}-workspace`));
    expect(names).toEqual([`layerlab-p${profile}-workspace`]);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(names[0] as string);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const root = await new Promise<Map<string, Map<string, unknown>>>((resolve, reject) => {
      const request = db.transaction(`${names[0]}_files`).objectStore(`${names[0]}_files`).get('!root');
      request.onsuccess = () => resolve(request.result as Map<string, Map<string, unknown>>);
      request.onerror = () => reject(request.error);
    });
    db.close();
    const top = root.get('/') as Map<string, Map<string, unknown>>;
    expect([...top.keys()].filter((k) => typeof k === 'string').sort()).toEqual(['b.txt', 'src']);
    expect([...(top.get('src') as Map<string, unknown>).keys()].filter((k) => typeof k === 'string')).toEqual(['a.txt']);
  });

  it('tells the other tab what changed, and both see one store', async () => {
    const profile = browser();
    const a = profile.tab();
    const b = profile.tab();
    await a.ready();
    await b.ready();
    const seen: EngineChange[] = [];
    b.onChange((change) => seen.push(change));
    await smallApp(a);
    await a.build({ tag: 'shared:1' }, () => undefined, () => undefined);
    await expect.poll(() => seen.map((c) => c.kind)).toContain('images');
    expect(seen.map((c) => c.kind)).toContain('workspace');
    expect((await b.listImages()).some((i) => i.tags.includes('shared:1'))).toBe(true);
    expect(await b.readFile('app.py')).toBe('print("v1")\n');
  }, 20_000);

  it('reports a full quota clearly and loses nothing', async () => {
    const engine = browser().tab();
    await smallApp(engine);
    await engine.build({ tag: 'app:1' }, () => undefined, () => undefined);
    const before = await engine.listImages();
    await engine.writeFile('app.py', 'print("v2")\n');
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      const outcome = await engine.build({ tag: 'app:1' }, () => undefined, () => undefined);
      expect(outcome).toMatchObject({ ok: false, code: 'quota' });
      expect(outcome.error).toMatch(/ERROR: failed to build: failed to solve: no space left on device: the browser's storage quota for this site is full/);
      await expect(engine.writeFile('app.py', 'print("v3")\n')).rejects.toMatchObject({ code: 'quota', message: expect.stringMatching(/^no space left on device/) });
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await engine.listImages()).toEqual(before);
    expect(await engine.readFile('app.py')).toBe('print("v2")\n');
    expect((await engine.build({ tag: 'app:1' }, () => undefined, () => undefined)).ok).toBe(true);
  });

  it('cancels a build, resets the workspace and erases everything', async () => {
    const profile = browser();
    const engine = profile.tab();
    const other = profile.tab();
    const seen: string[] = [];
    other.onChange((c) => seen.push(c.kind));
    await smallApp(engine);
    const cancelled = await engine.build({ tag: 'app:1' }, () => engine.cancelBuild(), () => undefined);
    expect(cancelled).toMatchObject({ ok: false, code: 'cancelled' });
    expect(cancelled.error).toMatch(/ERROR: failed to build: failed to solve: .*cancel/i);
    await engine.build({ tag: 'app:1' }, () => undefined, () => undefined);
    expect((await other.listImages()).length).toBeGreaterThan(0);
    await engine.terminal.run('echo hello\n', () => undefined);
    await engine.resetWorkspace();
    expect(await engine.listWorkspace()).toEqual([]);
    expect(await engine.terminal.history()).toEqual([]);
    expect((await engine.listImages()).length).toBeGreaterThan(0);
    // The page's progress database, open in a tab that lets go when asked (as app/_lib/progress does).
    const progress = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('layerlab-progress');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    progress.onversionchange = () => progress.close();
    await engine.eraseAll();
    expect(await engine.listImages()).toEqual([]);
    expect((await indexedDB.databases()).map((db) => db.name)).not.toContain('layerlab-progress');
    await expect.poll(() => seen).toContain('erased');
    expect(await other.listImages()).toEqual([]);
  }, 20_000);
});
