import { dirName, joinPath, type ShellFs } from '@/lib/shell';
import { readSynthetic } from '../../fs';

/**
 * Writing what a package installs. A package is a few real files (a version file, a script a
 * later step reads) plus bulk of its true size; the bulk must not cost memory, so it goes through
 * `writeSynthetic` when the fs offers it (the build's tree adapter does: the tree then holds
 * `synthetic(size, seed)`, a recipe, not bytes). An fs without it (the memory fs of unit tests)
 * gets real bytes, but only up to REAL_BYTES_LIMIT: silently materializing 100 MB would freeze
 * the browser, so larger writes fail loudly instead.
 */
export interface SyntheticWriter {
  writeSynthetic(path: string, size: number, seed: string, mode?: number): Promise<void>;
}

export const REAL_BYTES_LIMIT = 1 << 20;

export function canWriteSynthetic(fs: ShellFs): fs is ShellFs & SyntheticWriter {
  return typeof (fs as Partial<SyntheticWriter>).writeSynthetic === 'function';
}

export async function writeSyntheticFile(fs: ShellFs, path: string, size: number, seed: string, mode = 0o644): Promise<void> {
  await fs.mkdir(dirName(path), { recursive: true });
  if (canWriteSynthetic(fs)) return fs.writeSynthetic(path, size, seed, mode);
  if (size > REAL_BYTES_LIMIT) throw new Error(`cannot write ${size} synthetic bytes to ${path}: this filesystem holds real bytes only`);
  await fs.writeFile(path, readSynthetic(seed, size), { mode });
  await fs.chmod(path, mode);
}

/** One file a package installs: real `text`, or `size` synthetic bytes. */
export interface PackageFile {
  path: string;
  text?: string;
  size?: number;
  mode?: number;
}

/** Writes files in order, creating parents; synthetic seeds are `seedPrefix|path` so they are stable. */
export async function writePackageFiles(fs: ShellFs, files: readonly PackageFile[], seedPrefix: string): Promise<number> {
  let bytes = 0;
  for (const file of files) {
    const mode = file.mode ?? 0o644;
    if (file.text !== undefined) {
      await fs.mkdir(dirName(file.path), { recursive: true });
      await fs.writeFile(file.path, file.text, { mode });
      bytes += new TextEncoder().encode(file.text).length;
    } else {
      const size = file.size ?? 0;
      await writeSyntheticFile(fs, file.path, size, `${seedPrefix}|${file.path}`, mode);
      bytes += size;
    }
  }
  return bytes;
}

/**
 * `count` files totalling exactly `bytes` under `dir` (`file-000.ext`, ...): how a catalog's
 * "1200 files, 24 MB" becomes a tree whose layer size matches without listing every real name.
 */
export function bulkFiles(dir: string, count: number, bytes: number, ext = ''): PackageFile[] {
  const n = Math.max(1, Math.min(count, bytes > 0 ? bytes : 1));
  const each = Math.floor(bytes / n);
  const width = String(n - 1).length;
  return Array.from({ length: n }, (_, i) => ({
    path: joinPath(dir, `file-${String(i).padStart(width, '0')}${ext}`),
    size: i === n - 1 ? bytes - each * (n - 1) : each,
  }));
}
