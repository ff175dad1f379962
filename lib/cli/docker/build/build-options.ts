import { parseNormalizedNamed, parseReference } from '@/lib/engine';
import { parseOptions, UsageError, type OptionSpec, type ParsedOptions } from '../../common/options';
import { CliError } from '../command';
import { PROGRESS_MODES, type ProgressMode } from './build-runner';

/**
 * `docker build` / `docker buildx build` flags read the way each CLI reads them. Since Docker 23
 * `docker build` is buildx (`"docker buildx build" requires exactly 1 argument.`); with
 * DOCKER_BUILDKIT=0 it is the legacy builder, which knows no buildx flag (`unknown flag: --push`,
 * `See 'docker build --help'.`, exit 125).
 */

const COMMON: Readonly<Record<string, OptionSpec>> = {
  help: { type: 'bool', short: 'h' },
  tag: { type: 'list', short: 't' },
  file: { type: 'string', short: 'f' },
  'build-arg': { type: 'list' },
  target: { type: 'string' },
  'no-cache': { type: 'bool' },
  platform: { type: 'list' },
  label: { type: 'list' },
  quiet: { type: 'bool', short: 'q' },
  pull: { type: 'bool' },
};

const LEGACY: Readonly<Record<string, OptionSpec>> = { ...COMMON, rm: { type: 'bool' }, 'force-rm': { type: 'bool' } };

const BUILDX: Readonly<Record<string, OptionSpec>> = {
  ...COMMON,
  progress: { type: 'string' },
  load: { type: 'bool' },
  push: { type: 'bool' },
  output: { type: 'list', short: 'o' },
  builder: { type: 'string' },
};

export interface BuildFlags {
  legacy: boolean;
  /** `buildx build` or `build` (legacy): for messages. */
  commandPath: string;
  help: boolean;
  contextArg: string;
  tags: string[];
  file?: string;
  buildArgs: Record<string, string>;
  target?: string;
  noCache: boolean;
  platforms: string[];
  labels: Record<string, string>;
  quiet: boolean;
  progress: ProgressMode;
  load: boolean;
  push: boolean;
  builder?: string;
}

function usageError(message: string, commandPath: string): CliError {
  return new CliError(`${message}\nSee 'docker ${commandPath} --help'.`, 125);
}

/** buildx's argument error (cli.ExactArgs via the plugin: `ERROR: …` with the usage lines, exit 1). */
function argsError(legacy: boolean): CliError {
  if (legacy) return new CliError(`"docker build" requires exactly 1 argument.\nSee 'docker build --help'.\n\nUsage:  docker build [OPTIONS] PATH | URL | -\n\nBuild an image from a Dockerfile`, 1);
  return new CliError(`ERROR: "docker buildx build" requires exactly 1 argument.\nSee 'docker buildx build --help'.\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nStart a build`, 1);
}

/** `-t Foo`: each CLI checks tags before it sends anything. */
function checkTags(tags: readonly string[], legacy: boolean): void {
  for (const tag of tags) {
    try {
      // buildx checks its tags with distribution's `reference.Parse` first, whose upper-case error
      // names no repository (`repository name must be lowercase`); the daemon normalizes after.
      if (!legacy) parseReference(tag);
      parseNormalizedNamed(tag);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (legacy) throw usageError(`invalid argument ${JSON.stringify(tag)} for "-t, --tag" flag: ${message}`, 'build');
      const reason = message.replace(/^invalid reference format: (?=.)/, '');
      throw new CliError(`ERROR: failed to build: invalid tag ${JSON.stringify(tag)}: ${reason}`, 1);
    }
  }
}

/** `--output type=docker` is `--load`, `type=registry` (or `type=image,push=true`) is `--push`. */
function readOutputs(values: readonly string[]): { load: boolean; push: boolean } {
  let load = false;
  let push = false;
  for (const value of values) {
    const fields = new Map(value.split(',').map((kv) => [kv.split('=')[0] ?? '', kv.slice(kv.indexOf('=') + 1)] as const));
    const type = fields.get('type') ?? '';
    if (type === 'docker') load = true;
    else if (type === 'registry' || (type === 'image' && fields.get('push') === 'true')) push = true;
    else if (type !== 'image' && type !== 'cacheonly') throw new CliError(`ERROR: failed to build: output type ${JSON.stringify(type)} is not modeled by Layerlab (use --load or --push)`, 1);
  }
  return { load, push };
}

export function readBuildFlags(argv: readonly string[], env: Readonly<Record<string, string>>, options: { buildx: boolean }): BuildFlags {
  const legacy = !options.buildx && env.DOCKER_BUILDKIT === '0';
  const commandPath = legacy ? 'build' : 'buildx build';
  let o: ParsedOptions;
  try {
    o = parseOptions(argv, legacy ? LEGACY : BUILDX);
  } catch (error) {
    if (error instanceof UsageError) throw usageError(error.message, commandPath);
    throw error;
  }
  const help = o.bools.has('help');
  if (!help && o.positionals.length !== 1) throw argsError(legacy);
  const tags = o.lists.get('tag') ?? [];
  if (!help) checkTags(tags, legacy);
  const progress = (o.strings.get('progress') ?? env.BUILDKIT_PROGRESS ?? 'auto') as ProgressMode;
  if (!PROGRESS_MODES.includes(progress)) throw new CliError(`ERROR: failed to build: invalid progress mode ${JSON.stringify(progress)}`, 1);
  const buildArgs: Record<string, string> = {};
  for (const arg of o.lists.get('build-arg') ?? []) {
    const eq = arg.indexOf('=');
    // `--build-arg NAME` takes the value from the environment, and is dropped when it is unset.
    const value = eq >= 0 ? arg.slice(eq + 1) : env[arg];
    if (value !== undefined) buildArgs[eq >= 0 ? arg.slice(0, eq) : arg] = value;
  }
  const labels: Record<string, string> = {};
  for (const label of o.lists.get('label') ?? []) {
    const eq = label.indexOf('=');
    labels[eq >= 0 ? label.slice(0, eq) : label] = eq >= 0 ? label.slice(eq + 1) : '';
  }
  // buildx splits each --platform on commas; the legacy builder takes one platform.
  const platforms = (o.lists.get('platform') ?? []).flatMap((p) => (legacy ? [p] : p.split(','))).map((p) => p.trim()).filter((p) => p !== '');
  const outputs = readOutputs(o.lists.get('output') ?? []);
  const file = o.strings.get('file');
  const target = o.strings.get('target');
  const builder = o.strings.get('builder') ?? env.BUILDX_BUILDER;
  return {
    legacy,
    commandPath,
    help,
    contextArg: o.positionals[0] ?? '.',
    tags,
    ...(file !== undefined ? { file } : {}),
    buildArgs,
    ...(target !== undefined ? { target } : {}),
    noCache: o.bools.has('no-cache'),
    platforms: legacy ? platforms.slice(-1) : platforms,
    labels,
    quiet: o.bools.has('quiet'),
    progress,
    load: o.bools.has('load') || outputs.load,
    push: o.bools.has('push') || outputs.push,
    ...(builder !== undefined && builder !== '' ? { builder } : {}),
  };
}
