import { describe, expect, it } from 'vitest';
import { wasmSha256 } from '@/lib/util';
import { readFile } from '../fs';
import { createHub, HUB_FILES } from '../hub';
import { parseGoBinarySeed } from '../packages';
import { createHubImageSource } from './hub-source';
import { createHarness as createBareHarness, node, text, type Harness } from './test-helpers';

/**
 * RUN over the hub's base images: what each image has decides what runs (the PATH resolver
 * demands the binary), and the package commands act on the layer like the real tools.
 */
const source = createHubImageSource(createHub({ files: HUB_FILES }), wasmSha256);
const createHarness = (): Harness => createBareHarness(source);

function logs(h: Harness): string[] {
  return h.events.flatMap((e) => (e.type === 'vertex-log' ? [e.text] : []));
}

const GO_MOD = 'module example.com/server\n\ngo 1.21\n\nrequire github.com/gin-gonic/gin v1.9.1\n';
const MAIN_GO = 'package main\n\nimport (\n\t"net/http"\n\n\t"github.com/gin-gonic/gin"\n)\n\nfunc main() {\n\tr := gin.Default()\n\tr.GET("/", func(c *gin.Context) { c.String(http.StatusOK, "hi") })\n\tr.Run(":8080")\n}\n';

describe('build: RUN on hub images', () => {
  it('alpine has busybox but no bash: 127 with dash-style "not found"', async () => {
    const h = createHarness();
    expect(await h.fail('FROM alpine:3.19\nRUN bash -c true\n')).toBe('process "/bin/sh -c bash -c true" did not complete successfully: exit code: 127');
    expect(logs(h)).toContain('/bin/sh: 1: bash: not found');
    expect(await h.fail('FROM alpine:3.19\nRUN curl -fsSL https://example.com/\n')).toMatch(/exit code: 127$/);
    expect(await h.fail('FROM alpine:3.19\nRUN apt-get update\n')).toMatch(/exit code: 127$/);
  });

  it('scratch has nothing and cannot RUN', async () => {
    const h = createHarness();
    expect(await h.fail('FROM scratch\nRUN true\n')).toBe(
      'process "/bin/sh -c true" did not complete successfully: runc run failed: unable to start container process: error during container init: exec: "/bin/sh": stat /bin/sh: no such file or directory',
    );
  });

  it('python:3.9-slim has no compiler', async () => {
    const h = createHarness();
    expect(await h.fail('FROM python:3.9-slim\nRUN gcc --version\n')).toBe('process "/bin/sh -c gcc --version" did not complete successfully: exit code: 127');
    expect(logs(h)).toContain('/bin/sh: 1: gcc: not found');
  });

  it("alpine's busybox wget and adduser -D work; the user is in /etc/passwd", async () => {
    const h = createHarness();
    const r = await h.run('FROM alpine:3.19\nRUN wget -q -O /tmp/index.html https://example.com/ && addgroup -S app && adduser -S -D -G app app\n');
    const tree = await h.tree(r.imageId);
    expect(text(tree, '/tmp/index.html')).toContain('Example Domain');
    expect(text(tree, '/etc/passwd')).toMatch(/\napp:x:100:101:Linux User,,,:\/home\/app:\/sbin\/nologin\n$/);
    expect(text(tree, '/etc/group')).toMatch(/\napp:x:101:\n$/);
  });

  it("debian's useradd -m writes passwd, group, shadow and the home directory", async () => {
    const h = createHarness();
    const r = await h.run('FROM debian:bookworm-slim\nRUN useradd -m -s /bin/bash app\n');
    const tree = await h.tree(r.imageId);
    expect(text(tree, '/etc/passwd')).toContain('\napp:x:1000:1000::/home/app:/bin/bash\n');
    expect(text(tree, '/etc/shadow')).toContain('\napp:!:19732:0:99999:7:::\n');
    expect(node(tree, '/home/app')).toMatchObject({ kind: 'dir', uid: 1000, gid: 1000 });
    expect(await h.fail('FROM debian:bookworm-slim\nRUN useradd app && useradd app\n')).toMatch(/exit code: 9$/);
    expect(logs(h)).toContain("useradd: user 'app' already exists");
  });

  it("the material's Go multi-stage build: a static binary of gin's size on alpine", async () => {
    const h = createHarness();
    const dockerfile =
      'FROM golang:1.21 AS builder\nWORKDIR /app\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN CGO_ENABLED=0 GOOS=linux go build -o server\n\n' +
      'FROM alpine:3.19\nWORKDIR /app\nCOPY --from=builder /app/server .\nCMD ["./server"]\n';
    const r = await h.run(dockerfile, { 'go.mod': GO_MOD, 'go.sum': '', 'main.go': MAIN_GO });
    const tree = await h.tree(r.imageId);
    const binary = readFile(tree, '/app/server');
    expect(binary.kind).toBe('synthetic');
    const seed = binary.kind === 'synthetic' ? binary.seed : '';
    expect(parseGoBinarySeed(seed)).toMatchObject({ linkage: 'static', libc: 'none', goos: 'linux' });
    const size = binary.kind === 'synthetic' ? binary.size : 0;
    expect(size / 1e6).toBeGreaterThan(9);
    expect(size / 1e6).toBeLessThan(12);
    // Alpine (~7.4 MB) plus the binary: within the material's "15 MB" ±25%.
    const total = r.layers.reduce((n, l) => n + l.size, 0);
    expect(total / 1e6).toBeGreaterThan(15 * 0.75);
    expect(total / 1e6).toBeLessThan(15 * 1.25);
  });

  it('without CGO_ENABLED=0 on golang:1.21 (gcc present) a net program links glibc dynamically', async () => {
    const h = createHarness();
    const r = await h.run('FROM golang:1.21\nWORKDIR /app\nCOPY . .\nRUN go build -o server . && go version\n', { 'go.mod': GO_MOD, 'main.go': MAIN_GO });
    const binary = readFile(await h.tree(r.imageId), '/app/server');
    expect(parseGoBinarySeed(binary.kind === 'synthetic' ? binary.seed : '')).toMatchObject({ linkage: 'dynamic', libc: 'glibc' });
    expect(logs(h)).toContain('go version go1.21.6 linux/amd64');
    expect(logs(h)).toContain('go: downloading github.com/gin-gonic/gin v1.9.1');
  });
});
