import { compileRegex } from './regex';

/**
 * sed script parsing: addresses, the command letters, and GNU's error texts with the character
 * position (`-e expression #1, char 5: unterminated `s' command`).
 */
export type Address = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp };

export interface SedCommand {
  a1?: Address;
  a2?: Address;
  negate: boolean;
  name: string;
  re?: RegExp;
  replacement?: string;
  global?: boolean;
  nth?: number;
  print?: boolean;
  text?: string;
  from?: string;
  to?: string;
  /** For `{`: index of the matching `}`. */
  end?: number;
  inRange?: boolean;
}

export class SedError extends Error {}

export function parseSedScript(script: string, extended: boolean): SedCommand[] {
  const cmds: SedCommand[] = [];
  const stack: number[] = [];
  let i = 0;
  const fail = (msg: string): never => {
    throw new SedError(`-e expression #1, char ${Math.min(i, script.length)}: ${msg}`);
  };
  const skipSpace = (): void => {
    while (i < script.length && /[ \t]/.test(script[i] as string)) i++;
  };
  const delimited = (delim: string, what: string): string => {
    let out = '';
    for (;;) {
      const c = script[i++];
      if (c === undefined) return fail(`unterminated \`${what}' command`);
      if (c === delim) return out;
      if (c === '\\' && script[i] === delim) {
        out += delim;
        i++;
      } else if (c === '\\' && script[i] !== undefined) {
        out += c + (script[i++] as string);
      } else if (c === '\n' && what === 's') return fail(`unterminated \`s' command`);
      else out += c;
    }
  };
  const regex = (source: string, flags: string): RegExp => {
    const re = compileRegex(source, extended, flags);
    if (typeof re === 'string') return fail('Invalid regular expression');
    return re as RegExp;
  };
  const address = (): Address | undefined => {
    const c = script[i];
    if (c !== undefined && /[0-9]/.test(c)) {
      const m = /^[0-9]+/.exec(script.slice(i)) as RegExpExecArray;
      i += m[0].length;
      return { kind: 'line', n: Number(m[0]) };
    }
    if (c === '$') {
      i++;
      return { kind: 'last' };
    }
    if (c === '/' || c === '\\') {
      if (c === '\\') i++;
      const delim = script[i++] as string;
      return { kind: 're', re: regex(delimited(delim, 'address regex'), '') };
    }
    return undefined;
  };
  while (i < script.length) {
    skipSpace();
    const c0 = script[i];
    if (c0 === undefined) break;
    if (c0 === ';' || c0 === '\n') {
      i++;
      continue;
    }
    const cmd: SedCommand = { negate: false, name: '' };
    cmd.a1 = address();
    if (cmd.a1 !== undefined && script[i] === ',') {
      i++;
      cmd.a2 = address() ?? fail('unexpected `,\'');
    }
    skipSpace();
    if (script[i] === '!') {
      cmd.negate = true;
      i++;
      skipSpace();
    }
    const name = script[i++];
    if (name === undefined) return fail('missing command');
    cmd.name = name;
    switch (name) {
      case 's': {
        const delim = script[i++] ?? fail("unterminated `s' command");
        const source = delimited(delim, 's');
        cmd.replacement = delimited(delim, 's');
        let flags = '';
        while (i < script.length && /[gpIi0-9]/.test(script[i] as string)) {
          const f = script[i++] as string;
          if (f === 'g') cmd.global = true;
          else if (f === 'p') cmd.print = true;
          else if (f === 'I' || f === 'i') flags += 'i';
          else cmd.nth = Number(`${cmd.nth ?? ''}${f}`);
        }
        cmd.re = regex(source, `g${flags}`);
        break;
      }
      case 'y': {
        const delim = script[i++] ?? fail("unterminated `y' command");
        cmd.from = delimited(delim, 'y');
        cmd.to = delimited(delim, 'y');
        if ([...cmd.from].length !== [...cmd.to].length) fail("strings for `y' command are different lengths");
        break;
      }
      case 'a':
      case 'i':
      case 'c': {
        skipSpace();
        if (script[i] === '\\') i++;
        if (script[i] === '\n') i++;
        let end = script.indexOf('\n', i);
        if (end < 0) end = script.length;
        cmd.text = script.slice(i, end).replace(/^[ \t]*/, '').replace(/\\(.)/g, '$1');
        i = end;
        break;
      }
      case '{':
        stack.push(cmds.length);
        break;
      case '}': {
        const open = stack.pop();
        if (open === undefined) return fail("unexpected `}'");
        (cmds[open] as SedCommand).end = cmds.length;
        break;
      }
      case 'd':
      case 'p':
      case 'q':
      case '=':
      case 'n':
      case 'N':
      case 'P':
      case 'D':
      case 'h':
      case 'H':
      case 'g':
      case 'G':
      case 'x':
        break;
      default:
        return fail(`unknown command: \`${name}'`);
    }
    cmds.push(cmd);
  }
  if (stack.length > 0) return fail("unmatched `{'");
  return cmds;
}
