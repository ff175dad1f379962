/**
 * Go's `path/filepath.Clean` and `Dir` for `/`-separated paths (Linux, where Docker's CLI,
 * BuildKit and the daemon run). Used for .dockerignore patterns, build-context paths and
 * image filesystem paths alike.
 */

/** A `.` or `..` element, an empty element, or a trailing `/` (but not the path `/` itself). */
const NEEDS_CLEANING = /(^|\/)\.\.?(\/|$)|\/\/|.\/$/;

/**
 * Go's `path/filepath.Clean` with `/` as the only separator (Linux, where Docker's CLI and
 * BuildKit run): drop empty and `.` elements, resolve `..` against the element before it,
 * keep leading `..` of a relative path, never climb above `/`. `""` becomes `"."`.
 * Note that `!..` is an ordinary name here, which is why moby's second Clean can turn
 * `!../../x` into `x` (see parse-ignore.ts).
 */
export function goClean(path: string): string {
  if (path === '') return '.';
  // Most paths are already clean; skip the split/join for them.
  if (!NEEDS_CLEANING.test(path)) return path;
  const rooted = path.charCodeAt(0) === 0x2f;
  const out: string[] = [];
  for (const element of path.split('/')) {
    if (element === '' || element === '.') continue;
    if (element === '..') {
      const last = out[out.length - 1];
      if (last !== undefined && last !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(element);
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}

/** Go's `filepath.Dir` for an already clean path: everything before the last `/`, or `.`. */
export function goDir(cleanPath: string): string {
  const slash = cleanPath.lastIndexOf('/');
  if (slash < 0) return '.';
  if (slash === 0) return '/';
  return cleanPath.slice(0, slash);
}
