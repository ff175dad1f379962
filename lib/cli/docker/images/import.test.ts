import { describe, expect, it } from 'vitest';
import { createDockerTestbed } from '../testbed';
import { writeTar } from './tar-writer';

async function bed() {
  const b = await createDockerTestbed();
  await b.run('mkdir -p root/bin root/etc && echo hi > root/bin/hello && echo x=1 > root/etc/app.conf && tar -cf rootfs.tar -C root .');
  return b;
}

describe('docker import', () => {
  it('makes a one-layer image with the changes and message, printing its ID', async () => {
    const b = await bed();
    const r = await b.run(`docker import rootfs.tar myimg:flat --change 'CMD ["/bin/hello"]' --change 'WORKDIR /app' -c 'ENV A=1 B=2' -c 'EXPOSE 3000' -c 'USER nobody' -c 'LABEL team=core' -c 'VOLUME /data' -m "flattened"`);
    expect(r).toMatchObject({ exitCode: 0, stderr: '' });
    const id = r.stdout.trim();
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect((await b.run('docker images -q --no-trunc myimg:flat')).stdout).toBe(`${id}\n`);
    const f = async (t: string) => (await b.run(`docker inspect -f '${t}' myimg:flat`)).stdout;
    expect(await f('{{.Config.Cmd}} {{.Config.WorkingDir}} {{.Config.Env}} {{.Config.ExposedPorts}} {{.Config.User}} {{.Config.Labels}} {{.Config.Volumes}}')).toBe(
      '[/bin/hello] /app [A=1 B=2] map[3000/tcp:{}] nobody map[team:core] map[/data:{}]\n',
    );
    expect(await f('{{len .RootFS.Layers}} {{.Comment}}')).toBe('1 flattened\n');
    const history = (await b.run('docker history myimg:flat')).stdout.split('\n');
    expect(history).toEqual([
      'IMAGE          CREATED                  CREATED BY   SIZE      COMMENT',
      `${id.slice(7, 19)}   Less than a second ago                7B        flattened`,
      '',
    ]);
  });

  it('reads gzip and stdin, tags nothing without a name, and says "Imported from -"', async () => {
    const b = await bed();
    await b.run('gzip -k rootfs.tar');
    const r = await b.run('docker import rootfs.tar.gz');
    expect(r.exitCode).toBe(0);
    expect((await b.run('docker images --format "{{.Repository}}:{{.Tag}}"')).stdout).toBe('<none>:<none>\n');
    expect((await b.run(`docker history --format "{{.Comment}}" ${r.stdout.trim()}`)).stdout).toBe('Imported from -\n');
    const piped = await b.run('cat rootfs.tar | docker import - piped:1');
    expect(piped.exitCode).toBe(0);
    expect((await b.run(`docker inspect -f '{{.Config.Cmd}}' piped:1`)).stdout).toBe('[]\n');
  });

  it('refuses bad changes and hostile tarballs, changing nothing', async () => {
    const b = await bed();
    expect(await b.run(`docker import rootfs.tar x:1 --change 'RUN echo hi'`)).toEqual({ exitCode: 1, stdout: '', stderr: 'Error response from daemon: RUN is not a valid change command\n' });
    // The instruction's own error, without BuildKit's "dockerfile parse error on line N" prefix.
    expect(await b.run(`docker import rootfs.tar x:1 --change 'EXPOSE'`)).toEqual({ exitCode: 1, stdout: '', stderr: 'Error response from daemon: EXPOSE requires at least one argument\n' });
    await b.fs.writeFile('/workspace/evil.tar', writeTar([['../../etc/passwd', new TextEncoder().encode('root::0:0::/:/bin/sh\n')]]));
    const evil = await b.run('docker import evil.tar evil:1');
    expect(evil.exitCode).toBe(1);
    expect(evil.stderr).toMatch(/^Error response from daemon: /);
    expect(await b.run('docker import missing.tar')).toEqual({ exitCode: 1, stdout: '', stderr: 'open missing.tar: no such file or directory\n' });
    expect((await b.run('docker images -q')).stdout).toBe('');
  });
});
