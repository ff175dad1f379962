import type { ShellFs } from './shell-fs';

/**
 * /etc/passwd and /etc/group as the fs has them, for `~user`, `id`, `whoami` and `chown
 * user:group`. An image without these files (scratch) simply has no names.
 */
export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

async function readLines(fs: ShellFs, path: string): Promise<string[][]> {
  try {
    const text = new TextDecoder().decode(await fs.readFile(path));
    return text.split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split(':'));
  } catch {
    return [];
  }
}

export async function readPasswd(fs: ShellFs): Promise<PasswdEntry[]> {
  return (await readLines(fs, '/etc/passwd')).map((f) => ({
    name: f[0] ?? '',
    uid: Number(f[2] ?? 0),
    gid: Number(f[3] ?? 0),
    home: f[5] ?? '/',
    shell: f[6] ?? '',
  }));
}

export async function readGroups(fs: ShellFs): Promise<GroupEntry[]> {
  return (await readLines(fs, '/etc/group')).map((f) => ({
    name: f[0] ?? '',
    gid: Number(f[2] ?? 0),
    members: (f[3] ?? '').split(',').filter(Boolean),
  }));
}
