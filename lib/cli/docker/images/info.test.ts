import { describe, expect, it } from 'vitest';
import { createDockerTestbed } from '../testbed';
import { seedContainer, seedImage } from './test-support';

describe('docker info / docker version', () => {
  it('shows the storage driver, root dir and counts by state', async () => {
    const b = await createDockerTestbed({ host: 'staging-server' });
    const id = await seedImage(b.store, { tags: ['a:1'] });
    await seedImage(b.store, { files: { b: 'b' } });
    await seedContainer(b.store, id, { status: 'running' });
    await seedContainer(b.store, id, { status: 'paused' });
    await seedContainer(b.store, id, { status: 'exited' });
    const r = await b.run('docker info');
    expect(r.stdout).toContain('\nServer:\n Containers: 3\n  Running: 1\n  Paused: 1\n  Stopped: 1\n Images: 2\n Server Version: 27.5.1\n Storage Driver: overlay2\n');
    expect(r.stdout).toContain('\n Name: staging-server\n');
    expect(r.stdout).toContain('\n Docker Root Dir: /var/lib/docker\n');
    expect((await b.run('docker info | grep "Storage Driver"')).stdout).toBe(' Storage Driver: overlay2\n');
    expect((await b.run("docker system info --format '{{.Driver}} {{.Images}} {{.ContainersRunning}}'")).stdout).toBe('overlay2 2 1\n');
  });

  it('prints the client and server versions, aligned as docker/cli does', async () => {
    const b = await createDockerTestbed();
    const r = await b.run('docker version');
    expect(r.stdout.startsWith('Client: Docker Engine - Community\n Version:           27.5.1\n API version:       1.47\n')).toBe(true);
    expect(r.stdout).toContain('\nServer: Docker Engine - Community\n Engine:\n  Version:          27.5.1\n  API version:      1.47 (minimum version 1.24)\n');
    expect((await b.run("docker version --format '{{.Server.Version}} {{.Client.APIVersion}}'")).stdout).toBe('27.5.1 1.47\n');
  });
});
