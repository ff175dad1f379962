import type { Digest } from '@/lib/util';
import type { EmptyObject, HistoryEntry, ImageConfig, RunConfig } from './config-types';
import type { ImagePlatform } from './platform';

/**
 * Immutable edits of an image config, one per thing a Dockerfile instruction changes (in the
 * manner of go-containerregistry's `mutate`). Every function returns a new object and never
 * touches its input, so the build can keep the config of each step for its cache.
 */

/** buildkit `util/system.DefaultPathEnv`: the PATH a `FROM scratch` image gets on Linux. */
export const DEFAULT_PATH_ENV_LINUX = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * dockerfile2llb `emptyImage`: what `FROM scratch` starts from — the platform, `WorkingDir` `/`
 * and a default PATH (not on Windows, buildkit#5445), no layers, no history.
 */
export function emptyConfig(platform: ImagePlatform): ImageConfig {
  return {
    architecture: platform.architecture,
    os: platform.os,
    ...(platform['os.version'] ? { 'os.version': platform['os.version'] } : {}),
    ...(platform.variant ? { variant: platform.variant } : {}),
    config: {
      ...(platform.os === 'windows' ? {} : { Env: [`PATH=${DEFAULT_PATH_ENV_LINUX}`] }),
      WorkingDir: '/',
    },
    rootfs: { type: 'layers', diff_ids: [] },
    history: [],
  };
}

/** A patch of the run config; a key set to `undefined` removes the field. */
export type RunConfigPatch = { readonly [K in keyof RunConfig]?: RunConfig[K] | undefined };

/** Replaces fields of `config.config` (CMD, ENTRYPOINT, USER, WORKDIR, SHELL, HEALTHCHECK...). */
export function updateConfig(image: ImageConfig, patch: RunConfigPatch): ImageConfig {
  const next: Record<string, unknown> = { ...image.config };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return { ...image, config: next as RunConfig };
}

/**
 * `addEnv` (dockerfile2llb / moby dispatchEnv): a variable already set is replaced in place,
 * keeping its position; a new one is appended. Keys compare exactly (case-insensitively on
 * Windows, `shell.EqualEnvKeys`).
 */
export function addEnv(env: readonly string[] | undefined, key: string, value: string, os = 'linux'): string[] {
  const same = (k: string) => (os === 'windows' ? k.toUpperCase() === key.toUpperCase() : k === key);
  const entry = `${key}=${value}`;
  const list = [...(env ?? [])];
  const index = list.findIndex((e) => same(e.includes('=') ? e.slice(0, e.indexOf('=')) : e));
  if (index >= 0) list[index] = entry;
  else list.push(entry);
  return list;
}

/** ENV: sets each pair in order. */
export function withEnv(image: ImageConfig, pairs: ReadonlyArray<readonly [string, string]>): ImageConfig {
  let env = image.config.Env;
  for (const [key, value] of pairs) env = addEnv(env, key, value, image.os);
  return updateConfig(image, { Env: env });
}

/** LABEL: later keys win. */
export function withLabels(image: ImageConfig, pairs: ReadonlyArray<readonly [string, string]>): ImageConfig {
  return updateConfig(image, { Labels: { ...image.config.Labels, ...Object.fromEntries(pairs) } });
}

function addSet(set: Readonly<Record<string, EmptyObject>> | undefined, keys: readonly string[]) {
  return { ...set, ...Object.fromEntries(keys.map((k) => [k, {} as EmptyObject])) };
}

/** EXPOSE: ports already normalized to `port/proto` (see `parseExposePorts`). */
export function withExposedPorts(image: ImageConfig, ports: readonly string[]): ImageConfig {
  return updateConfig(image, { ExposedPorts: addSet(image.config.ExposedPorts, ports) });
}

/** VOLUME. */
export function withVolumes(image: ImageConfig, volumes: readonly string[]): ImageConfig {
  return updateConfig(image, { Volumes: addSet(image.config.Volumes, volumes) });
}

/** ONBUILD: appends the trigger expression. */
export function withOnBuild(image: ImageConfig, expression: string): ImageConfig {
  return updateConfig(image, { OnBuild: [...(image.config.OnBuild ?? []), expression] });
}

/** MAINTAINER sets the top-level `author`. */
export function withAuthor(image: ImageConfig, author: string): ImageConfig {
  return { ...image, author };
}

export function withCreated(image: ImageConfig, created: string): ImageConfig {
  return { ...image, created };
}

/**
 * Records one step: appends its history entry and, unless the entry is an `empty_layer`, the
 * layer's diffID. Keeps the invariant that non-empty history entries and diff_ids pair up.
 */
export function withHistory(image: ImageConfig, entry: HistoryEntry, diffId?: Digest): ImageConfig {
  if ((entry.empty_layer !== true) !== (diffId !== undefined)) {
    throw new RangeError('a history entry has a diffID exactly when it is not an empty layer');
  }
  return {
    ...image,
    history: [...(image.history ?? []), entry],
    rootfs: diffId === undefined ? image.rootfs : { ...image.rootfs, diff_ids: [...image.rootfs.diff_ids, diffId] },
  };
}

/**
 * A child stage starting from a base image (`FROM base`): the base config with OnBuild cleared,
 * as both builders do once the triggers have been taken.
 */
export function fromBase(base: ImageConfig): ImageConfig {
  return updateConfig(base, { OnBuild: undefined });
}
