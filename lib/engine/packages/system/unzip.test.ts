import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runPackages } from '../shared/test-helpers';

/** A minimal zip writer for the tests: stored or deflated entries, Unix modes, no CRC checks. */
function zip(entries: { name: string; data?: string; deflate?: boolean; mode?: number }[]): Uint8Array {
  const parts: number[] = [];
  const central: number[] = [];
  const le = (n: number, bytes: number): number[] => Array.from({ length: bytes }, (_, i) => (n >>> (8 * i)) & 0xff);
  for (const e of entries) {
    const raw = new TextEncoder().encode(e.data ?? '');
    const body = e.deflate === true ? new Uint8Array(deflateRawSync(raw)) : raw;
    const name = new TextEncoder().encode(e.name);
    const method = e.deflate === true ? 8 : 0;
    const offset = parts.length;
    parts.push(...le(0x04034b50, 4), ...le(20, 2), 0, 0, ...le(method, 2), 0, 0, 0, 0, ...le(0, 4), ...le(body.length, 4), ...le(raw.length, 4), ...le(name.length, 2), 0, 0, ...name, ...body);
    const external = ((e.mode ?? (e.name.endsWith('/') ? 0o40755 : 0o100644)) << 16) >>> 0;
    central.push(...le(0x02014b50, 4), ...le(0x0314, 2), ...le(20, 2), 0, 0, ...le(method, 2), 0, 0, 0, 0, ...le(0, 4), ...le(body.length, 4), ...le(raw.length, 4), ...le(name.length, 2), 0, 0, 0, 0, 0, 0, 0, 0, ...le(external, 4), ...le(offset, 4), ...name);
  }
  const cdOffset = parts.length;
  return new Uint8Array([...parts, ...central, ...le(0x06054b50, 4), 0, 0, 0, 0, ...le(entries.length, 2), ...le(entries.length, 2), ...le(central.length, 4), ...le(cdOffset, 4), 0, 0]);
}

const ARCHIVE = zip([
  { name: 'app/' },
  { name: 'app/readme.txt', data: 'stored text\n' },
  { name: 'app/run.sh', data: '#!/bin/sh\necho run\n'.repeat(20), deflate: true, mode: 0o100755 },
]);

describe('unzip', () => {
  it('extracts stored and deflated entries with their modes, into -d DIR', async () => {
    const r = await runPackages('cd /tmp && unzip a.zip -d out', { '/tmp/a.zip': ARCHIVE });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('Archive:  a.zip\n   creating: out/app/\n extracting: out/app/readme.txt\n  inflating: out/app/run.sh\n');
    expect(await r.text('/tmp/out/app/readme.txt')).toBe('stored text\n');
    expect(await r.text('/tmp/out/app/run.sh')).toBe('#!/bin/sh\necho run\n'.repeat(20));
    expect((await r.fs.stat('/tmp/out/app/run.sh')).mode).toBe(0o755);
  });

  it('lists with -l, refuses to replace without -o, replaces with -o -q', async () => {
    const r = await runPackages('cd /tmp && unzip -q a.zip && unzip a.zip; echo $?; unzip -o -q a.zip; echo $?', { '/tmp/a.zip': ARCHIVE });
    expect(r.stdout).toBe('Archive:  a.zip\nreplace app/readme.txt? [y]es, [n]o, [A]ll, [N]one, [r]ename: NULL\n(EOF or read error, treating as "[N]one" ...)\n1\n0\n');
    const list = await runPackages('unzip -l /tmp/a.zip', { '/tmp/a.zip': ARCHIVE });
    expect(list.stdout).toContain('      380  2024-01-11 18:20   app/run.sh\n');
  });

  it('exits 9 for a missing archive or one that is not a zip', async () => {
    const r = await runPackages('unzip nope.zip; echo $?; unzip /tmp/bad.zip; echo $?', { '/tmp/bad.zip': 'not a zip' });
    expect(r.stderr).toContain('unzip:  cannot find or open nope.zip, nope.zip.zip or nope.zip.ZIP.\n');
    expect(r.stderr).toContain('End-of-central-directory signature not found.');
    expect(r.stdout).toContain('9\nArchive:  /tmp/bad.zip\n9\n');
  });
});
