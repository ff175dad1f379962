import { chmod, mkdir, mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runLayerlab } from '@/lib/cli/layerlab/program';
import { createNodeCliIO } from '@/lib/cli/node-cli-io';
import { comparableConfig, createToolEnv, layerlabArchive, listRootfs, missingToolsReason, type ToolEnv } from './image-tools';

/**
 * Proof against real tools (issue 3): for FROM scratch Dockerfiles, the image Layerlab builds and
 * saves loads in podman, and unpacks (skopeo → OCI layout → umoci) to the same root filesystem
 * and config as `buildah bud --timestamp 0` builds from the same context.
 */
const reason = await missingToolsReason();
if (reason !== null) console.warn(reason);

interface Case {
  readonly name: string;
  readonly dockerfile: string;
  readonly files: Record<string, { data: string; mode?: number } | { symlink: string }>;
}

const CASES: Case[] = [
  {
    name: 'metadata',
    dockerfile: 'FROM scratch\nCOPY app/ /app/\nWORKDIR /app\nENV A=1 B="two words"\nLABEL org.example.x="y" other=z\nUSER 1000:1000\nEXPOSE 8080/tcp 53/udp\nENTRYPOINT ["/app/run.sh"]\nCMD ["--flag"]\n',
    files: { 'app/run.sh': { data: '#!/bin/sh\necho hi\n', mode: 0o755 }, 'app/hello.txt': { data: 'hello\n' }, 'app/sub/d': { data: 'data\n', mode: 0o600 }, 'app/link': { symlink: 'hello.txt' } },
  },
  {
    name: 'files',
    dockerfile: 'FROM scratch\nCOPY bin/tool /usr/local/bin/tool\nCOPY --chown=1000:1000 etc /etc/app\nCOPY . /src/\nCMD ["/usr/local/bin/tool", "serve"]\n',
    files: {
      'bin/tool': { data: 'x'.repeat(70_000), mode: 0o750 },
      'etc/conf.yml': { data: 'a: 1\n', mode: 0o640 },
      'etc/deep/er/file': { data: '' },
      'a-very-long-directory-name-that-goes-on-and-on-for-a-while/and-another-long-one-to-pass-one-hundred-bytes/file.txt': { data: 'long' },
      '.dockerignore': { data: 'ignored/\n' },
      'ignored/secret': { data: 'no' },
    },
  },
];

async function writeContext(c: Case): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `layerlab-interop-${c.name}-`));
  await writeFile(join(dir, 'Dockerfile'), c.dockerfile);
  for (const [path, spec] of Object.entries(c.files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    if ('symlink' in spec) await symlink(spec.symlink, join(dir, path));
    else {
      await writeFile(join(dir, path), spec.data);
      await chmod(join(dir, path), spec.mode ?? 0o644);
    }
  }
  return dir;
}

describe.skipIf(reason !== null)('interop with podman, buildah, skopeo and umoci', () => {
  let tools: ToolEnv;
  beforeAll(async () => {
    tools = await createToolEnv();
  });

  /** The image `ref` of an OCI layout unpacked with umoci: its rootfs listing and its config. */
  async function unpack(layoutRef: string, name: string) {
    const bundle = join(tools.dir, `bundle-${name}`);
    await tools.run('umoci', ['unpack', '--image', layoutRef, bundle]);
    const config = JSON.parse(await tools.run('skopeo', ['inspect', '--config', `oci:${layoutRef}`]));
    return { rootfs: await listRootfs(join(bundle, 'rootfs')), config };
  }

  for (const c of CASES) {
    it(`FROM scratch "${c.name}": same rootfs and config as buildah, and podman loads it`, async () => {
      const ctx = await writeContext(c);
      const archive = await layerlabArchive(ctx, `ours-${c.name}:1`, tools.dir);
      expect(await tools.run('podman', ['load', '-i', archive])).toContain(`Loaded image: docker.io/library/ours-${c.name}:1`);
      await tools.run('buildah', ['bud', '--quiet', '--timestamp', '0', '--identity-label=false', '-t', `theirs-${c.name}:1`, '.'], ctx);
      const layout = join(tools.dir, 'oci');
      await tools.run('skopeo', ['copy', '--quiet', `docker-archive:${archive}`, `oci:${layout}:ours-${c.name}`]);
      await tools.run('buildah', ['push', '--quiet', `theirs-${c.name}:1`, `oci:${layout}:theirs-${c.name}`]);
      const ours = await unpack(`${layout}:ours-${c.name}`, `ours-${c.name}`);
      const theirs = await unpack(`${layout}:theirs-${c.name}`, `theirs-${c.name}`);
      expect(ours.rootfs).toEqual(theirs.rootfs);
      expect(Object.keys(ours.rootfs)).not.toContain('src/ignored/secret');
      expect(comparableConfig(ours.config)).toEqual(comparableConfig(theirs.config));
    }, 120_000);
  }

  it('a `podman save` of a buildah-built image loads into Layerlab, builds on, and re-saves so podman loads it again', async () => {
    // Without --timestamp 0: real mtimes and buildah's own header fields, which our tar writer
    // does not reproduce, so the layer must travel as its original bytes.
    const ctx = await writeContext({ name: 'foreign', dockerfile: 'FROM scratch\nCOPY app/ /app/\nCMD ["/app/run.sh"]\n', files: { 'app/run.sh': { data: '#!/bin/sh\necho hi\n', mode: 0o755 }, 'app/a.txt': { data: 'a\n' } } });
    await tools.run('buildah', ['bud', '--quiet', '-t', 'theirs-foreign:1', '.'], ctx);
    const theirDiffIds = JSON.parse(await tools.run('podman', ['image', 'inspect', 'theirs-foreign:1']))[0].RootFS.Layers as string[];
    const saved = join(tools.dir, 'theirs-foreign.tar');
    await tools.run('podman', ['save', '-o', saved, 'theirs-foreign:1']);

    let out = '';
    let err = '';
    const io = createNodeCliIO({ stdout: (t) => void (out += t), stderr: (t) => void (err += t), env: {} });
    const layerlab = async (...argv: string[]) => {
      out = '';
      err = '';
      const code = await runLayerlab(['--state', join(tools.dir, 'state-foreign'), ...argv], io);
      expect({ code, err }).toEqual({ code: 0, err: '' });
      return out;
    };
    expect(await layerlab('load', '-i', saved)).toContain('Loaded image: localhost/theirs-foreign:1');
    const inspected = JSON.parse(await layerlab('inspect', 'localhost/theirs-foreign:1'))[0];
    expect(inspected.RootFS.Layers).toEqual(theirDiffIds);
    // Kept as its original bytes: a blob named by the diffID beside the layer recipe.
    expect(await readdir(join(tools.dir, 'state-foreign', 'blobs'))).toContain(`sha256%3A${theirDiffIds[0]?.slice(7)}`);
    await writeFile(join(ctx, 'Dockerfile.on'), 'FROM localhost/theirs-foreign:1\nCOPY app/a.txt /app/b.txt\n');
    await layerlab('build', '-q', '-f', join(ctx, 'Dockerfile.on'), '-t', 'ours-on-foreign:1', ctx);
    const resaved = join(tools.dir, 'resaved.tar');
    await layerlab('save', '-o', resaved, 'localhost/theirs-foreign:1', 'ours-on-foreign:1');

    await tools.run('podman', ['rmi', 'theirs-foreign:1']);
    const loaded = await tools.run('podman', ['load', '-i', resaved]);
    expect(loaded).toContain('Loaded image: localhost/theirs-foreign:1');
    expect(loaded).toMatch(/Loaded image: \S+\/ours-on-foreign:1/);
    expect(JSON.parse(await tools.run('podman', ['image', 'inspect', 'localhost/theirs-foreign:1']))[0].RootFS.Layers).toEqual(theirDiffIds);
    const layers = JSON.parse(await tools.run('podman', ['image', 'inspect', 'ours-on-foreign:1']))[0].RootFS.Layers as string[];
    expect(layers.slice(0, theirDiffIds.length)).toEqual(theirDiffIds);
    expect(layers).toHaveLength(theirDiffIds.length + 1);
  }, 120_000);

  it('an image on a hub base with a RUN deleting a base file loads in podman without that file', async () => {
    const ctx = await writeContext({ name: 'hub', dockerfile: 'FROM alpine:3.19\nRUN rm /etc/motd\n', files: {} });
    const archive = await layerlabArchive(ctx, 'ours-hub:1', tools.dir);
    expect(await tools.run('podman', ['load', '-i', archive])).toContain('Loaded image: docker.io/library/ours-hub:1');
    const layout = join(tools.dir, 'oci');
    await tools.run('skopeo', ['copy', '--quiet', `docker-archive:${archive}`, `oci:${layout}:ours-hub`]);
    const { rootfs } = await unpack(`${layout}:ours-hub`, 'ours-hub');
    expect(rootfs['etc/motd']).toBeUndefined();
    expect(rootfs['etc/os-release']).toMatchObject({ type: 'file' });
  }, 120_000);
});
