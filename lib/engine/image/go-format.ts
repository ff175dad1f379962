import { goQuote, goQuoteList } from '@/lib/util';
import type { HealthConfig } from './config-types';

/**
 * The bits of Go's `fmt` that history `created_by` texts are made of: both builders build them
 * with `fmt.Sprintf` (`CMD %q`, `VOLUME %v`, `HEALTHCHECK %q`), so Go's formatting shows through.
 */

/** `time.Duration.String()`: `0s`, `500ms`, `1.5s`, `1m30s`, `1h0m0s`. */
export function goDuration(nanos: number): string {
  if (nanos === 0) return '0s';
  const neg = nanos < 0;
  let u = Math.abs(Math.trunc(nanos));
  let out: string;
  if (u < 1e9) {
    // Under a second: the largest unit that keeps an integer part, with a trimmed fraction.
    const [unit, prec] = u < 1e3 ? ['ns', 0] : u < 1e6 ? ['µs', 3] : ['ms', 6];
    out = fraction(u, prec) + unit;
  } else {
    out = `${fraction(u % 1e9, 9, Math.floor(u / 1e9) % 60)}s`;
    u = Math.floor(u / 1e9 / 60);
    if (u > 0) {
      out = `${u % 60}m${out}`;
      u = Math.floor(u / 60);
      if (u > 0) out = `${u}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}

/** `fmtFrac` + `fmtInt`: `whole.fraction` with trailing zeros (and a bare point) dropped. */
function fraction(value: number, prec: number, whole?: number): string {
  const scale = 10 ** prec;
  const intPart = whole ?? Math.floor(value / scale);
  const frac = whole === undefined ? value % scale : value;
  const digits = prec === 0 ? '' : String(frac).padStart(prec, '0').replace(/0+$/, '');
  return digits === '' ? String(intPart) : `${intPart}.${digits}`;
}

/** `%q` of an integer: a quoted rune literal (`'\x03'`, `'A'`), U+FFFD when not a valid rune. */
export function goQuoteRune(n: number): string {
  const valid = Number.isInteger(n) && n >= 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff);
  const ch = String.fromCodePoint(valid ? n : 0xfffd);
  if (ch === "'") return "'\\''";
  if (ch === '"') return `'"'`;
  return `'${goQuote(ch).slice(1, -1)}'`;
}

/** `%v` of a `[]string`: `[a b c]`. */
export function goList(items: readonly string[] | undefined): string {
  return `[${(items ?? []).join(' ')}]`;
}

/**
 * `fmt.Sprintf("%q", *HealthcheckConfig)`: a pointer to a struct prints `&{...}`, each field with
 * `%q` — the test as a quoted list, durations through their `String()` method, and `Retries`, an
 * int, as a rune literal. Real Docker history shows exactly this, e.g.
 * `HEALTHCHECK &{["CMD-SHELL" "curl -f http://localhost/"] "30s" "3s" "0s" "0s" '\x03'}`.
 */
export function goQuoteHealthcheck(h: HealthConfig): string {
  const durations = [h.Interval, h.Timeout, h.StartPeriod, h.StartInterval].map((d) => goQuote(goDuration(d ?? 0)));
  return `&{${[goQuoteList(h.Test ?? []), ...durations, goQuoteRune(h.Retries ?? 0)].join(' ')}}`;
}
