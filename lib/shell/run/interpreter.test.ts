import { describe, expect, it } from 'vitest';
import { readText, sh } from '../test-helpers';
import { createMemoryFs } from '../fs/memory-fs';
import { runShell } from './run-shell';
import { pathResolver } from './resolve-command';
import { createCoreutils } from '../commands/coreutils';

describe('redirections into the fs', () => {
  it('writes, appends, truncates and reads files', async () => {
    const r = await sh('echo a > /tmp/f; echo b >> /tmp/f; cat < /tmp/f; cat /tmp/f > /tmp/f; wc -c < /tmp/f');
    expect(r.stdout).toBe('a\nb\n0\n');
  });
  it('sends stderr to stdout, to /dev/null and to files', async () => {
    const r = await sh('ls /nope 2>&1; ls /nope 2>/dev/null; echo hidden >/dev/null; ls /nope 2>/tmp/err; cat /tmp/err');
    expect(r.stdout).toBe("ls: cannot access '/nope': No such file or directory\nls: cannot access '/nope': No such file or directory\n");
    expect(r.stderr).toBe('');
  });
  it('fails like dash when the directory does not exist', async () => {
    const r = await sh('echo x > /no/such; echo $?');
    expect(r.stderr).toBe('/bin/sh: 1: cannot create /no/such: Directory nonexistent\n');
    expect(r.stdout).toBe('2\n');
  });
  it('applies redirections to compound commands', async () => {
    const r = await sh('{ echo one; echo two; } > /tmp/g; for i in 1 2; do echo $i; done >> /tmp/g; cat /tmp/g');
    expect(r.stdout).toBe('one\ntwo\n1\n2\n');
  });
  it('writes here-docs to files (the Dockerfile idiom)', async () => {
    const r = await sh('cat > /etc/app.conf <<EOF\nport=${PORT:-80}\nEOF\ncat /etc/app.conf', { '/etc/': '' });
    expect(r.stdout).toBe('port=80\n');
  });
});

describe('globbing', () => {
  const seed = { '/app/a.py': '', '/app/b.py': '', '/app/c.txt': '', '/app/.hidden.py': '', '/app/sub/d.py': '' };
  it('expands sorted, skips dotfiles, leaves no-match literal', async () => {
    const r = await sh('cd /app; echo *.py; echo */*.py; echo *.none; echo "*.py"; echo ?.txt; echo [ab].py; echo .*.py', seed);
    expect(r.stdout).toBe('a.py b.py\nsub/d.py\n*.none\n*.py\nc.txt\na.py b.py\n.hidden.py\n');
  });
  it('globs absolute paths and honours set -f', async () => {
    const r = await sh('echo /app/*.txt; set -f; echo /app/*.txt', seed);
    expect(r.stdout).toBe('/app/c.txt\n/app/*.txt\n');
  });
});

describe('budgets and cancellation', () => {
  it('stops an endless loop at the step budget', async () => {
    const r = await sh('while true; do :; done', {}, { limits: { steps: 1000 } });
    expect(r.exitCode).toBe(137);
    expect(r.stderr).toBe('/bin/sh: 1: killed: too many steps (limit 1000)\n');
    expect(r.stoppedBy?.code).toBe('budget');
  });
  it('guards recursion', async () => {
    const r = await sh('f() { f; }; f', {}, { limits: { depth: 50 } });
    expect(r.stoppedBy?.code).toBe('recursion');
    expect(r.exitCode).toBe(2);
  });
  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const r = await sh('while true; do echo x > /dev/null; done', {}, { signal: controller.signal, limits: { steps: 1e9 } });
    expect(r.exitCode).toBe(130);
    expect(r.stoppedBy?.code).toBe('cancelled');
  });
  it('bounds output', async () => {
    const r = await sh('while true; do echo xxxxxxxxxx; done', {}, { limits: { outputBytes: 1000 } });
    expect(r.stoppedBy?.code).toBe('output');
    expect(r.stdout.length).toBeLessThanOrEqual(1000);
  });
  it('records sleep as simulated time', async () => {
    const r = await sh('sleep 2; sleep 1m');
    expect(r.simulatedSeconds).toBe(62);
  });
});

describe('commands and scripts', () => {
  it('reports unknown commands with the script line and 127', async () => {
    const r = await sh('echo ok\n\nnosuch --flag');
    expect(r).toMatchObject({ stdout: 'ok\n', stderr: '/bin/sh: 3: nosuch: not found\n', exitCode: 127 });
  });
  it('streams output through callbacks', async () => {
    const chunks: string[] = [];
    await sh('echo a; echo b >&2; echo c', {}, { onStdout: (c) => chunks.push(`out:${c}`), onStderr: (c) => chunks.push(`err:${c}`) });
    expect(chunks).toEqual(['out:a\n', 'err:b\n', 'out:c\n']);
  });
  it('runs shebang scripts, sh FILE, sh -c and bash -c through the same interpreter', async () => {
    const seed = { '/bin/sh': { content: '', mode: 0o755 }, '/app/run.sh': { content: '#!/bin/sh\necho "run $1"\nexit 5\n', mode: 0o755 } };
    const r = await sh('/app/run.sh x; echo $?; cd /app && ./run.sh y; sh run.sh z; sh -c \'echo "$0 $1"\' me arg; bash -c "echo \\$0"', seed);
    expect(r.stdout).toBe('run x\n5\nrun y\nrun z\nme arg\nbash\n');
  });
  it('refuses non-executable scripts with 126', async () => {
    const r = await sh('/app/s.sh', { '/app/s.sh': 'echo hi\n' });
    expect(r).toMatchObject({ stderr: '/bin/sh: 1: /app/s.sh: Permission denied\n', exitCode: 126 });
  });
  it('pathResolver runs only what the image has', async () => {
    const fs = createMemoryFs({ '/bin/sh': { content: '', mode: 0o755 }, '/bin/ls': { content: '', mode: 0o755 } });
    const commands = createCoreutils();
    const r = await runShell('ls / ; bash -c "echo hi"; echo $?', { fs, commands, resolveCommand: pathResolver(commands), env: { PATH: '/usr/bin:/bin' } });
    expect(r.stdout).toBe('bin\n127\n');
    expect(r.stderr).toBe('/bin/sh: 1: bash: not found\n');
  });
  it('lets callers plug in commands with the same context', async () => {
    const fs = createMemoryFs();
    const r = await runShell('apt-get install -y curl | tr a-z A-Z; echo "$?"', {
      fs,
      commands: { ...createCoreutils(), 'apt-get': async (ctx) => { ctx.stdout.write(`would install ${ctx.args.slice(2).join(' ')}\n`); ctx.addSimulatedSeconds(3); return 0; } },
    });
    expect(r.stdout).toBe('WOULD INSTALL CURL\n0\n');
    expect(r.simulatedSeconds).toBe(3);
  });
  it('keeps exported variables and cd for later commands, not for subshells', async () => {
    const r = await sh('export A=1; (export B=2; cd /tmp); env | grep -E "^(A|B)="; pwd; cd /tmp; pwd; echo $PWD');
    expect(r.stdout).toBe('A=1\n/\n/tmp\n/tmp\n');
  });
  it('traces with set -x to stderr', async () => {
    const r = await sh('set -x; A=1 echo "a b"');
    expect(r.stderr).toBe('+ A=1 echo a b\n');
  });
  it('supports set -o pipefail (dash 0.5.12 lacks it; bash and newer dash agree)', async () => {
    const r = await sh('set -o pipefail; false | true; echo $?; set +o pipefail; false | true; echo $?');
    expect(r.stdout).toBe('1\n0\n');
    const e = await sh('set -eo pipefail; false | true; echo no');
    expect(e).toMatchObject({ stdout: '', exitCode: 1 });
  });
  it('reads lines from a file in a while loop', async () => {
    const r = await sh('while read -r name; do echo "pkg:$name"; done < /tmp/list', { '/tmp/list': 'curl\nwget\n' });
    expect(r.stdout).toBe('pkg:curl\npkg:wget\n');
  });
  it('sources files with positional parameters', async () => {
    const r = await sh('. /tmp/lib.sh; greet you; echo $LOADED', { '/tmp/lib.sh': 'LOADED=yes\ngreet() { echo "hi $1"; }\n' });
    expect(r.stdout).toBe('hi you\nyes\n');
  });
  it('uses bash wording in the bash dialect', async () => {
    const r = await sh('nosuch; echo -e "a\\tb"', {}, { dialect: 'bash', argv0: 'bash' });
    expect(r.stderr).toBe('bash: line 1: nosuch: command not found\n');
    expect(r.stdout).toBe('a\tb\n');
  });
  it('expands tilde from the fs passwd', async () => {
    const r = await sh('echo ~ ~app/x', { '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n' });
    expect(r.stdout).toBe('/root /home/app/x\n');
  });
  it('writes a file through a dangling symlink target dir', async () => {
    const r = await sh('ln -s /tmp/real /tmp/link; echo hi > /tmp/link; cat /tmp/real');
    expect(r.stdout).toBe('hi\n');
    expect(await readText(r.fs, '/tmp/real')).toBe('hi\n');
  });
});
