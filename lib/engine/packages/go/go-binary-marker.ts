/**
 * How a Go binary built in RUN says what it needs to start. The binary is synthetic content of
 * its true size whose seed is a marker string, so whoever later holds the file's content (the
 * containers area deciding whether `./server` can start) reads the seed instead of parsing an ELF:
 *
 *   go-binary:v1:<linkage>:<libc>:<goos>/<goarch>:<digest>
 *
 * - linkage `static` (CGO_ENABLED=0, or cgo not needed): runs anywhere, scratch included;
 * - linkage `dynamic` with libc `glibc` or `musl`: needs that loader and libc in the image, so a
 *   binary built on golang:1.21 (Debian) will not start on alpine (musl) or scratch (nothing);
 * - libc is `none` for static binaries;
 * - digest: a hash of the sources and modules, so different programs get different bytes.
 * Changing this format changes the digests of every image with a Go binary: bump v1.
 */
export type GoLinkage = 'static' | 'dynamic';

export interface GoBinaryInfo {
  linkage: GoLinkage;
  libc: 'glibc' | 'musl' | 'none';
  goos: string;
  goarch: string;
  digest: string;
}

export const GO_BINARY_PREFIX = 'go-binary:v1:';

export function goBinarySeed(info: GoBinaryInfo): string {
  return `${GO_BINARY_PREFIX}${info.linkage}:${info.libc}:${info.goos}/${info.goarch}:${info.digest}`;
}

/** The marker's fields, or undefined for any other seed (not a Go binary built by the model). */
export function parseGoBinarySeed(seed: string): GoBinaryInfo | undefined {
  const m = /^go-binary:v1:(static|dynamic):(glibc|musl|none):([a-z0-9]+)\/([a-z0-9]+):([0-9a-f]+)$/.exec(seed);
  if (m === null) return undefined;
  return { linkage: m[1] as GoLinkage, libc: m[2] as GoBinaryInfo['libc'], goos: m[3] as string, goarch: m[4] as string, digest: m[5] as string };
}

/** Whether an image with `libc` (null: scratch) can start the binary; the reason when not. */
export function canStartGoBinary(info: GoBinaryInfo, libc: 'glibc' | 'musl' | null, os = 'linux'): { ok: true } | { ok: false; reason: string } {
  if (info.goos !== os) return { ok: false, reason: `exec format error (built for ${info.goos}/${info.goarch})` };
  if (info.linkage === 'static') return { ok: true };
  if (libc === info.libc) return { ok: true };
  // What the kernel reports when the ELF interpreter (/lib64/ld-linux-x86-64.so.2) is missing.
  return { ok: false, reason: `no such file or directory (dynamically linked against ${info.libc}; build with CGO_ENABLED=0 for alpine or scratch)` };
}

/** FNV-1a over strings, hex: a stable digest for the marker without pulling in sha256. */
export function fnvHex(parts: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) h = Math.imul(h ^ part.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0xff, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
