import { describe, expect, it } from 'vitest';
import { runPackages } from '../shared/test-helpers';
import { canStartGoBinary, parseGoBinarySeed } from './go-binary-marker';

const GO_MOD = 'module example.com/app\n\ngo 1.21\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.9.1\n\tgithub.com/spf13/cobra v1.8.0 // indirect\n)\n';
const HELLO = 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hi") }\n';
const GIN = 'package main\n\nimport (\n\t"net/http"\n\tg "github.com/gin-gonic/gin"\n)\n\nfunc main() { _ = g.Default(); _ = http.StatusOK }\n';
const GO_ENV = { GOPATH: '/go', PATH: '/usr/local/go/bin:/usr/bin:/bin' };

describe('go', () => {
  it('version and env read the toolchain and GOPATH', async () => {
    const r = await runPackages('go version && go env GOPATH GOMODCACHE && go frob', { '/usr/local/go/VERSION': 'go1.21.6\ntime x\n' }, GO_ENV);
    expect(r.stdout).toBe('go version go1.21.6 linux/amd64\n/go\n/go/pkg/mod\n');
    expect(r.stderr).toBe("go frob: unknown command\nRun 'go help' for usage.\n");
    expect(r.exitCode).toBe(2);
  });

  it('mod download fills the module cache with catalog sizes, once', async () => {
    const r = await runPackages('cd /app && go mod download && go mod verify', { '/app/go.mod': GO_MOD }, GO_ENV);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('all modules verified\n');
    expect(r.synthetic.get('/go/pkg/mod/cache/download/github.com/gin-gonic/gin/@v/v1.9.1.zip')?.size).toBe(420000);
    const ginBytes = [...r.synthetic].filter(([p]) => p.startsWith('/go/pkg/mod/github.com/gin-gonic/gin@v1.9.1/')).reduce((n, [, s]) => n + s.size, 0);
    expect(ginBytes).toBe(1100000);
    // cobra's requirement (pflag) is completed from the catalog; sonic comes with gin.
    expect(await r.fs.exists('/go/pkg/mod/github.com/spf13/pflag@v1.0.5')).toBe(true);
    expect(await r.fs.exists('/go/pkg/mod/github.com/bytedance/sonic@v1.9.1')).toBe(true);
  });

  it('fails like go: no go.mod, unknown module, import without a requirement', async () => {
    const none = await runPackages('cd /tmp && go mod download', {}, GO_ENV);
    expect(none.stderr).toBe("go: go.mod file not found in current directory or any parent directory; see 'go help modules'\n");
    expect(none.exitCode).toBe(1);
    const unknown = await runPackages('cd /app && go mod download', { '/app/go.mod': 'module m\n\nrequire github.com/nope/nope v1.0.0\n' }, GO_ENV);
    expect(unknown.stderr).toMatch(/^go: github.com\/nope\/nope@v1.0.0: reading https:\/\/proxy.golang.org\/github.com\/nope\/nope\/@v\/v1.0.0.mod: 404 Not Found/);
    const missing = await runPackages('cd /app && go build', { '/app/go.mod': 'module m\n', '/app/main.go': GIN }, GO_ENV);
    expect(missing.stderr).toBe('main.go:5:2: no required module provides package github.com/gin-gonic/gin; to add it:\n\tgo get github.com/gin-gonic/gin\n');
    expect(missing.exitCode).toBe(1);
    const empty = await runPackages('cd /app && go build', { '/app/go.mod': 'module m\n' }, GO_ENV);
    expect(empty.stderr).toBe('no Go files in /app\n');
  });

  it('a hello world is ~1.8 MB and static; -s -w strips it', async () => {
    const r = await runPackages('cd /app && go build -o hello . && go build -ldflags="-s -w" -o small', { '/app/go.mod': 'module example.com/hello\n', '/app/main.go': HELLO }, GO_ENV);
    expect(r.exitCode).toBe(0);
    const hello = r.synthetic.get('/app/hello');
    expect(hello?.mode).toBe(0o755);
    expect(Math.round((hello?.size ?? 0) / 1e5) / 10).toBe(1.8);
    expect(parseGoBinarySeed(hello?.seed ?? '')).toMatchObject({ linkage: 'static', libc: 'none' });
    expect(r.synthetic.get('/app/small')?.size).toBeLessThan((hello?.size ?? 0) * 0.75);
  });

  it('cgo follows gcc on PATH: a net program links the image libc unless CGO_ENABLED=0', async () => {
    const seed = { '/app/go.mod': GO_MOD, '/app/main.go': GIN, '/usr/bin/gcc': { content: 'ELF', mode: 0o755 }, '/etc/debian_version': '12.4\n' };
    const r = await runPackages('cd /app && go build -o dyn && CGO_ENABLED=0 go build -o static ./...', seed, GO_ENV);
    expect(r.exitCode).toBe(0);
    const dyn = parseGoBinarySeed(r.synthetic.get('/app/dyn')?.seed ?? '');
    expect(dyn).toMatchObject({ linkage: 'dynamic', libc: 'glibc' });
    expect(dyn && canStartGoBinary(dyn, 'musl')).toMatchObject({ ok: false });
    expect(dyn && canStartGoBinary(dyn, 'glibc')).toEqual({ ok: true });
    const stat = parseGoBinarySeed(r.synthetic.get('/app/static')?.seed ?? '');
    expect(stat && canStartGoBinary(stat, null)).toEqual({ ok: true });
    const size = r.synthetic.get('/app/static')?.size ?? 0;
    expect(size / 1e6).toBeGreaterThan(9.5);
    expect(size / 1e6).toBeLessThan(11.5);
    // go build downloaded what go mod download had not: the log says so.
    expect(r.stderr).toContain('go: downloading github.com/gin-gonic/gin v1.9.1\n');
    expect(r.simulatedSeconds).toBeGreaterThan(10);
  });

  it('bad flags fail like the flag package', async () => {
    const r = await runPackages('go build -frob', {}, GO_ENV);
    expect(r.stderr).toBe("flag provided but not defined: -frob\nusage: go build [-o output] [build flags] [packages]\nRun 'go help build' for details.\n");
    expect(r.exitCode).toBe(2);
  });
});
