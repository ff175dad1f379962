import { EngineError } from '../errors';
import type { ContainerRecord, ReadTx } from '../store';

/**
 * A container argument as the daemon resolves it (moby `daemon.GetContainer`): full ID, then
 * exact name (with or without the leading `/`), then a unique ID prefix.
 */
export async function findContainer(tx: ReadTx, ref: string): Promise<ContainerRecord> {
  const exact = await tx.get('containers', ref);
  if (exact !== undefined) return exact;
  const all = await tx.list('containers');
  const name = ref.replace(/^\//, '');
  const byName = all.find(([, c]) => c.name === name);
  if (byName !== undefined) return byName[1];
  if (/^[0-9a-f]+$/.test(ref)) {
    const matches = all.filter(([id]) => id.startsWith(ref));
    if (matches.length > 1) throw new EngineError('conflict', `Multiple IDs found with provided prefix: ${ref}`);
    if (matches[0] !== undefined) return matches[0][1];
  }
  throw new EngineError('not-found', `No such container: ${ref}`);
}

/** Every container, newest first (as `docker ps` lists them). */
export async function listContainers(tx: ReadTx): Promise<ContainerRecord[]> {
  const all = (await tx.list('containers')).map(([, c]) => c);
  return all.sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : a.id < b.id ? 1 : -1));
}
