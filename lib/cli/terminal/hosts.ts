import { createMemoryStore, type Store } from '@/lib/engine';
import { createMemoryFs, type ShellFs } from '@/lib/shell';
import type { Sha256Factory } from '@/lib/util';
import { DOCKER_ROOT, dockerRootFs, mountFs } from '../docker/var-lib-docker';

/**
 * The machines the terminal can reach: the student's workstation and the servers of the
 * material's deployment story (`ssh staging-server`, then `docker pull`). Each has its own
 * docker daemon (image store) and files; registries are shared by all of them.
 * Add a host by adding a row.
 */
export interface HostSpec {
  readonly name: string;
  /** The login user: the prompt's `student@…`, $USER, $HOME's owner. */
  readonly user: string;
  /** $HOME; on the workstation the workspace root (the browser's /workspace). */
  readonly home: string;
  /** No route to any registry (the material's production and airgapped servers): images arrive by `scp` + `docker load`. */
  readonly offline?: boolean;
}

export const WORKSTATION = 'workstation';

export const HOSTS: readonly HostSpec[] = [
  { name: WORKSTATION, user: 'student', home: '/workspace' },
  { name: 'staging-server', user: 'student', home: '/home/student' },
  { name: 'prod-server', user: 'student', home: '/home/student' },
  { name: 'production-server', user: 'student', home: '/home/student', offline: true },
  { name: 'airgapped-server', user: 'student', home: '/home/student', offline: true },
];

/** What the face that runs the terminal provides per host; each is opened once, on first use. */
export interface HostIo {
  /** The host's docker daemon store (on the workstation, the one `layerlab build` uses). */
  store(host: string): Promise<Store>;
  /** The host's files (on the workstation, the student's workspace). */
  fs(host: string): Promise<ShellFs>;
}

/** Finds a host by name; `user@host` and a trailing dot are accepted as ssh accepts them. */
export function findHost(hosts: readonly HostSpec[], destination: string): HostSpec | undefined {
  const name = destination.slice(destination.lastIndexOf('@') + 1).replace(/\.$/, '');
  return hosts.find((h) => h.name === name);
}

/**
 * Every host's daemon and files in memory, each opened on first use: a scratch machine room for
 * the headless lab runner and tests. Pass the maps of another one to share its hosts, and the
 * terminal's clock (ms) to stamp the files written (else they keep the epoch).
 */
export function memoryHostIo(
  shared?: { stores: Map<string, Store>; files: Map<string, ShellFs> },
  now?: () => number,
): HostIo & { readonly stores: Map<string, Store>; readonly files: Map<string, ShellFs> } {
  const stores = shared?.stores ?? new Map<string, Store>();
  const files = shared?.files ?? new Map<string, ShellFs>();
  return {
    stores,
    files,
    async store(host) {
      let store = stores.get(host);
      if (store === undefined) stores.set(host, (store = createMemoryStore()));
      return store;
    },
    async fs(host) {
      let fs = files.get(host);
      if (fs === undefined) files.set(host, (fs = createMemoryFs({}, now === undefined ? {} : { now })));
      return fs;
    },
  };
}

/** Caches what `io` opens, so each host's store and fs are opened once per terminal. */
export function cachedHostIo(io: HostIo): HostIo {
  const stores = new Map<string, Promise<Store>>();
  const files = new Map<string, Promise<ShellFs>>();
  return {
    store(host) {
      let s = stores.get(host);
      if (s === undefined) stores.set(host, (s = io.store(host)));
      return s;
    },
    fs(host) {
      let f = files.get(host);
      if (f === undefined) files.set(host, (f = io.fs(host)));
      return f;
    },
  };
}

/**
 * Lays each host's read-only `/var/lib/docker` (generated from its daemon's store) over its
 * files, so `ls /var/lib/docker/image/overlay2/layerdb/sha256` teaches the storage layout.
 */
export function withDockerRoot(io: HostIo, sha256: Sha256Factory): HostIo {
  return {
    store: (host) => io.store(host),
    async fs(host) {
      const [files, store] = await Promise.all([io.fs(host), io.store(host)]);
      return mountFs(files, { [DOCKER_ROOT]: dockerRootFs(store, { sha256 }) });
    },
  };
}
