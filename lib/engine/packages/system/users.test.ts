import { describe, expect, it } from 'vitest';
import { runPackages } from '../shared/test-helpers';

const DEBIAN = {
  '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
  '/etc/group': 'root:x:0:\nusers:x:100:\nnogroup:x:65534:\n',
  '/etc/shadow': 'root:*:19732:0:99999:7:::\n',
  '/usr/sbin/adduser': { content: 'ELF', mode: 0o755 },
  '/usr/sbin/addgroup': { content: 'ELF', mode: 0o755 },
  '/home/': '',
};
const ALPINE = {
  '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\n',
  '/etc/group': 'root:x:0:root\nusers:x:100:games\nnogroup:x:65533:\n',
  '/etc/shadow': 'root:*::0:::::\n',
  '/bin/busybox': { content: 'ELF', mode: 0o755 },
  '/usr/sbin/adduser': { symlink: '/bin/busybox' },
  '/usr/sbin/addgroup': { symlink: '/bin/busybox' },
  '/home/': '',
};
const ENV = { PATH: '/usr/sbin:/usr/bin:/bin' };

describe('useradd / groupadd', () => {
  it('adds a user with its own group, home with -m, shadow entry; errors exit 9, 6, 4', async () => {
    const r = await runPackages('useradd -m -u 1001 -s /bin/bash app && groupadd -g 2000 docker && useradd -r -G docker svc', DEBIAN, ENV);
    expect(r.exitCode).toBe(0);
    expect(await r.text('/etc/passwd')).toContain('\napp:x:1001:1001::/home/app:/bin/bash\nsvc:x:999:999::/home/svc:/bin/sh\n');
    expect(await r.text('/etc/group')).toContain('\napp:x:1001:\ndocker:x:2000:svc\nsvc:x:999:\n');
    expect(await r.text('/etc/shadow')).toContain('\napp:!:19732:0:99999:7:::\n');
    expect(await r.fs.stat('/home/app')).toMatchObject({ type: 'dir', uid: 1001, gid: 1001, mode: 0o700 });
    expect(await r.fs.exists('/home/svc')).toBe(false);
    const again = await runPackages('useradd app; echo $?; useradd app; echo $?; useradd -g nope bob; echo $?; useradd -u 0 x; echo $?; groupadd root; echo $?', DEBIAN, ENV);
    expect(again.stdout).toBe('0\n9\n6\n4\n9\n');
    expect(again.stderr).toBe("useradd: user 'app' already exists\nuseradd: group 'nope' does not exist\nuseradd: UID 0 is not unique\ngroupadd: group 'root' already exists\n");
  });
});

describe('adduser / addgroup', () => {
  it("Debian's adduser: --disabled-password --gecos creates the user; without it passwd fails", async () => {
    const r = await runPackages("adduser --disabled-password --gecos '' app", DEBIAN, ENV);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("Adding new user `app' (1000) with group `app (1000)' ...");
    expect(await r.text('/etc/passwd')).toContain('\napp:x:1000:1000::/home/app:/bin/bash\n');
    expect(await r.text('/etc/group')).toContain('users:x:100:app\n');
    const sys = await runPackages('adduser --system --no-create-home worker && addgroup --system grp', DEBIAN, ENV);
    expect(await sys.text('/etc/passwd')).toContain('\nworker:x:100:65534::/nonexistent:/usr/sbin/nologin\n');
    expect(await sys.text('/etc/group')).toContain('\ngrp:x:101:\n');
    const prompt = await runPackages('adduser bob', DEBIAN, ENV);
    expect(prompt.exitCode).toBe(1);
    expect(prompt.stderr).toContain("adduser: `/usr/bin/passwd bob' returned error code 10. Exiting.");
    const dup = await runPackages('adduser --disabled-password root', DEBIAN, ENV);
    expect(dup.stderr).toBe("adduser: The user `root' already exists.\n");
  });

  it("busybox's adduser -D and addgroup on Alpine", async () => {
    const r = await runPackages('addgroup -g 1000 app && adduser -D -u 1000 -G app app && addgroup app users', ALPINE, ENV);
    expect(r.exitCode).toBe(0);
    expect(r.stdout + r.stderr).toBe('');
    expect(await r.text('/etc/passwd')).toBe('root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:Linux User,,,:/home/app:/bin/sh\n');
    expect(await r.text('/etc/group')).toContain('users:x:100:games,app\n');
    expect(await r.fs.stat('/home/app')).toMatchObject({ uid: 1000, gid: 1000, mode: 0o755 });
    const dup = await runPackages('adduser -D root; echo $?; addgroup root; echo $?; adduser -D -G nope x; echo $?', ALPINE, ENV);
    expect(dup.stderr).toBe("adduser: user 'root' in use\naddgroup: group 'root' in use\nadduser: unknown group nope\n");
    expect(dup.stdout).toBe('1\n1\n1\n');
    const noD = await runPackages('adduser app', ALPINE, ENV);
    expect(noD.exitCode).toBe(1);
    expect(noD.stderr).toContain('passwd: password for app is unchanged');
  });
});
