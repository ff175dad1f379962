import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Sha256Factory } from '@/lib/util';
import { isEngineError } from '../errors';
import { applyChangeSet, bytesContent, createTree, diffTrees, editTree, symlinkStaysInRoot, syntheticContent, writeFile, type ChangeSet } from '../fs';
import { randomTrees } from '../fs/random-trees';
import { changeSetToTar, SYNTHETIC_PAX_KEY } from './change-set-to-tar';
import { diffIdOf } from './diff-id';
import { encodeTarHeader, type TarHeaderFields } from './tar-header';
import { equalBytes } from './bytes-equal';
import { collect } from './test-helpers';
import { tarToChangeSet } from './tar-to-change-set';

/** Node's hasher (lib/engine may not import lib/cli, where `nodeSha256` lives). */
const testSha256: Sha256Factory = () => {
  const hash = createHash('sha256');
  return { update: (chunk) => void hash.update(chunk), digest: () => `sha256:${hash.digest('hex')}` };
};

/** A hand-made tar: the header encoder does not validate names, which is what these tests need. */
function craft(entries: (Partial<TarHeaderFields> & { name: string; body?: string })[], end = true): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    const body = new TextEncoder().encode(e.body ?? '');
    parts.push(...encodeTarHeader({ typeflag: '0', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: body.length, ...e }));
    const padded = new Uint8Array(Math.ceil(body.length / 512) * 512);
    padded.set(body);
    parts.push(padded);
  }
  if (end) parts.push(new Uint8Array(1024));
  return new Uint8Array(Buffer.concat(parts));
}

async function codeOf(tar: Uint8Array, limits = {}): Promise<string | undefined> {
  try {
    await tarToChangeSet([tar.subarray(0, 700), tar.subarray(700)], limits);
  } catch (error) {
    return isEngineError(error) ? error.code : `not an EngineError: ${String(error)}`;
  }
  return undefined;
}

describe('tarToChangeSet', () => {
  it('keeps an empty synthetic file synthetic (found by the round-trip property)', async () => {
    const cs = diffTrees(createTree(), writeFile(createTree(), '/a', syntheticContent(0, 'a')));
    const parsed = await tarToChangeSet(changeSetToTar(cs));
    expect(parsed.entries).toEqual(cs.entries);
  });

  it('reads back what changeSetToTar wrote, synthetic content included (property)', async () => {
    await fc.assert(
      fc.asyncProperty(randomTrees, async ({ lower, upper }) => {
        const cs = diffTrees(lower, upper);
        // Trees may hold `ln -s ../x /a` (it clamps at /), but a layer tar may not (moby's breakoutError).
        if (cs.entries.some((e) => e.kind === 'symlink' && !symlinkStaysInRoot(e.path, e.target))) {
          await expect(tarToChangeSet(changeSetToTar(cs))).rejects.toMatchObject({ code: 'path-escape' });
          return;
        }
        const parsed = await tarToChangeSet(changeSetToTar(cs, { chunkSize: 4096 }));
        expect(applyChangeSet(lower, parsed)).toEqual(upper);
        expect(await diffIdOf(parsed, testSha256)).toBe(await diffIdOf(cs, testSha256));
      }),
      { numRuns: 60 },
    );
  });

  it('accepts ./ prefixes, implicit parents, GNU-style duplicates (last wins) and skips the root and devices', async () => {
    const tar = craft([{ name: './', typeflag: '5' }, { name: './a/b', body: 'one' }, { name: 'a/b', body: 'two' }, { name: 'dev/null', typeflag: '0', body: '' }]);
    const cs = await tarToChangeSet([tar]);
    expect(cs.entries.map((e) => e.path)).toEqual(['a/b', 'dev/null']);
    expect(cs.entries[0]).toMatchObject({ content: { kind: 'bytes', bytes: new TextEncoder().encode('two') } });
  });

  it('maps whiteouts and opaque markers, ignoring aufs bookkeeping', async () => {
    const cs = await tarToChangeSet([craft([{ name: 'a/', typeflag: '5' }, { name: 'a/.wh..wh..opq' }, { name: 'a/.wh.b' }, { name: '.wh..wh.plnk' }])]);
    expect(cs.entries.map((e) => `${e.kind} ${e.path}`)).toEqual(['dir a', 'opaque a', 'whiteout a/b']);
  });

  it.each([
    ['a ../ path', [{ name: '../etc/passwd', body: 'x' }], 'path-escape'],
    ['a nested ../ path', [{ name: 'a/../../etc/passwd', body: 'x' }], 'path-escape'],
    ['an absolute path', [{ name: '/etc/passwd', body: 'x' }], 'path-escape'],
    ['a symlink climbing out', [{ name: 'a/b', typeflag: '2' as const, linkname: '../../etc/shadow' }], 'path-escape'],
    ['a hardlink climbing out', [{ name: 'a', typeflag: '1' as const, linkname: '../etc/shadow' }], 'path-escape'],
    ['an absolute hardlink', [{ name: 'a', typeflag: '1' as const, linkname: '/etc/shadow' }], 'path-escape'],
    ['a whiteout directory', [{ name: 'a/.wh.b/', typeflag: '5' as const }], 'invalid-tar'],
    ['a whiteout of ..', [{ name: 'a/.wh...' }], 'path-escape'],
    ['a whiteout name in a path', [{ name: 'a/.wh.b/c', body: 'x' }], 'path-escape'],
  ])('refuses %s', async (_label, entries, code) => {
    expect(await codeOf(craft(entries))).toBe(code);
  });

  it('allows absolute symlinks and relative ones that stay inside', async () => {
    const cs = await tarToChangeSet([craft([{ name: 'a/b/c', typeflag: '2', linkname: '../../x' }, { name: 'l', typeflag: '2', linkname: '/../../etc' }])]);
    expect(cs.entries).toHaveLength(2);
  });

  it('refuses absurd sizes before buffering anything', async () => {
    const header = encodeTarHeader({ name: 'huge', typeflag: '0', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: 2 ** 40 });
    expect(await codeOf(new Uint8Array(Buffer.concat([...header, new Uint8Array(4096)])))).toBe('too-large');
    expect(await codeOf(craft([{ name: 'a', body: 'x'.repeat(2000) }]), { maxEntryBytes: 1000 })).toBe('too-large');
    expect(await codeOf(craft([{ name: 'a', body: 'x'.repeat(600) }, { name: 'b', body: 'x'.repeat(600) }]), { maxTotalBytes: 1000 })).toBe('too-large');
    expect(await codeOf(craft([{ name: 'a' }, { name: 'b' }]), { maxEntries: 1 })).toBe('too-large');
  });

  it('refuses truncated and corrupt archives', async () => {
    const tar = craft([{ name: 'a', body: 'x'.repeat(3000) }]);
    expect(await codeOf(tar.subarray(0, 2000))).toBe('invalid-tar');
    expect(await codeOf(tar.subarray(0, tar.length - 1024))).toBe('invalid-tar');
    expect(await codeOf(tar.subarray(0, 300))).toBe('invalid-tar');
    const corrupt = new Uint8Array(tar);
    corrupt[10] = 0x41;
    expect(await codeOf(corrupt)).toBe('invalid-tar');
  });

  it('refuses synthetic records whose bytes do not match', async () => {
    const body = 'not the synthetic bytes';
    expect(await codeOf(craft([{ name: 'a', body, pax: { [SYNTHETIC_PAX_KEY]: 'seed' } }]))).toBe('invalid-tar');
  });

  it('keeps a large synthetic file synthetic after a round trip', async () => {
    const tree = editTree(createTree(), (d) => d.writeFile('/lib.so', syntheticContent(20_000_000, 'lib')));
    const cs: ChangeSet = await tarToChangeSet(changeSetToTar(diffTrees(createTree(), tree)));
    expect(cs.entries[0]).toMatchObject({ kind: 'file', content: { kind: 'synthetic', seed: 'lib', size: 20_000_000 } });
    expect(bytesContent('x').kind).toBe('bytes');
  });

  it('refuses a large synthetic file with one byte changed, however the tar is cut', async () => {
    const tar = await collect(changeSetToTar(diffTrees(createTree(), writeFile(createTree(), '/lib.so', syntheticContent(1_000_003, 'lib')))));
    const at = tar.length - 1024 - 445 - 76; // 76 bytes before the end of the body (445 bytes of padding follow it)
    for (const flip of [at, at - 700_000]) {
      const bad = new Uint8Array(tar);
      bad[flip] = (bad[flip] as number) ^ 1;
      for (const cut of [[bad], [bad.subarray(0, 777_777), bad.subarray(777_777)], Array.from({ length: Math.ceil(bad.length / 65_521) }, (_, i) => bad.subarray(i * 65_521, (i + 1) * 65_521))]) {
        await expect(tarToChangeSet(cut)).rejects.toMatchObject({ code: 'invalid-tar' });
      }
    }
    expect((await tarToChangeSet([tar])).entries[0]).toMatchObject({ content: { kind: 'synthetic', size: 1_000_003 } });
  });

  it('reads a large file of a tar given whole as a view of it (no copy), and cut into pieces as a copy', async () => {
    const data = new Uint8Array(300_001).map((_, i) => (i * 31) % 251);
    const tar = await collect(changeSetToTar(diffTrees(createTree(), writeFile(createTree(), '/data.bin', bytesContent(data)))));
    const whole = (await tarToChangeSet([tar])).entries[0];
    const cut = (await tarToChangeSet([tar.subarray(0, 100_000), tar.subarray(100_000)])).entries[0];
    for (const entry of [whole, cut]) expect(entry?.kind === 'file' && entry.content.kind === 'bytes' && equalBytes(entry.content.bytes, data)).toBe(true);
    expect(whole?.kind === 'file' && whole.content.kind === 'bytes' && whole.content.bytes.buffer === tar.buffer).toBe(true);
    expect(cut?.kind === 'file' && cut.content.kind === 'bytes' && cut.content.bytes.buffer !== tar.buffer).toBe(true);
  });
});

describe('equalBytes', () => {
  it('compares views at any alignment, word-wise and byte-wise', () => {
    const base = new Uint8Array(1000).map((_, i) => (i * 7) % 256);
    const copy = new Uint8Array(1003);
    copy.set(base, 3);
    for (const [start, end] of [[0, 1000], [1, 999], [2, 200], [5, 61], [0, 0]] as const) {
      const a = base.subarray(start, end);
      const b = copy.subarray(3 + start, 3 + end);
      expect(equalBytes(a, b)).toBe(true);
      expect(equalBytes(a, a)).toBe(true);
      for (const i of [0, Math.floor(a.length / 2), a.length - 1]) {
        if (a.length === 0) continue;
        const changed = new Uint8Array(b);
        changed[i] = (changed[i] as number) ^ 0x80;
        expect(equalBytes(a, changed), `${start}-${end} at ${i}`).toBe(false);
      }
    }
    expect(equalBytes(base.subarray(0, 10), base.subarray(0, 11))).toBe(false);
  });
});
