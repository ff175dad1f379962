import type { Command, ShellDialect } from '../run/command-types';
import { decodeText } from '../run/streams';

/**
 * `sh`, `dash`, `bash`, `ash` as commands, so `sh -c '...'`, `bash script.sh`, `curl ... | sh`
 * and shebang lines run through the same interpreter. Which of them exists in an image is the
 * resolver's business (`pathResolver` wants /bin/bash for bash).
 */
function shell(dialect: ShellDialect): Command {
  return async (ctx) => {
    const args = [...ctx.args];
    const setArgs: string[] = [];
    let command: string | undefined;
    let readStdin = false;
    while (args.length > 0) {
      const a = args[0] as string;
      if (a === '--') {
        args.shift();
        break;
      }
      if (!/^[-+]/.test(a) || a === '-' ) break;
      args.shift();
      if (a === '-o' || a === '+o') {
        setArgs.push(a, args.shift() ?? '');
        continue;
      }
      if (a === '--login' || a === '--norc' || a === '--noprofile' || a === '--posix') continue;
      for (const letter of a.slice(1)) {
        if (letter === 'c') command = '';
        else if (letter === 's') readStdin = true;
        else if (letter === 'l' || letter === 'i' || letter === 'p') continue;
        else setArgs.push(`${a[0]}${letter}`);
      }
    }
    const name = baseName(ctx.name);
    if (command !== undefined) {
      const script = args.shift();
      if (script === undefined) {
        ctx.stderr.write(dialect === 'bash' ? `${name}: -c: option requires an argument\n` : `${name}: 0: -c requires an argument\n`);
        return 2;
      }
      return ctx.runScript(script, { argv0: args[0] ?? name, args: args.slice(1), setArgs, dialect });
    }
    const file = readStdin ? undefined : args.shift();
    if (file === undefined) return ctx.runScript(ctx.stdin.text(), { argv0: name, args, setArgs, dialect });
    let text: string;
    try {
      text = decodeText(await ctx.fs.readFile(ctx.resolve(file)));
    } catch {
      ctx.stderr.write(dialect === 'bash' ? `${name}: ${file}: No such file or directory\n` : `${name}: 0: cannot open ${file}: No such file\n`);
      return dialect === 'bash' ? 127 : 2;
    }
    return ctx.runScript(text, { argv0: file, args, setArgs, dialect });
  };
}

function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

export const sh = shell('dash');
export const bash = shell('bash');
