import { DEFAULT_PATH, baseName, dirName, joinPath, resolvePath, type CommandContext, type ShellFs } from '@/lib/shell';

/**
 * Facts about the image a command runs in, read from its filesystem the way the real tool would
 * find them: which binary PATH picks (busybox applets and GNU tools word their output
 * differently), which libc the image has (a cgo binary links against it).
 */

/** The file PATH finds for `name`, as the shell's pathResolver would. */
export async function findOnPath(ctx: Pick<CommandContext, 'env' | 'fs' | 'cwd'>, name: string): Promise<string | undefined> {
  for (const dir of (ctx.env.PATH ?? DEFAULT_PATH).split(':')) {
    const path = joinPath(resolvePath(ctx.cwd, dir === '' ? '.' : dir), name);
    try {
      const st = await ctx.fs.stat(path);
      if (st.type === 'file' && (st.mode & 0o111) !== 0) return path;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** Where a chain of symlinks ends (at most 8 hops, like a cautious readlink -f). */
export async function followLinks(fs: ShellFs, path: string): Promise<string> {
  let at = path;
  for (let hop = 0; hop < 8; hop++) {
    try {
      if ((await fs.lstat(at)).type !== 'symlink') return at;
      const target = await fs.readlink(at);
      at = target.startsWith('/') ? target : resolvePath(dirName(at), target);
    } catch {
      return at;
    }
  }
  return at;
}

/** True when `name` (or the command running, if it was typed with a path) is a busybox applet. */
export async function isBusyboxApplet(ctx: Pick<CommandContext, 'env' | 'fs' | 'cwd' | 'name'>, name = baseName(ctx.name)): Promise<boolean> {
  const path = ctx.name.includes('/') ? resolvePath(ctx.cwd, ctx.name) : await findOnPath(ctx, name);
  if (path === undefined) return false;
  return baseName(await followLinks(ctx.fs, path)) === 'busybox';
}

export type Libc = 'glibc' | 'musl';

/** musl on Alpine (its loader or release file), glibc where Debian's loader or libc is; null on scratch. */
export async function detectLibc(fs: ShellFs): Promise<Libc | null> {
  const has = async (p: string): Promise<boolean> => fs.exists(p).catch(() => false);
  if ((await has('/etc/alpine-release')) || (await has('/lib/ld-musl-x86_64.so.1')) || (await has('/lib/ld-musl-aarch64.so.1'))) return 'musl';
  for (const p of ['/etc/debian_version', '/lib/x86_64-linux-gnu/libc.so.6', '/usr/lib/x86_64-linux-gnu/libc.so.6', '/lib64/ld-linux-x86-64.so.2']) {
    if (await has(p)) return 'glibc';
  }
  return null;
}
