import { describe, expect, it, vi } from 'vitest';
import { progressLine } from './scp';
import { createTestTerminal } from './test-terminal';

vi.mock('../docker/commands', () => ({ DOCKER_COMMANDS: [] }));

describe('scp', () => {
  it('copies a file to a relative path under the remote home and back', async () => {
    const t = await createTestTerminal();
    await t.type('echo payload > app.tar');
    expect(await t.type('scp app.tar staging-server:backup.tar')).toMatchObject({ output: '', exitCode: 0 });
    expect((await t.type('ssh staging-server cat /home/student/backup.tar')).output).toBe('payload\n');
    expect(await t.type('scp student@staging-server:backup.tar copy.tar && cat copy.tar')).toMatchObject({ output: 'payload\n', exitCode: 0 });
  });

  it("creates the target under a remote directory and keeps the file's name", async () => {
    const t = await createTestTerminal();
    await t.type('echo one > a.txt; echo two > b.txt');
    expect((await t.type('scp a.txt b.txt airgapped-server:/tmp/')).exitCode).toBe(0);
    expect((await t.type('ssh airgapped-server "cat /tmp/a.txt /tmp/b.txt"')).output).toBe('one\ntwo\n');
  });

  it('copies directories only with -r', async () => {
    const t = await createTestTerminal();
    await t.type('mkdir -p site/css && echo body > site/css/main.css');
    expect(await t.type('scp site staging-server:')).toMatchObject({ output: 'scp: site: not a regular file\n', exitCode: 1 });
    expect((await t.type('scp -r site staging-server:www')).exitCode).toBe(0);
    expect((await t.type('ssh staging-server cat www/css/main.css')).output).toBe('body\n');
  });

  it("gives OpenSSH's errors and exit statuses", async () => {
    const t = await createTestTerminal();
    await t.type('echo x > f; echo y > g');
    expect(await t.type('scp missing.tar staging-server:')).toMatchObject({ output: 'scp: missing.tar: No such file or directory\n', exitCode: 1 });
    expect(await t.type('scp f mars:/tmp/')).toMatchObject({ output: 'ssh: Could not resolve hostname mars: Name or service not known\nscp: Connection closed\n', exitCode: 255 });
    expect(await t.type('scp f g staging-server:notadir')).toMatchObject({ output: 'scp: notadir: Not a directory\n', exitCode: 1 });
    expect((await t.type('scp f')).output).toMatch(/^usage: scp /);
    expect(await t.type('scp -Z f staging-server:')).toMatchObject({ exitCode: 1 });
  });

  it('shows a progress line per file only on a terminal', async () => {
    const t = await createTestTerminal({ tty: true });
    await t.type('echo payload > app.tar');
    const { output } = await t.type('scp app.tar staging-server:');
    expect(output).toMatch(/^app\.tar +100% +8 +\d+\.\dKB\/s +00:01\n$/);
    expect((await t.type('scp -q app.tar staging-server:')).output).toBe('');
  });

  it("formats sizes and rates as OpenSSH's progress meter does", () => {
    const line = progressLine('nginx.tar', 146_158_592, 80);
    expect(line).toHaveLength(80);
    expect(line).toMatch(/^nginx\.tar +100%  139MB + 69\.7MB\/s   00:02$/);
  });
});

