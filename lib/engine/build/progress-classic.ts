import { humanSize4 } from '@/lib/util';
import type { BuildEvent } from './events';

/**
 * The classic builder's output (`DOCKER_BUILDKIT=0 docker build`, moby `daemon/builder/dockerfile`
 * and the CLI's jsonmessage stream):
 *
 *     Step 2/7 : RUN make
 *      ---> Running in 1a2b3c4d5e6f
 *     ...output...
 *      ---> Removed intermediate container 1a2b3c4d5e6f
 *      ---> 9f8e7d6c5b4a
 *     Step 3/7 : COPY . .
 *      ---> Using cache
 *      ---> 0c1d2e3f4a5b
 *     Successfully built 9f8e7d6c5b4a
 *     Successfully tagged app:latest
 *
 * preceded by the CLI's DEPRECATED notice. Container IDs are derived from the step, so the
 * output is the same on every run.
 */
export const CLASSIC_DEPRECATION =
  'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n' +
  '            Install the buildx component to build images with BuildKit:\n' +
  '            https://docs.docker.com/go/buildx/\n';

function containerId(seed: string): string {
  // FNV-1a, twice with different offsets: 12 hex digits that look like a container ID.
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < seed.length; i++) {
    a = Math.imul(a ^ seed.charCodeAt(i), 0x01000193) >>> 0;
    b = Math.imul(b ^ seed.charCodeAt(i), 0x811c9dc5) >>> 0;
  }
  return (a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0')).slice(0, 12);
}

/** `docker.io/library/app:latest` → `app:latest` as the classic CLI prints tags. */
function familiar(ref: string): string {
  return ref.replace(/^docker\.io\/library\/(?=[^/]+$|[^/]+[:@])/, '').replace(/^docker\.io\//, '');
}

export interface ClassicRendererOptions {
  /**
   * Print the CLI's DEPRECATED notice before the first line (default true). The docker CLI
   * prints it on stderr itself, apart from the daemon's stream.
   */
  deprecation?: boolean;
}

export function createClassicRenderer(write: (text: string) => void, options: ClassicRendererOptions = {}): (event: BuildEvent) => void {
  let started = options.deprecation === false;
  const steps = new Map<number, { container: string; running: boolean; cached: boolean; from: boolean }>();
  // The last step's ` ---> <id>` is the image's ID: hold each step's ID line until the next step
  // starts (or the build ends, when the final image ID replaces it).
  let pendingId: string | null = null;
  const flush = (): void => {
    if (pendingId !== null) write(` ---> ${pendingId}\n`);
    pendingId = null;
  };
  const running = (vertex: number): void => {
    const step = steps.get(vertex);
    if (step === undefined || step.running) return;
    step.running = true;
    write(` ---> Running in ${step.container}\n`);
  };
  return (event) => {
    if (!started) {
      write(CLASSIC_DEPRECATION + '\n');
      started = true;
    }
    switch (event.type) {
      case 'vertex-start':
        if (event.step === undefined) return;
        flush();
        write(`Step ${event.step.classicIndex}/${event.step.classicTotal} : ${event.step.instruction}\n`);
        steps.set(event.vertex, {
          container: containerId(`${event.step.classicIndex}|${event.step.instruction}`),
          running: false,
          cached: false,
          // FROM, COPY and ADD change the image without running a container.
          from: /^(from|copy|add)\s/i.test(event.step.instruction),
        });
        break;
      case 'vertex-log':
        running(event.vertex);
        write(`${event.text}\n`);
        break;
      case 'vertex-cached': {
        const step = steps.get(event.vertex);
        if (step !== undefined) step.cached = true;
        write(' ---> Using cache\n');
        break;
      }
      case 'vertex-done': {
        const step = steps.get(event.vertex);
        if (step === undefined || event.classicId === undefined) return;
        if (!step.cached && !step.from) {
          running(event.vertex);
          write(` ---> Removed intermediate container ${step.container}\n`);
        }
        pendingId = event.classicId;
        break;
      }
      case 'context-sent':
        // The CLI's progress line for the upload (`%8v` right-aligns the size).
        write(`Sending build context to Docker daemon ${humanSize4(event.tarBytes).padStart(8)}\n`);
        break;
      case 'vertex-error':
        break;
      case 'warning':
        write(`${event.message}\n`);
        break;
      case 'build-done':
        if (pendingId !== null) pendingId = event.imageId.replace(/^sha256:/, '').slice(0, 12);
        flush();
        write(`Successfully built ${event.imageId.replace(/^sha256:/, '').slice(0, 12)}\n`);
        for (const tag of event.tags) write(`Successfully tagged ${familiar(tag)}\n`);
        break;
      case 'vertex-progress':
      case 'stage-skipped':
      case 'build-error':
        break;
    }
  };
}
