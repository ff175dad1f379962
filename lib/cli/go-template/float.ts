// Go's strconv.FormatFloat for the verbs templates use (%v %g %e %f), and encoding/json's floats.

interface Digits {
  neg: boolean;
  /** Significant decimal digits without trailing zeros ('' for zero). */
  d: string;
  /** Decimal point position: value = 0.d × 10^dp. */
  dp: number;
}

/** Shortest round-trip digits (prec undefined) or digits rounded to `prec` significant digits. */
function digitsOf(v: number, prec?: number): Digits {
  const neg = v < 0 || Object.is(v, -0);
  const a = Math.abs(v);
  if (a === 0) return { neg, d: '', dp: 0 };
  const s = prec === undefined ? a.toExponential() : a.toExponential(Math.max(0, Math.min(100, prec - 1)));
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (m === null) return { neg, d: '', dp: 0 };
  const d = ((m[1] ?? '') + (m[2] ?? '')).replace(/0+$/, '');
  return { neg, d, dp: Number(m[3]) + 1 };
}

/** Digits rounded to `decimals` places after the decimal point (for %f). */
function fixedDigits(v: number, decimals: number): Digits {
  const neg = v < 0 || Object.is(v, -0);
  const a = Math.abs(v);
  let s: string;
  if (a >= 1e21) s = BigInt(a).toString();
  else s = a.toFixed(Math.min(100, decimals));
  const [int = '', frac = ''] = s.split('.');
  const all = (int + frac).replace(/^0+/, '');
  const dp = all.length - frac.length;
  return { neg, d: all.replace(/0+$/, ''), dp };
}

function fmtE(dg: Digits, decimals: number, e: string): string {
  let out = dg.neg ? '-' : '';
  out += dg.d[0] ?? '0';
  if (decimals > 0) out += `.${dg.d.slice(1, 1 + decimals).padEnd(decimals, '0')}`;
  const exp = dg.d === '' ? 0 : dg.dp - 1;
  const ae = Math.abs(exp);
  out += `${e}${exp < 0 ? '-' : '+'}${ae < 10 ? `0${ae}` : ae}`;
  return out;
}

function fmtF(dg: Digits, decimals: number): string {
  let out = dg.neg ? '-' : '';
  if (dg.dp > 0) {
    out += dg.d.slice(0, dg.dp).padEnd(dg.dp, '0');
  } else out += '0';
  if (decimals > 0) {
    let frac = '';
    for (let i = 0; i < decimals; i++) {
      const j = dg.dp + i;
      frac += j < 0 || j >= dg.d.length ? '0' : dg.d[j];
    }
    out += `.${frac}`;
  }
  return out;
}

function special(v: number): string | null {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return null;
}

/** strconv.FormatFloat(v, 'g'|'G', prec, 64); prec -1 = shortest. */
function formatG(v: number, prec: number, upper: boolean): string {
  const sp = special(v);
  if (sp !== null) return sp;
  const shortest = prec < 0;
  const p0 = shortest ? undefined : prec === 0 ? 1 : prec;
  const dg = digitsOf(v, p0);
  const nd = dg.d.length;
  let p = shortest ? nd : (p0 as number);
  let eprec = p;
  if (eprec > nd && nd >= dg.dp) eprec = nd;
  if (shortest) eprec = 6;
  const exp = nd === 0 ? 0 : dg.dp - 1;
  if (exp < -4 || exp >= eprec) {
    if (p > nd) p = nd;
    return fmtE(dg, Math.max(p - 1, 0), upper ? 'E' : 'e');
  }
  if (p > dg.dp) p = nd;
  return fmtF(dg, Math.max(p - dg.dp, 0));
}

/** Go's `%v` of a float64: `1`, `1.5`, `1e+06`, `1.234567e+06`. */
export function formatFloat(v: number): string {
  return formatG(v, -1, false);
}

/** One float verb with an optional precision, or null when the verb does not apply to floats. */
export function formatFloatVerb(v: number, verb: string, prec: number | undefined, sharp: boolean): string | null {
  const sp = special(v);
  switch (verb) {
    case 'v':
    case 'g':
    case 'G': {
      const s = formatG(v, prec ?? -1, verb === 'G');
      if (!sharp || sp !== null) return s;
      return s;
    }
    case 'e':
    case 'E': {
      if (sp !== null) return sp;
      const decimals = prec ?? 6;
      return fmtE(digitsOf(v, decimals + 1), decimals, verb);
    }
    case 'f':
    case 'F': {
      if (sp !== null) return sp;
      const decimals = prec ?? 6;
      return fmtF(fixedDigits(v, decimals), decimals);
    }
  }
  return null;
}

/** encoding/json's float64: like JS, but exponents keep Go's form (`1e-7`, `1e+21`). */
export function jsonFloat(v: number): string | null {
  if (!Number.isFinite(v)) return null;
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-6 || a >= 1e21)) {
    // 'e' format, shortest, then Go trims "e-07" to "e-7".
    const dg = digitsOf(v);
    return fmtE(dg, Math.max(dg.d.length - 1, 0), 'e').replace(/e([+-])0(\d)$/, 'e$1$2');
  }
  return Object.is(v, -0) ? '-0' : String(v);
}
