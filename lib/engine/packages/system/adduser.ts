import { getopt, type Command, type CommandContext } from '@/lib/shell';
import { isBusyboxApplet } from '../shared/image-facts';
import { addGroup, addMember, addUser, findGroup, findUser, freeId, makeHome, readUsersDb, validName, writeUsersDb, type UsersDb } from './users-db';

/**
 * `adduser` and `addgroup` come in two unrelated tools: Debian's Perl `adduser` (long options,
 * chatty output, system users in /nonexistent) and busybox's applets on Alpine (short options,
 * silent, `-D` to skip the password). Which one runs is decided like the real system decides it:
 * by what the binary on PATH is (a link to busybox or not).
 */
export const adduser: Command = async (ctx) => ((await isBusyboxApplet(ctx, 'adduser')) ? busyboxAdduser(ctx) : debianAdduser(ctx));
export const addgroup: Command = async (ctx) => ((await isBusyboxApplet(ctx, 'addgroup')) ? busyboxAddgroup(ctx) : debianAddgroup(ctx));

const first = (p: { values: Map<string, string[]> }, k: string): string | undefined => p.values.get(k)?.at(-1);

async function debianAdduser(ctx: CommandContext): Promise<number> {
  // Debian's adduser takes long options; the letters are only getopt's internal names.
  const parsed = getopt(ctx.args, 'SGi:u:g:h:s:HDLc:qf:l:', { system: 'S', group: 'G', ingroup: 'i', uid: 'u', gid: 'g', home: 'h', shell: 's', 'no-create-home': 'H', 'disabled-password': 'D', 'disabled-login': 'L', gecos: 'c', comment: 'c', quiet: 'q', firstuid: 'f', lastuid: 'l' });
  if ('error' in parsed) return usage(ctx, 'adduser', `adduser: ${parsed.error}`);
  const [name, group] = parsed.operands;
  if (name === undefined) return usage(ctx, 'adduser', 'adduser: Only one or two names allowed.');
  const db = await readUsersDb(ctx.fs);
  const say = (line: string): void => void (parsed.flags.has('q') ? undefined : ctx.stdout.write(`${line}\n`));
  if (group !== undefined) return addToGroup(ctx, db, name, group, say);
  if (parsed.flags.has('G') && !parsed.flags.has('S')) return createDebianGroup(ctx, db, name, false, first(parsed, 'g'), say);
  if (!validName(name)) return die(ctx, 'adduser', `Please enter a username matching the regular expression\nconfigured via the NAME_REGEX configuration variable.  Use the \`--allow-bad-names' option to\nrelax this check or reconfigure NAME_REGEX in configuration.`, 1);
  const system = parsed.flags.has('S');
  if (findUser(db, name) !== undefined) {
    if (system) return 0; // adduser --system is idempotent for an existing system user
    return die(ctx, 'adduser', `The user \`${name}' already exists.`, 1);
  }
  const uidArg = first(parsed, 'u');
  const uid = uidArg !== undefined ? Number(uidArg) : freeId(db.users.map((u) => u.uid), system ? 100 : 1000, system ? 999 : 59999);
  if (uid === undefined || !Number.isInteger(uid)) return die(ctx, 'adduser', 'No UID is available in the range', 1);
  if (uidArg !== undefined && db.users.some((u) => u.uid === uid)) return die(ctx, 'adduser', `The UID ${uid} is already in use.`, 1);
  const home = first(parsed, 'h') ?? (system ? '/nonexistent' : `/home/${name}`);
  const shell = first(parsed, 's') ?? (system ? '/usr/sbin/nologin' : '/bin/bash');
  const ingroup = first(parsed, 'i') ?? first(parsed, 'g');
  let gid: number;
  let groupName: string;
  if (ingroup !== undefined) {
    const g = findGroup(db, ingroup);
    if (g === undefined) return die(ctx, 'adduser', `The group \`${ingroup}' does not exist.`, 1);
    gid = g.gid;
    groupName = g.name;
  } else if (system && !parsed.flags.has('G')) {
    gid = 65534;
    groupName = 'nogroup';
  } else {
    if (findGroup(db, name) !== undefined) return die(ctx, 'adduser', `The group \`${name}' already exists.`, 1);
    const taken = db.groups.map((g) => g.gid);
    gid = !taken.includes(uid) ? uid : (freeId(taken, system ? 100 : 1000, system ? 999 : 59999) ?? uid);
    groupName = name;
    say(`Adding ${system ? 'system ' : ''}user \`${name}' ...`);
    say(`Adding new group \`${name}' (${gid}) ...`);
    addGroup(db, { name, gid, members: [] });
  }
  say(`Adding new user \`${name}' (${uid}) with group \`${groupName} (${gid})' ...`);
  addUser(db, { name, uid, gid, gecos: first(parsed, 'c') ?? '', home, shell });
  if (!system && findGroup(db, 'users') !== undefined) {
    say(`Adding new user \`${name}' to supplemental / extra groups \`users' ...`);
    say(`Adding user \`${name}' to group \`users' ...`);
    addMember(db, 'users', name);
  }
  await writeUsersDb(ctx.fs, db);
  if (parsed.flags.has('H') || home === '/nonexistent') say(`Not creating ${home === '/nonexistent' ? '' : 'home directory '}\`${home}'.`);
  else if (await makeHome(ctx.fs, home, uid, gid, 0o700)) say(`Creating home directory \`${home}' ...\nCopying files from \`/etc/skel' ...`);
  if (!system && !parsed.flags.has('D') && !parsed.flags.has('L')) {
    // A build has no terminal: passwd reads EOF and adduser gives up, with the user already created.
    ctx.stderr.write(`New password: Retype new password: passwd: Authentication token manipulation error\npasswd: password unchanged\nadduser: \`/usr/bin/passwd ${name}' returned error code 10. Exiting.\n`);
    return 1;
  }
  return 0;
}

async function debianAddgroup(ctx: CommandContext): Promise<number> {
  const parsed = getopt(ctx.args, 'Sg:q', { system: 'S', gid: 'g', quiet: 'q' });
  if ('error' in parsed) return usage(ctx, 'addgroup', `addgroup: ${parsed.error}`);
  const [name, group] = parsed.operands;
  if (name === undefined) return usage(ctx, 'addgroup', 'addgroup: Only one or two names allowed.');
  const db = await readUsersDb(ctx.fs);
  const say = (line: string): void => void (parsed.flags.has('q') ? undefined : ctx.stdout.write(`${line}\n`));
  if (group !== undefined) return addToGroup(ctx, db, name, group, say);
  return createDebianGroup(ctx, db, name, parsed.flags.has('S'), first(parsed, 'g'), say);
}

async function createDebianGroup(ctx: CommandContext, db: UsersDb, name: string, system: boolean, gidArg: string | undefined, say: (l: string) => void): Promise<number> {
  if (findGroup(db, name) !== undefined) {
    if (system) return 0;
    return die(ctx, 'addgroup', `The group \`${name}' already exists.`, 1);
  }
  const taken = db.groups.map((g) => g.gid);
  const gid = gidArg !== undefined ? Number(gidArg) : freeId(taken, system ? 100 : 1000, system ? 999 : 59999);
  if (gid === undefined || !Number.isInteger(gid)) return die(ctx, 'addgroup', 'No GID is available in the range', 1);
  if (gidArg !== undefined && taken.includes(gid)) return die(ctx, 'addgroup', `The GID \`${gid}' is already in use.`, 1);
  say(`Adding ${system ? 'system ' : ''}group \`${name}' (GID ${gid}) ...`);
  addGroup(db, { name, gid, members: [] });
  await writeUsersDb(ctx.fs, db);
  return 0;
}

async function addToGroup(ctx: CommandContext, db: UsersDb, user: string, group: string, say: (l: string) => void): Promise<number> {
  if (findUser(db, user) === undefined) return die(ctx, 'adduser', `The user \`${user}' does not exist.`, 1);
  if (findGroup(db, group) === undefined) return die(ctx, 'adduser', `The group \`${group}' does not exist.`, 1);
  say(`Adding user \`${user}' to group \`${group}' ...`);
  addMember(db, group, user);
  await writeUsersDb(ctx.fs, db);
  return 0;
}

async function busyboxAdduser(ctx: CommandContext): Promise<number> {
  const parsed = getopt(ctx.args, 'h:g:s:G:SDHu:k:');
  if ('error' in parsed) return usage(ctx, 'adduser', `adduser: ${parsed.error}`, 'BusyBox v1.36.1 multi-call binary.\n\nUsage: adduser [OPTIONS] USER [GROUP]\n');
  const [name, group] = parsed.operands;
  if (name === undefined) return usage(ctx, 'adduser', '', 'BusyBox v1.36.1 multi-call binary.\n\nUsage: adduser [OPTIONS] USER [GROUP]\n');
  const db = await readUsersDb(ctx.fs);
  if (group !== undefined && findUser(db, name) !== undefined) {
    if (findGroup(db, group) === undefined) return die(ctx, 'adduser', `unknown group ${group}`, 1);
    addMember(db, group, name);
    await writeUsersDb(ctx.fs, db);
    return 0;
  }
  if (findUser(db, name) !== undefined) return die(ctx, 'adduser', `user '${name}' in use`, 1);
  const system = parsed.flags.has('S');
  const uidArg = first(parsed, 'u');
  const uid = uidArg !== undefined ? Number(uidArg) : freeId(db.users.map((u) => u.uid), system ? 100 : 1000, system ? 999 : 64999);
  if (uid === undefined || !Number.isInteger(uid)) return die(ctx, 'adduser', 'no free uid', 1);
  if (db.users.some((u) => u.uid === uid)) return die(ctx, 'adduser', `uid '${uid}' in use`, 1);
  const groupArg = first(parsed, 'G') ?? group;
  let gid: number;
  if (groupArg !== undefined) {
    const g = findGroup(db, groupArg);
    if (g === undefined) return die(ctx, 'adduser', `unknown group ${groupArg}`, 1);
    gid = g.gid;
  } else if (system) {
    gid = findGroup(db, 'nogroup')?.gid ?? 65533;
  } else {
    if (findGroup(db, name) !== undefined) return die(ctx, 'adduser', `group '${name}' in use`, 1);
    const taken = db.groups.map((g) => g.gid);
    gid = !taken.includes(uid) ? uid : (freeId(taken, 1000, 64999) ?? uid);
    addGroup(db, { name, gid, members: [] });
  }
  const home = first(parsed, 'h') ?? `/home/${name}`;
  addUser(db, { name, uid, gid, gecos: first(parsed, 'g') ?? 'Linux User,,,', home, shell: first(parsed, 's') ?? (system ? '/sbin/nologin' : '/bin/sh') });
  await writeUsersDb(ctx.fs, db);
  if (!parsed.flags.has('H')) await makeHome(ctx.fs, home, uid, gid, 0o755);
  if (!parsed.flags.has('D') && !system) {
    // busybox runs passwd, which reads EOF in a build: the user stays, the step fails.
    ctx.stderr.write(`Changing password for ${name}\nNew password: \npasswd: password for ${name} is unchanged\n`);
    return 1;
  }
  return 0;
}

async function busyboxAddgroup(ctx: CommandContext): Promise<number> {
  const parsed = getopt(ctx.args, 'g:S');
  if ('error' in parsed) return usage(ctx, 'addgroup', `addgroup: ${parsed.error}`, 'BusyBox v1.36.1 multi-call binary.\n\nUsage: addgroup [-g GID] [-S] [USER] GROUP\n');
  const db = await readUsersDb(ctx.fs);
  if (parsed.operands.length === 2) {
    const [user = '', group = ''] = parsed.operands;
    if (findUser(db, user) === undefined) return die(ctx, 'addgroup', `unknown user ${user}`, 1);
    if (findGroup(db, group) === undefined) return die(ctx, 'addgroup', `unknown group ${group}`, 1);
    addMember(db, group, user);
    await writeUsersDb(ctx.fs, db);
    return 0;
  }
  const name = parsed.operands[0];
  if (name === undefined || parsed.operands.length > 2) return usage(ctx, 'addgroup', '', 'BusyBox v1.36.1 multi-call binary.\n\nUsage: addgroup [-g GID] [-S] [USER] GROUP\n');
  if (findGroup(db, name) !== undefined) return die(ctx, 'addgroup', `group '${name}' in use`, 1);
  const taken = db.groups.map((g) => g.gid);
  const gidArg = first(parsed, 'g');
  const gid = gidArg !== undefined ? Number(gidArg) : freeId(taken, parsed.flags.has('S') ? 100 : 1000, parsed.flags.has('S') ? 999 : 64999);
  if (gid === undefined || !Number.isInteger(gid)) return die(ctx, 'addgroup', 'no gids left', 1);
  if (taken.includes(gid)) return die(ctx, 'addgroup', `gid '${gid}' in use`, 1);
  addGroup(db, { name, gid, members: [] });
  await writeUsersDb(ctx.fs, db);
  return 0;
}

function die(ctx: CommandContext, tool: string, message: string, code: number): number {
  ctx.stderr.write(`${tool}: ${message}\n`);
  return code;
}

function usage(ctx: CommandContext, tool: string, message: string, text = `${tool} [--home DIR] [--shell SHELL] [--no-create-home] [--uid ID] [--gecos GECOS] [--ingroup GROUP | --gid ID] [--disabled-password] [--disabled-login] USER\n`): number {
  if (message !== '') ctx.stderr.write(`${message}\n`);
  ctx.stderr.write(text);
  return 1;
}
