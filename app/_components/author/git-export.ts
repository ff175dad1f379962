// "Export as git repository": the course committed with isomorphic-git into an in-memory file
// system (lib/workspace over lib/shell's memory fs), then every file of the working tree and its
// `.git/` zipped. Unzipped, it is a repository real git reads (`git log`, `git checkout .`).
// Loaded on demand: isomorphic-git stays out of the page's first load.
import './buffer-global';
import { zipSync, type Zippable } from 'fflate';
import { createMemoryFs, joinPath, type ShellFs } from '@/lib/shell';
import { addPaths, commitIndex, initRepository, repositoryAt } from '@/lib/workspace';

export interface GitExportOptions {
  /** Commit time, ms since the epoch (default now). */
  readonly now?: number;
  readonly message?: string;
  readonly author?: { readonly name: string; readonly email: string };
}

const ROOT = '/course';

async function collect(fs: ShellFs, dir: string, prefix: string, out: Zippable): Promise<void> {
  for (const name of await fs.readdir(dir)) {
    const path = joinPath(dir, name);
    const stat = await fs.lstat(path);
    if (stat.type === 'dir') await collect(fs, path, `${prefix}${name}/`, out);
    else if (stat.type === 'file') out[`${prefix}${name}`] = await fs.readFile(path);
  }
}

/** The course as a zipped git repository with one commit on `main`; also returns the commit id. */
export async function exportGitRepository(files: ReadonlyMap<string, string>, options: GitExportOptions = {}): Promise<{ zip: Uint8Array; oid: string }> {
  const fs = createMemoryFs();
  await initRepository(fs, ROOT, { initialBranch: 'main' });
  for (const [path, text] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const absolute = joinPath(ROOT, path);
    await fs.mkdir(absolute.slice(0, absolute.lastIndexOf('/')), { recursive: true });
    await fs.writeFile(absolute, text);
  }
  const repo = repositoryAt(fs, ROOT);
  await addPaths(repo, ROOT, [], { all: true });
  const person = {
    name: options.author?.name ?? 'Layerlab author',
    email: options.author?.email ?? 'author@layerlab.dev',
    timestamp: Math.floor((options.now ?? Date.now()) / 1000),
    timezoneOffset: 0,
  };
  const { oid } = await commitIndex(repo, { message: `${options.message ?? 'Course exported from Layerlab'}\n`, author: person, committer: person });
  const out: Zippable = {};
  await collect(fs, ROOT, '', out);
  return { zip: zipSync(out, { level: 6, mtime: new Date(Date.UTC(2000, 0, 1)) }), oid };
}
