/**
 * A build context over a real directory for the `layerlab` CLI (`docker build CONTEXT`): every
 * file, directory and symlink below the root with its mode, owner, size and mtime, walked with
 * lstat so symlinks are sent as links, never followed (as BuildKit's fsutil does). Sockets, FIFOs
 * and devices are skipped. `.dockerignore` is not applied here: the engine applies it, so the
 * browser and the CLI ignore exactly the same paths.
 */
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import type { BuildContext, ContextEntry } from '@/lib/engine';

export async function openNodeContext(root: string): Promise<BuildContext> {
  const top = await lstat(root);
  if (!top.isDirectory()) {
    throw Object.assign(new Error(`unable to prepare context: path "${root}" not found`), { code: 'ENOTDIR' });
  }
  return {
    list: () => walk(root),
    async read(path) {
      const data = await readFile(`${root}/${path}`);
      return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    },
  };
}

async function walk(root: string): Promise<ContextEntry[]> {
  const out: ContextEntry[] = [];
  const pending = [''];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    const names = (await readdir(dir === '' ? root : `${root}/${dir}`)).sort();
    const stats = await Promise.all(names.map((name) => lstat(`${root}/${dir === '' ? '' : `${dir}/`}${name}`)));
    for (const [i, name] of names.entries()) {
      const st = stats[i];
      if (st === undefined) continue;
      const path = dir === '' ? name : `${dir}/${name}`;
      const base = { path, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, mtime: Math.floor(st.mtimeMs / 1000) };
      if (st.isDirectory()) {
        out.push({ ...base, type: 'dir', size: 0 });
        pending.push(path);
      } else if (st.isFile()) {
        out.push({ ...base, type: 'file', size: st.size });
      } else if (st.isSymbolicLink()) {
        const target = await readlink(`${root}/${path}`);
        out.push({ ...base, type: 'symlink', size: target.length, linkTarget: target });
      }
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
