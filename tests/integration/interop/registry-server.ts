/**
 * Debian's `docker-registry` (distribution 2.8) on a free loopback port, for the registry interop
 * tests and the registry benchmark: our own config (filesystem storage in a temp dir, CORS headers
 * as ../shared/TOOLCHAIN.md lists them so a browser page could push too), started and stopped by
 * the test. Also a stand-in that answers 500 to everything, and a port nothing listens on.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** Why the real-registry tests cannot run here, or null. */
export async function missingRegistryReason(tools: readonly string[] = ['docker-registry', 'skopeo', 'umoci', 'podman', 'buildah']): Promise<string | null> {
  const missing: string[] = [];
  for (const tool of tools) await exec('sh', ['-c', `command -v ${tool}`]).catch(() => missing.push(tool));
  if (missing.length > 0) return `registry interop tests skipped: ${missing.join(', ')} not installed (apt-get install -y ${missing.join(' ')}, as root)`;
  if (process.getuid?.() !== 0) return 'registry interop tests skipped: podman/buildah with vfs storage need root here';
  return null;
}

/** A port nothing listens on right now (the kernel's pick, released). */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface RunningRegistry {
  /** `127.0.0.1:PORT` */
  readonly host: string;
  readonly dir: string;
  stop(): Promise<void>;
}

export async function startRegistry(): Promise<RunningRegistry> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'layerlab-registry-'));
  const host = `127.0.0.1:${port}`;
  const config = [
    'version: 0.1',
    'log:',
    '  level: error',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${dir}/data`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: ${host}`,
    '  headers:',
    "    X-Content-Type-Options: [nosniff]",
    "    Access-Control-Allow-Origin: ['*']",
    "    Access-Control-Allow-Methods: ['HEAD', 'GET', 'OPTIONS', 'DELETE', 'POST', 'PUT', 'PATCH']",
    "    Access-Control-Allow-Headers: ['Authorization', 'Accept', 'Content-Type', 'Content-Range']",
    "    Access-Control-Expose-Headers: ['Docker-Content-Digest', 'Location', 'Range']",
    '',
  ].join('\n');
  await writeFile(join(dir, 'config.yml'), config);
  const child: ChildProcess = spawn('docker-registry', ['serve', join(dir, 'config.yml')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + 15_000;
  for (;;) {
    const ok = await fetch(`http://${host}/v2/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`docker-registry did not start on ${host}:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    host,
    dir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** An HTTP server on loopback that answers every request with 500 (a registry that is broken). */
export async function startFailingServer(): Promise<{ host: string; stop(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('internal error');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { host: `127.0.0.1:${address.port}`, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
