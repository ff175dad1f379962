import { dirName, type ShellFs } from '@/lib/shell';

/**
 * Writing a package's files into the step's filesystem. Packages are big (gcc alone is 170 MB),
 * so their bulk is synthetic: an fs that can hold a synthetic recipe (the engine's tree fs)
 * offers `writeSynthetic` and stores only (size, seed); any other ShellFs (the memory fs in
 * tests) gets real zero bytes of the same size, so sizes measured with stat are right either way.
 */
export interface SyntheticCapableFs extends ShellFs {
  writeSynthetic?(path: string, size: number, seed: string, options?: { mode?: number }): Promise<void>;
}

/** One path a package installs, as the catalogs write it. */
export type CatalogFile = { path: string; bytes: number; mode?: string } | { path: string; symlink: string } | { path: string; text: string; mode?: string };

export interface PackagePayload {
  /** Seed prefix: `apt:curl:7.88.1-10` — deterministic content per package version and path. */
  seed: string;
  files: readonly CatalogFile[];
  bulk: { dir: string; bytes: number };
  /** Name of the bulk file inside `bulk.dir`. */
  bulkName: string;
  /** Small real files (copyright, dpkg lists). */
  texts?: ReadonlyArray<{ path: string; text: string }>;
}

export async function writeSized(fs: ShellFs, path: string, size: number, seed: string, mode = 0o644): Promise<void> {
  await fs.mkdir(dirName(path), { recursive: true });
  const capable = fs as SyntheticCapableFs;
  if (capable.writeSynthetic !== undefined) await capable.writeSynthetic(path, size, seed, { mode });
  else await fs.writeFile(path, new Uint8Array(size), { mode });
  // writeFile keeps an existing file's mode (as open(2) does); a package sets it.
  await fs.chmod(path, mode);
}

/** Writes every file of a package and returns the paths it owns (dpkg's `.list`, apk's R: lines). */
export async function writePayload(fs: ShellFs, payload: PackagePayload): Promise<string[]> {
  const owned: string[] = [];
  for (const file of payload.files) {
    await fs.mkdir(dirName(file.path), { recursive: true });
    if ('symlink' in file) {
      await fs.rm(file.path, { force: true });
      await fs.symlink(file.symlink, file.path);
    } else if ('text' in file) {
      const mode = file.mode === undefined ? 0o644 : parseInt(file.mode, 8);
      await fs.writeFile(file.path, file.text, { mode });
      await fs.chmod(file.path, mode);
    } else {
      await writeSized(fs, file.path, file.bytes, `${payload.seed}:${file.path}`, file.mode === undefined ? 0o644 : parseInt(file.mode, 8));
    }
    owned.push(file.path);
  }
  if (payload.bulk.bytes > 0) {
    const path = `${payload.bulk.dir}/${payload.bulkName}`;
    await writeSized(fs, path, payload.bulk.bytes, `${payload.seed}:${path}`);
    owned.push(path);
  }
  for (const text of payload.texts ?? []) {
    await fs.mkdir(dirName(text.path), { recursive: true });
    await fs.writeFile(text.path, text.text);
    owned.push(text.path);
  }
  return owned;
}

/** Removes the files a package owned; directories other packages share are left alone. */
export async function removeOwned(fs: ShellFs, paths: readonly string[], keep: (path: string) => boolean = () => false): Promise<void> {
  for (const path of paths) {
    if (keep(path)) continue;
    await fs.rm(path, { force: true });
  }
}

export async function readTextOr(fs: ShellFs, path: string, fallback: string): Promise<string> {
  try {
    return new TextDecoder().decode(await fs.readFile(path));
  } catch {
    return fallback;
  }
}
