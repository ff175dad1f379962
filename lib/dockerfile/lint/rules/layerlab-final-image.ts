/**
 * Layerlab rules about what the final image should not carry (material 3.1, "How would you
 * optimize a 2 GB image"): interactive debugging tools (LL1002), test runs (LL1003) and
 * compilers (LL1005). They look at the last stage and the stages it is built FROM, because
 * those layers are what `docker build` ships; earlier build stages are free to have all three.
 */
import { basename } from '../shell/command-args';
import type { ShellCommand } from '../shell/parse-shell';
import type { LintRule } from '../types';
import { finalImageStages, installedPackages, removesPackages } from './packages';

const DEBUG_TOOLS = new Set([
  'vim', 'vim-tiny', 'vim-nox', 'nano', 'emacs', 'emacs-nox', 'less', 'htop', 'procps', 'strace', 'gdb', 'tcpdump', 'telnet',
  'lsof', 'net-tools', 'iputils-ping',
]);

const list = (names: readonly string[]): string => names.map((n) => `\`${n}\``).join(', ');

export const LL1002: LintRule = {
  id: 'LL1002',
  name: 'DebugToolsInFinalImage',
  severity: 'info',
  source: 'layerlab',
  summary: 'Do not install interactive debugging tools in the final image.',
  explanation:
    'Editors and inspection tools (vim, nano, less, htop, procps...) are for a person at a terminal, and a production ' +
    'container has none: nobody edits files in a running container, they rebuild the image. Each tool adds megabytes and ' +
    'more software that can have vulnerabilities. When you need to poke around, use a debug image or `docker cp` files out.',
  exampleFix: {
    bad: 'RUN apt-get update && apt-get install -y --no-install-recommends python3 vim \\\n && rm -rf /var/lib/apt/lists/*',
    good: 'RUN apt-get update && apt-get install -y --no-install-recommends python3 \\\n && rm -rf /var/lib/apt/lists/*',
  },
  check(ctx, report) {
    const shipped = finalImageStages(ctx);
    for (const { run, stage } of ctx.runs) {
      if (!shipped.has(stage)) continue;
      const analysis = ctx.analyze(run);
      const found = analysis.commands.flatMap((ref) => installedPackages(ref.command).filter((p) => DEBUG_TOOLS.has(p.name)).map((p) => ({ ref, p })));
      const first = found[0];
      if (!first) continue;
      const names = [...new Set(found.map((f) => f.p.name))];
      report({
        node: run.node,
        range: ctx.wordRange(run, first.ref.part, first.p.word),
        message:
          `${list(names)} ${names.length > 1 ? 'are interactive tools' : 'is an interactive tool'} that a production image does not need: ` +
          'it adds size and attack surface. Install debugging tools in a separate debug image or a build stage.',
      });
    }
  },
};

/**
 * Whether a command runs tests (`npm test`, `python -m pytest`, `go test ./...`): the index of
 * the last argument that makes it one (-1 when the command name alone does), or null.
 */
function testInvocation(cmd: ShellCommand): number | null {
  const name = basename(cmd.name.value);
  const args = cmd.args;
  const at = (i: number) => args[i]?.value;
  const sub = args.findIndex((w) => !w.value.startsWith('-'));
  if (['pytest', 'py.test', 'tox', 'nox', 'jest', 'vitest', 'mocha', 'rspec', 'phpunit'].includes(name)) return -1;
  if (name.startsWith('python')) {
    const m = args.findIndex((w, i) => w.value === '-m' && ['pytest', 'unittest', 'tox'].includes(at(i + 1) ?? ''));
    return m < 0 ? null : m + 1;
  }
  if (sub < 0) return null;
  if (['npm', 'pnpm', 'yarn'].includes(name)) {
    if (at(sub) === 'test' || at(sub) === 't') return sub;
    return at(sub) === 'run' && /^test(:|$)/.test(at(sub + 1) ?? '') ? sub + 1 : null;
  }
  if (['go', 'cargo', 'dotnet', 'mvn', 'mvnw', 'gradle', 'gradlew'].includes(name) && at(sub) === 'test') return sub;
  if (name === 'make' && ['test', 'check'].includes(at(sub) ?? '')) return sub;
  if (name === 'bundle' && at(sub) === 'exec' && ['rspec', 'rake'].includes(at(sub + 1) ?? '')) return sub + 1;
  return null;
}

export const LL1003: LintRule = {
  id: 'LL1003',
  name: 'TestsInFinalImage',
  severity: 'warning',
  source: 'layerlab',
  summary: 'Run tests in a build stage, not in the final image.',
  explanation:
    'Running the test suite during the build is a good idea, but in the final stage it drags the test files, test ' +
    'dependencies and everything the run leaves behind (caches, reports) into the shipped image. Run the tests in a build ' +
    'stage, which fails the build just the same when a test fails, and copy only the application into the final stage.',
  exampleFix: {
    bad: 'FROM python:3.9-slim\nCOPY . .\nRUN python -m pytest\nCMD ["python", "app.py"]',
    good: 'FROM python:3.9 AS test\nWORKDIR /app\nCOPY . .\nRUN python -m pytest\n\nFROM python:3.9-slim\nWORKDIR /app\nCOPY --from=test /app/app.py .\nCMD ["python", "app.py"]',
  },
  check(ctx, report) {
    const shipped = finalImageStages(ctx);
    for (const { run, stage } of ctx.runs) {
      if (!shipped.has(stage)) continue;
      for (const ref of ctx.analyze(run).commands) {
        const end = testInvocation(ref.command);
        if (end === null) continue;
        const words = [ref.command.name, ...ref.command.args.slice(0, end + 1)];
        const shown = words.map((w) => w.value).join(' ');
        report({
          node: run.node,
          range: ctx.wordRange(run, ref.part, ref.command.name, words[words.length - 1]),
          message:
            `\`${shown}\` runs the tests in the final image: test files, test dependencies and what the run leaves behind ` +
            'are shipped with the application. Run tests in a build stage (`FROM ... AS test`) instead.',
        });
        break;
      }
    }
  },
};

const BUILD_TOOLS = new Set(['gcc', 'g++', 'gcc-c++', 'make', 'build-essential', 'build-base', 'clang', 'cmake', 'autoconf', 'automake', 'libtool']);

export const LL1005: LintRule = {
  id: 'LL1005',
  name: 'BuildToolsInFinalImage',
  severity: 'warning',
  source: 'layerlab',
  summary: 'Keep compilers and build tools out of the final image.',
  explanation:
    'Compilers, make and headers are needed to build, not to run. Installed in the final stage they often double the ' +
    'image size and give an attacker a toolchain. Build in an earlier stage (`FROM ... AS build`) and `COPY --from=build` ' +
    'only the result; if you must build in place, remove the tools in the same RUN with `apk del .build-deps`.',
  exampleFix: {
    bad: 'FROM python:3.9-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc \\\n && pip install --no-cache-dir -r requirements.txt',
    good: 'FROM python:3.9-slim AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc \\\n && pip install --no-cache-dir --user -r requirements.txt\n\nFROM python:3.9-slim\nCOPY --from=build /root/.local /root/.local',
  },
  check(ctx, report) {
    const shipped = finalImageStages(ctx);
    for (const { run, stage } of ctx.runs) {
      if (!shipped.has(stage)) continue;
      const commands = ctx.analyze(run).commands;
      if (commands.some((ref) => removesPackages(ref.command))) continue;
      const found = commands.flatMap((ref) => installedPackages(ref.command).filter((p) => BUILD_TOOLS.has(p.name)).map((p) => ({ ref, p })));
      const first = found[0];
      if (!first) continue;
      const names = [...new Set(found.map((f) => f.p.name))];
      report({
        node: run.node,
        range: ctx.wordRange(run, first.ref.part, first.p.word),
        message:
          `Build tools (${names.join(', ')}) are installed in the final image. Compile in a build stage and ` +
          '`COPY --from` only the result, so the compiler and headers are not shipped.',
      });
    }
  },
};
