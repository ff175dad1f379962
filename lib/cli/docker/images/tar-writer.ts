/**
 * A minimal ustar writer for the small archives the CLI assembles itself (`docker import` hands
 * the engine's loader a one-image archive around the imported tarball). Regular files only,
 * names under 100 bytes, mtime 0.
 */
const BLOCK = 512;
const encoder = new TextEncoder();

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number): Uint8Array {
  const block = new Uint8Array(BLOCK);
  const put = (offset: number, text: string) => block.set(encoder.encode(text), offset);
  put(0, name);
  put(100, octal(0o644, 8));
  put(108, octal(0, 8));
  put(116, octal(0, 8));
  put(124, octal(size, 12));
  put(136, octal(0, 12));
  put(148, '        ');
  put(156, '0');
  put(257, 'ustar\0');
  put(263, '00');
  const sum = block.reduce((n, b) => n + b, 0);
  put(148, `${sum.toString(8).padStart(6, '0')}\0 `);
  return block;
}

/** The tar of `files` (name → bytes), in the order given. */
export function writeTar(files: readonly (readonly [string, Uint8Array])[]): Uint8Array {
  const total = files.reduce((n, [, data]) => n + BLOCK + Math.ceil(data.length / BLOCK) * BLOCK, 2 * BLOCK);
  const out = new Uint8Array(total);
  let at = 0;
  for (const [name, data] of files) {
    out.set(header(name, data.length), at);
    at += BLOCK;
    out.set(data, at);
    at += Math.ceil(data.length / BLOCK) * BLOCK;
  }
  return out;
}
