import type { ShellFs } from '../fs/shell-fs';
import { joinPath, resolvePath } from '../fs/paths';
import { hasGlobChars, matchPattern, unescapePattern } from './pattern';

/**
 * Pathname expansion (XCU §2.13.3) against the ShellFs: segment by segment, hidden names only
 * when the segment starts with a literal `.`, results sorted by code unit (the C locale a
 * container's /bin/sh runs in). No match leaves the word as it was, as POSIX says.
 */
export async function globPaths(pattern: string, fs: ShellFs, cwd: string): Promise<string[]> {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  if (absolute) segments.shift();
  // Each candidate: the path as the user will see it, and its absolute location.
  let candidates: { shown: string; abs: string }[] = [{ shown: absolute ? '/' : '', abs: absolute ? '/' : cwd }];
  const trailingSlash = pattern.endsWith('/');
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    const next: { shown: string; abs: string }[] = [];
    for (const { shown, abs } of candidates) {
      const prefix = shown === '' ? '' : shown.endsWith('/') ? shown : `${shown}/`;
      if (!hasGlobChars(segment)) {
        const name = unescapePattern(segment);
        next.push({ shown: prefix + name, abs: resolvePath(abs, name) });
        continue;
      }
      let names: string[];
      try {
        if ((await fs.stat(abs)).type !== 'dir') continue;
        names = await fs.readdir(abs);
      } catch {
        continue;
      }
      const dotOk = segment.startsWith('.') || segment.startsWith('\\.');
      for (const name of names) {
        if (name.startsWith('.') && !dotOk) continue;
        if (!matchPattern(segment, name)) continue;
        const path = joinPath(abs, name);
        if (!last || trailingSlash) {
          try {
            if ((await fs.stat(path)).type !== 'dir') continue;
          } catch {
            continue;
          }
        }
        next.push({ shown: prefix + name, abs: path });
      }
    }
    candidates = next;
    if (candidates.length === 0) return [];
  }
  const out: string[] = [];
  for (const c of candidates) {
    try {
      await fs.lstat(c.abs);
      out.push(trailingSlash ? `${c.shown}/` : c.shown);
    } catch {
      // A literal segment that does not exist: this branch matched nothing.
    }
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
