/**
 * docker/go-units as `docker images` prints it: sizes with `HumanSizeWithPrecision(x, 3)` (Go
 * `%.3g`, decimal units) and ages with `HumanDuration` (docker-semantics §2g).
 */
const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

/** Go's `%.3g`: 3 significant digits, trailing zeros dropped, exponent form from 1e3 on (`1e+03`). */
export function goFormatG3(value: number): string {
  if (value === 0) return '0';
  const exponent = Math.floor(Math.log10(Math.abs(Number(value.toPrecision(3)))));
  if (exponent < -4 || exponent >= 3) {
    const [mantissa = '', exp = '0'] = value.toExponential(2).split('e');
    const sign = exp.startsWith('-') ? '-' : '+';
    return `${trimZeros(mantissa)}e${sign}${exp.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  return trimZeros(value.toPrecision(3));
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** `units.HumanSizeWithPrecision(size, 3)`: `0B`, `1.23kB`, `7.8MB`, `123MB`, `1e+03kB`. */
export function humanSize(bytes: number): string {
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < UNITS.length - 1) {
    size /= 1000;
    unit++;
  }
  return `${goFormatG3(size)}${UNITS[unit]}`;
}

/**
 * `units.HumanSize` (`HumanSizeWithPrecision(size, 4)`, Go `%.4g`): what `docker system df`, prune's
 * "Total reclaimed space", pull/push progress and the classic builder's context line print:
 * `0B`, `512B`, `2.048kB`, `12.35MB`.
 */
export function humanSize4(bytes: number): string {
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < UNITS.length - 1) {
    size /= 1000;
    unit++;
  }
  const text = size === 0 ? '0' : size.toPrecision(4);
  return `${text.includes('.') && !text.includes('e') ? trimZeros(text) : text}${UNITS[unit]}`;
}

/** `units.HumanDuration`: `Less than a second`, `About a minute`, `3 hours`, `2 weeks`, `56 years`. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(ms / 60_000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(ms / 3_600_000);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(ms / 3_600_000) / 24 / 365)} years`;
}
