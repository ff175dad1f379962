import 'fake-indexeddb/auto';
import * as Comlink from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeSha256 } from '@/tests/helpers/node-sha256';
import { openIndexedDbStore } from '@/lib/engine';
import { openLightningFs } from '@/lib/workspace';
import { createEngine } from '../../_worker/engine';
import { toWire, type WireEngine } from '../../_worker/wire';
import { createWebLocks } from '@/tests/helpers/web-locks';
import type { EngineChange } from './api';
import { createClientEngine, EngineCallError, engineErrorCode } from './client';

/**
 * The page's EngineApi over the real wire: the engine exposed with Comlink on one end of a
 * MessageChannel (as the worker does), the client on the other. Everything that crosses is
 * structured-cloned, as between a page and its worker.
 */
(globalThis.navigator as { locks?: unknown }).locks ??= createWebLocks();
const engine = createEngine({
  openStore: (name) => openIndexedDbStore({ workspace: `client-${name}` }),
  openFiles: (name, mount) => openLightningFs(`${name}-client`, { mount }),
  sha256: nodeSha256,
  databases: indexedDB,
  now: () => 0,
});
const { port1, port2 } = new MessageChannel();
Comlink.expose(toWire(engine, (callback) => (callback as { [Comlink.releaseProxy]?: () => void })[Comlink.releaseProxy]?.()), port1);
const persisted: string[] = [];
const { engine: client, onChange } = createClientEngine(Comlink.wrap<WireEngine>(port2) as never, {
  proxy: (callback) => Comlink.proxy(callback),
  storage: { persist: async () => (persisted.push('asked'), true) },
});
afterAll(async () => {
  port1.close();
  port2.close();
  await engine.dispose();
});

describe('the engine client', () => {
  it('builds over the wire: every event and log line in order, before the outcome', async () => {
    const changes: EngineChange[] = [];
    onChange((change) => changes.push(change));
    await client.writeFile('Dockerfile', 'FROM alpine:3.19\nRUN echo hi > /greeting\n');
    const seen: string[] = [];
    const outcome = await client.build(
      { tag: 'wire:1' },
      (event) => seen.push(event.type),
      (text) => seen.push(`log:${text.length > 0}`),
    );
    expect(outcome).toMatchObject({ ok: true, tags: ['wire:1'] });
    expect(seen[0]).toMatch(/^log:|vertex-start/);
    expect(seen.filter((s) => s === 'build-done')).toHaveLength(1);
    expect(seen.indexOf('build-done')).toBeGreaterThan(seen.indexOf('vertex-start'));
    expect(seen.some((s) => s.startsWith('log:'))).toBe(true);
    await expect.poll(() => changes.map((c) => c.kind)).toContain('images');
    expect(changes.map((c) => c.kind)).toContain('workspace');
  });

  it('runs terminal lines with their output, and errors keep their engine code', async () => {
    let out = '';
    const result = await client.terminal.run('echo one; echo two >&2; echo three\n', (stream, text) => (out += `${stream}:${text}`));
    expect(result).toMatchObject({ exitCode: 0, prompt: 'student@workstation:~$ ' });
    expect(out).toBe('stdout:one\nstderr:two\nstdout:three\n');
    const failure = await client.readFile('missing.txt').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EngineCallError);
    expect(engineErrorCode(failure)).toBe('not-found');
    expect((failure as Error).message).toBe('missing.txt: No such file or directory');
    expect(engineErrorCode(await client.analyzeImage('nope:1').catch((e: unknown) => e))).toBeDefined();
  });

  it('asks for persistent storage on the page, where the browser allows it', async () => {
    expect(await client.requestPersistence()).toBe(true);
    expect(persisted).toEqual(['asked']);
  });
});
