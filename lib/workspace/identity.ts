import type { ShellFs } from '@/lib/shell';
import { lookupConfig } from './config';
import { GitError, type GitRepository } from './repository';

/**
 * Who makes a commit, and when, resolved as git does: `GIT_AUTHOR_NAME` / `GIT_AUTHOR_EMAIL` /
 * `GIT_AUTHOR_DATE` (and the `GIT_COMMITTER_*` trio) over `user.name` / `user.email` from the
 * repository's config over `~/.gitconfig`.
 *
 * Where real git would stop with "Author identity unknown", the sandbox commits as
 * `Student <student@layerlab.dev>` instead: a student's first `git commit` should work, and
 * `git config user.name …` still changes it. The time is the injected clock (`now`), so tests
 * and transcripts get the same hashes on every run.
 */
export const DEFAULT_IDENTITY = { name: 'Student', email: 'student@layerlab.dev' } as const;

/** isomorphic-git's person shape: seconds since the epoch, offset in minutes west of UTC. */
export interface GitPerson {
  readonly name: string;
  readonly email: string;
  readonly timestamp: number;
  readonly timezoneOffset: number;
}

type Env = Readonly<Record<string, string>>;

export async function resolvePeople(
  fs: ShellFs,
  env: Env,
  repo: GitRepository | null,
  now: () => number,
): Promise<{ author: GitPerson; committer: GitPerson }> {
  const userName = (await lookupConfig(fs, env, repo, 'user.name')) ?? DEFAULT_IDENTITY.name;
  const userEmail = (await lookupConfig(fs, env, repo, 'user.email')) ?? DEFAULT_IDENTITY.email;
  const person = (role: 'AUTHOR' | 'COMMITTER'): GitPerson => {
    const date = env[`GIT_${role}_DATE`];
    const when = date ? parseGitDate(date) : { timestamp: Math.floor(now() / 1000), timezoneOffset: 0 };
    return { name: env[`GIT_${role}_NAME`] || userName, email: env[`GIT_${role}_EMAIL`] || userEmail, ...when };
  };
  return { author: person('AUTHOR'), committer: person('COMMITTER') };
}

/**
 * The date forms git accepts in `GIT_AUTHOR_DATE`: its internal `[@]<seconds> <±hhmm>`, ISO 8601
 * (`2024-01-02T03:04:05Z`, `2024-01-02 03:04:05 +0200`) and RFC 2822
 * (`Tue, 02 Jan 2024 03:04:05 +0200`). Without a zone the time is UTC (the sandbox's TZ).
 */
export function parseGitDate(text: string): { timestamp: number; timezoneOffset: number } {
  const trimmed = text.trim();
  const raw = /^@?(\d+)(?:\s+([+-])(\d\d)(\d\d))?$/.exec(trimmed);
  if (raw) {
    const minutes = raw[2] === undefined ? 0 : (raw[2] === '-' ? -1 : 1) * (Number(raw[3]) * 60 + Number(raw[4]));
    return { timestamp: Number(raw[1]), timezoneOffset: -minutes || 0 };
  }
  const zone = /(?:\s*([+-])(\d\d):?(\d\d)|\s*(Z|UTC|GMT))$/.exec(trimmed);
  const minutes = zone && zone[1] !== undefined ? (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3])) : 0;
  const local = zone ? trimmed.slice(0, zone.index) : trimmed;
  const ms = Date.parse(`${local.replace(' ', 'T').replace(/^[A-Za-z]{3},\s*/, '')}Z`);
  const fallback = Date.parse(`${local} GMT`);
  const utc = Number.isNaN(ms) ? fallback : ms;
  if (Number.isNaN(utc)) throw new GitError('usage', `fatal: invalid date format: ${text}`);
  return { timestamp: Math.floor(utc / 1000) - minutes * 60, timezoneOffset: -minutes || 0 };
}

/** `+0200`: git's zone for a timezoneOffset in minutes west of UTC. */
export function formatZone(timezoneOffset: number): string {
  const east = -timezoneOffset;
  const abs = Math.abs(east);
  return `${east < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Sat Nov 28 11:32:50 2026 +0000`: `git log`'s default date, in the author's own zone. */
export function formatGitDate(person: { timestamp: number; timezoneOffset: number }): string {
  const d = new Date((person.timestamp - person.timezoneOffset * 60) * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${time} ${d.getUTCFullYear()} ${formatZone(person.timezoneOffset)}`;
}
