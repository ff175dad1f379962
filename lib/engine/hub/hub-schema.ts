import { z } from 'zod';
import { hubEntrySchema } from './entry-schema';

/**
 * The schema of one `content/hub/<registry?>/<namespace>/<name>.json` file: a repository and its
 * tags. A tag lists only what it adds on top of its `from` image (referenced, never copied), so
 * shared base layers are one definition and the engine can say "Already exists".
 */

const nonEmpty = z.string().trim().min(1, { error: 'must not be empty' });
const isoTime = z.iso.datetime({ error: 'expected an ISO time such as "2024-01-11T01:20:41Z"' });
export const hubTagNameSchema = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, {
  error: 'expected a tag (letters, digits, "_", "." and "-", at most 128)',
});
/** OCI platform as Docker writes it: os/architecture[/variant]. */
export const hubPlatformSchema = z.string().regex(/^linux\/(amd64|386|arm64|arm|ppc64le|s390x|mips64le|riscv64)(\/v[5-8])?$/, {
  error: 'expected a platform such as "linux/amd64" or "linux/arm/v7"',
});

/** The image config's `config` object, field names as in the OCI/Docker JSON. */
export const hubImageConfigSchema = z.strictObject({
  Env: z.array(z.string().regex(/^[^=\s]+=/, { error: 'expected "NAME=value"' })).optional(),
  Cmd: z.array(z.string()).optional(),
  Entrypoint: z.array(z.string()).optional(),
  WorkingDir: z.string().optional(),
  User: z.string().optional(),
  ExposedPorts: z.record(z.string().regex(/^\d+\/(tcp|udp|sctp)$/, { error: 'expected "80/tcp"' }), z.strictObject({})).optional(),
  Volumes: z.record(z.string(), z.strictObject({})).optional(),
  Labels: z.record(z.string(), z.string()).optional(),
  StopSignal: z.string().regex(/^SIG[A-Z0-9]+$/).optional(),
});

/** One `docker history` line. Steps with `emptyLayer` change only the config. */
export const hubHistorySchema = z.strictObject({
  created: isoTime,
  createdBy: z.string(),
  emptyLayer: z.boolean().optional(),
  comment: z.string().optional(),
});

export const hubLayerSchema = z.strictObject({
  /** Why the layer looks as it does, for readers of the data. Not part of the layer. */
  note: z.string().optional(),
  entries: z.array(hubEntrySchema),
});

/** What the image has installed: read by the RUN model and by "will this binary start here". */
export const hubInstalledSchema = z.strictObject({
  /** `/bin/sh` and what it is: dash on Debian/Ubuntu, busybox ash on Alpine; null on scratch. */
  shell: z.strictObject({ path: z.literal('/bin/sh'), kind: z.enum(['dash', 'busybox-ash', 'bash']) }).nullable(),
  bash: z.boolean(),
  packageManager: z.enum(['apt', 'apk']).nullable(),
  libc: z.enum(['glibc', 'musl']).nullable(),
  /** Language runtimes by name, with their version: `{ "python": "3.9.18" }`. */
  runtimes: z.record(z.string(), nonEmpty),
  /** Compilers present, with their version (absent = not installed): `{ "gcc": "12.2.0" }`. */
  compilers: z.record(z.string(), nonEmpty),
  /** Notable commands beyond the shell's builtins (curl, wget, git, ...). */
  commands: z.array(nonEmpty),
  caCertificates: z.boolean(),
});

export const hubSizeSchema = z.strictObject({
  /** Uncompressed linux/amd64 size in bytes, as `docker images` / `docker inspect .Size` gives it. */
  bytes: z.number().int().nonnegative(),
  /** The figure as `docker images` prints it ("125MB"), for people checking the data. */
  reported: nonEmpty,
  /** Where the figure comes from. */
  source: nonEmpty,
});

export const hubTagSchema = z
  .strictObject({
    /** Other tags of the same image (same digest): "3.9.18-slim-bookworm" for "3.9-slim". */
    aliases: z.array(hubTagNameSchema).optional(),
    /** The base image, e.g. "docker.io/library/debian:bookworm-slim"; absent for a root image. */
    from: nonEmpty.optional(),
    created: isoTime,
    platforms: z.array(hubPlatformSchema).min(1, { error: 'needs at least one platform' }),
    /** The full config as `docker inspect` shows it (not a diff against `from`). */
    config: hubImageConfigSchema,
    /** This image's own history steps, after those of `from`. */
    history: z.array(hubHistorySchema),
    /** This image's own layers, one per history step without `emptyLayer`, in order. */
    layers: z.array(hubLayerSchema),
    size: hubSizeSchema,
    installed: hubInstalledSchema,
    /** Where other figures and texts come from (Env values, history lines, file contents). */
    sources: z.record(z.string(), nonEmpty).optional(),
  })
  .superRefine((tag, ctx) => {
    // OCI image spec: every non-empty history entry corresponds to one layer, in order.
    const nonEmptySteps = tag.history.filter((h) => h.emptyLayer !== true).length;
    if (nonEmptySteps !== tag.layers.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['layers'],
        message: `${tag.layers.length} layers but ${nonEmptySteps} history steps without "emptyLayer"`,
      });
    }
  });

export const hubRepositorySchema = z.strictObject({
  /** Full name, e.g. "docker.io/library/python"; must match the file's path. */
  repository: nonEmpty,
  description: nonEmpty,
  /** Set for names Docker reserves (`scratch`): usable in FROM, refused by `docker pull`. */
  reserved: z.string().optional(),
  /** True for images the course invents (ghcr.io/company/app): real-looking, not real. */
  fictional: z.boolean().optional(),
  tags: z.record(hubTagNameSchema, hubTagSchema),
});

/** `content/hub/registries.json`: registries other than Docker Hub, as separate namespaces. */
export const hubRegistriesSchema = z.strictObject({
  registries: z.record(
    z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}(:\d+)?$|^localhost(:\d+)?$/, { error: 'expected a registry host such as "gcr.io"' }),
    z.strictObject({ description: nonEmpty, requiresLogin: z.boolean() }),
  ),
});

export type HubRepositoryFile = z.infer<typeof hubRepositorySchema>;
export type HubTag = z.infer<typeof hubTagSchema>;
export type HubLayer = z.infer<typeof hubLayerSchema>;
export type HubHistory = z.infer<typeof hubHistorySchema>;
export type HubImageConfig = z.infer<typeof hubImageConfigSchema>;
export type HubInstalled = z.infer<typeof hubInstalledSchema>;
export type HubRegistries = z.infer<typeof hubRegistriesSchema>;
