import { encodeImageConfig, isEngineError, loadImages, parseNormalizedNamed, referenceString, tagNameOnly, familiarRef, type ImageConfig } from '@/lib/engine';
import { gunzipBytes } from '@/lib/shell';
import { sha256Of } from '@/lib/util';
import { parseOptions } from '../../common/options';
import { CliError, DaemonError, helpRequested, requireArgs, toDaemonError, type DockerCommand } from '../command';
import type { DockerContext } from '../context';
import { readWorkspaceFile } from './archive-io';
import { applyChanges } from './import-changes';
import { writeTar } from './tar-writer';
import { usageText } from './usage';

const USAGE = usageText({
  usage: 'docker image import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]',
  description: 'Import the contents from a tarball to create a filesystem image',
  aliases: 'docker image import, docker import',
  options: [
    ['-c, --change list', 'Apply Dockerfile instruction to the created image'],
    ['-m, --message string', 'Set commit message for imported image'],
    ['    --platform string', 'Set platform if server is multi-platform capable'],
  ],
});

/**
 * `docker import` (moby `ImportImage`): the tarball (plain or gzip) becomes the one layer of a
 * new image whose config comes from `--change` lines; its one history entry has no `created_by`
 * and the message as comment (`Imported from -` by default, as for a file the CLI streams). The
 * image goes in through the engine's archive loader, so the layer is checked like any loaded
 * one — a hostile or corrupt tarball is refused and changes nothing. Prints the new image ID.
 */
export const importCommand: DockerCommand = {
  path: ['image', 'import'],
  aliases: [['import']],
  summary: 'Import the contents from a tarball to create a filesystem image',
  usage: USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, { change: { type: 'list', short: 'c' }, message: { type: 'string', short: 'm' }, platform: { type: 'string' }, help: { type: 'bool', short: 'h' } });
    if (helpRequested(o, importCommand, ctx)) return 0;
    requireArgs(['image', 'import'], o.positionals, { min: 1, max: 2 });
    const [source, repository] = o.positionals as [string, string | undefined];
    let tag: string | undefined;
    if (repository !== undefined) {
      try {
        tag = referenceString(tagNameOnly(parseNormalizedNamed(repository)));
      } catch (error) {
        if (isEngineError(error)) throw new CliError(error.message);
        throw error;
      }
    }
    if (/^https?:\/\//.test(source)) throw new DaemonError(`Get "${source}": dial tcp: lookup ${new URL(source).hostname}: no such host`);
    const raw = source === '-' ? ctx.shell.stdin.bytes() : await readWorkspaceFile(ctx, source);
    const id = await importImage(ctx, raw, { changes: o.lists.get('change') ?? [], message: o.strings.get('message') ?? 'Imported from -', platform: o.strings.get('platform'), tag });
    ctx.shell.stdout.write(`${id}\n`);
    return 0;
  },
};

export interface ImportOptions {
  readonly changes: readonly string[];
  readonly message: string;
  readonly platform?: string | undefined;
  /** Store key of the tag to set (`docker.io/library/app:latest`). */
  readonly tag?: string | undefined;
}

/** Makes the image and returns its ID; the store changes in one write, or not at all. */
export async function importImage(ctx: DockerContext, raw: Uint8Array, options: ImportOptions): Promise<string> {
  const [os = 'linux', architecture = 'amd64', variant] = (options.platform ?? 'linux/amd64').split('/');
  const created = new Date(ctx.now()).toISOString();
  const base: ImageConfig = { architecture, os, ...(variant ? { variant } : {}), created, config: {}, rootfs: { type: 'layers', diff_ids: [] }, history: [] };
  const changed = applyChanges(base, options.changes);
  const layer = await decompress(raw);
  const diffId = await sha256Of(layer, ctx.sha256);
  const config: ImageConfig = { ...changed, rootfs: { type: 'layers', diff_ids: [diffId] }, history: [{ created, comment: options.message }] };
  const encoded = await encodeImageConfig(config, ctx.sha256);
  const hex = encoded.id.slice('sha256:'.length);
  const manifest = JSON.stringify([{ Config: `${hex}.json`, RepoTags: options.tag === undefined ? null : [familiarRef(options.tag)], Layers: ['layer.tar'] }]);
  const archive = writeTar([
    [`${hex}.json`, encoded.bytes],
    ['layer.tar', layer],
    ['manifest.json', new TextEncoder().encode(manifest)],
  ]);
  try {
    await loadImages(ctx.daemon.store, [archive], { sha256: ctx.sha256, now: () => created });
  } catch (error) {
    throw toDaemonError(error);
  }
  return encoded.id;
}

/** moby `archive.DecompressStream`: gzip is unpacked, a plain tar passes; other codecs are not modeled. */
async function decompress(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return await gunzipBytes(bytes);
    } catch {
      throw new DaemonError('unexpected EOF');
    }
  }
  const magic = [...bytes.subarray(0, 6)];
  const starts = (sig: number[]) => sig.every((b, i) => magic[i] === b);
  if (starts([0x42, 0x5a, 0x68]) || starts([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]) || starts([0x28, 0xb5, 0x2f, 0xfd])) {
    throw new DaemonError('bzip2, xz and zstd archives are not modeled by Layerlab: use a plain or gzip tar');
  }
  return bytes;
}
