import { dirName, joinPath, type ShellFs } from '@/lib/shell';
import type { GoCatalog } from './go-catalog';

/**
 * go.mod as far as the model needs it: the module path, the go directive and the requirements
 * (single-line and block form, `// indirect` kept as a flag). Replace/exclude are ignored.
 */
export interface GoMod {
  dir: string;
  module: string;
  go: string | undefined;
  requires: { path: string; version: string; indirect: boolean }[];
}

export function parseGoMod(text: string, dir: string): GoMod {
  const mod: GoMod = { dir, module: '', go: undefined, requires: [] };
  let inRequire = false;
  for (const raw of text.split('\n')) {
    const indirect = /\/\/\s*indirect/.test(raw);
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (line === '') continue;
    if (inRequire) {
      if (line === ')') inRequire = false;
      else addRequire(mod, line, indirect);
      continue;
    }
    const [word = '', ...rest] = line.split(/\s+/);
    if (word === 'module') mod.module = (rest[0] ?? '').replace(/^"|"$/g, '');
    else if (word === 'go') mod.go = rest[0];
    else if (word === 'require') {
      if (rest[0] === '(') inRequire = true;
      else addRequire(mod, rest.join(' '), indirect);
    }
  }
  return mod;
}

function addRequire(mod: GoMod, spec: string, indirect: boolean): void {
  const [path, version] = spec.split(/\s+/);
  if (path !== undefined && version !== undefined) mod.requires.push({ path, version, indirect });
}

/** The nearest go.mod from `cwd` upwards, as the go command finds the main module. */
export async function findGoMod(fs: ShellFs, cwd: string): Promise<GoMod | undefined> {
  for (let dir = cwd; ; dir = dirName(dir)) {
    const path = joinPath(dir, 'go.mod');
    try {
      if ((await fs.stat(path)).type === 'file') return parseGoMod(new TextDecoder().decode(await fs.readFile(path)), dir);
    } catch {
      // keep looking upwards
    }
    if (dir === '/') return undefined;
  }
}

export interface ModuleVersion {
  path: string;
  version: string;
}

/**
 * The module graph to fetch: go.mod's requirements plus, for each known module, what the catalog
 * says it requires (a student's go.mod often lists only direct dependencies; real Go would ask
 * for `go mod tidy`, the model completes the graph instead). go.mod's own versions win.
 */
export function moduleClosure(mod: GoMod, catalog: GoCatalog): ModuleVersion[] {
  const chosen = new Map<string, string>();
  for (const r of mod.requires) chosen.set(r.path, r.version);
  const queue = [...chosen.keys()];
  while (queue.length > 0) {
    const path = queue.shift() as string;
    for (const pin of catalog.modules[path]?.requires ?? []) {
      const at = pin.lastIndexOf('@');
      const dep = pin.slice(0, at);
      if (!chosen.has(dep)) {
        chosen.set(dep, pin.slice(at + 1));
        queue.push(dep);
      }
    }
  }
  return [...chosen].map(([path, version]) => ({ path, version })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Module cache escaping: upper-case letters become `!` + lower case (golang.org/x/mod/module). */
export function escapeModulePath(path: string): string {
  return path.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}

export function gopath(env: Readonly<Record<string, string>>): string {
  return env.GOPATH ?? `${env.HOME ?? '/root'}/go`;
}

export function gomodcache(env: Readonly<Record<string, string>>): string {
  return env.GOMODCACHE ?? `${gopath(env).split(':')[0] ?? '/go'}/pkg/mod`;
}

export function gocache(env: Readonly<Record<string, string>>): string {
  return env.GOCACHE ?? `${env.XDG_CACHE_HOME ?? `${env.HOME ?? '/root'}/.cache`}/go-build`;
}
