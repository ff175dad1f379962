/**
 * Paths an earlier instruction left on disk, for LL1006, indexed so that "does this `rm` hit
 * something an earlier layer wrote" costs a few map lookups instead of a scan of every artifact.
 */
import { dropQuotes } from './shared';

export interface Artifact {
  path: string;
  /** A cache or a cloned tree: deleting something inside it also counts. */
  tree: boolean;
  line: number;
  what: string;
}

/** An absolute, normalized path, or null when it depends on a variable we cannot know. */
export function resolvePath(raw: string, cwd: string): string | null {
  let path = dropQuotes(raw).replace(/^(~|\$HOME|\$\{HOME\})(?=\/|$)/, '/root').replace(/\/\*$/, '');
  if (path.includes('$') || path === '') return null;
  if (!path.startsWith('/')) path = `${cwd}/${path}`;
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

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

export class ArtifactIndex {
  private readonly all: Artifact[] = [];
  /** Path → artifacts at exactly that path. */
  private readonly at = new Map<string, Artifact[]>();
  /** Directory → artifacts somewhere below it. */
  private readonly below = new Map<string, Artifact[]>();

  add(artifact: Artifact): void {
    this.all.push(artifact);
    push(this.at, artifact.path, artifact);
    for (const dir of ancestors(artifact.path)) push(this.below, dir, artifact);
  }

  /** The artifacts an `rm` of `target` deletes (the target itself, what is under it, or a tree it is inside). */
  findAll(target: string): Artifact[] {
    if (/[*?]/.test(target)) {
      // A glob may name an artifact or one of its parent directories.
      const re = globToRegExp(target);
      return this.all.filter((a) => [a.path, ...ancestors(a.path)].some((p) => re.test(p)));
    }
    const inTree = ancestors(target).flatMap((dir) => (this.at.get(dir) ?? []).filter((a) => a.tree));
    return [...(this.at.get(target) ?? []), ...(this.below.get(target) ?? []), ...inTree];
  }

  find(target: string): Artifact | undefined {
    return this.findAll(target)[0];
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
