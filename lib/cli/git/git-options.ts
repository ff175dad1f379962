/**
 * Arguments the way git's parse-options reads them: `--long`, `--long=value`, `--long value`,
 * stacked short switches (`-am msg`, `-mmsg`), `--no-<long>` for booleans, `--` ending options,
 * and git's own errors (`error: unknown option `x'`, exit 129 with the usage lines).
 */
export interface GitOptionSpec {
  readonly type: 'bool' | 'string' | 'list';
  readonly short?: string;
  /** The value a string option takes when written without one (`--short` → `7`). */
  readonly optional?: boolean;
}

export interface GitArgs {
  readonly bools: Map<string, boolean>;
  readonly strings: Map<string, string>;
  readonly lists: Map<string, string[]>;
  readonly positionals: string[];
  /** True when `--` separated options from positionals (`git checkout -- file`). */
  readonly dashDash: boolean;
}

export class GitUsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 129,
  ) {
    super(message);
  }
}

export function parseGitArgs(argv: readonly string[], spec: Readonly<Record<string, GitOptionSpec>>): GitArgs {
  const out: GitArgs = { bools: new Map(), strings: new Map(), lists: new Map(), positionals: [], dashDash: false };
  const byShort = new Map(Object.entries(spec).flatMap(([name, s]) => (s.short ? [[s.short, name] as const] : [])));
  const set = (name: string, value: string) => {
    const option = spec[name] as GitOptionSpec;
    if (option.type === 'list') out.lists.set(name, [...(out.lists.get(name) ?? []), value]);
    else out.strings.set(name, value);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      out.positionals.push(...argv.slice(i + 1));
      (out as { dashDash: boolean }).dashDash = true;
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      let name = arg.slice(2, eq >= 0 ? eq : undefined);
      const negated = name.startsWith('no-') && !Object.hasOwn(spec, name);
      if (negated) name = name.slice(3);
      const option = Object.hasOwn(spec, name) ? spec[name] : undefined;
      if (option === undefined) throw new GitUsageError(`error: unknown option \`${arg.slice(2, eq >= 0 ? eq : undefined)}'`);
      if (option.type === 'bool' || negated) {
        if (eq >= 0) throw new GitUsageError(`error: option \`${name}' takes no value`);
        if (option.type === 'bool') out.bools.set(name, !negated);
        else out.strings.delete(name);
        continue;
      }
      if (eq >= 0) set(name, arg.slice(eq + 1));
      else if (option.optional) set(name, '');
      else if (i + 1 < argv.length) set(name, argv[++i] as string);
      else throw new GitUsageError(`error: option \`${name}' requires a value`);
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') {
      for (let k = 1; k < arg.length; k++) {
        const key = arg[k] as string;
        const name = byShort.get(key);
        if (name === undefined) throw new GitUsageError(`error: unknown switch \`${key}'`);
        const option = spec[name] as GitOptionSpec;
        if (option.type === 'bool') {
          out.bools.set(name, true);
          continue;
        }
        const rest = arg.slice(k + 1);
        if (rest !== '') set(name, rest);
        else if (option.optional) set(name, '');
        else if (i + 1 < argv.length) set(name, argv[++i] as string);
        else throw new GitUsageError(`error: switch \`${key}' requires a value`);
        break;
      }
      continue;
    }
    out.positionals.push(arg);
  }
  return out;
}

export function flag(args: GitArgs, name: string): boolean {
  return args.bools.get(name) === true;
}
