import { describe, expect, it } from 'vitest';
import { createMemoryFs } from '@/lib/shell';
import { createGitFs } from './git-fs';
import { listConfigFile, readConfigFile, writeConfigFile } from './config';
import { cleanMessage, subjectOf } from './commit';
import { countLineChanges } from './diff';
import { formatGitDate, parseGitDate } from './identity';
import { displayPath, findRepository, repositoryAt } from './repository';

const code = (promise: Promise<unknown>) => promise.then(() => 'ok', (error: { code?: string }) => error.code);

describe('createGitFs', () => {
  it("gives isomorphic-git Node's errno codes and stat shape", async () => {
    const { promises: fs } = createGitFs(createMemoryFs({ '/r/a.txt': 'hi', '/r/d/x': '1', '/r/run': { content: '#!', mode: 0o755 } }));
    expect(await code(fs.readFile('/r/missing'))).toBe('ENOENT');
    expect(await code(fs.mkdir('/r/d'))).toBe('EEXIST');
    expect(await code(fs.mkdir('/r/no/such'))).toBe('ENOENT');
    expect(await code(fs.rmdir('/r/d'))).toBe('ENOTEMPTY');
    expect(await code(fs.rmdir('/r/a.txt'))).toBe('ENOTDIR');
    expect(await code(fs.unlink('/r/d'))).toBe('EISDIR');
    expect(await fs.readFile('/r/a.txt', 'utf8')).toBe('hi');
    expect(await fs.readFile('/r/a.txt', { encoding: 'utf8' })).toBe('hi');
    expect(await fs.readFile('/r/a.txt')).toEqual(new TextEncoder().encode('hi'));
    const stat = await fs.stat('/r/run');
    expect([stat.isFile(), stat.isDirectory(), stat.mode]).toEqual([true, false, 0o100755]);
    expect((await fs.stat('/r/d')).mode).toBe(0o040755);
    await fs.writeFile('/r/a.txt', 'new', { mode: 0o755 });
    expect((await fs.stat('/r/a.txt')).mode).toBe(0o100755);
    // A file's stat never matches an earlier one, so git re-hashes instead of trusting the index.
    expect((await fs.stat('/r/a.txt')).ctimeMs).not.toBe((await fs.stat('/r/a.txt')).ctimeMs);
    // isomorphic-git probes readFile() without arguments: it must reject, not throw.
    await expect((fs.readFile as (...args: unknown[]) => Promise<unknown>)()).rejects.toBeTruthy();
  });
});

describe('repositories and paths', () => {
  it('finds the working tree from a subdirectory and shows paths relative to cwd', async () => {
    const fs = createMemoryFs({ '/w/.git/HEAD': 'ref: refs/heads/main\n', '/w/src/app/x': '' });
    expect(await findRepository(fs, '/w/src/app')).toBe('/w');
    expect(await findRepository(fs, '/')).toBeNull();
    const repo = repositoryAt(fs, '/w');
    expect(displayPath(repo, '/w/src', 'src/app/x')).toBe('app/x');
    expect(displayPath(repo, '/w/src/app', 'README')).toBe('../../README');
    expect(displayPath(repo, '/w/src', 'src/')).toBe('./');
    expect(displayPath(repo, '/w/src', 'lib/')).toBe('../lib/');
  });
});

describe('config files', () => {
  it("reads and writes git's INI format, last value winning", async () => {
    const fs = createMemoryFs({ '/c': '# mine\n[user]\n\tname = A\n[User]\n  name = "B  " ; comment\n[remote "origin"]\n\turl = x\n' });
    expect(await readConfigFile(fs, '/c', 'user.name')).toBe('B  ');
    expect(await readConfigFile(fs, '/c', 'remote.origin.url')).toBe('x');
    await writeConfigFile(fs, '/c', 'user.email', 'a@b');
    await writeConfigFile(fs, '/c', 'init.defaultBranch', 'main');
    expect(await listConfigFile(fs, '/c')).toEqual(['user.name=A', 'user.name=B  ', 'user.email=a@b', 'remote.origin.url=x', 'init.defaultbranch=main']);
  });
});

describe('commit messages, dates and line counts', () => {
  it("cleans -m messages like git's whitespace cleanup", () => {
    expect(cleanMessage(['  Subject  ', 'Body\n\n\nmore  '])).toBe('  Subject\n\nBody\n\nmore\n');
    expect(cleanMessage(['\n\n'])).toBe('');
    expect(subjectOf('line one\nline two\n\nbody\n')).toBe('line one line two');
  });

  it('parses the date forms GIT_AUTHOR_DATE accepts and prints git log dates', () => {
    expect(parseGitDate('@1700000000 +0100')).toEqual({ timestamp: 1700000000, timezoneOffset: -60 });
    expect(parseGitDate('1700000000')).toEqual({ timestamp: 1700000000, timezoneOffset: 0 });
    expect(parseGitDate('2024-01-02T03:04:05Z').timestamp).toBe(Date.parse('2024-01-02T03:04:05Z') / 1000);
    expect(parseGitDate('2024-01-02 03:04:05 +0200')).toEqual({ timestamp: Date.parse('2024-01-02T01:04:05Z') / 1000, timezoneOffset: -120 });
    expect(parseGitDate('Tue, 02 Jan 2024 03:04:05 -0500').timestamp).toBe(Date.parse('2024-01-02T08:04:05Z') / 1000);
    expect(() => parseGitDate('yesterday-ish')).toThrow('fatal: invalid date format: yesterday-ish');
    expect(formatGitDate({ timestamp: 1700000000, timezoneOffset: -60 })).toBe('Tue Nov 14 23:13:20 2023 +0100');
  });

  it('counts inserted and deleted lines, and treats NUL bytes as binary', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(countLineChanges(enc('a\nb\nc\n'), enc('a\nB\nc\nd\n'))).toEqual({ insertions: 2, deletions: 1, binary: false });
    expect(countLineChanges(null, enc('x\ny'))).toEqual({ insertions: 2, deletions: 0, binary: false });
    expect(countLineChanges(enc('a\n'), enc('a'))).toEqual({ insertions: 1, deletions: 1, binary: false });
    expect(countLineChanges(null, new Uint8Array([1, 0, 2])).binary).toBe(true);
  });
});
