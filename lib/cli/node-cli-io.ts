/**
 * The `layerlab` CLI's IO over Node: files, streams, the directory store, build contexts, the
 * OpenSSL hasher. The Node entry uses it with process streams; integration tests use it with
 * captured output and a temp state directory, so they run exactly the code `npm run layerlab` runs.
 */
import { createReadStream } from 'node:fs';
import { access, open, readFile, rename, rm } from 'node:fs/promises';
import type { CliIO } from './layerlab/io';
import { readContentDir } from './node-content';
import { openNodeContext } from './node-context';
import { nodeSha256 } from './node-io';
import { createDirectoryStore } from './node-store';
import { createNodeWorkspaceFs } from './node-workspace-fs';

export interface NodeCliOptions {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  readonly readStdin?: () => Promise<Uint8Array>;
}

export function createNodeCliIO(options: NodeCliOptions): CliIO {
  return {
    readFile: async (path) => (path === '-' && options.readStdin ? options.readStdin() : new Uint8Array(await readFile(path))),
    exists: async (path) => access(path).then(
      () => true,
      () => false,
    ),
    stdout: options.stdout,
    stderr: options.stderr,
    env: options.env ?? process.env,
    cwd: options.cwd ?? process.cwd(),
    openStore: (dir) => createDirectoryStore(dir),
    async writeFile(path, chunks) {
      // Written beside the target and renamed at the end: a failed save leaves no half archive.
      const temp = `${path}.layerlab-${process.pid}.tmp`;
      const handle = await open(temp, 'w');
      try {
        for await (const chunk of chunks) await handle.write(chunk);
        await handle.close();
        await rename(temp, path);
      } catch (error) {
        await handle.close().catch(() => undefined);
        await rm(temp, { force: true });
        throw error;
      }
    },
    async *readStream(path) {
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
        const buffer = chunk as Buffer;
        yield new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      }
    },
    openContext: (dir) => openNodeContext(dir),
    openWorkspace: (dir, mount) => createNodeWorkspaceFs(dir, { mount }),
    readContent: (dir, subs) => readContentDir(dir, subs),
    sha256: nodeSha256,
    now: () => Date.now(),
  };
}
