import { describe, expect, it } from 'vitest';
import { createMemoryFs } from '../fs/memory-fs';
import { readText, sh } from '../test-helpers';
import { lsTime } from './ls';

const passwd = { '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n', '/etc/group': 'root:x:0:\napp:x:1000:\n' };

describe('echo and printf', () => {
  it.each([
    ['echo -n a; echo b', 'ab\n'],
    ['env echo -e "a\\tb"', 'a\tb\n'],
    ['env echo -E "a\\tb"', 'a\\tb\n'],
    ['printf "%s|%5s|%-3s|\\n" x y z', 'x|    y|z  |\n'],
    ['printf "%03d %x %o %e\\n" 7 255 8 1.5', '007 ff 10 1.500000e+00\n'],
    ['printf "%s\\n" a b c', 'a\nb\nc\n'],
    ['printf "%%\\n"', '%\n'],
  ])('%s', async (script, stdout) => {
    expect((await sh(script)).stdout).toBe(stdout);
  });
});

describe('file commands', () => {
  it('mkdir -p -m, rm -r -f, touch', async () => {
    const r = await sh('mkdir -p /a/b/c && mkdir -m 700 /a/m && ls -ld /a/m; touch /a/b/f; rm /a/b 2>&1; rm -r /a/b; ls /a; rm -f /nope; echo $?; rm -rf /a; ls /a 2>&1', passwd);
    expect(r.stdout).toBe("drwx------ 2 root root 4096 Jan  1  1970 /a/m\nrm: cannot remove '/a/b': Is a directory\nm\n0\nls: cannot access '/a': No such file or directory\n");
  });
  it('rm refuses / without --no-preserve-root', async () => {
    const r = await sh('rm -rf /');
    expect(r).toMatchObject({ exitCode: 1, stderr: "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n" });
  });
  it('cp -r, cp -a, cp into a directory, cp src/. dst', async () => {
    const r = await sh('cp /src/a /dst/; cp -r /src /copy; cp -r /src/. /dst; cp -a /src /arch; ls /dst /copy; ls -l /arch/a; cp /src /x', { ...passwd, '/src/a': 'A', '/src/sub/b': 'B', '/dst/': '' });
    expect(r.stdout).toBe('/copy:\na\nsub\n\n/dst:\na\nsub\n-rw-r--r-- 1 root root 1 Jan  1  1970 /arch/a\n');
    expect(r.stderr).toBe("cp: -r not specified; omitting directory '/src'\n");
    expect(await readText(r.fs, '/dst/sub/b')).toBe('B');
  });
  it('mv renames and moves into directories', async () => {
    const r = await sh('mv /a /b; mv /b /d/; ls /d; mv /nope /x', { '/a': 'x', '/d/': '' });
    expect(r.stdout).toBe('b\n');
    expect(r.stderr).toBe("mv: cannot stat '/nope': No such file or directory\n");
  });
  it('ln -s and -sf', async () => {
    const r = await sh('ln -s /etc/target /link; ln -s /other /link 2>&1; ln -sf /other /link; readlink_=$(ls -l /link); echo "${readlink_##* }"', { '/etc/target': '' });
    expect(r.stdout).toBe("ln: failed to create symbolic link '/link': File exists\n/other\n");
  });
  it('chmod octal, symbolic, -R, and modes that look like options', async () => {
    const r = await sh('chmod 600 /d/f; ls -l /d/f; chmod u+x,go+r /d/f; ls -l /d/f; chmod -R 750 /d; ls -ld /d; chmod -x /d/f; ls -l /d/f; chmod bad /d/f', { ...passwd, '/d/f': '' });
    expect(r.stdout).toBe(
      '-rw------- 1 root root 0 Jan  1  1970 /d/f\n-rwxr--r-- 1 root root 0 Jan  1  1970 /d/f\ndrwxr-x--- 2 root root 4096 Jan  1  1970 /d\n-rw-r----- 1 root root 0 Jan  1  1970 /d/f\n',
    );
    expect(r.stderr).toBe("chmod: invalid mode: 'bad'\n");
  });
  it('chown by name, numeric and -R', async () => {
    const r = await sh('chown -R app:app /d; ls -ln /d; chown 5:6 /d/f; ls -n /d; chown nobody /d', { ...passwd, '/d/f': '' });
    expect(r.stdout).toBe('total 0\n-rw-r--r-- 1 1000 1000 0 Jan  1  1970 f\ntotal 0\n-rw-r--r-- 1 5 6 0 Jan  1  1970 f\n');
    expect(r.stderr).toBe("chown: invalid user: 'nobody'\n");
  });
  it('ls -l gives recent times as hour:minute and older or future ones with the year, as GNU', () => {
    const now = Date.UTC(2026, 10, 28, 16, 41) / 1000;
    expect(lsTime(now - 60, now)).toBe('Nov 28 16:40');
    expect(lsTime(Date.UTC(2026, 5, 2, 9, 5) / 1000, now)).toBe('Jun  2 09:05');
    expect(lsTime(Date.UTC(2026, 4, 1) / 1000, now)).toBe('May  1  2026');
    expect(lsTime(now + 3600, now)).toBe('Nov 28  2026');
    // No clock (a build): the year form, so logs stay the same from build to build.
    expect(lsTime(now - 60, null)).toBe('Nov 28  2026');
  });
  it('ls -l reads the clock from SOURCE_DATE_EPOCH', async () => {
    const r = await sh('ls -l /d', { '/d/f': '' }, { env: { PATH: '/bin', SOURCE_DATE_EPOCH: String(24 * 3600) } });
    expect(r.stdout).toBe('total 0\n-rw-r--r-- 1 0 0 0 Jan  1 00:00 f\n');
  });
  it('ls -l -a -h -1 -R', async () => {
    const r = await sh('ls -lh /d; ls -a1 /d; ls -R /d', { ...passwd, '/d/big': new Uint8Array(150 * 1024 * 1024), '/d/s/x': 'x' });
    expect(r.stdout).toBe('total 151M\n-rw-r--r-- 1 root root 150M Jan  1  1970 big\ndrwxr-xr-x 2 root root 4.0K Jan  1  1970 s\n.\n..\nbig\ns\n/d:\nbig\ns\n\n/d/s:\nx\n');
  });
});

describe('text commands', () => {
  const seed = { '/f': 'one\ntwo\nthree\nfour\n', '/n': '10\n9\n2\n10\n' };
  it.each([
    ['head -n 2 /f', 'one\ntwo\n'],
    ['head -1 /f', 'one\n'],
    ['tail -n 1 /f', 'four\n'],
    ['tail -n +3 /f', 'three\nfour\n'],
    ['wc -l /f', '4 /f\n'],
    ['wc -c < /f', '19\n'],
    ['wc -w /f /n', ' 4 /f\n 4 /n\n 8 total\n'],
    ['sort /n', '10\n10\n2\n9\n'],
    ['sort -n /n', '2\n9\n10\n10\n'],
    ['sort -rn -u /n', '10\n9\n2\n'],
    ['sort /n | uniq -c', '      2 10\n      1 2\n      1 9\n'],
    ['echo a:b:c:d | cut -d: -f2,4', 'b:d\n'],
    ['echo abcdef | cut -c2-4', 'bcd\n'],
    ['echo hello | tr a-z A-Z', 'HELLO\n'],
    ['echo "a  b" | tr -s " "', 'a b\n'],
    ['grep -n t /f', '2:two\n3:three\n'],
    ['grep -v -c t /f', '2\n'],
    ['grep -i ONE /f', 'one\n'],
    ['grep -E "^(one|four)$" /f', 'one\nfour\n'],
    ['grep "^t\\(w\\|h\\)" /f', 'two\nthree\n'],
    ['grep -q four /f && echo found', 'found\n'],
    ['grep -r x /d', '/d/a:x\n'],
    ['sed "s/o/0/g" /f | head -n 2', '0ne\ntw0\n'],
    ['sed -n "2p;4p" /f', 'two\nfour\n'],
    ['sed "1d;/three/d" /f', 'two\nfour\n'],
    ['sed -E "s/(t)(w)/\\2\\1/" /f | sed -n 2p', 'wto\n'],
    ['sed "2,3d" /f', 'one\nfour\n'],
    ['sed "/two/a after" /f | head -n 3', 'one\ntwo\nafter\n'],
  ])('%s', async (script, stdout) => {
    expect((await sh(script, { ...seed, '/d/a': 'x\n', '/d/b': 'y\n' })).stdout).toBe(stdout);
  });
  it('grep exit codes: 0 match, 1 none, 2 error', async () => {
    const r = await sh('grep one /f; echo $?; grep zzz /f; echo $?; grep x /nope; echo $?', seed);
    expect(r.stdout).toBe('one\n0\n1\n2\n');
    expect(r.stderr).toBe('grep: /nope: No such file or directory\n');
  });
  it('sed -i edits in place, errors in GNU words', async () => {
    const r = await sh('sed -i "s/^#Port 22/Port 2222/" /etc/ssh; cat /etc/ssh; sed "s/a" /etc/ssh', { '/etc/ssh': '#Port 22\n' });
    expect(r.stdout).toBe('Port 2222\n');
    expect(r.stderr).toBe("sed: -e expression #1, char 3: unterminated `s' command\n");
  });
});

describe('find and xargs', () => {
  const seed = { '/app/a.py': '', '/app/b.txt': '', '/app/sub/c.py': '', '/app/__pycache__/x.pyc': '' };
  it.each([
    ['find /app -name "*.py"', '/app/a.py\n/app/sub/c.py\n'],
    ['cd /app && find . -type d', '.\n./__pycache__\n./sub\n'],
    ['find /app -maxdepth 1 -type f', '/app/a.py\n/app/b.txt\n'],
    ['find /app -name "*.py" -exec echo found {} \\;', 'found /app/a.py\nfound /app/sub/c.py\n'],
    ['find /app -name "*.py" -exec echo {} +', '/app/a.py /app/sub/c.py\n'],
    ['find /app -not -name "*.py" -type f', '/app/__pycache__/x.pyc\n/app/b.txt\n'],
    ['find /app -name "*.pyc" -delete; find /app -type f | wc -l', '3\n'],
    ['find /app -type d -name __pycache__ -exec rm -rf {} +; ls /app', 'a.py\nb.txt\nsub\n'],
    ['find /app -name "*.py" | xargs echo', '/app/a.py /app/sub/c.py\n'],
    ['printf "a\\nb\\n" | xargs -I{} echo item-{}', 'item-a\nitem-b\n'],
  ])('%s', async (script, stdout) => {
    expect((await sh(script, seed)).stdout).toBe(stdout);
  });
});

describe('tar and gzip', () => {
  it('round-trips a directory through tar -czf and -xzf -C', async () => {
    const r = await sh('cd /src && tar -czf /tmp/a.tgz . && mkdir /out && tar -xzf /tmp/a.tgz -C /out && cat /out/sub/f && tar -tzf /tmp/a.tgz', { '/src/sub/f': 'data\n' });
    expect(r.stdout).toBe('data\n./\n./sub/\n./sub/f\n');
  });
  it('supports old-style flags, stdin/stdout and --strip-components', async () => {
    const r = await sh('tar cf - -C / src | tar xf - -C /tmp --strip-components=1; ls /tmp', { '/src/a': 'A' });
    expect(r.stdout).toBe('a\n');
  });
  it('restores archived mtimes on extract (files and directories), not with -m', async () => {
    // A hand-made ustar archive: dir/ and dir/f, both dated 2023-11-14 22:13:20 UTC.
    const block = (name: string, flag: string, size: number) => {
      const b = new Uint8Array(512);
      const put = (at: number, text: string) => b.set(new TextEncoder().encode(text), at);
      put(0, name);
      put(100, '0000755\0');
      put(108, '0000000\0');
      put(116, '0000000\0');
      put(124, `${size.toString(8).padStart(11, '0')}\0`);
      put(136, `${(1_700_000_000).toString(8).padStart(11, '0')}\0`);
      put(148, '        ');
      put(156, flag);
      put(257, 'ustar\x0000');
      put(148, `${b.reduce((n, x) => n + x, 0).toString(8).padStart(6, '0')}\0 `);
      return b;
    };
    const data = new Uint8Array(512);
    data.set(new TextEncoder().encode('hi\n'));
    const archive = new Uint8Array([...block('dir/', '5', 0), ...block('dir/f', '0', 3), ...data, ...new Uint8Array(1024)]);
    const fs = createMemoryFs({ '/tmp/': '', '/root/': '', '/a.tar': archive, ...passwd });
    const r = await sh('tar -xf /a.tar -C /tmp && ls -l /tmp/dir && ls -ld /tmp/dir && mkdir /m && tar -xmf /a.tar -C /m && ls -l /m/dir', {}, { fs });
    expect(r.stdout).toBe(
      'total 4\n-rwxr-xr-x 1 root root 3 Nov 14  2023 f\ndrwxr-xr-x 2 root root 4096 Nov 14  2023 /tmp/dir\ntotal 4\n-rwxr-xr-x 1 root root 3 Jan  1  1970 f\n',
    );
  });
  it('extracts named members only, to stdout with -O, and reports members not in the archive', async () => {
    const r = await sh('cd /src && tar -cf /tmp/a.tar a.json sub && cd /tmp && tar -xOf a.tar a.json && tar -tf a.tar sub && tar -xf a.tar sub/b && ls -R /tmp/sub && ls /tmp; tar -xf a.tar nope.json a.json; echo "exit $?"', {
      '/src/a.json': '{"a":1}\n',
      '/src/sub/b': 'B',
    });
    expect(r.stdout).toBe('{"a":1}\nsub/\nsub/b\n/tmp/sub:\nb\na.tar\nsub\nexit 2\n');
    expect(r.stderr).toBe('tar: nope.json: Not found in archive\ntar: Exiting with failure status due to previous errors\n');
  });
  it('gzip and gunzip files and streams', async () => {
    const r = await sh('gzip /f; ls /; gunzip /f.gz; cat /f; echo hi | gzip -c | gzip -dc', { '/f': 'x\n' });
    expect(r.stdout).toBe('f.gz\nroot\ntmp\nx\nhi\n');
  });
});

describe('misc commands', () => {
  it.each([
    ['basename /a/b/c.txt .txt', 'c\n'],
    ['dirname /a/b/c.txt', '/a/b\n'],
    ['seq 3', '1\n2\n3\n'],
    ['seq -s, 2 2 6', '2,4,6\n'],
    ['seq -w 8 10', '08\n09\n10\n'],
    ['seq 5 1', ''],
    ['seq 3 -1 1', '3\n2\n1\n'],
    ['seq 1 200000 | wc -l', '200000\n'],
    ['seq 1 200000 | tail -n 1', '200000\n'],
    ['id', 'uid=0(root) gid=0(root) groups=0(root)\n'],
    ['id -u; whoami', '0\nroot\n'],
    ['uname -s', 'Linux\n'],
    ['hostname', 'buildkitsandbox\n'],
    ['date +%F', '1970-01-01\n'],
    ['env -i A=1 env', 'A=1\n'],
    ['mktemp -d | grep -c "^/tmp/tmp\\."', '1\n'],
    ['test -d /tmp && [ -f /etc/passwd ] && echo yes', 'yes\n'],
  ])('%s', async (script, stdout) => {
    expect((await sh(script, passwd)).stdout).toBe(stdout);
  });
});
