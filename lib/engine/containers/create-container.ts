import type { Digest } from '@/lib/util';
import { EngineError } from '../errors';
import { resolveImage } from '../archive';
import { EMPTY_CHANGE_SET } from '../fs';
import type { Store } from '../store';
import { readContainerImage } from './container-image';
import { randomId, randomName, VALID_NAME, type RandomSource } from './names';
import { resolveProcessArgv } from './start-check';
import type { ContainerConfig, ContainerState, PortBinding } from './types';

/** What `docker create` / `docker run` ask for (the flags Layerlab models). */
export interface CreateContainerRequest {
  /** The image argument as typed: resolved like every image argument (ID, ref, ID prefix). */
  image: string;
  name?: string;
  /** COMMAND [ARG...] after the image; empty = the image's Cmd. */
  args: readonly string[];
  entrypoint?: string;
  /** `-e K=V`, in order; a later key wins over the image's. */
  env?: readonly string[];
  workdir?: string;
  user?: string;
  ports?: readonly PortBinding[];
  labels?: Readonly<Record<string, string>>;
  tty?: boolean;
  openStdin?: boolean;
  autoRemove?: boolean;
}

export interface CreateContainerOptions {
  now: number;
  random: RandomSource;
}

function mergeEnv(image: readonly string[], user: readonly string[]): string[] {
  const out = [...image];
  for (const entry of user) {
    const key = entry.split('=')[0] ?? entry;
    const at = out.findIndex((e) => (e.split('=')[0] ?? e) === key);
    if (at >= 0) out[at] = entry;
    else out.push(entry);
  }
  return out;
}

/** Creates the container record (status `created`); returns its ID and name. */
export async function createContainer(store: Store, request: CreateContainerRequest, options: CreateContainerOptions): Promise<{ id: string; name: string; warnings: string[] }> {
  if (request.name !== undefined && request.name !== '' && !VALID_NAME.test(request.name)) {
    throw new EngineError('invalid-config', `Invalid container name (${request.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
  }
  return store.write(async (tx) => {
    const imageId: Digest = await resolveImage(tx, request.image);
    const image = await readContainerImage(tx, imageId);
    const run = image.config.config;
    const { entrypoint, cmd, argv } = resolveProcessArgv(run, { entrypoint: request.entrypoint, args: request.args });
    const existing = (await tx.list('containers')).map(([, c]) => c);
    const id = randomId(options.random);
    let name = request.name?.replace(/^\//, '') ?? '';
    if (name !== '') {
      const holder = existing.find((c) => c.name === name);
      if (holder !== undefined) {
        throw new EngineError('conflict', `Conflict. The container name "/${name}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`);
      }
    } else {
      do name = randomName(options.random);
      while (existing.some((c) => c.name === name));
    }
    const ports = [...(request.ports ?? [])];
    const exposed = new Set(Object.keys(run.ExposedPorts ?? {}));
    for (const p of ports) exposed.add(`${p.containerPort}/${p.protocol}`);
    const config: ContainerConfig = {
      image: request.image,
      hostname: id.slice(0, 12),
      env: mergeEnv(run.Env ?? [], request.env ?? []),
      workdir: request.workdir ?? (run.WorkingDir || '/'),
      user: request.user ?? run.User ?? '',
      entrypoint,
      cmd,
      exposedPorts: [...exposed].sort(),
      ports,
      labels: { ...run.Labels, ...request.labels },
      tty: request.tty ?? false,
      openStdin: request.openStdin ?? false,
      autoRemove: request.autoRemove ?? false,
      stopSignal: run.StopSignal ?? 'SIGTERM',
    };
    const state: ContainerState = {
      status: 'created',
      exitCode: 0,
      error: '',
      startedAt: null,
      finishedAt: null,
      command: argv,
      config,
      logs: [],
      blocking: null,
      restartCount: 0,
      session: null,
    };
    await tx.put('containers', id, { id, name, imageId, created: new Date(options.now).toISOString(), writableLayer: EMPTY_CHANGE_SET, state });
    return { id, name, warnings: [] };
  });
}
