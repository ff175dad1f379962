import { getopt, type Command, type CommandContext } from '@/lib/shell';
import { addGroup, addMember, addUser, findGroup, findUser, makeHome, nextId, readUsersDb, validName, writeUsersDb } from './users-db';

/**
 * shadow-utils' `useradd` and `groupadd` as Debian ships them (/etc/default/useradd and
 * /etc/login.defs defaults: shell /bin/sh, a group per user, UIDs from 1000, system ids counting
 * down from 999, no home unless -m). Exit codes are the man page's: 2 bad usage, 3 bad argument,
 * 4 id in use, 6 group missing, 9 name in use.
 */
const USERADD_USAGE = 'Usage: useradd [options] LOGIN\n       useradd -D\n       useradd -D [options]\n';

export const useradd: Command = async (ctx) => {
  const parsed = getopt(ctx.args, 'c:d:g:G:k:mMNors:u:UD', {
    comment: 'c', 'home-dir': 'd', gid: 'g', groups: 'G', skel: 'k', 'create-home': 'm', 'no-create-home': 'M',
    'no-user-group': 'N', 'non-unique': 'o', system: 'r', shell: 's', uid: 'u', 'user-group': 'U',
  });
  if ('error' in parsed || parsed.operands.length !== 1) {
    if ('error' in parsed) ctx.stderr.write(`useradd: ${parsed.error}\n`);
    ctx.stderr.write(USERADD_USAGE);
    return 2;
  }
  const name = parsed.operands[0] as string;
  const value = (letter: string): string | undefined => parsed.values.get(letter)?.at(-1);
  const fail = (message: string, code: number): number => {
    ctx.stderr.write(`useradd: ${message}\n`);
    return code;
  };
  if (!validName(name)) return fail(`invalid user name '${name}': use --badname to ignore`, 3);
  const db = await readUsersDb(ctx.fs);
  if (findUser(db, name) !== undefined) return fail(`user '${name}' already exists`, 9);
  const system = parsed.flags.has('r');

  let uid: number;
  const uidArg = value('u');
  if (uidArg !== undefined) {
    if (!/^\d+$/.test(uidArg)) return fail(`invalid user ID '${uidArg}'`, 3);
    uid = Number(uidArg);
    if (!parsed.flags.has('o') && db.users.some((u) => u.uid === uid)) return fail(`UID ${uid} is not unique`, 4);
  } else {
    const picked = system ? systemId(db.users.map((u) => u.uid)) : nextId(db.users.map((u) => u.uid), 1000, 60000);
    if (picked === undefined) return fail("can't get unique UID (no more available UIDs)", 4);
    uid = picked;
  }

  const groupArg = value('g');
  let gid: number;
  let newGroup = false;
  if (groupArg !== undefined) {
    const group = findGroup(db, groupArg);
    if (group === undefined) return fail(`group '${groupArg}' does not exist`, 6);
    gid = group.gid;
  } else if (parsed.flags.has('N')) {
    gid = 100; // USERS_GID
  } else {
    if (findGroup(db, name) !== undefined) return fail(`group ${name} exists - if you want to add this user to that group, use -g.`, 9);
    const taken = db.groups.map((g) => g.gid);
    gid = !taken.includes(uid) ? uid : ((system ? systemId(taken) : nextId(taken, 1000, 60000)) ?? uid);
    newGroup = true;
  }
  const extra = (value('G') ?? '').split(',').filter(Boolean);
  for (const g of extra) if (findGroup(db, g) === undefined) return fail(`group '${g}' does not exist`, 6);

  const home = value('d') ?? `/home/${name}`;
  if (newGroup) addGroup(db, { name, gid, members: [] });
  addUser(db, { name, uid, gid, gecos: value('c') ?? '', home, shell: value('s') ?? '/bin/sh' });
  for (const g of extra) addMember(db, findGroup(db, g)?.name ?? g, name);
  await writeUsersDb(ctx.fs, db);
  if (parsed.flags.has('m') && !parsed.flags.has('M')) {
    // login.defs HOME_MODE 0700 on bookworm; an existing directory only gets a warning.
    if (!(await makeHome(ctx.fs, home, uid, gid, 0o700))) ctx.stderr.write(`useradd: warning: the home directory ${home} already exists.\nuseradd: Not copying any file from skel directory into it.\n`);
    else await copySkel(ctx, home, uid, gid);
  }
  return 0;
};

/** SYS_UID_MIN..SYS_UID_MAX is 100..999; shadow-utils hands out system ids from the top. */
function systemId(taken: number[]): number | undefined {
  const used = new Set(taken);
  for (let id = 999; id >= 100; id--) if (!used.has(id)) return id;
  return undefined;
}

/** /etc/skel's dotfiles (Debian has .bashrc, .profile, .bash_logout) become the user's. */
async function copySkel(ctx: CommandContext, home: string, uid: number, gid: number): Promise<void> {
  let names: string[];
  try {
    names = await ctx.fs.readdir('/etc/skel');
  } catch {
    return;
  }
  for (const n of names) {
    try {
      await ctx.fs.writeFile(`${home}/${n}`, await ctx.fs.readFile(`/etc/skel/${n}`), { mode: 0o644 });
      await ctx.fs.chown(`${home}/${n}`, uid, gid);
    } catch {
      // a directory or unreadable entry in skel: skipped, as a shallow copy
    }
  }
}

export const groupadd: Command = async (ctx) => {
  const parsed = getopt(ctx.args, 'fg:orK:', { force: 'f', gid: 'g', 'non-unique': 'o', system: 'r', key: 'K' });
  if ('error' in parsed || parsed.operands.length !== 1) {
    if ('error' in parsed) ctx.stderr.write(`groupadd: ${parsed.error}\n`);
    ctx.stderr.write('Usage: groupadd [options] GROUP\n');
    return 2;
  }
  const name = parsed.operands[0] as string;
  if (!validName(name)) {
    ctx.stderr.write(`groupadd: '${name}' is not a valid group name\n`);
    return 3;
  }
  const db = await readUsersDb(ctx.fs);
  if (findGroup(db, name) !== undefined) {
    if (parsed.flags.has('f')) return 0;
    ctx.stderr.write(`groupadd: group '${name}' already exists\n`);
    return 9;
  }
  const gidArg = parsed.values.get('g')?.at(-1);
  const taken = db.groups.map((g) => g.gid);
  let gid: number | undefined;
  if (gidArg !== undefined) {
    if (!/^\d+$/.test(gidArg)) {
      ctx.stderr.write(`groupadd: invalid group ID '${gidArg}'\n`);
      return 3;
    }
    gid = Number(gidArg);
    if (taken.includes(gid) && !parsed.flags.has('o')) {
      if (!parsed.flags.has('f')) {
        ctx.stderr.write(`groupadd: GID '${gid}' already exists\n`);
        return 4;
      }
      gid = undefined;
    }
  }
  gid ??= parsed.flags.has('r') ? systemId(taken) : nextId(taken, 1000, 60000);
  if (gid === undefined) {
    ctx.stderr.write("groupadd: can't create group\n");
    return 4;
  }
  addGroup(db, { name, gid, members: [] });
  await writeUsersDb(ctx.fs, db);
  return 0;
};
