/** Bad command-line usage: the program prints it with a `See 'layerlab X --help'.` hint, exit 1. */
export class UsageError extends Error {}

/**
 * Flags the way docker's cobra/pflag reads them, for the image commands: short aliases (`-o`,
 * `-t`), `--flag value` and `--flag=value`, repeatable flags (`-t a -t b`, `--build-arg`), and
 * positionals anywhere. Every layerlab command reads its argv with it.
 */
export interface OptionSpec {
  readonly type: 'bool' | 'string' | 'list';
  readonly short?: string;
}

export interface ParsedOptions {
  readonly bools: Set<string>;
  readonly strings: Map<string, string>;
  readonly lists: Map<string, string[]>;
  readonly positionals: string[];
}

export interface ParseSettings {
  /**
   * pflag's `SetInterspersed(false)`: the first positional ends the flags, so
   * `docker run IMAGE ls -l` leaves `-l` to the container's command. Default: true.
   */
  readonly interspersed?: boolean;
}

export function parseOptions(argv: readonly string[], spec: Readonly<Record<string, OptionSpec>>, settings: ParseSettings = {}): ParsedOptions {
  const byShort = new Map(Object.entries(spec).flatMap(([name, s]) => (s.short ? [[s.short, name] as const] : [])));
  const out: ParsedOptions = { bools: new Set(), strings: new Map(), lists: new Map(), positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      if (settings.interspersed === false) {
        out.positionals.push(...argv.slice(i));
        break;
      }
      out.positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) {
      i = readShorthands(argv, i, spec, byShort, out);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq >= 0 ? eq : undefined);
    const option = Object.hasOwn(spec, name) ? spec[name] : undefined;
    // pflag's words: `unknown flag: --yaml`.
    if (option === undefined) throw new UsageError(`unknown flag: --${name}`);
    const inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    if (option.type === 'bool') {
      setBool(out, name, arg, inline);
      continue;
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined) throw new UsageError(`flag needs an argument: --${name}`);
    if (inline === undefined) i++;
    setValue(out, name, option, value);
  }
  return out;
}

/**
 * One `-abc` word the way pflag reads shorthands: bool flags may be stacked (`-aq`, `-it`), and
 * the first flag that takes a value consumes the rest of the word (`-tapp:1`, `-xvfnginx.tar`)
 * or else the next word (`-xvf nginx.tar`). Returns the index of the last word consumed.
 */
function readShorthands(argv: readonly string[], i: number, spec: Readonly<Record<string, OptionSpec>>, byShort: ReadonlyMap<string, string>, out: ParsedOptions): number {
  const arg = argv[i] as string;
  for (let k = 1; k < arg.length; k++) {
    const key = arg[k] as string;
    const name = byShort.get(key);
    const option = name === undefined ? undefined : spec[name];
    // pflag's words: `unknown shorthand flag: 'x' in -x`.
    if (name === undefined || option === undefined) throw new UsageError(`unknown shorthand flag: '${key}' in ${arg}`);
    const rest = arg.slice(k + 1);
    if (option.type === 'bool') {
      if (rest.startsWith('=')) {
        setBool(out, name, arg, rest.slice(1));
        return i;
      }
      setBool(out, name, arg, undefined);
      continue;
    }
    if (rest !== '') {
      setValue(out, name, option, rest.replace(/^=/, ''));
      return i;
    }
    const value = argv[i + 1];
    if (value === undefined) throw new UsageError(`flag needs an argument: '${key}' in -${key}`);
    setValue(out, name, option, value);
    return i + 1;
  }
  return i;
}

function setBool(out: ParsedOptions, name: string, arg: string, inline: string | undefined): void {
  if (inline !== undefined && inline !== 'true' && inline !== 'false') throw new UsageError(`invalid argument "${inline}" for "${arg}" flag: strconv.ParseBool: parsing "${inline}": invalid syntax`);
  if (inline === 'false') out.bools.delete(name);
  else out.bools.add(name);
}

function setValue(out: ParsedOptions, name: string, option: OptionSpec, value: string): void {
  if (option.type === 'string') out.strings.set(name, value);
  else out.lists.set(name, [...(out.lists.get(name) ?? []), value]);
}

/** The `--state DIR` option every image command accepts (also given before the command). */
export const STATE_OPTION: Readonly<Record<string, OptionSpec>> = { state: { type: 'string' }, help: { type: 'bool', short: 'h' } };
