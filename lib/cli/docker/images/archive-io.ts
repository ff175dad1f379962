import { isFsError, type ShellFs } from '@/lib/shell';
import { CliError } from '../command';
import type { DockerContext } from '../context';

/**
 * Reading and writing archives in the student's workspace (`docker save -o`, `load -i`,
 * `import FILE`) with the CLI's error texts (`open nginx.tar: no such file or directory`).
 */
export async function readWorkspaceFile(ctx: DockerContext, path: string): Promise<Uint8Array> {
  try {
    return await ctx.shell.fs.readFile(ctx.shell.resolve(path));
  } catch (error) {
    if (isFsError(error, 'ENOENT')) throw new CliError(`open ${path}: no such file or directory`);
    if (isFsError(error, 'EISDIR')) throw new CliError(`read ${path}: is a directory`);
    if (isFsError(error, 'EACCES')) throw new CliError(`open ${path}: permission denied`);
    throw error;
  }
}

/** Bytes gathered before each write: few appends, bounded extra memory. */
const BATCH = 16 * 1024 * 1024;

/**
 * docker/cli `command.CopyToFile`: the stream goes to a temporary file beside the target, which
 * is renamed over it once complete — a failed save leaves no partial archive behind. Chunks are
 * written in batches with `append`, so a 142 MB save costs one batch of extra memory in a
 * streaming fs (and few copies in the memory fs).
 */
export async function writeStreamToFile(fs: ShellFs, target: string, chunks: AsyncIterable<Uint8Array>): Promise<void> {
  const dir = target.slice(0, target.lastIndexOf('/')) || '/';
  const temp = `${dir === '/' ? '' : dir}/.docker_temp_${Math.random().toString(36).slice(2, 11)}`;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let first = true;
  const flush = async () => {
    if (!first && pendingBytes === 0) return;
    const batch = pending.length === 1 ? (pending[0] as Uint8Array) : concat(pending, pendingBytes);
    await fs.writeFile(temp, batch, first ? {} : { append: true });
    first = false;
    pending = [];
    pendingBytes = 0;
  };
  try {
    for await (const chunk of chunks) {
      // The archive writer may reuse nothing, but copy defensively: a chunk is kept until flushed.
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= BATCH) await flush();
    }
    await flush();
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** docker/cli `ValidateOutputPath`: the directory must exist. */
export async function validateOutputPath(ctx: DockerContext, path: string): Promise<void> {
  const absolute = ctx.shell.resolve(path);
  const dir = absolute.slice(0, absolute.lastIndexOf('/')) || '/';
  if (!(await ctx.shell.fs.exists(dir))) {
    const shown = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) || '/' : '.';
    throw new CliError(`failed to save image: invalid output path: directory "${shown}" does not exist`);
  }
}
