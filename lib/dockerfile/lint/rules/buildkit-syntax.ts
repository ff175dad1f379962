/**
 * BuildKit build checks about how instructions are written: JSONArgsRecommended,
 * MaintainerDeprecated, NoEmptyContinuation, LegacyKeyValueFormat, MultipleInstructionsDisallowed.
 */
import type { Instruction, KeyValue } from '../../instructions/types';
import type { LintContext, StageInfo } from '../context';
import type { LintFix, LintRule } from '../types';
import { jsonFormFix, maintainerToLabelFix } from './shared';

export const JSONArgsRecommended: LintRule = {
  id: 'JSONArgsRecommended',
  name: 'JSONArgsRecommended',
  severity: 'warning',
  source: 'buildkit',
  summary: 'JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals.',
  explanation:
    'Shell form wraps the command in `/bin/sh -c`, so the shell, not your program, is PID 1 and receives `docker stop`\'s ' +
    'SIGTERM, which it does not forward. The program is then killed after the timeout instead of shutting down cleanly. ' +
    'Use the JSON form, or set SHELL explicitly if you really want a shell.',
  exampleFix: { bad: 'ENTRYPOINT node server.js', good: 'ENTRYPOINT ["node", "server.js"]' },
  check(ctx, report) {
    // A SHELL instruction silences the check; a stage built FROM another inherits its SHELL.
    const shellSet = new Map<StageInfo, boolean>();
    for (const stage of ctx.stages) {
      let hasShell = stage.parent ? (shellSet.get(stage.parent) ?? false) : false;
      for (const ins of stage.stage.commands) {
        if (ins.kind === 'shell') hasShell = true;
        if ((ins.kind === 'cmd' || ins.kind === 'entrypoint') && ins.command.form === 'shell' && !hasShell) {
          report({
            node: ins.node,
            message: `JSON arguments recommended for ${ins.node.rawKeyword} to prevent unintended behavior related to OS signals`,
            fix: jsonFormFix(ins),
          });
        }
      }
      shellSet.set(stage, hasShell);
    }
  },
};

export const MaintainerDeprecated: LintRule = {
  id: 'MaintainerDeprecated',
  name: 'MaintainerDeprecated',
  severity: 'warning',
  source: 'buildkit',
  summary: 'The MAINTAINER instruction is deprecated, use a label instead to define an image author.',
  explanation:
    'MAINTAINER sets a legacy image field. The OCI convention is a label, `org.opencontainers.image.authors`, which tools ' +
    'and registries understand and which can sit next to the other metadata labels.',
  exampleFix: { bad: 'MAINTAINER jane@example.com', good: 'LABEL org.opencontainers.image.authors="jane@example.com"' },
  check(ctx, report) {
    for (const instruction of ctx.all) {
      if (instruction.kind !== 'maintainer') continue;
      report({ node: instruction.node, message: 'Maintainer instruction is deprecated in favor of using label', fix: maintainerToLabelFix(instruction) });
    }
  },
};

export const NoEmptyContinuation: LintRule = {
  id: 'NoEmptyContinuation',
  name: 'NoEmptyContinuation',
  severity: 'warning',
  source: 'buildkit',
  summary: 'Empty continuation lines will become errors in a future release.',
  explanation:
    'A blank line inside a `\\`-continued instruction is silently skipped today, but it usually means a line was deleted ' +
    'by accident and it reads as if the instruction ended there. Docker will reject it in a future release; remove the ' +
    'blank line or end the instruction.',
  exampleFix: { bad: 'RUN apt-get update && \\\n\n    apt-get install -y curl', good: 'RUN apt-get update && \\\n    apt-get install -y curl' },
  check(ctx, report) {
    for (const warning of ctx.dockerfile.warnings) {
      if (warning.code !== 'empty-continuation') continue;
      const node = ctx.nodeAtLine(warning.range.start.line);
      if (node) report({ node, range: warning.range, message: 'Empty continuation line' });
    }
  },
};

/** `ENV KEY some value` → `ENV KEY="some value"`, when the value needs no escaping. */
function keyValueFix(ctx: LintContext, pair: KeyValue): LintFix | undefined {
  const value = pair.value;
  if (/["\\]/.test(value) || value.includes('\n')) return undefined;
  const text = /\s/.test(value) || value === '' ? `${pair.key}="${value}"` : `${pair.key}=${value}`;
  const range = { start: pair.keyRange.start, end: pair.valueRange.end };
  // Only rewrite what is plainly `KEY value` on one line.
  if (ctx.textOf(range).includes('\n')) return undefined;
  return { title: 'Use KEY=value', range, text };
}

export const LegacyKeyValueFormat: LintRule = {
  id: 'LegacyKeyValueFormat',
  name: 'LegacyKeyValueFormat',
  severity: 'warning',
  source: 'buildkit',
  summary: 'Legacy key/value format with whitespace separator should not be used.',
  explanation:
    '`ENV NAME value` (no `=`) sets one variable to the whole rest of the line, spaces included, which surprises anyone ' +
    'who adds a second pair. The `NAME=value` form is unambiguous and allows several pairs per instruction.',
  exampleFix: { bad: 'ENV APP_HOME /app', good: 'ENV APP_HOME=/app' },
  check(ctx, report) {
    for (const instruction of ctx.all) {
      if (instruction.kind !== 'env' && instruction.kind !== 'label') continue;
      const name = instruction.node.rawKeyword;
      for (const pair of instruction.pairs) {
        if (pair.equals) continue;
        report({
          node: instruction.node,
          range: { start: pair.keyRange.start, end: pair.valueRange.end },
          message: `"${name} key=value" should be used instead of legacy "${name} key value" format`,
          fix: keyValueFix(ctx, pair),
        });
      }
    }
  },
};

export const MultipleInstructionsDisallowed: LintRule = {
  id: 'MultipleInstructionsDisallowed',
  name: 'MultipleInstructionsDisallowed',
  severity: 'warning',
  source: 'buildkit',
  summary: 'Multiple instructions of the same type should not be used in the same stage.',
  explanation:
    'A stage has one CMD, one ENTRYPOINT and one HEALTHCHECK: each new one replaces the previous. BuildKit points at the ' +
    'earlier instruction, because that is the one that has no effect and can be deleted.',
  exampleFix: { bad: 'CMD ["npm", "start"]\nCMD ["node", "server.js"]', good: 'CMD ["node", "server.js"]' },
  check(ctx, report) {
    for (const stage of ctx.stages) {
      const last = new Map<string, Instruction>();
      for (const ins of stage.stage.commands) {
        if (ins.kind !== 'cmd' && ins.kind !== 'entrypoint' && ins.kind !== 'healthcheck') continue;
        const previous = last.get(ins.kind);
        if (previous) {
          report({
            node: previous.node,
            range: previous.node.keywordRange,
            message: `Multiple ${ins.node.rawKeyword} instructions should not be used in the same stage because only the last one will be used`,
          });
        }
        last.set(ins.kind, ins);
      }
    }
  },
};
