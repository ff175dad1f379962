/**
 * chmod(1) mode operands: octal (`755`, `0644`) and symbolic (`u+x`, `go-w`, `a=rX,u+s`).
 * A symbolic clause without `ugoa` acts as `a` but spares the umask bits (022 in RUN), as GNU does.
 */
const UMASK = 0o022;

export function parseMode(spec: string, current: number, isDir: boolean): number | undefined {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
  let mode = current & 0o7777;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)([-+=][rwxXst]*)+$/.exec(clause);
    if (m === null) return undefined;
    const who = m[1] as string;
    const whoMask = who === '' ? 0o7777 & ~UMASK : maskOf(who);
    for (const action of clause.slice(who.length).match(/[-+=][rwxXst]*/g) ?? []) {
      const op = action[0];
      let bits = 0;
      for (const p of action.slice(1)) {
        if (p === 'r') bits |= 0o444;
        else if (p === 'w') bits |= 0o222;
        else if (p === 'x') bits |= 0o111;
        else if (p === 'X' && (isDir || (current & 0o111) !== 0)) bits |= 0o111;
        else if (p === 's') bits |= 0o6000;
        else if (p === 't') bits |= 0o1000;
      }
      const affected = who === '' ? 0o7777 : maskOf(who) | (who.includes('u') || who.includes('a') ? 0o4000 : 0) | (who.includes('g') || who.includes('a') ? 0o2000 : 0) | (who.includes('o') || who.includes('a') ? 0o1000 : 0);
      bits &= affected & (who === '' ? whoMask | 0o7000 : 0o7777);
      if (op === '+') mode |= bits;
      else if (op === '-') mode &= ~bits;
      else mode = (mode & ~(who === '' ? 0o7777 : affected)) | bits;
    }
  }
  return mode;
}

function maskOf(who: string): number {
  let mask = 0;
  if (who.includes('u') || who.includes('a')) mask |= 0o700;
  if (who.includes('g') || who.includes('a')) mask |= 0o070;
  if (who.includes('o') || who.includes('a')) mask |= 0o007;
  return mask;
}

/** `drwxr-xr-x` for ls -l. */
export function modeString(type: 'file' | 'dir' | 'symlink', mode: number): string {
  const kind = type === 'dir' ? 'd' : type === 'symlink' ? 'l' : '-';
  const rwx = (bits: number, special: boolean, letter: string): string =>
    `${bits & 4 ? 'r' : '-'}${bits & 2 ? 'w' : '-'}${special ? (bits & 1 ? letter : letter.toUpperCase()) : bits & 1 ? 'x' : '-'}`;
  return kind + rwx((mode >> 6) & 7, (mode & 0o4000) !== 0, 's') + rwx((mode >> 3) & 7, (mode & 0o2000) !== 0, 's') + rwx(mode & 7, (mode & 0o1000) !== 0, 't');
}
