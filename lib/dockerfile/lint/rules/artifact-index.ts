/**
 * Paths an earlier instruction left on disk, for LL1006, indexed so that "does this `rm` hit
 * something an earlier layer wrote" costs a few map lookups instead of a scan of every artifact.
 * Loops over `/` positions instead of arrays of ancestors: this runs for every COPY and every
 * command of every RUN on each keystroke.
 */
import { dropQuotes } from './shared';

export interface Artifact {
  path: string;
  /** A cache or a cloned tree: deleting something inside it also counts. */
  tree: boolean;
  line: number;
  what: string;
}

const HOME = /^(~|\$HOME|\$\{HOME\})(?=\/|$)/;

/** An absolute, normalized path, or null when it depends on a variable we cannot know. */
export function resolvePath(raw: string, cwd: string): string | null {
  let path = dropQuotes(raw);
  const first = path.charCodeAt(0);
  if (first === 0x7e || first === 0x24) path = path.replace(HOME, '/root'); // `~` or `$`
  if (path.endsWith('/*')) path = path.slice(0, -2);
  if (path.includes('$') || path === '') return null;
  if (path.charCodeAt(0) !== 0x2f) path = `${cwd}/${path}`;
  // Already normalized (the usual case): no empty, `.` or `..` segment, no trailing slash.
  if (!path.includes('//') && !path.includes('/.') && (path.length === 1 || !path.endsWith('/'))) return path;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** `/a/b/c` → `/a/b`, `/a`, `/`. */
function ancestors(path: string): string[] {
  const out: string[] = [];
  for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) out.push(path.slice(0, i));
  if (path !== '/') out.push('/');
  return out;
}

// A RUN's glob is looked up in the stage's index and in the RUN's own: compile each glob once.
const GLOB_CACHE = new Map<string, RegExp>();
const GLOB_CACHE_SIZE = 256;

function globToRegExp(glob: string): RegExp {
  let re = GLOB_CACHE.get(glob);
  if (re === undefined) {
    const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
    re = new RegExp(`^${body}$`);
    if (GLOB_CACHE.size >= GLOB_CACHE_SIZE) GLOB_CACHE.clear(); // bounded: a long-lived editor session
    GLOB_CACHE.set(glob, re);
  }
  return re;
}

const GLOB = /[*?]/;

/** Does the glob name the path or one of its parent directories? */
function globHits(re: RegExp, path: string): boolean {
  return re.test(path) || ancestors(path).some((p) => re.test(p));
}

export class ArtifactIndex {
  private readonly all: Artifact[] = [];
  /** Path → artifacts at exactly that path. */
  private readonly at = new Map<string, Artifact[]>();
  /** Directory → artifacts somewhere below it. */
  private readonly below = new Map<string, Artifact[]>();

  get size(): number {
    return this.all.length;
  }

  add(artifact: Artifact): void {
    const path = artifact.path;
    this.all.push(artifact);
    push(this.at, path, artifact);
    for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) push(this.below, path.slice(0, i), artifact);
    if (path !== '/') push(this.below, '/', artifact);
  }

  /**
   * The artifacts an `rm` of `target` deletes: the target itself, what is under it, then the
   * trees it is inside (nearest first). A glob may name an artifact or one of its parents.
   */
  findAll(target: string): Artifact[] {
    const out: Artifact[] = [];
    if (GLOB.test(target)) {
      const re = globToRegExp(target);
      for (const a of this.all) if (globHits(re, a.path)) out.push(a);
      return out;
    }
    for (const a of this.at.get(target) ?? []) out.push(a);
    for (const a of this.below.get(target) ?? []) out.push(a);
    this.treesAbove(target, out);
    return out;
  }

  /** `findAll(target)[0]`, stopping at the first hit. */
  find(target: string): Artifact | undefined {
    if (GLOB.test(target)) {
      const re = globToRegExp(target);
      return this.all.find((a) => globHits(re, a.path));
    }
    return this.at.get(target)?.[0] ?? this.below.get(target)?.[0] ?? this.treesAbove(target, null);
  }

  /**
   * Tree artifacts at the target's parent directories, nearest first: all of them appended to
   * `out`, or (when `out` is null) just the first returned.
   */
  private treesAbove(target: string, out: Artifact[] | null): Artifact | undefined {
    for (let i = target.lastIndexOf('/'); ; i = target.lastIndexOf('/', i - 1)) {
      const dir = i > 0 ? target.slice(0, i) : '/';
      if (dir === target) return undefined; // `/` has no parent
      for (const a of this.at.get(dir) ?? []) {
        if (!a.tree) continue;
        if (out === null) return a;
        out.push(a);
      }
      if (i <= 0) return undefined;
    }
  }

  clone(): ArtifactIndex {
    const copy = new ArtifactIndex();
    for (const a of this.all) copy.add(a);
    return copy;
  }
}

function push(map: Map<string, Artifact[]>, key: string, artifact: Artifact): void {
  const list = map.get(key);
  if (list) list.push(artifact);
  else map.set(key, [artifact]);
}
