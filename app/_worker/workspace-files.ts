import type { GitMark, WorkspaceEntry } from '@/app/_lib/engine/api';
import { isFsError, joinPath, normalizePath, type ShellFs } from '@/lib/shell';
import { gitMarks, repositoryAt } from '@/lib/workspace';

/**
 * The workspace as the file tree sees it: the student's files below `/workspace` on the
 * workstation's ShellFs (the same one the terminal and `docker build .` use).
 */
export const WORKSPACE = '/workspace';

/** A workspace path from the UI (`src/app.py`) as a shell path, refusing anything outside it. */
export function workspacePath(path: string): string {
  if (path.startsWith('/')) throw new Error(`workspace paths are relative to the workspace: ${path}`);
  const full = normalizePath(joinPath(WORKSPACE, path));
  if (full !== WORKSPACE && !full.startsWith(`${WORKSPACE}/`)) throw new Error(`not a path inside the workspace: ${path}`);
  return full;
}

/**
 * Every entry below the workspace, depth first in name order, with git's mark for the files of
 * each repository found on the way (a `.git` directory; its own contents are not listed).
 */
export async function listWorkspace(fs: ShellFs): Promise<WorkspaceEntry[]> {
  const out: WorkspaceEntry[] = [];
  const walk = async (dir: string, rel: string, marks: RepoMarks | null): Promise<void> => {
    const names = await fs.readdir(dir);
    const here = names.includes('.git') ? await repoMarks(fs, dir, rel) : null;
    const active = here ?? marks;
    for (const name of names) {
      if (name === '.git') continue;
      const path = rel === '' ? name : `${rel}/${name}`;
      const full = `${dir}/${name}`;
      const stat = await fs.lstat(full);
      const entry: WorkspaceEntry = { path, type: stat.type, size: stat.type === 'dir' ? 0 : stat.size };
      if (active !== null && stat.type !== 'dir') entry.git = active.marks.get(path.slice(active.prefix.length)) ?? 'ignored';
      out.push(entry);
      if (stat.type === 'dir') await walk(full, path, active);
    }
  };
  await walk(WORKSPACE, '', null);
  return out;
}

interface RepoMarks {
  /** The repository's directory relative to the workspace, with a trailing `/` (or empty). */
  prefix: string;
  marks: Map<string, GitMark>;
}

async function repoMarks(fs: ShellFs, dir: string, rel: string): Promise<RepoMarks | null> {
  if ((await fs.stat(`${dir}/.git`).catch(() => null))?.type !== 'dir') return null;
  try {
    return { prefix: rel === '' ? '' : `${rel}/`, marks: await gitMarks(repositoryAt(fs, dir)) };
  } catch {
    // A broken or half-made repository (an example's bare .git/ skeleton): no marks rather than no tree.
    return null;
  }
}

export async function readText(fs: ShellFs, path: string): Promise<string> {
  return new TextDecoder().decode(await fs.readFile(workspacePath(path)));
}

/** Writes a file, creating its directories, as an editor's save does. */
export async function writeText(fs: ShellFs, path: string, text: string): Promise<void> {
  const full = workspacePath(path);
  const parent = full.slice(0, full.lastIndexOf('/'));
  if (parent !== WORKSPACE) await fs.mkdir(parent, { recursive: true });
  await fs.writeFile(full, text);
}

export async function createDirectory(fs: ShellFs, path: string): Promise<void> {
  await fs.mkdir(workspacePath(path), { recursive: true });
}

/** Renames within the workspace; refuses to replace an existing entry (the file tree asks first). */
export async function renameEntry(fs: ShellFs, from: string, to: string): Promise<void> {
  const source = workspacePath(from);
  const target = workspacePath(to);
  if (source === WORKSPACE || target === WORKSPACE) throw new Error('the workspace itself cannot be renamed');
  if (source === target) return;
  if (await fs.exists(target)) throw new Error(`${to} already exists`);
  const parent = target.slice(0, target.lastIndexOf('/'));
  if (parent !== WORKSPACE) await fs.mkdir(parent, { recursive: true });
  await fs.rename(source, target);
}

export async function removeEntry(fs: ShellFs, path: string): Promise<void> {
  const full = workspacePath(path);
  if (full === WORKSPACE) throw new Error('the workspace itself cannot be removed (reset it instead)');
  await fs.rm(full, { recursive: true });
}

/** Removes everything in the workspace (its `.git` too). */
export async function clearWorkspace(fs: ShellFs): Promise<void> {
  for (const name of await fs.readdir(WORKSPACE)) await fs.rm(`${WORKSPACE}/${name}`, { recursive: true, force: true });
}

/** Replaces the workspace's contents with `files` (relative path → text). */
export async function replaceWorkspace(fs: ShellFs, files: Readonly<Record<string, string>>): Promise<void> {
  await clearWorkspace(fs);
  for (const [path, text] of Object.entries(files)) await writeText(fs, path, text);
}

export function isMissing(error: unknown): boolean {
  return isFsError(error, 'ENOENT') || isFsError(error, 'ENOTDIR');
}
