import { describe, expect, it } from 'vitest';
import { createDockerTestbed } from '../testbed';
import { layerCacheIds } from '../var-lib-docker';
import { seedImage } from './test-support';

const DOCKERFILE = 'FROM alpine:3.19\nENV APP=1 MODE=prod\nEXPOSE 80 443/udp\nLABEL tier=web\nCMD ["nginx", "-g", "daemon off;"]\n';

async function bed() {
  const b = await createDockerTestbed();
  const id = await seedImage(b.store, { dockerfile: DOCKERFILE, tags: ['nginx:latest'] });
  return { b, id };
}

describe('docker inspect / docker image inspect', () => {
  it("prints Docker's JSON array with 4-space indentation", async () => {
    const { b, id } = await bed();
    const r = await b.run('docker inspect nginx:latest');
    expect(r.exitCode).toBe(0);
    expect(r.stdout.startsWith(`[\n    {\n        "Id": "${id}",\n        "RepoTags": [\n            "nginx:latest"\n        ],`)).toBe(true);
    const [info] = JSON.parse(r.stdout);
    expect(info).toMatchObject({ Id: id, Architecture: 'amd64', Os: 'linux', Config: { Cmd: ['nginx', '-g', 'daemon off;'], ExposedPorts: { '80/tcp': {}, '443/udp': {} } } });
    expect((await b.run('docker image inspect nginx')).stdout).toBe(r.stdout);
    expect((await b.run(`docker image inspect ${id.slice(7, 11)}`)).stdout).toBe(r.stdout);
    expect(JSON.parse((await b.run('docker inspect --format json nginx')).stdout)[0].Id).toBe(id);
    // GraphDriver's directories are the layers' overlay2 cache IDs, as /var/lib/docker lists them.
    const dirs = await layerCacheIds(info.RootFS.Layers);
    expect(info.GraphDriver.Data.UpperDir).toBe(`/var/lib/docker/overlay2/${dirs[dirs.length - 1]}/diff`);
  });

  it('runs --format templates with Go printing of slices and maps', async () => {
    const { b } = await bed();
    const f = async (t: string) => (await b.run(`docker inspect --format='${t}' nginx`)).stdout;
    expect(await f('{{.Architecture}}')).toBe('amd64\n');
    expect(await f('{{.Config.Env}}')).toBe('[PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin APP=1 MODE=prod]\n');
    expect(await f('{{.Config.ExposedPorts}}')).toBe('map[443/udp:{} 80/tcp:{}]\n');
    expect(await f('{{.Config.Entrypoint}} {{.Config.Labels}} {{index .Config.Labels "tier"}}')).toBe('[] map[tier:web] web\n');
    expect(await f('{{json .Config.Cmd}}')).toBe('["nginx","-g","daemon off;"]\n');
    // Docker 27's container.Config: omitempty fields appear only when set.
    expect(await f('{{json .Config}}')).toBe(
      '{"Hostname":"","Domainname":"","User":"","AttachStdin":false,"AttachStdout":false,"AttachStderr":false,"ExposedPorts":{"443/udp":{},"80/tcp":{}},' +
        '"Tty":false,"OpenStdin":false,"StdinOnce":false,"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","APP=1","MODE=prod"],' +
        '"Cmd":["nginx","-g","daemon off;"],"Image":"","Volumes":null,"WorkingDir":"","Entrypoint":null,"OnBuild":null,"Labels":{"tier":"web"}}\n',
    );
    expect(Number((await f('{{.Size}}')).trim())).toBeGreaterThan(7_000_000);
    expect((await b.run('docker image inspect -f "{{join .Config.Env \\",\\"}}" nginx')).stdout).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin,APP=1,MODE=prod\n');
  });

  it('prints [] and the daemon error for a missing image, exit 1', async () => {
    const { b } = await bed();
    expect(await b.run('docker image inspect ghost')).toEqual({ exitCode: 1, stdout: '[]\n', stderr: 'Error response from daemon: No such image: ghost:latest\n' });
    expect(await b.run('docker inspect ghost')).toEqual({ exitCode: 1, stdout: '[]\n', stderr: 'Error: No such object: ghost\n' });
    const mixed = await b.run('docker inspect -f "{{.Os}}" nginx ghost');
    expect(mixed).toEqual({ exitCode: 1, stdout: 'linux\n', stderr: 'Error: No such object: ghost\n' });
    expect((await b.run('docker inspect --type image ghost')).stderr).toBe('Error response from daemon: No such image: ghost:latest\n');
  });

  it('reports a bad template as docker/cli does', async () => {
    const { b } = await bed();
    const r = await b.run('docker inspect --format "{{.Nope}}" nginx');
    expect(r.exitCode).toBe(1);
    // docker retries on the raw JSON with missingkey=error, whose error is the one shown.
    expect(r.stderr).toBe('template parsing error: template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"\n');
  });

  it('finds containers first, then images, like docker inspect', async () => {
    const { b, id } = await bed();
    const created = await b.run('docker create --name web nginx:latest');
    expect(created.exitCode).toBe(0);
    expect((await b.run("docker inspect -f '{{.Name}} {{.Image}}' web")).stdout).toBe(`/web ${id}\n`);
    expect((await b.run("docker inspect -f '{{.Id}}' web nginx")).stdout).toBe(`${created.stdout.trim()}\n${id}\n`);
    expect((await b.run('docker inspect --type image web')).stderr).toBe('Error response from daemon: No such image: web:latest\n');
  });
});
