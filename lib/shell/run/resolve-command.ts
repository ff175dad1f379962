import { baseName, joinPath, resolvePath } from '../fs/paths';
import type { ShellFs } from '../fs/shell-fs';
import type { Command, CommandTable, ResolveCommand } from './command-types';

/**
 * Command lookup. `tableResolver` runs anything the table has (tests, the terminal);
 * `pathResolver` also demands an executable file in a PATH directory, as exec(2) would — the
 * engine uses it so `bash` runs only in images that ship /bin/bash. Both run script files:
 * a `#!` line picks the interpreter (itself looked up, so `#!/bin/bash` needs bash), and a text
 * file without one is run by the shell, as dash does on ENOEXEC.
 */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Scripts above this size are not sniffed for `#!`: large files are binaries in the model. */
const SNIFF_LIMIT = 256 * 1024;

export function tableResolver(commands: CommandTable): ResolveCommand {
  return async (name, _env, fs, cwd) => (name.includes('/') ? fileCommand(resolvePath(cwd, name), commands, fs) : own(commands, name));
}

export function pathResolver(commands: CommandTable): ResolveCommand {
  return async (name, env, fs, cwd) => {
    if (name.includes('/')) return fileCommand(resolvePath(cwd, name), commands, fs);
    for (const dir of (env.PATH ?? DEFAULT_PATH).split(':')) {
      const path = joinPath(resolvePath(cwd, dir === '' ? '.' : dir), name);
      try {
        const stat = await fs.stat(path);
        if (stat.type !== 'file' || (stat.mode & 0o111) === 0) continue;
      } catch {
        continue;
      }
      return fileCommand(path, commands, fs);
    }
    return undefined;
  };
}

function own(commands: CommandTable, name: string): Command | undefined {
  return Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
}

/** What runs the file at `path`: its `#!` interpreter, the table entry of its name, or the shell. */
async function fileCommand(path: string, commands: CommandTable, fs: ShellFs): Promise<Command | undefined> {
  let head: string | undefined;
  try {
    const stat = await fs.stat(path);
    if (stat.type !== 'file') return undefined;
    if (stat.size <= SNIFF_LIMIT) head = new TextDecoder().decode(await fs.readFile(path));
  } catch {
    return undefined;
  }
  if (head?.startsWith('#!')) return shebangCommand(path, head.slice(2, (head.indexOf('\n') + 1 || head.length + 1) - 1));
  const byName = own(commands, baseName(path));
  if (byName !== undefined) return byName;
  if (head !== undefined && !head.includes('\0')) {
    const script = head;
    return (ctx) => ctx.runScript(script, { argv0: path, args: [...ctx.args] });
  }
  return undefined;
}

function shebangCommand(path: string, line: string): Command {
  const [interpreter = '', ...rest] = line.trim().split(/[ \t]+/);
  // Linux passes everything after the interpreter as one argument.
  const arg = rest.join(' ');
  return (ctx) => {
    const argv = baseName(interpreter) === 'env' && arg !== '' ? [...arg.split(' '), path, ...ctx.args] : [interpreter, ...(arg === '' ? [] : [arg]), path, ...ctx.args];
    return ctx.exec(argv);
  };
}
