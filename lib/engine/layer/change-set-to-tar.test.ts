import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type Sha256Factory } from '@/lib/util';
import { bytesContent, type ChangeEntry, type ChangeSet, createTree, diffTrees, editTree, EMPTY_CHANGE_SET, syntheticContent } from '../fs';
import { changeSetToTar, layerTarSize, SYNTHETIC_PAX_KEY } from './change-set-to-tar';
import { chainIds, createDiffIdMemo, diffIdOf, EMPTY_LAYER_DIFF_ID, hashLayer } from './diff-id';
import { encodeTarHeader } from './tar-header';
import { collect, field } from './test-helpers';

/** Node's hasher (lib/engine may not import lib/cli, where `nodeSha256` lives). */
const testSha256: Sha256Factory = () => {
  const hash = createHash('sha256');
  return { update: (chunk) => void hash.update(chunk), digest: () => `sha256:${hash.digest('hex')}` };
};

const sample: ChangeSet = {
  entries: [
    { kind: 'dir', path: 'app', mode: 0o755, uid: 0, gid: 0 },
    { kind: 'opaque', path: 'app' },
    { kind: 'whiteout', path: 'app/old' },
    { kind: 'file', path: 'app/main.py', mode: 0o4755, uid: 1000, gid: 1001, content: bytesContent('print("hi")\n') },
    { kind: 'symlink', path: 'app/link', mode: 0o777, uid: 0, gid: 0, target: '/usr/bin/python3' },
    { kind: 'hardlink', path: 'app/main2.py', mode: 0o644, uid: 0, gid: 0, target: 'app/main.py' },
    { kind: 'file', path: 'app/lib.so', mode: 0o644, uid: 0, gid: 0, content: syntheticContent(70_000, 'lib.so') },
  ],
};

describe('changeSetToTar', () => {
  it('writes Go/USTAR headers: fixed mtime, numeric owners, empty names, trailing / on dirs', async () => {
    const tar = await collect(changeSetToTar(sample, { chunkSize: 1000 }));
    expect(tar.length).toBe(layerTarSize(sample));
    const at = (i: number): Uint8Array => tar.subarray(i * 512, i * 512 + 512);
    expect(field(at(0), 0, 100)).toBe('app/');
    expect(String.fromCharCode(at(0)[156] as number)).toBe('5');
    expect(field(at(0), 100, 8)).toBe('0000755');
    expect(field(at(0), 136, 12)).toBe('00000000000');
    expect(field(at(0), 257, 6)).toBe('ustar');
    expect(field(at(0), 263, 2)).toBe('00');
    expect(field(at(0), 265, 32)).toBe('');
    expect(field(at(0), 148, 8)).toMatch(/^[0-7]{6}$/);
    expect(field(at(1), 0, 100)).toBe('app/.wh..wh..opq');
    expect(field(at(2), 0, 100)).toBe('app/.wh.old');
    expect(field(at(2), 100, 8)).toBe('0000000');
    expect(field(at(3), 0, 100)).toBe('app/main.py');
    expect(field(at(3), 100, 8)).toBe('0004755');
    expect(field(at(3), 108, 8)).toBe('0001750');
    expect(field(at(3), 124, 12)).toBe('00000000014');
    expect(field(at(4), 0, 12)).toBe('print("hi")\n');
    expect([field(at(5), 0, 100), String.fromCharCode(at(5)[156] as number), field(at(5), 157, 100)]).toEqual(['app/link', '2', '/usr/bin/python3']);
    expect([field(at(6), 0, 100), String.fromCharCode(at(6)[156] as number), field(at(6), 157, 100)]).toEqual(['app/main2.py', '1', 'app/main.py']);
    // The synthetic file carries its vendor PAX record.
    expect(field(at(7), 0, 100)).toBe('app/PaxHeaders.0/lib.so');
    expect(field(at(8), 0, 100)).toBe(`29 ${SYNTHETIC_PAX_KEY}=lib.so\n`);
    expect(tar.subarray(-1024).every((b) => b === 0)).toBe(true);
  });

  it('checksums like tar does', () => {
    const [block] = encodeTarHeader({ name: 'a', typeflag: '0', mode: 0o644, uid: 0, gid: 0, size: 1, mtime: 0 });
    const copy = new Uint8Array(block as Uint8Array);
    copy.fill(0x20, 148, 156);
    expect(parseInt(field(block as Uint8Array, 148, 8), 8)).toBe(copy.reduce((s, b) => s + b, 0));
  });

  it('splits names up to 256 bytes into prefix + name and uses PAX beyond, for non-ASCII and for sizes over 8 GiB', () => {
    const long = `${'d'.repeat(120)}/${'f'.repeat(90)}`;
    const [split] = encodeTarHeader({ name: long, typeflag: '0', mode: 0o644, uid: 0, gid: 0, size: 0, mtime: 0 });
    expect([field(split as Uint8Array, 345, 155), field(split as Uint8Array, 0, 100)]).toEqual(['d'.repeat(120), 'f'.repeat(90)]);
    const veryLong = 'x/'.repeat(200) + 'file';
    const pax = encodeTarHeader({ name: veryLong, typeflag: '0', mode: 0o644, uid: 0, gid: 0, size: 0, mtime: 0 });
    expect(pax).toHaveLength(3);
    expect(String.fromCharCode((pax[0] as Uint8Array)[156] as number)).toBe('x');
    expect(new TextDecoder().decode(pax[1]).replace(/\0+$/, '')).toBe(`${veryLong.length + 10} path=${veryLong}\n`);
    const big = encodeTarHeader({ name: 'big', typeflag: '0', mode: 0o644, uid: 0, gid: 0, size: 9 * 1024 ** 3, mtime: 0 });
    expect(new TextDecoder().decode(big[1]).replace(/\0+$/, '')).toBe(`19 size=${9 * 1024 ** 3}\n`);
    expect(field(big[2] as Uint8Array, 124, 12)).toBe('00000000000');
    const utf8 = encodeTarHeader({ name: 'café', typeflag: '0', mode: 0o644, uid: 0, gid: 0, size: 0, mtime: 0 });
    expect(new TextDecoder().decode(utf8[1]).replace(/\0+$/, '')).toBe('14 path=café\n');
    expect(field(utf8[2] as Uint8Array, 0, 100)).toBe('caf');
  });

  it('gives the empty layer its well-known diffID (two zero blocks)', async () => {
    expect(await collect(changeSetToTar(EMPTY_CHANGE_SET))).toEqual(new Uint8Array(1024));
    expect(await diffIdOf(EMPTY_CHANGE_SET, testSha256)).toBe(EMPTY_LAYER_DIFF_ID);
    expect(await diffIdOf(EMPTY_CHANGE_SET)).toBe(EMPTY_LAYER_DIFF_ID);
  });

  it('is deterministic: the same change set has the same diffID in every run and with every hasher', async () => {
    const tree = editTree(createTree(), (d) => {
      d.writeFile('/usr/lib/libpython3.9.so', syntheticContent(3_000_000, 'python:3.9/libpython3.9.so'), { mode: 0o755 }, true);
      d.writeFile('/app/app.py', bytesContent('print("hello")\n'), {}, true);
      d.symlink('python3.9', '/usr/lib/python3');
    });
    const cs = diffTrees(createTree(), tree);
    const tar = await collect(changeSetToTar(cs));
    const expected = `sha256:${createHash('sha256').update(tar).digest('hex')}`;
    expect(await diffIdOf(cs, testSha256)).toBe(expected);
    expect(await diffIdOf(cs)).toBe(expected);
    expect(expected).toBe(GOLDEN_DIFF_ID);
    expect((await hashLayer(cs, testSha256)).tarSize).toBe(tar.length);
  });

  it('computes chainIDs from the spec definition', async () => {
    const d1 = EMPTY_LAYER_DIFF_ID;
    const d2 = 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    const chain2 = `sha256:${createHash('sha256').update(`${d1} ${d2}`).digest('hex')}`;
    expect(chain2).toBe('sha256:65c32902748c4313eafc331dfdb050f44ae20bc3466c12e4a895cca10d4916c0');
    expect(await chainIds([d1, d2], testSha256)).toEqual([d1, chain2]);
    expect(await chainIds([d1, d2, d1])).toEqual([d1, chain2, `sha256:${createHash('sha256').update(`${chain2} ${d1}`).digest('hex')}`]);
    expect(await chainIds([])).toEqual([]);
  });

  it('memoizes diffIDs by fingerprint', async () => {
    const memo = createDiffIdMemo(testSha256);
    const cs = diffTrees(createTree(), editTree(createTree(), (d) => d.writeFile('/big', syntheticContent(10_000_000, 'big'))));
    const copy: ChangeSet = { entries: cs.entries.map((e): ChangeEntry => ({ ...e })) };
    const first = await memo.diffIdOf(cs);
    expect(await memo.diffIdOf(copy)).toBe(first);
    expect(memo.stats).toEqual({ hits: 1, misses: 1, loaded: 0 });
    expect(await memo.diffIdOf(cs, { mtime: 1 })).not.toBe(first);
    expect(memo.stats.misses).toBe(2);
  });
});

const GOLDEN_DIFF_ID = 'sha256:9eb877f46f462cd071d471a1a056ccb498d25984592fcc338fb8ce18453a5c86';
