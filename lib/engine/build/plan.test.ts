import { describe, expect, it } from 'vitest';
import { parseDockerfile, toInstructions } from '@/lib/dockerfile';
import { EngineError } from '../errors';
import { planBuild, type PlanOptions } from './plan';

const plan = (source: string, options?: PlanOptions) => {
  const dockerfile = parseDockerfile(source);
  return planBuild(dockerfile, toInstructions(dockerfile), options);
};

function failure(source: string, options?: PlanOptions): string {
  try {
    plan(source, options);
  } catch (error) {
    if (error instanceof EngineError) return error.message;
    throw error;
  }
  throw new Error('expected the plan to fail');
}

const MULTI = `FROM golang:1.21 AS builder
WORKDIR /src
COPY . .
RUN go build -o /app
FROM alpine:3.19 AS test
RUN echo test
FROM alpine:3.19
COPY --from=builder /app /app
CMD ["/app"]
`;

describe('planBuild', () => {
  it('builds only the stages the target needs and reports the others as skipped', () => {
    const result = plan(MULTI);
    expect(result.target.index).toBe(2);
    expect(result.order).toEqual([0, 2]);
    expect(result.skipped).toEqual([1]);
    expect(result.stages.map((s) => s.displayName)).toEqual(['builder', 'test', 'stage-2']);
  });

  it('honours --target, case-insensitively, with a suggestion for a typo', () => {
    expect(plan(MULTI, { target: 'Builder' }).order).toEqual([0]);
    expect(failure(MULTI, { target: 'bulider' })).toBe('target stage "bulider" could not be found (did you mean builder?)');
    expect(failure(MULTI, { target: 'prod' })).toBe('target stage "prod" could not be found');
  });

  it('counts the steps shown as [stage i/n]', () => {
    expect(plan(MULTI).stages.map((s) => s.stepCount)).toEqual([4, 2, 2]);
    expect(plan('FROM scratch\nCOPY a /a\nCMD ["/a"]').stages[0]?.stepCount).toBe(1);
  });

  it('expands FROM with meta ARGs and --build-arg', () => {
    const source = 'ARG VERSION=3.9\nARG BASE=python:${VERSION}-slim\nFROM $BASE\n';
    expect(plan(source).stages[0]?.base).toEqual({ kind: 'image', ref: 'python:3.9-slim' });
    expect(plan(source, { buildArgs: { VERSION: '3.11' } }).stages[0]?.base).toEqual({ kind: 'image', ref: 'python:3.11-slim' });
    expect(failure('ARG IMG\nFROM ${IMG}\n')).toBe('base name (${IMG}) should not be blank');
  });

  it('continues from an earlier stage and treats unknown names as images', () => {
    const result = plan('FROM node:18 AS deps\nRUN npm ci\nFROM deps AS build\nRUN npm run build\nFROM builder\n');
    expect(result.stages.map((s) => s.base)).toEqual([
      { kind: 'image', ref: 'node:18' },
      { kind: 'stage', index: 0 },
      { kind: 'image', ref: 'builder' },
    ]);
  });

  it('resolves COPY --from by name, index and image, and rejects bad references', () => {
    const result = plan('FROM alpine AS a\nFROM alpine\nCOPY --from=0 /x /x\nCOPY --from=A /y /y\nCOPY --from=nginx:1.25 /etc/nginx /n\n');
    expect(result.stages[1]?.sources).toEqual([{ kind: 'stage', index: 0 }, { kind: 'image', ref: 'nginx:1.25' }]);
    expect(failure('FROM alpine\nCOPY --from=5 /x /x\n')).toBe('invalid stage index 5');
    expect(failure('FROM alpine AS a\nCOPY --from=b /x /x\nFROM alpine AS b\n')).toBe(
      'cannot copy from stage "b", it needs to be defined before current stage "a"',
    );
    expect(failure('FROM alpine\nCOPY --from=0 /x /x\n')).toBe('cannot copy from stage "stage-0", it needs to be defined before current stage "stage-0"');
    expect(failure('ARG S=a\nFROM alpine\nCOPY --from=$S /x /x\n')).toMatch(/^variable expansion is not supported for --from/);
  });

  it('follows RUN --mount=from= dependencies', () => {
    const result = plan('FROM alpine AS cache\nFROM alpine AS other\nFROM alpine\nRUN --mount=type=bind,from=cache,target=/c ls /c\n');
    expect(result.order).toEqual([0, 2]);
  });

  it('hands the executor an ARG scope that knows the meta ARGs and the build-args', () => {
    const { argScope } = plan('ARG A\nFROM alpine\nARG B\n', { buildArgs: { A: '1', B: '2', C: '3' } });
    expect(argScope.metaEnv().get('A')).toBe('1');
    argScope.startStage().declare({ key: 'B', value: null });
    expect(argScope.unusedBuildArgs()).toEqual(['C']);
  });
});
