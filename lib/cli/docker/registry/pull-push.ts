import { EngineError, isEngineError, isNameOnly, parseImagePlatform, parseNormalizedNamed, tagNameOnly, type NamedReference } from '@/lib/engine';
import { parseOptions } from '../../common/options';
import { CliError, DaemonError, helpRequested, requireArgs, type DockerCommand } from '../command';
import type { DockerContext } from '../context';
import { credentialsFor } from './credentials';
import { bandwidthOf, createTransferOutput, requireRegistries } from './transfer-output';
import { PULL_USAGE, PUSH_USAGE } from './usage';

/**
 * `docker pull` and `docker push` (docker/cli `image/pull.go`, `image/push.go`): the reference is
 * checked client-side first (`invalid reference format…`, `tag can't be used with --all-tags/-a`),
 * `Using default tag: latest` when none was given, then the daemon's stream, then — for pull —
 * the canonical reference on the last line. The simulated transfer time is charged to the shell.
 */
const TRANSFER_FLAGS = {
  'all-tags': { type: 'bool', short: 'a' },
  quiet: { type: 'bool', short: 'q' },
  platform: { type: 'string' },
  'disable-content-trust': { type: 'bool' },
  help: { type: 'bool' },
} as const;

/** `reference.ParseNormalizedNamed` on the client: its errors are printed as they are. */
function parseRemote(remote: string, allTags: boolean, ctx: DockerContext, quiet: boolean): NamedReference {
  let ref: NamedReference;
  try {
    ref = parseNormalizedNamed(remote);
  } catch (error) {
    if (isEngineError(error)) throw new CliError(error.message);
    throw error;
  }
  if (allTags && !isNameOnly(ref)) throw new CliError("tag can't be used with --all-tags/-a");
  if (!allTags && isNameOnly(ref)) {
    ref = tagNameOnly(ref);
    if (!quiet) ctx.shell.stdout.write(`Using default tag: ${ref.tag}\n`);
  }
  return ref;
}

export const PULL_COMMAND: DockerCommand = {
  path: ['pull'],
  aliases: [['image', 'pull']],
  summary: 'Download an image from a registry',
  usage: PULL_USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, TRANSFER_FLAGS);
    if (helpRequested(o, this, ctx)) return 0;
    requireArgs(['pull'], o.positionals, { exactly: 1 });
    const quiet = o.bools.has('quiet');
    const allTags = o.bools.has('all-tags');
    const platform = o.strings.get('platform') ?? (ctx.shell.env.DOCKER_DEFAULT_PLATFORM || undefined);
    if (platform !== undefined) checkPlatform(platform);
    const remote = o.positionals[0] as string;
    parseRemote(remote, allTags, ctx, quiet);
    const registries = requireRegistries(ctx);
    const output = createTransferOutput(ctx, { quiet });
    const credentials = await credentialsFor(ctx.daemon.store, remote);
    const bandwidth = bandwidthOf(ctx);
    const result = await output.run(() =>
      registries.pull({
        ref: remote,
        store: ctx.daemon.store,
        allTags,
        ...(platform !== undefined ? { platform } : {}),
        ...(credentials !== undefined ? { credentials } : {}),
        ...(bandwidth !== undefined ? { bandwidth } : {}),
        ...(ctx.shell.signal !== undefined ? { signal: ctx.shell.signal } : {}),
        onEvent: output.listener,
        now: () => new Date(ctx.now()).toISOString(),
      }),
    );
    ctx.shell.addSimulatedSeconds(result.simulatedSeconds);
    ctx.shell.stdout.write(`${result.reference}\n`);
    return 0;
  },
};

export const PUSH_COMMAND: DockerCommand = {
  path: ['push'],
  aliases: [['image', 'push']],
  summary: 'Upload an image to a registry',
  usage: PUSH_USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, TRANSFER_FLAGS);
    if (helpRequested(o, this, ctx)) return 0;
    requireArgs(['push'], o.positionals, { exactly: 1 });
    const quiet = o.bools.has('quiet');
    const allTags = o.bools.has('all-tags');
    const platform = o.strings.get('platform');
    if (platform !== undefined) {
      checkPlatform(platform);
      // docker/cli prints this note before pushing one platform of an index (tui.PrintNote).
      ctx.shell.stderr.write(
        'Using --platform pushes only the specified platform manifest of a multi-platform image index.\nOther components, like attestations, will not be included.\nTo push the complete multi-platform image, remove the --platform flag.\n',
      );
    }
    const remote = o.positionals[0] as string;
    const ref = parseRemote(remote, allTags, ctx, quiet);
    const registries = requireRegistries(ctx);
    const output = createTransferOutput(ctx, { quiet });
    const credentials = await credentialsFor(ctx.daemon.store, remote);
    const bandwidth = bandwidthOf(ctx);
    const result = await output.run(() =>
      registries.push({
        ref: remote,
        store: ctx.daemon.store,
        allTags,
        ...(credentials !== undefined ? { credentials } : {}),
        ...(bandwidth !== undefined ? { bandwidth } : {}),
        ...(ctx.shell.signal !== undefined ? { signal: ctx.shell.signal } : {}),
        onEvent: output.listener,
      }),
    );
    ctx.shell.addSimulatedSeconds(result.simulatedSeconds);
    // With -q docker prints only the reference it pushed (ref.String()).
    if (quiet) ctx.shell.stdout.write(`${ref.domain}/${ref.path}${ref.tag !== undefined ? `:${ref.tag}` : ''}\n`);
    return 0;
  },
};

/** containerd's `platforms.Parse`, which the daemon runs on `--platform`. */
function checkPlatform(platform: string): void {
  try {
    parseImagePlatform(platform);
  } catch (error) {
    if (error instanceof EngineError) throw new DaemonError(error.message);
    throw error;
  }
}
