import { formatErrorSnippet } from '@/lib/dockerfile';
import {
  build,
  createClassicRenderer,
  createHub,
  createHubImageSource,
  createPlainRenderer,
  HUB_FILES,
  isBuildError,
  isEngineError,
  type BuildResult,
} from '@/lib/engine';
import { wasmSha256 } from '@/lib/util';
import { formatDuration } from '../common/human-units';
import { decodeUtf8, describeReadError, type CliIO } from './io';
import { parseOptions, STATE_OPTION, UsageError } from '../common/options';
import { requireCapability, withStore } from './state';

export const BUILD_USAGE = `Usage:  layerlab build [OPTIONS] PATH

Build an image from a Dockerfile (docker build, BuildKit's plain output).
With DOCKER_BUILDKIT=0 in the environment, the legacy builder's cache rules and output.

Options:
      --build-arg stringArray   Set build-time variables
  -f, --file string             Name of the Dockerfile (default: "PATH/Dockerfile")
      --json                    Print the result as one JSON object on stdout
      --no-cache                Do not use cache when building the image
      --progress string         Type of progress output ("auto", "plain", "quiet") (default "auto")
  -q, --quiet                   Suppress the build output and print image ID on success
  -t, --tag stringArray         Name and optionally a tag (format: "name:tag")
      --target string           Set the target build stage to build
      --state string            State directory (default $LAYERLAB_STATE or ./.layerlab)
`;

const SPEC = {
  ...STATE_OPTION,
  file: { type: 'string', short: 'f' },
  tag: { type: 'list', short: 't' },
  target: { type: 'string' },
  'build-arg': { type: 'list' },
  'no-cache': { type: 'bool' },
  progress: { type: 'string' },
  quiet: { type: 'bool', short: 'q' },
  json: { type: 'bool' },
} as const;

/**
 * `docker build` over the state directory: the log on stderr as BuildKit's plain progress prints
 * it, the image ID on stdout with -q, the whole result as JSON with --json. Dockerfile errors get
 * BuildKit's source snippet, then `ERROR: failed to build: failed to solve: <msg>` and exit 1.
 */
export async function buildCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const options = parseOptions(argv, SPEC);
  if (options.bools.has('help')) {
    io.stdout(BUILD_USAGE);
    return 0;
  }
  if (options.positionals.length !== 1) throw new UsageError('"layerlab build" requires exactly 1 argument.');
  const contextDir = (options.positionals[0] as string).replace(/(.)\/+$/, '$1');
  const progress = options.strings.get('progress') ?? 'auto';
  if (!['auto', 'plain', 'tty', 'quiet', 'rawjson'].includes(progress)) throw new UsageError(`invalid progress mode "${progress}"`);
  const quiet = options.bools.has('quiet') || progress === 'quiet';
  const fileFlag = options.strings.get('file');
  const dockerfileFile = fileFlag ?? `${contextDir}/Dockerfile`;
  // Messages and `<Dockerfile>.dockerignore` use the Dockerfile's path inside the context.
  const dockerfilePath = fileFlag === undefined ? 'Dockerfile' : fileFlag.startsWith(`${contextDir}/`) ? fileFlag.slice(contextDir.length + 1) : fileFlag.split('/').pop() ?? 'Dockerfile';
  const buildArgs: Record<string, string> = {};
  for (const arg of options.lists.get('build-arg') ?? []) {
    const eq = arg.indexOf('=');
    // `--build-arg NAME` takes the value from the environment, as docker does.
    const value = eq >= 0 ? arg.slice(eq + 1) : io.env?.[arg];
    if (value !== undefined) buildArgs[eq >= 0 ? arg.slice(0, eq) : arg] = value;
  }
  let source: string;
  try {
    source = decodeUtf8(await io.readFile(dockerfileFile));
  } catch (error) {
    io.stderr(`ERROR: failed to build: failed to solve: failed to read dockerfile: ${describeReadError(dockerfileFile, error)}\n`);
    return 1;
  }
  const openContext = requireCapability(io, 'openContext', 'reading a build context');
  let context;
  try {
    context = await openContext(contextDir);
  } catch {
    io.stderr(`ERROR: failed to build: unable to prepare context: path "${contextDir}" not found\n`);
    return 1;
  }
  const sha256 = io.sha256 ?? wasmSha256;
  // DOCKER_BUILDKIT=0 selects the legacy builder, as the docker CLI does; it writes its
  // `Step 1/5 :` log to stdout, BuildKit writes progress to stderr.
  const classic = io.env?.DOCKER_BUILDKIT === '0';
  const renderer = quiet ? undefined : classic ? createClassicRenderer(io.stdout) : createPlainRenderer(io.stderr);
  try {
    const result = await withStore(io, options, (store) =>
      build(
        {
          dockerfile: source,
          dockerfilePath,
          context,
          tags: options.lists.get('tag') ?? [],
          ...(options.strings.has('target') ? { target: options.strings.get('target') as string } : {}),
          buildArgs,
          noCache: options.bools.has('no-cache'),
          builder: classic ? 'classic' : 'buildkit',
        },
        { store, sha256, imageSource: createHubImageSource(createHub({ files: HUB_FILES }), sha256), ...(renderer ? { onEvent: renderer } : {}) },
      ),
    );
    if (options.bools.has('json')) io.stdout(`${JSON.stringify(toJson(result), null, 2)}\n`);
    else if (quiet) io.stdout(`${result.imageId}\n`);
    else io.stderr(buildSummary(result));
    return 0;
  } catch (error) {
    if (!isEngineError(error)) throw error;
    if (classic) {
      // The legacy builder prints the daemon's message as it is (`The command '…' returned a non-zero code: 3`).
      io.stderr(`${error.message}\n`);
      return 1;
    }
    if (isBuildError(error) && error.range !== undefined) io.stderr(`${formatErrorSnippet(dockerfilePath, source, error.range).replace(/\n?$/, '\n')}`);
    io.stderr(`ERROR: failed to build: failed to solve: ${error.message}\n`);
    return 1;
  }
}

/**
 * Layerlab's own last line (not Docker's): the modeled time next to the real time, and the previous
 * build of the same repository, so a cached rebuild shows its saving ("3m 05s → 0.4s").
 */
function buildSummary(result: BuildResult): string {
  const now = `${formatDuration(result.simulatedSeconds)} simulated (${(result.realMs / 1000).toFixed(2)}s real)`;
  const name = result.tags[0]?.replace(/^docker\.io\/(library\/)?/, '').replace(/:[^/:]*$/, '');
  const before = result.previous && name ? `; previous build of ${name}: ${formatDuration(result.previous.simulatedSeconds)} → now ${formatDuration(result.simulatedSeconds)}` : '';
  return `\nBuild time: ${now}${before}\n`;
}

/** The `--json` contract (issue 3 "CLI"): the result minus wall-clock noise. */
function toJson(result: BuildResult) {
  return {
    imageId: result.imageId,
    tags: result.tags,
    size: result.size,
    steps: result.steps.map((s) => ({ instruction: s.instruction, stage: s.stage, cached: s.cached, simulatedSeconds: s.simulatedSeconds })),
    layers: result.layers,
    stages: result.stages,
    simulatedSeconds: result.simulatedSeconds,
    manifestDigest: result.manifestDigest,
    warnings: result.warnings,
    realMs: result.realMs,
    ...(result.previous ? { previous: result.previous } : {}),
  };
}
