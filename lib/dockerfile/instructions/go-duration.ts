/** Nanoseconds per unit, as Go's `time.ParseDuration` accepts them. */
const UNITS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3, // U+00B5 micro sign
  'μs': 1e3, // U+03BC Greek mu
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

type DurationResult = { ok: true; nanos: number } | { ok: false; message: string };

// Error texts are built only on failure: HEALTHCHECK intervals are parsed on every keystroke.
function invalidDuration(text: string): DurationResult {
  return { ok: false, message: `time: invalid duration ${JSON.stringify(text)}` };
}

/**
 * Go's `time.ParseDuration`, returning nanoseconds, or an error message with Go's exact text
 * (`time: invalid duration "x"`, `time: missing unit in duration "1"`,
 * `time: unknown unit "x" in duration "1x"`). HEALTHCHECK flags use it.
 */
export function parseGoDuration(text: string): DurationResult {
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, nanos: 0 };
  if (s === '') return invalidDuration(text);
  let total = 0;
  while (s !== '') {
    const number = /^(\d*)(?:\.(\d*))?/.exec(s);
    const whole = number?.[1] ?? '';
    const fraction = number?.[2];
    if (whole === '' && (fraction === undefined || fraction === '')) return invalidDuration(text);
    s = s.slice(number?.[0].length ?? 0);
    const unitMatch = /^[^\d.]+/.exec(s);
    if (!unitMatch) return { ok: false, message: `time: missing unit in duration ${JSON.stringify(text)}` };
    const unit = unitMatch[0];
    const scale = UNITS[unit];
    if (scale === undefined) return { ok: false, message: `time: unknown unit ${JSON.stringify(unit)} in duration ${JSON.stringify(text)}` };
    s = s.slice(unit.length);
    total += Number(`${whole || '0'}.${fraction ?? ''}0`) * scale;
  }
  return { ok: true, nanos: sign * Math.round(total) };
}
