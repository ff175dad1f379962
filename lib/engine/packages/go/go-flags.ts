/**
 * Go's flag package rules, which differ from getopt: one dash or two, `-o=x` or `-o x`, no
 * clustering, and flags stop at the first operand (`go build -o out ./... -v` builds a package
 * called `-v`). The error text is the flag package's.
 */
export interface GoFlags {
  flags: Set<string>;
  values: Map<string, string>;
  operands: string[];
}

export function parseGoFlags(args: readonly string[], valued: readonly string[], booleans: readonly string[]): GoFlags | { error: string } {
  const out: GoFlags = { flags: new Set(), values: new Map(), operands: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      out.operands.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      out.operands.push(...args.slice(i));
      break;
    }
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    if (valued.includes(name)) {
      const value = eq >= 0 ? body.slice(eq + 1) : args[++i];
      if (value === undefined) return { error: `flag needs an argument: -${name}` };
      out.values.set(name, value);
    } else if (booleans.includes(name)) {
      if (eq < 0 || body.slice(eq + 1) === 'true') out.flags.add(name);
    } else return { error: `flag provided but not defined: -${name}` };
  }
  return out;
}
