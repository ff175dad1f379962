import { baseName, joinPath, resolvePath, type ShellFs } from '@/lib/shell';
import type { GoMod } from './go-mod';

/**
 * Reading Go packages from the fs: which directories a pattern names, each package's name,
 * imports (with the position of the import, for go's `file:line:col:` errors) and source text
 * (hashed into the binary's identity so a code change changes the binary).
 */
export interface GoImport {
  path: string;
  file: string;
  line: number;
  col: number;
}

export interface GoPackage {
  dir: string;
  name: string;
  imports: GoImport[];
  sources: string[];
}

const textOf = async (fs: ShellFs, path: string): Promise<string> => new TextDecoder().decode(await fs.readFile(path));

/** The package in `dir`, or undefined when it has no (non-test) .go files. */
export async function readPackage(fs: ShellFs, dir: string, relativeTo: string): Promise<GoPackage | undefined> {
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => n.endsWith('.go') && !n.endsWith('_test.go'));
  } catch {
    return undefined;
  }
  if (names.length === 0) return undefined;
  const pkg: GoPackage = { dir, name: '', imports: [], sources: [] };
  for (const name of names) {
    const text = await textOf(fs, joinPath(dir, name));
    pkg.sources.push(text);
    const display = relativePath(relativeTo, joinPath(dir, name));
    if (pkg.name === '') pkg.name = /^\s*package\s+(\w+)/m.exec(text)?.[1] ?? '';
    pkg.imports.push(...parseImports(text, display));
  }
  return pkg;
}

/** `import "x"`, `import alias "x"` and `import ( ... )` blocks; stops at the first declaration. */
export function parseImports(text: string, file: string): GoImport[] {
  const out: GoImport[] = [];
  const lines = text.split('\n');
  let inBlock = false;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\/\/.*$/, '');
    const trimmed = line.trim();
    if (!inBlock && /^(func|type|var|const)\b/.test(trimmed)) break;
    if (!inBlock && /^import\s*\($/.test(trimmed)) {
      inBlock = true;
      continue;
    }
    if (inBlock && trimmed === ')') {
      inBlock = false;
      continue;
    }
    const m = inBlock ? /^(?:[\w.]+\s+)?"([^"]+)"/.exec(trimmed) : /^import\s+(?:[\w.]+\s+)?"([^"]+)"/.exec(trimmed);
    if (m?.[1] !== undefined) out.push({ path: m[1], file, line: i + 1, col: line.indexOf(inBlock ? trimmed : '"') + 1 });
  }
  return out;
}

export function relativePath(from: string, to: string): string {
  if (to === from) return '.';
  const prefix = from === '/' ? '/' : `${from}/`;
  return to.startsWith(prefix) ? to.slice(prefix.length) : to;
}

/** Directories a package pattern names: `.`, `./cmd/x`, `./...`, or an import path inside the main module. */
export async function patternDirs(fs: ShellFs, cwd: string, pattern: string, mod: GoMod): Promise<string[]> {
  if (pattern === 'all' || pattern.endsWith('/...')) {
    const root = pattern === 'all' ? mod.dir : resolveImportDir(cwd, pattern.slice(0, -4) || '.', mod);
    const dirs: string[] = [];
    await walkDirs(fs, root, dirs);
    return dirs;
  }
  return [resolveImportDir(cwd, pattern, mod)];
}

function resolveImportDir(cwd: string, pattern: string, mod: GoMod): string {
  if (pattern === '.' || pattern.startsWith('./') || pattern.startsWith('../') || pattern.startsWith('/')) return resolvePath(cwd, pattern);
  if (pattern === mod.module) return mod.dir;
  if (pattern.startsWith(`${mod.module}/`)) return joinPath(mod.dir, pattern.slice(mod.module.length + 1));
  return resolvePath(cwd, pattern);
}

async function walkDirs(fs: ShellFs, dir: string, out: string[]): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  if (names.some((n) => n.endsWith('.go') && !n.endsWith('_test.go'))) out.push(dir);
  for (const name of names) {
    // go ignores these directories when matching `...`.
    if (name === 'vendor' || name === 'testdata' || name.startsWith('.') || name.startsWith('_')) continue;
    const path = joinPath(dir, name);
    try {
      if ((await fs.lstat(path)).type === 'dir') await walkDirs(fs, path, out);
    } catch {
      // vanished while walking
    }
  }
}

/** The default binary name: the last element of the import path (the module's for its root). */
export function binaryName(dir: string, mod: GoMod): string {
  if (dir === mod.dir && mod.module !== '') return baseName(mod.module.replace(/\/v\d+$/, ''));
  return baseName(dir);
}
