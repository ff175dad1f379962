import { readContent, readFile, type FsTree } from '../fs';
import { BuildError } from './session';
import type { Range } from '@/lib/dockerfile';

/**
 * Names to IDs the way BuildKit does for `COPY --chown` and `USER` (`dockerfile2llb` `parseUser`,
 * moby/sys/user `GetExecUser`): numbers are taken as they are, names are looked up in the
 * stage's own /etc/passwd and /etc/group. A user given alone keeps its uid as gid when numeric,
 * else its primary group.
 */

interface Entry {
  name: string;
  id: number;
  gid: number;
  home: string;
}

function readTable(tree: FsTree, path: string): Entry[] {
  let text: string;
  try {
    text = new TextDecoder().decode(readContent(readFile(tree, path)));
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split(':'))
    .map((f) => ({ name: f[0] ?? '', id: Number(f[2] ?? NaN), gid: Number(f[3] ?? NaN), home: f[5] ?? '/' }));
}

export interface ResolvedUser {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

const NUMERIC = /^\d+$/;

/** `USER app`, `USER 1000:1000`, `--chown=app:staff`. */
export function resolveUser(tree: FsTree, spec: string, range?: Range): ResolvedUser {
  const [user = '', group] = spec.split(':', 2);
  const passwd = readTable(tree, '/etc/passwd');
  let uid: number;
  let gid: number;
  let name = user;
  let home = '/';
  if (NUMERIC.test(user)) {
    uid = Number(user);
    const entry = passwd.find((e) => e.id === uid);
    name = entry?.name ?? user;
    home = entry?.home ?? '/';
    gid = entry?.gid ?? uid;
  } else {
    const entry = passwd.find((e) => e.name === user);
    if (entry === undefined) throw new BuildError(`unable to find user ${user}: no matching entries in passwd file`, range);
    uid = entry.id;
    gid = entry.gid;
    home = entry.home;
  }
  if (group !== undefined && group !== '') {
    if (NUMERIC.test(group)) gid = Number(group);
    else {
      const entry = readTable(tree, '/etc/group').find((e) => e.name === group);
      if (entry === undefined) throw new BuildError(`unable to find group ${group}: no matching entries in group file`, range);
      gid = entry.id;
    }
  }
  return { name, uid, gid, home };
}

/** `--chown` alone: a numeric user without group means gid = uid (Docker docs, COPY --chown). */
export function resolveChown(tree: FsTree, spec: string, range?: Range): { uid: number; gid: number } {
  const [user = '', group] = spec.split(':', 2);
  if (NUMERIC.test(user) && (group === undefined || group === '')) return { uid: Number(user), gid: Number(user) };
  const resolved = resolveUser(tree, spec, range);
  return { uid: resolved.uid, gid: resolved.gid };
}
