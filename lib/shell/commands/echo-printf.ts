/**
 * echo and printf. dash's built-in echo takes only `-n` and always interprets backslash
 * escapes — so `RUN echo -e "a\nb"` on Debian prints `-e a` — while bash's echo and GNU's
 * /bin/echo take `-n -e -E` and interpret escapes only with `-e`. Both behaviours are here.
 */
export type EchoStyle = 'dash' | 'gnu';

export function echoText(args: readonly string[], style: EchoStyle): string {
  let i = 0;
  let newline = true;
  let escapes = style === 'dash';
  if (style === 'dash') {
    if (args[0] === '-n') {
      newline = false;
      i = 1;
    }
  } else {
    for (; i < args.length && /^-[neE]+$/.test(args[i] as string); i++) {
      for (const f of (args[i] as string).slice(1)) {
        if (f === 'n') newline = false;
        else escapes = f === 'e';
      }
    }
  }
  let text = args.slice(i).join(' ');
  if (escapes) {
    const { text: out, stop } = interpretEscapes(text, 'echo');
    if (stop) return out;
    text = out;
  }
  return newline ? `${text}\n` : text;
}

const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** Backslash escapes of echo (`\0NNN`) and printf (`\NNN`, `\xHH` is bash's, not dash's); `\c` stops output. */
export function interpretEscapes(text: string, mode: 'echo' | 'printf' | 'b'): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c !== '\\' || i === text.length - 1) {
      out += c;
      continue;
    }
    const n = text[i + 1] as string;
    if (n === 'c' && mode !== 'printf') return { text: out, stop: true };
    if (n in SIMPLE) {
      out += SIMPLE[n];
      i++;
    } else if (n === '"' && mode === 'printf') {
      out += '"';
      i++;
    } else if (/[0-7]/.test(n)) {
      // echo and %b want a leading 0 (\0NNN); printf's format takes \NNN.
      const max = mode === 'printf' ? 3 : n === '0' ? 4 : 3;
      const m = new RegExp(`^[0-7]{1,${max}}`).exec(text.slice(i + 1)) as RegExpExecArray;
      const digits = mode !== 'printf' && n === '0' ? m[0].slice(1) || '0' : m[0];
      out += String.fromCharCode(parseInt(digits, 8) & 0xff);
      i += m[0].length;
    } else {
      out += `\\${n}`;
      i++;
    }
  }
  return { text: out, stop: false };
}

/** printf(1): the format is reused until the arguments run out. Errors are returned, not thrown. */
export function formatPrintf(format: string, args: readonly string[]): { text: string; errors: string[]; fatal?: string } {
  const errors: string[] = [];
  let text = '';
  let argIndex = 0;
  const next = (): string | undefined => args[argIndex++];
  const number = (raw: string | undefined, float: boolean): number => {
    if (raw === undefined || raw === '') return 0;
    if (/^['"]/.test(raw)) return raw.codePointAt(1) ?? 0;
    const n = float ? Number(raw) : /^[-+]?0[xX][0-9a-fA-F]+$/.test(raw) ? parseInt(raw, 16) : /^[-+]?0[0-7]+$/.test(raw) ? parseInt(raw, 8) : Number(raw);
    if (!Number.isFinite(n) || (!float && !/^\s*[-+]?(?:0[xX][0-9a-fA-F]+|[0-9]+)\s*$/.test(raw))) {
      errors.push(`${raw}: expected numeric value`);
      return Number.isFinite(parseFloat(raw)) ? parseFloat(raw) : 0;
    }
    return n;
  };
  do {
    for (let i = 0; i < format.length; i++) {
      const c = format[i] as string;
      if (c === '\\') {
        const rest = format.slice(i);
        const m = /^\\(?:[0-7]{1,3}|.)/s.exec(rest) as RegExpExecArray;
        text += interpretEscapes(m[0], 'printf').text;
        i += m[0].length - 1;
        continue;
      }
      if (c !== '%') {
        text += c;
        continue;
      }
      const spec = /^%([-+ #0]*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?([a-zA-Z%])/.exec(format.slice(i));
      if (spec === null) return { text, errors, fatal: `${format.slice(i)}: invalid directive` };
      i += spec[0].length - 1;
      const [, flags = '', widthRaw, precRaw, conv = ''] = spec;
      if (conv === '%') {
        text += '%';
        continue;
      }
      const width = widthRaw === '*' ? number(next(), false) : widthRaw === undefined ? undefined : Number(widthRaw);
      const precision = precRaw === '*' ? number(next(), false) : precRaw === undefined ? undefined : Number(precRaw || '0');
      const arg = next();
      let body: string;
      switch (conv) {
        case 's':
          body = (arg ?? '').slice(0, precision);
          break;
        case 'b': {
          const r = interpretEscapes(arg ?? '', 'b');
          body = r.text;
          if (r.stop) return { text: text + pad(body, width, flags), errors };
          break;
        }
        case 'c':
          body = (arg ?? '').slice(0, 1);
          break;
        case 'd':
        case 'i':
        case 'u':
          body = signed(Math.trunc(number(arg, false)), flags, precision);
          break;
        case 'o':
        case 'x':
        case 'X': {
          const n = Math.trunc(number(arg, false));
          body = (n >>> 0 === n ? n : n >>> 0).toString(conv === 'o' ? 8 : 16);
          if (conv === 'X') body = body.toUpperCase();
          if (precision !== undefined) body = body.padStart(precision, '0');
          if (flags.includes('#') && n !== 0) body = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + body;
          break;
        }
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G': {
          const n = number(arg, true);
          const p = precision ?? 6;
          body = conv === 'f' || conv === 'F' ? n.toFixed(p) : conv === 'e' || conv === 'E' ? cExponent(n.toExponential(p)) : String(Number(n.toPrecision(p || 1)));
          if (conv === 'E' || conv === 'G') body = body.toUpperCase();
          if (n >= 0 && flags.includes('+')) body = `+${body}`;
          else if (n >= 0 && flags.includes(' ')) body = ` ${body}`;
          break;
        }
        default:
          return { text, errors, fatal: `%${conv}: invalid directive` };
      }
      text += pad(body, width, flags, /[diuoxXfFeEgG]/.test(conv));
    }
  } while (argIndex > 0 && argIndex < args.length);
  return { text, errors };
}

function signed(n: number, flags: string, precision: number | undefined): string {
  let digits = Math.abs(n).toString();
  if (precision !== undefined) digits = digits.padStart(precision, '0');
  return n < 0 ? `-${digits}` : flags.includes('+') ? `+${digits}` : flags.includes(' ') ? ` ${digits}` : digits;
}

/** C prints at least two exponent digits: 1.5e+00, not 1.5e+0. */
function cExponent(s: string): string {
  return s.replace(/e([-+])(\d)$/, 'e$10$2');
}

function pad(body: string, width: number | undefined, flags: string, numeric = false): string {
  if (width === undefined || body.length >= width) return body;
  if (flags.includes('-')) return body.padEnd(width);
  if (numeric && flags.includes('0')) {
    const sign = /^[-+ ]/.test(body) ? body.slice(0, 1) : '';
    return sign + body.slice(sign.length).padStart(width - sign.length, '0');
  }
  return body.padStart(width);
}
