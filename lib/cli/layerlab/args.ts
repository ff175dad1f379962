/** A small, strict argv reader: `--flag`, `--flag value`, `--flag=value`, positionals, `--` ends flags. */
export interface ParsedArgs {
  flags: Map<string, string | true>;
  positionals: string[];
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, 'bool' | 'string'>>): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq >= 0 ? eq : undefined);
    const type = spec[name];
    if (type === undefined) throw new UsageError(`unknown flag: --${name}`);
    if (type === 'bool') {
      if (eq >= 0) throw new UsageError(`flag --${name} does not take a value`);
      flags.set(name, true);
    } else if (eq >= 0) {
      flags.set(name, arg.slice(eq + 1));
    } else {
      const value = argv[i + 1];
      if (value === undefined) throw new UsageError(`flag needs an argument: --${name}`);
      flags.set(name, value);
      i++;
    }
  }
  return { flags, positionals };
}
