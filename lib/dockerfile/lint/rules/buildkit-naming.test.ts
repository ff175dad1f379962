import { describe, expect, it } from 'vitest';
import { covered, describeRule, findingsOf, fixOnce } from '../testing/rule-cases';

describeRule('StageNameCasing', {
  fires: [{ src: 'FROM alpine:3.19 AS BadStageName\n', line: 1, message: "Stage name 'BadStageName' should be lowercase" }],
  clean: [{ src: 'FROM alpine:3.19 AS good-stage\n' }, { name: 'no name', src: 'FROM alpine:3.19\n' }],
});

describeRule('FromAsCasing', {
  fires: [
    { src: 'FROM debian:latest as builder\n', line: 1, message: "'as' and 'FROM' keywords' casing do not match" },
    { name: 'lowercase from', src: 'from debian:12 AS builder\n', line: 1, message: "'AS' and 'from' keywords' casing do not match" },
  ],
  clean: [
    { src: 'FROM debian:12 AS builder\n' },
    { name: 'both lowercase', src: 'from debian:12 as builder\n' },
    { name: 'mixed-case FROM is another rule', src: 'From debian:12 as builder\n' },
  ],
});

describeRule('ConsistentInstructionCasing', {
  fires: [
    { src: 'FROM alpine:3.19\nRUN echo hello\nrun echo world\n', line: 3, message: "Command 'run' should match the case of the command majority (uppercase)" },
    { name: 'lowercase majority', src: 'from alpine:3.19\nrun echo hello\nRUN echo world\n', line: 3, message: "Command 'RUN' should match the case of the command majority (lowercase)" },
    { name: 'mixed case', src: 'FROM alpine:3.19\nRun echo hello\n', line: 2, message: "Command 'Run' should match the case of the command majority (uppercase)" },
    { name: 'a tie goes to uppercase', src: 'FROM alpine:3.19\nrun echo hello\n', line: 2 },
  ],
  clean: [
    { src: 'FROM alpine:3.19\nRUN echo hello\n' },
    { name: 'all lowercase', src: 'from alpine:3.19\nrun echo hello\n' },
    { name: 'meta ARG is not counted', src: 'arg V=3.19\nFROM alpine:$V\nRUN echo\n' },
  ],
});

describeRule('DuplicateStageName', {
  fires: [{ src: 'FROM debian:12 AS builder\nRUN a\nFROM debian:12 AS builder\n', line: 3, message: 'Duplicate stage name "builder", stage names should be unique' }],
  clean: [{ src: 'FROM debian:12 AS a\nFROM debian:12 AS b\n' }],
});

describeRule('ReservedStageName', {
  fires: [
    { src: 'FROM alpine:3.19 AS scratch\n', line: 1, message: 'Stage name should not use the same name as reserved stage "scratch"' },
    { name: 'context', src: 'FROM alpine:3.19 AS context\n', line: 1 },
  ],
  clean: [{ src: 'FROM alpine:3.19 AS base\n' }],
});

describe('naming fixes', () => {
  it('StageNameCasing lower-cases the name', () => {
    const src = 'FROM alpine:3.19 AS Builder\n';
    const [f] = findingsOf(src, 'StageNameCasing');
    expect(f && covered(src, f)).toBe('Builder');
    expect(fixOnce(src, 'StageNameCasing')).toBe('FROM alpine:3.19 AS builder\n');
  });

  it('FromAsCasing matches AS to FROM', () => {
    expect(fixOnce('FROM alpine:3.19 as b\n', 'FromAsCasing')).toBe('FROM alpine:3.19 AS b\n');
  });

  it('ConsistentInstructionCasing rewrites the keyword', () => {
    const fixed = fixOnce('FROM alpine:3.19\nRUN echo a\nrun echo b\n', 'ConsistentInstructionCasing');
    expect(fixed).toBe('FROM alpine:3.19\nRUN echo a\nRUN echo b\n');
    expect(findingsOf(fixed, 'ConsistentInstructionCasing')).toEqual([]);
  });
});
