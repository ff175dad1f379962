import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toInstructions } from '../instructions';
import { parseDockerfile } from '../parse';
import { lint, lintDockerfile, lintRules } from './index';
import { expectSameWhenParsed } from './testing/rule-cases';

// lintDockerfile is lint without the parse: every rule case checks both (testing/rule-cases.ts);
// these cover what the rule tables do not.
describe('lintDockerfile', () => {
  it('gives what lint gives for every example snippet, without modifying its inputs', () => {
    for (const rule of lintRules) {
      for (const snippet of [rule.exampleFix.bad, rule.exampleFix.good]) {
        const src = `${/^FROM /im.test(snippet) ? snippet : `FROM debian:12 AS base\n${snippet}`}\n`;
        expectSameWhenParsed(src, lint(src, { debug: true }));
      }
    }
  });

  it('honours the options as lint does', () => {
    const src = '# check=error=true\nFROM debian AS Build\nMAINTAINER me\nRUN apt-get install -y curl\n';
    const options = { ignore: ['DL3006'], failureThreshold: 'error' as const };
    expectSameWhenParsed(src, lint(src, { debug: true, ...options }), options);
    const result = lintDockerfile(parseDockerfile(src), undefined, options);
    expect(result.findings.map((f) => f.rule)).not.toContain('DL3006');
    expect(result.failed).toBe(true);
  });

  it('derives the instructions when not given, and reports what they reject as DL1000', () => {
    const src = 'FROM alpine:3.19\nFOO bar\n';
    expect(lintDockerfile(parseDockerfile(src))).toEqual(lint(src));
    expect(lintDockerfile(parseDockerfile(src)).findings.map((f) => f.rule)).toEqual(['DL1000']);
    expect(lintDockerfile(parseDockerfile(src), undefined, { ignore: ['ParseError'] }).findings).toEqual([]);
    const ok = 'FROM alpine:3.19\nRUN echo a\nRUN echo b\n';
    const dockerfile = parseDockerfile(ok);
    expect(lintDockerfile(dockerfile)).toEqual(lintDockerfile(dockerfile, toInstructions(dockerfile)));
  });

  it('agrees with lint on arbitrary input that parses', () => {
    const alphabet = ['FROM ', 'RUN ', 'COPY ', 'ARG ', 'ENV ', 'WORKDIR ', 'ONBUILD ', 'a', '$', '{', '}', '"', '\\', '\n', ' ', '&&', ';', '<<EOF\n', 'EOF\n', '#', '=', '-', '/', '*', 'apt-get update ', 'rm -rf ', 'cd '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), (parts) => {
        const src = `FROM alpine:3.19\n${parts.join('')}`;
        expectSameWhenParsed(src, lint(src, { debug: true }));
      }),
      { numRuns: 300 },
    );
  });
});
