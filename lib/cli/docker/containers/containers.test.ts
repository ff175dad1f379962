import { describe, expect, it } from 'vitest';
import { httpRequest } from '@/lib/engine';
import { createDockerTestbed } from '../testbed';
import { reopenContainerSession } from './container-session';

const RUNC = 'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ';

describe('docker run', () => {
  it('pulls a missing image, runs the command and exits with its code', async () => {
    const bed = await createDockerTestbed();
    const r = await bed.run('docker run alpine echo hello');
    expect(r.stdout).toBe('hello\n');
    expect(r.stderr).toMatch(/^Unable to find image 'alpine:latest' locally\n/);
    expect(r.stderr).toContain('Status: Downloaded newer image for alpine:latest');
    expect(r.exitCode).toBe(0);
    expect((await bed.run("docker run alpine sh -c 'exit 3'")).exitCode).toBe(3);
    bed.clock.now += 5_000;
    const ps = await bed.run('docker ps -a');
    const lines = ps.stdout.split('\n');
    // COMMAND is Path and Args joined by spaces, then quoted (docker/cli strconv.Quote).
    expect(lines[0]).toBe('CONTAINER ID   IMAGE     COMMAND          CREATED         STATUS                     PORTS     NAMES');
    expect(lines[1]).toMatch(/^[0-9a-f]{12} {3}alpine {4}"sh -c exit 3" {3}5 seconds ago {3}Exited \(3\) 5 seconds ago {13}[a-z]+_[a-z]+$/);
    expect(lines[2]).toMatch(/^[0-9a-f]{12} {3}alpine {4}"echo hello" {5}5 seconds ago {3}Exited \(0\) 5 seconds ago {13}[a-z]+_[a-z]+$/);
    expect((await bed.run('docker ps')).stdout).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
  });

  it('fails as runc does when the command is not in the image (exit 127)', async () => {
    const bed = await createDockerTestbed();
    const r = await bed.run('docker run alpine foo');
    expect(r.stderr.endsWith(`${RUNC}exec: "foo": executable file not found in $PATH: unknown.\n`)).toBe(true);
    expect(r.exitCode).toBe(127);
    expect((await bed.run("docker ps -a --format '{{.Status}} {{.Command}}'")).stdout).toBe('Created "foo"\n');
    const missing = await bed.run('docker run alpine /app/server');
    expect(missing.stderr).toContain(`exec: "/app/server": stat /app/server: no such file or directory: unknown.`);
    expect(missing.exitCode).toBe(127);
  });

  it("answers an unknown image with the registry's refusal (exit 125)", async () => {
    const bed = await createDockerTestbed();
    const r = await bed.run('docker run nosuchimage');
    expect(r.exitCode).toBe(125);
    expect(r.stderr).toContain("Unable to find image 'nosuchimage:latest' locally\n");
    expect(r.stderr).toMatch(/docker: Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login'.*\.\nSee 'docker run --help'\.\n$/);
    expect((await bed.run('docker ps -aq')).stdout).toBe('');
  });

  it('checks flags and arguments the way docker does', async () => {
    const bed = await createDockerTestbed();
    expect(await bed.run('docker run --x alpine')).toMatchObject({ exitCode: 125, stderr: "unknown flag: --x\nSee 'docker run --help'.\n" });
    const none = await bed.run('docker run');
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toMatch(/^"docker run" requires at least 1 argument\.\nSee 'docker run --help'\.\n\nUsage: {2}docker run \[OPTIONS\] IMAGE \[COMMAND\] \[ARG\.\.\.\]/);
    // Flags after the image belong to the container's command (non-interspersed).
    expect((await bed.run('docker run alpine ls -d /etc')).stdout).toBe('/etc\n');
    expect(await bed.run('docker run -p 80a:80 alpine')).toMatchObject({ exitCode: 125, stderr: "docker: invalid hostPort: 80a.\nSee 'docker run --help'.\n" });
    expect(await bed.run('docker create -p 80a:80 alpine')).toMatchObject({ exitCode: 125, stderr: "docker: invalid hostPort: 80a.\nSee 'docker create --help'.\n" });
    // docker create returns the daemon's refusal as it is, exit 1.
    expect(await bed.run('docker create nosuchimage')).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/^Unable to find image 'nosuchimage:latest' locally\nError response from daemon: pull access denied for nosuchimage/) });
  });

  it('refuses -it without a terminal and reads stdin with -i', async () => {
    const bed = await createDockerTestbed();
    expect(await bed.run('docker run -it alpine sh')).toMatchObject({ exitCode: 1, stderr: 'the input device is not a TTY\n' });
    expect((await bed.run('docker ps -aq')).stdout).toBe('');
    const piped = await bed.run("echo 'echo from stdin; exit 4' | docker run -i alpine sh");
    expect(piped.stdout).toBe('from stdin\n');
    expect(piped.exitCode).toBe(4);
  });
});

describe('running containers', () => {
  it('names, conflicts, ports, stop and rm', async () => {
    const bed = await createDockerTestbed();
    const first = await bed.run('docker run -d --name web -p 8080:80 nginx');
    expect(first.exitCode).toBe(0);
    const id = first.stdout.trim();
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    const page = await httpRequest(bed.store, 8080, '/', { now: bed.clock.now });
    expect(page.kind === 'response' && page.body).toContain('Welcome to nginx!');
    const again = await bed.run('docker run -d --name web nginx');
    expect(again.exitCode).toBe(125);
    expect(again.stderr).toBe(
      `docker: Error response from daemon: Conflict. The container name "/web" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.\nSee 'docker run --help'.\n`,
    );
    bed.clock.now += 120_000;
    const ps = await bed.run('docker ps');
    expect(ps.stdout).toContain(`${id.slice(0, 12)}   nginx     "/docker-entrypoint.…"   2 minutes ago   Up 2 minutes   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web\n`);
    expect(await bed.run('docker rm web')).toMatchObject({
      exitCode: 1,
      stderr: 'Error response from daemon: cannot remove container "/web": container is running: stop the container before removing or force remove\n',
    });
    expect((await bed.run('docker logs web')).stderr).toContain('[notice] 1#1: start worker processes');
    expect(await bed.run('docker stop web')).toMatchObject({ exitCode: 0, stdout: 'web\n' });
    expect((await bed.run("docker ps -a --format '{{.Names}}: {{.Status}}'")).stdout).toBe('web: Exited (0) Less than a second ago\n');
    // A stopped container has released its ports: the PORTS column is empty.
    expect((await bed.run("docker ps -a --format '[{{.Ports}}]'")).stdout).toBe('[]\n');
    expect(await bed.run('docker rm web nope')).toMatchObject({ exitCode: 1, stdout: 'web\n', stderr: 'Error response from daemon: No such container: nope\n' });
    expect((await bed.run('docker ps -aq')).stdout).toBe('');
  });

  it('exec runs in a running container and is refused in a stopped one', async () => {
    const bed = await createDockerTestbed();
    await bed.run('docker run -d --name box alpine sleep 3600');
    expect(await bed.run('docker exec box sh -c "echo hi > /x; cat /x"')).toMatchObject({ exitCode: 0, stdout: 'hi\n' });
    expect(await bed.run('docker exec box nope')).toMatchObject({
      exitCode: 127,
      stdout: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "nope": executable file not found in $PATH: unknown\n',
    });
    bed.clock.now += 3_600_000;
    // `sleep 3600` has ended by now: the container exited on its own.
    expect((await bed.run("docker ps -a --format '{{.Status}}'")).stdout).toBe('Exited (0) Less than a second ago\n');
    expect((await bed.run('docker exec box ls')).stderr).toMatch(/^Error response from daemon: container [0-9a-f]{64} is not running\n$/);
  });
});

describe('interactive containers', () => {
  it('runs, installs, exits, commits and exports (the material’s flow)', async () => {
    const bed = await createDockerTestbed();
    const run = await bed.run('docker run -it ubuntu:22.04 bash', { terminal: true });
    expect(run.exitCode).toBe(0);
    const session = bed.sessions[0];
    if (session === undefined) throw new Error('no session');
    const id = session.descriptor.kind === 'container' ? session.descriptor.containerId : '';
    expect(session.prompt()).toBe(`root@${id.slice(0, 12)}:/# `);
    let out = '';
    const io = { stdout: (t: string) => (out += t), stderr: (t: string) => (out += t) };
    expect(await session.runLine('cd ~', io)).toEqual({ exitCode: 0, exited: false });
    expect(session.prompt()).toBe(`root@${id.slice(0, 12)}:~# `);
    expect((await session.runLine('apt-get update && apt-get install -y curl', io)).exitCode).toBe(0);
    expect(out).toContain('Setting up curl');
    expect(await session.runLine('exit', io)).toEqual({ exitCode: 0, exited: true });
    expect((await bed.run("docker ps -a --format '{{.Status}}'")).stdout).toBe('Exited (0) Less than a second ago\n');
    const commit = await bed.run(`docker commit -m 'add curl' ${id.slice(0, 6)} myimage`);
    expect(commit.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect((await bed.run("docker run --rm myimage sh -c 'command -v curl'")).stdout).toBe('/usr/bin/curl\n');
    expect((await bed.run(`docker export ${id.slice(0, 12)} > container.tar`)).exitCode).toBe(0);
    const tar = await bed.fs.readFile('/workspace/container.tar');
    expect((await bed.run('tar -tf container.tar | grep -c -e "^usr/bin/curl$" -e "^etc/os-release$"')).stdout).toBe('2\n');
    expect((await bed.run('tar -tf container.tar | grep -c "\\.wh\\."')).stdout).toBe('0\n');
    expect((await bed.run(`docker export -o flat.tar ${id.slice(0, 12)}`)).exitCode).toBe(0);
    expect((await bed.fs.readFile('/workspace/flat.tar')).length).toBe(tar.length);
  });

  it('opens busybox sh on alpine with its prompt', async () => {
    const bed = await createDockerTestbed();
    await bed.run('docker run -it --rm alpine sh', { terminal: true });
    const session = bed.sessions[0];
    expect(session?.prompt()).toBe('/ # ');
    await session?.runLine('exit 2', { stdout: () => undefined, stderr: () => undefined });
    expect((await bed.run('docker ps -aq')).stdout).toBe('');
  });
});

describe('reopening a terminal’s container sessions (a reload, the next `layerlab sh -c`)', () => {
  const quiet = { stdout: () => undefined, stderr: () => undefined };

  it('carries on in the container’s own shell, whose exit stops the container', async () => {
    const bed = await createDockerTestbed();
    await bed.run('docker run -it --name box alpine sh', { terminal: true });
    const descriptor = bed.sessions[0]?.descriptor;
    if (descriptor === undefined) throw new Error('no session');
    await bed.sessions[0]?.runLine('cd /tmp && echo one > one.txt', quiet);
    const daemon = { host: 'workstation', store: bed.store };
    const again = await reopenContainerSession(descriptor, daemon, () => bed.clock.now);
    expect(again?.prompt()).toBe('/tmp # ');
    let out = '';
    await again?.runLine('cat one.txt', { stdout: (t) => (out += t), stderr: (t) => (out += t) });
    expect(out).toBe('one\n');
    expect(await again?.runLine('exit', quiet)).toEqual({ exitCode: 0, exited: true });
    expect((await bed.run("docker ps -a --format '{{.Names}} {{.Status}}'")).stdout).toBe('box Exited (0) Less than a second ago\n');
    // Gone (or stopped): nothing to reopen.
    expect(await reopenContainerSession(descriptor, daemon, () => bed.clock.now)).toBeUndefined();
    await bed.run('docker rm box');
    expect(await reopenContainerSession(descriptor, daemon, () => bed.clock.now)).toBeUndefined();
  });

  it('reopens an exec’d shell as one: its exit leaves the container running', async () => {
    const bed = await createDockerTestbed();
    await bed.run('docker run -d --name bg alpine sleep 600');
    await bed.run('docker exec -it bg sh', { terminal: true });
    const descriptor = bed.sessions[0]?.descriptor;
    if (descriptor === undefined) throw new Error('no session');
    const again = await reopenContainerSession(descriptor, { host: 'workstation', store: bed.store }, () => bed.clock.now);
    expect(await again?.runLine('exit', quiet)).toEqual({ exitCode: 0, exited: true });
    await again?.close?.();
    expect((await bed.run("docker ps --format '{{.Names}}'")).stdout).toBe('bg\n');
  });
});

describe('inspect, commit --change, prune', () => {
  it('inspects a container in Docker’s shape and formats it', async () => {
    const bed = await createDockerTestbed();
    await bed.run('docker create --name app -e MODE=dev -p 8080:80 nginx');
    const json = JSON.parse((await bed.run('docker container inspect app')).stdout) as Record<string, unknown>[];
    expect(json[0]).toMatchObject({ Name: '/app', Path: '/docker-entrypoint.sh', Args: ['nginx', '-g', 'daemon off;'], State: { Status: 'created', Running: false, ExitCode: 0 } });
    expect((await bed.run("docker container inspect -f '{{.State.Status}} {{.Config.Image}}' app")).stdout).toBe('created nginx\n');
    expect(await bed.run('docker container inspect nope')).toMatchObject({ exitCode: 1, stdout: '[]\n', stderr: 'Error response from daemon: No such container: nope\n' });
  });

  it('commit applies --change and refuses what is not a config change', async () => {
    const bed = await createDockerTestbed();
    // Docker's name pattern wants two characters at least.
    expect((await bed.run("docker run --name c alpine true")).stderr).toContain('Invalid container name (c), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.');
    await bed.run("docker run --name cc alpine sh -c 'echo hi > /hello'");
    expect((await bed.run("docker commit --change 'CMD [\"cat\", \"/hello\"]' -c 'ENV GREETING=hi' cc greeter:1")).exitCode).toBe(0);
    expect((await bed.run('docker run --rm greeter:1')).stdout).toBe('hi\n');
    expect((await bed.run("docker run --rm greeter:1 sh -c 'echo $GREETING'")).stdout).toBe('hi\n');
    expect(await bed.run("docker commit -c 'RUN echo no' cc bad")).toMatchObject({ exitCode: 1, stderr: 'Error response from daemon: RUN is not a valid change command\n' });
  });

  it('prunes stopped containers only, after asking', async () => {
    const bed = await createDockerTestbed();
    await bed.run('docker run -d --name up alpine sleep infinity');
    await bed.run('docker run --name done alpine true');
    expect((await bed.run('docker container prune', { answer: 'n' })).stdout).toBe('');
    const pruned = await bed.run('docker container prune -f');
    expect(pruned.stdout).toMatch(/^Deleted Containers:\n[0-9a-f]{64}\n\nTotal reclaimed space: 0B\n$/);
    expect((await bed.run("docker ps -a --format '{{.Names}}'")).stdout).toBe('up\n');
  });
});
