import type { Command, CommandContext } from '@/lib/shell';

/**
 * `jq`: the real jq 1.7.1 (jq-wasm: jq's C source compiled by Emscripten, the wasm inlined so a
 * browser worker needs no extra file), loaded on first use. This file only adapts the command
 * line: FILE operands, `-f`, `--rawfile` and `--slurpfile` are read from the workspace (the
 * wasm has no view of it), colour follows isatty like jq's default, and the texts that would
 * name the wasm build (`/dev/stdin`, its program path, `1.7.1-dirty`) read as a real jq's.
 *
 * Known gaps of the wasm wrapper: leading and trailing blank space of the whole output is
 * trimmed (jq's final newline is put back), and when jq fails after printing some results, the
 * results are shown with jq's exit code but the error text is lost.
 */
interface JqModule {
  raw(input: string, filter: string, flags: string[]): Promise<string>;
  callMain(args: string[]): number;
}

let loading: Promise<{ module: JqModule; lastStatus(): number | undefined }> | undefined;

function loadJq(): Promise<{ module: JqModule; lastStatus(): number | undefined }> {
  loading ??= import('jq-wasm/dist/build/jq.js').then(async (imported: { default: () => Promise<JqModule> }) => {
    const jq = await imported.default();
    let status: number | undefined;
    // The wrapper drops jq's exit status; its call into main goes through this property.
    const main = jq.callMain.bind(jq);
    jq.callMain = (args) => (status = main(args));
    return { module: jq, lastStatus: () => status };
  });
  return loading;
}

const VERSION = 'jq-1.7.1';
/** Options that take one or two following words, so the filter is the first word after them. */
const TAKES_ONE = new Set(['--indent', '-L', '--from-file', '-f']);
const TAKES_TWO = new Set(['--arg', '--argjson', '--slurpfile', '--rawfile']);

export interface JqOptions {
  /** isatty(1) for the command's stdout (the terminal, not a pipe or a file). */
  isTerminal(ctx: CommandContext): boolean;
}

export function createJqCommand(options: JqOptions): Command {
  return async (ctx) => {
    const flags: string[] = [];
    const operands: string[] = [];
    let fromFile: string | undefined;
    let color: boolean | undefined;
    const args = [...ctx.args];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] as string;
      if (arg === '--') {
        operands.push(...args.slice(i + 1));
        break;
      }
      if (arg === '-V' || arg === '--version') {
        ctx.stdout.write(`${VERSION}\n`);
        return 0;
      }
      if (arg === '-C' || arg === '--color-output') color = true;
      else if (arg === '-M' || arg === '--monochrome-output') color = false;
      else if (arg === '-f' || arg === '--from-file') fromFile = args[++i];
      else if (arg === '--rawfile' || arg === '--slurpfile') {
        const [name, file] = [args[i + 1], args[i + 2]];
        i += 2;
        if (name === undefined || file === undefined) return usageError(ctx, `${arg} takes two parameters (e.g. ${arg} varname filename)`);
        const text = await readWorkspaceFile(ctx, file);
        if (text === undefined) return 2;
        if (arg === '--rawfile') flags.push('--arg', name, text);
        else {
          const values = parseJsonValues(text);
          if (values === undefined) {
            ctx.stderr.write(`jq: Bad JSON in --slurpfile ${name} ${file}\n`);
            return 2;
          }
          flags.push('--argjson', name, JSON.stringify(values));
        }
      } else if (TAKES_TWO.has(arg)) flags.push(arg, args[++i] ?? '', args[++i] ?? '');
      else if (TAKES_ONE.has(arg)) flags.push(arg, args[++i] ?? '');
      else if (arg === '--args' || arg === '--jsonargs') {
        // The wasm wrapper puts its input file after the filter, where these would take it.
        ctx.stderr.write(`jq: ${arg} is not available in this terminal's jq\n`);
        return 2;
      } else if (arg.startsWith('-') && arg !== '-') flags.push(arg);
      else operands.push(arg);
    }
    let filter: string;
    if (fromFile !== undefined) {
      const text = await readWorkspaceFile(ctx, fromFile);
      if (text === undefined) return 2;
      filter = text;
    } else filter = operands.shift() ?? '.';
    const files = operands;
    let input = '';
    // jq compiles the filter before it opens its files: their errors come after a compile error.
    const unreadable: string[] = [];
    if (files.length === 0) {
      if (!flags.includes('-n') && !flags.includes('--null-input')) input = ctx.stdin.text();
    } else {
      for (const file of files) {
        if (file === '-') input += ctx.stdin.text();
        else {
          const text = await readFileText(ctx, file);
          if (typeof text === 'string') input += text;
          else unreadable.push(`jq: error: Could not open ${file}: ${text.reason}\n`);
        }
      }
    }
    color ??= options.isTerminal(ctx) && (ctx.env.NO_COLOR ?? '') === '';
    // The wrapper prepends -M unless it sees one; `-L -M` satisfies it and only adds a module
    // search directory, so -C can colour as it does in a terminal.
    if (color) flags.unshift('-L', '-M', '-C');
    const { module, lastStatus } = await loadJq();
    const where = files.length > 0 && files.at(-1) !== '-' ? (files.at(-1) as string) : '<stdin>';
    const clean = (text: string) =>
      text
        .replaceAll('/dev/stdin', where)
        .replace(/Usage:\t\S+/g, 'Usage:\tjq')
        .replace(/\n\t\S+ \[options\]/g, '\n\tjq [options]')
        .replace(/Use \S+ --help/g, 'Use jq --help')
        .replace(/1\.7\.1-dirty/g, '1.7.1');
    let out: string;
    try {
      out = await module.raw(input, filter, flags);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const status = lastStatus() ?? 5;
      if (status !== 3) unreadable.forEach((line) => ctx.stderr.write(line));
      if (text !== '') ctx.stderr.write(`${clean(text)}\n`);
      return status;
    }
    unreadable.forEach((line) => ctx.stderr.write(line));
    const joined = flags.some((f) => f === '-j' || f === '--join-output' || f === '--raw-output0' || /^-[a-zA-Z]*j/.test(f));
    if (out !== '') ctx.stdout.write(clean(out) + (joined ? '' : '\n'));
    const status = lastStatus() ?? 0;
    return status === 0 && unreadable.length > 0 ? 2 : status;
  };
}

async function readFileText(ctx: CommandContext, file: string): Promise<string | { reason: string }> {
  try {
    return new TextDecoder().decode(await ctx.fs.readFile(ctx.resolve(file)));
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}

async function readWorkspaceFile(ctx: CommandContext, file: string): Promise<string | undefined> {
  const text = await readFileText(ctx, file);
  if (typeof text === 'string') return text;
  ctx.stderr.write(`jq: error: Could not open ${file}: ${text.reason}\n`);
  return undefined;
}

function usageError(ctx: CommandContext, message: string): number {
  ctx.stderr.write(`jq: ${message}\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://jqlang.github.io/jq\n`);
  return 2;
}

/** The JSON texts of a file, for `--slurpfile` (which binds them as one array). */
function parseJsonValues(text: string): unknown[] | undefined {
  try {
    return [JSON.parse(text)];
  } catch {
    try {
      return JSON.parse(`[${text.trim().split(/\n(?=\S)/).join(',')}]`) as unknown[];
    } catch {
      return undefined;
    }
  }
}
