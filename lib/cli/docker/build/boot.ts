import type { DockerContext } from '../context';
import type { BuilderInstance } from './builders';

/** Simulated seconds to pull `moby/buildkit:buildx-stable-1` (~80 MB at 20 MB/s) and start its container. */
const PULL_SECONDS = 4.1;
const CREATE_SECONDS = 0.6;

/**
 * Starting a docker-container builder (`buildx inspect --bootstrap`, or its first build): the
 * `[internal] booting buildkit` vertex with its two steps, on stderr, in BuildKit's plain form
 * (or its condensed view on a terminal). `vertex` numbers it within a build's progress. Returns
 * the number of progress lines' vertices used (1).
 */
export function bootBuilder(builder: BuilderInstance, ctx: Pick<DockerContext, 'shell' | 'tty'>, vertex = 1): number {
  const image = 'moby/buildkit:buildx-stable-1';
  const container = `buildx_buildkit_${builder.name}0`;
  const total = (PULL_SECONDS + CREATE_SECONDS).toFixed(1);
  const err = ctx.shell.stderr;
  if (ctx.tty) {
    const width = 80;
    const line = (left: string, seconds: string) => {
      const timer = ` ${seconds}s\n`;
      return `${left.padEnd(width - timer.length - 1)} ${timer}`;
    };
    err.write(`${`[+] Building ${total}s (1/1) FINISHED`.padEnd(width - 1)} \n`);
    err.write(line(' => [internal] booting buildkit', total));
    err.write(line(` => => pulling image ${image}`, PULL_SECONDS.toFixed(1)));
    err.write(line(` => => creating container ${container}`, CREATE_SECONDS.toFixed(1)));
    return 1;
  }
  err.write(
    `#${vertex} [internal] booting buildkit\n` +
      `#${vertex} pulling image ${image}\n` +
      `#${vertex} pulling image ${image} ${PULL_SECONDS.toFixed(1)}s done\n` +
      `#${vertex} creating container ${container}\n` +
      `#${vertex} creating container ${container} ${CREATE_SECONDS.toFixed(1)}s done\n` +
      `#${vertex} DONE ${total}s\n`,
  );
  return 1;
}
