import { describe, expect, it } from 'vitest';
import { createCoreutils } from '../commands/coreutils';
import { createMemoryFs } from '../fs/memory-fs';
import { createInteractiveShell } from './interactive';

async function shell(restore?: Parameters<typeof createInteractiveShell>[0]['restore']) {
  const fs = createMemoryFs();
  await fs.mkdir('/home/u/app', { recursive: true });
  const sh = createInteractiveShell({ fs, commands: createCoreutils(), user: { name: 'u', uid: 1000, gid: 1000, home: '/home/u' }, argv0: 'bash', dialect: 'bash', ...(restore ? { restore } : {}) });
  const run = async (line: string) => {
    let out = '';
    const r = await sh.run(line, { stdout: (t) => (out += t), stderr: (t) => (out += t) });
    return { ...r, out };
  };
  return { sh, run };
}

describe('createInteractiveShell', () => {
  it('keeps variables, functions, options and cwd across lines', async () => {
    const { sh, run } = await shell();
    await run('A=1; export B=2; f() { echo "f$1"; }; cd app');
    expect((await run('echo $A $B $(f x); pwd')).out).toBe('1 2 fx\n/home/u/app\n');
    expect(sh.environment()).toMatchObject({ B: '2' });
    expect(sh.environment().A).toBeUndefined();
    expect(sh.cwd).toBe('/home/u/app');
  });

  it('reports errors without script line numbers and keeps running', async () => {
    const { run } = await shell();
    expect(await run('nosuch')).toMatchObject({ out: 'bash: nosuch: command not found\n', exitCode: 127, exited: false });
    expect(await run('echo (')).toMatchObject({ exitCode: 2, exited: false });
    expect((await run('echo (')).out).toMatch(/^bash: Syntax error/);
    expect((await run('echo ${x:?unset}')).out).toBe('bash: x: unset\n');
    expect((await run('echo still here')).out).toBe('still here\n');
  });

  it('ends on exit with its status', async () => {
    const { run } = await shell();
    expect(await run('echo bye; exit 4; echo no')).toMatchObject({ out: 'bye\n', exitCode: 4, exited: true });
  });

  it('reopens from a snapshot', async () => {
    const first = await shell();
    await first.run('X=kept; cd app; set -o pipefail');
    const second = await shell(JSON.parse(JSON.stringify(first.sh.snapshot())));
    expect((await second.run('echo $X; pwd; false | true; echo $?')).out).toBe('kept\n/home/u/app\n1\n');
  });

  it('stops on cancellation with status 130', async () => {
    const { sh } = await shell();
    const controller = new AbortController();
    controller.abort();
    const r = await sh.run('while true; do :; done', { stdout: () => undefined, stderr: () => undefined, signal: controller.signal });
    expect(r).toMatchObject({ exitCode: 130, exited: false });
    expect(r.stoppedBy?.code).toBe('cancelled');
  });
});
