import type { Command } from '../run/command-types';
import { decodeText } from '../run/streams';
import { parseSedScript, SedError, type Address, type SedCommand } from './sed-script';
import { complain, getopt } from './support';

/**
 * sed's everyday subset: addresses (N, $, /re/, ranges, `!`), commands s (g, p, N, I), d, p, q,
 * a, i, c, y, =, `{...}`; options -n, -e, -E/-r, -i[SUFFIX]. Errors in GNU's words
 * (`-e expression #1, char 5: unterminated `s' command`).
 */
function substitute(line: string, cmd: SedCommand): { text: string; done: boolean } {
  const re = cmd.re as RegExp;
  let count = 0;
  let done = false;
  const text = line.replace(re, (...m: unknown[]) => {
    count++;
    const nth = cmd.nth ?? 1;
    if ((cmd.global && count >= nth) || count === nth) {
      done = true;
      return expandReplacement(cmd.replacement ?? '', m);
    }
    return m[0] as string;
  });
  return { text, done };
}

function expandReplacement(template: string, m: unknown[]): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i] as string;
    if (c === '&') out += m[0] as string;
    else if (c === '\\' && i + 1 < template.length) {
      const n = template[++i] as string;
      if (/[0-9]/.test(n)) out += (m[Number(n)] as string | undefined) ?? '';
      else out += n === 'n' ? '\n' : n === 't' ? '\t' : n;
    } else out += c;
  }
  return out;
}

/** Runs the commands over the lines of one stream; returns the output text. */
function runSed(cmds: SedCommand[], text: string, quiet: boolean): { out: string; quit: boolean } {
  const lines = text.split('\n');
  const trailingNewline = lines[lines.length - 1] === '';
  if (trailingNewline) lines.pop();
  let out = '';
  let hold = '';
  const matches = (a: Address, space: string, n: number): boolean => (a.kind === 'line' ? n === a.n : a.kind === 'last' ? n === lines.length : (a.re.lastIndex = 0, a.re.test(space)));
  for (let n = 1; n <= lines.length; n++) {
    let space = lines[n - 1] as string;
    let append = '';
    let deleted = false;
    let quit = false;
    const selected = (cmd: SedCommand): boolean => {
      let hit: boolean;
      if (cmd.a1 === undefined) hit = true;
      else if (cmd.a2 === undefined) hit = matches(cmd.a1, space, n);
      else if (cmd.inRange) {
        hit = true;
        if (cmd.a2.kind === 'line' ? n >= cmd.a2.n : matches(cmd.a2, space, n)) cmd.inRange = false;
      } else {
        hit = matches(cmd.a1, space, n);
        if (hit) cmd.inRange = !(cmd.a2.kind === 'line' && cmd.a2.n <= n);
      }
      return hit !== cmd.negate;
    };
    for (let pc = 0; pc < cmds.length && !deleted && !quit; pc++) {
      const cmd = cmds[pc] as SedCommand;
      if (!selected(cmd)) {
        if (cmd.name === '{') pc = cmd.end ?? pc;
        continue;
      }
      switch (cmd.name) {
        case 's': {
          const r = substitute(space, cmd);
          space = r.text;
          if (r.done && cmd.print) out += `${space}\n`;
          break;
        }
        case 'y':
          space = [...space].map((ch) => {
            const k = [...(cmd.from as string)].indexOf(ch);
            return k < 0 ? ch : ([...(cmd.to as string)][k] as string);
          }).join('');
          break;
        case 'd':
          deleted = true;
          break;
        case 'p':
          out += `${space}\n`;
          break;
        case 'q':
          quit = true;
          break;
        case '=':
          out += `${n}\n`;
          break;
        case 'a':
          append += `${cmd.text}\n`;
          break;
        case 'i':
          out += `${cmd.text}\n`;
          break;
        case 'c':
          deleted = true;
          if (cmd.a2 === undefined || !cmd.inRange) out += `${cmd.text}\n`;
          break;
        case 'h':
          hold = space;
          break;
        case 'H':
          hold += `\n${space}`;
          break;
        case 'g':
          space = hold;
          break;
        case 'G':
          space += `\n${hold}`;
          break;
        case 'x':
          [space, hold] = [hold, space];
          break;
      }
    }
    if (!deleted && !quiet) out += n === lines.length && !trailingNewline ? space : `${space}\n`;
    out += append;
    if (quit) return { out, quit: true };
  }
  return { out, quit: false };
}

export const sed: Command = async (ctx) => {
  // -i takes an optional suffix glued to it (-i.bak); normalise so getopt sees a flag.
  const args = ctx.args.map((a) => (/^-i./.test(a) && !a.startsWith('--') ? '-i' : a));
  const o = getopt(args, 'ne:Erif:s', { quiet: 'n', silent: 'n', expression: 'e', 'regexp-extended': 'E', 'in-place': 'i' });
  if ('error' in o) {
    complain(ctx, o.error);
    return 1;
  }
  const operands = [...o.operands];
  const scripts = o.values.get('e') ?? (operands.length > 0 ? [operands.shift() as string] : undefined);
  if (scripts === undefined) {
    ctx.stderr.write('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n');
    return 1;
  }
  let cmds: SedCommand[];
  try {
    cmds = parseSedScript(scripts.join('\n'), o.flags.has('E') || o.flags.has('r'));
  } catch (error) {
    if (!(error instanceof SedError)) throw error;
    complain(ctx, error.message);
    return 1;
  }
  const quiet = o.flags.has('n');
  let status = 0;
  if (o.flags.has('i')) {
    if (operands.length === 0) {
      complain(ctx, 'no input files');
      return 1;
    }
    for (const file of operands) {
      const path = ctx.resolve(file);
      try {
        const text = decodeText(await ctx.fs.readFile(path));
        const stat = await ctx.fs.stat(path);
        cmds.forEach((c) => (c.inRange = false));
        await ctx.fs.writeFile(path, runSed(cmds, text, quiet).out, { mode: stat.mode });
      } catch {
        complain(ctx, `can't read ${file}: No such file or directory`);
        status = 2;
      }
    }
    return status;
  }
  let text = '';
  for (const file of operands.length === 0 ? ['-'] : operands) {
    try {
      text += file === '-' ? ctx.stdin.text() : decodeText(await ctx.fs.readFile(ctx.resolve(file)));
    } catch {
      complain(ctx, `can't read ${file}: No such file or directory`);
      status = 2;
    }
  }
  ctx.stdout.write(runSed(cmds, text, quiet).out);
  return status;
};
