import type { BuildOutcome, EngineApi, EngineChange, StorageState, TerminalApi } from '@/app/_lib/engine/api';
import { createHubImages, createTerminalSession, HOSTS, terminalWiring, WORKSTATION, type HostIo, type TerminalSession } from '@/lib/cli';
import { createRegistries, databaseName, EngineError, formatQuotaMessage, isEngineError, type EngineErrorCode, type Registries, type Store } from '@/lib/engine';
import { isFsError, type ShellFs } from '@/lib/shell';
import type { Sha256Factory } from '@/lib/util';
import { readLastBuild, runWorkspaceBuild } from './builds';
import { AUTHOR_DB, PROGRESS_DB } from '../_lib/database-names';
import { createChangeBus, createOperationLock, type ChannelLike, type LockManagerLike } from './coordination';
import { exampleFiles } from './examples';
import { createLabs } from './labs';
import { deleteLayerlabDatabases, storageState, type DatabasesLike, type StorageManagerLike } from './storage';
import { createTerminalApi, isTerminalSnapshot, TERMINAL_KEY } from './terminal';
import { trackFs, trackStore } from './tracking';
import { createViews } from './views';
import * as files from './workspace-files';

/**
 * The engine behind `EngineApi`, as the worker runs it (engine.worker.ts exposes it over Comlink)
 * and as the tests run it in Node over fake-indexeddb. It owns every piece of engine state: the
 * workstation's image store, the registries' store, each server's store and files, the workspace,
 * the terminal session and the builds. Everything opens on first use and closes on `eraseAll`.
 */

/** A host's files: a ShellFs that can be flushed and let go of (lightning-fs in the browser). */
export interface HostFiles extends ShellFs {
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface EngineEnv {
  /** An image store by name (`workstation`, `registries`, `host-<name>`): its IndexedDB database. */
  openStore(name: string): Promise<Store>;
  /** A file system by name (`layerlab-workspace`, `layerlab-host-<name>`), shown at `mount`. */
  openFiles(name: string, mount: string): HostFiles;
  sha256: Sha256Factory;
  /** IndexedDB itself, for "erase all my data". */
  databases: DatabasesLike;
  fetch?: typeof fetch;
  locks?: LockManagerLike;
  channel?: (name: string) => ChannelLike;
  storage?: StorageManagerLike;
  now?: () => number;
}

export interface Engine extends EngineApi {
  /** Changes made by this engine or by another tab's, after this engine dropped its caches. */
  onChange(listener: (change: EngineChange) => void): () => void;
  /** Closes everything (the worker is going away). */
  dispose(): Promise<void>;
}

const EXAMPLE_KEY = 'layerlab/example';
const WORKSPACE_FILES = 'layerlab-workspace';
const hostFilesName = (host: string) => `layerlab-host-${host}`;
const hostStoreName = (host: string) => (host === WORKSTATION ? 'workstation' : `host-${host}`);
const QUOTA_WHAT = "the browser's storage quota for this site";

interface State {
  /** The workstation's store as the views read it, and the same store noting writes. */
  store: Store;
  tracked: Store;
  registries: Registries;
  stores: Map<string, Promise<Store>>;
  workspace: HostFiles;
  trackedWorkspace: ShellFs;
  hostFiles: Map<string, HostFiles>;
  session?: Promise<TerminalSession>;
}

export function createEngine(env: EngineEnv): Engine {
  const now = env.now ?? (() => Date.now());
  const listeners = new Set<(change: EngineChange) => void>();
  const serialize = createOperationLock(env.locks);
  const views = createViews(async () => (await opened()).store, env.sha256);
  let state: Promise<State> | null = null;
  let build: AbortController | null = null;
  let imagesDirty = false;
  let workspaceDirty = false;

  const notify = (change: EngineChange) => {
    views.invalidate();
    for (const listener of listeners) listener(change);
  };
  const bus = createChangeBus(
    env.channel,
    (change) => {
      if (change.kind === 'erased') void closeState();
      notify(change);
    },
    () => void closeState(),
  );
  const changed = (change: EngineChange) => {
    notify(change);
    bus.post(change);
  };
  /** File systems written since their tree was last saved. */
  const unsaved = new Set<HostFiles>();
  /**
   * Once an operation is over: saves the trees of the file systems it wrote (lightning-fs saves
   * its tree 500 ms after the last write; a reload within that time would lose new paths), then
   * tells the views what changed.
   */
  const settle = async () => {
    const files = [...unsaved];
    unsaved.clear();
    await Promise.all(files.map((fs) => fs.flush().catch(() => undefined)));
    if (imagesDirty) changed({ kind: 'images' });
    if (workspaceDirty) changed({ kind: 'workspace' });
    imagesDirty = workspaceDirty = false;
  };
  const markImages = () => (imagesDirty = true);
  let writeFailure: EngineErrorCode | undefined;
  const writeFailures = { clear: () => (writeFailure = undefined), last: () => writeFailure };
  const noteFailure = (error: unknown) => {
    if (isEngineError(error)) writeFailure = error.code;
  };
  const trackFiles = (fs: HostFiles, workspace: boolean): ShellFs =>
    trackFs(fs, () => {
      unsaved.add(fs);
      if (workspace) workspaceDirty = true;
    });

  const open = async (): Promise<State> => {
    const stores = new Map<string, Promise<Store>>();
    const storeOf = (name: string) => {
      let s = stores.get(name);
      if (s === undefined) stores.set(name, (s = env.openStore(name)));
      return s;
    };
    const store = await storeOf(hostStoreName(WORKSTATION));
    const registries = createRegistries({
      store: await storeOf('registries'),
      sha256: env.sha256,
      builtin: createHubImages(env.sha256),
      ...(env.fetch !== undefined ? { fetch: env.fetch } : {}),
    });
    const workspace = env.openFiles(WORKSPACE_FILES, files.WORKSPACE);
    return { store, tracked: trackStore(store, markImages, noteFailure), registries, stores, workspace, trackedWorkspace: trackFiles(workspace, true), hostFiles: new Map() };
  };
  const opened = (): Promise<State> => {
    if (state === null) {
      state = open();
      state.catch(() => (state = null));
    }
    return state;
  };
  const closeState = async (): Promise<void> => {
    const current = state;
    state = null;
    if (current === null) return;
    const s = await current.catch(() => null);
    if (s === null) return;
    await (await s.session?.catch(() => undefined))?.close().catch(() => undefined);
    for (const store of s.stores.values()) await (await store.catch(() => null))?.close().catch(() => undefined);
    for (const fs of [s.workspace, ...s.hostFiles.values()]) await fs.close().catch(() => undefined);
  };

  const hostIo = (s: State): HostIo => ({
    store: (host) => (host === WORKSTATION ? Promise.resolve(s.tracked) : storeIn(s, hostStoreName(host))),
    fs: async (host) => {
      if (host === WORKSTATION) return s.trackedWorkspace;
      let fs = s.hostFiles.get(host);
      if (fs === undefined) s.hostFiles.set(host, (fs = env.openFiles(hostFilesName(host), '/')));
      return trackFiles(fs, false);
    },
  });
  const storeIn = (s: State, name: string): Promise<Store> => {
    let store = s.stores.get(name);
    if (store === undefined) s.stores.set(name, (store = env.openStore(name)));
    return store;
  };
  const session = async (): Promise<TerminalSession> => {
    const s = await opened();
    if (s.session === undefined) {
      s.session = (async () => {
        const saved = await s.store.get('meta', TERMINAL_KEY);
        return createTerminalSession({
          ...terminalWiring({ registries: s.registries }),
          hostIo: hostIo(s),
          sha256: env.sha256,
          now,
          tty: true,
          ...(isTerminalSnapshot(saved) ? { restore: saved } : {}),
        });
      })();
      s.session.catch(() => (s.session = undefined));
    }
    return s.session;
  };

  /** Runs an operation that writes, turning storage failures into messages a student can act on. */
  const operation = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      throw await explain(error);
    } finally {
      await settle();
    }
  };
  const explain = async (error: unknown): Promise<unknown> => {
    if (isEngineError(error)) return error;
    if (isQuotaFailure(error)) return new EngineError('quota', formatQuotaMessage(QUOTA_WHAT, await env.storage?.estimate?.().catch(() => undefined)), { cause: error });
    if (isFsError(error)) return new EngineError(error.code === 'ENOENT' ? 'not-found' : 'store', `${error.path.replace(/^\/workspace\/?/, '') || '/'}: ${error.message}`, { cause: error });
    return error;
  };
  const workspaceOp = <T>(fn: (fs: ShellFs) => Promise<T>) => operation(async () => fn((await opened()).trackedWorkspace));

  const terminal: TerminalApi = createTerminalApi({
    session,
    hostIo: {
      store: async (host) => hostIo(await opened()).store(host),
      fs: async (host) => hostIo(await opened()).fs(host),
    },
    saveSnapshot: async (snapshot) => {
      await (await opened()).store.write((tx) => tx.put('meta', TERMINAL_KEY, JSON.parse(JSON.stringify(snapshot)) as unknown)).catch((error: unknown) => {
        // A full quota loses only the terminal's history, never the line's own work.
        if (!isEngineError(error, 'quota')) throw error;
      });
    },
    serialize,
    afterRun: settle,
  });

  const labs = createLabs({
    open: async () => {
      const s = await opened();
      return { store: s.tracked, meta: s.store, registries: s.registries, workspace: s.trackedWorkspace };
    },
    session,
    resetTerminal: async () => {
      const s = await opened();
      const open = s.session;
      s.session = undefined;
      await (await open?.catch(() => undefined))?.close();
      await s.store.write((tx) => tx.delete('meta', TERMINAL_KEY));
    },
    runLine: async (line) => void (await terminal.run(line, () => undefined)),
    forgetExample: async () => {
      await (await opened()).store.write((tx) => tx.delete('meta', EXAMPLE_KEY));
    },
    operation,
    serialize,
    sha256: env.sha256,
    now,
  });

  const storage = (): Promise<StorageState> => storageState(env.storage);

  return {
    async ready() {
      await opened();
      // The terminal asks for its session right after: start it now (restoring the snapshot
      // takes a few hundred ms), so it is ready as soon as xterm is.
      void session().catch(() => undefined);
      return storage();
    },
    listWorkspace: () => workspaceOp((fs) => files.listWorkspace(fs)),
    readFile: (path) => workspaceOp((fs) => files.readText(fs, path)),
    writeFile: (path, text) => workspaceOp((fs) => files.writeText(fs, path, text)),
    createDirectory: (path) => workspaceOp((fs) => files.createDirectory(fs, path)),
    rename: (from, to) => workspaceOp((fs) => files.renameEntry(fs, from, to)),
    remove: (path) => workspaceOp((fs) => files.removeEntry(fs, path)),
    openExample: (id) =>
      operation(() =>
        serialize(async () => {
          const example = exampleFiles(id);
          if (example === undefined) throw new EngineError('not-found', `no example named ${JSON.stringify(id)}`);
          const s = await opened();
          await files.replaceWorkspace(s.trackedWorkspace, example);
          await s.store.write((tx) => tx.put('meta', EXAMPLE_KEY, id));
        }),
      ),

    build: (request, onEvent, onLog) =>
      operation(() =>
        serialize(async () => {
          const s = await opened();
          const controller = new AbortController();
          build = controller;
          try {
            const example = await s.store.get('meta', EXAMPLE_KEY);
            const tag = request.tag ?? (typeof example === 'string' ? `${example}:latest` : 'app:latest');
            return await runWorkspaceBuild({ store: s.tracked, writeFailures, fs: s.trackedWorkspace, sha256: env.sha256, now }, { ...request, tag }, { onEvent, onLog, signal: controller.signal });
          } finally {
            if (build === controller) build = null;
          }
        }),
      ),
    cancelBuild() {
      build?.abort();
    },
    lastBuild: async (): Promise<BuildOutcome | null> => readLastBuild((await opened()).store),

    terminal,

    listImages: () => views.listImages(),
    analyzeImage: (ref) => views.analyzeImage(ref),
    listLayerFiles: (ref, layer, dir, page) => views.listLayerFiles(ref, layer, dir, page),
    listImageFiles: (ref, dir, page) => views.listImageFiles(ref, dir, page),
    storageSharing: () => views.storageSharing(),
    diffImages: (a, b) => views.diffImages(a, b),
    history: (ref) => views.history(ref),

    ...labs,

    storage,
    async requestPersistence() {
      // StorageManager.persist() exists only on a page: the client asks there; this is the fallback.
      return (await env.storage?.persist?.().catch(() => undefined)) ?? (await storage()).persisted;
    },
    resetWorkspace: () =>
      operation(() =>
        serialize(async () => {
          const s = await opened();
          const open = s.session;
          s.session = undefined;
          await (await open?.catch(() => undefined))?.close();
          await files.clearWorkspace(s.trackedWorkspace);
          await s.store.write(async (tx) => {
            await tx.delete('meta', TERMINAL_KEY);
            await tx.delete('meta', EXAMPLE_KEY);
          });
        }),
      ),
    async eraseAll() {
      await serialize(async () => {
        bus.postErasing();
        await closeState();
        const known = ['workstation', 'registries', ...HOSTS.filter((h) => h.name !== WORKSTATION).map((h) => hostStoreName(h.name))].map(databaseName);
        // The page's own databases too: answers and review cards (app/_lib/progress) and the authoring
        // course (app/_components/author); their open connections close on `versionchange`.
        const pages = [PROGRESS_DB, AUTHOR_DB];
        await deleteLayerlabDatabases(env.databases, [...known, WORKSPACE_FILES, ...HOSTS.map((h) => hostFilesName(h.name)), ...pages]);
      });
      imagesDirty = workspaceDirty = false;
      changed({ kind: 'erased' });
    },

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      bus.close();
      await closeState();
    },
  };
}

/** A browser quota failure (QuotaExceededError), also when wrapped in a cause or a request error. */
function isQuotaFailure(error: unknown): boolean {
  for (let e = error, depth = 0; e != null && typeof e === 'object' && depth < 5; depth++) {
    if ((e as { name?: unknown }).name === 'QuotaExceededError') return true;
    e = (e as { cause?: unknown; error?: unknown }).cause ?? (e as { error?: unknown }).error;
  }
  return false;
}
