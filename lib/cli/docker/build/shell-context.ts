import type { BuildContext, ContextEntry } from '@/lib/engine';
import type { ShellFs } from '@/lib/shell';

/**
 * A build context over the student's workspace (a lib/shell ShellFs): every file, directory and
 * symlink below `root` with its mode, owner, size and mtime, walked with lstat so symlinks are
 * sent as links and never followed (BuildKit's fsutil; lib/cli/node-context.ts does the same over
 * a real directory). `.git/` is included like any directory: `.dockerignore` (applied by the
 * engine, so the browser and the CLI ignore the same paths) decides what is sent.
 */
export async function openShellContext(fs: ShellFs, root: string): Promise<BuildContext> {
  const top = await fs.stat(root).catch(() => null);
  if (top === null || top.type !== 'dir') throw new ContextNotFound(root);
  const base = root === '/' ? '' : root.replace(/\/+$/, '');
  return {
    list: () => walk(fs, base),
    read: (path) => fs.readFile(`${base}/${path}`),
  };
}

/** The context path is missing or not a directory (`unable to prepare context: path "x" not found`). */
export class ContextNotFound extends Error {
  constructor(readonly path: string) {
    super(`unable to prepare context: path "${path}" not found`);
  }
}

async function walk(fs: ShellFs, base: string): Promise<ContextEntry[]> {
  const out: ContextEntry[] = [];
  const pending = [''];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    const names = await fs.readdir(dir === '' ? base || '/' : `${base}/${dir}`);
    for (const name of names) {
      const path = dir === '' ? name : `${dir}/${name}`;
      const st = await fs.lstat(`${base}/${path}`);
      const entry = { path, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, ...(st.mtime !== undefined ? { mtime: st.mtime } : {}) };
      if (st.type === 'dir') {
        out.push({ ...entry, type: 'dir', size: 0 });
        pending.push(path);
      } else if (st.type === 'symlink') {
        const target = await fs.readlink(`${base}/${path}`);
        out.push({ ...entry, type: 'symlink', size: target.length, linkTarget: target });
      } else {
        out.push({ ...entry, type: 'file', size: st.size });
      }
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
