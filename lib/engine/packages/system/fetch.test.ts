import { describe, expect, it } from 'vitest';
import { runPackages } from '../shared/test-helpers';

const ALPINE = { '/bin/busybox': { content: 'ELF', mode: 0o755 }, '/usr/bin/wget': { symlink: '/bin/busybox' } };
const DEBIAN = { '/usr/bin/wget': { content: 'ELF', mode: 0o755 }, '/usr/bin/curl': { content: 'ELF', mode: 0o755 } };

describe('curl', () => {
  it('-o and -O save catalog bodies at their real size; -s is quiet; -L follows redirects', async () => {
    const r = await runPackages('cd /tmp && curl -sSLO https://bootstrap.pypa.io/get-pip.py && curl -fsSL -o go.tgz https://go.dev/dl/go1.21.6.linux-amd64.tar.gz', DEBIAN);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.synthetic.get('/tmp/get-pip.py')?.size).toBe(2636033);
    expect(r.synthetic.get('/tmp/go.tgz')).toMatchObject({ size: 66719861, seed: 'url:https://dl.google.com/go/go1.21.6.linux-amd64.tar.gz' });
    // 69 MB over the default 20 MB/s.
    expect(r.simulatedSeconds).toBeCloseTo((2636033 + 66719861) / 20e6, 5);
  });

  it('prints text bodies to stdout, so `curl | sh` runs the script', async () => {
    const r = await runPackages('curl -fsSL https://raw.githubusercontent.com/layerlab/examples/main/hello.sh | sh', DEBIAN);
    expect(r.stdout).toBe('hello from a downloaded script\n');
  });

  it('fails like curl: 6 unresolved, 22 with -f on 404, 23 unwritable, silent with -s', async () => {
    const r = await runPackages(
      'curl https://nope.invalid/x; echo $?; curl -s https://nope.invalid/x; echo $?; curl -sf https://example.com/missing; echo $?; curl -fsS https://example.com/missing; echo $?; curl -s -o /no/dir/f https://example.com/; echo $?; curl; echo $?',
      DEBIAN,
    );
    expect(r.stdout).toBe('6\n6\n22\n22\n23\n2\n');
    expect(r.stderr).toContain('curl: (6) Could not resolve host: nope.invalid\n');
    expect(r.stderr).toContain('curl: (22) The requested URL returned error: 404\n');
  });
});

describe('wget', () => {
  it('GNU wget logs and saves; unresolved host exits 4, 404 exits 8', async () => {
    const ok = await runPackages('cd /tmp && wget https://bootstrap.pypa.io/get-pip.py', DEBIAN);
    expect(ok.exitCode).toBe(0);
    expect(ok.stderr).toContain("Length: 2636033 (2.5M) [text/x-python]\nSaving to: 'get-pip.py'");
    expect(ok.synthetic.get('/tmp/get-pip.py')?.size).toBe(2636033);
    const bad = await runPackages('wget -q http://x.invalid/; echo $?; wget -q https://example.com/none; echo $?', DEBIAN);
    expect(bad.stdout).toBe('4\n8\n');
    expect(bad.stderr).toContain("wget: unable to resolve host address 'x.invalid'\n");
  });

  it('busybox wget: -qO- to stdout, terse errors with exit 1', async () => {
    const r = await runPackages('wget -qO- https://example.com/ | grep -c Example; wget -q http://x.invalid/; echo $?', ALPINE);
    expect(r.stdout).toBe('2\n1\n');
    expect(r.stderr).toBe("wget: bad address 'x.invalid'\n");
  });
});
