import { describe, expect, it } from 'vitest';
import { createDockerTestbed } from '../testbed';
import { snapshot } from './test-support';

const hex12 = /^[0-9a-f]{12}$/;

describe('docker pull from the modeled Docker Hub', () => {
  it('prints docker’s non-TTY lines and lands the image with its tag and repo digest', async () => {
    const bed = await createDockerTestbed();
    const r = await bed.run('docker pull alpine');
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Using default tag: latest');
    expect(lines[1]).toBe('latest: Pulling from library/alpine');
    const layerLines = lines.slice(2, -3);
    expect(layerLines.length).toBeGreaterThan(0);
    for (const line of layerLines) {
      const [id, status] = line.split(': ');
      expect(id).toMatch(hex12);
      expect(status).toBe('Pull complete');
    }
    expect(lines.at(-3)).toMatch(/^Digest: sha256:[0-9a-f]{64}$/);
    expect(lines.at(-2)).toBe('Status: Downloaded newer image for alpine:latest');
    expect(lines.at(-1)).toBe('docker.io/library/alpine:latest');
    const digest = (lines.at(-3) as string).slice('Digest: '.length);
    const tag = await bed.store.get('refs', 'docker.io/library/alpine:latest');
    expect(tag).toBeDefined();
    expect(await bed.store.get('refs', `docker.io/library/alpine@${digest}`)).toEqual(tag);
  });

  it('says the image is up to date the second time, without layer lines', async () => {
    const bed = await createDockerTestbed();
    await bed.run('docker pull alpine:3.19');
    const again = await bed.run('docker pull alpine:3.19');
    expect(again.stdout).toMatch(/^3\.19: Pulling from library\/alpine\nDigest: sha256:[0-9a-f]{64}\nStatus: Image is up to date for alpine:3\.19\ndocker\.io\/library\/alpine:3\.19\n$/);
    // Another tag of the same image: nothing to download, but the tag is new.
    const alias = await bed.run('docker pull alpine:3.19.1');
    expect(alias.stdout).toContain('Status: Downloaded newer image for alpine:3.19.1\n');
    expect(alias.stdout).not.toContain('Pull complete');
  });

  it('reports layers the daemon already has as "Already exists"', async () => {
    const bed = await createDockerTestbed();
    await bed.run('docker pull debian:bookworm-slim');
    const r = await bed.run('docker pull python:3.9-slim');
    expect(r.exitCode).toBe(0);
    const statuses = r.stdout.split('\n').filter((l) => /^[0-9a-f]{12}: /.test(l)).map((l) => l.slice(14));
    expect(statuses[0]).toBe('Already exists');
    expect(statuses.slice(1).every((s) => s === 'Pull complete')).toBe(true);
    expect(statuses.length).toBeGreaterThan(1);
  });

  it('pulls by digest and records only the digest reference', async () => {
    const bed = await createDockerTestbed();
    const first = await bed.run('docker pull -q nginx:1.25');
    expect(first.stdout).toBe('docker.io/library/nginx:1.25\n');
    const digest = Object.keys(Object.fromEntries(await bed.store.list('refs'))).find((k) => k.startsWith('docker.io/library/nginx@'))?.split('@')[1];
    expect(digest).toMatch(/^sha256:/);
    const other = await createDockerTestbed({ registries: bed.registries });
    const r = await other.run(`docker pull nginx@${digest}`);
    expect(r.stdout).toContain(`${digest}: Pulling from library/nginx\n`);
    expect(r.stdout).toContain(`Status: Downloaded newer image for nginx@${digest}\ndocker.io/library/nginx@${digest}\n`);
    expect((await other.store.list('refs')).map(([k]) => k)).toEqual([`docker.io/library/nginx@${digest}`]);
  });

  it('refuses an unknown repository or tag in docker’s words and changes nothing', async () => {
    const bed = await createDockerTestbed();
    const before = await snapshot(bed.store);
    const repo = await bed.run('docker pull foo');
    expect(repo).toEqual({
      exitCode: 1,
      stdout: 'Using default tag: latest\n',
      stderr: "Error response from daemon: pull access denied for foo, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
    });
    const tag = await bed.run('docker pull alpine:nope');
    expect(tag.stderr).toBe('Error response from daemon: manifest for alpine:nope not found: manifest unknown: manifest unknown\n');
    expect(tag.stdout).toBe('');
    expect(await snapshot(bed.store)).toBe(before);
  });

  it('checks the reference and flags on the client', async () => {
    const bed = await createDockerTestbed();
    expect(await bed.run('docker pull Foo')).toEqual({ exitCode: 1, stdout: '', stderr: 'invalid reference format: repository name (library/Foo) must be lowercase\n' });
    expect((await bed.run('docker pull -a alpine:3.19')).stderr).toBe("tag can't be used with --all-tags/-a\n");
    expect((await bed.run('docker pull')).stderr).toContain('"docker pull" requires exactly 1 argument.');
    expect((await bed.run('docker pull --nope alpine')).stderr).toBe("unknown flag: --nope\nSee 'docker pull --help'.\n");
    expect((await bed.run('docker image pull --help')).stdout).toContain('Usage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]');
  });

  it('pulls every tag with -a, ending with the repository name', async () => {
    const bed = await createDockerTestbed();
    const r = await bed.run('docker pull -a ghcr.io/company/app');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('1.0.0: Pulling from company/app\n');
    expect(r.stdout).toContain('latest: Pulling from company/app\n');
    expect(r.stdout.endsWith('Status: Downloaded newer image for ghcr.io/company/app\nghcr.io/company/app\n')).toBe(true);
    expect((await bed.store.list('refs')).map(([k]) => k).filter((k) => k.includes(':1.0.0') || k.includes(':latest'))).toEqual([
      'ghcr.io/company/app:1.0.0',
      'ghcr.io/company/app:latest',
    ]);
  });

  it('honours --platform and refuses a platform the image lacks', async () => {
    const bed = await createDockerTestbed();
    expect((await bed.run('docker pull --platform linux/arm64 alpine:3.19')).exitCode).toBe(0);
    const image = (await bed.store.list('images'))[0]?.[1];
    expect(Object.keys(image?.manifests ?? {})).toEqual(['linux/arm64']);
    const r = await bed.run('docker pull --platform linux/mips64le alpine:3.19');
    expect(r.stderr).toBe('Error response from daemon: no matching manifest for linux/mips64le in the manifest list entries\n');
  });

  it('charges the download to the simulated clock and reports progress events', async () => {
    const events: string[] = [];
    const bed = await createDockerTestbed();
    let seconds = 0;
    const { runDocker } = await import('../program');
    const shell = {
      args: [],
      env: { LAYERLAB_BANDWIDTH: '1000000' },
      stdout: { write: () => undefined },
      stderr: { write: () => undefined },
      signal: undefined,
      addSimulatedSeconds: (s: number) => (seconds += s),
    };
    const code = await runDocker(['pull', 'redis:7'], { ...bed.context({ transferProgress: (e) => events.push(e.status) }), shell: shell as never });
    expect(code).toBe(0);
    expect(events).toContain('Downloading');
    expect(events).toContain('Pulling fs layer');
    // redis:7 is tens of MB: at 1 MB/s that is many simulated seconds.
    expect(seconds).toBeGreaterThan(5);
  });
});
