import type { CommandContext } from '@/lib/shell';
import type { AptCatalog } from './apt-catalog';

/**
 * What every apt-get/apt operation shares: the parsed options, the catalog, the command context,
 * and the steps apt always takes (the "Reading package lists..." preamble, the prompt).
 */
export interface AptOptions {
  yes: boolean;
  recommends: boolean;
  purge: boolean;
  quiet: number;
  /** `apt` (the user-facing front end) or `apt-get`; they differ in a few texts. */
  front: 'apt' | 'apt-get';
}

export interface AptSession {
  ctx: CommandContext;
  catalog: AptCatalog;
  options: AptOptions;
}

export const LISTS_DIR = '/var/lib/apt/lists';
export const ARCHIVES_DIR = '/var/cache/apt/archives';

export function out(session: AptSession, text: string): void {
  session.ctx.stdout.write(text);
}

/** Without a tty apt prints the progress lines without their "Done" (as in `docker build` logs). */
export function readingLists(session: AptSession, withState = true): void {
  if (session.options.quiet >= 2) return;
  out(session, 'Reading package lists...\n');
  if (withState) out(session, 'Building dependency tree...\nReading state information...\n');
}

/** apt-get update's index files present? `rm -rf /var/lib/apt/lists/*` makes this false again. */
export async function listsReady(session: AptSession): Promise<boolean> {
  for (const index of session.catalog.file.lists.indexes) {
    if (!index.name.endsWith('Packages')) continue;
    if (await session.ctx.fs.exists(`${LISTS_DIR}/${index.file}`)) return true;
  }
  return false;
}

/**
 * apt's confirmation. Without -y it asks; in `docker build` stdin is empty, so the answer is EOF
 * and apt prints "Abort." on the prompt's line and exits 1. In the terminal a typed answer counts.
 */
export async function confirm(session: AptSession): Promise<boolean> {
  if (session.options.yes) return true;
  out(session, 'Do you want to continue? [Y/n] ');
  const answer = session.ctx.stdin.readLine();
  if (answer !== undefined && /^(y|yes|)$/i.test(answer.line.trim())) return true;
  out(session, 'Abort.\n');
  return false;
}

/** apt refuses to run unprivileged: it cannot take dpkg's lock (exit 100). */
export function needRoot(session: AptSession, lock = '/var/lib/dpkg/lock-frontend'): boolean {
  if (session.ctx.user.uid === 0) return true;
  session.ctx.stderr.write(
    lock === '/var/lib/apt/lists/lock'
      ? `E: Could not open lock file ${lock} - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n`
      : `E: Could not open lock file ${lock} - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (${lock}), are you root?\n`,
  );
  return false;
}

/** `.deb` file name as apt stores it in the archives: an epoch's colon is escaped (`1%3a2.3`). */
export function debFileName(name: string, version: string, arch: string): string {
  return `${name}_${version.replace(':', '%3a')}_${arch}.deb`;
}

/** Debian's stock docker-clean hook deletes downloaded .debs after every dpkg run. */
export async function keepsDebs(session: AptSession): Promise<boolean> {
  try {
    const text = new TextDecoder().decode(await session.ctx.fs.readFile('/etc/apt/apt.conf.d/docker-clean'));
    return !text.includes('archives/*.deb');
  } catch {
    return true;
  }
}
