/**
 * hadolint's rules about how RUN uses the shell (DL3003, DL3004, DL3059, DL4001, DL4006).
 */
import type { RunInstruction } from '../../instructions/types';
import type { LintContext } from '../context';
import { basename, hasFlag } from '../shell/command-args';
import { parseShell } from '../shell/parse-shell';
import type { LintFix, LintRule } from '../types';

function usingProgram(ctx: LintContext, run: RunInstruction, program: string) {
  return ctx.analyze(run).commands.find((r) => r.command.name.value === program);
}

export const DL3003: LintRule = {
  id: 'DL3003',
  name: 'UseWorkdir',
  severity: 'warning',
  source: 'hadolint',
  summary: 'Use WORKDIR to switch to a directory.',
  explanation:
    '`cd` only lasts until the end of its RUN: the next instruction starts in the working directory again, which makes ' +
    'Dockerfiles with `cd` easy to misread. WORKDIR changes the directory for every following instruction and for the ' +
    'container, and creates the directory if it is missing.',
  exampleFix: { bad: 'RUN cd /app && make', good: 'WORKDIR /app\nRUN make' },
  check(ctx, report) {
    for (const { run } of ctx.runs) {
      const ref = usingProgram(ctx, run, 'cd');
      if (ref) report({ node: run.node, range: ctx.wordRange(run, ref.part, ref.command.name), message: 'Use WORKDIR to switch to a directory.' });
    }
  },
};

export const DL3004: LintRule = {
  id: 'DL3004',
  name: 'NoSudo',
  severity: 'error',
  source: 'hadolint',
  summary: 'Do not use sudo.',
  explanation:
    'Build steps already run as root unless a USER says otherwise, so sudo is unnecessary; and sudo behaves unpredictably ' +
    'without a terminal and drags its own setuid binary into the image. Run root steps before switching USER, or use a ' +
    'tool like gosu in an entrypoint to drop privileges.',
  exampleFix: { bad: 'USER app\nRUN sudo apt-get update', good: 'RUN apt-get update\nUSER app' },
  check(ctx, report) {
    for (const { run } of ctx.runs) {
      const ref = usingProgram(ctx, run, 'sudo');
      if (ref) {
        report({
          node: run.node,
          range: ctx.wordRange(run, ref.part, ref.command.name),
          message: 'Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root',
        });
      }
    }
  },
};

/** The fix that merges a RUN into the one just above it: `RUN a` + `RUN b` → `RUN a && b`. */
function mergeFix(ctx: LintContext, previous: RunInstruction, current: RunInstruction): LintFix | undefined {
  if (previous.heredocs.length > 0 || current.heredocs.length > 0 || current.command.form !== 'shell') return undefined;
  const part = ctx.analyze(previous).parts[0];
  if (!part || part.kind !== 'command' || part.script.appendAt === null) return undefined;
  const at = ctx.after(part, { value: '', start: part.script.appendAt, end: part.script.appendAt, quoted: false });
  if (!at) return undefined;
  const range = { start: at.start, end: current.command.range.start };
  // Never swallow a comment that sits between the two instructions.
  if (ctx.textOf(range).includes('#')) return undefined;
  return { title: 'Merge into the previous RUN', range, text: ' && ' };
}

export const DL3059: LintRule = {
  id: 'DL3059',
  name: 'ConsolidateRuns',
  severity: 'info',
  source: 'hadolint',
  summary: 'Multiple consecutive RUN instructions; consider consolidation.',
  explanation:
    'Every RUN adds a layer. Short consecutive RUNs (each with one or two commands) usually belong together: joined with ' +
    '`&&` they make one layer, build faster, and let a cleanup step really remove files. Long RUNs, or RUNs with different ' +
    '`--mount` options, are left alone because splitting them was probably deliberate.',
  exampleFix: { bad: 'RUN apt-get update\nRUN apt-get install -y curl', good: 'RUN apt-get update && apt-get install -y curl' },
  check(ctx, report) {
    let previous: { flags: string; count: number } | null = null;
    let justBefore: RunInstruction | null = null;
    for (const instruction of ctx.all) {
      if (instruction.kind !== 'run') {
        previous = null;
        justBefore = null;
        continue;
      }
      const above = justBefore;
      justBefore = instruction;
      const flags = JSON.stringify([[...instruction.mounts].sort(), instruction.network, instruction.security]);
      const count = ctx.analyze(instruction).commands.length;
      if (previous === null || previous.flags !== flags || count > 2 || previous.count > 2) {
        previous = { flags, count };
        continue;
      }
      // As in hadolint, the remembered RUN stays the first of the run of short RUNs.
      report({
        node: instruction.node,
        message: 'Multiple consecutive `RUN` instructions. Consider consolidation.',
        fix: above ? mergeFix(ctx, above, instruction) : undefined,
      });
    }
  },
};

export const DL4001: LintRule = {
  id: 'DL4001',
  name: 'WgetOrCurl',
  severity: 'warning',
  source: 'hadolint',
  summary: 'Either use wget or curl, but not both.',
  explanation:
    'curl and wget do the same job; needing both means two tools in the image (and two sets of options to remember). Pick ' +
    'the one the base image already has — curl on most Debian images, wget via BusyBox on Alpine — and use it everywhere.',
  exampleFix: { bad: 'RUN curl -fsSLO https://x/a.tgz\nRUN wget https://x/b.tgz', good: 'RUN curl -fsSLO https://x/a.tgz\nRUN curl -fsSLO https://x/b.tgz' },
  check(ctx, report) {
    let stage = ctx.stages[0];
    let seen = new Set<string>();
    for (const { run, stage: s } of ctx.runs) {
      if (s !== stage) {
        stage = s;
        seen = new Set();
      }
      const refs = ctx.analyze(run).commands.filter((r) => r.command.name.value === 'curl' || r.command.name.value === 'wget');
      for (const r of refs) seen.add(r.command.name.value);
      const first = refs[0];
      if (first && seen.size >= 2) {
        report({ node: run.node, range: ctx.wordRange(run, first.part, first.command.name), message: 'Either use Wget or Curl but not both.' });
      }
    }
  },
};

const NON_POSIX_SHELLS = new Set(['pwsh', 'powershell', 'cmd', 'fish', 'nu', 'csh', 'tcsh']);

/** hadolint's SHELL test: a bash/zsh/ash invoked with `-o pipefail`, or a non-POSIX shell. */
function shellHandlesPipes(shell: readonly string[]): boolean {
  const first = basename((shell[0] ?? '').replace(/\\/g, '/')).toLowerCase().replace(/\.exe$/, '');
  if (NON_POSIX_SHELLS.has(first)) return true;
  const text = shell.join(' ');
  return parseShell(text).commands.some(
    (c) => ['bash', 'zsh', 'ash'].includes(basename(c.name.value)) && hasFlag(c, 'o') && c.args.some((a) => a.value === 'pipefail'),
  );
}

export const DL4006: LintRule = {
  id: 'DL4006',
  name: 'PipefailBeforePipe',
  severity: 'warning',
  source: 'hadolint',
  summary: 'Set the SHELL option -o pipefail before RUN with a pipe in it.',
  explanation:
    'A pipeline\'s exit status is that of its last command, so `RUN curl -fsSL https://x | tar xz` succeeds even when the ' +
    'download fails, and the build goes on with a broken layer. With `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` any ' +
    'failing command in the pipe fails the step. On Alpine without bash use `/bin/ash`.',
  exampleFix: {
    bad: 'RUN curl -fsSL https://example.com/x.tgz | tar xz',
    good: 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/x.tgz | tar xz',
  },
  check(ctx, report) {
    for (const stage of ctx.stages) {
      let pipefail = false;
      for (const ins of stage.stage.commands) {
        if (ins.kind === 'shell') pipefail = shellHandlesPipes(ins.shell);
        else if (ins.kind === 'run' && !pipefail && ins.command.form === 'shell' && ctx.analyze(ins).pipes > 0) {
          report({
            node: ins.node,
            message:
              'Set the SHELL option -o pipefail before RUN with a pipe in it. If you are using /bin/sh in an alpine image or if your shell is symlinked to busybox then consider explicitly setting your SHELL to /bin/ash, or disable this check',
          });
        }
      }
    }
  },
};
