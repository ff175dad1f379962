import { findContainer, isEngineError, pruneContainers, readContainerState, removeContainer, startContainer, stopContainer } from '@/lib/engine';
import { humanSize } from '../../common/human-units';
import { parseOptions, type OptionSpec } from '../../common/options';
import { CliError, helpRequested, requireArgs, type DockerCommand } from '../command';
import type { DockerContext } from '../context';
import { KILL_USAGE, LOGS_USAGE, PRUNE_USAGE, RESTART_USAGE, RM_USAGE, START_USAGE, STOP_USAGE } from './usage';

/**
 * stop / start / restart / kill / rm / logs / container prune. Each container argument is
 * handled on its own: what succeeds prints the argument as typed, failures are collected as
 * `Error response from daemon: …` lines and the command exits 1 (docker/cli's errs.Join).
 */
async function eachContainer(args: readonly string[], ctx: DockerContext, fn: (ref: string) => Promise<string | null>): Promise<number> {
  const errors: string[] = [];
  for (const ref of args) {
    try {
      const line = await fn(ref);
      if (line !== null) ctx.shell.stdout.write(`${line}\n`);
    } catch (error) {
      if (!isEngineError(error)) throw error;
      errors.push(`Error response from daemon: ${error.message}`);
    }
  }
  if (errors.length > 0) throw new CliError(errors.join('\n'));
  return 0;
}

const STOP_SPEC: Readonly<Record<string, OptionSpec>> = { help: { type: 'bool' }, time: { type: 'string' }, timeout: { type: 'string', short: 't' }, signal: { type: 'string', short: 's' } };

export const stopCommand: DockerCommand = {
  path: ['stop'],
  aliases: [['container', 'stop']],
  summary: 'Stop one or more running containers',
  usage: STOP_USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, STOP_SPEC);
    if (helpRequested(o, this, ctx)) return 0;
    requireArgs(['stop'], o.positionals, { min: 1 });
    return eachContainer(o.positionals, ctx, async (ref) => {
      await stopContainer(ctx.daemon.store, ref, { now: ctx.now() });
      return ref;
    });
  },
};

export const killCommand: DockerCommand = {
  path: ['kill'],
  aliases: [['container', 'kill']],
  summary: 'Kill one or more running containers',
  usage: KILL_USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, { help: { type: 'bool' }, signal: { type: 'string', short: 's' } });
    if (helpRequested(o, this, ctx)) return 0;
    requireArgs(['kill'], o.positionals, { min: 1 });
    return eachContainer(o.positionals, ctx, async (ref) => {
      await stopContainer(ctx.daemon.store, ref, { now: ctx.now(), signal: 'kill' });
      return ref;
    });
  },
};

export const startCommand: DockerCommand = {
  path: ['start'],
  aliases: [['container', 'start']],
  summary: 'Start one or more stopped containers',
  usage: START_USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, { help: { type: 'bool' }, attach: { type: 'bool', short: 'a' }, interactive: { type: 'bool', short: 'i' } });
    if (helpRequested(o, this, ctx)) return 0;
    requireArgs(['start'], o.positionals, { min: 1 });
    const attach = o.bools.has('attach');
    const failed: string[] = [];
    let exitCode = 0;
    for (const ref of o.positionals) {
      try {
        const result = await startContainer(ctx.daemon.store, ref, {
          now: ctx.now(),
          ...(attach ? { onStdout: (t: string) => ctx.shell.stdout.write(t), onStderr: (t: string) => ctx.shell.stderr.write(t) } : {}),
        });
        if (attach) exitCode = result.status === 'exited' ? result.exitCode : 0;
        else ctx.shell.stdout.write(`${ref}\n`);
      } catch (error) {
        if (!isEngineError(error)) throw error;
        ctx.shell.stderr.write(`Error response from daemon: ${error.message}\n`);
        failed.push(ref);
      }
    }
    if (failed.length > 0) throw new CliError(`Error: failed to start containers: ${failed.join(', ')}`);
    return exitCode;
  },
};

export const restartCommand: DockerCommand = {
  path: ['restart'],
  aliases: [['container', 'restart']],
  summary: 'Restart one or more containers',
  usage: RESTART_USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, STOP_SPEC);
    if (helpRequested(o, this, ctx)) return 0;
    requireArgs(['restart'], o.positionals, { min: 1 });
    return eachContainer(o.positionals, ctx, async (ref) => {
      await stopContainer(ctx.daemon.store, ref, { now: ctx.now() });
      await startContainer(ctx.daemon.store, ref, { now: ctx.now() });
      return ref;
    });
  },
};

export const rmCommand: DockerCommand = {
  path: ['rm'],
  aliases: [['container', 'rm'], ['container', 'remove']],
  summary: 'Remove one or more containers',
  usage: RM_USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, { help: { type: 'bool' }, force: { type: 'bool', short: 'f' }, volumes: { type: 'bool', short: 'v' }, link: { type: 'bool', short: 'l' } });
    if (helpRequested(o, this, ctx)) return 0;
    requireArgs(['rm'], o.positionals, { min: 1 });
    const force = o.bools.has('force');
    return eachContainer(o.positionals, ctx, async (ref) => {
      try {
        await removeContainer(ctx.daemon.store, ref, { now: ctx.now(), force });
      } catch (error) {
        // `rm -f` of a missing container is quiet (docker/cli ignores not-found when forced).
        if (force && isEngineError(error, 'not-found')) return null;
        throw error;
      }
      return ref;
    });
  },
};

export const logsCommand: DockerCommand = {
  path: ['logs'],
  aliases: [['container', 'logs']],
  summary: 'Fetch the logs of a container',
  usage: LOGS_USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, { help: { type: 'bool' }, follow: { type: 'bool', short: 'f' }, tail: { type: 'string', short: 'n' }, timestamps: { type: 'bool', short: 't' }, since: { type: 'string' }, details: { type: 'bool' } });
    if (helpRequested(o, this, ctx)) return 0;
    requireArgs(['logs'], o.positionals, { exactly: 1 });
    const ref = o.positionals[0] as string;
    let record;
    try {
      record = await ctx.daemon.store.read((tx) => findContainer(tx, ref));
    } catch (error) {
      if (isEngineError(error)) throw new CliError(`Error response from daemon: ${error.message}`);
      throw error;
    }
    const state = readContainerState(record, ctx.now());
    // Log lines as the json-file driver keeps them: one entry per line, stream kept.
    const lines = state.logs.flatMap((l) => l.text.split(/(?<=\n)/).filter((t) => t !== '').map((text) => ({ ...l, text })));
    const tail = o.strings.get('tail') ?? 'all';
    const shown = tail === 'all' || !/^\d+$/.test(tail) ? lines : lines.slice(Math.max(0, lines.length - Number(tail)));
    for (const line of shown) {
      const text = o.bools.has('timestamps') ? `${line.time.replace(/\.(\d+)Z$/, (_, f: string) => `.${f.padEnd(9, '0')}Z`)} ${line.text}` : line.text;
      (line.stream === 'stdout' || state.config.tty ? ctx.shell.stdout : ctx.shell.stderr).write(text);
    }
    return 0;
  },
};

export const containerPruneCommand: DockerCommand = {
  path: ['container', 'prune'],
  summary: 'Remove all stopped containers',
  usage: PRUNE_USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, { help: { type: 'bool' }, force: { type: 'bool', short: 'f' }, filter: { type: 'list' } });
    if (helpRequested(o, this, ctx)) return 0;
    requireArgs(['container', 'prune'], o.positionals, { max: 0 });
    if (!o.bools.has('force')) {
      const question = 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ';
      const answer = ctx.prompt !== undefined ? await ctx.prompt(question) : (ctx.shell.stdout.write(question), ctx.shell.stdin.readLine()?.line);
      if (!/^y(es)?$/i.test((answer ?? '').trim())) return 0;
    }
    let until: number | undefined;
    const labels: string[] = [];
    for (const f of o.lists.get('filter') ?? []) {
      const [key, value = ''] = [f.slice(0, f.indexOf('=')), f.slice(f.indexOf('=') + 1)];
      if (key === 'until') until = /^\d+h$/.test(value) ? ctx.now() - Number(value.slice(0, -1)) * 3_600_000 : /^\d+m$/.test(value) ? ctx.now() - Number(value.slice(0, -1)) * 60_000 : Date.parse(value);
      else if (key === 'label') labels.push(value);
      else throw new CliError(`Error response from daemon: invalid filter '${f.includes('=') ? key : f}'`);
    }
    const { deleted, reclaimed } = await pruneContainers(ctx.daemon.store, { now: ctx.now(), ...(until !== undefined ? { until } : {}), ...(labels.length > 0 ? { labels } : {}) });
    const out = deleted.length > 0 ? `Deleted Containers:\n${deleted.map((id) => `${id}\n`).join('')}\n` : '';
    ctx.shell.stdout.write(`${out}Total reclaimed space: ${humanSize(reclaimed)}\n`);
    return 0;
  },
};
