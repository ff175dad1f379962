/**
 * `units.HumanSize` (docker/go-units): `%.4g` with decimal units — what `docker system df` and
 * prune's "Total reclaimed space" print (`docker images` uses 3 digits: common/human-units).
 */
const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

export function humanSize4(bytes: number): string {
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < UNITS.length - 1) {
    size /= 1000;
    unit++;
  }
  const text = size === 0 ? '0' : size.toPrecision(4);
  return `${text.includes('.') && !text.includes('e') ? text.replace(/0+$/, '').replace(/\.$/, '') : text}${UNITS[unit]}`;
}
