import { describe, expect, it, vi } from 'vitest';
import type { DockerCommand } from '../docker/command';
import type { ShellSession } from '../docker/context';
import { createTestTerminal } from './test-terminal';

// The terminal's own behaviour, with docker subcommands injected per test (the real table is
// exercised by the transcript tests).
vi.mock('../docker/commands', () => ({ DOCKER_COMMANDS: [] }));

/** A container-like session: echoes lines, `exit` ends it. */
function fakeSession(closed: string[]): ShellSession {
  return {
    prompt: () => '/ # ',
    descriptor: { kind: 'container', containerId: 'c0ffee', host: 'workstation', command: ['sh'] },
    async runLine(line, io) {
      if (/^exit( \d+)?$/.test(line)) return { exitCode: Number(line.slice(5) || 0), exited: true };
      io.stdout(`in container: ${line}\n`);
      return { exitCode: 0, exited: false };
    },
    async close() {
      closed.push('c0ffee');
    },
  };
}

const runIt: DockerCommand = {
  path: ['run'],
  summary: 'Create and run a new container from an image',
  usage: 'Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nOptions:\n  -i, --interactive   Keep STDIN open\n',
  async run(_argv, ctx) {
    ctx.shell.stdout.write(`daemon=${ctx.daemon.host} tty=${ctx.tty}\n`);
    ctx.enterSession?.(fakeSession(closed));
    return 0;
  },
};
const closed: string[] = [];

describe('the terminal session', () => {
  it('shows a bash-style prompt with the host and ~ for the workspace', async () => {
    const t = await createTestTerminal();
    expect(t.session.prompt()).toBe('student@workstation:~$ ');
    await t.type('mkdir -p myapp && cd myapp');
    expect(t.session.prompt()).toBe('student@workstation:~/myapp$ ');
    expect((await t.type('pwd')).output).toBe('/workspace/myapp\n');
  });

  it('keeps variables, exports and functions from one line to the next', async () => {
    const t = await createTestTerminal();
    await t.type('GIT_SHA=abc1234');
    await t.type('export VERSION=1.0');
    await t.type('tagged() { echo "myapp:$1"; }');
    expect((await t.type('echo $GIT_SHA $VERSION')).output).toBe('abc1234 1.0\n');
    expect((await t.type('env | grep -c GIT_SHA')).output).toBe('0\n');
    expect((await t.type('tagged $GIT_SHA')).output).toBe('myapp:abc1234\n');
  });

  it('reads multi-line commands and here-docs until they are complete', async () => {
    const t = await createTestTerminal();
    expect(await t.type('if true; then')).toMatchObject({ output: '', pending: true });
    expect(t.session.prompt()).toBe('> ');
    expect(await t.type('echo inside')).toMatchObject({ output: '', pending: true });
    expect(await t.type('fi')).toMatchObject({ output: 'inside\n', pending: false });
    expect((await t.type('cat <<EOF\nline $((1+1))\nEOF\necho after')).output).toBe('line 2\nafter\n');
  });

  it('words errors as interactive bash does and keeps going', async () => {
    const t = await createTestTerminal();
    expect(await t.type('nosuch')).toMatchObject({ output: 'bash: nosuch: command not found\n', exitCode: 127 });
    expect(await t.type('cd nowhere')).toMatchObject({ output: 'bash: cd: nowhere: No such file or directory\n', exitCode: 1 });
    expect(await t.type('echo $?')).toMatchObject({ output: '1\n' });
  });

  it('numbers history like bash and skips repeats and lines starting with a space', async () => {
    const t = await createTestTerminal();
    for (const line of ['echo a', 'echo a', ' echo hidden', 'if true; then\necho b\nfi']) await t.type(line);
    expect((await t.type('history')).output).toBe('    1  echo a\n    2  if true; then\necho b\nfi\n    3  history\n');
    expect((await t.type('history 1')).output).toBe('    4  history 1\n');
    await t.type('history -c');
    expect(t.session.history).toEqual([]);
  });

  it('ssh switches host, prompt, files and docker daemon; exit comes back', async () => {
    const t = await createTestTerminal({ dockerCommands: [runIt] });
    expect(await t.type('ssh staging-server')).toMatchObject({ output: '', exitCode: 0 });
    expect(t.session.prompt()).toBe('student@staging-server:~$ ');
    expect((await t.type('docker run x')).output).toContain('daemon=staging-server');
    // `docker run` above entered a container session on staging: exit it, then the ssh session.
    expect((await t.type('exit')).output).toBe('');
    expect((await t.type('exit')).output).toBe('logout\nConnection to staging-server closed.\n');
    expect(t.session.prompt()).toBe('student@workstation:~$ ');
    expect((await t.type('hostname')).output).toBe('workstation\n');
  });

  it('ssh HOST COMMAND runs one command there; unknown hosts get ssh\'s error', async () => {
    const t = await createTestTerminal();
    await t.type('ssh prod-server "echo hi > /home/student/f"');
    expect(await t.type('ssh prod-server cat f; echo $?')).toMatchObject({ output: 'hi\n0\n' });
    expect(await t.type('ssh unknown')).toMatchObject({ output: 'ssh: Could not resolve hostname unknown: Name or service not known\n', exitCode: 255 });
    expect(t.session.prompt()).toBe('student@workstation:~$ ');
  });

  it('hands lines to a session a docker command entered, until it exits', async () => {
    closed.length = 0;
    const t = await createTestTerminal({ dockerCommands: [runIt], tty: true });
    expect((await t.type('docker run -it alpine sh')).output).toBe('daemon=workstation tty=true\n');
    expect(t.session.prompt()).toBe('/ # ');
    expect((await t.type('ls /')).output).toBe('in container: ls /\n');
    await t.type('exit');
    expect(closed).toEqual(['c0ffee']);
    // The session's end is what `docker run -it` (or `ssh`) exits with, for the shell below.
    await t.type('docker run -it alpine sh');
    await t.type('exit 3');
    expect((await t.type('echo $?')).output).toBe('3\n');
    await t.type('ssh prod-server');
    expect(await t.type('exit 4')).toMatchObject({ exitCode: 4 });
    expect((await t.type('echo $?')).output).toBe('4\n');
    expect(t.session.prompt()).toBe('student@workstation:~$ ');
    expect((await t.type('docker run x | cat')).output).toBe('daemon=workstation tty=false\n');
  });

  it('restores history, variables, directory and the ssh session from a snapshot', async () => {
    const a = await createTestTerminal();
    await a.type('mkdir -p app && cd app && X=7');
    await a.type('ssh staging-server');
    await a.type('mkdir /tmp/work && cd /tmp/work; Y=8');
    expect(a.session.prompt()).toBe('student@staging-server:/tmp/work$ ');
    await a.files.get('staging-server')?.rm('/tmp/work', { recursive: true });
    // The directory it was in is gone: the restored shell starts at home, as a new login does.
    const b = await createTestTerminal({ restore: a.session.snapshot() }, { stores: a.stores, files: a.files });
    expect(b.session.prompt()).toBe('student@staging-server:~$ ');
    expect((await b.type('echo $Y')).output).toBe('8\n');
    await b.type('exit');
    expect((await b.type('echo $X; pwd')).output).toBe('7\n/workspace/app\n');
    expect(b.session.history).toContain('ssh staging-server');
  });

  it('reopens a container session from a snapshot over its host’s daemon, or drops it when gone', async () => {
    closed.length = 0;
    const a = await createTestTerminal({ dockerCommands: [runIt] });
    await a.type('ssh staging-server');
    await a.type('docker run -it alpine sh');
    const snapshot = a.session.snapshot();
    const asked: string[] = [];
    const reopenSession = async (descriptor: ShellSession['descriptor'], daemon: { host: string; store: unknown }) => {
      asked.push(`${descriptor.kind}@${daemon.host}:${daemon.store === a.stores.get('workstation') ? 'workstation-store' : 'own-store'}`);
      return fakeSession(closed);
    };
    const b = await createTestTerminal({ restore: snapshot, reopenSession }, { stores: a.stores, files: a.files });
    expect(asked).toEqual(['container@workstation:workstation-store']);
    expect(b.session.prompt()).toBe('/ # ');
    expect((await b.type('ls')).output).toBe('in container: ls\n');
    await b.type('exit');
    expect(b.session.prompt()).toBe('student@staging-server:~$ ');
    // Without a way to reopen it (or with the container gone), the shell below is on top again.
    const c = await createTestTerminal({ restore: snapshot, reopenSession: async () => undefined }, { stores: a.stores, files: a.files });
    expect(c.session.prompt()).toBe('student@staging-server:~$ ');
  });

  it('Ctrl+C stops the running line with ^C and status 130', async () => {
    const controller = new AbortController();
    const t = await createTestTerminal({
      commands: () => ({
        slow: async () => {
          controller.abort();
          return 0;
        },
      }),
    });
    expect(await t.type('slow; echo never\necho never either', controller.signal)).toMatchObject({ output: '^C\n', exitCode: 130 });
  });

  it('exit on the workstation ends the shell; the next line gets a fresh one', async () => {
    const t = await createTestTerminal();
    await t.type('X=1; cd /');
    const r = await t.session.runInput('exit 3', { stdout: () => undefined, stderr: () => undefined });
    expect(r).toMatchObject({ exitCode: 3, closed: true });
    expect((await t.type('echo "[$X]"; pwd')).output).toBe('[]\n/workspace\n');
  });

  it('reports a command left open at the end of input as bash -c would', async () => {
    const t = await createTestTerminal();
    await t.type('if true; then');
    let out = '';
    const r = await t.session.endInput({ stdout: (s) => (out += s), stderr: (s) => (out += s) });
    expect(r.exitCode).toBe(2);
    expect(out).toBe('bash: Syntax error: end of file unexpected (expecting "fi")\n');
  });

  it('passes extra docker services through and adds injected commands', async () => {
    const probe: DockerCommand = { path: ['probe'], summary: '', usage: '', run: async (_a, ctx) => (ctx.shell.stdout.write(`${Object.keys(ctx).includes('registries')}\n`), 0) };
    const t = await createTestTerminal({ dockerCommands: [probe], dockerExtras: () => ({ registries: {} }) as never, commands: (host) => ({ git: async (ctx) => (ctx.stdout.write(`git on ${host.name}\n`), 0) }) });
    expect((await t.type('docker probe')).output).toBe('true\n');
    expect((await t.type('git status')).output).toBe('git on workstation\n');
  });

  it('tells docker the screen width once the terminal is resized', async () => {
    const probe: DockerCommand = { path: ['probe'], summary: '', usage: '', run: async (_a, ctx) => (ctx.shell.stdout.write(`${ctx.columns ?? 'unknown'}\n`), 0) };
    const t = await createTestTerminal({ dockerCommands: [probe] });
    expect((await t.type('docker probe')).output).toBe('unknown\n');
    t.session.resize(52, 20);
    expect((await t.type('docker probe')).output).toBe('52\n');
    t.session.resize(0, 20); // a nonsense size is ignored
    expect((await t.type('docker probe')).output).toBe('52\n');
  });
});
