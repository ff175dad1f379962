import { describe, expect, it } from 'vitest';
import { DockerfileError } from '../errors';
import { createArgScope } from './arg-scope';
import { parsePlatform } from './platform-args';
import { createShellLexer } from './shell-lexer';

const lexer = createShellLexer('\\');

describe('meta args (before the first FROM)', () => {
  it('take the build-arg when given, else the default', () => {
    const scope = createArgScope({ buildArgs: { A: 'from-cli' } });
    expect(scope.declareMeta({ key: 'A', value: 'default' })).toMatchObject({ value: 'from-cli', source: 'build-arg' });
    expect(scope.declareMeta({ key: 'B', value: 'default' })).toMatchObject({ value: 'default', source: 'default' });
    expect(scope.metaEnv().get('A')).toBe('from-cli');
  });

  it('expand defaults against earlier meta args only', () => {
    const scope = createArgScope();
    scope.declareMeta({ key: 'VERSION', value: '3.20' });
    const base = scope.declareMeta({ key: 'BASE', value: 'alpine:${VERSION}${LATER:-}' });
    scope.declareMeta({ key: 'LATER', value: '-x' });
    expect(base.value).toBe('alpine:3.20');
    expect([...base.unmatched]).toEqual(['LATER']);
    expect(lexer.expandWord('$BASE', scope.metaEnv())).toBe('alpine:3.20');
  });

  it('leave a name unset when declared without value or build-arg', () => {
    const scope = createArgScope();
    expect(scope.declareMeta({ key: 'IMG', value: null })).toMatchObject({ value: undefined, source: 'none' });
    expect(scope.metaEnv().get('IMG')).toBeUndefined();
  });

  it('fail with a DockerfileError when a default does not expand', () => {
    const scope = createArgScope();
    expect(() => scope.declareMeta({ key: 'X', value: '${NEEDED:?set it}' })).toThrow(DockerfileError);
    expect(() => scope.declareMeta({ key: 'X', value: '${NEEDED:?set it}' })).toThrow('NEEDED: set it');
  });
});

describe('predefined platform args', () => {
  it('describe a linux/amd64 build by default', () => {
    const env = createArgScope({ targetStage: 'final' }).metaEnv();
    const get = (name: string) => env.get(name);
    expect(['BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'BUILDOSVERSION'].map(get)).toEqual(['linux/amd64', 'linux', 'amd64', '', '']);
    expect(['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE'].map(get)).toEqual(['linux/amd64', 'linux', 'amd64', '', 'final']);
  });

  it('follow the target platform, normalized like containerd', () => {
    const env = createArgScope({ platform: 'linux/arm' }).metaEnv();
    expect([env.get('TARGETPLATFORM'), env.get('TARGETARCH'), env.get('TARGETVARIANT')]).toEqual(['linux/arm/v7', 'arm', 'v7']);
    expect(env.get('BUILDPLATFORM')).toBe('linux/amd64');
    expect(parsePlatform('linux/aarch64')).toMatchObject({ architecture: 'arm64', variant: '' });
    expect(parsePlatform('arm64')).toMatchObject({ os: 'linux', architecture: 'arm64' });
    expect(() => parsePlatform('linux//x')).toThrow(DockerfileError);
  });

  it('can be overridden by a build-arg or a meta ARG default', () => {
    const scope = createArgScope({ buildArgs: { TARGETARCH: 'riscv64' } });
    expect(scope.metaEnv().get('TARGETARCH')).toBe('riscv64');
    scope.declareMeta({ key: 'TARGETOS', value: 'plan9' });
    scope.declareMeta({ key: 'BUILDOS', value: null }); // no value: keeps the predefined one
    expect([scope.metaEnv().get('TARGETOS'), scope.metaEnv().get('BUILDOS')]).toEqual(['plan9', 'linux']);
  });

  it('are only visible in a stage once declared', () => {
    const stage = createArgScope({ platform: 'linux/arm64' }).startStage();
    expect(stage.lookup().get('TARGETARCH')).toBeUndefined();
    expect(stage.declare({ key: 'TARGETARCH', value: null })).toMatchObject({ value: 'arm64', source: 'global' });
    expect(lexer.expandWord('bin-$TARGETARCH', stage.lookup())).toBe('bin-arm64');
  });
});

describe('ARG inside a stage', () => {
  it('exists from its line onward: before it $X is empty and ${X:-d} uses d', () => {
    const stage = createArgScope().startStage();
    expect(lexer.expandWord('[$X][${X:-d}]', stage.lookup())).toBe('[][d]');
    stage.declare({ key: 'X', value: 'v' });
    expect(lexer.expandWord('[$X][${X:-d}]', stage.lookup())).toBe('[v][v]');
  });

  it('does not see meta args unless declared, then inherits their value', () => {
    const scope = createArgScope();
    scope.declareMeta({ key: 'VERSION', value: '1.2' });
    const stage = scope.startStage();
    expect(stage.lookup().get('VERSION')).toBeUndefined();
    expect(stage.declare({ key: 'VERSION', value: null })).toMatchObject({ value: '1.2', source: 'global' });
  });

  it('ARG X without value takes the build-arg first', () => {
    const scope = createArgScope({ buildArgs: { VERSION: 'cli' } });
    scope.declareMeta({ key: 'VERSION', value: '1.2' });
    expect(scope.startStage().declare({ key: 'VERSION', value: null })).toMatchObject({ value: 'cli', source: 'build-arg' });
    expect(scope.startStage().declare({ key: 'OTHER', value: null })).toMatchObject({ value: undefined, source: 'none' });
  });

  it('ARG X=d uses the build-arg if given, else d expanded with the current env', () => {
    const scope = createArgScope({ buildArgs: { B: 'cli' } });
    scope.declareMeta({ key: 'META', value: 'm' });
    const stage = scope.startStage({ kind: 'image', env: ['HOME=/root'] });
    stage.declare({ key: 'A', value: 'a' });
    expect(stage.declare({ key: 'B', value: 'default' })).toMatchObject({ value: 'cli', source: 'build-arg' });
    const c = stage.declare({ key: 'C', value: '$HOME/$A/${META}' });
    expect(c).toMatchObject({ value: '/root/a/', source: 'default' });
    expect([...c.matched]).toEqual(['HOME', 'A']);
    expect([...c.unmatched]).toEqual(['META']); // meta args are not in the stage env
  });

  it('an ENV of the same name overrides it afterwards (last assignment wins)', () => {
    const stage = createArgScope({ buildArgs: { V: 'arg' } }).startStage();
    stage.declare({ key: 'V', value: null });
    expect(stage.lookup().get('V')).toBe('arg');
    stage.setEnv('V', 'env');
    expect(stage.lookup().get('V')).toBe('env');
    stage.declare({ key: 'V', value: null }); // BuildKit: a later ARG writes the state env again
    expect(stage.lookup().get('V')).toBe('arg');
  });

  it('starts from the base image env', () => {
    const stage = createArgScope().startStage({ kind: 'image', env: ['PATH=/usr/bin', 'EMPTY=', 'BARE', 'A=1=2'] });
    expect(stage.env()).toEqual([['PATH', '/usr/bin'], ['EMPTY', ''], ['BARE', ''], ['A', '1=2']]);
  });

  it('a stage built FROM another stage inherits its ARGs and env; unrelated stages do not', () => {
    const scope = createArgScope();
    const builder = scope.startStage({ kind: 'image', env: ['PATH=/bin'] });
    builder.declare({ key: 'APP', value: 'web' });
    builder.setEnv('MODE', 'prod');
    const child = scope.startStage(builder);
    expect(child.lookup().get('APP')).toBe('web');
    expect(child.lookup().get('MODE')).toBe('prod');
    expect(child.declaredArgs()).toEqual([{ key: 'APP', value: 'web' }]);
    child.declare({ key: 'EXTRA', value: 'x' });
    expect(builder.lookup().get('EXTRA')).toBeUndefined(); // the parent is unaffected
    const unrelated = scope.startStage();
    expect(unrelated.lookup().get('APP')).toBeUndefined();
  });

  it('lookup() is a snapshot: later lines do not change an earlier instruction env', () => {
    const stage = createArgScope().startStage();
    const before = stage.lookup();
    stage.setEnv('X', '1');
    expect(before.get('X')).toBeUndefined();
  });
});

describe('proxy and unused build-args', () => {
  it('keeps proxy build-args out of the expansion env unless declared', () => {
    const scope = createArgScope({ buildArgs: { HTTP_PROXY: 'http://p:3128', no_proxy: 'localhost' } });
    const stage = scope.startStage();
    expect(stage.lookup().get('HTTP_PROXY')).toBeUndefined();
    expect(stage.proxyEnv()).toEqual([['HTTP_PROXY', 'http://p:3128'], ['no_proxy', 'localhost']]);
    stage.declare({ key: 'HTTP_PROXY', value: null });
    expect(stage.lookup().get('HTTP_PROXY')).toBe('http://p:3128');
    expect(stage.proxyEnv()).toEqual([['no_proxy', 'localhost']]);
  });

  it('lists build-args no ARG declared, sorted, without builtin ones', () => {
    const scope = createArgScope({
      buildArgs: { ZED: '1', USED: '2', ALPHA: '3', META: '4', HTTPS_PROXY: 'p', TARGETARCH: 'arm64', SOURCE_DATE_EPOCH: '0' },
    });
    scope.declareMeta({ key: 'META', value: null });
    scope.startStage().declare({ key: 'USED', value: 'd' });
    expect(scope.unusedBuildArgs()).toEqual(['ALPHA', 'ZED']);
    expect(`[Warning] One or more build-args [${scope.unusedBuildArgs().join(' ')}] were not consumed`).toBe(
      '[Warning] One or more build-args [ALPHA ZED] were not consumed',
    );
  });

  it('expands defaults with the Dockerfile escape character', () => {
    const stage = createArgScope({ escapeToken: '`' }).startStage();
    expect(stage.declare({ key: 'P', value: 'C:\\a`$b' }).value).toBe('C:\\a$b');
  });
});
