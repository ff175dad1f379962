import { humanDuration } from '../../common/human-units';
import type { ContainerEntry } from './image-data';
import { truncateId } from './image-data';

/**
 * What `docker system df -v` shows of a container, read defensively from the record's `state`
 * (owned by lib/engine/containers): command, image name, status text. Missing fields fall back to
 * what Docker shows for a container it knows little about.
 */
function stateField(c: ContainerEntry, name: string): unknown {
  const state = c.state ?? c.record.state;
  return typeof state === 'object' && state !== null ? (state as Record<string, unknown>)[name] : undefined;
}

const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined);

/** `Path` + `Args` joined, as the API's `Command` field. */
export function containerCommand(c: ContainerEntry): string {
  const command = strings(stateField(c, 'command')) ?? [...(strings(stateField(c, 'entrypoint')) ?? []), ...(strings(stateField(c, 'cmd')) ?? [])];
  return command.join(' ');
}

/** The image as the container was created from it (`nginx`, the state's `config.image`), else its short ID. */
export function containerImage(c: ContainerEntry): string {
  const config = stateField(c, 'config');
  const image = typeof config === 'object' && config !== null ? (config as Record<string, unknown>).image : stateField(c, 'image');
  return typeof image === 'string' && image !== '' ? image : truncateId(c.imageId);
}

const timeOf = (v: unknown): number | undefined => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? Date.parse(v) : undefined);

/** moby `State.String()`: `Up 5 minutes`, `Up 2 hours (Paused)`, `Exited (0) 3 minutes ago`, `Created`. */
export function containerStatusText(c: ContainerEntry, now: number): string {
  const started = timeOf(stateField(c, 'startedAt')) ?? Date.parse(c.created);
  const finished = timeOf(stateField(c, 'finishedAt')) ?? started;
  const exitCode = typeof stateField(c, 'exitCode') === 'number' ? (stateField(c, 'exitCode') as number) : 0;
  switch (c.status) {
    case 'running':
      return `Up ${humanDuration(now - started)}`;
    case 'paused':
      return `Up ${humanDuration(now - started)} (Paused)`;
    case 'restarting':
      return `Restarting (${exitCode}) ${humanDuration(now - finished)} ago`;
    case 'removing':
      return 'Removal In Progress';
    case 'dead':
      return 'Dead';
    case 'exited':
      return `Exited (${exitCode}) ${humanDuration(now - finished)} ago`;
    default:
      return 'Created';
  }
}
