import { CLASSIC_DEPRECATION, createMemoryContext, parseNormalizedNamed, referenceString, tagNameOnly, type BuildContext } from '@/lib/engine';
import { dirName, isFsError, type ShellFs } from '@/lib/shell';
import { CliError, type DockerCommand } from '../command';
import { terminalSize, type DockerContext } from '../context';
import { credentialsFor } from '../registry/credentials';
import { readBuildFlags, type BuildFlags } from './build-options';
import { runBuild } from './build-runner';
import { bootBuilder } from './boot';
import { currentBuilder, findBuilder, loadBuilders, noBuilder, saveBuilders, type BuilderInstance } from './builders';
import { sharedHubSource } from './hub-source';
import { ContextNotFound, openShellContext } from './shell-context';
import { BUILDX_BUILD_USAGE, LEGACY_BUILD_USAGE } from './usage';

/**
 * `docker build` (aliases `docker image build`, `docker builder build`) and `docker buildx build`
 * over the student's workspace: the context is a directory of `ctx.shell.fs`, the image goes into
 * the host's store, the builder is the current buildx instance (builders.ts) with its driver's
 * rules (docker: one platform, loaded; docker-container: several platforms, an index, output only
 * with --load/--push), and the output is BuildKit's (or, with DOCKER_BUILDKIT=0, the legacy
 * builder's) through the shared build runner.
 */

const NO_OUTPUT_WARNING =
  'WARNING: No output specified with docker-container driver. Build result will only remain in the build cache. To push result image into registry use --push or to load image into docker use --load';
const MULTI_PLATFORM_DOCKER_DRIVER =
  'ERROR: Multi-platform build is not supported for the docker driver.\nSwitch to a different driver, or turn on the containerd image store, and try again.';
const MANIFEST_LIST_LOAD = 'ERROR: docker exporter does not currently support exporting manifest lists';

interface Dockerfile {
  source: string;
  /** The path messages show and `<file>.dockerignore` is looked up by (inside the context). */
  path: string;
}

async function runBuildCommand(argv: readonly string[], ctx: DockerContext, buildx: boolean): Promise<number> {
  const env = ctx.shell.env;
  const flags = readBuildFlags(argv, env, { buildx });
  if (flags.help) {
    ctx.shell.stdout.write(flags.legacy ? LEGACY_BUILD_USAGE : BUILDX_BUILD_USAGE);
    return 0;
  }
  const err = (text: string) => ctx.shell.stderr.write(text);
  if (flags.legacy) err(`${CLASSIC_DEPRECATION}\n`);
  const store = ctx.daemon.store;
  const builders = await loadBuilders(store);
  const builder = flags.legacy ? currentBuilder({ builders: [], current: null }) : selectBuilder(builders, flags.builder);
  const multi = flags.platforms.length > 1;
  if (builder.driver === 'docker' && multi) throw new CliError(MULTI_PLATFORM_DOCKER_DRIVER, 1);
  if (builder.driver === 'docker-container' && multi && flags.load) throw new CliError(MANIFEST_LIST_LOAD, 1);

  const stdinContext = flags.contextArg === '-';
  const contextDir = stdinContext ? null : ctx.shell.resolve(flags.contextArg);
  let context: BuildContext;
  try {
    context = contextDir === null ? createMemoryContext({}) : await openShellContext(ctx.shell.fs, contextDir);
  } catch (error) {
    if (!(error instanceof ContextNotFound)) throw error;
    throw new CliError(flags.legacy ? `unable to prepare context: path ${JSON.stringify(flags.contextArg)} not found` : `ERROR: failed to build: unable to prepare context: path ${JSON.stringify(flags.contextArg)} not found`, 1);
  }
  const dockerfile = await readDockerfile(ctx, flags, contextDir);
  if (dockerfile === null) return 1;

  const container = builder.driver === 'docker-container';
  const output = container && !flags.load && !flags.push ? 'cache' : 'image';
  const notices = container && output === 'cache' ? [NO_OUTPUT_WARNING] : [];
  let vertexOffset = 0;
  const showProgress = !flags.quiet && flags.progress !== 'quiet';
  if (container && !builder.booted) {
    for (const notice of notices.splice(0)) err(`${notice}\n`);
    if (showProgress && (flags.progress === 'plain' || (flags.progress === 'auto' && !ctx.tty))) err(`#0 building with "${builder.name}" instance using ${builder.driver} driver\n\n`);
    if (showProgress) vertexOffset = bootBuilder(builder, { shell: ctx.shell, tty: ctx.tty && flags.progress !== 'plain' }, 1);
    builder.booted = true;
    builder.lastActivity = ctx.now();
    await saveBuilders(store, builders);
    if (vertexOffset > 0 && flags.progress !== 'tty' && !(flags.progress === 'auto' && ctx.tty)) err('\n');
  }
  const size = terminalSize(ctx);
  const { exitCode } = await runBuild({
    source: dockerfile.source,
    dockerfilePath: dockerfile.path,
    context,
    request: {
      tags: flags.tags,
      ...(flags.target !== undefined ? { target: flags.target } : {}),
      buildArgs: flags.buildArgs,
      noCache: flags.noCache,
      ...(multi ? { platforms: flags.platforms } : flags.platforms[0] !== undefined ? { platform: flags.platforms[0] } : {}),
      labels: flags.labels,
      builder: flags.legacy ? 'classic' : 'buildkit',
      now: ctx.now,
      output,
      keepPulledImages: !container,
    },
    store,
    sha256: ctx.sha256,
    imageSource: sharedHubSource(ctx.sha256),
    progress: flags.progress,
    quiet: flags.quiet,
    tty: ctx.tty,
    width: size.columns,
    ...(size.rows !== undefined ? { height: size.rows } : {}),
    ...(flags.legacy || vertexOffset > 0 ? {} : { builder: { name: builder.name, driver: builder.driver } }),
    classicDeprecation: false,
    classicRunStatus: true,
    now: ctx.now,
    notices,
    vertexOffset,
    ...(flags.push ? { afterExport: () => pushResult(ctx, flags) } : {}),
    stdout: (text) => ctx.shell.stdout.write(text),
    stderr: err,
    ...(ctx.shell.signal !== undefined ? { signal: ctx.shell.signal } : {}),
  });
  return exitCode;
}

/** `--builder NAME` / BUILDX_BUILDER, else the `buildx use`d one, else `default`. */
function selectBuilder(state: Awaited<ReturnType<typeof loadBuilders>>, name: string | undefined): BuilderInstance {
  if (name === undefined) return currentBuilder(state);
  const found = findBuilder(state, name);
  if (found === undefined) throw new CliError(`ERROR: ${noBuilder(name)}`, 1);
  return found;
}

/**
 * The Dockerfile: `-f` is relative to the working directory (not the context), `-f -` and a `-`
 * context read it from stdin. Missing files get each builder's text; null means it was printed.
 */
async function readDockerfile(ctx: DockerContext, flags: BuildFlags, contextDir: string | null): Promise<Dockerfile | null> {
  if (flags.file === '-' || contextDir === null) return { source: await ctx.shell.stdin.text(), path: 'Dockerfile' };
  const fs = ctx.shell.fs;
  const file = flags.file !== undefined ? ctx.shell.resolve(flags.file) : `${contextDir.replace(/\/+$/, '')}/Dockerfile`;
  const inContext = file.startsWith(`${contextDir.replace(/\/+$/, '')}/`);
  const path = inContext ? file.slice(contextDir.replace(/\/+$/, '').length + 1) : file.slice(file.lastIndexOf('/') + 1);
  const base = file.slice(file.lastIndexOf('/') + 1);
  try {
    return { source: new TextDecoder().decode(await fs.readFile(file)), path };
  } catch (error) {
    if (!isFsError(error)) throw error;
    if (flags.legacy) throw new CliError(`unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${file}: no such file or directory`, 1);
    if (flags.file !== undefined && !(await isDir(fs, dirName(file)))) throw new CliError(`ERROR: failed to build: resolve : lstat ${dirName(flags.file)}: no such file or directory`, 1);
    const showPlain = !flags.quiet && (flags.progress === 'plain' || (flags.progress === 'auto' && !ctx.tty));
    if (showPlain) {
      ctx.shell.stderr.write(`#0 building with "default" instance using docker driver\n\n#1 [internal] load build definition from ${base}\n#1 transferring dockerfile: 2B done\n#1 DONE 0.0s\n`);
    }
    ctx.shell.stderr.write(`ERROR: failed to build: failed to solve: failed to read dockerfile: open ${base}: no such file or directory\n`);
    return null;
  }
}

async function isDir(fs: ShellFs, path: string): Promise<boolean> {
  return (await fs.stat(path).catch(() => null))?.type === 'dir';
}

/**
 * `--push`: each tag to its registry through the host's registries, inside the export vertex as
 * buildx shows it (`pushing layers`, `pushing manifest for <ref>@<digest>`). A multi-platform
 * build goes up whole — every platform's manifest, then the index, whose digest the line names.
 * A refusal reads as BuildKit's pusher words it, with the canonical reference.
 */
async function pushResult(ctx: DockerContext, flags: BuildFlags): Promise<{ detail: string[]; simulatedSeconds: number }> {
  const registries = ctx.registries;
  if (registries === undefined) throw new Error('failed to push: no registry service on this host');
  const detail: string[] = [];
  let seconds = 0;
  for (const tag of flags.tags) {
    const ref = referenceString(tagNameOnly(parseNormalizedNamed(tag)));
    const credentials = await credentialsFor(ctx.daemon.store, tag);
    try {
      const pushed = await registries.push({ ref: tag, store: ctx.daemon.store, ...(credentials !== undefined ? { credentials } : {}), ...(ctx.shell.signal !== undefined ? { signal: ctx.shell.signal } : {}) });
      seconds += pushed.simulatedSeconds;
      detail.push(`pushing layers ${pushed.simulatedSeconds.toFixed(1)}s done`);
      for (const p of pushed.pushed) detail.push(`pushing manifest for ${pushed.repository}:${p.tag}@${p.digest} done`);
    } catch (error) {
      throw Object.assign(new Error(`failed to push ${ref}: ${pushFailure(error instanceof Error ? error.message : String(error))}`), { cause: error });
    }
  }
  return { detail, simulatedSeconds: seconds };
}

/** containerd's pusher words a registry's `denied` (Docker Hub without a login) as an authorization failure. */
function pushFailure(message: string): string {
  if (message === 'denied: requested access to the resource is denied') return 'push access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
  return message;
}

const build: DockerCommand = {
  path: ['build'],
  aliases: [
    ['image', 'build'],
    ['builder', 'build'],
  ],
  summary: 'Build an image from a Dockerfile',
  usage: BUILDX_BUILD_USAGE,
  run: (argv, ctx) => runBuildCommand(argv, ctx, false),
};

const buildxBuild: DockerCommand = {
  path: ['buildx', 'build'],
  aliases: [['buildx', 'b']],
  summary: 'Start a build',
  usage: BUILDX_BUILD_USAGE,
  run: (argv, ctx) => runBuildCommand(argv, ctx, true),
};

export const BUILD_RUN_COMMANDS: readonly DockerCommand[] = [build, buildxBuild];
