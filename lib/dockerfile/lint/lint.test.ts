import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFindings, lint, lintRules, LINT_SEVERITIES } from './index';
import { findingsOf } from './testing/rule-cases';

const ids = (src: string, options = {}) => lint(src, { debug: true, ...options }).findings.map((f) => f.rule);

describe('hadolint pragmas', () => {
  const src = 'FROM debian\n# hadolint ignore=DL3008,DL3015\nRUN apt-get install -y curl\nRUN apt-get install -y --no-install-recommends wget\n';

  it('ignore= suppresses the listed rules for the next instruction only', () => {
    const found = lint(src, { debug: true }).findings.filter((f) => f.rule === 'DL3008' || f.rule === 'DL3015');
    expect(found.map((f) => [f.rule, f.line])).toEqual([['DL3008', 4]]);
  });

  it('a pragma anywhere in the comment block above counts', () => {
    const block = 'FROM debian:12\n# hadolint ignore=DL3008\n# install curl\nRUN apt-get install -y --no-install-recommends curl\n';
    expect(ids(block)).not.toContain('DL3008');
  });

  it('a blank line breaks the association', () => {
    const gap = 'FROM debian:12\n# hadolint ignore=DL3008\n\nRUN apt-get install -y --no-install-recommends curl\n';
    expect(ids(gap)).toContain('DL3008');
  });

  it('applies to findings on continuation lines of the instruction', () => {
    const multi = 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y --no-install-recommends \\\n    curl\n';
    expect(ids(multi)).not.toContain('DL3008');
  });

  it('global ignore= suppresses everywhere', () => {
    const global = '# hadolint global ignore=DL3006,DL3008\nFROM debian\nRUN apt-get install -y --no-install-recommends curl\n';
    expect(ids(global)).not.toContain('DL3006');
    expect(ids(global)).not.toContain('DL3008');
  });

  it('accepts rule names and Layerlab ids as well', () => {
    const src2 = 'FROM debian:12\n# hadolint ignore=AptGetPinVersions,LL1002\nRUN apt-get install -y --no-install-recommends vim\n';
    expect(ids(src2)).not.toContain('DL3008');
    expect(ids(src2)).not.toContain('LL1002');
  });

  it('ignores malformed pragmas', () => {
    const bad = 'FROM debian:12\n# hadolint ignore DL3008\nRUN apt-get install -y --no-install-recommends curl\n';
    expect(ids(bad)).toContain('DL3008');
  });
});

describe('BuildKit check directive', () => {
  const body = 'FROM alpine:3.19 AS Build\nCMD echo hi\n';

  it('skip= names BuildKit checks', () => {
    const found = ids(`# check=skip=StageNameCasing\n${body}`);
    expect(found).not.toContain('StageNameCasing');
    expect(found).toContain('JSONArgsRecommended');
  });

  it('skip=all skips every BuildKit check but not hadolint rules', () => {
    const found = ids(`# check=skip=all\n${body}`);
    expect(found.filter((id) => !/^(DL|LL)/.test(id))).toEqual([]);
    expect(found).toContain('DL3025');
  });

  it('skip= does not switch off hadolint ids', () => {
    expect(ids(`# check=skip=DL3025\n${body}`)).toContain('DL3025');
  });

  it('error=true makes BuildKit checks errors', () => {
    const findings = lint(`# check=error=true\n${body}`).findings;
    expect(findings.find((f) => f.rule === 'StageNameCasing')?.severity).toBe('error');
    expect(findings.find((f) => f.rule === 'DL3025')?.severity).toBe('warning');
  });

  it('combines skip and error', () => {
    const findings = lint(`# check=skip=JSONArgsRecommended;error=true\n${body}`).findings;
    expect(findings.map((f) => f.rule)).not.toContain('JSONArgsRecommended');
    expect(findings.find((f) => f.rule === 'StageNameCasing')?.severity).toBe('error');
  });
});

describe('options', () => {
  it('ignore skips rules by id or name', () => {
    const src = 'FROM debian\nMAINTAINER me\n';
    expect(ids(src, { ignore: ['DL3006', 'MaintainerDeprecated'] })).toEqual(['DL4000']);
  });

  it('failureThreshold decides failed (default info)', () => {
    const infoOnly = 'FROM alpine:3.19\nRUN echo a\nRUN echo b\n';
    expect(lint(infoOnly).findings.map((f) => f.severity)).toEqual(['info']);
    expect(lint(infoOnly).failed).toBe(true);
    expect(lint(infoOnly, { failureThreshold: 'warning' }).failed).toBe(false);
    expect(lint(infoOnly, { failureThreshold: 'style' }).failed).toBe(true);
    const error = 'FROM alpine:3.19\nWORKDIR app\n';
    expect(lint(error, { failureThreshold: 'error' }).failed).toBe(true);
    expect(lint(error, { failureThreshold: 'none' }).failed).toBe(false);
    expect(lint('FROM alpine:3.19\n', { failureThreshold: 'style' }).failed).toBe(false);
  });
});

describe('parse errors', () => {
  it('an unknown instruction gives one DL1000 finding', () => {
    const { findings, failed } = lint('FROM alpine:3.19\nFOO bar\n');
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'DL1000',
        name: 'ParseError',
        severity: 'error',
        line: 2,
        message: 'dockerfile parse error on line 2: unknown instruction: FOO (did you mean FROM?)',
      }),
    ]);
    expect(failed).toBe(true);
  });

  it('can be ignored like any rule', () => {
    expect(lint('FROM alpine:3.19\nFOO bar\n', { ignore: ['DL1000'] })).toEqual({ findings: [], failed: false });
  });

  it('an empty file is a parse error', () => {
    const [f] = lint('').findings;
    expect(f?.rule).toBe('DL1000');
    expect(f?.line).toBe(1);
  });

  it('an instruction before FROM is a parse error', () => {
    expect(lint('RUN echo hi\n').findings.map((f) => f.message)).toEqual(['no build stage in current context']);
  });

  it('an unterminated heredoc is a parse error with a location', () => {
    const [f] = lint('FROM alpine:3.19\nRUN <<EOF\necho hi\n').findings;
    expect(f?.rule).toBe('DL1000');
    expect(f?.line).toBeGreaterThanOrEqual(2);
  });
});

describe('results', () => {
  it('sorts by instruction, then by the exact spot, then by rule', () => {
    const { findings } = lint('FROM debian\nRUN apt-get update && apt-get install -y curl\nMAINTAINER me\n');
    const keys = findings.map((f) => [f.line, f.column, f.range.start.line, f.range.start.column, f.rule] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3] || (a[4] < b[4] ? -1 : a[4] > b[4] ? 1 : 0));
    expect(keys).toEqual(sorted);
    expect(findings.length).toBeGreaterThan(3);
  });

  it('line and column name the instruction (as hadolint), range the exact spot', () => {
    const [finding] = findingsOf('FROM debian:12\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n', 'DL3008');
    expect(finding).toMatchObject({ line: 2, column: 1, range: { start: { line: 3, column: 48 }, end: { line: 3, column: 52 } } });
  });

  it('formats like hadolint tty output', () => {
    const { findings } = lint('FROM debian\nRUN apt-get install -y --no-install-recommends curl\n');
    expect(formatFindings('Dockerfile', findings)).toBe(
      [
        'Dockerfile:1 DL3006 warning: Always tag the version of an image explicitly',
        'Dockerfile:2 DL3008 warning: Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>`',
      ].join('\n'),
    );
    expect(formatFindings('Dockerfile', [])).toBe('');
  });

  it('works with CRLF line endings and a BOM', () => {
    const src = '\uFEFFFROM debian\r\nRUN apt-get install -y --no-install-recommends \\\r\n    curl\r\n';
    const found = findingsOf(src, 'DL3008');
    expect(found.map((f) => [f.line, f.column, f.range.start.line, f.range.start.column])).toEqual([[2, 1, 3, 5]]);
  });

  it('honours the escape directive when locating words', () => {
    const src = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN apt-get install -y --no-install-recommends `\n    curl\n';
    expect(findingsOf(src, 'DL3008').map((f) => [f.line, f.range.start.line])).toEqual([[3, 4]]);
  });
});

describe('rule table', () => {
  it('has unique ids and names', () => {
    expect(new Set(lintRules.map((r) => r.id)).size).toBe(lintRules.length);
    expect(new Set(lintRules.map((r) => r.name)).size).toBe(lintRules.length);
  });

  it('describes every rule for students', () => {
    for (const rule of lintRules) {
      expect(LINT_SEVERITIES, rule.id).toContain(rule.severity);
      expect(rule.summary.length, rule.id).toBeGreaterThan(10);
      const sentences = rule.explanation.split(/(?<=[.!?])\s+(?=[A-Z`])/).length;
      expect(sentences, `${rule.id}: ${rule.explanation}`).toBeGreaterThanOrEqual(2);
      expect(sentences, `${rule.id}: ${rule.explanation}`).toBeLessThanOrEqual(4);
      expect(rule.exampleFix.bad).not.toBe(rule.exampleFix.good);
      if (rule.source === 'buildkit') expect(rule.name).toBe(rule.id);
      if (rule.source === 'hadolint') expect(rule.id).toMatch(/^DL[34]\d{3}$/);
      if (rule.source === 'layerlab') expect(rule.id).toMatch(/^LL1\d{3}$/);
    }
  });

  it('every rule has a table of firing and clean cases', () => {
    const dir = fileURLToPath(new URL('./rules/', import.meta.url));
    const tested = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.test.ts'))) {
      for (const m of readFileSync(`${dir}${file}`, 'utf8').matchAll(/describeRule\('([A-Za-z0-9]+)'/g)) tested.add(m[1] as string);
    }
    expect(lintRules.map((r) => r.id).filter((id) => !tested.has(id))).toEqual([]);
  });

  it('keeps hadolint default severities', () => {
    const severity = Object.fromEntries(lintRules.map((r) => [r.id, r.severity]));
    expect(severity).toMatchObject({
      DL3000: 'error', DL3002: 'warning', DL3003: 'warning', DL3004: 'error', DL3006: 'warning', DL3007: 'warning',
      DL3008: 'warning', DL3009: 'info', DL3013: 'warning', DL3014: 'warning', DL3015: 'info', DL3016: 'warning',
      DL3018: 'warning', DL3019: 'info', DL3020: 'error', DL3021: 'error', DL3022: 'warning', DL3023: 'error',
      DL3024: 'error', DL3025: 'warning', DL3027: 'warning', DL3042: 'warning', DL3045: 'warning', DL3059: 'info',
      DL3060: 'info', DL4000: 'error', DL4001: 'warning', DL4003: 'warning', DL4004: 'error', DL4006: 'warning',
    });
  });

  it('each exampleFix "bad" snippet triggers its rule and the "good" one does not', () => {
    for (const rule of lintRules) {
      if (rule.id === 'LL1004') continue; // needs to know about the .dockerignore, shown as a comment
      const wrap = (snippet: string) => (/^FROM /im.test(snippet) ? snippet : `FROM debian:12 AS base\n${snippet}`);
      expect(ids(`${wrap(rule.exampleFix.bad)}\n`), `${rule.id} bad`).toContain(rule.id);
      expect(ids(`${wrap(rule.exampleFix.good)}\n`), `${rule.id} good`).not.toContain(rule.id);
    }
  });
});

describe('robustness', () => {
  it('never throws, whatever the input', () => {
    const alphabet = ['FROM ', 'RUN ', 'COPY ', 'ARG ', 'ENV ', 'ONBUILD ', 'a', '$', '{', '}', '"', "'", '\\', '`', '\n', ' ', '|', '&', ';', '(', ')', '<<EOF\n', 'EOF\n', '#', '=', '-', '*', '/', '[', ']', ':', '@', 'apt-get install ', 'rm -rf '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), fc.string(), (parts, noise) => {
        const result = lint(parts.join('') + noise);
        expect(Array.isArray(result.findings)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 200 }), (s) => void lint(`FROM alpine:3.19\n${s}`)), { numRuns: 300 });
  });

  it('stays linear on pathological input', () => {
    const inputs = [
      `FROM alpine:3.19\nRUN ${'"$('.repeat(20000)}\n`,
      `FROM alpine:3.19\nRUN ${'$('.repeat(30000)}\n`,
      `FROM alpine:3.19\n${'RUN apt-get update\n'.repeat(3000)}`,
      `FROM alpine:3.19\n${Array.from({ length: 1500 }, (_, i) => `RUN wget https://x/f${i}.tgz\nRUN rm f${i}.tgz\n`).join('')}`,
    ];
    for (const src of inputs) {
      const t = performance.now();
      lint(src, { debug: true });
      expect(performance.now() - t).toBeLessThan(2000);
    }
  });

  it('lints a 1,000-line Dockerfile in milliseconds', () => {
    const lines = ['ARG BASE=debian:12'];
    for (let s = 0; s < 40; s++) {
      lines.push(`FROM \${BASE} AS s${s}`, 'WORKDIR /app', 'ENV APP_HOME=/app PATH=/app/bin:$PATH');
      for (let i = 0; i < 22; i++) {
        const k = i % 6;
        if (k === 0) lines.push('RUN apt-get update && apt-get install -y --no-install-recommends curl=7 \\', '    && rm -rf /var/lib/apt/lists/*');
        else if (k === 1) lines.push(`COPY src/file${i}.txt ./`);
        else if (k === 2) lines.push('RUN pip install --no-cache-dir -r requirements.txt | tee /tmp/log');
        else if (k === 3) lines.push(`LABEL l${i}="v $APP_HOME"`);
        else if (k === 4) lines.push('RUN cd /tmp && wget https://example.com/x.tgz && tar xzf x.tgz && rm x.tgz');
        else lines.push(`EXPOSE ${8000 + i}`);
      }
    }
    const src = `${lines.join('\n')}\n`;
    expect(lines.length).toBeGreaterThan(1000);
    lint(src);
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      lint(src);
      best = Math.min(best, performance.now() - t);
    }
    // About 15 ms on a laptop including parsing; generous for a busy CI machine.
    expect(best).toBeLessThan(150);
  });
});
