import { describe, expect, it } from 'vitest';
import { createDockerTestbed, TESTBED_START } from '../testbed';
import { seedContainer, seedImage } from './test-support';

async function bed() {
  const b = await createDockerTestbed();
  const base = await seedImage(b.store, { dockerfile: 'FROM alpine:3.19\n', tags: ['alpine:3.19'] });
  const app = await seedImage(b.store, { dockerfile: 'FROM alpine:3.19\nCOPY big /\n', files: { big: 'b'.repeat(2_000_000) }, tags: ['myapp:1.0'], created: new Date(TESTBED_START - 300_000).toISOString() });
  await seedContainer(b.store, app, { id: 'a'.repeat(64), name: 'web', status: 'running', command: ['nginx', '-g', 'daemon off;'], files: { '/tmp/log': 1500 } });
  await seedContainer(b.store, base, { id: 'b'.repeat(64), name: 'old', status: 'exited', files: { '/root/.ash_history': 200 } });
  return { b, base, app };
}

describe('docker system df', () => {
  it('summarizes images, containers, volumes and build cache', async () => {
    const { b } = await bed();
    const r = await b.run('docker system df');
    expect(r.stdout).toBe(
      'TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE\n' +
        // docker/cli counts only what active images hold alone as used: 9.376MB - 2MB.
        'Images          2         2         9.376MB   7.376MB (78%)\n' +
        'Containers      2         1         1.7kB     200B (11%)\n' +
        'Local Volumes   0         0         0B        0B\n' +
        'Build Cache     1         0         0B        0B\n',
    );
    expect((await b.run('docker system df --format "{{.Type}}: {{.Size}}"')).stdout.split('\n')[0]).toBe('Images: 9.376MB');
  });

  it('-v lists images with shared and unique sizes, containers and cache records', async () => {
    const { b, base, app } = await bed();
    const r = await b.run('docker system df -v');
    expect(r.stdout).toContain(
      'Images space usage:\n\n' +
        'REPOSITORY   TAG       IMAGE ID       CREATED         SIZE      SHARED SIZE   UNIQUE SIZE   CONTAINERS\n' +
        `myapp        1.0       ${app.slice(7, 19)}   5 minutes ago   9.38MB    7.376MB       2MB           1\n` +
        `alpine       3.19      ${base.slice(7, 19)}   2 years ago     7.38MB    7.376MB       0B            1\n` +
        '\nContainers space usage:\n\n' +
        'CONTAINER ID   IMAGE          COMMAND                  LOCAL VOLUMES   SIZE      CREATED             STATUS                         NAMES\n' +
        `aaaaaaaaaaaa   ${app.slice(7, 19)}   "nginx -g daemon off;"   0               1.5kB     About an hour ago   Up About an hour               web\n` +
        `bbbbbbbbbbbb   ${base.slice(7, 19)}   "/bin/sh"                0               200B      About an hour ago   Exited (0) About an hour ago   old\n`,
    );
    expect(r.stdout).toContain('\nLocal Volumes space usage:\n\nVOLUME NAME   LINKS     SIZE\n\nBuild cache usage: 0B\n\nCACHE ID       CACHE TYPE   SIZE      CREATED        LAST USED      USAGE     SHARED\n');
    expect(r.stdout).toMatch(/\n[0-9a-z]{12} {3}regular {6}2MB {7}56 years ago {3}56 years ago {3}1 {9}true\n$/);
  });
});

describe('containers as docker run leaves them', () => {
  it('shows the image a container was created from, and a finished sleep as exited', async () => {
    const b = await createDockerTestbed();
    const base = await seedImage(b.store, { dockerfile: 'FROM alpine:3.19\n', tags: ['alpine:3.19'] });
    expect((await b.run('docker run -d --name napper alpine:3.19 sleep 1000')).exitCode).toBe(0);
    const running = await b.run('docker system df -v --format "{{range .Containers}}{{.Image}} {{.Status}}{{end}}"');
    expect(running.stdout).toBe('alpine:3.19 Up Less than a second\n');
    expect((await b.run(`docker rmi ${base.slice(7, 19)}`)).stderr).toMatch(/\(cannot be forced\) - image is being used by running container [0-9a-f]{12}\n$/);
    b.clock.now += 1_060_000;
    // The sleep ended a minute ago: docker ps, system df and rmi all see an exited container.
    expect((await b.run('docker system df -v --format "{{range .Containers}}{{.Status}}{{end}}"')).stdout).toBe('Exited (0) About a minute ago\n');
    expect((await b.run(`docker rmi ${base.slice(7, 19)}`)).stderr).toMatch(/\(must be forced\) - image is being used by stopped container [0-9a-f]{12}\n$/);
    expect((await b.run('docker info --format "{{.ContainersRunning}} {{.ContainersStopped}}"')).stdout).toBe('0 1\n');
  });
});
