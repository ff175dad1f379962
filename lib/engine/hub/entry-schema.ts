import { z } from 'zod';

/**
 * One filesystem entry of a hub layer, as written in `content/hub/**.json`. The data uses a
 * shorthand keyed by the entry's kind (`{ "file": "/etc/alpine-release", "text": "3.19.1\n" }`)
 * because it reads like a file listing; the schema turns it into a `kind`-tagged union.
 */

/** Absolute, clean POSIX path: the tar writer and the fs reject anything else later anyway. */
export const hubPathSchema = z
  .string()
  .refine((p) => p.startsWith('/') && p !== '/' && !p.endsWith('/') && !p.includes('//'), {
    error: 'expected an absolute path without a trailing slash, such as "/etc/os-release"',
  })
  .refine((p) => !p.split('/').some((part) => part === '.' || part === '..'), {
    error: 'must not contain "." or ".." components',
  });

/** Octal mode as a string ("0755"): JSON has no octal literals and 493 reads as nothing. */
const modeSchema = z.string().regex(/^0?[0-7]{3,4}$/, { error: 'expected an octal mode such as "0644"' });
const idSchema = z.number().int({ error: 'expected a whole number' }).nonnegative({ error: 'must be 0 or more' });
const owner = { mode: modeSchema.optional(), uid: idSchema.optional(), gid: idSchema.optional() };
const sizeSchema = z.number().int({ error: 'expected a whole number of bytes' }).nonnegative({ error: 'must be 0 or more' });

const dirShape = z.strictObject({ dir: hubPathSchema, ...owner });
const fileShape = z
  .strictObject({
    file: hubPathSchema,
    /** Real content, for files a learner opens (`cat /etc/os-release`). */
    text: z.string().optional(),
    /** Real content as lines (joined with "\n", plus a final newline): easier to read in JSON. */
    lines: z.array(z.string()).optional(),
    /** Synthetic content of this many bytes, for binaries and libraries. */
    size: sizeSchema.optional(),
    ...owner,
  })
  .refine((f) => [f.text, f.lines, f.size].filter((v) => v !== undefined).length === 1, {
    error: 'a file needs exactly one of "text", "lines" or "size"',
  });
const symlinkShape = z.strictObject({ symlink: hubPathSchema, target: z.string().min(1), uid: idSchema.optional(), gid: idSchema.optional() });
const hardlinkShape = z.strictObject({ hardlink: hubPathSchema, target: hubPathSchema });
const bulkShape = z.strictObject({
  /** A directory filled with `files` synthetic files totalling `bytes`, spread deterministically. */
  bulk: hubPathSchema,
  files: z.number().int({ error: 'expected a whole number' }).positive({ error: 'must be 1 or more' }),
  bytes: sizeSchema,
  /** File name extension of the synthesized files (".py", ".so"); purely cosmetic. */
  ext: z.string().regex(/^(\.[A-Za-z0-9]+)*$/).optional(),
  /**
   * Real names for the first files, placed directly in the directory (e.g. the coreutils in
   * /usr/bin): RUN finds commands by name on PATH, and learners look for them with `ls`.
   */
  names: z.array(z.string().regex(/^[^/]+$/, { error: 'expected a file name without "/"' })).optional(),
  ...owner,
}).refine((b) => (b.names?.length ?? 0) <= b.files, { error: '"names" cannot list more names than "files"' });
const packagesShape = z.strictObject({
  /** A package database (`/var/lib/dpkg/status`, `/lib/apk/db/installed`) generated from a list. */
  packages: hubPathSchema,
  format: z.enum(['dpkg', 'apk']),
  /** `name=version` pairs, e.g. "base-files=12.4+deb12u4". */
  list: z.array(z.string().regex(/^[.a-z0-9][a-z0-9+.\-_]*=\S+$/, { error: 'expected "name=version"' })),
});

type Owner = { mode?: string; uid?: number; gid?: number };
export type HubEntry =
  | ({ kind: 'dir'; path: string } & Owner)
  | ({ kind: 'file'; path: string; text?: string; size?: number } & Owner)
  | { kind: 'symlink'; path: string; target: string; uid?: number; gid?: number }
  | { kind: 'hardlink'; path: string; target: string }
  | ({ kind: 'bulk'; path: string; files: number; bytes: number; ext?: string; names?: string[] } & Owner)
  | { kind: 'packages'; path: string; format: 'dpkg' | 'apk'; list: string[] };

const kinds = ['dir', 'file', 'symlink', 'hardlink', 'bulk', 'packages'] as const;

type Parsed = { ok: true; entry: HubEntry } | { ok: false; issues: readonly z.core.$ZodIssue[] };

function parseWith<T>(schema: z.ZodType<T>, value: unknown, build: (data: T) => HubEntry): Parsed {
  const r = schema.safeParse(value);
  return r.success ? { ok: true, entry: build(r.data) } : { ok: false, issues: r.error.issues };
}

function toEntry(kind: (typeof kinds)[number], value: unknown): Parsed {
  switch (kind) {
    case 'dir':
      return parseWith(dirShape, value, (d) => ({ kind, ...withoutKey(d, 'dir'), path: d.dir }));
    case 'file':
      return parseWith(fileShape, value, ({ file, lines, ...rest }) => {
        const text = lines !== undefined ? lines.map((l) => `${l}\n`).join('') : rest.text;
        return { kind, ...rest, path: file, ...(text !== undefined ? { text } : {}) };
      });
    case 'symlink':
      return parseWith(symlinkShape, value, (d) => ({ kind, ...withoutKey(d, 'symlink'), path: d.symlink }));
    case 'hardlink':
      return parseWith(hardlinkShape, value, (d) => ({ kind, path: d.hardlink, target: d.target }));
    case 'bulk':
      return parseWith(bulkShape, value, (d) => ({ kind, ...withoutKey(d, 'bulk'), path: d.bulk }));
    case 'packages':
      return parseWith(packagesShape, value, (d) => ({ kind, ...withoutKey(d, 'packages'), path: d.packages }));
  }
}

function withoutKey<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

/** Picks the entry's kind by its key, then validates against that kind only, so errors stay precise. */
export const hubEntrySchema = z.unknown().transform((value, ctx): HubEntry => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: 'expected an object' });
    return z.NEVER;
  }
  const present = kinds.filter((k) => k in value);
  const kind = present[0];
  if (kind === undefined || present.length > 1) {
    ctx.addIssue({ code: 'custom', message: `expected exactly one of ${kinds.map((k) => `"${k}"`).join(', ')}` });
    return z.NEVER;
  }
  const result = toEntry(kind, value);
  if (!result.ok) {
    for (const issue of result.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [...issue.path] });
    return z.NEVER;
  }
  return result.entry;
});
