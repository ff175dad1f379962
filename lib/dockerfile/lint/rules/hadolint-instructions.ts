/**
 * hadolint's rules about single instructions (DL3000, DL3002, DL3020, DL3021, DL3025, DL3045,
 * DL4000, DL4003, DL4004).
 */
import type { Instruction, UserInstruction } from '../../instructions/types';
import type { LintRule } from '../types';
import { dropQuotes, jsonFormFix, maintainerToLabelFix, replace } from './shared';

const isWindowsAbsolute = (path: string): boolean => /^[A-Za-z]:/.test(path);

export const DL3000: LintRule = {
  id: 'DL3000',
  name: 'AbsoluteWorkdir',
  severity: 'error',
  source: 'hadolint',
  summary: 'Use an absolute WORKDIR.',
  explanation:
    'A relative WORKDIR is resolved against whatever working directory the base image happens to set, so `WORKDIR app` ' +
    'may land in `/app` today and `/usr/src/app` after a base image update. An absolute path says exactly where the ' +
    'application lives.',
  exampleFix: { bad: 'WORKDIR app', good: 'WORKDIR /app' },
  check(ctx, report) {
    for (const ins of ctx.all) {
      if (ins.kind !== 'workdir') continue;
      const path = dropQuotes(ins.path.value);
      if (path.startsWith('$') || path.startsWith('/') || isWindowsAbsolute(path)) continue;
      report({
        node: ins.node,
        range: ins.path.range,
        message: 'Use absolute WORKDIR.',
        fix: ins.path.value === path ? replace(ins.path.range, `/${path}`, `Use /${path}`) : undefined,
      });
    }
  },
};

const isRoot = (user: string): boolean => user === 'root' || user === '0' || user.startsWith('root:') || user.startsWith('0:');

export const DL3002: LintRule = {
  id: 'DL3002',
  name: 'LastUserNotRoot',
  severity: 'warning',
  source: 'hadolint',
  summary: 'Last USER should not be root.',
  explanation:
    'If a stage switches to root and never switches back, its container runs as root, and a bug in the application becomes ' +
    'root access to everything the container can reach. Do the root work first, then end with `USER app`. Like hadolint, ' +
    'every stage whose last USER is root is reported, since any stage can be built with `--target`.',
  exampleFix: { bad: 'USER root\nRUN apt-get update', good: 'USER root\nRUN apt-get update\nUSER app' },
  check(ctx, report) {
    for (const stage of ctx.stages) {
      let lastRoot: UserInstruction | null = null;
      for (const ins of stage.stage.commands) {
        if (ins.kind === 'user') lastRoot = isRoot(ins.user.value) ? ins : null;
      }
      if (lastRoot) report({ node: lastRoot.node, range: lastRoot.user.range, message: 'Last USER should not be root.' });
    }
  },
};

const ARCHIVES = ['.tar', '.Z', '.bz2', '.gz', '.lz', '.lzma', '.tZ', '.tb2', '.tbz', '.tbz2', '.tgz', '.tlz', '.tpz', '.txz', '.xz'];
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

export const DL3020: LintRule = {
  id: 'DL3020',
  name: 'CopyNotAdd',
  severity: 'error',
  source: 'hadolint',
  summary: 'Use COPY instead of ADD for files and folders.',
  explanation:
    'ADD does more than copy: it unpacks local archives and downloads URLs, so `ADD app.tar.gz /app` and `ADD . /app` look ' +
    'alike but behave differently. For plain files and folders COPY says what happens and nothing more; keep ADD for the ' +
    'archive or URL cases that need it.',
  exampleFix: { bad: 'ADD requirements.txt /app/', good: 'COPY requirements.txt /app/' },
  check(ctx, report) {
    for (const ins of ctx.all) {
      if (ins.kind !== 'add') continue;
      const fine = ins.sources.every((src) => {
        const path = dropQuotes(src.value);
        return ARCHIVES.some((ext) => path.endsWith(ext)) || path.startsWith('https://') || path.startsWith('http://');
      });
      if (fine) continue;
      const keyword = ins.node.rawKeyword === ins.node.rawKeyword.toLowerCase() ? 'copy' : 'COPY';
      const canFix = !ins.node.flags.some((f) => ADD_ONLY_FLAGS.has(f.name));
      report({
        node: ins.node,
        range: ins.node.keywordRange,
        message: 'Use COPY instead of ADD for files and folders',
        fix: canFix ? replace(ins.node.keywordRange, keyword, 'Use COPY') : undefined,
      });
    }
  },
};

export const DL3021: LintRule = {
  id: 'DL3021',
  name: 'CopyManyToDirectory',
  severity: 'error',
  source: 'hadolint',
  summary: 'COPY with more than 2 arguments requires the last argument to end with /.',
  explanation:
    'When COPY has several sources, the destination must be a directory, and Docker only treats it as one when it ends ' +
    'with `/`. Without the slash the build fails, so write `COPY a.txt b.txt /app/`.',
  exampleFix: { bad: 'COPY package.json package-lock.json /app', good: 'COPY package.json package-lock.json /app/' },
  check(ctx, report) {
    for (const ins of ctx.all) {
      if (ins.kind !== 'copy' || ins.sources.length + ins.heredocs.length <= 1) continue;
      const dest = dropQuotes(ins.destination.value);
      if (dest.endsWith('/')) continue;
      const end = ins.destination.range.end;
      report({
        node: ins.node,
        range: ins.destination.range,
        message: 'COPY with more than 2 arguments requires the last argument to end with /.',
        fix: !ins.node.json && dest === ins.destination.value ? replace({ start: end, end }, '/', 'Add a trailing /') : undefined,
      });
    }
  },
};

export const DL3025: LintRule = {
  id: 'DL3025',
  name: 'JsonCmdEntrypoint',
  severity: 'warning',
  source: 'hadolint',
  summary: 'Use arguments JSON notation for CMD and ENTRYPOINT arguments.',
  explanation:
    'In shell form Docker runs `/bin/sh -c "python app.py"`: the shell becomes PID 1 and does not pass SIGTERM on, so ' +
    '`docker stop` waits ten seconds and then kills the app. The JSON (exec) form `["python", "app.py"]` starts the program ' +
    'directly, so it receives signals and shuts down cleanly.',
  exampleFix: { bad: 'CMD python app.py', good: 'CMD ["python", "app.py"]' },
  check(ctx, report) {
    for (const ins of ctx.all) {
      if ((ins.kind !== 'cmd' && ins.kind !== 'entrypoint') || ins.command.form !== 'shell') continue;
      report({ node: ins.node, message: 'Use arguments JSON notation for CMD and ENTRYPOINT arguments', fix: jsonFormFix(ins) });
    }
  },
};

const isAbsoluteDest = (dest: string): boolean =>
  dest.startsWith('/') || dest.startsWith('$') || /^.:[\\/]/.test(dest);

export const DL3045: LintRule = {
  id: 'DL3045',
  name: 'CopyRelativeWithoutWorkdir',
  severity: 'warning',
  source: 'hadolint',
  summary: 'COPY to a relative destination without WORKDIR set.',
  explanation:
    '`COPY app.py .` copies into the working directory, and until a WORKDIR is set in this Dockerfile that is whatever the ' +
    'base image chose, often `/`. Set `WORKDIR /app` first (it is inherited by stages built FROM this one), or copy to an ' +
    'absolute path.',
  exampleFix: { bad: 'FROM python:3.9-slim\nCOPY app.py .', good: 'FROM python:3.9-slim\nWORKDIR /app\nCOPY app.py .' },
  check(ctx, report) {
    // Keyed like hadolint: by alias, else image name; a stage inherits from the stage it is built on.
    const workdirSet = new Map<string, boolean>();
    for (const stage of ctx.stages) {
      const key = stage.name ?? stage.image.name;
      workdirSet.set(key, workdirSet.get(stage.image.name) ?? false);
      for (const ins of stage.stage.commands) {
        if (ins.kind === 'workdir') workdirSet.set(key, true);
        if (ins.kind !== 'copy' || workdirSet.get(key)) continue;
        if (isAbsoluteDest(dropQuotes(ins.destination.value))) continue;
        report({ node: ins.node, range: ins.destination.range, message: '`COPY` to a relative destination without `WORKDIR` set.' });
      }
    }
  },
};

export const DL4000: LintRule = {
  id: 'DL4000',
  name: 'NoMaintainer',
  severity: 'error',
  source: 'hadolint',
  summary: 'MAINTAINER is deprecated.',
  explanation:
    'MAINTAINER only filled an image field that nothing reads any more. Record the author as a label instead, ' +
    '`LABEL org.opencontainers.image.authors="..."`, which `docker inspect` and registries show.',
  exampleFix: { bad: 'MAINTAINER Jane Doe <jane@example.com>', good: 'LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"' },
  check(ctx, report) {
    for (const ins of ctx.all) {
      if (ins.kind === 'maintainer') report({ node: ins.node, message: 'MAINTAINER is deprecated', fix: maintainerToLabelFix(ins) });
    }
  },
};

/** Every instruction of `kind` in a stage after the first: the ones a later one overrides. */
function repeats(stageCommands: readonly Instruction[], kind: 'cmd' | 'entrypoint'): Instruction[] {
  return stageCommands.filter((ins) => ins.kind === kind).slice(1);
}

export const DL4003: LintRule = {
  id: 'DL4003',
  name: 'MultipleCmd',
  severity: 'warning',
  source: 'hadolint',
  summary: 'Multiple CMD instructions found; only the last one takes effect.',
  explanation:
    'An image has one default command. Each CMD replaces the one before, so only the last CMD of a stage counts and the ' +
    'earlier ones are dead code that misleads readers. Keep one CMD at the end of the stage.',
  exampleFix: { bad: 'CMD ["nginx"]\nCMD ["nginx", "-g", "daemon off;"]', good: 'CMD ["nginx", "-g", "daemon off;"]' },
  check(ctx, report) {
    for (const stage of ctx.stages) {
      for (const ins of repeats(stage.stage.commands, 'cmd')) {
        report({
          node: ins.node,
          message: 'Multiple `CMD` instructions found. If you list more than one `CMD` then only the last `CMD` will take effect',
        });
      }
    }
  },
};

export const DL4004: LintRule = {
  id: 'DL4004',
  name: 'MultipleEntrypoint',
  severity: 'error',
  source: 'hadolint',
  summary: 'Multiple ENTRYPOINT instructions found; only the last one takes effect.',
  explanation:
    'Like CMD, each ENTRYPOINT replaces the previous one, so only the last ENTRYPOINT of a stage is used. Two of them ' +
    'usually mean a copy-paste mistake; keep the one you want.',
  exampleFix: { bad: 'ENTRYPOINT ["python"]\nENTRYPOINT ["gunicorn"]', good: 'ENTRYPOINT ["gunicorn"]' },
  check(ctx, report) {
    for (const stage of ctx.stages) {
      for (const ins of repeats(stage.stage.commands, 'entrypoint')) {
        report({
          node: ins.node,
          message:
            'Multiple `ENTRYPOINT` instructions found. If you list more than one `ENTRYPOINT` then only the last `ENTRYPOINT` will take effect',
        });
      }
    }
  },
};
