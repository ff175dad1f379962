import { ShellError } from '../errors';
import type { ShellFs } from '../fs/shell-fs';
import type { ParamPart, Script, Word, WordPart } from '../parse/ast';
import { evaluateArith } from './arith';
import { globPaths } from './glob';
import { escapePattern, hasGlobChars, removeAffix, unescapePattern } from './pattern';

/**
 * Word expansion (XCU §2.6): tilde, parameters, command substitution, arithmetic, then field
 * splitting and pathname expansion. Each field carries its value and a pattern twin in which
 * quoted characters are escaped, so globbing and `case` see what was quoted.
 */
export interface ExpandHost {
  lookup(name: string): string | undefined;
  positional(): readonly string[];
  assign(name: string, value: string): void;
  commandSub(body: Script, line: number): Promise<string>;
  homeOf(user: string): Promise<string | undefined>;
  readonly fs: ShellFs;
  readonly cwd: string;
  readonly nounset: boolean;
  readonly noglob: boolean;
}

interface Field {
  value: string;
  pattern: string;
  /** Had a quoted part: an empty field survives. */
  quoted: boolean;
}

class FieldBuilder {
  fields: Field[] = [];
  current: Field = { value: '', pattern: '', quoted: false };
  /** Whether `current` has content or quoting, i.e. exists. */
  started = false;

  constructor(private readonly ifs: string) {}

  text(text: string, quoted: boolean): void {
    this.current.value += text;
    this.current.pattern += quoted ? escapePattern(text) : text;
    if (quoted) this.current.quoted = true;
    if (text !== '' || quoted) this.started = true;
  }

  /** Unquoted expansion output: split on IFS (§2.6.5). */
  split(text: string): void {
    for (const c of text) {
      if (!this.ifs.includes(c)) {
        this.current.value += c;
        this.current.pattern += c;
        this.started = true;
      } else if (/\s/.test(c)) {
        this.boundary();
      } else {
        this.started = true;
        this.boundary();
      }
    }
  }

  boundary(): void {
    if (this.started) this.fields.push(this.current);
    this.current = { value: '', pattern: '', quoted: false };
    this.started = false;
  }

  finish(): Field[] {
    this.boundary();
    return this.fields;
  }
}

export class Expander {
  constructor(private readonly host: ExpandHost) {}

  /** Full expansion of command words: several fields per word, globbed. */
  async fields(words: Word[]): Promise<string[]> {
    const out: string[] = [];
    for (const word of words) {
      const builder = new FieldBuilder(this.ifs());
      await this.parts(word.parts, builder, false, true);
      for (const field of builder.finish()) {
        if (!this.host.noglob && hasGlobChars(field.pattern)) {
          const matches = await globPaths(field.pattern, this.host.fs, this.host.cwd);
          if (matches.length > 0) {
            out.push(...matches);
            continue;
          }
        }
        out.push(field.value);
      }
    }
    return out;
  }

  /** One string, no splitting or globbing: assignments, redirection targets, here-docs, `case` words. */
  async string(word: Word): Promise<string> {
    const builder = new FieldBuilder('');
    await this.parts(word.parts, builder, false, true);
    return builder.current.value;
  }

  /** A pattern (quoted characters escaped): `case` patterns and `${x%pattern}`. */
  async pattern(word: Word, quoted = false): Promise<string> {
    const builder = new FieldBuilder('');
    await this.parts(word.parts, builder, quoted, true);
    return builder.current.pattern;
  }

  private ifs(): string {
    return this.host.lookup('IFS') ?? ' \t\n';
  }

  private async parts(parts: WordPart[], out: FieldBuilder, quoted: boolean, wordStart: boolean): Promise<void> {
    for (const [index, part] of parts.entries()) {
      switch (part.kind) {
        case 'literal': {
          let text = part.text;
          if (index === 0 && wordStart && !quoted && text.startsWith('~')) text = await this.tilde(text);
          out.text(text, quoted);
          break;
        }
        case 'quoted':
          out.text(part.text, true);
          break;
        case 'double':
          // "$@" with no positional parameters is no field at all, not an empty one (§2.5.2).
          if (!(part.parts.length === 1 && part.parts[0]?.kind === 'param' && part.parts[0].name === '@' && this.host.positional().length === 0)) {
            out.text('', true);
          }
          await this.parts(part.parts, out, true, false);
          break;
        case 'param':
          await this.param(part, out, quoted);
          break;
        case 'command': {
          // Trailing newlines are removed (§2.6.3).
          const text = (await this.host.commandSub(part.body, part.line)).replace(/\n+$/, '');
          this.emit(text, out, quoted);
          break;
        }
        case 'arith': {
          const expr = await this.string(part.expr);
          const value = evaluateArith(expr, { get: (n) => this.host.lookup(n), set: (n, v) => this.host.assign(n, v) });
          this.emit(String(value), out, quoted);
          break;
        }
      }
    }
  }

  private emit(text: string, out: FieldBuilder, quoted: boolean): void {
    if (quoted) out.text(text, true);
    else out.split(text);
  }

  private async tilde(text: string): Promise<string> {
    const slash = text.indexOf('/');
    const user = slash < 0 ? text.slice(1) : text.slice(1, slash);
    const rest = slash < 0 ? '' : text.slice(slash);
    const home = user === '' ? this.host.lookup('HOME') : await this.host.homeOf(user);
    return home === undefined ? text : home + rest;
  }

  private async param(part: ParamPart, out: FieldBuilder, quoted: boolean): Promise<void> {
    const { name } = part;
    if ((name === '@' || name === '*') && part.op === undefined && !part.length) {
      const params = this.host.positional();
      if (name === '*' && quoted) {
        out.text(params.join(this.ifs().slice(0, 1)), true);
        return;
      }
      params.forEach((p, i) => {
        if (i > 0) out.boundary();
        this.emit(p, out, quoted);
      });
      return;
    }
    const value = this.lookup(name);
    if (part.length) {
      if (value === undefined && this.host.nounset) this.unset(name);
      this.emit(String([...(value ?? '')].length), out, quoted);
      return;
    }
    const op = part.op;
    if (op === undefined) {
      if (value === undefined && this.host.nounset) this.unset(name);
      this.emit(value ?? '', out, quoted);
      return;
    }
    const missing = value === undefined || (part.colon === true && value === '');
    switch (op) {
      case '-':
        if (missing) await this.argInto(part, out, quoted);
        else this.emit(value, out, quoted);
        return;
      case '=': {
        if (!missing) return this.emit(value, out, quoted);
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new ShellError('expansion', `${name}: bad variable name`);
        const assigned = part.arg === undefined ? '' : await this.string(part.arg);
        this.host.assign(name, assigned);
        this.emit(assigned, out, quoted);
        return;
      }
      case '+':
        if (!missing) await this.argInto(part, out, quoted);
        return;
      case '?': {
        if (!missing) return this.emit(value, out, quoted);
        const message = part.arg === undefined || part.arg.parts.length === 0 ? (part.colon ? 'parameter not set or null' : 'parameter not set') : await this.string(part.arg);
        throw new ShellError('expansion', `${name}: ${message}`);
      }
      default: {
        if (value === undefined && this.host.nounset) this.unset(name);
        const pattern = part.arg === undefined ? '' : await this.pattern(part.arg, false);
        this.emit(removeAffix(value ?? '', pattern, op), out, quoted);
      }
    }
  }

  private async argInto(part: ParamPart, out: FieldBuilder, quoted: boolean): Promise<void> {
    if (part.arg !== undefined) await this.parts(part.arg.parts, out, quoted, false);
  }

  private lookup(name: string): string | undefined {
    if (name === '@' || name === '*') {
      const params = this.host.positional();
      return params.length === 0 ? undefined : params.join(name === '*' ? this.ifs().slice(0, 1) : ' ');
    }
    return this.host.lookup(name);
  }

  private unset(name: string): never {
    throw new ShellError('expansion', `${name}: parameter not set`);
  }
}

export { unescapePattern };
