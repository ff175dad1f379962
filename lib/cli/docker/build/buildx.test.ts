import { describe, expect, it } from 'vitest';
import { parseIndex } from '@/lib/engine';
import { createDockerTestbed, type DockerTestbed } from '../testbed';

const DOCKERFILE = 'FROM python:3.9-slim\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n';

async function bedWith(dockerfile = DOCKERFILE): Promise<DockerTestbed> {
  const bed = await createDockerTestbed();
  await bed.fs.writeFile('/workspace/Dockerfile', dockerfile);
  await bed.fs.writeFile('/workspace/app.py', 'print("hi")\n');
  return bed;
}

const PLATFORMS = 'linux/amd64,linux/arm64,linux/arm/v7';

describe('docker buildx builders', () => {
  it('create --use prints the name; ls shows it current and inactive, then running after inspect --bootstrap', async () => {
    const bed = await bedWith();
    expect((await bed.run('docker buildx ls')).stdout).toBe(
      'NAME/NODE     DRIVER/ENDPOINT   STATUS    BUILDKIT   PLATFORMS\n' +
        'default*      docker                                 \n' +
        ' \\_ default    \\_ default       running   v0.18.2    linux/amd64 (+3), linux/386\n',
    );
    expect(await bed.run('docker buildx create --name multiarch --use')).toEqual({ exitCode: 0, stdout: 'multiarch\n', stderr: '' });
    const ls = (await bed.run('docker buildx ls')).stdout.split('\n');
    expect(ls[1]).toMatch(/^multiarch\* +docker-container +$/);
    expect(ls[2]).toMatch(/^ \\_ multiarch0 +\\_ unix:\/\/\/var\/run\/docker\.sock +inactive +$/);
    expect(ls[3]).toMatch(/^default +docker +$/);

    const inspect = await bed.run('docker buildx inspect --bootstrap');
    expect(inspect.stderr).toBe(
      '#1 [internal] booting buildkit\n#1 pulling image moby/buildkit:buildx-stable-1\n#1 pulling image moby/buildkit:buildx-stable-1 4.1s done\n' +
        '#1 creating container buildx_buildkit_multiarch0\n#1 creating container buildx_buildkit_multiarch0 0.6s done\n#1 DONE 4.7s\n',
    );
    expect(inspect.stdout).toMatch(/^Name:          multiarch\nDriver:        docker-container\nLast Activity: 2026-11-28 12:00:00 \+0000 UTC\n\nNodes:\nName:                  multiarch0\n/);
    expect(inspect.stdout).toContain('\nStatus:                running\n');
    expect(inspect.stdout).toContain('\nPlatforms:             linux/amd64, linux/amd64/v2, linux/amd64/v3, linux/arm64, linux/riscv64, linux/ppc64le, linux/s390x, linux/386, linux/mips64le, linux/mips64, linux/arm/v7, linux/arm/v6\n');
    expect((await bed.run('docker buildx ls')).stdout).toContain('running   v0.19.0    linux/amd64 (+3), linux/arm64, linux/arm (+2), linux/ppc64le, (5 more)\n');
    // A second inspect does not boot again.
    expect((await bed.run('docker buildx inspect')).stderr).toBe('');
  });

  it('use switches builders; unknown names and duplicates get buildx errors; rm removes', async () => {
    const bed = await bedWith();
    await bed.run('docker buildx create --name one');
    expect(await bed.run('docker buildx create --name one')).toMatchObject({
      exitCode: 1,
      stderr: 'ERROR: existing instance for "one" but no append mode, specify the node name to make changes for existing instances\n',
    });
    expect((await bed.run('docker buildx ls')).stdout).toContain('default*');
    expect((await bed.run('docker buildx use one')).exitCode).toBe(0);
    expect((await bed.run('docker buildx ls')).stdout).toContain('one*');
    expect(await bed.run('docker buildx use nope')).toMatchObject({ exitCode: 1, stderr: 'ERROR: failed to find instance "nope": no builder "nope" found\n' });
    expect(await bed.run('docker buildx rm one')).toMatchObject({ exitCode: 0, stderr: 'one removed\n' });
    expect((await bed.run('docker buildx ls')).stdout).toContain('default*');
    expect(await bed.run('docker buildx rm one')).toMatchObject({ exitCode: 1, stderr: 'failed to remove one: no builder "one" found\nERROR: failed to remove one or more builders\n' });
    expect((await bed.run('docker buildx create --driver kubernetes')).stderr).toBe('ERROR: failed to find driver "kubernetes"\n');
  });
});

describe('docker buildx build', () => {
  it('the docker driver refuses several platforms', async () => {
    const bed = await bedWith();
    expect(await bed.run(`docker buildx build --platform ${PLATFORMS} -t username/myapp:latest .`)).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'ERROR: Multi-platform build is not supported for the docker driver.\nSwitch to a different driver, or turn on the containerd image store, and try again.\n',
    });
  });

  it('a docker-container builder without --load/--push warns and keeps the result in the build cache only', async () => {
    const bed = await bedWith();
    await bed.run('docker buildx create --name multiarch --use');
    const r = await bed.run(`docker buildx build --platform ${PLATFORMS} -t username/myapp:latest .`);
    expect(r.exitCode).toBe(0);
    expect(r.stderr.startsWith('WARNING: No output specified with docker-container driver. Build result will only remain in the build cache.')).toBe(true);
    // Booted on first use (vertex #1), then the build's vertices, labelled per platform.
    expect(r.stderr).toContain('#0 building with "multiarch" instance using docker-container driver\n\n#1 [internal] booting buildkit\n');
    expect(r.stderr).toContain('\n#2 [internal] load build definition from Dockerfile\n');
    for (const p of ['linux/amd64', 'linux/arm64', 'linux/arm/v7']) {
      expect(r.stderr).toContain(`[${p} internal] load metadata for docker.io/library/python:3.9-slim\n`);
      expect(r.stderr).toContain(`[${p} 2/2] COPY app.py /app/\n`);
    }
    expect(r.stderr).not.toContain('exporting to image');
    expect(await bed.store.list('images')).toEqual([]);
    expect(await bed.run(`docker buildx build --platform ${PLATFORMS} --load -t username/myapp:latest .`)).toMatchObject({
      exitCode: 1,
      stderr: 'ERROR: docker exporter does not currently support exporting manifest lists\n',
    });
    // The builder's cache has the bases now: a rebuild downloads nothing and every step is cached.
    const again = await bed.run(`docker buildx build --platform ${PLATFORMS} -t username/myapp:latest .`);
    expect(again.stderr).not.toContain('extracting');
    expect(again.stderr.match(/CACHED/g)).toHaveLength(6);
  });

  it('--push builds every platform into an image index and pushes it after docker login', async () => {
    const bed = await bedWith();
    await bed.run('docker buildx create --name multiarch --use');
    const denied = await bed.run(`docker buildx build --platform ${PLATFORMS} -t username/myapp:latest --push .`);
    expect(denied.exitCode).toBe(1);
    expect(denied.stderr.endsWith(
      'ERROR: failed to build: failed to solve: failed to push docker.io/username/myapp:latest: push access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed\n',
    )).toBe(true);
    await bed.run('docker login -u username -p secret');
    const r = await bed.run(`docker buildx build --platform ${PLATFORMS} -t username/myapp:latest --push .`);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/#\d+ exporting manifest list sha256:[0-9a-f]{64} done\n#\d+ naming to docker\.io\/username\/myapp:latest done\n#\d+ pushing layers \d+\.\ds done\n#\d+ pushing manifest for docker\.io\/username\/myapp:latest@sha256:[0-9a-f]{64} done\n/);
    const ref = await bed.store.get('refs', 'docker.io/username/myapp:latest');
    const record = await bed.store.get('images', ref?.imageId ?? '');
    expect(Object.keys(record?.manifests ?? {}).sort()).toEqual(['linux/amd64', 'linux/arm/v7', 'linux/arm64']);
    const index = parseIndex(new TextDecoder().decode(await bed.store.get('blobs', record?.indexDigest ?? '')));
    expect(index.manifests.map((m) => `${m.platform?.os}/${m.platform?.architecture}${m.platform?.variant ? `/${m.platform.variant}` : ''}`)).toEqual(['linux/amd64', 'linux/arm64', 'linux/arm/v7']);
    // Each platform's config says its platform.
    for (const m of index.manifests) {
      const manifest = JSON.parse(new TextDecoder().decode(await bed.store.get('blobs', m.digest))) as { config: { digest: string } };
      const config = JSON.parse(new TextDecoder().decode(await bed.store.get('blobs', manifest.config.digest))) as { architecture: string };
      expect(config.architecture).toBe(m.platform?.architecture);
    }
    // The registry got the whole index: the push line names its digest, another host pulls any platform.
    expect(r.stderr).toContain(`pushing manifest for docker.io/username/myapp:latest@${record?.indexDigest} done`);
    const staging = await createDockerTestbed({ registries: bed.registries, host: 'staging-server' });
    const pull = await staging.run('docker pull --platform linux/arm/v7 username/myapp:latest');
    expect(pull.stdout).toContain(`Digest: ${record?.indexDigest}\n`);
    const pulled = await staging.store.get('refs', 'docker.io/username/myapp:latest');
    const armConfig = JSON.parse(new TextDecoder().decode(await staging.store.get('blobs', pulled?.imageId ?? ''))) as { architecture: string; variant?: string };
    expect(`${armConfig.architecture}/${armConfig.variant}`).toBe('arm/v7');
  });

  it('a platform the base image lacks fails with BuildKit\'s text', async () => {
    const bed = await bedWith('FROM ubuntu:22.04\nCOPY app.py /app/\n');
    await bed.run('docker buildx create --name multiarch --use');
    const r = await bed.run('docker buildx build --platform linux/386,linux/amd64 --push -t username/app .');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/#\d+ \[linux\/386 internal\] load metadata for docker\.io\/library\/ubuntu:22\.04\n#\d+ ERROR: no match for platform in manifest: not found\n/);
    expect(r.stderr.endsWith('ERROR: failed to build: failed to solve: ubuntu:22.04: failed to resolve source metadata for docker.io/library/ubuntu:22.04: no match for platform in manifest: not found\n')).toBe(true);
  });

  it('a single --platform on the docker driver builds that platform and loads it', async () => {
    const bed = await bedWith();
    const r = await bed.run('docker build --platform linux/arm64 -q -t armapp .');
    expect(r.exitCode).toBe(0);
    const config = JSON.parse(new TextDecoder().decode(await bed.store.get('blobs', r.stdout.trim()))) as { architecture: string };
    expect(config.architecture).toBe('arm64');
    // The host's python:3.9-slim tag was not taken over by the arm64 pull.
    expect(await bed.store.get('refs', 'docker.io/library/python:3.9-slim')).toBeUndefined();
  });
});
