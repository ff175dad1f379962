import { dirName, joinPath, type ShellFs } from '@/lib/shell';
import { GitError, type GitRepository } from './repository';

/**
 * `git config` for the keys a student sets (`user.name`, `user.email`, `init.defaultBranch`, …):
 * the repository's `.git/config` and the global `~/.gitconfig`, through one small reader/writer
 * of git's INI format (isomorphic-git only knows the repository's file, and writes it in its own
 * layout).
 */

export type ConfigScope = 'local' | 'global';

/** `$HOME/.gitconfig`, where `git config --global` writes. */
export function globalConfigPath(env: Readonly<Record<string, string>>): string {
  return joinPath(env.HOME || '/root', '.gitconfig');
}

/** `section.key` or `section.sub.key` split into git's parts; null for a malformed key. */
export function parseConfigKey(key: string): { section: string; subsection: string | null; name: string } | null {
  const first = key.indexOf('.');
  const last = key.lastIndexOf('.');
  if (first <= 0 || last === key.length - 1) return null;
  const name = key.slice(last + 1);
  if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(name)) return null;
  return { section: key.slice(0, first).toLowerCase(), subsection: first === last ? null : key.slice(first + 1, last), name: name.toLowerCase() };
}

interface Line {
  text: string;
  /** `section` or `section.sub` (lower-cased section) of the block this line belongs to. */
  block: string;
  key?: string;
  value?: string;
}

function blockName(section: string, subsection: string | null): string {
  return subsection === null ? section : `${section}.${subsection}`;
}

function parseLines(text: string): Line[] {
  let block = '';
  return text.split('\n').map((line): Line => {
    const header = /^\s*\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/.exec(line);
    if (header) {
      block = blockName((header[1] as string).toLowerCase(), header[2] === undefined ? null : header[2].replace(/\\(.)/g, '$1'));
      return { text: line, block };
    }
    const entry = /^\s*([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!entry || line.trim().startsWith('#') || line.trim().startsWith(';')) return { text: line, block };
    return { text: line, block, key: (entry[1] as string).toLowerCase(), value: unquote(entry[2] ?? 'true') };
  });
}

/** Git's value syntax: quotes group, `\"` `\\` `\n` `\t` escape, an unquoted `#`/`;` starts a comment. */
function unquote(raw: string): string {
  let out = '';
  let quoted = false;
  // Whitespace outside quotes at the end is dropped; inside quotes it is kept.
  let keep = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (c === '"') {
      quoted = !quoted;
      keep = out.length;
    } else if (c === '\\' && i + 1 < raw.length) {
      const n = raw[++i] as string;
      out += n === 'n' ? '\n' : n === 't' ? '\t' : n;
      keep = out.length;
    } else if (!quoted && (c === '#' || c === ';')) break;
    else {
      out += c;
      if (quoted || !/\s/.test(c)) keep = out.length;
    }
  }
  return out.slice(0, keep);
}

function quoteValue(value: string): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  return /^\s|\s$|[#;]/.test(value) ? `"${escaped}"` : escaped;
}

async function readText(fs: ShellFs, path: string): Promise<string> {
  try {
    return new TextDecoder().decode(await fs.readFile(path));
  } catch {
    return '';
  }
}

/** The last value of `key` in a config file (git's "last one wins"), or undefined. */
export async function readConfigFile(fs: ShellFs, path: string, key: string): Promise<string | undefined> {
  const parsed = parseConfigKey(key);
  if (parsed === null) return undefined;
  const block = blockName(parsed.section, parsed.subsection);
  let value: string | undefined;
  for (const line of parseLines(await readText(fs, path))) if (line.block === block && line.key === parsed.name) value = line.value;
  return value;
}

/** Every `key=value` of a config file in file order, as `git config --list` prints them. */
export async function listConfigFile(fs: ShellFs, path: string): Promise<string[]> {
  return parseLines(await readText(fs, path))
    .filter((line) => line.key !== undefined)
    .map((line) => `${line.block}.${line.key}=${line.value}`);
}

/** Sets `key` in a config file: replaces its last occurrence or appends to (or creates) its section. */
export async function writeConfigFile(fs: ShellFs, path: string, key: string, value: string): Promise<void> {
  const parsed = parseConfigKey(key);
  if (parsed === null) throw invalidKey(key);
  const block = blockName(parsed.section, parsed.subsection);
  const lines = parseLines(await readText(fs, path));
  if (lines.length > 0 && lines[lines.length - 1]?.text === '') lines.pop();
  const entry = { text: `\t${parsed.name} = ${quoteValue(value)}`, block, key: parsed.name, value };
  const existing = lines.map((l) => l.block === block && l.key === parsed.name).lastIndexOf(true);
  const lastInBlock = lines.map((l) => l.block === block).lastIndexOf(true);
  if (existing >= 0) lines[existing] = entry;
  else if (lastInBlock >= 0) lines.splice(lastInBlock + 1, 0, entry);
  else {
    const header = parsed.subsection === null ? `[${parsed.section}]` : `[${parsed.section} "${parsed.subsection.replace(/(["\\])/g, '\\$1')}"]`;
    lines.push({ text: header, block }, entry);
  }
  await fs.mkdir(dirName(path), { recursive: true });
  await fs.writeFile(path, lines.map((l) => l.text).join('\n') + '\n');
}

function invalidKey(key: string): GitError {
  return parseConfigKey(`${key}.x`) === null || !key.includes('.')
    ? new GitError('config', `error: key does not contain a section: ${key}`, 1)
    : new GitError('config', `error: invalid key: ${key}`, 1);
}

/** Checks a key the way `git config` does before reading or writing it. */
export function assertConfigKey(key: string): void {
  if (parseConfigKey(key) === null) throw invalidKey(key);
}

/** The repository's `.git/config` (same reader and writer as the global file, so both look like git's). */
export async function readRepoConfig(repo: GitRepository, key: string): Promise<string | undefined> {
  return readConfigFile(repo.shellFs, joinPath(repo.gitdir, 'config'), key);
}

export async function writeRepoConfig(repo: GitRepository, key: string, value: string): Promise<void> {
  await writeConfigFile(repo.shellFs, joinPath(repo.gitdir, 'config'), key, value);
}

/** A key's value the way git looks it up: the repository's config over the global one. */
export async function lookupConfig(fs: ShellFs, env: Readonly<Record<string, string>>, repo: GitRepository | null, key: string): Promise<string | undefined> {
  const local = repo === null ? undefined : await readRepoConfig(repo, key);
  return local ?? (await readConfigFile(fs, globalConfigPath(env), key));
}
