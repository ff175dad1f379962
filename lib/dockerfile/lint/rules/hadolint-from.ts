/**
 * hadolint's rules about base images and stages (DL3006, DL3007, DL3022, DL3023, DL3024).
 */
import type { FlagWord } from '../../ast';
import type { CopyInstruction } from '../../instructions/types';
import type { LintRule } from '../types';

const fromFlag = (copy: CopyInstruction): FlagWord | undefined => copy.node.flags.find((f) => f.name === 'from');

export const DL3006: LintRule = {
  id: 'DL3006',
  name: 'TagImageVersion',
  severity: 'warning',
  source: 'hadolint',
  summary: 'Always tag the version of an image explicitly.',
  explanation:
    '`FROM node` means `node:latest`, a tag that moves whenever a new release comes out, so the same Dockerfile builds on a ' +
    'different base next month. Naming a tag (`node:18.19.0-alpine3.19`) or a digest makes builds reproducible. `scratch`, ' +
    'earlier stages and `$VARIABLE` images are not checked.',
  exampleFix: { bad: 'FROM node', good: 'FROM node:18.19.0-alpine3.19' },
  check(ctx, report) {
    const aliases = new Set<string>();
    for (const stage of ctx.stages) {
      if (stage.name) aliases.add(stage.name);
      const { name, tag, digest } = stage.image;
      if (name === 'scratch' || digest !== null || tag !== null || name.startsWith('$') || aliases.has(name)) continue;
      const from = stage.stage.from;
      report({ node: from.node, range: from.image.range, message: 'Always tag the version of an image explicitly' });
    }
  },
};

export const DL3007: LintRule = {
  id: 'DL3007',
  name: 'NoLatestTag',
  severity: 'warning',
  source: 'hadolint',
  summary: 'Do not use the latest tag; pin a release tag.',
  explanation:
    '`latest` is just the tag a publisher moved most recently: `nginx:latest` today and in six months are different images, ' +
    'so a rebuild can silently change versions. Use a release tag such as `nginx:1.25.4-alpine`, or a digest for exact ' +
    'reproducibility.',
  exampleFix: { bad: 'FROM node:latest', good: 'FROM node:18.19.0-alpine3.19' },
  check(ctx, report) {
    for (const stage of ctx.stages) {
      if (stage.image.tag !== 'latest') continue;
      const from = stage.stage.from;
      report({
        node: from.node,
        range: from.image.range,
        message: 'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag',
      });
    }
  },
};

export const DL3022: LintRule = {
  id: 'DL3022',
  name: 'CopyFromKnownStage',
  severity: 'warning',
  source: 'hadolint',
  summary: 'COPY --from should reference a previously defined FROM alias.',
  explanation:
    '`COPY --from=builder` copies from the stage named `builder`, which must come earlier in the file. A name that is not a ' +
    'stage is pulled as an image instead, which is rarely what a typo meant. Stage indexes (`--from=0`) and explicit ' +
    'image references with a tag (`--from=nginx:1.25`) are accepted.',
  exampleFix: { bad: 'FROM golang:1.21\nRUN go build -o /app\nFROM alpine:3.19\nCOPY --from=build /app /app', good: 'FROM golang:1.21 AS build\nRUN go build -o /app\nFROM alpine:3.19\nCOPY --from=build /app /app' },
  check(ctx, report) {
    const aliases = new Set<string>();
    for (const stage of ctx.stages) {
      if (stage.name) aliases.add(stage.name);
      for (const ins of stage.stage.commands) {
        if (ins.kind !== 'copy' || ins.from === null) continue;
        const ref = ins.from;
        if (aliases.has(ref.toLowerCase()) || ref.includes(':')) continue;
        if (/^\d+$/.test(ref) && Number(ref) <= stage.index) continue;
        report({ node: ins.node, range: fromFlag(ins)?.range, message: '`COPY --from` should reference a previously defined `FROM` alias' });
      }
    }
  },
};

export const DL3023: LintRule = {
  id: 'DL3023',
  name: 'CopyFromSelf',
  severity: 'error',
  source: 'hadolint',
  summary: 'COPY --from cannot reference its own FROM alias.',
  explanation:
    'A stage cannot copy from itself: while it is being built it has no finished filesystem to copy from. Usually the ' +
    '`--from` value names the wrong stage, or the stage needs its own name.',
  exampleFix: { bad: 'FROM golang:1.21 AS build\nCOPY --from=build /src /src', good: 'FROM golang:1.21 AS build\nCOPY . /src' },
  check(ctx, report) {
    for (const stage of ctx.stages) {
      for (const ins of stage.stage.commands) {
        if (ins.kind !== 'copy' || ins.from === null || stage.name === null || ins.from.toLowerCase() !== stage.name) continue;
        report({ node: ins.node, range: fromFlag(ins)?.range, message: '`COPY --from` cannot reference its own `FROM` alias' });
      }
    }
  },
};

export const DL3024: LintRule = {
  id: 'DL3024',
  name: 'UniqueStageNames',
  severity: 'error',
  source: 'hadolint',
  summary: 'FROM aliases (stage names) must be unique.',
  explanation:
    '`COPY --from=name` and `--target name` pick a stage by its name, so two stages with the same name make it ambiguous ' +
    'which one is meant. Give every stage its own name.',
  exampleFix: { bad: 'FROM node:18 AS build\nFROM node:18 AS build', good: 'FROM node:18 AS deps\nFROM node:18 AS build' },
  check(ctx, report) {
    const seen = new Set<string>();
    for (const stage of ctx.stages) {
      const word = stage.stage.from.stageName;
      if (!word) continue;
      if (seen.has(word.value)) report({ node: stage.stage.from.node, range: word.range, message: 'FROM aliases (stage names) must be unique.' });
      seen.add(word.value);
    }
  },
};
