import { unzipSync, zipSync } from 'fflate';
import { ContentError } from './errors';
import type { CourseIssue } from './exercise-types';
import { crc32, readZipDirectory, S_IFDIR, S_IFLNK, S_IFREG } from './zip-directory';

/**
 * Content packs (issue 7 item 5) are zips of course files an instructor shares. They are untrusted,
 * so a pack is judged from its central directory before anything is inflated, and refused as a
 * whole — issues listed, no files — when any entry breaks a rule.
 */
export const PACK_LIMITS = {
  /** Size of the zip itself. */
  maxPackBytes: 20 * 1024 * 1024,
  maxFiles: 2000,
  maxFileBytes: 1024 * 1024,
  maxTotalBytes: 20 * 1024 * 1024,
  maxPathLength: 240,
  maxPathDepth: 12,
  /** Declared size / compressed size above which an entry is taken for a zip bomb. */
  maxCompressionRatio: 100,
  /** Entries smaller than this are not held to the ratio (tiny files compress oddly). */
  ratioFloorBytes: 64 * 1024,
} as const;

/** Every file of a pack lives under this folder. */
export const PACK_ROOT = 'content/';

const PACK = '<pack>';
const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface ContentPack {
  /** Course path → text; empty when the pack is refused. */
  readonly files: Map<string, string>;
  readonly issues: CourseIssue[];
}

/** Why a path may not be in a pack, or undefined when it is fine. */
export function checkPackPath(path: string): string | undefined {
  if (path.includes('\0')) return 'contains a NUL character';
  if (path.includes('\\')) return 'contains a backslash';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'is absolute';
  if ([...path].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return 'contains a control character';
  if (path.length > PACK_LIMITS.maxPathLength) return `is longer than ${PACK_LIMITS.maxPathLength} characters`;
  const parts = path.replace(/\/$/, '').split('/');
  if (parts.includes('..')) return 'contains ".."';
  if (parts.some((p) => p === '' || p === '.')) return 'contains an empty or "." segment';
  if (parts.length > PACK_LIMITS.maxPathDepth) return `is deeper than ${PACK_LIMITS.maxPathDepth} folders`;
  if (!path.startsWith(PACK_ROOT)) return `is outside ${PACK_ROOT}`;
  return undefined;
}

function refused(issues: CourseIssue[]): ContentPack {
  return { files: new Map(), issues };
}

/** Unpack a content pack. Never throws; a pack with any issue yields no files. */
export function readContentPack(zip: Uint8Array): ContentPack {
  const issue = (path: string, message: string): CourseIssue => ({ path, at: '', message });
  if (zip.length > PACK_LIMITS.maxPackBytes) {
    return refused([issue(PACK, `the pack is ${zip.length} bytes (at most ${PACK_LIMITS.maxPackBytes})`)]);
  }
  const directory = readZipDirectory(zip, PACK_LIMITS.maxFiles);
  if (!directory.ok) return refused([issue(PACK, directory.message)]);

  const issues: CourseIssue[] = [];
  const wanted = new Map<string, { crc: number; size: number }>();
  let total = 0;
  for (const entry of directory.entries) {
    let name: string;
    try {
      name = utf8.decode(entry.nameBytes);
    } catch {
      issues.push(issue(PACK, 'an entry name is not valid UTF-8'));
      continue;
    }
    if (!entry.utf8 && [...name].some((c) => c.charCodeAt(0) > 0x7f)) {
      issues.push(issue(name, 'the name is not marked as UTF-8'));
      continue;
    }
    const bad = checkPackPath(name);
    if (bad != null) {
      issues.push(issue(name, `refused: the path ${bad}`));
      continue;
    }
    const isDir = name.endsWith('/');
    if (entry.unixType === S_IFLNK) issues.push(issue(name, 'refused: symbolic links are not allowed'));
    else if (entry.unixType !== 0 && entry.unixType !== (isDir ? S_IFDIR : S_IFREG)) issues.push(issue(name, 'refused: not a regular file'));
    else if (entry.encrypted) issues.push(issue(name, 'refused: encrypted entries are not supported'));
    else if (entry.zip64) issues.push(issue(name, 'refused: zip64 entries are not supported'));
    else if (entry.method !== 0 && entry.method !== 8) issues.push(issue(name, `refused: compression method ${entry.method} is not supported (stored or deflate only)`));
    else if (isDir) continue;
    else if (wanted.has(name)) issues.push(issue(name, 'refused: the path occurs twice'));
    else if (entry.size > PACK_LIMITS.maxFileBytes) issues.push(issue(name, `refused: ${entry.size} bytes (at most ${PACK_LIMITS.maxFileBytes} per file)`));
    else if (entry.size >= PACK_LIMITS.ratioFloorBytes && entry.size > entry.compressedSize * PACK_LIMITS.maxCompressionRatio) {
      issues.push(issue(name, `refused: compression ratio above ${PACK_LIMITS.maxCompressionRatio}:1 (a zip bomb?)`));
    } else {
      wanted.set(name, { crc: entry.crc, size: entry.size });
      total += entry.size;
    }
  }
  if (total > PACK_LIMITS.maxTotalBytes) issues.push(issue(PACK, `refused: ${total} bytes unpacked (at most ${PACK_LIMITS.maxTotalBytes})`));
  if (issues.length > 0) return refused(issues);

  let raw: Record<string, Uint8Array>;
  try {
    // fflate inflates each entry into a buffer of its declared size, so the checks above bound memory.
    raw = unzipSync(zip, { filter: (file) => wanted.has(file.name) });
  } catch (cause) {
    return refused([issue(PACK, `corrupt zip archive: ${cause instanceof Error ? cause.message : String(cause)}`)]);
  }
  const files = new Map<string, string>();
  for (const [name, expected] of [...wanted].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const bytes = raw[name];
    if (bytes == null || bytes.length !== expected.size || crc32(bytes) !== expected.crc) {
      issues.push(issue(name, 'refused: the content does not match its declared size and checksum'));
      continue;
    }
    try {
      files.set(name, utf8.decode(bytes));
    } catch {
      issues.push(issue(name, 'refused: not UTF-8 text'));
    }
  }
  return issues.length > 0 ? refused(issues) : { files, issues };
}

/** Fixed timestamp so the same files give the same bytes (fflate needs a DOS-representable date). */
const PACK_MTIME = new Date(Date.UTC(2024, 0, 1));
const FILE_ATTRS = ((S_IFREG | 0o644) << 16) >>> 0;

/**
 * Zip course files into a pack that readContentPack accepts: sorted entries, fixed dates, Unix
 * mode 0644. Throws a ContentError for a path or size a pack may not hold.
 */
export function writeContentPack(files: ReadonlyMap<string, string>): Uint8Array {
  if (files.size > PACK_LIMITS.maxFiles) throw new ContentError('pack-invalid', PACK, `${files.size} files (at most ${PACK_LIMITS.maxFiles})`);
  const encoder = new TextEncoder();
  const entries: Record<string, [Uint8Array, { level: 6; mtime: Date; os: number; attrs: number }]> = {};
  let total = 0;
  for (const path of [...files.keys()].sort()) {
    const bad = checkPackPath(path);
    if (bad != null || path.endsWith('/')) throw new ContentError('pack-invalid', path, `cannot pack this path: it ${bad ?? 'names a folder'}`);
    const bytes = encoder.encode(files.get(path) ?? '');
    if (bytes.length > PACK_LIMITS.maxFileBytes) throw new ContentError('pack-invalid', path, `${bytes.length} bytes (at most ${PACK_LIMITS.maxFileBytes} per file)`);
    total += bytes.length;
    entries[path] = [bytes, { level: 6, mtime: PACK_MTIME, os: 3, attrs: FILE_ATTRS }];
  }
  if (total > PACK_LIMITS.maxTotalBytes) throw new ContentError('pack-invalid', PACK, `${total} bytes (at most ${PACK_LIMITS.maxTotalBytes})`);
  return zipSync(entries);
}
