import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEngineError } from '../errors';
import { applyChangeSet } from './apply-change-set';
import { changeSetSize, sortChangeEntries, type ChangeEntry, type ChangeSet } from './change-set';
import { bytesContent, syntheticContent } from './content';
import { diffTrees } from './diff-trees';
import { fingerprint } from './fingerprint';
import { randomTrees } from './random-trees';
import { createTree, editTree, lookup, mkdir, remove } from './tree';
import { type FsTree } from './types';
import { walkTree } from './walk-tree';

const D = (path: string, mode = 0o755): ChangeEntry => ({ kind: 'dir', path, mode, uid: 0, gid: 0 });
const F = (path: string, data = path): ChangeEntry => ({ kind: 'file', path, mode: 0o644, uid: 0, gid: 0, content: bytesContent(data) });
const paths = (tree: FsTree): string[] => [...walkTree(tree)].map((e) => e.path);
const apply = (tree: FsTree, ...entries: ChangeEntry[]): FsTree => applyChangeSet(tree, { entries });

describe('applyChangeSet (image-spec layer.md examples)', () => {
  const lower = apply(createTree(), D('a'), D('a/b'), D('a/b/c'), F('a/b/c/bar'), D('etc'), F('etc/my-app-config'), D('bin'), F('bin/my-app-binary'), F('bin/my-app-tools'));

  it('a whiteout deletes the named path from the lower layers', () => {
    const t = apply(lower, D('etc'), { kind: 'whiteout', path: 'etc/my-app-config' });
    expect(paths(t)).not.toContain('/etc/my-app-config');
    expect(paths(t)).toContain('/etc');
  });

  it('an opaque directory hides every lower child but keeps its own layer entries', () => {
    const t = apply(lower, D('a'), { kind: 'opaque', path: 'a' }, D('a/b'), D('a/b/c'), F('a/b/c/foo'));
    expect(paths(t).filter((p) => p.startsWith('/a'))).toEqual(['/a', '/a/b', '/a/b/c', '/a/b/c/foo']);
  });

  it('whiteouts never hide entries of their own layer, whatever their order', () => {
    const t = apply(lower, F('bin/new'), { kind: 'whiteout', path: 'bin/new' }, { kind: 'opaque', path: 'bin' });
    expect(paths(t).filter((p) => p.startsWith('/bin'))).toEqual(['/bin', '/bin/new']);
  });

  it('dir over dir merges and takes the new attributes; anything else replaces', () => {
    let t = apply(lower, D('a', 0o700));
    expect(lookup(t, '/a')).toMatchObject({ mode: 0o700 });
    expect(paths(t)).toContain('/a/b/c/bar');
    t = apply(lower, F('a', 'now a file'), D('etc/my-app-config'));
    expect(lookup(t, '/a')).toMatchObject({ kind: 'file' });
    expect(lookup(t, '/etc/my-app-config')).toMatchObject({ kind: 'dir' });
  });

  it('creates missing parents 0755 root and refuses unclean or escaping paths', () => {
    const t = apply(createTree(), F('x/y/z'));
    expect(lookup(t, '/x/y')).toMatchObject({ kind: 'dir', mode: 0o755, uid: 0 });
    for (const path of ['../etc/passwd', '/etc/passwd', 'a/../../b', 'a/./b', 'a\0b', 'a/.wh.b/c']) {
      let code: string | undefined;
      try {
        apply(lower, F(path));
      } catch (error) {
        code = isEngineError(error) ? error.code : String(error);
      }
      expect(code, path).toBe('path-escape');
    }
  });

  it('is all or nothing: a failing entry leaves the input untouched', () => {
    const before = JSON.stringify(lower);
    expect(() => apply(lower, F('etc/new'), F('etc/my-app-config/x'))).toThrow(/not a directory/);
    expect(JSON.stringify(lower)).toBe(before);
  });

  it('hard links may name a file that sorts after them', () => {
    const t = apply(createTree(), { kind: 'hardlink', path: 'a', mode: 0, uid: 0, gid: 0, target: 'z' }, F('z', 'zz'));
    expect(lookup(t, '/a', { follow: false })).toMatchObject({ kind: 'hardlink', target: '/z' });
    expect(() => apply(createTree(), { kind: 'hardlink', path: 'a', mode: 0, uid: 0, gid: 0, target: 'missing' })).toThrow(/hard link/);
  });
});

describe('diffTrees', () => {
  const lower = editTree(createTree(), (d) => {
    d.mkdirp('/app/src');
    d.writeFile('/app/src/main.py', bytesContent('print(1)'));
    d.writeFile('/app/src/util.py', bytesContent('x = 1'));
    d.writeFile('/usr/lib/libpython.so', syntheticContent(50_000_000, 'libpython'), {}, true);
  });

  it('emits changed entries with their parent directories and one whiteout per deleted top path', () => {
    const upper = editTree(lower, (d) => {
      d.writeFile('/app/src/main.py', bytesContent('print(2)'));
      d.remove('/usr/lib');
    });
    expect(diffTrees(lower, upper).entries.map((e) => `${e.kind} ${e.path}`)).toEqual(['dir app', 'dir app/src', 'file app/src/main.py', 'dir usr', 'whiteout usr/lib']);
  });

  it('turns rm -rf + recreate into dir + opaque marker + new children', () => {
    const upper = editTree(lower, (d) => {
      d.remove('/app/src');
      d.mkdirp('/app/src');
      d.writeFile('/app/src/new.py', bytesContent('new'));
    });
    const cs = diffTrees(lower, upper);
    expect(cs.entries.map((e) => `${e.kind} ${e.path}`)).toEqual(['dir app', 'dir app/src', 'opaque app/src', 'file app/src/new.py']);
    expect(applyChangeSet(lower, cs)).toEqual(upper);
  });

  it('costs nothing for identical trees and sizes layers like Docker', () => {
    expect(diffTrees(lower, lower).entries).toEqual([]);
    const cs = diffTrees(createTree(), lower);
    expect(changeSetSize(cs)).toBe(50_000_000 + 8 + 5);
    expect(changeSetSize(diffTrees(lower, mkdir(lower, '/empty', {})))).toBe(0);
  });

  it('keeps layer order when sorting parsed entries (dir, opaque, whiteouts, children)', () => {
    const shuffled: ChangeEntry[] = [F('a/z'), { kind: 'whiteout', path: 'a/b' }, D('a'), { kind: 'opaque', path: 'a' }, F('a-b'), F('a/a')];
    expect(sortChangeEntries(shuffled).map((e) => `${e.kind} ${e.path}`)).toEqual(['dir a', 'opaque a', 'whiteout a/b', 'file a/a', 'file a/z', 'file a-b']);
  });

  it('fingerprints by metadata and content identity, cheaply', async () => {
    const cs = diffTrees(createTree(), lower);
    const same: ChangeSet = JSON.parse(JSON.stringify(diffTrees(createTree(), remove(lower, '/app'))));
    expect(await fingerprint(cs)).toBe(await fingerprint(diffTrees(createTree(), lower)));
    expect(await fingerprint(cs)).not.toBe(await fingerprint(same));
    const chmodded = diffTrees(createTree(), editTree(lower, (d) => d.setAttrs('/app/src/util.py', { mode: 0o600 })));
    expect(await fingerprint(chmodded)).not.toBe(await fingerprint(cs));
  });
});

describe('diff/apply round trip (property)', () => {
  it('apply(lower, diff(lower, upper)) equals upper', () => {
    fc.assert(
      fc.property(randomTrees, ({ lower, upper }) => {
        const cs = diffTrees(lower, upper);
        expect(applyChangeSet(lower, cs)).toEqual(upper);
        expect(sortChangeEntries(cs.entries)).toEqual(cs.entries);
        expect(applyChangeSet(createTree(), diffTrees(createTree(), upper))).toEqual(upper);
      }),
      { numRuns: 300 },
    );
  });
});
