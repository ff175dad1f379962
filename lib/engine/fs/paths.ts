import { EngineError } from '../errors';

/**
 * Two kinds of path. Tree paths (`/usr/bin/python`) are what a process in the container names:
 * `..` is resolved against the tree while walking and clamps at `/`, like a chroot. Layer paths
 * (`usr/bin/python`) are what a change set or a layer tar carries: relative, clean, never `..`
 * (moby's archive.Unpack refuses a breakout; a hostile tar must not reach outside the root).
 */

/** The whiteout prefix and opaque marker of the OCI layer spec (image-spec layer.md, "Whiteouts"). */
export const WHITEOUT_PREFIX = '.wh.';
export const OPAQUE_MARKER = '.wh..wh..opq';

function assertNoNul(path: string): void {
  if (path.includes('\0')) throw new EngineError('path-escape', `invalid path ${JSON.stringify(path)}: contains a NUL byte`);
}

/** Components of a tree path, `.` and `..` kept for the resolver; `/a//b/` → `['a', 'b']`. */
export function splitTreePath(path: string): string[] {
  assertNoNul(path);
  return path.split('/').filter((part) => part !== '');
}

/** A name that may be created in a tree: not `.`/`..`, no `/`, and never a whiteout (§2e). */
export function assertEntryName(name: string, path: string): void {
  if (name === '' || name === '.' || name === '..' || name.includes('/')) {
    throw new EngineError('path-escape', `invalid file name ${JSON.stringify(name)} in ${path}`);
  }
  assertNoNul(name);
  if (name.startsWith(WHITEOUT_PREFIX)) {
    throw new EngineError('path-escape', `invalid file name ${JSON.stringify(name)} in ${path}: ".wh." names are reserved for whiteouts`);
  }
}

/**
 * Cleans a layer path: strips a leading `./`, drops `.` and empty components, and refuses absolute
 * paths, `..` components and NUL bytes. Returns '' for the root itself (`./`).
 */
export function cleanLayerPath(path: string): string {
  assertNoNul(path);
  if (path.startsWith('/')) throw new EngineError('path-escape', `invalid path ${JSON.stringify(path)}: absolute paths are not allowed in a layer`);
  const parts = path.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.includes('..')) throw new EngineError('path-escape', `invalid path ${JSON.stringify(path)}: path escapes from parent`);
  return parts.join('/');
}

/** `/` + layer path: the tree path a layer entry names. */
export function layerToTreePath(layerPath: string): string {
  return `/${layerPath}`;
}

/** Parent and base name of a clean layer path (`a/b/c` → `['a/b', 'c']`, `c` → `['', 'c']`). */
export function splitLayerPath(layerPath: string): [dir: string, base: string] {
  const slash = layerPath.lastIndexOf('/');
  return slash < 0 ? ['', layerPath] : [layerPath.slice(0, slash), layerPath.slice(slash + 1)];
}

/**
 * Where a symlink at `linkPath` (layer path) points, lexically, or undefined when a relative
 * target climbs above the root. moby's archive refuses such links (`breakoutError`); absolute
 * targets are fine because they resolve against the image root.
 */
export function symlinkStaysInRoot(linkPath: string, target: string): boolean {
  if (target.startsWith('/')) return true;
  const depth = splitLayerPath(linkPath)[0].split('/').filter((p) => p !== '').length;
  let level = depth;
  for (const part of target.split('/')) {
    if (part === '..') level -= 1;
    else if (part !== '' && part !== '.') level += 1;
    if (level < 0) return false;
  }
  return true;
}
