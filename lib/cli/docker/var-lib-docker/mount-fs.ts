import { FsError, normalizePath, type FileStat, type ShellFs } from '@/lib/shell';

/**
 * Several filesystems as one tree, like mount(8): `mounts` maps absolute mount points
 * (`/var/lib/docker`) to the ShellFs seen there (its root is the mount point); everything else
 * is `base`. The longest mount point wins. Directories leading to a mount point exist even
 * where `base` has none (`ls /var/lib` shows `docker`), and a mount point shows in its parent's
 * listing. A rename across filesystems copies the file and then removes the source, as mv(1)
 * does on EXDEV (a read-only source keeps its file and says why).
 */
export function mountFs(base: ShellFs, mounts: Readonly<Record<string, ShellFs>>): ShellFs {
  const points = Object.keys(mounts)
    .map((point) => normalizePath(point))
    .filter((point) => point !== '/')
    .sort((a, b) => b.length - a.length);
  const byPoint = new Map(Object.entries(mounts).map(([point, fs]) => [normalizePath(point), fs] as const));

  const route = (path: string): { fs: ShellFs; path: string } => {
    const norm = normalizePath(path);
    for (const point of points) {
      if (norm === point || norm.startsWith(`${point}/`)) return { fs: byPoint.get(point) as ShellFs, path: norm.slice(point.length) || '/' };
    }
    return { fs: base, path: norm };
  };
  /** True for `/var` and `/var/lib` when `/var/lib/docker` is mounted. */
  const leadsToMount = (path: string): boolean => {
    const norm = normalizePath(path);
    const prefix = norm === '/' ? '/' : `${norm}/`;
    return points.some((point) => point.startsWith(prefix));
  };
  const mountChildren = (path: string): string[] => {
    const norm = normalizePath(path);
    const prefix = norm === '/' ? '/' : `${norm}/`;
    return points.filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length).split('/')[0] as string);
  };
  const synthesized: FileStat = { type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 4096 };

  const statVia = (method: 'stat' | 'lstat') => async (path: string): Promise<FileStat> => {
    const r = route(path);
    try {
      return await r.fs[method](r.path);
    } catch (error) {
      if (leadsToMount(path)) return synthesized;
      throw error;
    }
  };

  const fs: ShellFs = {
    stat: statVia('stat'),
    lstat: statVia('lstat'),
    readFile: (path) => {
      const r = route(path);
      return r.fs.readFile(r.path);
    },
    writeFile: (path, data, options) => {
      const r = route(path);
      return r.fs.writeFile(r.path, data, options);
    },
    async readdir(path) {
      const r = route(path);
      const extra = mountChildren(path);
      let names: string[] = [];
      try {
        names = await r.fs.readdir(r.path);
      } catch (error) {
        if (extra.length === 0) throw error;
      }
      return [...new Set([...names, ...extra])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    },
    mkdir: (path, options) => {
      const r = route(path);
      return r.fs.mkdir(r.path, options);
    },
    rm: (path, options) => {
      const r = route(path);
      return r.fs.rm(r.path, options);
    },
    async rename(from, to) {
      const a = route(from);
      const b = route(to);
      if (a.fs === b.fs) return a.fs.rename(a.path, b.path);
      const stat = await a.fs.lstat(a.path);
      if (stat.type !== 'file') throw new FsError('EPERM', from);
      await b.fs.writeFile(b.path, await a.fs.readFile(a.path), { mode: stat.mode });
      await a.fs.rm(a.path);
    },
    symlink: (target, path) => {
      const r = route(path);
      return r.fs.symlink(target, r.path);
    },
    readlink: (path) => {
      const r = route(path);
      return r.fs.readlink(r.path);
    },
    chmod: (path, mode) => {
      const r = route(path);
      return r.fs.chmod(r.path, mode);
    },
    chown: (path, uid, gid) => {
      const r = route(path);
      return r.fs.chown(r.path, uid, gid);
    },
    async utimes(path, mtime) {
      const r = route(path);
      if (r.fs.utimes) await r.fs.utimes(r.path, mtime);
    },
    async exists(path) {
      const r = route(path);
      return (await r.fs.exists(r.path)) || leadsToMount(path);
    },
    async copyFile(from, to) {
      const a = route(from);
      const b = route(to);
      if (a.fs === b.fs && a.fs.copyFile) return a.fs.copyFile(a.path, b.path);
      const stat = await a.fs.stat(a.path);
      await b.fs.writeFile(b.path, await a.fs.readFile(a.path), { mode: stat.mode });
    },
  };
  return fs;
}
