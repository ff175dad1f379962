/**
 * Layerlab rules about the build cache and the build context (material 3.1, "Order Layers by
 * Change Frequency" and "Use .dockerignore"): LL1001, LL1004, LL1007.
 */
import type { Word } from '../../ast';
import type { AddInstruction, CopyInstruction } from '../../instructions/types';
import { argsNoFlags, cmdHasArgs, hasArg } from '../shell/command-args';
import type { ShellCommand } from '../shell/parse-shell';
import type { LintRule } from '../types';
import { isPipInstall } from './hadolint-packages';
import { dropQuotes } from './shared';

/** The `.` source of a COPY/ADD from the build context (`COPY . .`, `ADD ./ /app`), if any. */
function wholeContextSource(ins: CopyInstruction | AddInstruction): Word | undefined {
  if (ins.kind === 'copy' && ins.from !== null) return undefined;
  return ins.sources.find((w) => ['.', './'].includes(dropQuotes(w.value)));
}

const describe = (ins: CopyInstruction | AddInstruction): string =>
  `${ins.node.rawKeyword} ${[...ins.sources, ins.destination].map((w) => w.value).join(' ')}`;

/** A dependency install and the manifests it reads, or null. */
function dependencyInstall(cmd: ShellCommand): { shown: string; manifests: string } | null {
  const name = cmd.name.value.slice(cmd.name.value.lastIndexOf('/') + 1);
  const sub = argsNoFlags(cmd.args)[0]?.value;
  const hasRequirements = cmd.args.some((w) => w.value === '-r' || w.value.startsWith('--requirement') || /^-r\S/.test(w.value));
  if (isPipInstall(cmd) && hasRequirements) return { shown: `${name} install -r`, manifests: 'requirements.txt' };
  if (['npm', 'pnpm'].includes(name) && ['install', 'i', 'ci'].includes(sub ?? '')) return { shown: `${name} ${sub}`, manifests: 'package.json and the lock file' };
  if (name === 'yarn' && (sub === undefined || sub === 'install')) return { shown: 'yarn install', manifests: 'package.json and yarn.lock' };
  if (name === 'go' && cmdHasArgs(cmd, 'go', ['mod']) && hasArg(cmd, 'download')) return { shown: 'go mod download', manifests: 'go.mod and go.sum' };
  if (name === 'bundle' && sub === 'install') return { shown: 'bundle install', manifests: 'Gemfile and Gemfile.lock' };
  if (name === 'composer' && sub === 'install') return { shown: 'composer install', manifests: 'composer.json and composer.lock' };
  if (name === 'poetry' && sub === 'install') return { shown: 'poetry install', manifests: 'pyproject.toml and poetry.lock' };
  if (name === 'pipenv' && sub === 'install') return { shown: 'pipenv install', manifests: 'Pipfile and Pipfile.lock' };
  if (name === 'cargo' && sub === 'fetch') return { shown: 'cargo fetch', manifests: 'Cargo.toml and Cargo.lock' };
  if (['mvn', 'mvnw'].includes(name) && sub?.startsWith('dependency:')) return { shown: `mvn ${sub}`, manifests: 'pom.xml' };
  return null;
}

export const LL1001: LintRule = {
  id: 'LL1001',
  name: 'CopyContextBeforeInstall',
  severity: 'warning',
  source: 'layerlab',
  summary: 'Copy dependency manifests and install before copying the whole context.',
  explanation:
    'Docker reuses a cached layer only while everything before it is unchanged, and `COPY . .` changes whenever any file ' +
    'in the project does. Put it before `npm ci` or `pip install -r requirements.txt` and every code edit re-runs the ' +
    'whole install. Copy just the manifests first, install, then copy the rest: the install stays cached until the ' +
    'dependencies change.',
  exampleFix: {
    bad: 'FROM node:18\nWORKDIR /app\nCOPY . .\nRUN npm ci',
    good: 'FROM node:18\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .',
  },
  check(ctx, report) {
    for (const stage of ctx.stages) {
      let copy: { ins: CopyInstruction | AddInstruction; word: Word } | null = null;
      for (const ins of stage.stage.commands) {
        if ((ins.kind === 'copy' || ins.kind === 'add') && copy === null) {
          const word = wholeContextSource(ins);
          if (word) copy = { ins, word };
          continue;
        }
        if (ins.kind !== 'run' || copy === null) continue;
        const install = ctx.analyze(ins).commands.map((ref) => dependencyInstall(ref.command)).find((x) => x !== null);
        if (!install) continue;
        report({
          node: copy.ins.node,
          range: copy.word.range,
          message:
            `\`${describe(copy.ins)}\` copies the whole build context before \`${install.shown}\` (line ${ins.line}): any ` +
            'change to any file invalidates the cache from here, so the install re-runs on every code change. Copy ' +
            `${install.manifests} first, install, then copy the rest.`,
        });
        copy = null;
        break;
      }
    }
  },
};

export const LL1004: LintRule = {
  id: 'LL1004',
  name: 'CopyContextWithoutDockerignore',
  severity: 'warning',
  source: 'layerlab',
  summary: 'Add a .dockerignore when copying the whole build context.',
  explanation:
    '`COPY . .` copies everything the build context contains: .git, node_modules, local .env files with secrets, test ' +
    'data. Without a .dockerignore all of it is sent to the builder, stored in a layer, and busts the cache whenever it ' +
    'changes. A .dockerignore listing what the image does not need makes builds faster and images smaller and safer.',
  exampleFix: { bad: 'COPY . .   # no .dockerignore in the project', good: 'COPY . .   # with a .dockerignore: .git, node_modules, .env, tests/' },
  check(ctx, report) {
    // Only when the caller knows: a missing .dockerignore cannot be seen from the Dockerfile.
    if (ctx.options.hasDockerignore !== false) return;
    for (const ins of ctx.all) {
      if (ins.kind !== 'copy' && ins.kind !== 'add') continue;
      const word = wholeContextSource(ins);
      if (!word) continue;
      report({
        node: ins.node,
        range: word.range,
        message:
          `\`${describe(ins)}\` copies the whole build context and there is no .dockerignore: .git, node_modules, .env ` +
          'files and test data end up in the image. Add a .dockerignore for what the image does not need.',
      });
    }
  },
};

const isIndexUpdate = (c: ShellCommand) => cmdHasArgs(c, 'apt-get', ['update']) || cmdHasArgs(c, 'apk', ['update']);
const isInstall = (c: ShellCommand) => cmdHasArgs(c, 'apt-get', ['install']) || cmdHasArgs(c, 'apk', ['add']);

export const LL1007: LintRule = {
  id: 'LL1007',
  name: 'PackageIndexUpdateAlone',
  severity: 'warning',
  source: 'layerlab',
  summary: 'Update the package index in the same RUN as the install.',
  explanation:
    'A lone `RUN apt-get update` is cached like any other layer. When you later add a package to the `apt-get install` ' +
    'line, Docker reuses the old cached index, so the install gets stale versions or fails with 404 errors from the ' +
    'mirror. Running `apt-get update && apt-get install ...` in one RUN refreshes the index whenever the install changes.',
  exampleFix: { bad: 'RUN apt-get update\nRUN apt-get install -y curl', good: 'RUN apt-get update && apt-get install -y curl' },
  check(ctx, report) {
    for (const stage of ctx.stages) {
      // Walk the stage backwards, remembering the nearest RUN below that installs packages.
      const runs = stage.stage.commands.filter((i) => i.kind === 'run');
      let later: (typeof runs)[number] | undefined;
      for (const run of runs.reverse()) {
        const commands = ctx.analyze(run).commands;
        const installs = commands.some((r) => isInstall(r.command));
        const update = commands.find((r) => isIndexUpdate(r.command));
        const next = later;
        if (installs) later = run;
        if (!update || installs || !next) continue;
        const tool = update.command.name.value;
        report({
          node: run.node,
          range: ctx.wordRange(run, update.part, update.command.name, update.command.args[update.command.args.length - 1]),
          message:
            `\`${tool} update\` runs in a RUN of its own: its cached layer is reused when the install on line ${next.line} ` +
            `changes, so packages come from a stale index. Run \`${tool} update\` and the install in the same RUN.`,
        });
      }
    }
  },
};
