import { EngineError } from '../errors';
import { changeSetSize } from '../fs';
import type { Store } from '../store';
import { findContainer } from './lookup';
import { isRunning, readContainerState, type ContainerState } from './types';

/**
 * stop / kill / rm / prune. Stopping sends the image's StopSignal; a PID 1 that installs no
 * handler for it (python, node, sleep, a shell, a Go server) ignores it, so Docker kills it after
 * the 10 s timeout: exit 137. nginx quits gracefully on SIGQUIT: exit 0.
 */
function stoppedState(state: ContainerState, now: number, signal: 'stop' | 'kill'): ContainerState {
  const blocking = state.blocking;
  const graceful = signal === 'stop' && blocking?.kind === 'server' && blocking.server.kind === 'nginx';
  const time = new Date(now).toISOString();
  const logs = [...state.logs];
  if (graceful) {
    const d = new Date(now);
    const p = (n: number) => String(n).padStart(2, '0');
    const stamp = `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
    for (const text of ['signal 3 (SIGQUIT) received, shutting down', 'signal 17 (SIGCHLD) received from 29', 'worker process 29 exited with code 0', 'exit']) {
      logs.push({ stream: 'stderr', text: `${stamp} [notice] 1#1: ${text}\n`, time });
    }
  }
  return { ...state, status: 'exited', exitCode: graceful ? 0 : 137, finishedAt: time, blocking: null, logs, stoppedBySignal: true };
}

/** `docker stop` / `docker kill`: returns the container's name; stopping a stopped one is a no-op. */
export async function stopContainer(store: Store, ref: string, options: { now: number; signal?: 'stop' | 'kill' }): Promise<{ id: string; name: string; wasRunning: boolean; removed: boolean }> {
  return store.write(async (tx) => {
    const record = await findContainer(tx, ref);
    const state = readContainerState(record, options.now);
    if (!isRunning(state)) {
      if (options.signal === 'kill') throw new EngineError('conflict', `cannot kill container: ${ref}: container ${record.id} is not running`);
      return { id: record.id, name: record.name, wasRunning: false, removed: false };
    }
    const next = stoppedState(state, options.now, options.signal ?? 'stop');
    if (state.config.autoRemove) {
      await tx.delete('containers', record.id);
      return { id: record.id, name: record.name, wasRunning: true, removed: true };
    }
    await tx.put('containers', record.id, { ...record, state: next });
    return { id: record.id, name: record.name, wasRunning: true, removed: false };
  });
}

/** `docker rm [-f]`: Docker's refusal for a running container unless forced. */
export async function removeContainer(store: Store, ref: string, options: { now: number; force?: boolean }): Promise<{ id: string; name: string }> {
  return store.write(async (tx) => {
    const record = await findContainer(tx, ref);
    const state = readContainerState(record, options.now);
    if (isRunning(state) && options.force !== true) {
      throw new EngineError('conflict', `cannot remove container "/${record.name}": container is running: stop the container before removing or force remove`);
    }
    await tx.delete('containers', record.id);
    return { id: record.id, name: record.name };
  });
}

/** `docker container prune`: every container not running; the space their writable layers held. */
export async function pruneContainers(store: Store, options: { now: number; until?: number; labels?: readonly string[] }): Promise<{ deleted: string[]; reclaimed: number }> {
  return store.write(async (tx) => {
    const deleted: string[] = [];
    let reclaimed = 0;
    for (const [id, record] of await tx.list('containers')) {
      const state = readContainerState(record, options.now);
      if (isRunning(state)) continue;
      if (options.until !== undefined && Date.parse(record.created) >= options.until) continue;
      if (options.labels !== undefined && !options.labels.every((l) => matchLabel(state.config.labels, l))) continue;
      reclaimed += changeSetSize(record.writableLayer);
      await tx.delete('containers', id);
      deleted.push(id);
    }
    return { deleted, reclaimed };
  });
}

function matchLabel(labels: Readonly<Record<string, string>>, filter: string): boolean {
  const eq = filter.indexOf('=');
  if (eq < 0) return Object.hasOwn(labels, filter);
  return labels[filter.slice(0, eq)] === filter.slice(eq + 1);
}

/** Size of the container's writable layer (`docker ps -s`, `system df`). */
export function writableLayerSize(record: { writableLayer: Parameters<typeof changeSetSize>[0] }): number {
  return changeSetSize(record.writableLayer);
}
