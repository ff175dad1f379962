import { describe, expect, it } from 'vitest';
import type { CommandTable } from '@/lib/shell';
import { runDocker } from '../program';
import { createDockerTestbed, type DockerTestbed } from '../testbed';
import { seedImage } from './test-support';

async function bed() {
  const holder: { bed?: DockerTestbed } = {};
  // `dockertty`: docker with stdout on a terminal.
  const commands: CommandTable = { dockertty: (shell) => runDocker(shell.args, { ...holder.bed!.context({ tty: true }), shell }) };
  const b = await createDockerTestbed({ commands });
  holder.bed = b;
  const id = await seedImage(b.store, { dockerfile: 'FROM alpine:3.19\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n', files: { 'app.py': 'print(1)\n' }, tags: ['myapp:1.0'] });
  return { b, id };
}

describe('docker save / docker load', () => {
  it('saves into the workspace, lists as an OCI layout, and loads back', async () => {
    const { b, id } = await bed();
    expect(await b.run('docker save myapp:1.0 -o myapp.tar')).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect((await b.run('tar -tf myapp.tar')).stdout.split('\n')).toEqual(expect.arrayContaining(['blobs/', 'blobs/sha256/', 'index.json', 'manifest.json', 'oci-layout', 'repositories']));
    expect((await b.fs.readdir('/workspace')).filter((n) => n.startsWith('.docker_temp'))).toEqual([]);
    expect((await b.run('docker rmi myapp:1.0')).exitCode).toBe(0);
    expect(await b.run('docker load -i myapp.tar')).toEqual({ exitCode: 0, stdout: 'Loaded image: myapp:1.0\n', stderr: '' });
    expect((await b.run('docker images -q --no-trunc myapp')).stdout).toBe(`${id}\n`);
    expect((await b.run('docker load < myapp.tar')).stdout).toBe('Loaded image: myapp:1.0\n');
    expect((await b.run('docker image load -q -i myapp.tar')).stdout).toBe('Loaded image: myapp:1.0\n');
  });

  it('streams to stdout when it is not a terminal, and refuses a terminal', async () => {
    const { b } = await bed();
    await b.run('docker save -o a.tar myapp:1.0');
    await b.run('docker save myapp:1.0 > b.tar');
    const [a, c] = [await b.fs.readFile('/workspace/a.tar'), await b.fs.readFile('/workspace/b.tar')];
    expect(a.length).toBeGreaterThan(1_000_000);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(true);
    expect(await b.run('dockertty save myapp:1.0')).toEqual({ exitCode: 1, stdout: '', stderr: 'cowardly refusing to save to a terminal. Use the -o flag or redirect\n' });
  });

  it('writes nothing for a missing image or directory', async () => {
    const { b } = await bed();
    expect(await b.run('docker save -o x.tar ghost')).toEqual({ exitCode: 1, stdout: '', stderr: 'Error response from daemon: No such image: ghost\n' });
    expect(await b.run('docker save -o x.tar myapp:2.0')).toMatchObject({ stderr: 'Error response from daemon: reference does not exist\n' });
    expect(await b.fs.exists('/workspace/x.tar')).toBe(false);
    expect((await b.run('docker save -o nodir/x.tar myapp:1.0')).stderr).toBe('failed to save image: invalid output path: directory "nodir" does not exist\n');
  });

  it('refuses corrupt archives and missing files, changing nothing', async () => {
    const { b } = await bed();
    const before = (await b.run('docker images -q')).stdout;
    await b.run('echo garbage > bad.tar');
    expect(await b.run('docker load -i bad.tar')).toMatchObject({ exitCode: 1, stdout: '' });
    expect((await b.run('docker load -i bad.tar')).stderr).toMatch(/^Error response from daemon: /);
    await b.run('docker save -o good.tar myapp:1.0 && head -c 5000 good.tar > cut.tar');
    expect((await b.run('docker load -i cut.tar')).exitCode).toBe(1);
    expect(await b.run('docker load -i nope.tar')).toEqual({ exitCode: 1, stdout: '', stderr: 'open nope.tar: no such file or directory\n' });
    expect(await b.run('docker load')).toEqual({ exitCode: 1, stdout: '', stderr: 'requested load from stdin, but stdin is empty\n' });
    expect((await b.run('docker images -q')).stdout).toBe(before);
  });
});
