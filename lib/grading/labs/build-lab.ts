import { runBuild, sharedHubSource } from '@/lib/cli';
import type { BuildContext, BuildResult, Store } from '@/lib/engine';
import type { LabExercise } from '@/lib/content';
import type { Sha256Factory } from '@/lib/util';

export interface LabBuildIo {
  readonly store: Store;
  /** The workspace as a build context (paths relative to the workspace root). */
  readonly context: BuildContext;
  readonly sha256: Sha256Factory;
  readonly now?: () => number;
  /** Docker's plain progress and errors, for a transcript or the terminal. */
  readonly output?: (text: string) => void;
}

const decoder = new TextDecoder();

/**
 * Builds what the workspace holds as the lab asks before its checks run:
 * `docker build -t TAG [-f DOCKERFILE] .` with BuildKit's plain progress, through the same build
 * runner as the terminal's `docker build`. Returns the result (the `lastBuild` the
 * `build-cached` checks read), or undefined when the build failed — its error was printed as
 * Docker prints it, and the checks then see the store as it was.
 */
export async function buildLabImage(build: NonNullable<LabExercise['build']>, io: LabBuildIo): Promise<BuildResult | undefined> {
  const path = (build.dockerfile ?? 'Dockerfile').replace(/^\.?\/+/, '');
  const out = io.output ?? (() => undefined);
  let source: string;
  try {
    source = decoder.decode(await io.context.read(path));
  } catch {
    out(`ERROR: failed to build: failed to solve: failed to read dockerfile: open ${path}: no such file or directory\n`);
    return undefined;
  }
  const now = io.now ?? (() => Date.now());
  const { result } = await runBuild({
    source,
    dockerfilePath: path,
    context: io.context,
    request: { tags: [build.tag], buildArgs: {}, noCache: false, labels: {}, builder: 'buildkit', now, output: 'image', keepPulledImages: true },
    store: io.store,
    sha256: io.sha256,
    imageSource: sharedHubSource(io.sha256),
    progress: 'plain',
    quiet: false,
    tty: false,
    now,
    stdout: out,
    stderr: out,
  });
  return result;
}
