import { describe, expect, it } from 'vitest';
import { createDockerTestbed, type DockerTestbed } from '../testbed';

const DOCKERFILE = 'FROM alpine:3.19\nWORKDIR /app\nCOPY app.py .\nRUN echo built > /app/built.txt\nCMD ["sh"]\n';

async function bedWith(files: Record<string, string>): Promise<DockerTestbed> {
  const bed = await createDockerTestbed();
  for (const [path, text] of Object.entries(files)) {
    const full = `/workspace/${path}`;
    await bed.fs.mkdir(full.slice(0, full.lastIndexOf('/')), { recursive: true });
    await bed.fs.writeFile(full, text);
  }
  return bed;
}

const idOf = async (bed: DockerTestbed, ref: string) => (await bed.store.get('refs', ref))?.imageId;

describe('docker build over the workspace', () => {
  it('builds the current directory with BuildKit plain progress and tags the image', async () => {
    const bed = await bedWith({ Dockerfile: DOCKERFILE, 'app.py': 'print("hi")\n' });
    const r = await bed.run('docker build -t myapp:1.0 .');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith('#0 building with "default" instance using docker driver\n\n#1 [internal] load build definition from Dockerfile\n')).toBe(true);
    // The context: Dockerfile + app.py, file sizes as BuildKit's fsutil stream counts them.
    expect(r.stderr).toContain('[internal] load build context\n#4 transferring context: 99B done\n');
    expect(r.stderr).toContain('[2/4] WORKDIR /app\n');
    expect(r.stderr).toMatch(/#\d+ naming to docker\.io\/library\/myapp:1\.0 done\n/);
    expect(await idOf(bed, 'docker.io/library/myapp:1.0')).toMatch(/^sha256:/);
  });

  it('sends .git/ with the context unless .dockerignore excludes it', async () => {
    const bed = await bedWith({ Dockerfile: DOCKERFILE, 'app.py': 'x\n', '.git/HEAD': 'ref: refs/heads/main\n', '.git/config': '[core]\n\tbare = false\n' });
    const sizeOf = (log: string) => /load build context\n#\d+ transferring context: (\S+) done/.exec(log)?.[1];
    expect(sizeOf((await bed.run('docker build .')).stderr)).toBe('131B');
    await bed.fs.writeFile('/workspace/.dockerignore', '.git\n');
    // Dockerfile, app.py and the .dockerignore itself.
    expect(sizeOf((await bed.run('docker build .')).stderr)).toBe('94B');
  });

  it('-q prints only the image ID; a cached rebuild later gives the same ID and keeps its CREATED time', async () => {
    const bed = await bedWith({ Dockerfile: DOCKERFILE, 'app.py': 'x\n' });
    const first = await bed.run('docker build -q -t app .');
    expect(first).toMatchObject({ exitCode: 0, stderr: '' });
    expect(first.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    bed.clock.now += 120_000;
    const again = await bed.run('docker build -q -t app .');
    expect(again.stdout).toBe(first.stdout);
    const record = await bed.store.get('images', first.stdout.trim());
    expect(record?.created).toBe('2026-11-28T12:00:00Z');
    expect(bed.clock.now - Date.parse(record?.created ?? '')).toBe(120_000);
    // Editing app.py reruns the COPY and what follows it: a new ID, created now.
    await bed.fs.writeFile('/workspace/app.py', 'y\n');
    const changed = await bed.run('docker build -q -t app .');
    expect(changed.stdout).not.toBe(first.stdout);
    expect((await bed.store.get('images', changed.stdout.trim()))?.created).toBe('2026-11-28T12:02:00Z');
  });

  it('`docker images` shows the build\'s wall-clock time (not 56 years ago)', async () => {
    const bed = await bedWith({ Dockerfile: DOCKERFILE, 'app.py': 'x\n' });
    await bed.run('docker build -t myapp:1.0 .');
    bed.clock.now += 2 * 60_000;
    expect((await bed.run('docker images myapp')).stdout).toMatch(/\nmyapp +1\.0 +[0-9a-f]{12} +2 minutes ago +\S+\n/);
  });

  it('reads -f relative to the working directory, --build-arg, --target and --label', async () => {
    const bed = await bedWith({
      'docker/Dockerfile.prod': 'FROM alpine:3.19 AS base\nARG VERSION=0\nRUN echo $VERSION > /v\nFROM base AS final\nRUN echo final\n',
      'app.py': 'x\n',
    });
    const r = await bed.run('docker build -f docker/Dockerfile.prod --build-arg VERSION=1.0 --target base --label team=web -t v:1 .');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('#1 [internal] load build definition from docker/Dockerfile.prod\n');
    expect(r.stderr).toContain('RUN echo $VERSION > /v');
    expect(r.stderr).not.toContain('echo final');
    const id = await idOf(bed, 'docker.io/library/v:1');
    const config = JSON.parse(new TextDecoder().decode(await bed.store.get('blobs', id ?? ''))) as { config: { Labels?: Record<string, string> }; history: { created_by: string }[] };
    expect(config.config.Labels).toEqual({ team: 'web' });
    expect(config.history.some((h) => h.created_by.startsWith('RUN |1 VERSION=1.0 /bin/sh -c echo $VERSION > /v'))).toBe(true);
  });

  it('answers argument and flag errors as docker 27 (buildx) does', async () => {
    const bed = await bedWith({ Dockerfile: DOCKERFILE });
    expect(await bed.run('docker build')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'ERROR: "docker buildx build" requires exactly 1 argument.\nSee \'docker buildx build --help\'.\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nStart a build\n',
    });
    expect(await bed.run('docker build --nope .')).toEqual({ exitCode: 125, stdout: '', stderr: "unknown flag: --nope\nSee 'docker buildx build --help'.\n" });
    expect(await bed.run('docker build -t Foo .')).toEqual({ exitCode: 1, stdout: '', stderr: 'ERROR: failed to build: invalid tag "Foo": repository name must be lowercase\n' });
    // As buildx words it for a registry path too (docker/build-push-action users meet this one).
    expect((await bed.run('docker build -t ghcr.io/Azure/app:latest .')).stderr).toBe('ERROR: failed to build: invalid tag "ghcr.io/Azure/app:latest": repository name must be lowercase\n');
    expect((await bed.run('docker build --progress fancy .')).stderr).toBe('ERROR: failed to build: invalid progress mode "fancy"\n');
    expect(await bed.store.list('images')).toEqual([]);
  });

  it('reports a missing context, a missing Dockerfile and a missing -f directory', async () => {
    const bed = await bedWith({ 'empty/.keep': '' });
    expect(await bed.run('docker build nope')).toMatchObject({ exitCode: 1, stderr: 'ERROR: failed to build: unable to prepare context: path "nope" not found\n' });
    const missing = await bed.run('docker build empty');
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toMatch(/#1 transferring dockerfile: 2B done\n#1 DONE 0\.0s\nERROR: failed to build: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory\n$/);
    expect((await bed.run('docker build -f ci/Dockerfile .')).stderr).toBe('ERROR: failed to build: resolve : lstat ci: no such file or directory\n');
  });

  it('prints the failed step, the Dockerfile snippet and BuildKit\'s error, exit 1', async () => {
    const bed = await bedWith({ Dockerfile: 'FROM alpine:3.19\nRUN echo about to fail && exit 3\n' });
    const r = await bed.run('docker build -t broken .');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('------\n > [2/2] RUN echo about to fail && exit 3:\n');
    expect(r.stderr).toMatch(/\d\.\d{3} about to fail\n------\nDockerfile:2\n/);
    expect(r.stderr).toContain('   2 | >>> RUN echo about to fail && exit 3\n');
    expect(r.stderr.endsWith('ERROR: failed to build: failed to solve: process "/bin/sh -c echo about to fail && exit 3" did not complete successfully: exit code: 3\n')).toBe(true);
    expect(await idOf(bed, 'docker.io/library/broken:latest')).toBeUndefined();
  });

  it('DOCKER_BUILDKIT=0 selects the legacy builder: context upload, Step lines, its exit code', async () => {
    const bed = await bedWith({ Dockerfile: DOCKERFILE, 'app.py': 'x\n' });
    const r = await bed.run('DOCKER_BUILDKIT=0 docker build -t legacy .');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/^DEPRECATED: The legacy builder is deprecated/);
    // A tar of Dockerfile and app.py: two headers, two data blocks, two zero blocks.
    expect(r.stdout.startsWith('Sending build context to Docker daemon  3.072kB\nStep 1/5 : FROM alpine:3.19\n')).toBe(true);
    expect(r.stdout).toMatch(/Successfully built [0-9a-f]{12}\nSuccessfully tagged legacy:latest\n$/);
    await bed.fs.writeFile('/workspace/Dockerfile', 'FROM alpine:3.19\nRUN exit 3\n');
    const failed = await bed.run('DOCKER_BUILDKIT=0 docker build .');
    expect(failed.exitCode).toBe(3);
    expect(failed.stderr.endsWith("The command '/bin/sh -c exit 3' returned a non-zero code: 3\n")).toBe(true);
    expect((await bed.run('DOCKER_BUILDKIT=0 docker build --push .')).stderr).toContain("unknown flag: --push\nSee 'docker build --help'.\n");
  });

  it('--progress tty draws BuildKit\'s condensed view; rawjson writes one JSON status per line', async () => {
    const bed = await bedWith({ Dockerfile: DOCKERFILE, 'app.py': 'x\n' });
    await bed.run('docker build -t app .');
    const tty = await bed.run('docker build --progress tty -t app .');
    const lines = tty.stderr.split('\n');
    expect(lines[0]).toMatch(/^\[\+\] Building \d+\.\ds \(9\/9\) FINISHED +docker:default$/);
    expect(lines[0]).toHaveLength(79);
    // Go's align(): the name padded to width - len(" 0.0s\n") - 1, a space, then the timer.
    const row = (name: string) => `${name.padEnd(73)}  0.0s`;
    expect(lines).toContain(row(' => CACHED [3/4] COPY app.py .'));
    expect(lines).toContain(row(' => [internal] load build context'));
    expect(lines).toContain(row(' => => transferring context: 89B'));
    const raw = await bed.run('docker build --progress rawjson -t app .');
    const statuses = raw.stderr.trim().split('\n').map((l) => JSON.parse(l) as { vertexes?: { name: string; cached?: boolean }[] });
    expect(statuses.some((s) => s.vertexes?.some((v) => v.name === '[3/4] COPY app.py .' && v.cached === true))).toBe(true);
  });

  it('is also `docker image build` and `docker builder build`; --help prints buildx\'s usage', async () => {
    const bed = await bedWith({ Dockerfile: DOCKERFILE, 'app.py': 'x\n' });
    expect((await bed.run('docker image build -q .')).stdout).toMatch(/^sha256:/);
    expect((await bed.run('docker builder build -q .')).stdout).toMatch(/^sha256:/);
    expect((await bed.run('docker build --help')).stdout).toMatch(/^Usage:  docker buildx build \[OPTIONS\] PATH \| URL \| -\n\nStart a build\n/);
  });
});
