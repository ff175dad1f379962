/**
 * Where package managers and build tools leave caches that an image does not need at run time:
 * bytes that ship with every pull even when nothing deletes them (dive counts only paths written
 * twice or deleted, so it misses these). Data, not code: add a row to teach another tool. `dir`
 * may hold `*` for one path component (`/home/*` for every user's home). `fix` is the habit the
 * material teaches for it.
 */
export interface CachePath {
  id: string;
  /** What it is, for people: `apt package lists`. */
  label: string;
  dir: string;
  /** How to keep it out of the image. */
  fix: string;
}

export const CACHE_PATHS: readonly CachePath[] = [
  { id: 'apt-lists', label: 'apt package lists', dir: '/var/lib/apt/lists', fix: 'end the RUN that runs apt-get update with && rm -rf /var/lib/apt/lists/*' },
  { id: 'apt-archives', label: 'apt downloaded packages', dir: '/var/cache/apt', fix: 'run apt-get clean (or rm -rf /var/cache/apt/*) in the same RUN as apt-get install' },
  { id: 'apk-cache', label: 'apk package cache', dir: '/var/cache/apk', fix: 'use apk add --no-cache' },
  { id: 'pip-cache', label: 'pip download cache', dir: '/root/.cache/pip', fix: 'use pip install --no-cache-dir' },
  { id: 'pip-cache-user', label: 'pip download cache', dir: '/home/*/.cache/pip', fix: 'use pip install --no-cache-dir' },
  { id: 'npm-cache', label: 'npm cache', dir: '/root/.npm', fix: 'run npm cache clean --force in the same RUN as npm install (or npm ci with a cache mount)' },
  { id: 'npm-cache-user', label: 'npm cache', dir: '/home/*/.npm', fix: 'run npm cache clean --force in the same RUN as npm install' },
  { id: 'yarn-cache', label: 'yarn cache', dir: '/usr/local/share/.cache/yarn', fix: 'run yarn cache clean in the same RUN as yarn install' },
  { id: 'go-build-cache', label: 'Go build cache', dir: '/root/.cache/go-build', fix: 'build in a builder stage and copy only the binary (multi-stage)' },
  { id: 'go-mod-cache', label: 'Go module cache', dir: '/go/pkg/mod', fix: 'build in a builder stage and copy only the binary (multi-stage)' },
  { id: 'yum-cache', label: 'yum/dnf cache', dir: '/var/cache/yum', fix: 'run yum clean all in the same RUN as yum install' },
  { id: 'dnf-cache', label: 'yum/dnf cache', dir: '/var/cache/dnf', fix: 'run dnf clean all in the same RUN as dnf install' },
];

/** The cache a tree path lies in (the directory itself or anything under it), if any. */
export function cacheOf(path: string, table: readonly CachePath[] = CACHE_PATHS): CachePath | undefined {
  for (const cache of table) if (underPattern(path, cache.dir)) return cache;
  return undefined;
}

const compiled = new Map<string, RegExp>();

/** Whether `path` is `pattern` or lies under it; `*` matches one component. */
export function underPattern(path: string, pattern: string): boolean {
  if (!pattern.includes('*')) return path.startsWith(pattern) && (path.length === pattern.length || path[pattern.length] === '/');
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    const body = pattern.split('/').map((part) => (part === '*' ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
    regex = new RegExp(`^${body}(?:/|$)`);
    compiled.set(pattern, regex);
  }
  return regex.test(path);
}
