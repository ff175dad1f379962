import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDockerTestbed, createTestRegistries, type DockerTestbed } from '@/lib/cli/docker/testbed';
import { buildImage, snapshot } from '@/lib/cli/docker/registry/test-support';
import { saveImages } from '@/lib/engine';
import { nodeSha256 } from '@/lib/cli/node-io';
import { createToolEnv, listRootfs, type ToolEnv } from './image-tools';
import { freePort, missingRegistryReason, startFailingServer, startRegistry, type RunningRegistry } from './registry-server';

/**
 * Proof against a real registry (issue 5 item 5): Debian's docker-registry on loopback. Layerlab
 * pushes and skopeo/umoci read what it pushed; podman pushes (gzip layers) and Layerlab pulls,
 * then `docker history` / `docker image inspect` run on the result and `docker save` gives the
 * registry's layer bytes back. A registry that is down or answers 500 leaves the store unchanged.
 */
const reason = await missingRegistryReason();
if (reason !== null) console.warn(reason);

const APP = {
  dockerfile: 'FROM alpine:3.19\nCOPY app/ /app/\nENV MODE=production\nCMD ["/app/run.sh"]\n',
  files: { 'app/run.sh': '#!/bin/sh\necho hello\n', 'app/data/config.json': '{"port": 8080}\n' },
};

describe.skipIf(reason !== null)('a real registry (docker-registry on loopback)', () => {
  let registry: RunningRegistry;
  let tools: ToolEnv;
  let bed: DockerTestbed;

  beforeAll(async () => {
    registry = await startRegistry();
    tools = await createToolEnv();
    bed = await createDockerTestbed({ registries: createTestRegistries({ fetch: globalThis.fetch }) });
  }, 30_000);
  afterAll(async () => {
    await registry?.stop();
  });

  it('Layerlab pushes; skopeo inspects it and umoci unpacks the same rootfs as our docker save', async () => {
    const ref = `${registry.host}/layerlab/app:1.0`;
    const imageId = await buildImage(bed.store, APP.dockerfile, APP.files, [ref]);
    const push = await bed.run(`docker push ${ref}`);
    expect(push.stderr).toBe('');
    const lines = push.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`The push refers to repository [${registry.host}/layerlab/app]`);
    expect(lines.slice(1, -1).map((l) => l.slice(14))).toEqual(['Pushed', 'Pushed']);
    const [, digest, size] = /^1\.0: digest: (sha256:[0-9a-f]{64}) size: (\d+)$/.exec(lines.at(-1) as string) ?? [];
    expect(digest).toBeDefined();

    const inspect = JSON.parse(await tools.run('skopeo', ['inspect', '--tls-verify=false', `docker://${ref}`]));
    expect(inspect.Digest).toBe(digest);
    const raw = await tools.run('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${ref}`]);
    expect(raw.length).toBe(Number(size));
    const config = JSON.parse(await tools.run('skopeo', ['inspect', '--config', '--tls-verify=false', `docker://${ref}`]));
    expect(`sha256:${createHash('sha256').update(await configBytes(ref)).digest('hex')}`).toBe(imageId);
    expect(inspect.Layers).toEqual(config.rootfs.diff_ids);
    expect(config.config.Env).toContain('MODE=production');

    // The same image as docker save writes it, through skopeo too: both unpack to one rootfs.
    const archive = join(tools.dir, 'app.tar');
    const chunks: Uint8Array[] = [];
    for await (const chunk of await saveImages(bed.store, [ref], { sha256: nodeSha256 })) chunks.push(chunk);
    await writeFile(archive, Buffer.concat(chunks));
    const layout = join(tools.dir, 'oci');
    await tools.run('skopeo', ['copy', '--quiet', '--src-tls-verify=false', `docker://${ref}`, `oci:${layout}:pushed`]);
    await tools.run('skopeo', ['copy', '--quiet', `docker-archive:${archive}`, `oci:${layout}:saved`]);
    await tools.run('umoci', ['unpack', '--image', `${layout}:pushed`, join(tools.dir, 'bundle-pushed')]);
    await tools.run('umoci', ['unpack', '--image', `${layout}:saved`, join(tools.dir, 'bundle-saved')]);
    const pushed = await listRootfs(join(tools.dir, 'bundle-pushed', 'rootfs'));
    expect(pushed).toEqual(await listRootfs(join(tools.dir, 'bundle-saved', 'rootfs')));
    expect(await readFile(join(tools.dir, 'bundle-pushed', 'rootfs', 'app', 'run.sh'), 'utf8')).toBe('#!/bin/sh\necho hello\n');
    expect(pushed['bin/busybox']?.type).toBe('file');
  }, 120_000);

  it('uploads in chunks, mounts across repositories, and says "Layer already exists"', async () => {
    const chunked = await createDockerTestbed({ registries: createTestRegistries({ fetch: globalThis.fetch, chunkSize: 256 * 1024 }) });
    const big = 'x'.repeat(700_000);
    await buildImage(chunked.store, 'FROM alpine:3.19\nCOPY big.txt /big.txt\n', { 'big.txt': big }, [`${registry.host}/layerlab/base:1`]);
    await buildImage(chunked.store, `FROM ${registry.host}/layerlab/base:1\nCOPY top.txt /top.txt\n`, { 'top.txt': 'top\n' }, [`${registry.host}/layerlab/top:1`]);
    expect((await chunked.run(`docker push ${registry.host}/layerlab/base:1`)).exitCode).toBe(0);
    const top = await chunked.run(`docker push ${registry.host}/layerlab/top:1`);
    expect(top.stdout.split('\n').filter((l) => /^[0-9a-f]{12}: /.test(l)).map((l) => l.slice(14))).toEqual(['Pushed', 'Mounted from layerlab/base', 'Mounted from layerlab/base']);
    const again = await chunked.run(`docker push ${registry.host}/layerlab/top:1`);
    expect(again.stdout.split('\n').filter((l) => l.endsWith(': Layer already exists'))).toHaveLength(3);
    // What skopeo reads back is whole: its copy verifies every blob digest.
    await tools.run('skopeo', ['copy', '--quiet', '--src-tls-verify=false', `docker://${registry.host}/layerlab/top:1`, `oci:${join(tools.dir, 'oci-top')}:top`]);
  }, 120_000);

  it('pulls what podman pushed (gzip layers); docker history, inspect and save work on it', async () => {
    const ctx = await mkdtemp(join(tmpdir(), 'layerlab-podman-ctx-'));
    await writeFile(join(ctx, 'Dockerfile'), 'FROM scratch\nCOPY hello.txt /hello.txt\nCOPY bin/ /usr/local/bin/\nENV GREETING=hi\nCMD ["/usr/local/bin/tool"]\n');
    await writeFile(join(ctx, 'hello.txt'), 'hello from podman\n');
    await mkdir(join(ctx, 'bin'));
    await writeFile(join(ctx, 'bin', 'tool'), Buffer.alloc(200_000, 7));
    await chmod(join(ctx, 'bin', 'tool'), 0o755);
    await tools.run('buildah', ['bud', '--quiet', '--layers', '--timestamp', '0', '-t', 'podimg:1', '.'], ctx);
    const ref = `${registry.host}/podman/img:1`;
    await tools.run('podman', ['push', '--quiet', '--tls-verify=false', 'podimg:1', ref]);
    const podmanId = (await tools.run('podman', ['inspect', '--format', '{{.Id}}', 'podimg:1'])).trim();
    const remote = JSON.parse(await tools.run('skopeo', ['inspect', '--tls-verify=false', `docker://${ref}`]));
    const raw = JSON.parse(await tools.run('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${ref}`]));
    expect(raw.layers.every((l: { mediaType: string }) => l.mediaType.endsWith('gzip'))).toBe(true);

    const host = await createDockerTestbed({ registries: bed.registries, host: 'staging-server' });
    const pull = await host.run(`docker pull ${ref}`);
    expect(pull.stderr).toBe('');
    const lines = pull.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('1: Pulling from podman/img');
    expect(lines.filter((l) => l.endsWith(': Pull complete')).map((l) => l.slice(0, 12))).toEqual(raw.layers.map((l: { digest: string }) => l.digest.slice(7, 19)));
    expect(lines.slice(-3)).toEqual([`Digest: ${remote.Digest}`, `Status: Downloaded newer image for ${ref}`, ref]);

    const inspect = JSON.parse((await host.run(`docker image inspect ${ref}`)).stdout);
    expect(inspect[0].Id).toBe(`sha256:${podmanId}`);
    expect(inspect[0].RepoTags).toEqual([ref]);
    expect(inspect[0].RepoDigests).toEqual([`${registry.host}/podman/img@${remote.Digest}`]);
    expect(inspect[0].Config.Env).toContain('GREETING=hi');
    const remoteConfig = JSON.parse(await tools.run('skopeo', ['inspect', '--config', '--tls-verify=false', `docker://${ref}`]));
    expect(inspect[0].RootFS.Layers).toEqual(remoteConfig.rootfs.diff_ids);
    const history = await host.run(`docker history ${ref}`);
    expect(history.exitCode).toBe(0);
    const rows = history.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^IMAGE\s+CREATED\s+CREATED BY\s+SIZE\s+COMMENT$/);
    expect(rows[1]?.startsWith(podmanId.slice(0, 12))).toBe(true);
    expect(rows.some((r) => r.includes('ENV GREETING=hi'))).toBe(true);

    // docker save gives back the registry's layer tars byte for byte (diffIDs podman computed).
    const archive = join(tools.dir, 'pulled.tar');
    const chunks: Uint8Array[] = [];
    for await (const chunk of await saveImages(host.store, [ref], { sha256: nodeSha256 })) chunks.push(chunk);
    await writeFile(archive, Buffer.concat(chunks));
    const unpacked = join(tools.dir, 'pulled');
    await mkdir(unpacked);
    await tools.run('tar', ['-xf', archive, '-C', unpacked]);
    for (const diffId of inspect[0].RootFS.Layers as string[]) {
      const blob = await readFile(join(unpacked, 'blobs', 'sha256', diffId.slice(7)));
      expect(`sha256:${createHash('sha256').update(blob).digest('hex')}`).toBe(diffId);
    }
  }, 120_000);

  it('a registry that is down, or answers 500, leaves the store unchanged', async () => {
    const store = bed.store;
    const port = await freePort();
    const failing = await startFailingServer();
    try {
      await buildImage(store, APP.dockerfile, APP.files, [`${failing.host}/layerlab/app:1.0`]);
      const before = await snapshot(store);
      const down = await bed.run(`docker pull 127.0.0.1:${port}/layerlab/app:1.0`);
      expect(down).toEqual({
        exitCode: 1,
        stdout: '',
        stderr: `Error response from daemon: Get "http://127.0.0.1:${port}/v2/": dial tcp 127.0.0.1:${port}: connect: connection refused\n`,
      });
      const pull = await bed.run(`docker pull ${failing.host}/layerlab/app:1.0`);
      expect(pull).toEqual({ exitCode: 1, stdout: '', stderr: 'Error response from daemon: received unexpected HTTP status: 500 Internal Server Error\n' });
      const push = await bed.run(`docker push ${failing.host}/layerlab/app:1.0`);
      expect(push.stdout).toBe(`The push refers to repository [${failing.host}/layerlab/app]\n`);
      expect(push.stderr).toBe('received unexpected HTTP status: 500 Internal Server Error\n');
      expect(push.exitCode).toBe(1);
      expect(await snapshot(store)).toBe(before);
    } finally {
      await failing.stop();
    }
  }, 60_000);

  /** The config blob exactly as the registry serves it. */
  async function configBytes(ref: string): Promise<Buffer> {
    const raw = JSON.parse(await tools.run('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${ref}`]));
    const [repo] = ref.split(':1.0');
    const response = await fetch(`http://${registry.host}/v2/${(repo as string).slice(registry.host.length + 1)}/blobs/${raw.config.digest}`);
    return Buffer.from(await response.arrayBuffer());
  }
});
