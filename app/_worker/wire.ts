import type { BuildOutcome, BuildRequest, EngineApi, EngineChange, TerminalApi } from '@/app/_lib/engine/api';
import type { BuildEvent } from '@/lib/engine';

/**
 * What actually crosses the worker boundary (Comlink). The page sees `EngineApi` (client.ts
 * turns this back into it); in between:
 * - a build's events and log, and a terminal line's output, travel in batches, one message per
 *   turn of the worker's event loop rather than one per event (a pip install logs thousands);
 * - the last batch is delivered before the call resolves, so the page has every line of a build
 *   before its outcome;
 * - errors cross as plain `{ name, message, code }` (Comlink keeps only an Error's message and
 *   name) and become `EngineCallError`s with their `code` again on the page;
 * - the engine's change notifications reach the page through `subscribe`, after the worker has
 *   dropped its caches (a page told by the BroadcastChannel directly could ask before that).
 */
export type WireBuildItem = { kind: 'event'; event: BuildEvent } | { kind: 'log'; text: string };
export type WireOutputItem = ['stdout' | 'stderr', string];
export type Sink<T> = (batch: T[]) => unknown;

/** The methods that need no translation. */
type PlainMethods = Exclude<keyof EngineApi, 'build' | 'terminal' | 'requestPersistence'>;

export type WireEngine = Pick<EngineApi, PlainMethods | 'requestPersistence'> & {
  build(request: BuildRequest, sink: Sink<WireBuildItem>): Promise<BuildOutcome>;
  terminalPrompt: TerminalApi['prompt'];
  terminalRun(text: string, sink: Sink<WireOutputItem>): ReturnType<TerminalApi['run']>;
  terminalCancel: TerminalApi['cancel'];
  terminalComplete: TerminalApi['complete'];
  terminalHistory: TerminalApi['history'];
  subscribe(listener: (change: EngineChange) => void): void;
};

export interface WireError {
  name: string;
  message: string;
  code?: string;
}

/** A plain copy of an error that survives structured clone with its code. */
export function toWireError(error: unknown): WireError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Error', message: String(error) };
}

/** Collects items and hands them to `sink` in batches; `drain` waits until the page has them all. */
export function createBatcher<T>(sink: Sink<T>, schedule: (flush: () => void) => void = (f) => setTimeout(f, 0)) {
  let pending: T[] = [];
  let scheduled = false;
  let last: Promise<unknown> = Promise.resolve();
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    // A page that went away cannot take more: nothing to do about it here.
    last = Promise.resolve(sink(batch)).catch(() => undefined);
  };
  return {
    push(item: T) {
      pending.push(item);
      if (!scheduled) {
        scheduled = true;
        schedule(flush);
      }
    },
    async drain() {
      flush();
      await last;
    },
  };
}

/** The engine as the worker exposes it. `release` frees a callback proxy once its call is over. */
export function toWire(engine: EngineApi & { onChange(listener: (change: EngineChange) => void): () => void }, release: (callback: unknown) => void): WireEngine {
  const guard =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn(...args);
      } catch (error) {
        throw toWireError(error);
      }
    };
  return {
    ready: guard(() => engine.ready()),
    listWorkspace: guard(() => engine.listWorkspace()),
    readFile: guard((path) => engine.readFile(path)),
    writeFile: guard((path, text) => engine.writeFile(path, text)),
    createDirectory: guard((path) => engine.createDirectory(path)),
    rename: guard((from, to) => engine.rename(from, to)),
    remove: guard((path) => engine.remove(path)),
    openExample: guard((id) => engine.openExample(id)),
    cancelBuild: () => engine.cancelBuild(),
    lastBuild: guard(() => engine.lastBuild()),
    listImages: guard(() => engine.listImages()),
    analyzeImage: guard((ref) => engine.analyzeImage(ref)),
    listLayerFiles: guard((ref, layer, dir, page) => engine.listLayerFiles(ref, layer, dir, page)),
    listImageFiles: guard((ref, dir, page) => engine.listImageFiles(ref, dir, page)),
    storageSharing: guard(() => engine.storageSharing()),
    diffImages: guard((a, b) => engine.diffImages(a, b)),
    history: guard((ref) => engine.history(ref)),
    storage: guard(() => engine.storage()),
    requestPersistence: guard(() => engine.requestPersistence()),
    resetWorkspace: guard(() => engine.resetWorkspace()),
    eraseAll: guard(() => engine.eraseAll()),
    openLab: guard((lab) => engine.openLab(lab)),
    gradeLab: guard((lab) => engine.gradeLab(lab)),
    tryLab: guard((lab, which) => engine.tryLab(lab, which)),
    build: guard(async (request, sink) => {
      const batch = createBatcher(sink);
      try {
        return await engine.build(
          request,
          (event) => batch.push({ kind: 'event', event }),
          (text) => batch.push({ kind: 'log', text }),
        );
      } finally {
        await batch.drain();
        release(sink);
      }
    }),
    terminalPrompt: guard(() => engine.terminal.prompt()),
    terminalRun: guard(async (text, sink) => {
      const batch = createBatcher(sink);
      try {
        return await engine.terminal.run(text, (stream, chunk) => batch.push([stream, chunk]));
      } finally {
        await batch.drain();
        release(sink);
      }
    }),
    terminalCancel: () => engine.terminal.cancel(),
    terminalComplete: guard((line, cursor) => engine.terminal.complete(line, cursor)),
    terminalHistory: guard(() => engine.terminal.history()),
    subscribe(listener) {
      engine.onChange((change) => void Promise.resolve(listener(change)).catch(() => undefined));
    },
  };
}
