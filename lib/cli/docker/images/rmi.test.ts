import { describe, expect, it } from 'vitest';
import { refKey } from '@/lib/engine';
import { sha256Of, wasmSha256, type Digest } from '@/lib/util';
import { createDockerTestbed } from '../testbed';
import { seedContainer, seedImage } from './test-support';

/** ChainIDs of an image's layers, base first. */
async function chainIds(diffIds: readonly Digest[]): Promise<Digest[]> {
  const out: Digest[] = [];
  for (const [i, d] of diffIds.entries()) out.push(i === 0 ? d : await sha256Of(`${out[i - 1]} ${d}`, wasmSha256));
  return out;
}

async function bed() {
  const b = await createDockerTestbed();
  const base = await seedImage(b.store, { dockerfile: 'FROM alpine:3.19\n', tags: ['alpine:3.19'] });
  const app = await seedImage(b.store, { dockerfile: 'FROM alpine:3.19\nCOPY app.py /app/\n', files: { 'app.py': 'print(1)\n' }, tags: ['myapp:1.0', 'myapp:latest'] });
  return { b, base, app };
}

describe('docker rmi', () => {
  it('untags while other tags remain, then deletes the image and the layers only it had', async () => {
    const { b, app } = await bed();
    expect(await b.run('docker rmi myapp:1.0')).toEqual({ exitCode: 0, stdout: 'Untagged: myapp:1.0\n', stderr: '' });
    const record = await b.store.get('images', app);
    const chain = await chainIds(record!.diffIds);
    expect(await b.run('docker image rm myapp')).toEqual({ exitCode: 0, stdout: `Untagged: myapp:latest\nDeleted: ${app}\nDeleted: ${chain[1]}\n`, stderr: '' });
    // The alpine layer is still alpine's; the app layer's recipe was collected.
    expect(await b.store.get('layers', record!.diffIds[0]!)).toBeDefined();
    expect((await b.run('docker images --format "{{.Repository}}"')).stdout).toBe('alpine\n');
  });

  it('deletes by ID prefix, refusing an image tagged in several repositories unless forced', async () => {
    const { b, app } = await bed();
    await b.store.write((tx) => tx.put('refs', refKey('registry.company.com/myapp:1.0'), { imageId: app }));
    const short = app.slice(7, 19);
    expect(await b.run(`docker rmi ${short}`)).toEqual({ exitCode: 1, stdout: '', stderr: `Error response from daemon: conflict: unable to delete ${short} (must be forced) - image is referenced in multiple repositories\n` });
    const forced = await b.run(`docker rmi -f ${short.slice(0, 4)}`);
    expect(forced.stdout.split('\n').slice(0, 4)).toEqual(['Untagged: myapp:1.0', 'Untagged: myapp:latest', 'Untagged: registry.company.com/myapp:1.0', `Deleted: ${app}`]);
  });

  it('untags a singly tagged image by ID and deletes it; two tags are "several repositories" to docker', async () => {
    const { b, app } = await bed();
    const digest = `myapp@sha256:${'e'.repeat(64)}`;
    await b.store.write((tx) => tx.put('refs', refKey(digest), { imageId: app }));
    expect((await b.run(`docker rmi ${app.slice(7, 19)}`)).stderr).toContain('(must be forced) - image is referenced in multiple repositories');
    await b.run('docker rmi myapp:1.0');
    const r = await b.run(`docker rmi ${app.slice(7, 19)}`);
    expect(r.stdout.startsWith(`Untagged: myapp:latest\nUntagged: ${digest}\nDeleted: ${app}\nDeleted: sha256:`)).toBe(true);
  });

  it('refuses to remove what containers use, in docker’s words', async () => {
    const { b, app } = await bed();
    await b.run('docker rmi myapp:1.0');
    const stopped = await seedContainer(b.store, app, { id: 'c'.repeat(64), status: 'exited' });
    expect((await b.run('docker rmi myapp')).stderr).toBe(
      `Error response from daemon: conflict: unable to remove repository reference "myapp" (must force) - container ${stopped.slice(0, 12)} is using its referenced image ${app.slice(7, 19)}\n`,
    );
    expect((await b.run(`docker rmi ${app.slice(7, 19)}`)).stderr).toBe(
      `Error response from daemon: conflict: unable to delete ${app.slice(7, 19)} (must be forced) - image is being used by stopped container ${stopped.slice(0, 12)}\n`,
    );
    // -f untags and deletes the record; the container keeps the layers it stands on.
    const forced = await b.run('docker rmi -f myapp');
    expect(forced.stdout).toBe(`Untagged: myapp:latest\nDeleted: ${app}\n`);
    expect(await b.store.get('blobs', app)).toBeDefined();
  });

  it('cannot force past a running container', async () => {
    const { b, app } = await bed();
    const running = await seedContainer(b.store, app, { id: 'd'.repeat(64), status: 'running' });
    const r = await b.run(`docker rmi -f ${app.slice(7, 19)}`);
    expect(r).toEqual({ exitCode: 1, stdout: '', stderr: `Error response from daemon: conflict: unable to delete ${app.slice(7, 19)} (cannot be forced) - image is being used by running container ${running.slice(0, 12)}\n` });
  });

  it('handles several arguments, collecting errors; -f makes missing images non-fatal', async () => {
    const { b, base } = await bed();
    const r = await b.run('docker rmi myapp:1.0 ghost myapp:latest');
    expect(r.exitCode).toBe(1);
    expect(r.stdout.startsWith('Untagged: myapp:1.0\nUntagged: myapp:latest\nDeleted: sha256:')).toBe(true);
    expect(r.stderr).toBe('Error response from daemon: No such image: ghost:latest\n');
    expect(await b.run('docker rmi -f ghost other:2')).toEqual({ exitCode: 0, stdout: '', stderr: 'Error response from daemon: No such image: ghost:latest\nError response from daemon: No such image: other:2\n' });
    expect((await b.run('docker rmi alpine:3.19')).stdout).toContain(`Deleted: ${base}\n`);
    expect((await b.run('docker rmi')).stderr).toContain('"docker rmi" requires at least 1 argument.');
  });
});
