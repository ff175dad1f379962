import git from 'isomorphic-git';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createMemoryFs } from '@/lib/shell';
import { createGitFs } from '@/lib/workspace';
import { exportGitRepository } from './git-export';

const files = new Map([
  ['content/lessons/3.1/lesson.md', '---\nid: "3.1"\n---\n\n## One\n'],
  ['content/lessons/3.1/exercises.yaml', 'questions: []\n'],
  ['content/lessons/3.1/labs/lab-a/starter/Dockerfile', 'FROM alpine:3.19\n'],
]);

describe('exportGitRepository', () => {
  it('zips a repository whose one commit on main holds exactly the course files', async () => {
    const { zip, oid } = await exportGitRepository(files, { now: Date.UTC(2026, 0, 2) });
    const entries = unzipSync(zip);
    for (const [path, text] of files) expect(strFromU8(entries[path] ?? new Uint8Array())).toBe(text);
    expect(strFromU8(entries['.git/HEAD'] ?? new Uint8Array())).toBe('ref: refs/heads/main\n');
    expect(strFromU8(entries['.git/refs/heads/main'] ?? new Uint8Array()).trim()).toBe(oid);

    // Read it back as git would: the commit, its author time and its tree.
    const fs = createMemoryFs(Object.fromEntries(Object.entries(entries).map(([p, b]) => [`/r/${p}`, b])));
    const gitFs = createGitFs(fs);
    const [commit] = await git.log({ fs: gitFs, dir: '/r', ref: 'main' });
    expect(commit?.oid).toBe(oid);
    expect(commit?.commit.message).toBe('Course exported from Layerlab\n');
    expect(commit?.commit.author.timestamp).toBe(Date.UTC(2026, 0, 2) / 1000);
    const tracked = await git.listFiles({ fs: gitFs, dir: '/r', ref: 'main' });
    expect(tracked.sort()).toEqual([...files.keys()].sort());
  });

  it('gives the same commit for the same course and time', async () => {
    const a = await exportGitRepository(files, { now: 0 });
    const b = await exportGitRepository(new Map([...files].reverse()), { now: 0 });
    expect(a.oid).toBe(b.oid);
    const c = await exportGitRepository(new Map([...files, ['content/lessons/3.1/x.yaml', 'questions: []\n']]), { now: 0 });
    expect(c.oid).not.toBe(a.oid);
  });
});
