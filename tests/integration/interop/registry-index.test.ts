import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDockerTestbed, createTestRegistries } from '@/lib/cli/docker/testbed';
import { createToolEnv, type ToolEnv } from './image-tools';
import { missingRegistryReason, startRegistry, type RunningRegistry } from './registry-server';

/**
 * `docker buildx build --platform linux/amd64,linux/arm64 --push` against a real registry
 * (Debian's docker-registry on loopback): the registry ends up with an OCI image index whose
 * platforms skopeo reads, and another host pulls the platform it asks for from it.
 */
const reason = await missingRegistryReason(['docker-registry', 'skopeo']);
if (reason !== null) console.warn(reason);

describe.skipIf(reason !== null)('a multi-platform push to a real registry', () => {
  let registry: RunningRegistry;
  let tools: ToolEnv;

  beforeAll(async () => {
    registry = await startRegistry();
    tools = await createToolEnv();
  }, 30_000);
  afterAll(async () => {
    await registry?.stop();
  });

  it('puts an image index; skopeo sees both platforms and another host pulls arm64', async () => {
    const registries = createTestRegistries({ fetch: globalThis.fetch });
    const workstation = await createDockerTestbed({ registries });
    await workstation.fs.writeFile('/workspace/Dockerfile', 'FROM alpine:3.19\nCOPY app.txt /app.txt\n');
    await workstation.fs.writeFile('/workspace/app.txt', 'multi\n');
    const ref = `${registry.host}/layerlab/multi:1.0`;
    await workstation.run('docker buildx create --name multiarch --use');
    const build = await workstation.run(`docker buildx build --platform linux/amd64,linux/arm64 -t ${ref} --push .`);
    expect(build.exitCode).toBe(0);
    const indexDigest = new RegExp(`pushing manifest for ${ref.replace(/[.]/g, '\\.')}@(sha256:[0-9a-f]{64}) done`).exec(build.stderr)?.[1];
    expect(indexDigest).toBeDefined();

    const raw = JSON.parse(await tools.run('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${ref}`])) as { mediaType: string; manifests: { platform: { architecture: string } }[] };
    expect(raw.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(raw.manifests.map((m) => m.platform.architecture)).toEqual(['amd64', 'arm64']);
    const arm = JSON.parse(await tools.run('skopeo', ['inspect', '--tls-verify=false', '--override-arch', 'arm64', `docker://${ref}`])) as { Architecture: string; Digest: string };
    expect(arm.Architecture).toBe('arm64');

    const staging = await createDockerTestbed({ registries, host: 'staging-server' });
    const pull = await staging.run(`docker pull --platform linux/arm64 ${ref}`);
    expect(pull.exitCode).toBe(0);
    expect(pull.stdout).toContain(`Digest: ${indexDigest}\n`);
    expect((await staging.run(`docker image inspect --format '{{.Architecture}}' ${ref}`)).stdout).toBe('arm64\n');
  }, 120_000);
});
