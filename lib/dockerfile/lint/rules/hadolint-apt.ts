/**
 * hadolint's apt rules (DL3008, DL3009, DL3014, DL3015, DL3027), after
 * `src/Hadolint/Rule/DL30xx.hs`: conditions and messages as hadolint has them.
 */
import { argsNoFlags, cmdHasArgs, dropFlagValues, hasAnyFlag, hasArg, hasFlag } from '../shell/command-args';
import type { CommandRef } from '../shell/run-analysis';
import type { LintRule } from '../types';
import { appendCommand, cacheMountTargets, commandSpan, insertAfter, replace, reportFirstUnpinned } from './shared';

const isAptGetInstall = (ref: CommandRef): boolean => cmdHasArgs(ref.command, 'apt-get', ['install']);
const installWord = (ref: CommandRef) => ref.command.args.find((w) => w.value === 'install');

export const DL3008: LintRule = {
  id: 'DL3008',
  name: 'AptGetPinVersions',
  severity: 'warning',
  source: 'hadolint',
  summary: 'Pin versions in apt-get install.',
  explanation:
    'Without a version, `apt-get install curl` installs whatever the mirror has on the day of the build, so two builds of ' +
    'the same Dockerfile can differ. Pinning (`curl=7.88.1-10+deb12u5`) makes the build reproducible and makes an upgrade a ' +
    'visible change in the Dockerfile. Pins must be updated when the distribution drops the old version.',
  exampleFix: { bad: 'RUN apt-get install -y curl', good: 'RUN apt-get install -y curl=7.88.1-10+deb12u5' },
  check(ctx, report) {
    reportFirstUnpinned(
      ctx,
      report,
      (cmd) => {
        if (!cmdHasArgs(cmd, 'apt-get', ['install'])) return undefined;
        const packages = argsNoFlags(dropFlagValues(cmd.args, ['t', 'target-release'])).filter((w) => w.value !== 'install');
        return packages.find((w) => !(w.value.includes('=') || w.value.includes('/') || w.value.endsWith('.deb')));
      },
      'Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>`',
    );
  },
};

export const DL3009: LintRule = {
  id: 'DL3009',
  name: 'AptGetCleanLists',
  severity: 'info',
  source: 'hadolint',
  summary: 'Delete the apt-get lists after installing something.',
  explanation:
    '`apt-get update` downloads package indexes into /var/lib/apt/lists (often 20–50 MB). If they are not removed in the same ' +
    'RUN, they are frozen into that layer and shipped with the image. Removing them in a later RUN does not help: the earlier ' +
    'layer still contains them. Only stages that end up in the image (the last one, or one another stage builds FROM) matter.',
  exampleFix: {
    bad: 'RUN apt-get update && apt-get install -y curl',
    good: 'RUN apt-get update && apt-get install -y curl \\\n && rm -rf /var/lib/apt/lists/*',
  },
  check(ctx, report) {
    for (const { run, stage, onbuild } of ctx.runs) {
      if (!(stage.isFinal || stage.usedAsBase || onbuild)) continue;
      const commands = ctx.analyze(run).commands;
      const hasUpdate = commands.some((r) => cmdHasArgs(r.command, 'apt-get', ['update']));
      // hadolint accepts an `rm` with either `-rf` or the lists glob as cleanup.
      const hasCleanup = commands.some((r) => cmdHasArgs(r.command, 'rm', ['-rf', '/var/lib/apt/lists/*']));
      if (!hasUpdate || hasCleanup) continue;
      const targets = cacheMountTargets(run);
      const cached = (dir: string) => targets.some((t) => t.startsWith(dir));
      // A cache mount keeps the lists out of the layer altogether.
      if (cached('/var/lib/apt/lists') || (cached('/var/lib/apt') && cached('/var/cache/apt'))) continue;
      report({
        node: run.node,
        message: 'Delete the apt-get lists after installing something.',
        fix: appendCommand(ctx, run, 'rm -rf /var/lib/apt/lists/*', 'Remove the apt lists in the same RUN'),
      });
    }
  },
};

export const DL3014: LintRule = {
  id: 'DL3014',
  name: 'AptGetYes',
  severity: 'warning',
  source: 'hadolint',
  summary: 'Use the -y switch with apt-get install.',
  explanation:
    'A build has no one to answer apt-get\'s "Do you want to continue? [Y/n]" prompt, so without `-y` the install aborts as ' +
    'soon as it would ask. `-y` (or `--yes`, `-qq`) answers yes for you.',
  exampleFix: { bad: 'RUN apt-get install curl', good: 'RUN apt-get install -y curl' },
  check(ctx, report) {
    for (const { run } of ctx.runs) {
      const ref = ctx.analyze(run).commands.find((r) => isAptGetInstall(r) && !hasAnyFlag(r.command, ['y', 'yes', 'q', 'assume-yes']));
      if (!ref) continue;
      const install = installWord(ref);
      report({
        node: run.node,
        range: commandSpan(ctx, run, ref, install),
        message: 'Use the `-y` switch to avoid manual input `apt-get -y install <package>`',
        fix: install && insertAfter(ctx, ref, install, ' -y', 'Add -y'),
      });
    }
  },
};

export const DL3015: LintRule = {
  id: 'DL3015',
  name: 'AptGetNoInstallRecommends',
  severity: 'info',
  source: 'hadolint',
  summary: 'Avoid additional packages by specifying --no-install-recommends.',
  explanation:
    'By default apt-get also installs the packages a package merely recommends: documentation, optional helpers, sometimes ' +
    'hundreds of megabytes the container never uses. `--no-install-recommends` installs only what is required, which keeps ' +
    'the layer small and the attack surface low.',
  exampleFix: { bad: 'RUN apt-get install -y python3', good: 'RUN apt-get install -y --no-install-recommends python3' },
  check(ctx, report) {
    for (const { run } of ctx.runs) {
      const ref = ctx.analyze(run).commands.find(
        (r) => isAptGetInstall(r) && !hasFlag(r.command, 'no-install-recommends') && !hasArg(r.command, 'APT::Install-Recommends=false'),
      );
      if (!ref) continue;
      const install = installWord(ref);
      report({
        node: run.node,
        range: commandSpan(ctx, run, ref, install),
        message: 'Avoid additional packages by specifying `--no-install-recommends`',
        fix: install && insertAfter(ctx, ref, install, ' --no-install-recommends', 'Add --no-install-recommends'),
      });
    }
  },
};

const APT_GET_SUBCOMMANDS = new Set(['install', 'update', 'upgrade', 'remove', 'purge', 'autoremove', 'dist-upgrade', 'clean', 'autoclean']);
const APT_CACHE_SUBCOMMANDS = new Set(['search', 'show', 'policy', 'depends', 'rdepends', 'madison']);

export const DL3027: LintRule = {
  id: 'DL3027',
  name: 'NoApt',
  severity: 'warning',
  source: 'hadolint',
  summary: 'Use apt-get or apt-cache instead of apt.',
  explanation:
    '`apt` is meant for people at a terminal: its output and behaviour may change between releases and it warns that it has ' +
    'no stable command-line interface. Scripts, and Dockerfiles are scripts, should use `apt-get` and `apt-cache`, whose ' +
    'interface is stable.',
  exampleFix: { bad: 'RUN apt install -y curl', good: 'RUN apt-get install -y curl' },
  check(ctx, report) {
    for (const { run } of ctx.runs) {
      const ref = ctx.analyze(run).commands.find((r) => r.command.name.value === 'apt');
      if (!ref) continue;
      const sub = argsNoFlags(ref.command.args)[0]?.value ?? '';
      const tool = APT_GET_SUBCOMMANDS.has(sub) ? 'apt-get' : APT_CACHE_SUBCOMMANDS.has(sub) ? 'apt-cache' : null;
      const exact = ref.part.kind === 'exec' ? null : ctx.exactRange(ref.part, ref.command.name);
      report({
        node: run.node,
        range: ctx.wordRange(run, ref.part, ref.command.name),
        message: 'Do not use apt as it is meant to be a end-user tool, use apt-get or apt-cache instead',
        fix: tool && exact ? replace(exact, tool, `Use ${tool}`) : undefined,
      });
    }
  },
};
