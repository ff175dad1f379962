import { describe, expect, it } from 'vitest';
import type { Digest } from '@/lib/util';
import { createHistoryEntry } from './created-by';
import {
  DEFAULT_PATH_ENV_LINUX,
  addEnv,
  emptyConfig,
  fromBase,
  updateConfig,
  withAuthor,
  withEnv,
  withExposedPorts,
  withHistory,
  withLabels,
  withOnBuild,
  withVolumes,
} from './update-config';

const D1: Digest = `sha256:${'1'.repeat(64)}`;
const scratch = emptyConfig({ architecture: 'amd64', os: 'linux' });

describe('emptyConfig (dockerfile2llb emptyImage)', () => {
  it('starts FROM scratch with PATH and WorkingDir /', () => {
    expect(scratch).toEqual({
      architecture: 'amd64',
      os: 'linux',
      config: { Env: [`PATH=${DEFAULT_PATH_ENV_LINUX}`], WorkingDir: '/' },
      rootfs: { type: 'layers', diff_ids: [] },
      history: [],
    });
  });

  it('keeps the variant and sets no PATH on Windows', () => {
    expect(emptyConfig({ architecture: 'arm', os: 'linux', variant: 'v7' }).variant).toBe('v7');
    expect(emptyConfig({ architecture: 'amd64', os: 'windows' }).config).toEqual({ WorkingDir: '/' });
  });
});

describe('run config edits', () => {
  it('replaces an existing variable in place and appends new ones', () => {
    expect(addEnv(['A=1', 'B=2'], 'A', '3')).toEqual(['A=3', 'B=2']);
    expect(addEnv(['A=1'], 'a', '3')).toEqual(['A=1', 'a=3']);
    expect(addEnv(['Path=x'], 'PATH', 'y', 'windows')).toEqual(['PATH=y']);
    const next = withEnv(scratch, [['PYTHONUNBUFFERED', '1'], ['PATH', '/venv/bin:/usr/bin']]);
    expect(next.config.Env).toEqual(['PATH=/venv/bin:/usr/bin', 'PYTHONUNBUFFERED=1']);
  });

  it('never mutates its input', () => {
    const frozen = Object.freeze({ ...scratch, config: Object.freeze({ ...scratch.config }) });
    const next = updateConfig(frozen, { Cmd: ['sh'], WorkingDir: undefined });
    expect(next.config).toEqual({ Env: scratch.config.Env, Cmd: ['sh'] });
    expect(frozen.config.WorkingDir).toBe('/');
  });

  it('merges labels, ports, volumes and triggers', () => {
    let image = withLabels(scratch, [['a', '1'], ['b', '2']]);
    image = withLabels(image, [['a', '3'], ['__proto__', 'x']]);
    expect(image.config.Labels).toEqual({ a: '3', b: '2', ['__proto__']: 'x' });
    expect(Object.getPrototypeOf(image.config.Labels)).toBe(Object.prototype);
    image = withExposedPorts(withExposedPorts(image, ['80/tcp']), ['443/tcp', '80/tcp']);
    expect(Object.keys(image.config.ExposedPorts ?? {})).toEqual(['80/tcp', '443/tcp']);
    image = withVolumes(image, ['/data']);
    expect(image.config.Volumes).toEqual({ '/data': {} });
    image = withOnBuild(withOnBuild(image, 'RUN a'), 'RUN b');
    expect(image.config.OnBuild).toEqual(['RUN a', 'RUN b']);
    expect(fromBase(image).config.OnBuild).toBeUndefined();
    expect(withAuthor(image, 'me').author).toBe('me');
  });
});

describe('withHistory', () => {
  it('pairs layers with non-empty history entries', () => {
    const run = createHistoryEntry({ kind: 'run', command: { form: 'shell', text: 'true' } }, 'buildkit');
    const env = createHistoryEntry({ kind: 'env', pairs: [['A', '1']] }, 'buildkit');
    if (run === null || env === null) throw new Error('entries expected');
    const image = withHistory(withHistory(scratch, run, D1), env);
    expect(image.rootfs.diff_ids).toEqual([D1]);
    expect(image.history?.map((h) => h.empty_layer ?? false)).toEqual([false, true]);
    expect(() => withHistory(scratch, run)).toThrow(RangeError);
    expect(() => withHistory(scratch, env, D1)).toThrow(RangeError);
    expect(scratch.history).toEqual([]);
  });
});
