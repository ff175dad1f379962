import { describe, expect, it } from 'vitest';
import { createMemoryFs } from '@/lib/shell';
import type { DockerCommand } from '../docker/command';
import { complete, flagsOf, listDirOf, type CompletionEnv } from './completion';

const command = (path: string[], usage = ''): DockerCommand => ({ path, summary: '', usage, run: async () => 0 });
const IMAGES_USAGE = 'Usage:  docker images [OPTIONS]\n\nOptions:\n  -a, --all             Show all images\n      --digests         Show digests\n  -f, --filter filter   Filter output\n  -q, --quiet           Only show image IDs\n';

async function env(): Promise<CompletionEnv> {
  const fs = createMemoryFs();
  await fs.mkdir('/workspace/myapp/src', { recursive: true });
  await fs.writeFile('/workspace/myapp/Dockerfile', 'FROM alpine\n');
  await fs.writeFile('/workspace/myapp/.env', 'X=1\n');
  await fs.writeFile('/workspace/nginx.tar', '');
  return {
    commands: ['docker', 'ls', 'jq', 'cat', 'curl'],
    dockerCommands: [command(['images'], IMAGES_USAGE), command(['image', 'ls'], IMAGES_USAGE), command(['image', 'prune']), command(['rmi']), command(['run']), command(['stop']), command(['build']), command(['save'], 'Options:\n  -o, --output string   Write to a file\n')],
    images: async () => ['nginx:latest', 'nginx:1.25', 'myapp:1.0'],
    containers: async () => ['web', 'worker'],
    listDir: listDirOf(fs),
    cwd: '/workspace',
    home: '/workspace',
  };
}

describe('complete', () => {
  it('completes command names first on a line and after a pipe', async () => {
    expect(await complete('c', 1, await env())).toMatchObject({ start: 0, candidates: ['cat', 'cd', 'command', 'curl'], common: 'c' });
    expect(await complete('docker images | j', 17, await env())).toMatchObject({ start: 16, candidates: ['jq'], common: 'jq', complete: true });
  });

  it('completes docker subcommands, groups and flags read from the usage text', async () => {
    expect((await complete('docker i', 8, await env())).candidates).toEqual(['image', 'images']);
    expect((await complete('docker image ', 13, await env())).candidates).toEqual(['ls', 'prune']);
    expect((await complete('docker images --d', 17, await env())).candidates).toEqual(['--digests']);
    expect((await complete('docker image ls -', 17, await env())).candidates).toEqual(['--all', '--digests', '--filter', '--help', '--quiet', '-a', '-f', '-q']);
  });

  it('completes images and containers where docker takes them', async () => {
    expect(await complete('docker rmi nginx:', 17, await env())).toMatchObject({ candidates: ['nginx:1.25', 'nginx:latest'], common: 'nginx:' });
    expect((await complete('docker run -it m', 16, await env())).candidates).toEqual(['myapp:1.0']);
    expect((await complete('docker stop w', 13, await env())).candidates).toEqual(['web', 'worker']);
  });

  it('completes paths, directories with a slash, hidden files only when asked', async () => {
    expect(await complete('cat myapp/', 10, await env())).toMatchObject({ start: 4, candidates: ['myapp/Dockerfile', 'myapp/src/'] });
    expect((await complete('cat myapp/.', 11, await env())).candidates).toEqual(['myapp/.env']);
    expect(await complete('cd my', 5, await env())).toMatchObject({ candidates: ['myapp/'], common: 'myapp/', complete: false });
    expect((await complete('docker save nginx -o ng', 23, await env())).candidates).toEqual(['nginx.tar']);
    expect((await complete('docker build my', 15, await env())).candidates).toEqual(['myapp/']);
  });

  it('finds nothing where nothing fits', async () => {
    expect(await complete('zz', 2, await env())).toMatchObject({ candidates: [], common: 'zz' });
  });

  it('reads flags from cobra usage lines', () => {
    expect(flagsOf(IMAGES_USAGE)).toEqual(['-a', '--all', '--digests', '-f', '--filter', '-q', '--quiet']);
  });
});
