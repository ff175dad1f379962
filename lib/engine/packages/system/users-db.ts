import type { ShellFs } from '@/lib/shell';

/**
 * /etc/passwd, /etc/group and /etc/shadow as editable line lists. Lines we do not parse (comments,
 * NIS `+` entries) are kept as they are; new entries are appended, the way shadow-utils and
 * busybox do, so a diff of the layer shows exactly the added lines.
 */
export interface UserEntry {
  name: string;
  uid: number;
  gid: number;
  gecos: string;
  home: string;
  shell: string;
}

export interface GroupLine {
  name: string;
  gid: number;
  members: string[];
}

/** Days since the epoch written in /etc/shadow: fixed, so builds stay reproducible. */
export const SHADOW_LAST_CHANGE = 19732;

export interface UsersDb {
  users: UserEntry[];
  groups: GroupLine[];
  /** Unparsed lines of each file, in order, with parsed entries replaced on write. */
  readonly raw: { passwd: string[]; group: string[]; shadow: string[] | null; gshadow: string[] | null };
}

async function lines(fs: ShellFs, path: string): Promise<string[] | null> {
  try {
    const text = new TextDecoder().decode(await fs.readFile(path));
    return text.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
  } catch {
    return null;
  }
}

export async function readUsersDb(fs: ShellFs): Promise<UsersDb> {
  const passwd = (await lines(fs, '/etc/passwd')) ?? [];
  const group = (await lines(fs, '/etc/group')) ?? [];
  const users = passwd
    .map((l) => l.split(':'))
    .filter((f) => f.length >= 7)
    .map((f) => ({ name: f[0] ?? '', uid: Number(f[2]), gid: Number(f[3]), gecos: f[4] ?? '', home: f[5] ?? '', shell: f[6] ?? '' }));
  const groups = group
    .map((l) => l.split(':'))
    .filter((f) => f.length >= 3)
    .map((f) => ({ name: f[0] ?? '', gid: Number(f[2]), members: (f[3] ?? '').split(',').filter(Boolean) }));
  return { users, groups, raw: { passwd, group, shadow: await lines(fs, '/etc/shadow'), gshadow: await lines(fs, '/etc/gshadow') } };
}

export const findUser = (db: UsersDb, name: string): UserEntry | undefined => db.users.find((u) => u.name === name);
export const findGroup = (db: UsersDb, nameOrGid: string): GroupLine | undefined =>
  /^\d+$/.test(nameOrGid) ? db.groups.find((g) => g.gid === Number(nameOrGid)) : db.groups.find((g) => g.name === nameOrGid);

/** The lowest free id in [min, max] (taken: ids already used), or undefined when the range is full. */
export function freeId(taken: Iterable<number>, min: number, max: number, descending = false): number | undefined {
  const used = new Set(taken);
  if (descending) {
    for (let id = max; id >= min; id--) if (!used.has(id)) return id;
    return undefined;
  }
  for (let id = min; id <= max; id++) if (!used.has(id)) return id;
  return undefined;
}

/** Lowest free id above the highest one in range, as shadow-utils picks (gaps below are not reused). */
export function nextId(taken: Iterable<number>, min: number, max: number): number | undefined {
  const inRange = [...taken].filter((id) => id >= min && id <= max);
  const next = inRange.length === 0 ? min : Math.max(...inRange) + 1;
  return next <= max ? next : freeId(taken, min, max);
}

export function addUser(db: UsersDb, user: UserEntry, password = '!'): void {
  db.users.push(user);
  db.raw.passwd.push(`${user.name}:x:${user.uid}:${user.gid}:${user.gecos}:${user.home}:${user.shell}`);
  db.raw.shadow?.push(`${user.name}:${password}:${SHADOW_LAST_CHANGE}:0:99999:7:::`);
}

export function addGroup(db: UsersDb, group: GroupLine): void {
  db.groups.push(group);
  db.raw.group.push(`${group.name}:x:${group.gid}:${group.members.join(',')}`);
  db.raw.gshadow?.push(`${group.name}:!::${group.members.join(',')}`);
}

/** Adds `user` to the member list of `group`, rewriting that group's line. */
export function addMember(db: UsersDb, groupName: string, user: string): void {
  const group = db.groups.find((g) => g.name === groupName);
  if (group === undefined || group.members.includes(user)) return;
  group.members.push(user);
  const rewrite = (list: string[] | null, line: (g: GroupLine) => string): void => {
    if (list === null) return;
    const at = list.findIndex((l) => l.split(':')[0] === groupName);
    if (at >= 0) list[at] = line(group);
  };
  rewrite(db.raw.group, (g) => `${g.name}:x:${g.gid}:${g.members.join(',')}`);
  rewrite(db.raw.gshadow, (g) => `${g.name}:!::${g.members.join(',')}`);
}

export async function writeUsersDb(fs: ShellFs, db: UsersDb): Promise<void> {
  const text = (l: string[]): string => (l.length === 0 ? '' : `${l.join('\n')}\n`);
  await fs.mkdir('/etc', { recursive: true });
  await fs.writeFile('/etc/passwd', text(db.raw.passwd));
  await fs.writeFile('/etc/group', text(db.raw.group));
  if (db.raw.shadow !== null) await fs.writeFile('/etc/shadow', text(db.raw.shadow));
  if (db.raw.gshadow !== null) await fs.writeFile('/etc/gshadow', text(db.raw.gshadow));
}

/** Creates `home` owned by the user (mode as the tool sets it); an existing one is left alone. */
export async function makeHome(fs: ShellFs, home: string, uid: number, gid: number, mode: number): Promise<boolean> {
  if (await fs.exists(home).catch(() => false)) return false;
  await fs.mkdir(home, { recursive: true, mode });
  await fs.chmod(home, mode);
  await fs.chown(home, uid, gid);
  return true;
}

/** shadow-utils' and adduser's rule for names (NAME_REGEX): lower-case start, no ':' or spaces. */
export const validName = (name: string): boolean => /^[a-z_][a-z0-9_.-]*\$?$/.test(name) && name.length <= 32;
