import { describe, expect, it } from 'vitest';
import { createTestTerminal } from './test-terminal';

describe('host basics', () => {
  it('every host knows its users, its name and the clock', async () => {
    const t = await createTestTerminal();
    expect((await t.type('whoami; id; cat /etc/hostname')).output).toBe('student\nuid=1000(student) gid=1000(student) groups=1000(student),999(docker)\nworkstation\n');
    expect((await t.type('date +%F')).output).toBe('2026-11-28\n');
    expect((await t.type('ssh prod-server hostname')).output).toBe('prod-server\n');
    expect((await t.type('echo x > /tmp/x && cat /tmp/x')).output).toBe('x\n');
    // What is written gets the terminal's clock, and ls -l shows a recent time as GNU does.
    expect((await t.type('ls -l /tmp/x')).output).toBe('-rw-r--r-- 1 root root 2 Nov 28 12:00 /tmp/x\n');
  });

  it('servers without internet cannot reach a registry', async () => {
    const t = await createTestTerminal();
    const pull = await t.type('ssh production-server docker pull alpine');
    expect(pull.output).toContain('Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: no such host\n');
    expect(pull.exitCode).toBe(1);
  });
});
