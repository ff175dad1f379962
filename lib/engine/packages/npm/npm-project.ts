import { joinPath, type ShellFs } from '@/lib/shell';

/**
 * The project files npm and yarn read and write: package.json, package-lock.json (lockfile v3,
 * as npm 7+ writes it) and yarn.lock, plus the small version-range check the catalog needs.
 */

export interface PackageJson {
  name?: string;
  version?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [key: string]: unknown;
}

const decoder = new TextDecoder();

export async function readText(fs: ShellFs, path: string): Promise<string | undefined> {
  try {
    return decoder.decode(await fs.readFile(path));
  } catch {
    return undefined;
  }
}

export type ReadJson<T> = { ok: true; value: T } | { ok: false; missing: true } | { ok: false; missing: false; message: string };

export async function readJsonFile<T>(fs: ShellFs, path: string): Promise<ReadJson<T>> {
  const text = await readText(fs, path);
  if (text === undefined) return { ok: false, missing: true };
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, missing: false, message: `Unexpected token in JSON at position 0 while parsing ${path}` };
    return { ok: true, value: value as T };
  } catch (e) {
    return { ok: false, missing: false, message: `${e instanceof Error ? e.message : String(e)} while parsing '${text.slice(0, 20)}'` };
  }
}

export async function writeJsonFile(fs: ShellFs, path: string, value: unknown): Promise<void> {
  await fs.writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}

export const packageJsonPath = (dir: string) => joinPath(dir, 'package.json');
export const lockPath = (dir: string) => joinPath(dir, 'package-lock.json');

/** A dependency list as [name, range] pairs, keeping the object's order. */
export function depsOf(record: Record<string, string> | undefined): [string, string][] {
  if (record === undefined || typeof record !== 'object') return [];
  return Object.entries(record).filter((e): e is [string, string] => typeof e[1] === 'string');
}

/** `express@^4.18.0`, `@types/node@20`, `react` → name and range (`latest` when none). */
export function parseSpec(spec: string): { name: string; range: string } {
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  if (at < 0) return { name: spec, range: 'latest' };
  return { name: spec.slice(0, at), range: spec.slice(at + 1) || 'latest' };
}

const EXACT = /^=?v?(\d+\.\d+\.\d+(?:-[\w.]+)?)$/;

/**
 * Whether the catalog's single version can serve `range`. The catalog holds one version per
 * package, so ranges (^, ~, >=, x, *) are served by it as long as they are not an exact pin of
 * another version; an exact pin that differs is npm's ETARGET.
 */
export function servesRange(version: string, range: string): boolean {
  const exact = EXACT.exec(range.trim());
  return exact === null || exact[1] === version;
}

/** The version a lock or a dependency's package.json records for a range (`^1.3.8` → `1.3.8`). */
export function versionFromRange(range: string): string {
  const m = /(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?/.exec(range);
  if (m === null) return '1.0.0';
  const part = (s: string | undefined) => (s === undefined || s === 'x' || s === '*' ? '0' : s);
  return `${m[1] ?? '0'}.${part(m[2])}.${part(m[3])}`;
}

/** Deterministic 32-bit FNV-1a, for lock integrity strings and build file hashes. */
export function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function hexHash(text: string, length = 8): string {
  let out = '';
  let seed = text;
  while (out.length < length) {
    const h = fnv(seed);
    out += h.toString(16).padStart(8, '0');
    seed = `${seed}|${h}`;
  }
  return out.slice(0, length);
}

/** A stand-in for the sha512 integrity of a tarball the model never downloads: stable per name@version. */
export function integrityOf(id: string): string {
  const bytes: number[] = [];
  let seed = id;
  while (bytes.length < 64) {
    const h = fnv(seed);
    bytes.push(h & 0xff, (h >>> 8) & 0xff, (h >>> 16) & 0xff, (h >>> 24) & 0xff);
    seed = `${seed}|${h}`;
  }
  return `sha512-${btoa(String.fromCharCode(...bytes))}`;
}

/** `1.2 s`-style durations as npm prints them: `350ms`, `3s`, `2m`. */
export function npmDuration(seconds: number): string {
  if (seconds < 1) return `${Math.max(1, Math.round(seconds * 1000))}ms`;
  if (seconds < 60) return `${Math.round(seconds)}s`;
  return `${Math.round(seconds / 60)}m`;
}
