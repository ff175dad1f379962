import { describe, expect, it } from 'vitest';
import { covered, describeRule, findingsOf, fixOnce } from '../testing/rule-cases';

describeRule('JSONArgsRecommended', {
  fires: [
    { src: 'FROM alpine:3.19\nENTRYPOINT my-program start\n', line: 2, message: 'JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals' },
    { name: 'CMD keeps its casing', src: 'from alpine:3.19\ncmd my-program\n', line: 2, message: 'JSON arguments recommended for cmd to prevent unintended behavior related to OS signals' },
    { name: 'SHELL of an unrelated stage', src: 'FROM alpine:3.19 AS a\nSHELL ["/bin/ash", "-c"]\nFROM alpine:3.19\nCMD run\n', line: 4 },
  ],
  clean: [
    { src: 'FROM alpine:3.19\nENTRYPOINT ["my-program", "start"]\n' },
    { name: 'explicit SHELL', src: 'FROM alpine:3.19\nSHELL ["/bin/sh", "-c"]\nCMD my-program start\n' },
    { name: 'SHELL inherited from the parent stage', src: 'FROM alpine:3.19 AS base\nSHELL ["/bin/ash", "-c"]\nFROM base\nCMD run\n' },
  ],
});

describeRule('MaintainerDeprecated', {
  fires: [{ src: 'FROM alpine:3.19\nMAINTAINER moby@example.com\n', line: 2, message: 'Maintainer instruction is deprecated in favor of using label' }],
  clean: [{ src: 'FROM alpine:3.19\nLABEL org.opencontainers.image.authors="moby@example.com"\n' }],
});

describeRule('NoEmptyContinuation', {
  fires: [{ src: 'FROM alpine:3.19\nRUN apk add --no-cache gnupg=2 \\\n\n    curl=8\n', line: 3, message: 'Empty continuation line' }],
  clean: [
    { src: 'FROM alpine:3.19\nRUN apk add --no-cache gnupg=2 \\\n    curl=8\n' },
    { name: 'comment line inside a continuation', src: 'FROM alpine:3.19\nRUN echo a \\\n# note\n    b\n' },
  ],
});

describeRule('LegacyKeyValueFormat', {
  fires: [
    { src: 'FROM alpine:3.19\nENV key value\n', line: 2, message: '"ENV key=value" should be used instead of legacy "ENV key value" format' },
    { name: 'LABEL', src: 'FROM alpine:3.19\nLABEL maintainer Jane Doe\n', line: 2, message: '"LABEL key=value" should be used instead of legacy "LABEL key value" format' },
  ],
  clean: [{ src: 'FROM alpine:3.19\nENV key=value\n' }, { name: 'LABEL with =', src: 'FROM alpine:3.19\nLABEL a=b c="d e"\n' }],
});

describeRule('MultipleInstructionsDisallowed', {
  fires: [
    {
      src: 'FROM alpine:3.19\nCMD ["a"]\nCMD ["b"]\n',
      line: 2,
      count: 1,
      message: 'Multiple CMD instructions should not be used in the same stage because only the last one will be used',
    },
    { name: 'ENTRYPOINT', src: 'FROM alpine:3.19\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n', line: 2 },
    { name: 'HEALTHCHECK', src: 'FROM alpine:3.19\nHEALTHCHECK CMD ["a"]\nHEALTHCHECK NONE\n', line: 2 },
    { name: 'three CMDs give two findings', src: 'FROM alpine:3.19\nCMD ["a"]\nCMD ["b"]\nCMD ["c"]\n', line: 2, count: 2 },
  ],
  clean: [
    { src: 'FROM alpine:3.19\nCMD ["a"]\n' },
    { name: 'one per stage', src: 'FROM alpine:3.19 AS a\nCMD ["a"]\nFROM a\nCMD ["b"]\n' },
    { name: 'CMD and ENTRYPOINT', src: 'FROM alpine:3.19\nENTRYPOINT ["a"]\nCMD ["b"]\n' },
  ],
});

describe('syntax fixes', () => {
  it('JSONArgsRecommended converts to exec form', () => {
    const fixed = fixOnce('FROM alpine:3.19\nENTRYPOINT my-program start\n', 'JSONArgsRecommended');
    expect(fixed).toBe('FROM alpine:3.19\nENTRYPOINT ["my-program", "start"]\n');
    expect(findingsOf(fixed, 'JSONArgsRecommended')).toEqual([]);
  });

  it('MaintainerDeprecated becomes a LABEL', () => {
    const fixed = fixOnce('FROM alpine:3.19\nMAINTAINER moby@example.com\n', 'MaintainerDeprecated');
    expect(fixed).toBe('FROM alpine:3.19\nLABEL org.opencontainers.image.authors="moby@example.com"\n');
  });

  it('LegacyKeyValueFormat rewrites to key=value, quoting spaces', () => {
    const src = 'FROM alpine:3.19\nENV GREETING hello world\nENV A b\n';
    const [first] = findingsOf(src, 'LegacyKeyValueFormat');
    expect(first && covered(src, first)).toBe('GREETING hello world');
    const fixed = fixOnce(src, 'LegacyKeyValueFormat');
    expect(fixed).toBe('FROM alpine:3.19\nENV GREETING="hello world"\nENV A b\n');
    expect(fixOnce(fixed, 'LegacyKeyValueFormat')).toBe('FROM alpine:3.19\nENV GREETING="hello world"\nENV A=b\n');
  });

  it('LegacyKeyValueFormat offers no fix for values with quotes', () => {
    const [f] = findingsOf('FROM alpine:3.19\nENV A "b c"\n', 'LegacyKeyValueFormat');
    expect(f).toBeDefined();
    expect(f?.fix).toBeUndefined();
  });

  it('MultipleInstructionsDisallowed points at the earlier instruction', () => {
    const src = 'FROM alpine:3.19\nCMD ["a"]\nRUN x\nCMD ["b"]\n';
    const [f] = findingsOf(src, 'MultipleInstructionsDisallowed');
    expect(f && covered(src, f)).toBe('CMD');
    expect(f?.line).toBe(2);
  });
});
