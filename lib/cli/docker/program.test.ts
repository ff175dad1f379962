import { describe, expect, it } from 'vitest';
import { DockerUsageError, requireArgs, type DockerCommand } from './command';
import { findCommand, runDocker } from './program';
import { createDockerTestbed } from './testbed';
import { parseOptions } from '../common/options';

const echo: DockerCommand = {
  path: ['image', 'ls'],
  aliases: [['images'], ['image', 'list']],
  summary: 'List images',
  usage: 'Usage:  docker image ls [OPTIONS] [REPOSITORY[:TAG]]\n\nList images\n\nAliases:\n  docker image ls, docker image list, docker images\n\nOptions:\n  -q, --quiet   Only show image IDs\n',
  async run(argv, ctx) {
    const o = parseOptions(argv, { quiet: { type: 'bool', short: 'q' } });
    requireArgs(['image', 'ls'], o.positionals, { max: 1 });
    ctx.shell.stdout.write(`ls ${o.bools.has('quiet') ? 'quiet' : 'table'}\n`);
    return 0;
  },
};
const tag: DockerCommand = {
  path: ['tag'],
  summary: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
  usage: 'Usage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nCreate a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n\nAliases:\n  docker image tag, docker tag\n',
  async run(argv) {
    requireArgs(['tag'], argv, { exactly: 2 });
    throw new DockerUsageError('unreachable');
  },
};

async function docker(argv: string[]) {
  const bed = await createDockerTestbed();
  let stdout = '';
  let stderr = '';
  const code = await runDocker(argv, { ...bed.context(), shell: fakeShell((t) => (stdout += t), (t) => (stderr += t)) }, [echo, tag]);
  return { code, stdout, stderr };
}

function fakeShell(out: (t: string) => void, err: (t: string) => void) {
  return { stdout: { write: (t: string | Uint8Array) => out(String(t)) }, stderr: { write: (t: string | Uint8Array) => err(String(t)) } } as never;
}

describe('runDocker', () => {
  it('finds commands by path and by alias', async () => {
    expect((await docker(['images', '-q'])).stdout).toBe('ls quiet\n');
    expect((await docker(['image', 'list'])).stdout).toBe('ls table\n');
    expect(findCommand(['image', 'ls', '-q'], [echo])?.rest).toEqual(['-q']);
  });

  it('answers an unknown command as docker does', async () => {
    expect(await docker(['foo'])).toEqual({ code: 1, stdout: '', stderr: "docker: 'foo' is not a docker command.\nSee 'docker --help'\n" });
    expect((await docker(['image', 'nope'])).stderr).toBe("docker: 'image nope' is not a docker command.\nSee 'docker --help'\n");
  });

  it('prints flag errors with the help hint and exit 125', async () => {
    expect(await docker(['images', '--x'])).toEqual({ code: 125, stdout: '', stderr: "unknown flag: --x\nSee 'docker images --help'.\n" });
    expect((await docker(['image', 'ls', '--x'])).stderr).toBe("unknown flag: --x\nSee 'docker image ls --help'.\n");
  });

  it('prints argument-count errors with the usage lines and exit 1', async () => {
    const r = await docker(['tag', 'a']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      '"docker tag" requires exactly 2 arguments.\nSee \'docker tag --help\'.\n\nUsage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nCreate a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n',
    );
  });

  it('lists management commands and their members', async () => {
    const top = await docker([]);
    expect(top.stdout).toContain('Management Commands:\n  image');
    expect(top.stdout).toContain('\n  tag  ');
    expect((await docker(['image'])).stdout).toContain('Commands:\n  ls  List images\n');
  });
});
