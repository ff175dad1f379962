import { parseDockerRef } from '../image';

/**
 * The hub's names. Reference parsing and normalization belong to lib/engine/image
 * (distribution/reference: `nginx` → `docker.io/library/nginx:latest`); the hub adds only how a
 * data file's path maps to its repository name.
 */

export interface HubRef {
  /** `docker.io/library/python` */
  repository: string;
  /** Tag, or null when the reference is by digest only. */
  tag: string | null;
  digest: string | null;
}

/** Normalizes like `docker pull` (lib/engine/image's parseDockerRef); throws `invalid reference format`. */
export function normalizeHubRef(ref: string): HubRef {
  const named = parseDockerRef(ref.trim());
  return { repository: `${named.domain}/${named.path}`, tag: named.tag ?? null, digest: named.digest ?? null };
}

/** Repository name a data file must declare, from its path under content/hub/. */
export function repositoryForPath(path: string): string | null {
  const match = /(?:^|\/)content\/hub\/(.+)\.json$/.exec(path) ?? /^(.+)\.json$/.exec(path);
  const name = match?.[1];
  if (name === undefined || !name.includes('/')) return null;
  const first = name.split('/')[0] ?? '';
  return first.includes('.') ? name : `docker.io/${name}`;
}
