/**
 * hadolint's pip, npm, apk and yarn rules (DL3013, DL3016, DL3018, DL3019, DL3042, DL3060).
 */
import type { ShellCommand } from '../shell/parse-shell';
import { afterSubcommand, argsNoFlags, cmdHasArgs, dropFlagValues, hasArg, hasFlag } from '../shell/command-args';
import type { CommandRef } from '../shell/run-analysis';
import type { LintRule } from '../types';
import { appendCommand, commandSpan, dropQuotes, insertAfter, reportFirstUnpinned } from './shared';

const contains = (cmd: ShellCommand, seq: readonly string[]): boolean => {
  const values = cmd.args.map((w) => w.value);
  return values.some((_, i) => seq.every((s, k) => values[i + k] === s));
};

/** hadolint `isPipInstall`: `pip*` with an `install` argument, or `python* -m pip install`. */
export function isPipInstall(cmd: ShellCommand): boolean {
  const name = cmd.name.value;
  return (name.startsWith('pip') && hasArg(cmd, 'install')) || (name.startsWith('python') && contains(cmd, ['-m', 'pip', 'install']));
}

const PIP_VALUE_FLAGS = [
  'abi', 'b', 'build', 'e', 'editable', 'extra-index-url', 'f', 'find-links', 'i', 'index-url', 'implementation', 'no-binary',
  'only-binary', 'platform', 'prefix', 'progress-bar', 'proxy', 'python-version', 'root', 'src', 't', 'target', 'trusted-host',
  'upgrade-strategy',
];
const VERSION_SYMBOLS = ['==', '>=', '<=', '>', '<', '!=', '~=', '==='];
const VCS_SCHEMES = [
  'git+file', 'git+https', 'git+ssh', 'git+http', 'git+git', 'git', 'hg+file', 'hg+http', 'hg+https', 'hg+ssh', 'hg+static-http',
  'svn', 'svn+svn', 'svn+http', 'svn+https', 'svn+ssh', 'bzr+http', 'bzr+https', 'bzr+ssh', 'bzr+sftp', 'bzr+ftp', 'bzr+lp',
];

function pipPinned(pkg: string): boolean {
  const vcs = VCS_SCHEMES.some((s) => pkg.startsWith(s));
  return (
    VERSION_SYMBOLS.some((s) => pkg.includes(s)) ||
    (vcs && pkg.includes('@')) ||
    pkg.endsWith('.whl') ||
    pkg.endsWith('.tar.gz') ||
    (!vcs && pkg.includes('/'))
  );
}

export const DL3013: LintRule = {
  id: 'DL3013',
  name: 'PipPinVersions',
  severity: 'warning',
  source: 'hadolint',
  summary: 'Pin versions in pip.',
  explanation:
    '`pip install flask` installs the newest release on every build, so a rebuild months later can pull in a new major ' +
    'version and break the app. Pin each package (`flask==3.0.3`) or install from a requirements file that pins them; ' +
    'installing a local project (`pip install .`) or a wheel file is already pinned by its contents.',
  exampleFix: { bad: 'RUN pip install --no-cache-dir flask', good: 'RUN pip install --no-cache-dir flask==3.0.3' },
  check(ctx, report) {
    reportFirstUnpinned(
      ctx,
      report,
      (cmd) => {
        if (!isPipInstall(cmd) || hasFlag(cmd, 'constraint') || hasFlag(cmd, 'c')) return undefined;
        // Requirement files and the local project are pinned elsewhere (hadolint `requirementInstall`).
        if (hasArg(cmd, '--requirement') || hasArg(cmd, '-r') || hasArg(cmd, '.')) return undefined;
        return afterSubcommand(argsNoFlags(dropFlagValues(cmd.args, PIP_VALUE_FLAGS)), 'install').find((w) => !pipPinned(w.value));
      },
      'Pin versions in pip. Instead of `pip install <package>` use `pip install <package>==<version>` or `pip install --requirement <requirements file>`.',
    );
  },
};

function npmPinned(pkg: string): boolean {
  if (['git://', 'git+ssh://', 'git+http://', 'git+https://'].some((p) => pkg.startsWith(p))) return pkg.includes('#');
  if (['.tar', '.tar.gz', '.tgz'].some((s) => pkg.endsWith(s))) return true;
  if (['/', './', '../', '~/'].some((p) => pkg.startsWith(p))) return true;
  // `@scope/name@1.2.3`: the version `@` comes after the scope.
  const unscoped = pkg.startsWith('@') ? pkg.slice(Math.max(0, pkg.indexOf('/'))) : pkg;
  return unscoped.includes('@');
}

export const DL3016: LintRule = {
  id: 'DL3016',
  name: 'NpmPinVersions',
  severity: 'warning',
  source: 'hadolint',
  summary: 'Pin versions in npm.',
  explanation:
    '`npm install express` resolves to the latest release at build time, so the same Dockerfile builds different images ' +
    'over time. Name a version (`express@4.19.2`), or better, list dependencies in package.json with a lock file and run ' +
    'plain `npm ci`.',
  exampleFix: { bad: 'RUN npm install -g typescript', good: 'RUN npm install -g typescript@5.4.5' },
  check(ctx, report) {
    reportFirstUnpinned(
      ctx,
      report,
      (cmd) =>
        cmdHasArgs(cmd, 'npm', ['install']) && argsNoFlags(cmd.args)[0]?.value === 'install'
          ? afterSubcommand(argsNoFlags(cmd.args), 'install').find((w) => !npmPinned(w.value))
          : undefined,
      'Pin versions in npm. Instead of `npm install <package>` use `npm install <package>@<version>`',
    );
  },
};

export const DL3018: LintRule = {
  id: 'DL3018',
  name: 'ApkPinVersions',
  severity: 'warning',
  source: 'hadolint',
  summary: 'Pin versions in apk add.',
  explanation:
    'Like apt, `apk add curl` takes whatever version the Alpine mirror offers that day, so rebuilds drift. Pin with ' +
    '`curl=8.5.0-r0`, or allow patch updates with `curl~=8.5`.',
  exampleFix: { bad: 'RUN apk add --no-cache curl', good: 'RUN apk add --no-cache curl=8.5.0-r0' },
  check(ctx, report) {
    reportFirstUnpinned(
      ctx,
      report,
      (cmd) => {
        if (!cmdHasArgs(cmd, 'apk', ['add'])) return undefined;
        const packages = argsNoFlags(dropFlagValues(cmd.args, ['t', 'virtual', 'repository', 'X'])).filter((w) => w.value !== 'add');
        return packages.find((w) => !(w.value.includes('=') || w.value.includes('~') || w.value.endsWith('.apk')));
      },
      'Pin versions in apk add. Instead of `apk add <package>` use `apk add <package>=<version>`',
    );
  },
};

export const DL3019: LintRule = {
  id: 'DL3019',
  name: 'ApkNoCache',
  severity: 'info',
  source: 'hadolint',
  summary: 'Use apk add --no-cache.',
  explanation:
    'Without `--no-cache`, apk keeps its package index in /var/cache/apk, and that copy is saved in the layer. ' +
    '`apk add --no-cache` fetches a fresh index, installs, and leaves nothing behind, so there is no need for ' +
    '`apk update` before or `rm -rf /var/cache/apk/*` after.',
  exampleFix: { bad: 'RUN apk update && apk add curl', good: 'RUN apk add --no-cache curl' },
  check(ctx, report) {
    for (const { run } of ctx.runs) {
      const ref = ctx.analyze(run).commands.find((r) => cmdHasArgs(r.command, 'apk', ['add']) && !hasFlag(r.command, 'no-cache'));
      if (!ref) continue;
      const add = ref.command.args.find((w) => w.value === 'add');
      report({
        node: run.node,
        range: commandSpan(ctx, run, ref, add),
        message: 'Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages',
        fix: add && insertAfter(ctx, ref, add, ' --no-cache', 'Add --no-cache'),
      });
    }
  },
};

const TRUTHY = new Set(['1', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'yes', 'Yes', 'YES']);

function isPipWrapper(cmd: ShellCommand): boolean {
  const name = cmd.name.value;
  return ['pipx', 'pipenv'].some((w) => name.includes(w) || (name.startsWith('python') && contains(cmd, ['-m', w])));
}

/** hadolint looks for `PIP_NO_CACHE_DIR=<truthy>` anywhere in the RUN text. */
function inlineNoCacheDir(text: string): boolean {
  const at = text.indexOf('PIP_NO_CACHE_DIR=');
  if (at < 0) return false;
  const value = text.slice(at + 'PIP_NO_CACHE_DIR='.length);
  return [...TRUTHY].some((t) => value.startsWith(t));
}

export const DL3042: LintRule = {
  id: 'DL3042',
  name: 'PipNoCacheDir',
  severity: 'warning',
  source: 'hadolint',
  summary: 'Use pip install --no-cache-dir.',
  explanation:
    'pip keeps every wheel it downloads in ~/.cache/pip so the next install is faster, but in an image there is no next ' +
    'install: the cache is dead weight frozen into the layer, often 100 MB or more. `--no-cache-dir` (or ' +
    '`ENV PIP_NO_CACHE_DIR=1`) keeps it out.',
  exampleFix: { bad: 'RUN pip install -r requirements.txt', good: 'RUN pip install --no-cache-dir -r requirements.txt' },
  check(ctx, report) {
    // Keyed like hadolint: by stage alias or image name; a stage inherits its base's setting.
    const noCache = new Map<string, boolean>();
    for (const stage of ctx.stages) {
      const key = stage.name ?? stage.image.name;
      noCache.set(key, noCache.get(stage.image.name) ?? false);
      for (const ins of stage.stage.commands) {
        if (ins.kind === 'env') {
          const pair = ins.pairs.find((p) => p.key === 'PIP_NO_CACHE_DIR');
          if (pair && TRUTHY.has(dropQuotes(pair.value))) noCache.set(key, true);
          continue;
        }
        const run = ins.kind === 'run' ? ins : ins.kind === 'onbuild' && ins.trigger?.kind === 'run' ? ins.trigger : null;
        if (!run || noCache.get(key)) continue;
        const analysis = ctx.analyze(run);
        if (inlineNoCacheDir(analysis.original)) continue;
        const ref = analysis.commands.find((r: CommandRef) => isPipInstall(r.command) && !hasArg(r.command, '--no-cache-dir') && !isPipWrapper(r.command));
        if (!ref) continue;
        const install = ref.command.args.find((w) => w.value === 'install');
        report({
          node: run.node,
          range: commandSpan(ctx, run, ref, install),
          message: 'Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`.',
          fix: install && insertAfter(ctx, ref, install, ' --no-cache-dir', 'Add --no-cache-dir'),
        });
      }
    }
  },
};

export const DL3060: LintRule = {
  id: 'DL3060',
  name: 'YarnCacheClean',
  severity: 'info',
  source: 'hadolint',
  summary: '`yarn cache clean` missing after `yarn install`.',
  explanation:
    'Yarn keeps a copy of every package it downloads in its global cache. In a stage that ships, run `yarn cache clean` in ' +
    'the same RUN as `yarn install` so the cache never reaches a layer; cleaning in a later RUN would not shrink the image.',
  exampleFix: { bad: 'RUN yarn install --frozen-lockfile', good: 'RUN yarn install --frozen-lockfile && yarn cache clean' },
  check(ctx, report) {
    for (const { run, stage, onbuild } of ctx.runs) {
      if (!(stage.isFinal || stage.usedAsBase || onbuild)) continue;
      const commands = ctx.analyze(run).commands;
      if (!commands.some((r) => cmdHasArgs(r.command, 'yarn', ['install']))) continue;
      if (commands.some((r) => cmdHasArgs(r.command, 'yarn', ['cache', 'clean']))) continue;
      report({
        node: run.node,
        message: '`yarn cache clean` missing after `yarn install` was run.',
        fix: appendCommand(ctx, run, 'yarn cache clean', 'Clean the yarn cache in the same RUN'),
      });
    }
  },
};
