import type { CliIO } from '@/lib/cli/layerlab/io';

/** An in-memory CliIO for tests: files by path, captured stdout and stderr. */
export function createMemoryIO(files: Record<string, string | Uint8Array>): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    async readFile(path: string): Promise<Uint8Array> {
      const content = files[path];
      if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    },
    async exists(path: string): Promise<boolean> {
      return files[path] !== undefined;
    },
    stdout(text: string): void {
      io.out += text;
    },
    stderr(text: string): void {
      io.err += text;
    },
  };
  return io;
}
