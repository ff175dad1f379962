import { joinPath, resolvePath } from '@/lib/shell';
import type { DockerCommand } from '../docker/command';

/**
 * Tab completion, pure: what can follow the word under the cursor — command names first on a
 * line (or after `|`, `;`, `&&`, `$(`), docker subcommands and their flags (read from each
 * command's `--help` text, so a new subcommand completes without touching this file), image
 * references and container names where docker takes them, paths everywhere else.
 */
export interface CompletionEnv {
  /** Command names the current shell knows (its table and builtins). */
  readonly commands: readonly string[];
  readonly dockerCommands: readonly DockerCommand[];
  /** `repo:tag` names of the current host's images. */
  images(): Promise<readonly string[]>;
  containers(): Promise<readonly string[]>;
  /** Entries of an absolute directory, or undefined when it is not one. */
  listDir(path: string): Promise<readonly { name: string; dir: boolean }[] | undefined>;
  readonly cwd: string;
  readonly home: string;
}

export interface Completion {
  /** The word being completed is `line.slice(start, cursor)`. */
  readonly start: number;
  /** Sorted, without duplicates; directories end with `/`. */
  readonly candidates: readonly string[];
  /** The longest text every candidate starts with (what one Tab inserts). */
  readonly common: string;
  /** A single candidate that is not a directory: the terminal appends a space after it. */
  readonly complete: boolean;
}

export const SHELL_BUILTINS = ['alias', 'cd', 'command', 'eval', 'exit', 'export', 'read', 'readonly', 'return', 'set', 'shift', 'source', 'trap', 'type', 'umask', 'unset'];

/** Docker subcommands whose operands are images / containers (by their first path word). */
const IMAGE_OPERANDS = new Set(['run', 'create', 'rmi', 'tag', 'push', 'history', 'inspect', 'save', 'pull', 'image', 'images']);
const CONTAINER_OPERANDS = new Set(['start', 'stop', 'restart', 'rm', 'logs', 'exec', 'commit', 'export', 'attach', 'kill', 'container', 'port', 'top', 'diff']);
/** Flags whose value is a file or directory. */
const PATH_FLAGS = new Set(['-o', '--output', '-i', '--input', '-f', '--file', '--iidfile', '--env-file']);

export async function complete(line: string, cursor: number, env: CompletionEnv): Promise<Completion> {
  const before = line.slice(0, cursor);
  const words = splitWords(before);
  const current = words.pop() ?? { text: '', start: cursor };
  const prefix = current.text;
  let candidates: string[];
  if (words.length === 0) {
    candidates = prefix.includes('/') ? await paths(prefix, env, false) : [...new Set([...env.commands, ...SHELL_BUILTINS])].filter((c) => c.startsWith(prefix));
  } else if (words[0]?.text === 'docker') {
    candidates = await dockerCandidates(words.slice(1).map((w) => w.text), prefix, env);
  } else if (words[0]?.text === 'cd') {
    candidates = await paths(prefix, env, true);
  } else {
    candidates = await paths(prefix, env, false);
  }
  candidates = [...new Set(candidates)].sort();
  const common = candidates.length === 0 ? prefix : commonPrefix(candidates);
  return { start: current.start, candidates, common, complete: candidates.length === 1 && !(candidates[0] as string).endsWith('/') };
}

/** Words of the command the cursor is in, with their offsets; quotes are kept out of the text. */
function splitWords(text: string): { text: string; start: number }[] {
  let words: { text: string; start: number }[] = [];
  let word: { text: string; start: number } | undefined;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      else (word as { text: string }).text += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      word ??= { text: '', start: i };
      continue;
    }
    if (/\s/.test(c) || '|;&()'.includes(c) || (c === '$' && text[i + 1] === '(')) {
      if (word !== undefined) words.push(word);
      word = undefined;
      // A new command starts: only its words matter.
      if ('|;&('.includes(c) || c === '$') words = [];
      continue;
    }
    if (c === '\\' && i + 1 < text.length) {
      word ??= { text: '', start: i };
      word.text += text[++i] as string;
      continue;
    }
    word ??= { text: '', start: i };
    word.text += c;
  }
  if (word !== undefined) words.push(word);
  else words.push({ text: '', start: text.length });
  return words;
}

async function dockerCandidates(args: readonly string[], prefix: string, env: CompletionEnv): Promise<string[]> {
  const positionals = args.filter((a) => !a.startsWith('-'));
  const found = longestCommand(positionals, env.dockerCommands);
  const previous = args[args.length - 1];
  if (previous !== undefined && PATH_FLAGS.has(previous)) return paths(prefix, env, false);
  if (prefix.startsWith('-')) {
    const flags = found === undefined ? ['--help', '--version'] : [...flagsOf(found.command.usage), '--help'];
    return flags.filter((f) => f.startsWith(prefix));
  }
  if (found === undefined) {
    // Choosing a subcommand: top-level words, or the second word of a group (`image ls`).
    const group = positionals[0];
    const inGroup = group !== undefined && env.dockerCommands.some((c) => c.path.length > 1 && c.path[0] === group);
    if (positionals.length === 0) return [...new Set(env.dockerCommands.map((c) => c.path[0] as string))].filter((n) => n.startsWith(prefix));
    if (inGroup && positionals.length === 1) return env.dockerCommands.filter((c) => c.path[0] === group && c.path.length > 1).map((c) => c.path[1] as string).filter((n) => n.startsWith(prefix));
    return paths(prefix, env, false);
  }
  const head = found.command.path[0] as string;
  const isBuild = found.command.path.includes('build');
  if (isBuild) return paths(prefix, env, false);
  const images = IMAGE_OPERANDS.has(head) && !(head === 'image' && found.command.path[1] === 'prune');
  const containers = CONTAINER_OPERANDS.has(head);
  // `docker run IMAGE CMD…`: only the first operand is an image.
  if (head === 'run' && positionals.length > found.length) return paths(prefix, env, false);
  const names = [...(images ? await env.images() : []), ...(containers ? await env.containers() : [])];
  return names.filter((n) => n.startsWith(prefix));
}

function longestCommand(positionals: readonly string[], commands: readonly DockerCommand[]): { command: DockerCommand; length: number } | undefined {
  let best: { command: DockerCommand; length: number } | undefined;
  for (const command of commands) {
    for (const path of [command.path, ...(command.aliases ?? [])]) {
      if (path.length > positionals.length || !path.every((w, i) => positionals[i] === w)) continue;
      if (best === undefined || path.length > best.length) best = { command, length: path.length };
    }
  }
  return best;
}

/** `-a, --all`, `--digests`, `-f, --filter filter` lines of a cobra usage text. */
export function flagsOf(usage: string): string[] {
  const flags: string[] = [];
  for (const match of usage.matchAll(/^\s+(?:(-[a-zA-Z]), )?(--[a-zA-Z0-9-]+)/gm)) {
    if (match[1] !== undefined) flags.push(match[1]);
    flags.push(match[2] as string);
  }
  return flags;
}

async function paths(prefix: string, env: CompletionEnv, dirsOnly: boolean): Promise<string[]> {
  const slash = prefix.lastIndexOf('/');
  const dirText = slash < 0 ? '' : prefix.slice(0, slash + 1);
  const namePrefix = prefix.slice(slash + 1);
  const expanded = dirText.startsWith('~') ? env.home + dirText.slice(1) : dirText;
  const dir = expanded === '' ? env.cwd : resolvePath(env.cwd, expanded);
  const entries = (await env.listDir(dir)) ?? [];
  return entries
    .filter((e) => e.name.startsWith(namePrefix) && (namePrefix.startsWith('.') || !e.name.startsWith('.')) && (!dirsOnly || e.dir))
    .map((e) => `${dirText}${e.name}${e.dir ? '/' : ''}`);
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] as string;
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** A CompletionEnv's `listDir` over any fs with readdir and stat. */
export function listDirOf(fs: { readdir(path: string): Promise<string[]>; stat(path: string): Promise<{ type: string }> }): CompletionEnv['listDir'] {
  return async (path) => {
    try {
      const names = await fs.readdir(path);
      return Promise.all(names.map(async (name) => ({ name, dir: (await fs.stat(joinPath(path, name)).catch(() => undefined))?.type === 'dir' })));
    } catch {
      return undefined;
    }
  };
}
