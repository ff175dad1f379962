import type { Command } from '../run/command-types';
import { complain, getopt } from './support';

/**
 * gzip, gunzip and zcat over the platform's CompressionStream (browsers, and Node 18+). Output
 * is deterministic: the stream writes mtime 0 and no file name, so the same bytes give the
 * same archive — what reproducible layers need.
 */
async function pump(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

export function gzipBytes(bytes: Uint8Array): Promise<Uint8Array> {
  return pump(bytes, new CompressionStream('gzip'));
}

export function gunzipBytes(bytes: Uint8Array): Promise<Uint8Array> {
  return pump(bytes, new DecompressionStream('gzip'));
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export const gzip: Command = async (ctx) => {
  const name = ctx.name.slice(ctx.name.lastIndexOf('/') + 1);
  const o = getopt(ctx.args, 'dcfkqvnrt123456789', { decompress: 'd', stdout: 'c', force: 'f', keep: 'k', quiet: 'q', verbose: 'v' });
  if ('error' in o) {
    complain(ctx, o.error);
    return 1;
  }
  const decompress = o.flags.has('d') || name === 'gunzip' || name === 'zcat';
  const toStdout = o.flags.has('c') || name === 'zcat';
  if (o.operands.length === 0 || o.operands[0] === '-') {
    const input = ctx.stdin.bytes();
    try {
      ctx.stdout.write(decompress ? await gunzipBytes(input) : await gzipBytes(input));
      return 0;
    } catch {
      complain(ctx, 'stdin: not in gzip format');
      return 1;
    }
  }
  let status = 0;
  for (const file of o.operands) {
    const path = ctx.resolve(file);
    try {
      const input = await ctx.fs.readFile(path);
      if (decompress && !isGzip(input)) {
        complain(ctx, `${file}: not in gzip format`);
        status = 1;
        continue;
      }
      const output = decompress ? await gunzipBytes(input) : await gzipBytes(input);
      if (toStdout) {
        ctx.stdout.write(output);
        continue;
      }
      if (decompress && !file.endsWith('.gz')) {
        complain(ctx, `${file}: unknown suffix -- ignored`);
        status = 2;
        continue;
      }
      const target = decompress ? path.slice(0, -3) : `${path}.gz`;
      const mode = (await ctx.fs.stat(path)).mode;
      await ctx.fs.writeFile(target, output, { mode });
      if (!o.flags.has('k')) await ctx.fs.rm(path);
    } catch {
      complain(ctx, `${file}: No such file or directory`);
      status = 1;
    }
  }
  return status;
};
