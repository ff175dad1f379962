// Go's fmt for template values: Sprint, Sprintln, Sprintf (verbs, flags, width, precision,
// argument indexes, %!verb(type=value) errors) and the %v printing of slices, maps and structs.
import { goQuote } from '@/lib/util';
import { formatFloat, formatFloatVerb } from './float';
import { GoFloat, GoMap, GoNil, floatValue, isInt, isStruct, stringerOf, structFields, typeName } from './values';

interface Flags {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
  wid: number | undefined;
  prec: number | undefined;
}

const clearFlags = (): Flags => ({
  minus: false,
  plus: false,
  sharp: false,
  space: false,
  zero: false,
  plusV: false,
  sharpV: false,
  wid: undefined,
  prec: undefined,
});

const runeCount = (s: string): number => [...s].length;
const ENCODER = new TextEncoder();

class Printer {
  buf = '';
  f: Flags = clearFlags();
  erroring = false;

  pad(s: string, zeroOK = false): void {
    const w = this.f.wid;
    if (w === undefined) {
      this.buf += s;
      return;
    }
    const n = w - runeCount(s);
    if (n <= 0) {
      this.buf += s;
      return;
    }
    if (this.f.minus) this.buf += s + ' '.repeat(n);
    else if (this.f.zero && zeroOK) {
      const sign = /^[+\- ]/.test(s) ? (s[0] as string) : '';
      this.buf += sign + '0'.repeat(n) + s.slice(sign.length);
    } else this.buf += ' '.repeat(n) + s;
  }

  badVerb(verb: string, arg: unknown): void {
    this.erroring = true;
    this.buf += `%!${verb}(`;
    if (arg === null || arg === undefined) this.buf += '<nil>';
    else {
      this.buf += `${typeName(arg)}=`;
      const saved = this.f;
      this.f = clearFlags();
      this.printArg(arg, 'v', 0);
      this.f = saved;
    }
    this.buf += ')';
    this.erroring = false;
  }

  fmtString(s: string, verb: string, arg: unknown): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV) return this.pad(goQuote(s));
        return this.pad(this.truncate(s));
      case 's':
        return this.pad(this.truncate(s));
      case 'q':
        return this.pad(this.f.sharp && !/[`\u0000-\u0008\u000a-\u001f\u007f]/.test(s) ? `\`${s}\`` : this.f.plus ? quoteASCII(this.truncate(s)) : goQuote(this.truncate(s)));
      case 'x':
      case 'X': {
        let bytes = [...ENCODER.encode(s)];
        if (this.f.prec !== undefined) bytes = bytes.slice(0, this.f.prec);
        const hex = bytes.map((b) => b.toString(16).padStart(2, '0'));
        const pre = this.f.sharp ? '0x' : '';
        let out = this.f.space ? hex.map((h) => pre + h).join(' ') : pre + hex.join('');
        if (verb === 'X') out = out.toUpperCase();
        return this.pad(out);
      }
    }
    this.badVerb(verb, arg);
  }

  truncate(s: string): string {
    return this.f.prec === undefined ? s : [...s].slice(0, this.f.prec).join('');
  }

  fmtInteger(v: number, verb: string, arg: unknown): void {
    const neg = v < 0;
    const abs = BigInt(Math.abs(Math.trunc(v)));
    let digits: string;
    let prefix = '';
    switch (verb) {
      case 'v':
      case 'd':
        digits = abs.toString(10);
        break;
      case 'b':
        digits = abs.toString(2);
        if (this.f.sharp) prefix = '0b';
        break;
      case 'o':
      case 'O':
        digits = abs.toString(8);
        if (verb === 'O') prefix = '0o';
        else if (this.f.sharp && digits[0] !== '0') prefix = '0';
        break;
      case 'x':
        digits = abs.toString(16);
        if (this.f.sharp) prefix = '0x';
        break;
      case 'X':
        digits = abs.toString(16).toUpperCase();
        if (this.f.sharp) prefix = '0X';
        break;
      case 'c':
        return this.pad(runeOf(v));
      case 'q':
        return this.pad(quoteRune(v));
      case 'U': {
        const u = `U+${abs.toString(16).toUpperCase().padStart(4, '0')}`;
        return this.pad(this.f.sharp ? `${u} '${runeOf(v)}'` : u);
      }
      default:
        return this.badVerb(verb, arg);
    }
    if (this.f.prec !== undefined) {
      if (this.f.prec === 0 && v === 0) digits = '';
      digits = digits.padStart(this.f.prec, '0');
    }
    const sign = neg ? '-' : this.f.plus ? '+' : this.f.space ? ' ' : '';
    if (this.f.zero && !this.f.minus && this.f.prec === undefined && this.f.wid !== undefined) {
      const n = this.f.wid - sign.length - prefix.length - digits.length;
      if (n > 0) digits = '0'.repeat(n) + digits;
    }
    this.pad(sign + prefix + digits);
  }

  fmtFloat(v: number, verb: string, arg: unknown): void {
    const s = formatFloatVerb(v, verb, this.f.prec, this.f.sharp);
    if (s === null) return this.badVerb(verb, arg);
    let out = s;
    if (!out.startsWith('-') && !out.startsWith('+')) {
      if (this.f.plus) out = `+${out}`;
      else if (this.f.space) out = ` ${out}`;
    } else if (out === '+Inf' && !this.f.plus) out = this.f.space ? ' Inf' : '+Inf';
    const finite = Number.isFinite(v);
    if (this.f.zero && !this.f.minus && finite && this.f.wid !== undefined) {
      const sign = /^[+\- ]/.test(out) ? (out[0] as string) : '';
      const n = this.f.wid - runeCount(out);
      if (n > 0) out = sign + '0'.repeat(n) + out.slice(sign.length);
    }
    this.pad(out);
  }

  printArg(arg: unknown, verb: string, depth: number): void {
    if (arg === null || arg === undefined) {
      if (verb === 'T' || verb === 'v') return this.pad(depth > 0 && this.f.sharpV ? 'interface {}(nil)' : '<nil>');
      return this.badVerb(verb, arg);
    }
    if (verb === 'T') return this.pad(typeName(arg));
    if (typeof arg === 'boolean') {
      if (verb === 't' || verb === 'v') return this.pad(arg ? 'true' : 'false');
      return this.badVerb(verb, arg);
    }
    if (isInt(arg)) return this.fmtInteger(arg, verb, arg);
    if (typeof arg === 'number' || arg instanceof GoFloat) return this.fmtFloat(floatValue(arg), verb, arg);
    if (typeof arg === 'bigint') return this.fmtInteger(Number(arg), verb, arg);
    if (typeof arg === 'string') return this.fmtString(arg, verb, arg);
    if (!this.erroring && !this.f.sharpV && 'vsxXq'.includes(verb)) {
      const stringer = stringerOf(arg);
      if (stringer !== undefined) return this.fmtString(stringer(), verb, arg);
    }
    this.printValue(arg, verb, depth);
  }

  printValue(v: unknown, verb: string, depth: number): void {
    const sharpV = this.f.sharpV;
    if (v instanceof GoNil) {
      if (sharpV) return void (this.buf += `${v.typeName}(nil)`);
      return void (this.buf += v.kind === 'slice' ? '[]' : 'map[]');
    }
    if (Array.isArray(v)) {
      this.buf += sharpV ? `${typeName(v)}{` : '[';
      v.forEach((e, i) => {
        if (i > 0) this.buf += sharpV ? ', ' : ' ';
        this.printArg(e, verb, depth + 1);
      });
      this.buf += sharpV ? '}' : ']';
      return;
    }
    if (v instanceof GoMap) {
      this.buf += sharpV ? `${typeName(v)}{` : 'map[';
      v.sortedKeys().forEach((k, i) => {
        if (i > 0) this.buf += sharpV ? ', ' : ' ';
        this.printArg(k, verb, depth + 1);
        this.buf += ':';
        this.printArg(v.entries.get(k), verb, depth + 1);
      });
      this.buf += sharpV ? '}' : ']';
      return;
    }
    if (isStruct(v)) {
      const name = typeName(v);
      const pointer = name.startsWith('*');
      if (pointer && depth === 0 && !sharpV) this.buf += '&';
      if (sharpV) this.buf += pointer ? `&${name.slice(1)}` : name;
      this.buf += '{';
      structFields(v).forEach(([k, x], i) => {
        if (i > 0) this.buf += sharpV ? ', ' : ' ';
        if (this.f.plusV || sharpV) this.buf += `${k}:`;
        this.printArg(x, verb, depth + 1);
      });
      this.buf += '}';
      return;
    }
    this.badVerb(verb, v);
  }
}

function runeOf(v: number): string {
  return v < 0 || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff) ? '\ufffd' : String.fromCodePoint(v);
}

function quoteRune(v: number): string {
  const ch = runeOf(v);
  if (ch === "'") return "'\\''";
  if (ch === '"') return `'"'`;
  return `'${goQuote(ch).slice(1, -1)}'`;
}

function quoteASCII(s: string): string {
  let out = '';
  for (const ch of goQuote(s).slice(1, -1)) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) out += ch;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `"${out}"`;
}

/** Go's `%v` of one value (what `{{.}}` prints, apart from `<no value>`). */
export function formatValue(v: unknown): string {
  const p = new Printer();
  p.printArg(v, 'v', 0);
  return p.buf;
}

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: readonly unknown[]): string {
  const p = new Printer();
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') p.buf += ' ';
    p.f = clearFlags();
    p.printArg(a, 'v', 0);
  });
  return p.buf;
}

/** fmt.Sprintln: spaces between all operands, then a newline. */
export function sprintln(args: readonly unknown[]): string {
  return `${args.map((a) => formatValue(a)).join(' ')}\n`;
}

function parseNum(s: string, i: number, end: number): { num: number | undefined; i: number } {
  let j = i;
  let num = 0;
  while (j < end && s.charCodeAt(j) >= 0x30 && s.charCodeAt(j) <= 0x39) {
    num = num * 10 + (s.charCodeAt(j) - 0x30);
    if (num > 1e6) return { num: undefined, i: end };
    j++;
  }
  return { num: j > i ? num : undefined, i: j };
}

/** fmt.Sprintf. */
export function sprintf(format: string, a: readonly unknown[]): string {
  const p = new Printer();
  const end = format.length;
  let argNum = 0;
  let afterIndex = false;
  let reordered = false;
  let goodArgNum = true;
  const argNumber = (i: number): number => {
    if (i >= end || format[i] !== '[') return i;
    reordered = true;
    const close = format.indexOf(']', i + 1);
    if (end - i < 3 || close < 0) {
      goodArgNum = false;
      return i + 1;
    }
    const { num, i: ni } = parseNum(format, i + 1, close);
    if (num === undefined || ni !== close || num - 1 < 0 || num - 1 >= a.length) {
      goodArgNum = false;
      return close + 1;
    }
    argNum = num - 1;
    afterIndex = true;
    return close + 1;
  };
  const intFromArg = (): number | undefined => {
    const v = a[argNum];
    argNum++;
    return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= 1e6 ? v : undefined;
  };
  let i = 0;
  while (i < end) {
    goodArgNum = true;
    const lasti = i;
    while (i < end && format[i] !== '%') i++;
    if (i > lasti) p.buf += format.slice(lasti, i);
    if (i >= end) break;
    i++;
    p.f = clearFlags();
    for (; i < end; i++) {
      const c = format[i];
      if (c === '#') p.f.sharp = true;
      else if (c === '0') p.f.zero = !p.f.minus;
      else if (c === '+') p.f.plus = true;
      else if (c === '-') {
        p.f.minus = true;
        p.f.zero = false;
      } else if (c === ' ') p.f.space = true;
      else break;
    }
    afterIndex = false;
    i = argNumber(i);
    if (i < end && format[i] === '*') {
      i++;
      const w = intFromArg();
      if (w === undefined) p.buf += '%!(BADWIDTH)';
      else if (w < 0) {
        p.f.wid = -w;
        p.f.minus = true;
        p.f.zero = false;
      } else p.f.wid = w;
      afterIndex = false;
    } else {
      const r = parseNum(format, i, end);
      p.f.wid = r.num;
      i = r.i;
      if (afterIndex && p.f.wid !== undefined) goodArgNum = false;
    }
    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false;
      i = argNumber(i);
      if (i < end && format[i] === '*') {
        i++;
        const pr = intFromArg();
        if (pr === undefined || pr < 0) {
          p.f.prec = undefined;
          if (pr === undefined) p.buf += '%!(BADPREC)';
        } else p.f.prec = pr;
        afterIndex = false;
      } else {
        const r = parseNum(format, i, end);
        p.f.prec = r.num ?? 0;
        i = r.i;
      }
    }
    if (!afterIndex) i = argNumber(i);
    if (i >= end) {
      p.buf += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) ?? 0);
    i += verb.length;
    if (verb === '%') p.buf += '%';
    else if (!goodArgNum) p.buf += `%!${verb}(BADINDEX)`;
    else if (argNum >= a.length) p.buf += `%!${verb}(MISSING)`;
    else {
      if (verb === 'v') {
        p.f.sharpV = p.f.sharp;
        p.f.sharp = false;
        p.f.plusV = p.f.plus;
        p.f.plus = false;
      }
      p.printArg(a[argNum], verb, 0);
      argNum++;
    }
  }
  if (!reordered && argNum < a.length) {
    p.f = clearFlags();
    p.buf += '%!(EXTRA ';
    a.slice(argNum).forEach((arg, k) => {
      if (k > 0) p.buf += ', ';
      if (arg === null || arg === undefined) p.buf += '<nil>';
      else {
        p.buf += `${typeName(arg)}=`;
        p.printArg(arg, 'v', 0);
      }
    });
    p.buf += ')';
  }
  return p.buf;
}

export { formatFloat };
