/**
 * How OpenSSH's tools (ssh, scp) read their options: bundled single letters (`-rq`), a value
 * attached or in the next word (`-P22`, `-P 22`), `--` ends them. ssh stops at its destination
 * (what follows is the remote command); scp takes options between its operands too.
 */
export interface OpenSshOptions {
  /** The letters given, in order. */
  letters: string[];
  operands: string[];
  /** A letter of `stopAt` ends the parse where it stands (`ssh -V`). */
  stopped?: string;
}

export interface OpenSshSyntax {
  flags: string;
  withValue: string;
  /** True for ssh: the first operand and everything after it are operands. */
  stopAtOperand: boolean;
  stopAt?: string;
}

/** The options, or getopt's complaint (`illegal option -- z`) for the caller to print with its usage. */
export function parseOpenSshOptions(args: readonly string[], syntax: OpenSshSyntax): OpenSshOptions | { error: string } {
  const letters: string[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      if (syntax.stopAtOperand) {
        operands.push(...args.slice(i));
        break;
      }
      operands.push(arg);
      continue;
    }
    for (let k = 1; k < arg.length; k++) {
      const letter = arg[k] as string;
      if (syntax.stopAt?.includes(letter)) return { letters, operands, stopped: letter };
      if (syntax.withValue.includes(letter)) {
        if (k === arg.length - 1) i++;
        if (args[i] === undefined) return { error: `option requires an argument -- ${letter}` };
        letters.push(letter);
        break;
      }
      if (!syntax.flags.includes(letter)) return { error: `illegal option -- ${letter}` };
      letters.push(letter);
    }
  }
  return { letters, operands };
}
