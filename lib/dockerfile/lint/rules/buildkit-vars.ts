/**
 * BuildKit build checks found while dispatching (see buildkit-dispatch.ts): UndefinedVar,
 * UndefinedArgInFrom, InvalidDefaultArgInFrom, RedundantTargetPlatform,
 * FromPlatformFlagConstDisallowed, WorkdirRelativePath, SecretsUsedInArgOrEnv,
 * ExposeProtoCasing, ExposeInvalidFormat. Messages are ruleset.go's Format functions.
 */
import { goQuote } from '@/lib/util';
import type { LintContext } from '../context';
import type { LintRule, Reporter } from '../types';
import { dispatchEvents, type DispatchEvent } from './buildkit-dispatch';
import { replace } from './shared';

type EventOf<K extends DispatchEvent['kind']> = Extract<DispatchEvent, { kind: K }>;

function each<K extends DispatchEvent['kind']>(ctx: LintContext, kind: K, fn: (e: EventOf<K>) => void): void {
  for (const e of dispatchEvents(ctx)) if (e.kind === kind) fn(e as EventOf<K>);
}

const meta = { severity: 'warning', source: 'buildkit' } as const;

export const UndefinedVar: LintRule = {
  id: 'UndefinedVar',
  name: 'UndefinedVar',
  ...meta,
  summary: 'Variables should be defined before their use.',
  explanation:
    'A `$NAME` that no ARG or ENV defined (and the base image does not set) expands to an empty string without any error, ' +
    'so `COPY app /$APP_DIR/` quietly copies to `/`. Declare the variable first, or fix the typo BuildKit suggests. RUN ' +
    'is not checked: its variables are expanded by the shell at run time.',
  exampleFix: { bad: 'ENV APP_HOME=/app\nWORKDIR $APP_HOM', good: 'ENV APP_HOME=/app\nWORKDIR $APP_HOME' },
  check(ctx, report) {
    each(ctx, 'undefined-var', (e) => {
      const hint = e.suggestion ? ` (did you mean $${e.suggestion}?)` : '';
      report({ node: e.node, range: e.range, message: `Usage of undefined variable '$${e.name}'${hint}` });
    });
  },
};

export const UndefinedArgInFrom: LintRule = {
  id: 'UndefinedArgInFrom',
  name: 'UndefinedArgInFrom',
  ...meta,
  summary: 'FROM command must use declared ARGs.',
  explanation:
    'A FROM line can only use ARGs declared before the first FROM (or the predefined platform ARGs). Any other `$NAME` is ' +
    'empty, so `FROM node:$NODE_VERSION` becomes `FROM node:` unless `ARG NODE_VERSION=18` comes first.',
  exampleFix: { bad: 'FROM node:${NODE_VERSION}', good: 'ARG NODE_VERSION=18\nFROM node:${NODE_VERSION}' },
  check(ctx, report) {
    each(ctx, 'undefined-arg-in-from', (e) => {
      const hint = e.suggestion ? ` (did you mean ${e.suggestion}?)` : '';
      report({ node: e.node, range: e.range, message: `FROM argument '${e.name}' is not declared${hint}` });
    });
  },
};

export const InvalidDefaultArgInFrom: LintRule = {
  id: 'InvalidDefaultArgInFrom',
  name: 'InvalidDefaultArgInFrom',
  ...meta,
  summary: 'Default value for global ARG results in an empty or invalid base image name.',
  explanation:
    'When `FROM $BASE` relies on an ARG without a usable default, the build only works if everyone remembers to pass ' +
    '`--build-arg BASE=...`; without it the base name is empty or invalid and the build fails. Give the ARG a default ' +
    'that is a valid image reference.',
  exampleFix: { bad: 'ARG BASE\nFROM ${BASE}', good: 'ARG BASE=alpine:3.19\nFROM ${BASE}' },
  check(ctx, report) {
    each(ctx, 'invalid-default-arg', (e) =>
      report({ node: e.node, range: e.range, message: `Default value for ARG ${e.baseName} results in empty or invalid base image name` }),
    );
  },
};

export const RedundantTargetPlatform: LintRule = {
  id: 'RedundantTargetPlatform',
  name: 'RedundantTargetPlatform',
  ...meta,
  summary: 'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior.',
  explanation:
    'Every stage is built for the target platform unless told otherwise, so `--platform=$TARGETPLATFORM` changes nothing ' +
    'and only adds noise. The flag is useful with `$BUILDPLATFORM`, to run build tools natively while cross-compiling.',
  exampleFix: { bad: 'FROM --platform=$TARGETPLATFORM alpine:3.19', good: 'FROM alpine:3.19' },
  check(ctx, report) {
    each(ctx, 'redundant-platform', (e) => {
      // Remove the flag and the blanks after it.
      const text = ctx.source.text;
      let end = ctx.source.offsetAt(e.range.end);
      while (text[end] === ' ' || text[end] === '\t') end++;
      const fix = replace({ start: e.range.start, end: ctx.source.positionAt(end) }, '', 'Remove --platform');
      report({ node: e.node, range: e.range, message: `Setting platform to predefined ${e.platform} in FROM is redundant as this is the default behavior`, fix });
    });
  },
};

export const FromPlatformFlagConstDisallowed: LintRule = {
  id: 'FromPlatformFlagConstDisallowed',
  name: 'FromPlatformFlagConstDisallowed',
  ...meta,
  summary: 'FROM --platform flag should not use a constant value.',
  explanation:
    '`FROM --platform=linux/amd64` pins the stage to one platform, so a multi-platform build produces an amd64 image ' +
    'labelled as arm64 (or emulates everything). Use `$BUILDPLATFORM` or `$TARGETPLATFORM`, or put the platform in the ' +
    'stage name if the stage is meant for that platform only.',
  exampleFix: { bad: 'FROM --platform=linux/amd64 golang:1.21 AS build', good: 'FROM --platform=$BUILDPLATFORM golang:1.21 AS build' },
  check(ctx, report) {
    each(ctx, 'const-platform', (e) =>
      report({ node: e.node, range: e.range, message: `FROM --platform flag should not use constant value ${goQuote(e.platform)}` }),
    );
  },
};

export const WorkdirRelativePath: LintRule = {
  id: 'WorkdirRelativePath',
  name: 'WorkdirRelativePath',
  ...meta,
  summary: 'Relative workdir without an absolute workdir declared within the build can have unexpected results.',
  explanation:
    'A relative WORKDIR is joined to the working directory the base image chose, which you do not control: if the image ' +
    'changes it, your files move. Start each stage with an absolute WORKDIR; relative ones after it are fine.',
  exampleFix: { bad: 'FROM node:18\nWORKDIR app', good: 'FROM node:18\nWORKDIR /app' },
  check(ctx, report) {
    each(ctx, 'relative-workdir', (e) =>
      report({ node: e.node, range: e.range, message: `Relative workdir ${goQuote(e.path)} can have unexpected results if the base image changes` }),
    );
  },
};

export const SecretsUsedInArgOrEnv: LintRule = {
  id: 'SecretsUsedInArgOrEnv',
  name: 'SecretsUsedInArgOrEnv',
  ...meta,
  summary: 'Sensitive data should not be used in the ARG or ENV commands.',
  explanation:
    'ARG and ENV values are stored in the image: `docker history` shows build args and `docker inspect` shows every ENV, ' +
    'to anyone who can pull the image. Pass secrets with `RUN --mount=type=secret` instead, which exposes them only to that ' +
    'one command and never writes them to a layer.',
  exampleFix: { bad: 'ARG GITHUB_TOKEN\nRUN git clone https://$GITHUB_TOKEN@github.com/org/repo', good: 'RUN --mount=type=secret,id=github_token \\\n    git clone https://$(cat /run/secrets/github_token)@github.com/org/repo' },
  check(ctx, report) {
    each(ctx, 'secret', (e) =>
      report({ node: e.node, range: e.range, message: `Do not use ARG or ENV instructions for sensitive data (${e.instruction} ${goQuote(e.key)})` }),
    );
  },
};

/** docker/go-connections `splitParts` + `splitProtoPort`, as BuildKit's EXPOSE lint sees a port. */
function splitPort(raw: string): { ip: string; hostPort: string; containerPort: string; proto: string } {
  const parts = raw.split(':');
  const n = parts.length;
  const ip = n > 2 ? parts.slice(0, n - 2).join(':') : '';
  const hostPort = n > 1 ? (parts[n - 2] as string) : '';
  const container = parts[n - 1] as string;
  const slash = container.split('/');
  return { ip, hostPort, containerPort: container, proto: slash.length > 1 && slash[1] !== '' ? (slash[1] as string) : 'tcp' };
}

function exposeRule(kind: 'casing' | 'format'): LintRule['check'] {
  return (ctx: LintContext, report: Reporter) => {
    each(ctx, 'expose', (e) => {
      const { ip, hostPort, containerPort, proto } = splitPort(e.port);
      if (containerPort.split('/')[0] === '') return; // a parse error, not a lint finding
      const literal = e.word.value === e.port;
      if (kind === 'casing' && proto !== proto.toLowerCase()) {
        const fixed = e.port.replace(/\/[^/]*$/, (p) => p.toLowerCase());
        report({
          node: e.node,
          range: e.word.range,
          message: `Defined protocol '${e.port}' in EXPOSE instruction should be lowercase`,
          fix: literal ? replace(e.word.range, fixed, 'Use a lowercase protocol') : undefined,
        });
      }
      if (kind === 'format' && (ip !== '' || hostPort !== '')) {
        report({
          node: e.node,
          range: e.word.range,
          message: `EXPOSE instruction should not define an IP address or host-port mapping, found '${e.port}'`,
          fix: literal ? replace(e.word.range, containerPort, `Expose ${containerPort} only`) : undefined,
        });
      }
    });
  };
}

export const ExposeProtoCasing: LintRule = {
  id: 'ExposeProtoCasing',
  name: 'ExposeProtoCasing',
  ...meta,
  summary: 'Protocol in EXPOSE instruction should be lowercase.',
  explanation:
    'Docker records exposed ports as `80/tcp` or `53/udp`. `EXPOSE 80/TCP` works today only because Docker is lenient; ' +
    'write the protocol in lowercase as every tool prints it.',
  exampleFix: { bad: 'EXPOSE 80/TCP', good: 'EXPOSE 80/tcp' },
  check: exposeRule('casing'),
};

export const ExposeInvalidFormat: LintRule = {
  id: 'ExposeInvalidFormat',
  name: 'ExposeInvalidFormat',
  ...meta,
  summary: 'EXPOSE should not define an IP address or host-port mapping.',
  explanation:
    'EXPOSE only documents which container port the application listens on. Which host port and address it is published ' +
    'on is decided by `docker run -p 8080:80`, not by the image, so `EXPOSE 8080:80` is ignored in part and will become an ' +
    'error in a future release.',
  exampleFix: { bad: 'EXPOSE 127.0.0.1:8080:80', good: 'EXPOSE 80' },
  check: exposeRule('format'),
};
