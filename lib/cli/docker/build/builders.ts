import type { Store } from '@/lib/engine';

/**
 * buildx builder instances (`docker buildx create/use/ls/inspect/rm`), kept in the host store's
 * `meta` kind under `buildx/builders` — each host (workstation, staging-server) has its own, as
 * each Docker host's buildx store is its own. The `default` builder (docker driver, the daemon's
 * embedded BuildKit) always exists and is never stored.
 */

export type BuilderDriver = 'docker' | 'docker-container';

export interface BuilderInstance {
  name: string;
  driver: BuilderDriver;
  /** The docker-container builder's BuildKit container has been started (`inspect --bootstrap`, first build). */
  booted: boolean;
  /** Wall clock ms of the last change (buildx's Last Activity). */
  lastActivity?: number;
}

export interface BuildersState {
  builders: BuilderInstance[];
  /** The `--use`d builder; null for `default`. */
  current: string | null;
}

const META_KEY = 'buildx/builders';

export const DEFAULT_BUILDER: BuilderInstance = { name: 'default', driver: 'docker', booted: true };

/** moby's embedded BuildKit (Docker 27.5) and the `moby/buildkit:buildx-stable-1` image of the same time. */
export const BUILDKIT_VERSION: Record<BuilderDriver, string> = { docker: 'v0.18.2', 'docker-container': 'v0.19.0' };

/** What each driver can build for: the daemon's host platforms; with QEMU (Docker Desktop's binfmt), a container builder's. */
export const BUILDER_PLATFORMS: Record<BuilderDriver, readonly string[]> = {
  docker: ['linux/amd64', 'linux/amd64/v2', 'linux/amd64/v3', 'linux/386'],
  'docker-container': [
    'linux/amd64',
    'linux/amd64/v2',
    'linux/amd64/v3',
    'linux/arm64',
    'linux/riscv64',
    'linux/ppc64le',
    'linux/s390x',
    'linux/386',
    'linux/mips64le',
    'linux/mips64',
    'linux/arm/v7',
    'linux/arm/v6',
  ],
};

function isState(value: unknown): value is BuildersState {
  return typeof value === 'object' && value !== null && Array.isArray((value as BuildersState).builders);
}

export async function loadBuilders(store: Store): Promise<BuildersState> {
  const value = await store.get('meta', META_KEY);
  return isState(value) ? value : { builders: [], current: null };
}

export async function saveBuilders(store: Store, state: BuildersState): Promise<void> {
  await store.write((tx) => tx.put('meta', META_KEY, { builders: state.builders.map((b) => ({ ...b })), current: state.current }));
}

/** A builder by name (`default` included), or undefined. */
export function findBuilder(state: BuildersState, name: string): BuilderInstance | undefined {
  return name === 'default' ? DEFAULT_BUILDER : state.builders.find((b) => b.name === name);
}

export function currentBuilder(state: BuildersState): BuilderInstance {
  return (state.current !== null ? state.builders.find((b) => b.name === state.current) : undefined) ?? DEFAULT_BUILDER;
}

/** buildx's error for a name it does not know. */
export function noBuilder(name: string): string {
  return `no builder ${JSON.stringify(name)} found`;
}

/** Docker's random names (`elated_tesla`), drawn from the clock: what `buildx create` without --name uses. */
export function randomBuilderName(seed: number, taken: ReadonlySet<string>): string {
  const left = ['admiring', 'amazing', 'brave', 'elated', 'focused', 'gifted', 'happy', 'jolly', 'nifty', 'quirky', 'serene', 'vibrant'];
  const right = ['bohr', 'curie', 'darwin', 'euler', 'hopper', 'lovelace', 'meitner', 'noether', 'pasteur', 'ritchie', 'tesla', 'turing'];
  for (let i = 0; ; i++) {
    const n = Math.abs(Math.floor(seed / 1000) + i * 7919);
    const name = `${left[n % left.length]}_${right[Math.floor(n / left.length) % right.length]}`;
    if (!taken.has(name)) return name;
  }
}

/** The platforms a builder reports, as buildx groups them (`FormatInGroups`: all listed, in order). */
export function platformsOf(builder: BuilderInstance): readonly string[] {
  return builder.booted ? BUILDER_PLATFORMS[builder.driver] : [];
}

const MAJOR_PLATFORMS = ['linux/amd64', 'linux/arm64', 'linux/arm', 'linux/ppc64le', 'linux/s390x', 'linux/riscv64', 'linux/mips64'];

/**
 * `buildx ls`'s truncated PLATFORMS column (commands/ls.go `truncPlatforms(pfs, 4)`): up to four
 * os/arch groups, the major ones first, a group of several as `linux/amd64 (+3)`, and
 * `(N more)` for the platforms left out.
 */
export function truncatePlatforms(platforms: readonly string[], max = 4): string {
  const groupOf = (p: string) => p.split('/').slice(0, 2).join('/');
  const groups = new Map<string, string[]>();
  for (const major of MAJOR_PLATFORMS) {
    for (const p of platforms) {
      if (groups.size >= max) break;
      if (groupOf(p) === major) groups.set(major, [...(groups.get(major) ?? []), p]);
    }
  }
  const left = new Map<string, string[]>();
  for (const p of platforms) {
    if (groups.size >= max) break;
    if (!groups.has(groupOf(p))) left.set(groupOf(p), [...(left.get(groupOf(p)) ?? []), p]);
  }
  for (const [k, v] of left) groups.set(k, v);
  const out: string[] = [];
  let count = 0;
  const show = (key: string) => {
    const members = groups.get(key) ?? [];
    out.push(members.length === 1 ? (members[0] as string) : `${key} (+${members.length})`);
    count += members.length;
  };
  for (const major of MAJOR_PLATFORMS) if (groups.has(major)) show(major);
  for (const key of [...groups.keys()].sort()) {
    if (out.length >= max) break;
    if (!MAJOR_PLATFORMS.includes(key)) show(key);
  }
  if (platforms.length - count > 0) out.push(`(${platforms.length - count} more)`);
  return out.join(', ');
}
