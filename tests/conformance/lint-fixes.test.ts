import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lint, type Finding, type LintFix } from '@/lib/dockerfile/lint';

/**
 * Cross-rule checks over real Dockerfiles (BuildKit's parser fixtures plus a few of our own):
 * no rule throws on them, and every fix the linter offers, applied on its own, leaves a file that
 * still parses and has one finding fewer for that rule.
 */

const fixtureRoot = fileURLToPath(new URL('./buildkit-parser/', import.meta.url));
const fixtures = readdirSync(fixtureRoot)
  .filter((name) => statSync(`${fixtureRoot}${name}`).isDirectory())
  .map((name) => [name, readFileSync(`${fixtureRoot}${name}/Dockerfile`, 'utf8')] as const);

const samples: Array<readonly [string, string]> = [
  [
    'everything fixable',
    `from debian:12 AS Build
MAINTAINER Jane <jane@example.com>
ENV APP_HOME /app
WORKDIR app
ADD requirements.txt ./
RUN apt update && apt-get install curl=7 && pip install -r requirements.txt
RUN apk add gcc=1
run echo one
COPY a b /dst
EXPOSE 80/TCP 8080:80
FROM --platform=$TARGETPLATFORM debian:12
RUN yarn install
CMD python app.py
ENTRYPOINT node server.js
`,
  ],
  ['multi-line RUN', 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y \\\n      curl=7\nRUN echo done\n'],
];

function apply(src: string, fix: LintFix): string {
  const lines = src.split('\n');
  const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  return src.slice(0, offset(fix.range.start.line, fix.range.start.column)) + fix.text + src.slice(offset(fix.range.end.line, fix.range.end.column));
}

const count = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule).length;

describe.each([...fixtures, ...samples])('%s', (_, src) => {
  it('lints without a rule failing', () => {
    expect(() => lint(src, { debug: true })).not.toThrow();
  });

  it('every fix applies cleanly and removes its finding', () => {
    const { findings } = lint(src, { debug: true });
    for (const finding of findings.filter((f) => f.fix)) {
      const fixed = apply(src, finding.fix as LintFix);
      const after = lint(fixed, { debug: true }).findings;
      expect(after.map((f) => f.rule), `${finding.rule}: ${finding.fix?.title}`).not.toContain('DL1000');
      expect(count(after, finding.rule), `${finding.rule}: ${finding.fix?.title}\n${fixed}`).toBeLessThan(count(findings, finding.rule));
    }
  });
});

it('the sample offers a fix for each fixable family', () => {
  const fixed = new Set(lint(samples[0]?.[1] ?? '').findings.filter((f) => f.fix).map((f) => f.rule));
  for (const id of [
    'DL3000', 'DL3014', 'DL3015', 'DL3019', 'DL3020', 'DL3021', 'DL3025', 'DL3027', 'DL3042', 'DL3059', 'DL3060', 'DL4000',
    'StageNameCasing', 'FromAsCasing', 'ConsistentInstructionCasing', 'JSONArgsRecommended', 'MaintainerDeprecated',
    'LegacyKeyValueFormat', 'RedundantTargetPlatform', 'ExposeProtoCasing', 'ExposeInvalidFormat',
  ]) {
    expect(fixed, id).toContain(id);
  }
});
