import { describe, expect, it } from 'vitest';
import { createDockerTestbed } from '../testbed';
import { seedImage } from './test-support';

describe('docker tag', () => {
  it('points new names at the image, silently, moving existing tags', async () => {
    const b = await createDockerTestbed();
    const id = await seedImage(b.store, { tags: ['myapp:1.0'] });
    const other = await seedImage(b.store, { files: { x: 'x' }, tags: ['myapp:latest'] });
    const sha = id.slice(7, 19);
    for (const line of ['docker tag myapp:1.0 myapp:latest', 'docker tag myapp:1.0 gcr.io/project/myapp:1.0', `docker tag ${sha} username/myapp`, 'docker image tag myapp:1.0 registry.company.com/myapp:1.0']) {
      expect(await b.run(line)).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    }
    const rows = (await b.run('docker images --format "{{.Repository}}:{{.Tag}} {{.ID}}"')).stdout.trim().split('\n').sort();
    expect(rows).toEqual([
      `<none>:<none> ${other.slice(7, 19)}`,
      `gcr.io/project/myapp:1.0 ${sha}`,
      `myapp:1.0 ${sha}`,
      `myapp:latest ${sha}`,
      `registry.company.com/myapp:1.0 ${sha}`,
      `username/myapp:latest ${sha}`,
    ]);
    expect(JSON.parse((await b.run('docker inspect myapp:latest')).stdout)[0].Metadata.LastTagTime).toBe('2026-11-28T12:00:00Z');
  });

  it('refuses bad names and missing sources in docker’s words', async () => {
    const b = await createDockerTestbed();
    await seedImage(b.store, { tags: ['myapp:1.0'] });
    expect(await b.run('docker tag myapp:1.0 Foo')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'error parsing reference: "Foo" is not a valid repository/tag: invalid reference format: repository name (library/Foo) must be lowercase\n',
    });
    expect((await b.run(`docker tag myapp:1.0 myapp@sha256:${'a'.repeat(64)}`)).stderr).toBe('refusing to create a tag with a digest reference\n');
    expect(await b.run('docker tag ghost:1 x')).toMatchObject({ exitCode: 1, stderr: 'Error response from daemon: No such image: ghost:1\n' });
    expect((await b.run('docker tag one')).stderr).toContain('"docker tag" requires exactly 2 arguments.');
    expect((await b.run('docker images -q | wc -l')).stdout.trim()).toBe('1');
  });
});
