import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PACK_LIMITS, readContentPack, writeContentPack } from './content-pack';
import { formatCourseIssue } from './course-issues';
import { ContentError } from './errors';
import { fixtureCourse } from './fixtures/course';
import { loadCourse } from './load-course';

const FILE = ((0o100644 << 16) >>> 0) as number;

/** A zip as an attacker would make it: any names, any attributes. */
function zip(entries: Record<string, Uint8Array | string>, attrs = FILE): Uint8Array {
  const input: Zippable = {};
  for (const [name, data] of Object.entries(entries)) input[name] = [typeof data === 'string' ? strToU8(data) : data, { os: 3, attrs }];
  return zipSync(input);
}

/** Printable bytes that do not compress well (a ratio check must not be what refuses them). */
function noise(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = 32 + ((x >>> 16) % 95);
  }
  return out;
}

function messages(pack: Uint8Array): string[] {
  const result = readContentPack(pack);
  if (result.issues.length > 0) expect(result.files.size).toBe(0);
  return result.issues.map(formatCourseIssue);
}

/** Offset of the first central directory entry. */
function centralDirectory(pack: Uint8Array): number {
  const view = new DataView(pack.buffer, pack.byteOffset);
  let eocd = pack.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  return view.getUint32(eocd + 16, true);
}

describe('content packs', () => {
  it('round-trips a course, byte for byte deterministic', () => {
    const files = fixtureCourse();
    const pack = writeContentPack(files);
    expect(writeContentPack(new Map([...files].reverse()))).toEqual(pack);
    const read = readContentPack(pack);
    expect(read.issues).toEqual([]);
    expect(read.files).toEqual(files);
    expect(loadCourse(read.files).course.exercises).toHaveLength(4);
  });

  it('reads packs made by other zip tools: folder entries, non-Unix attributes, UTF-8 text', () => {
    const pack = zipSync({ 'content/': [new Uint8Array(0), { os: 0, attrs: 0x10 }], 'content/lessons/3.1/notes.md': strToU8('Größe: 2 GB ✓\n') });
    expect(readContentPack(pack)).toEqual({ files: new Map([['content/lessons/3.1/notes.md', 'Größe: 2 GB ✓\n']]), issues: [] });
  });

  it('refuses zip slip, absolute paths, backslashes, NUL and paths outside content/', () => {
    expect(messages(zip({ 'content/../x': 'a', '../evil': 'a', '/etc/passwd': 'a', 'C:/x': 'a', 'content\\a': 'a', 'content/a\0b': 'a', 'other/a.md': 'a', 'content/ok.md': 'fine' }))).toEqual([
      'content/../x: refused: the path contains ".."',
      '../evil: refused: the path contains ".."',
      '/etc/passwd: refused: the path is absolute',
      'C:/x: refused: the path is absolute',
      'content\\a: refused: the path contains a backslash',
      'content/a\0b: refused: the path contains a NUL character',
      'other/a.md: refused: the path is outside content/',
    ]);
  });

  it('refuses symbolic links and other special files', () => {
    expect(messages(zip({ 'content/link': '/etc/passwd' }, ((0o120777 << 16) >>> 0) as number))).toEqual(['content/link: refused: symbolic links are not allowed']);
    expect(messages(zip({ 'content/fifo': '' }, ((0o010644 << 16) >>> 0) as number))).toEqual(['content/fifo: refused: not a regular file']);
  });

  it('refuses a zip bomb by its declared sizes, before inflating', () => {
    const zeros = new Uint8Array(900 * 1024);
    expect(messages(zip({ 'content/bomb.txt': zeros }))).toEqual(['content/bomb.txt: refused: compression ratio above 100:1 (a zip bomb?)']);
    const huge = noise(PACK_LIMITS.maxFileBytes + 1);
    expect(messages(zip({ 'content/huge.txt': huge }))).toEqual([`content/huge.txt: refused: ${huge.length} bytes (at most ${PACK_LIMITS.maxFileBytes} per file)`]);
  });

  it('refuses an entry that lies about its size', () => {
    const pack = zip({ 'content/a.txt': 'x'.repeat(5000) });
    const view = new DataView(pack.buffer, pack.byteOffset);
    view.setUint32(centralDirectory(pack) + 24, 100, true);
    expect(messages(pack)).toEqual(['content/a.txt: refused: the content does not match its declared size and checksum']);
  });

  it('refuses too many files and too much in total', () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) many[`content/f${i}.md`] = 'x';
    expect(messages(zip(many))).toEqual([`<pack>: too many entries: 3000 (at most ${PACK_LIMITS.maxFiles})`]);
    const big: Record<string, Uint8Array> = {};
    for (let i = 0; i < 21; i++) big[`content/big${i}.txt`] = noise(PACK_LIMITS.maxFileBytes, i + 1);
    expect(messages(zip(big))).toEqual([`<pack>: refused: ${21 * PACK_LIMITS.maxFileBytes} bytes unpacked (at most ${PACK_LIMITS.maxTotalBytes})`]);
  });

  it('refuses duplicate paths, binary files and things that are not zips', () => {
    const once = zip({ 'content/a.md': 'one', 'content/b.md': 'two' });
    // Rename the second entry to the first one's name in the central directory (same length).
    const cd = centralDirectory(once);
    const at = once.indexOf(0x62, cd + 46 + 'content/a.md'.length + 46 + 'content/'.length - 1);
    once[at] = 0x61;
    expect(messages(once)).toEqual(['content/a.md: refused: the path occurs twice']);
    expect(messages(zip({ 'content/img.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00]) }))).toEqual(['content/img.png: refused: not UTF-8 text']);
    expect(messages(strToU8('not a zip at all'))).toEqual(['<pack>: not a zip archive (no end of central directory)']);
  });

  it('reads a pack whose YAML is broken and lets loadCourse list the error', () => {
    const files = fixtureCourse();
    files.set('content/lessons/3.2/more.yaml', 'questions: [\n');
    const read = readContentPack(writeContentPack(files));
    expect(read.issues).toEqual([]);
    const { issues } = loadCourse(read.files);
    expect(issues.map(formatCourseIssue)[0]).toMatch(/^content\/lessons\/3\.2\/more\.yaml:2:1: invalid YAML: /);
  });

  it('will not write a pack it would refuse', () => {
    expect(() => writeContentPack(new Map([['content/../x', 'a']]))).toThrow(ContentError);
    expect(() => writeContentPack(new Map([['content/x', 'é'.repeat(PACK_LIMITS.maxFileBytes)]]))).toThrow(/at most 1048576 per file/);
  });
});
