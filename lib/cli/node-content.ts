/**
 * Reads a course folder for `layerlab grade` and `layerlab content check`: every text file under
 * `<dir>/lessons/` (and, for the examples check, `<dir>/examples/`) keyed by its course path
 * (`content/lessons/3.1/labs.yaml`), the form lib/content's `loadCourse` takes. Bounded: a folder
 * with more files or bytes than a content pack may hold is refused rather than read whole.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

export const CONTENT_LIMITS = { files: 5_000, bytes: 64 * 1024 * 1024 } as const;

export class ContentDirError extends Error {}

async function walk(root: string, rel: string, out: string[]): Promise<void> {
  const entries = await readdir(join(root, rel), { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) await walk(root, path, out);
    else if (entry.isFile()) out.push(path);
    if (out.length > CONTENT_LIMITS.files) throw new ContentDirError(`${root}: more than ${CONTENT_LIMITS.files} files`);
  }
}

/** The files of `<dir>/<sub>/` as `content/<sub>/…` → text; an absent sub-folder gives none. */
export async function readContentDir(dir: string, subs: readonly string[] = ['lessons']): Promise<Map<string, string>> {
  const top = await stat(dir).catch(() => null);
  if (top === null || !top.isDirectory()) throw new ContentDirError(`${dir}: no such directory`);
  const files = new Map<string, string>();
  let bytes = 0;
  for (const sub of subs) {
    const root = join(dir, sub);
    if ((await stat(root).catch(() => null))?.isDirectory() !== true) continue;
    const paths: string[] = [];
    await walk(root, '', paths);
    for (const path of paths) {
      const text = await readFile(join(root, path), 'utf8');
      bytes += text.length;
      if (bytes > CONTENT_LIMITS.bytes) throw new ContentDirError(`${dir}: more than ${CONTENT_LIMITS.bytes} bytes of content`);
      files.set(`content/${sub}/${path}`, text);
    }
  }
  return files;
}
