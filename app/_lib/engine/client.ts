/**
 * The page's side of the engine worker: `getEngine()` starts the worker once per page and returns
 * an `EngineApi` over it. Callbacks are plain functions here (this module makes the Comlink
 * proxies and frees them); errors arrive as `EngineCallError`s with the engine's `code`
 * (`quota`, `not-found`, …); `onEngineChange` tells what changed, in this tab or another, after
 * the worker dropped its caches. Use it from effects and handlers only (it needs `Worker`).
 */
import * as Comlink from 'comlink';
import type { WireBuildItem, WireEngine, WireError, WireOutputItem } from '../../_worker/wire';
import type { EngineApi, EngineChange, TerminalApi } from './api';

/** An engine call that failed, with the engine's error code when it had one. */
export class EngineCallError extends Error {
  readonly code: string | undefined;
  constructor(error: WireError) {
    super(error.message);
    this.name = error.name;
    this.code = error.code;
  }
}

/** The engine's error code of a failed call (`quota`, `not-found`, `cancelled`…), if any. */
export function engineErrorCode(error: unknown): string | undefined {
  return error instanceof EngineCallError ? error.code : undefined;
}

/** What the client needs from Comlink (tests pass plain functions). */
export interface ClientTransport {
  /** Marks a callback to be called across the boundary (Comlink.proxy). */
  proxy<F extends (...args: never[]) => unknown>(callback: F): F;
  /** `navigator.storage` of the page: `persist()` exists only there. */
  storage?: { persist?(): Promise<boolean> };
}

type Remote<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never };

function isWireError(value: unknown): value is WireError {
  return typeof value === 'object' && value !== null && typeof (value as WireError).message === 'string' && typeof (value as WireError).name === 'string' && !(value instanceof Error);
}

/** Builds the page's `EngineApi` and change feed over a (Comlink-wrapped) WireEngine. */
export function createClientEngine(remote: Remote<WireEngine>, transport: ClientTransport): { engine: EngineApi; onChange(listener: (change: EngineChange) => void): () => void } {
  const call = async <T>(promise: Promise<T>): Promise<T> => {
    try {
      return await promise;
    } catch (error) {
      throw isWireError(error) ? new EngineCallError(error) : error;
    }
  };
  const terminal: TerminalApi = {
    prompt: () => call(remote.terminalPrompt()),
    run: (text, output) =>
      call(
        remote.terminalRun(
          text,
          transport.proxy((batch: WireOutputItem[]) => {
            // Consecutive chunks of one stream reach the terminal as one write.
            let stream: 'stdout' | 'stderr' | null = null;
            let text = '';
            for (const [s, chunk] of batch) {
              if (s !== stream && stream !== null) {
                output(stream, text);
                text = '';
              }
              stream = s;
              text += chunk;
            }
            if (stream !== null) output(stream, text);
          }),
        ),
      ),
    cancel: () => void remote.terminalCancel().catch(() => undefined),
    complete: (line, cursor) => call(remote.terminalComplete(line, cursor)),
    history: () => call(remote.terminalHistory()),
  };
  const engine: EngineApi = {
    ready: () => call(remote.ready()),
    listWorkspace: () => call(remote.listWorkspace()),
    readFile: (path) => call(remote.readFile(path)),
    writeFile: (path, text) => call(remote.writeFile(path, text)),
    createDirectory: (path) => call(remote.createDirectory(path)),
    rename: (from, to) => call(remote.rename(from, to)),
    remove: (path) => call(remote.remove(path)),
    openExample: (id) => call(remote.openExample(id)),
    build: (request, onEvent, onLog) =>
      call(
        remote.build(
          request,
          transport.proxy((batch: WireBuildItem[]) => {
            for (const item of batch) {
              if (item.kind === 'event') onEvent(item.event);
              else onLog(item.text);
            }
          }),
        ),
      ),
    cancelBuild: () => void remote.cancelBuild().catch(() => undefined),
    lastBuild: () => call(remote.lastBuild()),
    terminal,
    listImages: () => call(remote.listImages()),
    analyzeImage: (ref) => call(remote.analyzeImage(ref)),
    listLayerFiles: (ref, layer, dir, page) => call(remote.listLayerFiles(ref, layer, dir, page)),
    listImageFiles: (ref, dir, page) => call(remote.listImageFiles(ref, dir, page)),
    storageSharing: () => call(remote.storageSharing()),
    diffImages: (a, b) => call(remote.diffImages(a, b)),
    history: (ref) => call(remote.history(ref)),
    storage: () => call(remote.storage()),
    async requestPersistence() {
      // StorageManager.persist() is a page's (Window) API; a worker cannot ask.
      const persist = transport.storage?.persist;
      if (persist !== undefined) return persist.call(transport.storage);
      return call(remote.requestPersistence());
    },
    resetWorkspace: () => call(remote.resetWorkspace()),
    eraseAll: () => call(remote.eraseAll()),
    openLab: (lab) => call(remote.openLab(lab)),
    gradeLab: (lab) => call(remote.gradeLab(lab)),
    tryLab: (lab, which) => call(remote.tryLab(lab, which)),
  };

  const listeners = new Set<(change: EngineChange) => void>();
  let subscribed = false;
  return {
    engine,
    onChange(listener) {
      listeners.add(listener);
      if (!subscribed) {
        subscribed = true;
        void remote.subscribe(transport.proxy((change: EngineChange) => listeners.forEach((l) => l(change)))).catch(() => (subscribed = false));
      }
      return () => listeners.delete(listener);
    },
  };
}

let client: ReturnType<typeof createClientEngine> | null = null;

function connect(): ReturnType<typeof createClientEngine> {
  if (client === null) {
    const worker = new Worker(new URL('../../_worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'layerlab-engine' });
    client = createClientEngine(Comlink.wrap<WireEngine>(worker) as unknown as Remote<WireEngine>, {
      proxy: (callback) => Comlink.proxy(callback),
      ...(typeof navigator !== 'undefined' && navigator.storage !== undefined ? { storage: navigator.storage } : {}),
    });
  }
  return client;
}

/** The page's engine: the worker is started on the first call and shared by every caller. */
export function getEngine(): EngineApi {
  return connect().engine;
}

/** Calls `listener` after each change to the images or the workspace, made in this tab or another. */
export function onEngineChange(listener: (change: EngineChange) => void): () => void {
  return connect().onChange(listener);
}
