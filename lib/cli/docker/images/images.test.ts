import { describe, expect, it } from 'vitest';
import { refKey } from '@/lib/engine';
import { createDockerTestbed, TESTBED_START } from '../testbed';
import { seedImage } from './test-support';

const minutesAgo = (m: number) => new Date(TESTBED_START - m * 60_000).toISOString();

async function bedWithImages() {
  const bed = await createDockerTestbed();
  const app = await seedImage(bed.store, { files: { 'app.py': 'x'.repeat(12_300_000) }, tags: ['myapp:latest'], created: minutesAgo(2) });
  const base = await seedImage(bed.store, { files: { 'rootfs.bin': 'y'.repeat(7_800_000) }, tags: ['alpine:3.20'], created: minutesAgo(60 * 24 * 21) });
  return { bed, app, base };
}

describe('docker images', () => {
  it('prints the classic table, newest first, with tabwriter spacing', async () => {
    const { bed, app, base } = await bedWithImages();
    const r = await bed.run('docker images');
    expect(r).toMatchObject({ exitCode: 0, stderr: '' });
    expect(r.stdout).toBe(
      'REPOSITORY   TAG       IMAGE ID       CREATED         SIZE\n' +
        `myapp        latest    ${app.slice(7, 19)}   2 minutes ago   12.3MB\n` +
        `alpine       3.20      ${base.slice(7, 19)}   3 weeks ago     7.8MB\n`,
    );
    expect((await bed.run('docker image ls')).stdout).toBe(r.stdout);
    expect((await bed.run('docker image list')).stdout).toBe(r.stdout);
  });

  it('shows one row per tag, <none> rows for untagged images, and -q / --no-trunc IDs', async () => {
    const { bed, app } = await bedWithImages();
    await bed.run('true');
    await bed.store.write((tx) => tx.put('refs', refKey('myapp:1.0'), { imageId: app }));
    const dangling = await seedImage(bed.store, { files: { old: 'o' }, created: minutesAgo(1) });
    const r = await bed.run('docker images');
    expect(r.stdout.split('\n').slice(1, 4)).toEqual([
      `<none>       <none>    ${dangling.slice(7, 19)}   About a minute ago   1B`,
      `myapp        1.0       ${app.slice(7, 19)}   2 minutes ago        12.3MB`,
      `myapp        latest    ${app.slice(7, 19)}   2 minutes ago        12.3MB`,
    ]);
    expect((await bed.run('docker images -q')).stdout).toBe(`${dangling.slice(7, 19)}\n${app.slice(7, 19)}\n${app.slice(7, 19)}\n${(await bed.run('docker images -q alpine')).stdout}`);
    expect((await bed.run('docker images -q | wc -l')).stdout.trim()).toBe('4');
    expect((await bed.run('docker images --no-trunc -q myapp:1.0')).stdout).toBe(`${app}\n`);
    expect((await bed.run('docker images -aq --filter dangling=true')).stdout).toBe(`${dangling.slice(7, 19)}\n`);
    expect((await bed.run('docker images -q --filter dangling=false')).stdout).not.toContain(dangling.slice(7, 19));
  });

  it('filters by reference glob, positional name, label, before and since', async () => {
    const { bed, app, base } = await bedWithImages();
    const nginx = await seedImage(bed.store, { files: { n: 'n' }, tags: ['nginx:1.25', 'registry.company.com/nginx:1.25'], created: minutesAgo(30), labels: { tier: 'web' } });
    const q = async (line: string) => (await bed.run(line)).stdout.trim().split('\n').filter(Boolean);
    expect(await q('docker images -q --filter "reference=nginx*"')).toEqual([nginx.slice(7, 19)]);
    expect(await q('docker images --format "{{.Repository}}" --filter reference=nginx')).toEqual(['nginx']);
    expect(await q('docker images -q myapp')).toEqual([app.slice(7, 19)]);
    expect(await q('docker images -q --filter label=tier | uniq')).toEqual([nginx.slice(7, 19)]);
    expect(await q('docker images --format "{{.Repository}}:{{.Tag}}" --filter label=tier')).toEqual(['nginx:1.25', 'registry.company.com/nginx:1.25']);
    expect(await q('docker images -q --filter label=tier=db')).toEqual([]);
    expect(await q('docker images -q --filter before=nginx:1.25')).toEqual([base.slice(7, 19)]);
    expect(await q('docker images -q --filter since=nginx:1.25')).toEqual([app.slice(7, 19)]);
    expect(await q('docker images -q --filter until=1h')).toEqual([base.slice(7, 19)]);
    // Literal characters a regex would treat specially: `-` and `.` (in and out of classes).
    await bed.run('docker tag myapp:latest my-app:v1.0-rc && docker tag myapp:latest my-app:v1x0');
    expect(await q('docker images --format "{{.Tag}}" my-app:v1.0-rc')).toEqual(['v1.0-rc']);
    expect(await q('docker images --format "{{.Tag}}" --filter "reference=my-app:v1.0*"')).toEqual(['v1.0-rc']);
    expect(await q('docker images --format "{{.Tag}}" --filter "reference=my-app:v1[.]0*"')).toEqual(['v1.0-rc']);
    expect(await q('docker images --format "{{.Tag}}" --filter "reference=my-app:v1[^.]0"')).toEqual(['v1x0']);
    expect(await q('docker images --format "{{.Tag}}" --filter "reference=my-app:v1[a-z]0"')).toEqual(['v1x0']);
  });

  it('shows digests with --digests', async () => {
    const { bed, app } = await bedWithImages();
    const digest = `sha256:${'ab'.repeat(32)}`;
    await bed.store.write((tx) => tx.put('refs', refKey(`myapp@${digest}`), { imageId: app }));
    const r = await bed.run('docker images --digests myapp');
    expect(r.stdout).toBe(
      'REPOSITORY   TAG       DIGEST                                                                    IMAGE ID       CREATED         SIZE\n' +
        `myapp        latest    ${digest}   ${app.slice(7, 19)}   2 minutes ago   12.3MB\n`,
    );
  });

  it('answers bad filters and arguments in docker’s words', async () => {
    const { bed } = await bedWithImages();
    expect(await bed.run('docker images --filter foo')).toMatchObject({
      exitCode: 125,
      stderr: 'invalid argument "foo" for "-f, --filter" flag: bad format of filter (expected name=value)\nSee \'docker images --help\'.\n',
    });
    expect(await bed.run('docker images --filter foo=bar')).toMatchObject({ exitCode: 1, stderr: "Error response from daemon: invalid filter 'foo'\n" });
    expect(await bed.run('docker images --filter dangling=maybe')).toMatchObject({ exitCode: 1, stderr: "Error response from daemon: invalid filter 'dangling=[maybe]'\n" });
    expect(await bed.run('docker images --filter before=ghost')).toMatchObject({ exitCode: 1, stderr: 'Error response from daemon: No such image: ghost:latest\n' });
    expect(await bed.run('docker images --filter until=soon')).toMatchObject({ exitCode: 1, stderr: 'Error response from daemon: failed to parse value as time or duration: "soon"\n' });
    expect((await bed.run('docker images a b')).stderr).toContain('"docker images" requires at most 1 argument.');
    expect((await bed.run('docker images --help')).stdout).toContain('  -f, --filter filter   Filter output based on conditions provided\n      --format string   Format output using a custom template:\n                        \'table\':');
  });

  it('renders --format templates, tables and json', async () => {
    const { bed, app } = await bedWithImages();
    expect((await bed.run('docker images --format "table {{.Repository}}\\t{{.Tag}}\\t{{.Size}}"')).stdout).toBe(
      'REPOSITORY   TAG       SIZE\nmyapp        latest    12.3MB\nalpine       3.20      7.8MB\n',
    );
    expect((await bed.run('docker images --format "{{.Repository}}:{{.Tag}}: {{.Size}}"')).stdout).toBe('myapp:latest: 12.3MB\nalpine:3.20: 7.8MB\n');
    const json = (await bed.run('docker images --format json myapp')).stdout;
    expect(json).toBe(
      `{"Containers":"N/A","CreatedAt":"2026-11-28 11:58:00 +0000 UTC","CreatedSince":"2 minutes ago","Digest":"<none>","ID":"${app.slice(7, 19)}","Repository":"myapp","SharedSize":"N/A","Size":"12.3MB","Tag":"latest","UniqueSize":"N/A"}\n`,
    );
    expect(await bed.run('docker images --format "{{.Foo}}"')).toMatchObject({
      exitCode: 1,
      stdout: '',
      stderr: 'template parsing error: template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.imageContext\n',
    });
  });
});
