import { tabulate } from '../../common/human-units';
import { parseOptions, UsageError } from '../../common/options';
import { CliError, helpRequested, type DockerCommand } from '../command';
import {
  BUILDKIT_VERSION,
  currentBuilder,
  DEFAULT_BUILDER,
  findBuilder,
  loadBuilders,
  noBuilder,
  platformsOf,
  randomBuilderName,
  saveBuilders,
  truncatePlatforms,
  type BuilderInstance,
} from './builders';
import { bootBuilder } from './boot';
import { BUILDX_CREATE_USAGE, BUILDX_INSPECT_USAGE, BUILDX_LS_USAGE, BUILDX_RM_USAGE, BUILDX_USE_USAGE } from './usage';

/**
 * `docker buildx create / use / ls / inspect / rm`: builder instances in the host's store
 * (builders.ts), with buildx's tables and texts. Errors are buildx's: `ERROR: <message>`, exit 1;
 * flag errors are the CLI plugin's (`unknown flag: --x`, `See 'docker buildx ls --help'.`, 125).
 */

/** buildx prints its own errors as `ERROR: …` and exits 1 (cmd/buildx main.go). */
function buildxError(message: string): CliError {
  return new CliError(`ERROR: ${message}`, 1);
}

function parse(path: string, argv: readonly string[], spec: Parameters<typeof parseOptions>[1]) {
  try {
    return parseOptions(argv, { ...spec, help: { type: 'bool', short: 'h' } });
  } catch (error) {
    if (error instanceof UsageError) throw new CliError(`${error.message}\nSee 'docker buildx ${path} --help'.`, 125);
    throw error;
  }
}

const HOST_ENDPOINT = 'unix:///var/run/docker.sock';

const create: DockerCommand = {
  path: ['buildx', 'create'],
  summary: 'Create a new builder instance',
  usage: BUILDX_CREATE_USAGE,
  async run(argv, ctx) {
    const o = parse('create', argv, {
      name: { type: 'string' },
      driver: { type: 'string' },
      'driver-opt': { type: 'list' },
      'buildkitd-flags': { type: 'string' },
      platform: { type: 'list' },
      use: { type: 'bool' },
      bootstrap: { type: 'bool' },
    });
    if (helpRequested(o, create, ctx)) return 0;
    const driver = o.strings.get('driver') ?? 'docker-container';
    if (driver !== 'docker-container') throw buildxError(`failed to find driver ${JSON.stringify(driver)}`);
    const store = ctx.daemon.store;
    const state = await loadBuilders(store);
    const taken = new Set(['default', ...state.builders.map((b) => b.name)]);
    const name = o.strings.get('name') ?? randomBuilderName(ctx.now(), taken);
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name)) throw buildxError(`invalid builder name ${JSON.stringify(name)}`);
    if (taken.has(name)) throw buildxError(`existing instance for ${JSON.stringify(name)} but no append mode, specify the node name to make changes for existing instances`);
    const builder: BuilderInstance = { name, driver, booted: false, lastActivity: ctx.now() };
    state.builders.push(builder);
    if (o.bools.has('use')) state.current = name;
    if (o.bools.has('bootstrap')) {
      bootBuilder(builder, ctx);
      builder.booted = true;
    }
    await saveBuilders(store, state);
    ctx.shell.stdout.write(`${name}\n`);
    return 0;
  },
};

const use: DockerCommand = {
  path: ['buildx', 'use'],
  summary: 'Set the current builder instance',
  usage: BUILDX_USE_USAGE,
  async run(argv, ctx) {
    const o = parse('use', argv, { global: { type: 'bool' }, default: { type: 'bool' } });
    if (helpRequested(o, use, ctx)) return 0;
    if (o.positionals.length > 1) throw buildxError(`"docker buildx use" requires at most 1 argument.\nSee 'docker buildx use --help'.\n\nUsage:  docker buildx use [OPTIONS] NAME\n\nSet the current builder instance`);
    const state = await loadBuilders(ctx.daemon.store);
    const name = o.positionals[0] ?? currentBuilder(state).name;
    if (name === 'default') state.current = null;
    else if (state.builders.some((b) => b.name === name)) state.current = name;
    else throw buildxError(`failed to find instance ${JSON.stringify(name)}: ${noBuilder(name)}`);
    await saveBuilders(ctx.daemon.store, state);
    return 0;
  },
};

const ls: DockerCommand = {
  path: ['buildx', 'ls'],
  summary: 'List builder instances',
  usage: BUILDX_LS_USAGE,
  async run(argv, ctx) {
    const o = parse('ls', argv, { 'no-trunc': { type: 'bool' }, format: { type: 'string' } });
    if (helpRequested(o, ls, ctx)) return 0;
    if (o.positionals.length > 0) throw buildxError(`"docker buildx ls" accepts no arguments.\nSee 'docker buildx ls --help'.\n\nUsage:  docker buildx ls\n\nList builder instances`);
    const state = await loadBuilders(ctx.daemon.store);
    const current = currentBuilder(state).name;
    const rows: string[][] = [['NAME/NODE', 'DRIVER/ENDPOINT', 'STATUS', 'BUILDKIT', 'PLATFORMS']];
    const indent = ' \\_ ';
    const builders = [...[...state.builders].sort((a, b) => (a.name < b.name ? -1 : 1)), DEFAULT_BUILDER];
    for (const b of builders) {
      const node = b.driver === 'docker' ? { name: 'default', endpoint: 'default' } : { name: `${b.name}0`, endpoint: HOST_ENDPOINT };
      const platforms = platformsOf(b);
      rows.push([`${b.name}${b.name === current ? '*' : ''}`, b.driver, '', '', '']);
      rows.push([
        `${indent}${node.name}`,
        `${indent}${node.endpoint}`,
        b.booted ? 'running' : 'inactive',
        b.booted ? BUILDKIT_VERSION[b.driver] : '',
        o.bools.has('no-trunc') ? platforms.join(', ') : truncatePlatforms(platforms),
      ]);
    }
    ctx.shell.stdout.write(tabulate(rows));
    return 0;
  },
};

const inspect: DockerCommand = {
  path: ['buildx', 'inspect'],
  summary: 'Inspect current builder instance',
  usage: BUILDX_INSPECT_USAGE,
  async run(argv, ctx) {
    const o = parse('inspect', argv, { bootstrap: { type: 'bool' } });
    if (helpRequested(o, inspect, ctx)) return 0;
    if (o.positionals.length > 1) throw buildxError(`"docker buildx inspect" requires at most 1 argument.\nSee 'docker buildx inspect --help'.\n\nUsage:  docker buildx inspect [NAME]\n\nInspect current builder instance`);
    const store = ctx.daemon.store;
    const state = await loadBuilders(store);
    const name = o.positionals[0];
    const builder = name === undefined ? currentBuilder(state) : findBuilder(state, name);
    if (builder === undefined) throw buildxError(noBuilder(name ?? ''));
    if (o.bools.has('bootstrap') && !builder.booted) {
      bootBuilder(builder, ctx);
      builder.booted = true;
      builder.lastActivity = ctx.now();
      await saveBuilders(store, state);
    }
    ctx.shell.stdout.write(formatInspect(builder));
    return 0;
  },
};

const rm: DockerCommand = {
  path: ['buildx', 'rm'],
  summary: 'Remove one or more builder instances',
  usage: BUILDX_RM_USAGE,
  async run(argv, ctx) {
    const o = parse('rm', argv, { 'keep-state': { type: 'bool' }, 'keep-daemon': { type: 'bool' }, force: { type: 'bool', short: 'f' } });
    if (helpRequested(o, rm, ctx)) return 0;
    const store = ctx.daemon.store;
    const state = await loadBuilders(store);
    const names = o.positionals.length > 0 ? o.positionals : [currentBuilder(state).name];
    let failed = false;
    for (const name of names) {
      if (name === 'default') {
        ctx.shell.stderr.write('failed to remove default: context builder cannot be removed, run `docker context rm default` to remove this context\n');
        failed = true;
      } else if (!state.builders.some((b) => b.name === name)) {
        ctx.shell.stderr.write(`failed to remove ${name}: ${noBuilder(name)}\n`);
        failed = true;
      } else {
        state.builders = state.builders.filter((b) => b.name !== name);
        if (state.current === name) state.current = null;
        ctx.shell.stderr.write(`${name} removed\n`);
      }
    }
    await saveBuilders(store, state);
    if (failed) throw buildxError('failed to remove one or more builders');
    return 0;
  },
};

/** Go tabwriter with padding 1 over consecutive `label\tvalue` lines (what `buildx inspect` uses). */
function block(rows: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(...rows.map(([label]) => label.length)) + 1;
  return rows.map(([label, value]) => `${label.padEnd(width)}${value}\n`).join('');
}

/** Go's `%v` of a time.Time in UTC: `2026-11-28 12:00:00 +0000 UTC`. */
function goTimeString(ms: number): string {
  return `${new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '')} +0000 UTC`;
}

function formatInspect(b: BuilderInstance): string {
  const head: Array<[string, string]> = [
    ['Name:', b.name],
    ['Driver:', b.driver],
  ];
  if (b.driver !== 'docker' && b.lastActivity !== undefined) head.push(['Last Activity:', goTimeString(b.lastActivity)]);
  const container = b.driver === 'docker-container';
  const node: Array<[string, string]> = [
    ['Name:', container ? `${b.name}0` : 'default'],
    ['Endpoint:', container ? HOST_ENDPOINT : 'default'],
    ['Status:', b.booted ? 'running' : 'inactive'],
  ];
  if (container) node.push(['BuildKit daemon flags:', '--allow-insecure-entitlement=network.host']);
  if (b.booted) node.push(['BuildKit version:', BUILDKIT_VERSION[b.driver]]);
  const platforms = platformsOf(b);
  if (platforms.length > 0) node.push(['Platforms:', platforms.join(', ')]);
  let text = `${block(head)}\nNodes:\n${block(node)}`;
  if (b.booted) {
    const labels: Array<[string, string]> = container
      ? [
          ['org.mobyproject.buildkit.worker.executor:', 'oci'],
          ['org.mobyproject.buildkit.worker.hostname:', hostnameOf(b.name)],
          ['org.mobyproject.buildkit.worker.network:', 'host'],
          ['org.mobyproject.buildkit.worker.oci.process-mode:', 'sandbox'],
          ['org.mobyproject.buildkit.worker.selinux.enabled:', 'false'],
          ['org.mobyproject.buildkit.worker.snapshotter:', 'overlayfs'],
        ]
      : [['org.mobyproject.buildkit.worker.moby.host-gateway-ip:', '172.17.0.1']];
    text += `Labels:\n${block(labels.map(([k, v]) => [` ${k}`, v] as const))}`;
  }
  return text;
}

/** The BuildKit container's hostname: its short container ID, stable per builder name. */
function hostnameOf(name: string): string {
  let a = 0x811c9dc5;
  let c = 0x01000193;
  for (let i = 0; i < name.length; i++) {
    a = Math.imul(a ^ name.charCodeAt(i), 0x01000193) >>> 0;
    c = Math.imul(c ^ name.charCodeAt(i), 0x811c9dc5) >>> 0;
  }
  return (a.toString(16).padStart(8, '0') + c.toString(16).padStart(8, '0')).slice(0, 12);
}

export const BUILDX_COMMANDS: readonly DockerCommand[] = [create, use, ls, inspect, rm];
