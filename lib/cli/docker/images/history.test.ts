import { describe, expect, it } from 'vitest';
import { createDockerTestbed, TESTBED_START } from '../testbed';
import { ellipsis } from './history';
import { seedImage } from './test-support';

const DOCKERFILE = 'FROM alpine:3.19\nRUN mkdir -p /app && echo hi > /app/x && echo "a long command line that does not fit"\nCOPY app.py /app/\nCMD ["python", "app.py"]\n';

async function bed() {
  const b = await createDockerTestbed();
  const id = await seedImage(b.store, { dockerfile: DOCKERFILE, files: { 'app.py': 'print(1)\n'.repeat(130) }, tags: ['myapp:1.0'], created: new Date(TESTBED_START - 120_000).toISOString() });
  return { b, id };
}

describe('docker history', () => {
  it('prints newest first, <missing> below the top, truncated CREATED BY, comments', async () => {
    const { b, id } = await bed();
    const r = await b.run('docker history myapp:1.0');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      'IMAGE          CREATED         CREATED BY                                      SIZE      COMMENT\n' +
        `${id.slice(7, 19)}   2 minutes ago   CMD ["python" "app.py"]                         0B        buildkit.dockerfile.v0\n` +
        '<missing>      2 minutes ago   COPY app.py /app/ # buildkit                    1.17kB    buildkit.dockerfile.v0\n' +
        '<missing>      2 minutes ago   RUN /bin/sh -c mkdir -p /app && echo hi > /a…   3B        buildkit.dockerfile.v0\n' +
        '<missing>      2 years ago     /bin/sh -c #(nop)  CMD ["/bin/sh"]              0B        \n' +
        '<missing>      2 years ago     /bin/sh -c #(nop) ADD file:6bbcec5dbc7cc6e32…   7.38MB    \n',
    );
    expect((await b.run('docker image history myapp:1.0')).stdout).toBe(r.stdout);
  });

  it('has -q, --no-trunc, -H=false and --format', async () => {
    const { b, id } = await bed();
    expect((await b.run('docker history -q myapp:1.0')).stdout).toBe(`${id.slice(7, 19)}\n<missing>\n<missing>\n<missing>\n<missing>\n`);
    const full = await b.run('docker history --no-trunc myapp:1.0');
    expect(full.stdout).toContain(`${id}   2 minutes ago`);
    expect(full.stdout).toContain('RUN /bin/sh -c mkdir -p /app && echo hi > /app/x && echo "a long command line that does not fit" # buildkit');
    const raw = await b.run('docker history -H=false myapp:1.0');
    expect(raw.stdout.split('\n')[0]).toBe('IMAGE          CREATED AT             CREATED BY                                      SIZE      COMMENT');
    expect(raw.stdout).toContain('   2026-11-28T11:58:00Z   COPY app.py /app/ # buildkit                    1170      buildkit');
    expect(raw.stdout).toContain('2024-01-27T00:30:48Z');
    expect((await b.run('docker history --format "{{.ID}}: {{.Size}}" myapp:1.0')).stdout.split('\n')[1]).toBe('<missing>: 1.17kB');
    expect((await b.run('docker history --format "table {{.CreatedBy}}" myapp:1.0')).stdout.split('\n').slice(0, 2)).toEqual(['CREATED BY', 'CMD ["python" "app.py"]']);
  });

  it('answers a missing image and a missing argument as docker does', async () => {
    const { b } = await bed();
    expect(await b.run('docker history nope')).toMatchObject({ exitCode: 1, stdout: '', stderr: 'Error response from daemon: No such image: nope:latest\n' });
    const none = await b.run('docker history');
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toBe('"docker history" requires exactly 1 argument.\nSee \'docker history --help\'.\n\nUsage:  docker history [OPTIONS] IMAGE\n\nShow the history of an image\n');
    expect((await b.run('docker image history')).stderr).toBe('"docker image history" requires exactly 1 argument.\nSee \'docker image history --help\'.\n\nUsage:  docker image history [OPTIONS] IMAGE\n\nShow the history of an image\n');
  });

  it('cuts CREATED BY at 45 display cells like docker/cli Ellipsis', () => {
    expect(ellipsis('x'.repeat(45), 45)).toBe('x'.repeat(45));
    expect(ellipsis('x'.repeat(46), 45)).toBe(`${'x'.repeat(44)}…`);
    expect(ellipsis('日本語'.repeat(10), 10)).toBe('日本語日…');
  });
});
