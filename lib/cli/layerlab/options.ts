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

export function parseOptions(argv: readonly string[], spec: Readonly<Record<string, OptionSpec>>): ParsedOptions {
  const byShort = new Map(Object.entries(spec).flatMap(([name, s]) => (s.short ? [[s.short, name] as const] : [])));
  const out: ParsedOptions = { bools: new Set(), strings: new Map(), lists: new Map(), positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      out.positionals.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const eq = arg.indexOf('=');
    const key = long ? arg.slice(2, eq >= 0 ? eq : undefined) : arg.slice(1, 2);
    const name = long ? key : byShort.get(key);
    const option = name === undefined ? undefined : spec[name];
    // pflag's words: `unknown flag: --yaml`, `unknown shorthand flag: 'x' in -x`.
    if (name === undefined || option === undefined) throw new UsageError(long ? `unknown flag: --${key}` : `unknown shorthand flag: '${key}' in ${arg}`);
    // `-tapp:1` and `--tag=app:1` carry their value inline, `-t app:1` in the next word.
    let inline: string | undefined = long ? (eq >= 0 ? arg.slice(eq + 1) : undefined) : arg.length > 2 ? arg.slice(2).replace(/^=/, '') : undefined;
    if (option.type === 'bool') {
      if (inline !== undefined && inline !== 'true' && inline !== 'false') throw new UsageError(`invalid argument "${inline}" for "${arg}" flag: strconv.ParseBool: parsing "${inline}": invalid syntax`);
      if (inline === 'false') out.bools.delete(name);
      else out.bools.add(name);
      continue;
    }
    if (inline === undefined) {
      inline = argv[i + 1];
      if (inline === undefined) throw new UsageError(`flag needs an argument: ${long ? `--${name}` : `'${key}' in -${key}`}`);
      i++;
    }
    if (option.type === 'string') out.strings.set(name, inline);
    else out.lists.set(name, [...(out.lists.get(name) ?? []), inline]);
  }
  return out;
}

/** The `--state DIR` option every image command accepts (also given before the command). */
export const STATE_OPTION: Readonly<Record<string, OptionSpec>> = { state: { type: 'string' }, help: { type: 'bool', short: 'h' } };
