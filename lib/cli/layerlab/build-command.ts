import { wasmSha256 } from '@/lib/util';
import { runBuild, type ProgressMode } from '../docker/build/build-runner';
import { sharedHubSource } from '../docker/build/hub-source';
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
  // DOCKER_BUILDKIT=0 selects the legacy builder, as the docker CLI does; it writes its
  // `Step 1/5 :` log to stdout, BuildKit writes progress to stderr.
  const classic = io.env?.DOCKER_BUILDKIT === '0';
  const sha256 = io.sha256 ?? wasmSha256;
  const { exitCode } = await withStore(io, options, (store) =>
    runBuild({
      source,
      dockerfilePath,
      context,
      request: {
        tags: options.lists.get('tag') ?? [],
        ...(options.strings.has('target') ? { target: options.strings.get('target') as string } : {}),
        buildArgs,
        noCache: options.bools.has('no-cache'),
        builder: classic ? 'classic' : 'buildkit',
        // Wall-clock image times as BuildKit records them (a cached rebuild keeps its ID).
        ...(io.now !== undefined ? { now: io.now } : {}),
      },
      store,
      sha256,
      imageSource: sharedHubSource(sha256),
      progress: progress as ProgressMode,
      quiet: options.bools.has('quiet'),
      tty: false,
      summary: true,
      json: options.bools.has('json'),
      stdout: io.stdout,
      stderr: io.stderr,
    }),
  );
  return exitCode;
}
