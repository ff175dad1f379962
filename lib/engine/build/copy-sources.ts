import { goClean } from '@/lib/util';
import { lookup, type DirNode, type FsNode, type FsTree } from '../fs';

/**
 * Which paths a COPY/ADD source selects (BuildKit fileop copy with `AllowWildcard`,
 * `FollowSymlinks` for the source path): the source is cleaned against the root of the input
 * (context or `--from` filesystem) so `../x` clamps at `/`; wildcards match one path segment
 * each with Go's `filepath.Match` (no `**`, unlike .dockerignore).
 */

export interface SelectedSource {
  /** Absolute path in the source filesystem. */
  path: string;
  node: FsNode;
}

/** `/app.py` as BuildKit prints it in `"/app.py": not found`. */
export function cleanSourcePath(source: string): string {
  return goClean(`/${source}`);
}

export function hasWildcard(path: string): boolean {
  return /[*?[]/.test(path.replace(/\\./g, ''));
}

/** Go `filepath.Match` of one segment as a RegExp (`*`, `?`, `[a-z]`, `[^a]`, `\` escapes). */
export function segmentPattern(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '\\' && i + 1 < pattern.length) out += escapeRe(pattern[++i] as string);
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end);
      if (body.startsWith('^') || body.startsWith('!')) body = `^${body.slice(1)}`;
      out += `[${body.replace(/\\(?!.)/g, '\\\\')}]`;
      i = end;
    } else out += escapeRe(c);
  }
  return new RegExp(`^${out}$`, 'u');
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The nodes a source selects, sorted by path; empty when nothing matches (the caller reports
 * BuildKit's `not found`). A plain path follows symlinks like `stat`; wildcard matches are the
 * entries themselves.
 */
export function selectSources(tree: FsTree, source: string): SelectedSource[] {
  const path = cleanSourcePath(source);
  if (!hasWildcard(path)) {
    let node: FsNode | undefined;
    try {
      node = lookup(tree, path);
    } catch {
      node = undefined;
    }
    return node === undefined ? [] : [{ path, node }];
  }
  let frontier: SelectedSource[] = [{ path: '', node: tree }];
  for (const segment of path.split('/').filter((s) => s !== '')) {
    const next: SelectedSource[] = [];
    const literal = !hasWildcard(segment);
    const re = literal ? null : segmentPattern(segment);
    const name = literal ? segment.replace(/\\(.)/g, '$1') : '';
    for (const { path: dirPath, node } of frontier) {
      const dir = resolveDir(tree, dirPath, node);
      if (dir === null) continue;
      for (const child of dir.children) {
        if (re === null ? child.name === name : re.test(child.name)) next.push({ path: `${dirPath}/${child.name}`, node: child.node });
      }
    }
    frontier = next;
  }
  return frontier.map((s) => (s.node.kind === 'symlink' ? { path: s.path, node: lookup(tree, s.path) ?? s.node } : s));
}

function resolveDir(tree: FsTree, path: string, node: FsNode): DirNode | null {
  if (node.kind === 'dir') return node;
  if (node.kind !== 'symlink') return null;
  try {
    const target = lookup(tree, path);
    return target?.kind === 'dir' ? target : null;
  } catch {
    return null;
  }
}
