import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lookup, readFile, type FsTree } from '../fs';
import { createHub, hubImageIdentity } from './create-hub';
import { expandHubLayer } from './expand-layer';
import { HUB_FILES } from './hub-files';
import { loadHubCatalog, type HubSourceFile } from './load-hub';
import { listHubImages } from './resolve-hub-image';

const ROOT = join(__dirname, '../../..');
function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
const DISK_FILES: HubSourceFile[] = listFiles(join(ROOT, 'content/hub'))
  .filter((p) => p.endsWith('.json'))
  .map((p) => ({ path: relative(ROOT, p), text: readFileSync(p, 'utf8') }));

const hub = createHub({ files: DISK_FILES });
const AMD64 = 'linux/amd64';

describe('content/hub data', () => {
  it('passes the schema and the cross-file checks', () => {
    expect(() => loadHubCatalog(DISK_FILES)).not.toThrow();
  });

  it('is bundled completely by HUB_FILES', () => {
    expect(HUB_FILES.map((f) => f.path).sort()).toEqual(DISK_FILES.map((f) => f.path).sort());
    expect(createHub({ files: HUB_FILES }).images().length).toBe(hub.images().length);
  });

  it.each(listHubImages(hub.catalog).map((image) => [`${image.repository}:${image.tag}`, image] as const))(
    '%s: layer sizes add up to the declared total within 2%%',
    (_name, image) => {
      const size = hub.imageSize(image, AMD64);
      const declared = image.size.bytes;
      expect(Math.abs(size - declared)).toBeLessThanOrEqual(declared * 0.02);
    },
  );

  it('has the images the material and the issue name', () => {
    const wanted = ['scratch', 'alpine:3.19', 'alpine:latest', 'ubuntu:20.04', 'ubuntu:22.04', 'debian:bookworm', 'debian:bookworm-slim', 'python:3.9', 'python:3.9-slim', 'python:3.9-alpine', 'node:18', 'node:18-alpine', 'node:18.19.0-alpine3.19', 'golang:1.21', 'golang:1.21-alpine', 'nginx:latest', 'nginx:1.25', 'nginx:1.24', 'nginx:alpine', 'redis:7', 'busybox', 'ghcr.io/company/app:latest', 'gcr.io/myproject/api:v2.3', 'gcr.io/distroless/static-debian12'];
    for (const ref of wanted) expect(hub.find(ref), ref).not.toBeNull();
  });

  it('shares base layers by reference', () => {
    const slim = hub.resolve('debian:bookworm-slim');
    for (const ref of ['python:3.9-slim', 'nginx:1.25', 'redis:7']) expect(hub.resolve(ref).layers[0]?.key).toBe(slim.layers[0]?.key);
    const alpine = hub.resolve('alpine:3.19');
    for (const ref of ['python:3.9-alpine', 'node:18-alpine', 'golang:1.21-alpine', 'ghcr.io/company/app']) expect(hub.resolve(ref).layers[0]?.key).toBe(alpine.layers[0]?.key);
    const scm = hub.resolve('buildpack-deps:bookworm-scm').layers.map((l) => l.key);
    expect(hub.resolve('golang:1.21').layers.slice(0, 3).map((l) => l.key)).toEqual(scm);
    expect(hub.resolve('python:3.9').layers.slice(0, 4).map((l) => l.key)).toEqual(hub.resolve('node:18').layers.slice(0, 4).map((l) => l.key));
    // Same definition, same entries: the shared layer expands identically wherever it is used.
    expect(expandHubLayer(hub.resolve('nginx:1.25').layers[0]!, AMD64)).toEqual(expandHubLayer(slim.layers[0]!, AMD64));
    expect(hub.layerChangeSet(hub.resolve('redis:7').layers[0]!, AMD64)).toBe(hub.layerChangeSet(slim.layers[0]!, AMD64));
  });

  it('resolves aliases to the same image and identity', async () => {
    const pairs = [['alpine:3.19', 'alpine:latest'], ['alpine', 'alpine:3.19.1'], ['node:18-alpine', 'node:18.19.0-alpine3.19'], ['nginx:latest', 'nginx:1.25.3'], ['busybox', 'busybox:1.36.1'], ['python:3.9-slim', 'docker.io/library/python:3.9.18-slim-bookworm']];
    for (const [a, b] of pairs) {
      const [x, y] = [hub.resolve(a!), hub.resolve(b!)];
      expect(`${y.repository}:${y.tag}`).toBe(`${x.repository}:${x.tag}`);
      expect(await hubImageIdentity(y)).toBe(await hubImageIdentity(x));
    }
    expect(await hubImageIdentity(hub.resolve('python:3.9'))).not.toBe(await hubImageIdentity(hub.resolve('python:3.9-slim')));
  });

  it('keeps config, history and layers consistent', () => {
    for (const image of hub.images()) {
      expect(image.history.filter((h) => h.emptyLayer !== true).length, image.tag).toBe(image.layers.length);
      expect(image.platforms).toContain(AMD64);
    }
    const nginx = hub.resolve('nginx');
    expect(nginx.config).toMatchObject({ ExposedPorts: { '80/tcp': {} }, StopSignal: 'SIGQUIT', Cmd: ['nginx', '-g', 'daemon off;'] });
    expect(hub.resolve('golang:1.21').config.WorkingDir).toBe('/go');
    expect(hub.resolve('redis:7').config.ExposedPorts).toEqual({ '6379/tcp': {} });
    expect(hub.resolve('python:3.9-slim').installed.compilers).toEqual({});
    expect(hub.resolve('python:3.9').installed.compilers.gcc).toBe('12.2.0');
  });

  it('gives a learner real files to read', () => {
    const alpine = hub.rootfs(hub.resolve('alpine'), AMD64);
    expect(fileText(alpine, 'etc/alpine-release')).toBe('3.19.1\n');
    const node = hub.rootfs(hub.resolve('node:18-alpine'), AMD64);
    expect(fileText(node, 'etc/passwd')).toContain('node:x:1000:1000');
    expect(fileText(node, 'lib/apk/db/installed')).toContain('P:libstdc++');
    expect(fileText(node, 'lib/apk/db/installed')).toContain('P:musl');
  });
});

function fileText(tree: FsTree, path: string): string {
  const content = readFile(tree, `/${path}`);
  return content.kind === 'bytes' ? new TextDecoder().decode(content.bytes) : `<synthetic ${content.size}>`;
}

describe('commands a RUN line needs', () => {
  // RUN finds commands on PATH in the image, as a real shell does: every image with a shell must
  // carry the everyday tools by name (GNU coreutils on Debian/Ubuntu, busybox applets on Alpine).
  const EVERYDAY = ['sh', 'echo', 'cat', 'ls', 'mkdir', 'rm', 'cp', 'mv', 'ln', 'chmod', 'chown', 'touch', 'grep', 'sed', 'find', 'tar', 'gzip', 'head', 'tail', 'sort', 'wc', 'test', 'printf', 'sleep', 'env'];
  const PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

  it.each(['alpine:3.19', 'busybox', 'ubuntu:20.04', 'ubuntu:22.04', 'debian:bookworm-slim', 'debian:bookworm', 'python:3.9-slim', 'node:18-alpine', 'nginx:1.24', 'redis:7'])('%s', (ref) => {
    const tree = hub.rootfs(hub.resolve(ref), AMD64);
    const missing = EVERYDAY.filter((name) => !PATH.some((dir) => lookup(tree, `${dir}/${name}`) !== undefined));
    expect(missing).toEqual([]);
  });
});
