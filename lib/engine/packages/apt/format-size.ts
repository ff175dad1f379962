/**
 * apt's SizeToStr (apt-pkg/contrib/strutl.cc): SI units, one decimal below 100, none from 100 to
 * 9999, then the next unit — so "6132 kB", "15.7 MB", "512 B". Callers append the "B".
 */
export function aptSize(bytes: number): string {
  const units = ['', 'k', 'M', 'G', 'T'];
  let size = Math.abs(bytes);
  for (let i = 0; i < units.length; i++) {
    const unit = units[i] ?? '';
    if (size < 100 && i !== 0) return `${size.toFixed(1)} ${unit}`;
    if (size < 10000) return `${size.toFixed(0)} ${unit}`;
    size /= 1000;
  }
  return `${size.toFixed(0)} P`;
}

/** apk's "OK: 12 MiB in 20 packages" rounds the installed total to whole MiB. */
export function apkMiB(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MiB`;
}

/** apt's ShowList: names after two spaces, wrapped before column 80 as apt does without a tty. */
export function wrapList(names: readonly string[], width = 80): string {
  const lines: string[] = [];
  let line = ' ';
  for (const name of names) {
    if (line.length + 1 + name.length > width - 1 && line.trim() !== '') {
      lines.push(line);
      line = ' ';
    }
    line += ` ${name}`;
  }
  if (line.trim() !== '') lines.push(line);
  return lines.map((l) => `${l}\n`).join('');
}
