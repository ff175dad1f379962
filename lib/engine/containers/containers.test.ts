import { describe, expect, it } from 'vitest';
import { wasmSha256 } from '@/lib/util';
import { tarToChangeSet } from '../layer';
import { commitContainer } from './commit';
import { execInContainer, runSessionLine } from './container-exec';
import { removeContainer, stopContainer } from './container-ops';
import { createContainer } from './create-container';
import { exportContainer } from './export-container';
import { httpRequest } from './http-request';
import { findContainer } from './lookup';
import { startContainer } from './start-container';
import { random, storeWith, T0 } from './test-helpers';
import { readContainerState } from './types';

const state = async (store: Awaited<ReturnType<typeof storeWith>>, id: string) => readContainerState(await store.read((tx) => findContainer(tx, id)), T0);

describe('containers', () => {
  it('runs a command to completion and keeps its output as logs', async () => {
    const store = await storeWith(['alpine']);
    const { id, name } = await createContainer(store, { image: 'alpine', args: ['echo', 'hello'] }, { now: T0, random: random() });
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(name).toMatch(/^[a-z]+_[a-z]+$/);
    let out = '';
    const r = await startContainer(store, id, { now: T0, onStdout: (t) => (out += t) });
    expect(out).toBe('hello\n');
    expect(r).toMatchObject({ status: 'exited', exitCode: 0 });
    const s = await state(store, id);
    expect(s.logs.map((l) => l.text).join('')).toBe('hello\n');
  });

  it('reads the daemon’s clock: date prints now, not the epoch builds use', async () => {
    const store = await storeWith(['alpine']);
    const { id } = await createContainer(store, { image: 'alpine', args: ['date', '+%F %T %Z'] }, { now: T0, random: random() });
    let out = '';
    await startContainer(store, id, { now: T0, onStdout: (t) => (out += t) });
    expect(out).toBe('2026-11-28 12:00:00 UTC\n');
  });

  it('refuses a command that is not in the image, as runc does', async () => {
    const store = await storeWith(['alpine']);
    const { id } = await createContainer(store, { image: 'alpine', args: ['foo'] }, { now: T0, random: random() });
    await expect(startContainer(store, id, { now: T0 })).rejects.toThrow(
      'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "foo": executable file not found in $PATH: unknown',
    );
    expect((await state(store, id)).status).toBe('created');
    const bash = await createContainer(store, { image: 'alpine', args: ['bash'] }, { now: T0, random: random() });
    await expect(startContainer(store, bash.id, { now: T0 })).rejects.toThrow('exec: "bash": executable file not found in $PATH');
  });

  it('removes an --rm container whose start fails, as moby does, and keeps one without --rm', async () => {
    const store = await storeWith(['alpine']);
    const gone = await createContainer(store, { image: 'alpine', args: ['nosuch'], autoRemove: true }, { now: T0, random: random() });
    await expect(startContainer(store, gone.id, { now: T0 })).rejects.toThrow('exec: "nosuch": executable file not found in $PATH');
    expect(await store.get('containers', gone.id)).toBeUndefined();
    const kept = await createContainer(store, { image: 'alpine', args: ['nosuch'] }, { now: T0, random: random() });
    await expect(startContainer(store, kept.id, { now: T0 })).rejects.toThrow('executable file not found');
    expect(await store.get('containers', kept.id)).toBeDefined();
  });

  it('finds commands that are hard links, as busybox’s /bin/ls is', async () => {
    const store = await storeWith(['busybox']);
    const { id } = await createContainer(store, { image: 'busybox', args: ['ls', '/bin/ls'] }, { now: T0, random: random() });
    let out = '';
    expect(await startContainer(store, id, { now: T0, onStdout: (t) => (out += t) })).toMatchObject({ status: 'exited', exitCode: 0 });
    expect(out).toBe('/bin/ls\n');
  });

  it('logs the Alpine compiler for nginx:alpine', async () => {
    const store = await storeWith(['nginx:alpine']);
    const { id } = await createContainer(store, { image: 'nginx:alpine', args: [] }, { now: T0, random: random() });
    let err = '';
    await startContainer(store, id, { now: T0, onStderr: (t) => (err += t) });
    expect(err).toContain('[notice] 1#1: built by gcc 12.2.1 20220924 (Alpine 12.2.1_git20220924-r10) \n');
  });

  it('refuses a second container with the same name', async () => {
    const store = await storeWith(['alpine']);
    const first = await createContainer(store, { image: 'alpine', args: [], name: 'web' }, { now: T0, random: random() });
    await expect(createContainer(store, { image: 'alpine', args: [], name: 'web' }, { now: T0, random: random() })).rejects.toThrow(
      `Conflict. The container name "/web" is already in use by container "${first.id}". You have to remove (or rename) that container to be able to reuse that name.`,
    );
  });

  it('serves the nginx welcome page on the published port until stopped', async () => {
    const store = await storeWith(['nginx']);
    const { id } = await createContainer(store, { image: 'nginx', args: [], ports: [{ hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' }] }, { now: T0, random: random() });
    let err = '';
    const r = await startContainer(store, id, { now: T0, onStderr: (t) => (err += t) });
    expect(r.status).toBe('running');
    expect(err).toContain('[notice] 1#1: nginx/1.25.3');
    expect(err).toContain('[notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) \n');
    const page = await httpRequest(store, 8080, '/', { now: T0 });
    expect(page.kind === 'response' && page.body).toContain('<title>Welcome to nginx!</title>');
    expect(await httpRequest(store, 9090, '/', { now: T0 })).toEqual({ kind: 'refused' });
    const missing = await httpRequest(store, 8080, '/nope', { now: T0 });
    expect(missing.kind === 'response' && missing.status).toBe(404);
    await expect(removeContainer(store, id, { now: T0 })).rejects.toThrow(/cannot remove container "\/.*": container is running: stop the container before removing or force remove/);
    expect((await stopContainer(store, id, { now: T0 + 1000 })).wasRunning).toBe(true);
    expect(await state(store, id)).toMatchObject({ status: 'exited', exitCode: 0 });
    expect(await httpRequest(store, 8080, '/', { now: T0 })).toEqual({ kind: 'refused' });
  });

  it('keeps what an interactive session installs, for commit and export', async () => {
    const store = await storeWith(['ubuntu:22.04']);
    const { id } = await createContainer(store, { image: 'ubuntu:22.04', args: ['bash'], tty: true, openStdin: true }, { now: T0, random: random() });
    expect((await startContainer(store, id, { now: T0 })).status).toBe('running');
    let session = (await state(store, id)).session;
    let out = '';
    const line = async (text: string) => {
      const r = await runSessionLine(store, id, text, { now: T0, session, shell: 'bash', main: true, onStdout: (t) => (out += t), onStderr: (t) => (out += t) });
      session = r.session;
      return r;
    };
    expect((await line('cd /tmp && X=5')).exitCode).toBe(0);
    out = '';
    await line('pwd; echo $X');
    expect(out).toBe('/tmp\n5\n');
    expect((await line('curl --version')).exitCode).toBe(127);
    expect((await line('apt-get update >/dev/null && apt-get install -y curl >/dev/null')).exitCode).toBe(0);
    const done = await line('exit');
    expect(done.exited).toBe(true);
    expect(await state(store, id)).toMatchObject({ status: 'exited', exitCode: 0 });
    const imageId = await commitContainer(store, id, { reference: 'myimage', now: T0, sha256: wasmSha256, message: 'add curl' });
    expect(await store.get('refs', 'docker.io/library/myimage:latest')).toEqual({ imageId });
    const chunks: Uint8Array[] = [];
    for await (const chunk of await exportContainer(store, id)) chunks.push(chunk);
    const flat = await tarToChangeSet(chunks);
    expect(flat.entries.some((e) => e.path === 'usr/bin/curl')).toBe(true);
    expect(flat.entries.some((e) => e.path.includes('.wh.'))).toBe(false);
  });

  it('starts a glibc Go binary on alpine only to fail, as the kernel does', async () => {
    const store = await storeWith(['alpine'], {
      app: {
        dockerfile: 'FROM golang:1.21 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /server .\nFROM alpine\nCOPY --from=build /server /app/server\nCMD ["/app/server"]\n',
        files: { 'go.mod': 'module example.com/app\n\ngo 1.21\n', 'main.go': 'package main\n\nimport (\n\t"net/http"\n\t"os/user"\n)\n\nfunc main() { user.Current(); http.ListenAndServe(":8080", nil) }\n' },
      },
    });
    const { id } = await createContainer(store, { image: 'app', args: [] }, { now: T0, random: random() });
    let err = '';
    const r = await startContainer(store, id, { now: T0, onStderr: (t) => (err += t) });
    expect(err).toBe('exec /app/server: no such file or directory\n');
    expect(r).toMatchObject({ status: 'exited', exitCode: 1 });
  });

  it('runs docker exec in a running container and reports a missing command', async () => {
    const store = await storeWith(['alpine']);
    const { id } = await createContainer(store, { image: 'alpine', args: ['sleep', 'infinity'] }, { now: T0, random: random() });
    expect((await startContainer(store, id, { now: T0 })).status).toBe('running');
    let out = '';
    expect(await execInContainer(store, id, ['sh', '-c', 'echo hi > /greeting && cat /greeting'], {}, { now: T0, onStdout: (t) => (out += t) })).toEqual({ exitCode: 0 });
    expect(out).toBe('hi\n');
    expect(await execInContainer(store, id, ['foo'], {}, { now: T0 })).toEqual({
      exitCode: 127,
      error: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "foo": executable file not found in $PATH: unknown',
    });
    await stopContainer(store, id, { now: T0 });
    await expect(execInContainer(store, id, ['ls'], {}, { now: T0 })).rejects.toThrow(`container ${id} is not running`);
  });
});
