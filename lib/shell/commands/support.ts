import { errorText, isFsError } from '../fs/shell-fs';
import type { CommandContext } from '../run/command-types';
import { decodeText } from '../run/streams';

/**
 * What every coreutil needs: GNU-style option parsing (clustered short flags, options after
 * operands, `--`), error lines in coreutils' words, and reading FILE operands or stdin.
 */
export interface Parsed {
  flags: Set<string>;
  values: Map<string, string[]>;
  operands: string[];
}

/**
 * `short` lists the letters, a `:` after a letter means it takes a value (`n:`); `long` maps long
 * names to letters (`recursive: 'r'`). Returns an error text in GNU's words for bad options.
 */
export function getopt(args: readonly string[], short: string, long: Record<string, string> = {}): Parsed | { error: string } {
  const takesValue = new Set<string>();
  for (let i = 0; i < short.length; i++) if (short[i + 1] === ':') takesValue.add(short[i] as string);
  const letters = new Set(short.replace(/:/g, ''));
  const out: Parsed = { flags: new Set(), values: new Map(), operands: [] };
  const set = (letter: string, value?: string): void => {
    out.flags.add(letter);
    if (value !== undefined) out.values.set(letter, [...(out.values.get(letter) ?? []), value]);
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      out.operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const letter = long[name];
      if (letter === undefined) return { error: `unrecognized option '${arg}'` };
      if (takesValue.has(letter)) {
        const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
        if (value === undefined) return { error: `option '--${name}' requires an argument` };
        set(letter, value);
      } else set(letter);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j] as string;
        if (!letters.has(letter)) return { error: `invalid option -- '${letter}'` };
        if (takesValue.has(letter)) {
          const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
          if (value === undefined) return { error: `option requires an argument -- '${letter}'` };
          set(letter, value);
          break;
        }
        set(letter);
      }
      continue;
    }
    out.operands.push(arg);
  }
  return out;
}

/** Parses options or prints GNU's complaint; undefined means "exit with the returned status". */
export function options(ctx: CommandContext, short: string, long?: Record<string, string>): Parsed | undefined {
  const parsed = getopt(ctx.args, short, long);
  if ('error' in parsed) {
    ctx.stderr.write(`${ctx.name}: ${parsed.error}\nTry '${ctx.name} --help' for more information.\n`);
    return undefined;
  }
  return parsed;
}

/**
 * Now, in seconds, as the shell's clock-reading commands (date, ls -l, touch) see it:
 * SOURCE_DATE_EPOCH when the environment sets it, else the run's clock, else null (a build,
 * which has none).
 */
export function clockSeconds(ctx: Pick<CommandContext, 'env' | 'now'>): number | null {
  const epoch = ctx.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined) return Number(epoch) || 0;
  return ctx.now === undefined ? null : Math.floor(ctx.now() / 1000);
}

export function complain(ctx: CommandContext, message: string): void {
  ctx.stderr.write(`${baseCommandName(ctx)}: ${message}\n`);
}

function baseCommandName(ctx: CommandContext): string {
  return ctx.name.slice(ctx.name.lastIndexOf('/') + 1);
}

/** `cat: x: No such file or directory` style text for an fs error on `shown`. */
export function fileError(shown: string, error: unknown): string {
  return `${shown}: ${isFsError(error) ? error.message : errorText(error)}`;
}

/** The contents of FILE operands (or stdin for none or `-`), reporting unreadable files. */
export async function readInputs(ctx: CommandContext, files: readonly string[]): Promise<{ name: string; bytes: Uint8Array }[] | { failed: true; inputs: { name: string; bytes: Uint8Array }[] }> {
  const inputs: { name: string; bytes: Uint8Array }[] = [];
  let failed = false;
  for (const file of files.length === 0 ? ['-'] : files) {
    if (file === '-') {
      inputs.push({ name: '-', bytes: ctx.stdin.bytes() });
      continue;
    }
    try {
      inputs.push({ name: file, bytes: await ctx.fs.readFile(ctx.resolve(file)) });
    } catch (error) {
      complain(ctx, fileError(file, error));
      failed = true;
    }
  }
  return failed ? { failed: true, inputs } : inputs;
}

/** Text of all inputs, plus whether any file failed (exit status 1 / 2 depending on the tool). */
export async function readText(ctx: CommandContext, files: readonly string[]): Promise<{ text: string; failed: boolean; inputs: { name: string; text: string }[] }> {
  const result = await readInputs(ctx, files);
  const list = Array.isArray(result) ? result : result.inputs;
  const inputs = list.map((i) => ({ name: i.name, text: decodeText(i.bytes) }));
  return { text: inputs.map((i) => i.text).join(''), failed: !Array.isArray(result), inputs };
}

/** Lines of a text; a final newline does not make an empty last line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function joinLines(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
